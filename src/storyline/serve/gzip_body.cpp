#include "storyline/serve/gzip_body.h"

#include <zlib.h>

#include <stdexcept>

namespace storyline::serve {

std::string gzip_body(std::string_view body) {
  z_stream stream{};
  // 15 + 16: a gzip header and trailer rather than raw zlib.
  if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: deflateInit2 failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(body.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  return out;
}

bool accepts_gzip(std::string_view accept_encoding) {
  size_t start = 0;
  while (start < accept_encoding.size()) {
    size_t end = accept_encoding.find(',', start);
    if (end == std::string_view::npos) end = accept_encoding.size();
    std::string_view item = accept_encoding.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const size_t semicolon = item.find(';');
    std::string_view coding = item.substr(0, semicolon);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (coding == "gzip" || coding == "*") {
      if (semicolon == std::string_view::npos) return true;
      const std::string_view parameters = item.substr(semicolon + 1);
      const size_t q = parameters.find("q=");
      // q=0 (or 0.0, 0.00) refuses it.
      if (q == std::string_view::npos || parameters.substr(q + 2).find_first_not_of("0. ") != std::string_view::npos)
        return true;
      return false;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace storyline::serve
