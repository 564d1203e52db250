#include "storyline/serve/write_guard.h"

#include <algorithm>

#include "storyline/text/tokenize.h"

namespace storyline::serve {
namespace {

bool is_write(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "DELETE" || method == "PATCH";
}

// "example.com:8080" -> "example.com", "[::1]:8080" -> "::1".
std::string_view without_port(std::string_view host) {
  if (host.starts_with('[')) {
    const size_t close = host.find(']');
    return close == std::string_view::npos ? host : host.substr(1, close - 1);
  }
  const size_t colon = host.rfind(':');
  return colon == std::string_view::npos || host.find(':') != colon ? host : host.substr(0, colon);
}

// "http://127.0.0.1:8080" -> "127.0.0.1:8080"; "" when it is no http(s) origin ("null").
std::string_view origin_authority(std::string_view origin) {
  for (std::string_view scheme : {"http://", "https://"})
    if (origin.starts_with(scheme)) return origin.substr(scheme.size());
  return {};
}

// Compared in constant time: the time a wrong token takes says nothing of the right one.
bool same_secret(std::string_view given, std::string_view expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i)
    difference |= static_cast<unsigned char>(given[i] ^ expected[i % std::max<size_t>(expected.size(), 1)]);
  return difference == 0;
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  const std::string name = text::fold_case(without_port(host));
  const bool ipv4_literal = !name.empty() && name.find_first_not_of("0123456789.") == std::string::npos;
  return name == "localhost" || name.ends_with(".localhost") || name == "::1" || (ipv4_literal && name.starts_with("127."));
}

std::optional<WriteRefusal> refuse_host(std::string_view host, const WriteGuardOptions& options) {
  if (host.empty() || (!options.loopback_only && options.allowed_hosts.empty()) || is_loopback_host(host))
    return std::nullopt;
  const std::string name = text::fold_case(without_port(host));
  for (const std::string& allowed : options.allowed_hosts)
    if (text::fold_case(without_port(allowed)) == name) return std::nullopt;
  return WriteRefusal{403, "this server answers only through a loopback name (127.0.0.1, localhost)" +
                               std::string(options.allowed_hosts.empty() ? "" : " or a name given with --allow-host") +
                               ", not Host '" + std::string(host) +
                               "'; to serve through that name (a proxy's), start serve with --allow-host " +
                               std::string(without_port(host))};
}

std::optional<WriteRefusal> refuse_write(const WriteRequest& request, const WriteGuardOptions& options) {
  if (!is_write(request.method)) return std::nullopt;
  if (auto refusal = refuse_host(request.host, options)) return refusal;
  if (request.fetch_site == "cross-site" || request.fetch_site == "same-site")
    return WriteRefusal{403, "a page of another origin may not write here (Sec-Fetch-Site: " +
                                 std::string(request.fetch_site) + ")"};
  if (!request.origin.empty() && text::fold_case(origin_authority(request.origin)) != text::fold_case(request.host))
    return WriteRefusal{403, "a page of another origin may not write here (Origin: " + std::string(request.origin) + ")"};
  if (!options.write_token.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    const std::string_view given = request.authorization.starts_with(kBearer) ? request.authorization.substr(kBearer.size())
                                                                              : std::string_view{};
    if (!same_secret(given, options.write_token))
      return WriteRefusal{401, "this server takes writes only with its token: Authorization: Bearer TOKEN"};
  }
  return std::nullopt;
}

}  // namespace storyline::serve
