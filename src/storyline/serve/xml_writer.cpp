#include "storyline/serve/xml_writer.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace storyline::serve {
namespace {

// XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Surrogates never get here: U8_NEXT reads them as ill-formed.
bool xml_char(UChar32 c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

const xmlChar* name_of(const char* name) { return reinterpret_cast<const xmlChar*>(name); }
const xmlChar* text_of(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }
void check(int result) {
  if (result < 0) throw std::runtime_error("the XML writer failed");
}

}  // namespace

std::string xml_text(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) kept += "\xEF\xBF\xBD";  // U+FFFD for a byte that is no UTF-8
    else if (xml_char(c)) kept.append(text.data() + start, static_cast<size_t>(i - start));
  }
  return kept;
}

XmlWriter::XmlWriter(bool indent) : buffer_(xmlBufferCreate(), xmlBufferFree) {
  if (!buffer_) throw std::runtime_error("XML writer: out of memory");
  writer_ = xmlNewTextWriterMemory(buffer_.get(), 0);
  if (!writer_) throw std::runtime_error("cannot start the XML writer");
  if (indent) {
    xmlTextWriterSetIndent(writer_, 1);
    xmlTextWriterSetIndentString(writer_, name_of("  "));
  }
  check(xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr));
}

XmlWriter::~XmlWriter() {
  if (writer_) xmlFreeTextWriter(writer_);
}

void XmlWriter::start(const char* name) { check(xmlTextWriterStartElement(writer_, name_of(name))); }
void XmlWriter::end() { check(xmlTextWriterEndElement(writer_)); }
void XmlWriter::attribute(const char* name, std::string_view value) {
  check(xmlTextWriterWriteAttribute(writer_, name_of(name), text_of(xml_text(value))));
}
void XmlWriter::element(const char* name, std::string_view text) {
  check(xmlTextWriterWriteElement(writer_, name_of(name), text_of(xml_text(text))));
}
void XmlWriter::text(std::string_view text) { check(xmlTextWriterWriteString(writer_, text_of(xml_text(text)))); }

std::string XmlWriter::finish() {
  check(xmlTextWriterEndDocument(writer_));
  xmlFreeTextWriter(writer_);  // flushes into the buffer
  writer_ = nullptr;
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                     static_cast<size_t>(xmlBufferLength(buffer_.get())));
}

}  // namespace storyline::serve
