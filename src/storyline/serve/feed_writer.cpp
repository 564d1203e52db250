#include "storyline/serve/feed_writer.h"

#include <libxml/xmlwriter.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

namespace storyline::serve {
namespace {

constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";
constexpr const char* kJsonFeedVersion = "https://jsonfeed.org/version/1.1";
// Who the feed itself is by: Atom wants an author for every entry, and an entry without a byline
// or a publisher falls back on the feed's.
constexpr const char* kFeedAuthor = "Storyline";

// XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Surrogates never get here: U8_NEXT reads them as ill-formed.
bool xml_char(UChar32 c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// libxml2 escapes markup but writes control characters as they are, which no parser accepts.
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

// libxml2's text writer over a memory buffer: it escapes text and attributes; every call is
// checked, as a failed one leaves the document cut short.
class XmlWriter {
 public:
  XmlWriter() : buffer_(xmlBufferCreate(), xmlBufferFree) {
    if (!buffer_) throw std::runtime_error("feed: out of memory");
    writer_ = xmlNewTextWriterMemory(buffer_.get(), 0);
    if (!writer_) throw std::runtime_error("feed: cannot start the XML writer");
    xmlTextWriterSetIndent(writer_, 1);
    xmlTextWriterSetIndentString(writer_, reinterpret_cast<const xmlChar*>("  "));
    check(xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr));
  }
  ~XmlWriter() {
    if (writer_) xmlFreeTextWriter(writer_);
  }
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void start(const char* name) { check(xmlTextWriterStartElement(writer_, name_of(name))); }
  void end() { check(xmlTextWriterEndElement(writer_)); }
  void attribute(const char* name, std::string_view value) {
    check(xmlTextWriterWriteAttribute(writer_, name_of(name), text_of(xml_text(value))));
  }
  void element(const char* name, std::string_view text) {
    check(xmlTextWriterWriteElement(writer_, name_of(name), text_of(xml_text(text))));
  }
  void text(std::string_view text) { check(xmlTextWriterWriteString(writer_, text_of(xml_text(text)))); }

  std::string finish() {
    check(xmlTextWriterEndDocument(writer_));
    xmlFreeTextWriter(writer_);  // flushes into the buffer
    writer_ = nullptr;
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<size_t>(xmlBufferLength(buffer_.get())));
  }

 private:
  static const xmlChar* name_of(const char* name) { return reinterpret_cast<const xmlChar*>(name); }
  static const xmlChar* text_of(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }
  static void check(int result) {
    if (result < 0) throw std::runtime_error("feed: the XML writer failed");
  }

  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buffer_;
  xmlTextWriterPtr writer_ = nullptr;
};

void atom_link(XmlWriter& xml, const char* rel, const char* type, std::string_view href) {
  xml.start("link");
  xml.attribute("rel", rel);
  if (type) xml.attribute("type", type);
  xml.attribute("href", href);
  xml.end();
}

void atom_author(XmlWriter& xml, std::string_view name) {
  xml.start("author");
  xml.element("name", name);
  xml.end();
}

// <name type="text">text</name>: Atom's text constructs, written as plain text.
void atom_text(XmlWriter& xml, const char* name, std::string_view text) {
  xml.start(name);
  xml.attribute("type", "text");
  xml.text(text);
  xml.end();
}

void atom_entry(XmlWriter& xml, const FeedEntry& entry) {
  xml.start("entry");
  if (entry.language) xml.attribute("xml:lang", *entry.language);
  xml.element("id", entry.id);
  atom_text(xml, "title", entry.title);
  xml.element("updated", entry.updated);
  if (entry.published) xml.element("published", *entry.published);
  atom_link(xml, "alternate", "text/html", entry.link);
  if (entry.external_link) atom_link(xml, "related", "text/html", *entry.external_link);
  for (const std::string& author : entry.authors) atom_author(xml, author);
  for (const std::string& category : entry.categories) {
    xml.start("category");
    xml.attribute("term", category);
    xml.end();
  }
  if (!entry.summary.empty()) atom_text(xml, "summary", entry.summary);
  xml.end();
}

}  // namespace

std::string write_atom(const Feed& feed) {
  XmlWriter xml;
  xml.start("feed");
  xml.attribute("xmlns", kAtomNamespace);
  xml.element("id", feed.id);
  atom_text(xml, "title", feed.title);
  xml.element("updated", feed.updated);
  atom_link(xml, "self", "application/atom+xml", feed.self_link);
  atom_link(xml, "alternate", "text/html", feed.page_link);
  atom_author(xml, kFeedAuthor);
  xml.start("generator");
  xml.attribute("version", STORYLINE_VERSION);
  xml.text("Storyline");
  xml.end();
  for (const FeedEntry& entry : feed.entries) atom_entry(xml, entry);
  xml.end();
  return xml.finish();
}

std::string write_json_feed(const Feed& feed) {
  using nlohmann::json;
  const auto authors = [](const std::vector<std::string>& names) {
    json list = json::array();
    for (const std::string& name : names) list.push_back({{"name", name}});
    return list;
  };
  json items = json::array();
  for (const FeedEntry& entry : feed.entries) {
    // JSON Feed wants content_text or content_html in every item: the title stands in for a
    // missing summary.
    json item = {{"id", entry.id},
                 {"url", entry.link},
                 {"title", entry.title},
                 {"content_text", entry.summary.empty() ? entry.title : entry.summary},
                 {"date_modified", entry.updated}};
    if (entry.external_link) item["external_url"] = *entry.external_link;
    if (entry.published) item["date_published"] = *entry.published;
    if (!entry.authors.empty()) item["authors"] = authors(entry.authors);
    if (!entry.categories.empty()) item["tags"] = entry.categories;
    if (entry.language) item["language"] = *entry.language;
    items.push_back(std::move(item));
  }
  const json value = {{"version", kJsonFeedVersion},
                      {"title", feed.title},
                      {"home_page_url", feed.page_link},
                      {"feed_url", feed.self_link},
                      {"authors", authors({kFeedAuthor})},
                      {"items", std::move(items)}};
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace storyline::serve
