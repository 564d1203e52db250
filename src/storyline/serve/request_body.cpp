#include "storyline/serve/request_body.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <array>

#include "storyline/core/ascii.h"

namespace storyline::serve {

// One of zlib (gzip and deflate, told apart by their headers) or brotli, fed a piece at a time.
struct BodyDecoder::Inflater {
  explicit Inflater(bool brotli) {
    if (brotli) {
      brotli_ = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    } else {
      // 15 + 32: a zlib or a gzip header, whichever the data has (as clients send "deflate").
      zlib_ready_ = inflateInit2(&zlib_, 15 + 32) == Z_OK;
    }
  }
  ~Inflater() {
    if (brotli_) BrotliDecoderDestroyInstance(brotli_);
    if (zlib_ready_) inflateEnd(&zlib_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Inflates `input`, handing each piece of output to `sink` (false: stop). False when the data
  // is not valid or `sink` said stop.
  template <typename Sink>
  bool inflate(std::string_view input, Sink&& sink) {
    std::array<char, 16384> out;
    if (brotli_) {
      size_t available_in = input.size();
      const auto* next_in = reinterpret_cast<const uint8_t*>(input.data());
      for (;;) {
        size_t available_out = out.size();
        auto* next_out = reinterpret_cast<uint8_t*>(out.data());
        const BrotliDecoderResult result = BrotliDecoderDecompressStream(brotli_, &available_in, &next_in, &available_out,
                                                                         &next_out, nullptr);
        if (result == BROTLI_DECODER_RESULT_ERROR) return false;
        if (out.size() - available_out > 0 && !sink(out.data(), out.size() - available_out)) return false;
        if (result == BROTLI_DECODER_RESULT_SUCCESS) {
          ended_ = true;
          return available_in == 0;
        }
        if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) return true;
      }
    }
    if (!zlib_ready_) return false;
    zlib_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    zlib_.avail_in = static_cast<uInt>(input.size());
    while (zlib_.avail_in > 0 && !ended_) {
      zlib_.next_out = reinterpret_cast<Bytef*>(out.data());
      zlib_.avail_out = static_cast<uInt>(out.size());
      const int status = ::inflate(&zlib_, Z_NO_FLUSH);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) return false;
      const size_t produced = out.size() - zlib_.avail_out;
      if (produced > 0 && !sink(out.data(), produced)) return false;
      if (status == Z_STREAM_END) ended_ = true;
      if (status == Z_BUF_ERROR && produced == 0) break;
    }
    return true;
  }
  bool ended() const { return ended_; }

 private:
  z_stream zlib_{};
  bool zlib_ready_ = false;
  BrotliDecoderState* brotli_ = nullptr;
  bool ended_ = false;
};

bool BodyBudget::take(size_t bytes) {
  size_t used = used_.load();
  do {
    if (bytes > limit_ || used > limit_ - bytes) return false;
  } while (!used_.compare_exchange_weak(used, used + bytes));
  return true;
}

BodyDecoder::BodyDecoder(std::string_view content_encoding, size_t max_bytes, BodyBudget& budget, size_t expected_bytes)
    : encoding_(lower_ascii(trim(content_encoding))), max_bytes_(max_bytes), budget_(budget) {
  if (encoding_ == "gzip" || encoding_ == "x-gzip" || encoding_ == "deflate") inflater_ = std::make_unique<Inflater>(false);
  else if (encoding_ == "br") inflater_ = std::make_unique<Inflater>(true);
  else if (!encoding_.empty() && encoding_ != "identity") unknown_encoding_ = true;
  // A body sent as it is takes its length; a compressed one grows as it is inflated.
  if (!unknown_encoding_ && !inflater_ && expected_bytes > 0) make_room(std::min(expected_bytes, max_bytes_));
}

BodyDecoder::~BodyDecoder() { budget_.give_back(reserved_); }

std::optional<BodyError> BodyDecoder::refusal() const {
  if (unknown_encoding_)
    return BodyError{415, "Content-Encoding '" + encoding_ + "' is not read: send gzip, deflate, br or none"};
  return error_;
}

void BodyDecoder::fail(int status, std::string message, bool retry_later) {
  if (!error_) error_ = BodyError{status, std::move(message), retry_later};
}

bool BodyDecoder::make_room(size_t size) {
  if (size <= reserved_) return true;
  // Doubling, as a string would, but within the limit and taken from the budget first.
  const size_t room = std::min(std::max({size, 2 * reserved_, size_t{16384}}), max_bytes_);
  if (!budget_.take(room - reserved_)) {
    fail(503,
         "the server is reading other large bodies (" + std::to_string(budget_.limit()) +
             " bytes at most at once): send this one again in a second",
         true);
    return false;
  }
  body_.reserve(room);
  reserved_ = room;
  return true;
}

bool BodyDecoder::append(const char* data, size_t size) {
  if (size > max_bytes_ - body_.size()) {
    fail(413, "the body is over the limit of " + std::to_string(max_bytes_) + " bytes" +
                  (inflater_ ? " (once its " + encoding_ + " is undone)" : ""));
    return false;
  }
  if (!make_room(body_.size() + size)) return false;
  body_.append(data, size);
  return true;
}

bool BodyDecoder::add(std::string_view payload) {
  if (error_) return false;
  received_payload_ = received_payload_ || !payload.empty();
  if (!inflater_) return append(payload.data(), payload.size());
  const bool valid = inflater_->inflate(payload, [this](const char* data, size_t size) { return append(data, size); });
  if (!valid) fail(400, "the body cannot be read: no valid " + encoding_ + " data");
  return !error_;
}

bool BodyDecoder::finish() {
  if (error_) return false;
  // An empty body needs no compressed stream; one cut inside it is not whole.
  if (inflater_ && received_payload_ && !inflater_->ended())
    fail(400, "the body cannot be read: no valid " + encoding_ + " data");
  return !error_;
}

}  // namespace storyline::serve
