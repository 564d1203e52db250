#include "storyline/core/decompress.h"

#include <zlib.h>

#include "storyline/core/input_error.h"

namespace storyline {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F && static_cast<unsigned char>(bytes[1]) == 0x8B;
}

std::string gunzip(std::string_view bytes, size_t max_output) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) throw InputError("cannot initialise zlib");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  std::string output;
  char buffer[1 << 16];
  int status = Z_OK;
  while (true) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      inflateEnd(&stream);
      // A truncated stream still yields what was inflated so far: better some text than none.
      if (status == Z_BUF_ERROR && !output.empty()) return output;
      throw InputError("corrupt gzip data (zlib status " + std::to_string(status) + ")");
    }
    output.append(buffer, sizeof buffer - stream.avail_out);
    if (output.size() > max_output) {
      inflateEnd(&stream);
      throw InputError("gzip data inflates past " + std::to_string(max_output >> 20) + " MiB; refusing");
    }
    if (status == Z_STREAM_END) {
      if (stream.avail_in == 0) break;
      inflateReset(&stream);  // next gzip member
    } else if (stream.avail_in == 0 && stream.avail_out != 0) {
      // Truncated input: keep what we have, unless that is nothing.
      if (output.empty()) {
        inflateEnd(&stream);
        throw InputError("truncated gzip data: nothing could be inflated");
      }
      break;
    }
  }
  inflateEnd(&stream);
  return output;
}

}  // namespace storyline
