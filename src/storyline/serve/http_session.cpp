#include "storyline/serve/http_session.h"

#include <algorithm>
#include <limits>
#include <string_view>

#include "storyline/core/ascii.h"
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/request_framing.h"

namespace storyline::serve::detail {
namespace {

std::string text_of(beast::string_view view) { return std::string(view.data(), view.size()); }

std::string seconds_text(std::chrono::milliseconds duration) {
  return std::to_string((duration.count() + 999) / 1000) + " s";
}

// Every value of a framing header in raw request bytes: for requests the parser refused for
// their framing, so that the answer says what was wrong (request_framing.h).
std::vector<std::string_view> raw_header_values(std::string_view head, std::string_view name) {
  std::vector<std::string_view> values;
  head = head.substr(0, head.find("\r\n\r\n"));
  size_t at = 0;
  while (at < head.size()) {
    size_t end = head.find("\r\n", at);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = head.substr(at, end - at);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && lower_ascii(trim(line.substr(0, colon))) == name)
      values.push_back(trim(line.substr(colon + 1)));
    at = end + 2;
  }
  return values;
}

// The first read of a request: most requests' line and headers fit.
constexpr size_t kFirstRead = 1024;

bool is_body_method(std::string_view method) { return method != "GET" && method != "HEAD"; }

}  // namespace

HttpSession::HttpSession(tcp::socket socket, ServerCore& core, std::string address)
    : socket_(std::move(socket)),
      deadline_(socket_.get_executor()),
      core_(core),
      address_(std::move(address)),
      // Room for the request line and headers and one read beyond them.
      buffer_(core.limits.max_header_bytes + 16384) {}

HttpSession::~HttpSession() { core_.release(this, address_); }

void HttpSession::start() {
  asio::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
}

// The timer is moved only when a deadline comes sooner than it would fire (once a request: the
// keep-alive wait after an answer); a later deadline is looked at when it fires. Moving it at
// every phase cost four timer changes and four handlers a request.
void HttpSession::arm(Clock::time_point when) {
  deadline_at_ = when;
  deadline_passed_ = false;
  if (!timer_waiting_ || when < timer_at_) start_timer(when);
}

void HttpSession::disarm() { deadline_at_ = Clock::time_point::max(); }

void HttpSession::start_timer(Clock::time_point when) {
  const uint64_t generation = ++deadline_generation_;
  timer_at_ = when;
  timer_waiting_ = true;
  deadline_.expires_at(when);
  deadline_.async_wait([self = shared_from_this(), generation](beast::error_code error) {
    if (generation != self->deadline_generation_) return;
    self->timer_waiting_ = false;
    if (error || self->phase_ == Phase::closed || self->deadline_at_ == Clock::time_point::max()) return;
    if (Clock::now() < self->deadline_at_) return self->start_timer(self->deadline_at_);
    self->deadline_passed_ = true;
    beast::error_code ignored;
    // Past the answer's deadline, or while lingering, nothing more is said: the connection goes.
    if (self->phase_ == Phase::writing || self->phase_ == Phase::lingering || self->phase_ == Phase::idle)
      self->socket_.close(ignored);
    else self->socket_.cancel(ignored);
  });
}

void HttpSession::wait_for_request() {
  if (core_.stopping) return close();
  phase_ = Phase::idle;
  request_ = Request{};
  request_parsed_ = false;
  decoder_.reset();
  piece_ = {};
  payload_bytes_ = 0;
  // A pipelining client's next request is already here.
  if (buffer_.size() > 0) return read_headers();
  // A connection that waits holds a small buffer and no thread. A read, not a wait for
  // readability: a read is tried at once (a keep-alive client's request has often arrived), and a
  // wait registered after the data came would miss its edge-triggered event.
  if (buffer_.capacity() > 8192) buffer_.shrink_to_fit();
  arm(Clock::now() + core_.limits.keep_alive);
  socket_.async_read_some(buffer_.prepare(kFirstRead), [self = shared_from_this()](beast::error_code error, size_t got) {
    if (error || self->phase_ != Phase::idle || self->core_.stopping) return self->close();
    self->buffer_.commit(got);
    self->read_headers();
  });
}

void HttpSession::read_headers() {
  phase_ = Phase::headers;
  started_ = Clock::now();
  arm(started_ + core_.limits.header_deadline);
  parser_.emplace();
  parser_->header_limit(static_cast<uint32_t>(std::min<size_t>(core_.limits.max_header_bytes, UINT32_MAX)));
  // The body's bound is kept here (as sent and once decoded), not by the parser. Not boost::none:
  // Beast 1.74 compares a Content-Length with the optional limit, and any length is over none.
  parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
  http::async_read_header(socket_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code error, size_t) { self->on_headers(error); });
}

