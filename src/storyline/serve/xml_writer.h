#pragma once
// XML that any parser accepts, written with libxml2's text writer: it escapes markup in text and
// attributes, and here characters XML 1.0 forbids are left out first (libxml2 writes control
// characters as they are, which no parser accepts) and invalid UTF-8 becomes U+FFFD. Shared by the
// feeds (feed_writer.h) and the coverage chart (coverage_chart.h).
#include <libxml/xmlwriter.h>

#include <memory>
#include <string>
#include <string_view>

namespace storyline::serve {

// `text` without what XML 1.0 cannot carry, as valid UTF-8.
std::string xml_text(std::string_view text);

// One document into memory; every call is checked (a failed one would leave the document cut
// short) and throws std::runtime_error.
class XmlWriter {
 public:
  explicit XmlWriter(bool indent = true);
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void start(const char* name);
  void end();
  void attribute(const char* name, std::string_view value);
  void element(const char* name, std::string_view text);
  void text(std::string_view text);
  std::string finish();

 private:
  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buffer_;
  xmlTextWriterPtr writer_ = nullptr;
};

}  // namespace storyline::serve
