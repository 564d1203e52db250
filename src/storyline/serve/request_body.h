#pragma once
// A request's body, read as it arrives within its limit (issue 16): the bytes of its payload (a
// chunked body's chunks joined) are handed in piece by piece, Content-Encoding gzip, deflate or
// br is undone in a stream, and reading stops the moment the decoded body would pass the limit.
// Neither framing nor compression gets a body past it: a 1 MB gzip bomb costs the limit, not the
// gigabytes it inflates to.
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace storyline::serve {

// Why a body was refused: the status and the message to answer with.
struct BodyError {
  int status = 400;
  std::string message;
  bool retry_later = false;  // 503: the client may send it again in a second (Retry-After)
};

// The memory every body being read may take together, shared by all requests: six 1 MB gzip bombs
// at once each took their 16 MiB limit (and more while a string doubled), where the server's
// memory is to stay within twice its resting size plus one body limit (issue 16). A body that
// would pass it is refused with 503 and Retry-After; ordinary articles are a few KB, so only
// several large bodies at once ever meet it.
class BodyBudget {
 public:
  explicit BodyBudget(size_t limit) : limit_(limit) {}
  size_t limit() const { return limit_; }
  // False (and nothing taken) when `bytes` more would pass the limit.
  bool take(size_t bytes);
  void give_back(size_t bytes) { used_ -= bytes; }

 private:
  const size_t limit_;
  std::atomic<size_t> used_{0};
};

class BodyDecoder {
 public:
  // `content_encoding`: the header's value ("" for none). `max_bytes`: the decoded body's limit.
  // The body's memory is taken from `budget` as it grows (given back when the decoder goes, so
  // keep it while the body taken from it lives); `expected_bytes` (a Content-Length) is taken at
  // once, so that a body the budget cannot hold is refused before it is read.
  BodyDecoder(std::string_view content_encoding, size_t max_bytes, BodyBudget& budget, size_t expected_bytes = 0);
  ~BodyDecoder();
  BodyDecoder(const BodyDecoder&) = delete;
  BodyDecoder& operator=(const BodyDecoder&) = delete;

  // 415 for a Content-Encoding this server cannot undo, 503 when the budget cannot hold the
  // expected bytes (before any byte is read).
  std::optional<BodyError> refusal() const;
  // Adds payload bytes; false once the body is refused (error() says why): stop reading then.
  bool add(std::string_view payload);
  // The payload ended; false when it ended inside compressed data.
  bool finish();
  const std::optional<BodyError>& error() const { return error_; }
  // The decoded body, once finished.
  std::string take() { return std::move(body_); }

 private:
  struct Inflater;
  bool append(const char* data, size_t size);
  // Grows the body's room to hold `size` bytes, taking the growth from the budget.
  bool make_room(size_t size);
  void fail(int status, std::string message, bool retry_later = false);

  std::string encoding_;
  size_t max_bytes_;
  std::string body_;
  BodyBudget& budget_;
  size_t reserved_ = 0;  // taken from the budget: the body's capacity
  std::unique_ptr<Inflater> inflater_;
  std::optional<BodyError> error_;
  bool unknown_encoding_ = false;
  bool received_payload_ = false;
};

}  // namespace storyline::serve