void HttpSession::on_headers(beast::error_code error) {
  const auto& limits = core_.limits;
  if (error) {
    if (deadline_passed_)
      return answer_error(408, "the request's headers did not arrive within " + seconds_text(limits.header_deadline));
    if (error == http::error::header_limit)
      return answer_error(431,
                          "the request line and headers are over " + std::to_string(limits.max_header_bytes) + " bytes");
    if (error == http::error::bad_content_length || error == http::error::bad_transfer_encoding) {
      const std::string_view head(static_cast<const char*>(buffer_.data().data()), buffer_.size());
      if (const auto framing = framing_error(raw_header_values(head, "content-length"),
                                             raw_header_values(head, "transfer-encoding")))
        return answer_error(framing->status, framing->message);
      return answer_error(400, "the request's framing cannot be read: " + error.message());
    }
    if (error == http::error::end_of_stream || error == asio::error::eof || error == asio::error::connection_reset ||
        error == asio::error::operation_aborted || buffer_.size() == 0)
      return close();
    return answer_error(400, "the request cannot be read: " + error.message());
  }

  const auto& head = parser_->get();
  request_.method = text_of(head.method_string());
  request_.target = text_of(head.target());
  for (const auto& field : head) request_.headers.emplace(text_of(field.name_string()), text_of(field.value()));
  request_.remote_ip = address_;  // the connection's peer, read once when it was accepted
  split_target(request_);
  request_parsed_ = true;
  keep_alive_ = parser_->keep_alive();

  // Framing the parser took but that cannot be read one way only (Transfer-Encoding that does
  // not end with chunked, chunked named twice in one header).
  if (const auto framing = framing_error(request_.header_values("Content-Length"),
                                         request_.header_values("Transfer-Encoding")))
    return answer_error(framing->status, framing->message);
  const bool has_body = parser_->chunked() || parser_->content_length().value_or(0) > 0;
  if (core_.hooks.screen)
    if (auto refusal = core_.hooks.screen(request_)) return answer(std::move(*refusal), has_body);
  if (!has_body) return dispatch();
  if (parser_->content_length().value_or(0) > limits.max_body_bytes)
    return answer_error(413, "the body is over the limit of " + std::to_string(limits.max_body_bytes) + " bytes");
  if (lower_ascii(request_.header("Content-Type")).starts_with("multipart/form-data") && is_body_method(request_.method))
    return answer_error(415, "multipart/form-data is not read: send the document or the page as the body");
  decoder_ = std::make_unique<BodyDecoder>(request_.header("Content-Encoding"), limits.max_body_bytes, core_.body_budget,
                                           parser_->content_length().value_or(0));
  if (const auto refusal = decoder_->refusal()) return answer_error(refusal->status, refusal->message, refusal->retry_later);
  if (lower_ascii(request_.header("Expect")) == "100-continue" && head.version() >= 11) {
    phase_ = Phase::body;
    arm(started_ + limits.request_deadline);
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    return asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                             [self = shared_from_this()](beast::error_code written, size_t) {
                               if (written) return self->close();
                               self->read_body();
                             });
  }
  read_body();
}

void HttpSession::read_body() {
  if (phase_ != Phase::body) {
    phase_ = Phase::body;
    arm(started_ + core_.limits.request_deadline);
  }
  if (piece_.empty()) piece_.resize(16384);
  auto& body = parser_->get().body();
  body.data = piece_.data();
  body.size = piece_.size();
  http::async_read(socket_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code error, size_t) { self->on_body_piece(error); });
}

void HttpSession::on_body_piece(beast::error_code error) {
  const auto& limits = core_.limits;
  if (error == http::error::need_buffer) error = {};
  if (error) {
    if (deadline_passed_)
      return answer_error(408, "the request did not arrive within " + seconds_text(limits.request_deadline));
    if (error == asio::error::operation_aborted) return close();
    const std::string encoding = request_.header("Content-Encoding");
    return answer_error(400, encoding.empty()
                                 ? "the body cannot be read: a malformed chunk, or a body shorter than said"
                                 : "the body cannot be read: a malformed chunk, or no valid " + encoding + " data");
  }
  const size_t got = piece_.size() - parser_->get().body().size;
  payload_bytes_ += got;
  if (payload_bytes_ > limits.max_body_bytes)
    return answer_error(413, "the body is over the limit of " + std::to_string(limits.max_body_bytes) + " bytes");
  if (!decoder_->add(std::string_view(piece_.data(), got)))
    return answer_error(decoder_->error()->status, decoder_->error()->message, decoder_->error()->retry_later);
  if (!parser_->is_done()) return read_body();
  if (!decoder_->finish()) return answer_error(decoder_->error()->status, decoder_->error()->message);
  // The decoder stays until the request is answered: the body's memory is counted till then.
  request_.body = decoder_->take();
  piece_ = {};
  dispatch();
}

