#pragma once
// Small pieces every route file uses: JSON answers and errors, query parameters. Only for the
// serve stage's own files (it includes cpp-httplib, a heavy header).
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::serve {

void reply_json(httplib::Response& response, int status, const nlohmann::json& body);
void reply_error(httplib::Response& response, int status, const std::string& message);
// A query parameter; nullopt when absent or empty.
std::optional<std::string> parameter(const httplib::Request& request, const char* name);
// A count parameter from 1 to `most`: `fallback` when absent; nullopt (answer 400) when bad.
std::optional<size_t> count_parameter(const httplib::Request& request, const char* name, size_t fallback, size_t most);
// A position parameter from 0 to `most` (offset=): 0 when absent; nullopt (answer 400) when bad.
std::optional<size_t> index_parameter(const httplib::Request& request, const char* name, size_t most);
// A time parameter (since=, until=): an ISO 8601 time or Unix seconds. The inner value is empty
// when the parameter is absent; nullopt (answer 400 with kTimeParameterError) when it is neither.
std::optional<std::optional<int64_t>> time_parameter(const httplib::Request& request, const char* name);
inline constexpr std::string_view kTimeParameterError =
    "since and until must be an ISO 8601 time or Unix seconds, e.g. 2019-11-15T00:00:00Z or 1573776000";
int64_t unix_now();
// Every value of a header, as received (views into the request).
std::vector<std::string_view> header_values(const httplib::Request& request, const char* name);

}  // namespace storyline::serve
