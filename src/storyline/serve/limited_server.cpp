#include "storyline/serve/limited_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

namespace storyline::serve {
namespace {

using Clock = std::chrono::steady_clock;

// Waits up to `wait` for `events` on `socket`: true when they came (or the peer hung up, which the
// next read or write then reports).
bool wait_for(int socket, short events, std::chrono::milliseconds wait) {
  pollfd entry{socket, events, 0};
  for (;;) {
    const int ready = ::poll(&entry, 1, static_cast<int>(std::max<int64_t>(0, wait.count())));
    if (ready >= 0) return ready == 1;
    if (errno != EINTR) return false;
  }
}

std::chrono::milliseconds until(Clock::time_point when) {
  return std::chrono::ceil<std::chrono::milliseconds>(when - Clock::now());
}

void address_of(int socket, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  const int got = peer ? ::getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length)
                       : ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length);
  if (got != 0) return;
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (address.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    ::inet_ntop(AF_INET, &v4->sin_addr, text.data(), text.size());
    port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    ::inet_ntop(AF_INET6, &v6->sin6_addr, text.data(), text.size());
    port = ntohs(v6->sin6_port);
  }
  ip = text.data();
}

// One connection, as the library's parser reads and writes it: buffered reads (the parser reads
// the request line and headers a byte at a time) held to the request's deadlines and bounds.
class LimitedStream final : public httplib::Stream {
 public:
  LimitedStream(int socket, const ConnectionLimits& limits) : socket_(socket), limits_(limits) {}

  // Whether bytes of a next request are already buffered (a pipelining client's).
  bool has_buffered() const { return offset_ < filled_; }

  void start_request() {
    started_ = Clock::now();
    in_headers_ = true;
    header_bytes_ = body_bytes_ = 0;
    writing_ = false;
    close_after_ = false;
    cut_ = RequestCut::none;
  }
  void headers_read() {
    in_headers_ = false;
    // An interim "100 Continue" written before the body does not start the answer's deadline.
    writing_ = false;
  }
  void close_after_response() { close_after_ = true; }
  RequestCut cut() const { return cut_; }
  bool must_close() const { return close_after_ || cut_ != RequestCut::none || failed_write_; }

  bool is_readable() const override { return has_buffered() || wait_for(socket_, POLLIN, limits_.idle_read); }
  bool is_writable() const override { return wait_for(socket_, POLLOUT, limits_.idle_write); }

  ssize_t read(char* data, size_t size) override {
    if (cut_ != RequestCut::none) return -1;
    size_t& counted = in_headers_ ? header_bytes_ : body_bytes_;
    const size_t bound = in_headers_ ? limits_.max_header_bytes : limits_.max_body_wire_bytes;
    if (counted >= bound) {
      cut_ = in_headers_ ? RequestCut::headers_too_large : RequestCut::body_too_large;
      return -1;
    }
    if (!has_buffered()) {
      const auto deadline = started_ + (in_headers_ ? limits_.header_deadline : limits_.request_deadline);
      const auto left = until(deadline);
      if (left.count() <= 0 || !wait_for(socket_, POLLIN, std::min(left, limits_.idle_read))) {
        if (Clock::now() >= deadline) cut_ = in_headers_ ? RequestCut::header_deadline : RequestCut::request_deadline;
        return -1;
      }
      const ssize_t got = ::recv(socket_, buffer_.data(), buffer_.size(), 0);
      if (got <= 0) return got;
      offset_ = 0;
      filled_ = static_cast<size_t>(got);
    }
    const size_t given = std::min({size, filled_ - offset_, bound - counted});
    std::memcpy(data, buffer_.data() + offset_, given);
    offset_ += given;
    counted += given;
    return static_cast<ssize_t>(given);
  }

  ssize_t write(const char* data, size_t size) override {
    if (!writing_) {
      writing_ = true;
      write_deadline_ = Clock::now() + limits_.write_deadline;
    }
    const auto left = until(write_deadline_);
    if (left.count() <= 0 || !wait_for(socket_, POLLOUT, std::min(left, limits_.idle_write))) {
      failed_write_ = true;
      return -1;
    }
    const ssize_t sent = ::send(socket_, data, size, MSG_NOSIGNAL);
    if (sent < 0) failed_write_ = true;
    return sent;
  }
  using httplib::Stream::write;

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(socket_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(socket_, false, ip, port); }
  socket_t socket() const override { return socket_; }

 private:
  const int socket_;
  const ConnectionLimits& limits_;
  std::array<char, 4096> buffer_{};
  size_t offset_ = 0, filled_ = 0;
  Clock::time_point started_{}, write_deadline_{};
  bool in_headers_ = true, writing_ = false, close_after_ = false, failed_write_ = false;
  size_t header_bytes_ = 0, body_bytes_ = 0;
  RequestCut cut_ = RequestCut::none;
};

thread_local LimitedStream* current_stream = nullptr;

// The library's pool, counting the connections that wait for a worker.
class CountingPool final : public httplib::TaskQueue {
 public:
  CountingPool(size_t workers, std::atomic<size_t>& waiting) : pool_(workers), waiting_(waiting) {}
  void enqueue(std::function<void()> task) override {
    ++waiting_;
    pool_.enqueue([this, task = std::move(task)] {
      --waiting_;
      task();
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<size_t>& waiting_;
};

}  // namespace

LimitedServer::LimitedServer(ConnectionLimits limits, size_t worker_threads) : limits_(limits) {
  // The library's own settings, for what it still does itself: the answer's Keep-Alive header,
  // and 413 before any byte of a body whose Content-Length is over the limit.
  set_keep_alive_max_count(limits_.keep_alive_max_requests);
  set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits_.keep_alive).count());
  set_read_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits_.idle_read).count(), 0);
  set_write_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits_.idle_write).count(), 0);
  const size_t workers = std::max<size_t>(2, worker_threads);
  new_task_queue = [this, workers] { return new CountingPool(workers, waiting_); };
}

void LimitedServer::headers_read() {
  if (current_stream) current_stream->headers_read();
}

void LimitedServer::close_after_response() {
  if (current_stream) current_stream->close_after_response();
}

RequestCut LimitedServer::cut() { return current_stream ? current_stream->cut() : RequestCut::none; }

bool LimitedServer::process_and_close_socket(socket_t sock) {
  LimitedStream stream(sock, limits_);
  LimitedStream* const outer = std::exchange(current_stream, &stream);
  bool served = true;
  for (size_t count = 0; count < limits_.keep_alive_max_requests; ++count) {
    // The wait for the next request, in steps of 50 ms: the server may be stopping, or other
    // connections may be waiting for this worker. The first step is always taken: a client that
    // has just connected (or just been answered) sends its request within it.
    if (!stream.has_buffered()) {
      const auto give_up = Clock::now() + limits_.keep_alive;
      bool ready = false;
      do {
        ready = wait_for(sock, POLLIN,
                         std::clamp(until(give_up), std::chrono::milliseconds(0), std::chrono::milliseconds(50)));
      } while (!ready && svr_sock_ != INVALID_SOCKET && waiting_ == 0 && Clock::now() < give_up);
      if (!ready) break;
    }
    stream.start_request();
    bool client_closes = false;
    const bool last = count + 1 == limits_.keep_alive_max_requests || svr_sock_ == INVALID_SOCKET;
    served = process_request(stream, last, client_closes, nullptr);
    if (!served || client_closes || stream.must_close()) break;
  }
  current_stream = outer;
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

}  // namespace storyline::serve