void HttpSession::dispatch() {
  phase_ = Phase::handling;
  // No deadline while a handler runs: its time is the server's, not the client's.
  disarm();
  const auto run = [this] {
    try {
      return core_.hooks.handle(request_);
    } catch (const std::exception& error) {
      Response failed;
      reply_error(failed, 500, error.what());
      return failed;
    }
  };
  if (core_.hooks.answers_at_once && core_.hooks.answers_at_once(request_)) return answer(run(), false);
  asio::post(core_.workers, [self = shared_from_this(), run] {
    Response response = run();
    asio::post(self->socket_.get_executor(),
               [self, response = std::move(response)]() mutable { self->answer(std::move(response), false); });
  });
}

void HttpSession::answer_error(int status, const std::string& message, bool retry_later) {
  Response response;
  reply_error(response, status, message);
  if (retry_later) response.set_header("Retry-After", "1");
  // The request was not read to its end: the connection cannot carry another.
  answer(std::move(response), true);
}

void HttpSession::answer(Response response, bool close_after) {
  if (phase_ == Phase::closed) return;
  if (request_parsed_ && core_.hooks.observe) core_.hooks.observe(request_, response, Clock::now() - started_);
  response_ = std::move(response);
  // The body is not needed past its handler: its memory goes back to the budget before the
  // answer leaves, so a client that sends its next body on seeing the answer finds it free.
  std::string().swap(request_.body);
  decoder_.reset();
  close_after_ = close_after || !keep_alive_ || core_.stopping;
  const unsigned version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
  auto& message = message_.emplace();
  message.version(version);
  message.result(static_cast<unsigned>(response_.status));
  if (!response_.content_type.empty()) message.set(http::field::content_type, response_.content_type);
  for (const auto& [name, value] : response_.headers) message.insert(name, value);
  // No answer is to be read as another type than it says (a JSON answer as a script or page).
  if (response_.header("X-Content-Type-Options").empty()) message.set("X-Content-Type-Options", "nosniff");
  const bool bodiless = response_.status == 204 || response_.status == 304 || response_.status < 200;
  if (response_.body && !bodiless) message.body() = {response_.body->data(), response_.body->size()};
  message.prepare_payload();
  if (request_.method == "HEAD") message.body() = {};
  message.keep_alive(!close_after_);
  phase_ = Phase::writing;
  arm(Clock::now() + core_.limits.write_deadline);
  http::async_write(socket_, message,
                    [self = shared_from_this()](beast::error_code error, size_t) { self->on_written(error); });
}

void HttpSession::on_written(beast::error_code error) {
  message_.reset();
  response_ = Response{};
  if (error) return close();
  if (close_after_) return linger_and_close();
  wait_for_request();
}

// A connection closed while the client still sends (the rest of a refused body) would be reset,
// and a reset can destroy the answer before the client reads it: the sending side is shut and
// what still comes is read and dropped, for at most 2 s, before the close.
void HttpSession::linger_and_close() {
  if (phase_ != Phase::lingering) {
    phase_ = Phase::lingering;
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    arm(Clock::now() + std::chrono::seconds(2));
  }
  socket_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code error, size_t) {
    if (error) return self->close();
    self->linger_and_close();
  });
}

void HttpSession::close() {
  if (phase_ == Phase::closed) return;
  phase_ = Phase::closed;
  ++deadline_generation_;
  timer_waiting_ = false;
  deadline_.cancel();
  beast::error_code ignored;
  socket_.close(ignored);
}

void HttpSession::server_stopping() {
  asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
    if (self->phase_ == Phase::idle) self->close();
  });
}

void HttpSession::close_now() {
  asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
    // A handler still running answers into a closed connection (answer() sees it).
    if (self->phase_ != Phase::handling) self->close();
    else self->phase_ = Phase::closed;
  });
}

}  // namespace storyline::serve::detail
