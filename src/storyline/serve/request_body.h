#pragma once
// A request's body, read as it arrives within its limit (issue 16): the bytes of its payload (a
// chunked body's chunks joined) are handed in piece by piece, Content-Encoding gzip, deflate or
// br is undone in a stream, and reading stops the moment the decoded body would pass the limit.
// Neither framing nor compression gets a body past it: a 1 MB gzip bomb costs the limit, not the
// gigabytes it inflates to.
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
};

class BodyDecoder {
 public:
  // `content_encoding`: the header's value ("" for none). `max_bytes`: the decoded body's limit.
  BodyDecoder(std::string_view content_encoding, size_t max_bytes);
  ~BodyDecoder();
  BodyDecoder(const BodyDecoder&) = delete;
  BodyDecoder& operator=(const BodyDecoder&) = delete;

  // 415 for a Content-Encoding this server cannot undo (before any byte is read).
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
  void fail(int status, std::string message);

  std::string encoding_;
  size_t max_bytes_;
  std::string body_;
  std::unique_ptr<Inflater> inflater_;
  std::optional<BodyError> error_;
  bool unknown_encoding_ = false;
  bool received_payload_ = false;
};

}  // namespace storyline::serve
