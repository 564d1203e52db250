#pragma once
// Who may write (POST, PUT, DELETE; INTERFACE.md): never a browser page of another origin, and,
// when the server has a write token, only a client that presents it. A page on any site can make
// the reader's browser send a POST to 127.0.0.1 (a form, fetch without CORS); the browser then
// says where the page came from (Origin, Sec-Fetch-Site), which is what this checks. A page
// reached through a name that resolves to 127.0.0.1 (DNS rebinding) carries that name in Host:
// a server on loopback answers nothing, read or write, through a name that is not its own
// (a loopback name, or one given with `serve --allow-host`).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::serve {

struct WriteRequest {
  std::string_view method;
  std::string_view host;           // the Host header
  std::string_view origin;         // the Origin header ("" when absent)
  std::string_view fetch_site;     // Sec-Fetch-Site ("" when absent)
  std::string_view authorization;  // the Authorization header
};

struct WriteRefusal {
  int status = 403;
  std::string message;
};

struct WriteGuardOptions {
  std::string write_token;    // empty: no token needed
  bool loopback_only = true;  // the server listens on loopback: Host must name this machine
  // `serve --allow-host`: other names Host may give (at any port), such as the name a reverse
  // proxy forwards. When given, Host is checked even on a server listening beyond loopback.
  std::vector<std::string> allowed_hosts;
};

// Why the request must not write, or nullopt when it may (reads always may).
std::optional<WriteRefusal> refuse_write(const WriteRequest& request, const WriteGuardOptions& options);

// Why a request (any method) that gives `host` in its Host header is not answered (403, naming
// the host and --allow-host), or nullopt: on loopback, or with allowed hosts, Host must be a
// loopback name or an allowed one; otherwise (bound beyond loopback) any name is this server's.
// A request without Host (HTTP/1.0) is answered.
std::optional<WriteRefusal> refuse_host(std::string_view host, const WriteGuardOptions& options);

// Whether `host` is a loopback address or name, as a bind address ("127.0.0.1", "::1", "localhost").
bool is_loopback_host(std::string_view host);

}  // namespace storyline::serve
