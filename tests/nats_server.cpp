#include "nats_server.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace storyline::testing {
namespace {

// A loopback port with the next `span` ports free too (the nodes' client, route and monitoring
// ports follow each other): bound and released, as tests/postgres_server.cpp does for one.
int free_ports(int span) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    const int probe = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address);
    getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length);
    close(probe);
    const int first = ntohs(address.sin_port);
    if (first + span >= 65535) continue;
    bool all_free = true;
    for (int port = first; port < first + span && all_free; ++port) {
      const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in each{};
      each.sin_family = AF_INET;
      each.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      each.sin_port = htons(static_cast<uint16_t>(port));
      all_free = bind(socket_fd, reinterpret_cast<sockaddr*>(&each), sizeof each) == 0;
      close(socket_fd);
    }
    if (all_free) return first;
  }
  return 0;
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

std::string script(std::string_view name) {
  std::string path = STORYLINE_SOURCE_DIR;
  path.append("/scripts/nats/").append(name);
  return path;
}

int counter = 0;

}  // namespace

NatsServer::NatsServer(int nodes) {
  folder_ = (std::filesystem::temp_directory_path() /
             ("storyline-nats-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
                .string();
  std::filesystem::remove_all(folder_);
  int status = 0;
  std::string command = script("start.sh") + " " + folder_ + " " + std::to_string(free_ports(3 * nodes));
  if (nodes > 1) command.append(" --cluster ").append(std::to_string(nodes));
  address_ = run_and_read(command + " 2>&1", status);
  if (status != 0) {
    why_not_ = address_;
    address_.clear();
  }
}

NatsServer::~NatsServer() {
  int status = 0;
  run_and_read(script("stop.sh") + " " + folder_ + " 2>&1", status);
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

void NatsServer::stop_node(int k) {
  int status = 0;
  run_and_read(script("stop.sh") + " " + folder_ + " " + std::to_string(k) + " 2>&1", status);
}

}  // namespace storyline::testing
