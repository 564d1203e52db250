#include "storyline/serve/request_framing.h"

#include <cstdint>

#include "storyline/core/ascii.h"

namespace storyline::serve {
namespace {

// The comma-separated elements of every value of a header (RFC 9110 5.3), trimmed.
std::vector<std::string_view> list_elements(const std::vector<std::string_view>& values) {
  std::vector<std::string_view> elements;
  for (std::string_view value : values)
    for (std::string_view element : storyline::list_elements(value)) elements.push_back(element);
  return elements;
}

std::string quoted(std::string_view value) { return "'" + std::string(value.substr(0, 40)) + "'"; }

}  // namespace

std::optional<FramingError> framing_error(const std::vector<std::string_view>& content_lengths,
                                          const std::vector<std::string_view>& transfer_encodings) {
  if (!content_lengths.empty() && !transfer_encodings.empty())
    return FramingError{400, "Content-Length and Transfer-Encoding together: send one of them"};
  if (!transfer_encodings.empty()) {
    const std::vector<std::string_view> codings = list_elements(transfer_encodings);
    if (lower_ascii(codings.back()) != "chunked")
      return FramingError{400, "Transfer-Encoding " + quoted(codings.back()) +
                                   " does not end with chunked, so the body's end cannot be found: send it chunked "
                                   "or with Content-Length"};
    if (codings.size() > 1) {
      // Codings before the final chunked: chunked again is an error (RFC 9112 6.1); any other
      // (gzip, deflate) this server does not undo as a transfer coding.
      const std::string_view before = codings.front();
      if (lower_ascii(before) == "chunked")
        return FramingError{400, "Transfer-Encoding names chunked more than once: send it once"};
      return FramingError{501, "Transfer-Encoding " + quoted(before) +
                                   " is not implemented: send the body chunked alone (Transfer-Encoding: chunked) or "
                                   "with Content-Length, compressed with Content-Encoding if need be"};
    }
  }
  std::optional<uint64_t> length;
  for (std::string_view element : list_elements(content_lengths)) {
    // Digits only (RFC 9110 8.6).
    const std::optional<uint64_t> value = decimal_digits(element);
    if (!value) return FramingError{400, "Content-Length " + quoted(element) + " is not a number of bytes"};
    if (length && *length != *value) return FramingError{400, "two different Content-Length values: send one"};
    length = value;
  }
  return std::nullopt;
}

}  // namespace storyline::serve
