#pragma once
// Small pieces every route file uses: JSON answers and errors, query parameters.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/serve/http_message.h"

namespace storyline::serve {

void reply_json(Response& response, int status, const nlohmann::json& body);
void reply_error(Response& response, int status, const std::string& message);
// A query parameter; nullopt when absent or empty.
std::optional<std::string> parameter(const Request& request, const char* name);
// A count parameter from 1 to `most`: `fallback` when absent; nullopt (answer 400) when bad.
std::optional<size_t> count_parameter(const Request& request, const char* name, size_t fallback, size_t most);
// A position parameter from 0 to `most` (offset=): 0 when absent; nullopt (answer 400) when bad.
std::optional<size_t> index_parameter(const Request& request, const char* name, size_t most);
// A time parameter (since=, until=): an ISO 8601 time or Unix seconds. The inner value is empty
// when the parameter is absent; nullopt (answer 400 with kTimeParameterError) when it is neither.
std::optional<std::optional<int64_t>> time_parameter(const Request& request, const char* name);
inline constexpr std::string_view kTimeParameterError =
    "since and until must be an ISO 8601 time or Unix seconds, e.g. 2019-11-15T00:00:00Z or 1573776000";
int64_t unix_now();

}  // namespace storyline::serve
