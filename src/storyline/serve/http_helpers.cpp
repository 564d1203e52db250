#include "storyline/serve/http_helpers.h"

#include <charconv>
#include <chrono>

#include "storyline/core/iso_time.h"

namespace storyline::serve {

void reply_json(Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void reply_error(Response& response, int status, const std::string& message) {
  reply_json(response, status, {{"error", message}});
}

std::optional<std::string> parameter(const Request& request, const char* name) {
  std::string value = request.query_value(name);
  if (value.empty()) return std::nullopt;
  return value;
}

namespace {

// A whole number parameter from `least` to `most`: `fallback` when absent; nullopt when bad.
std::optional<size_t> number_parameter(const Request& request, const char* name, size_t fallback, size_t least,
                                       size_t most) {
  const auto value = parameter(request, name);
  if (!value) return fallback;
  size_t parsed = 0;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), parsed);
  if (error != std::errc() || end != value->data() + value->size() || parsed < least || parsed > most) return std::nullopt;
  return parsed;
}

}  // namespace

std::optional<size_t> count_parameter(const Request& request, const char* name, size_t fallback, size_t most) {
  return number_parameter(request, name, fallback, 1, most);
}

std::optional<size_t> index_parameter(const Request& request, const char* name, size_t most) {
  return number_parameter(request, name, 0, 0, most);
}

std::optional<std::optional<int64_t>> time_parameter(const Request& request, const char* name) {
  const auto value = parameter(request, name);
  if (!value) return std::optional<int64_t>{};
  const auto parsed = parse_time_or_unix(*value);
  if (!parsed) return std::nullopt;
  return parsed;
}

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace storyline::serve
