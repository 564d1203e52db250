#pragma once
// Small pieces every route file uses: JSON answers and errors, query parameters. Only for the
// serve stage's own files (it includes cpp-httplib, a heavy header).
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace storyline::serve {

void reply_json(httplib::Response& response, int status, const nlohmann::json& body);
void reply_error(httplib::Response& response, int status, const std::string& message);
// A query parameter; nullopt when absent or empty.
std::optional<std::string> parameter(const httplib::Request& request, const char* name);
// A count parameter from 1 to `most`: `fallback` when absent; nullopt (answer 400) when bad.
std::optional<size_t> count_parameter(const httplib::Request& request, const char* name, size_t fallback, size_t most);
int64_t unix_now();

}  // namespace storyline::serve
