#include "postgres_server.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>

namespace storyline::testing {
namespace {

// A free loopback port: bound to port 0, read back, released (the server takes it next).
int free_port() {
  const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(socket_fd);
  return ntohs(address.sin_port);
}

std::string run_and_read(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return output;
  }
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
  status = pclose(pipe);
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  return output;
}

// A script of scripts/postgres/, by its path in the source tree.
std::string script(std::string_view name) {
  std::string path = STORYLINE_SOURCE_DIR;
  path.append("/scripts/postgres/").append(name);
  return path;
}

class Server {
 public:
  Server() {
    folder_ = (std::filesystem::temp_directory_path() / ("storyline-pg-" + std::to_string(getpid()))).string();
    std::filesystem::remove_all(folder_);
    int status = 0;
    address_ = run_and_read(script("start.sh") + " " + folder_ + " " + std::to_string(free_port()) + " --fast 2>&1", status);
    if (status != 0) {
      why_not_ = address_;
      address_.clear();
    }
  }
  ~Server() {
    int status = 0;
    run_and_read(script("stop.sh") + " " + folder_ + " immediate 2>&1", status);
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  const std::string& address() const { return address_; }
  const std::string& why_not() const { return why_not_; }

 private:
  std::string folder_, address_, why_not_;
};

}  // namespace

std::optional<std::string> fresh_postgres_database(std::string& why_not) {
  static std::unique_ptr<Server> server;
  static std::mutex mutex;
  static int databases = 0;
  std::lock_guard lock(mutex);
  if (!server) server = std::make_unique<Server>();
  if (server->address().empty()) {
    why_not = "PostgreSQL could not be started: " + server->why_not();
    return std::nullopt;
  }
  const std::string name = "test_" + std::to_string(++databases);
  int status = 0;
  const std::string output = run_and_read("psql -q -X \"" + server->address() + "\" -c 'CREATE DATABASE " + name + "' 2>&1",
                                          status);
  if (status != 0) {
    why_not = "cannot create a database: " + output;
    return std::nullopt;
  }
  std::string address = server->address();
  return address.substr(0, address.rfind('/') + 1) + name;
}

}  // namespace storyline::testing
