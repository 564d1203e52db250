#include "sources/feed_server.h"

#include <httplib.h>

#include <cctype>
#include <chrono>
#include <thread>

#include "storyline/core/decompress.h"
#include "storyline/core/input_files.h"

namespace storyline::testing {

struct FeedServer::Impl {
  httplib::Server server;
  std::thread thread;
  mutable std::mutex mutex;
  std::map<std::string, Handler> handlers;
  std::vector<SeenRequest> requests;
};

FeedServer::FeedServer() : impl_(std::make_unique<Impl>()) {
  impl_->server.Get(R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
    Handler handler;
    {
      std::lock_guard lock(impl_->mutex);
      SeenRequest seen{request.path, {}, std::chrono::steady_clock::now()};
      for (const auto& [name, value] : request.headers) {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        seen.headers[lower] = value;
      }
      impl_->requests.push_back(std::move(seen));
      const auto found = impl_->handlers.find(request.path);
      if (found != impl_->handlers.end()) handler = found->second;
    }
    if (handler) handler(request, response);
    else response.status = 404;
  });
  port_ = impl_->server.bind_to_any_port("127.0.0.1");
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 200 && !impl_->server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

FeedServer::~FeedServer() {
  impl_->server.stop();
  impl_->thread.join();
}

void FeedServer::on(const std::string& path, Handler handler) {
  std::lock_guard lock(impl_->mutex);
  impl_->handlers[path] = std::move(handler);
}

void FeedServer::serve(const std::string& path, std::string body, std::string content_type) {
  on(path,
     [body = std::move(body), content_type = std::move(content_type)](const httplib::Request&, httplib::Response& response) {
       response.set_content(body, content_type);
     });
}

std::string FeedServer::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

std::vector<SeenRequest> FeedServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

size_t FeedServer::count(const std::string& path) const {
  std::lock_guard lock(impl_->mutex);
  size_t n = 0;
  for (const auto& request : impl_->requests) n += request.path == path;
  return n;
}

std::string read_test_file(const std::string& path) {
  std::string bytes = storyline::read_file_bytes(path);
  if (storyline::is_gzip(bytes)) return storyline::gunzip(bytes, size_t{64} << 20);
  return bytes;
}

}  // namespace storyline::testing
