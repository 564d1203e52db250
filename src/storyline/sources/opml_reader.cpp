// Reads OPML with libxml2's tree parser: network access off, entities not expanded, and in
// recovery mode so that one stray "&" in a title does not lose a whole subscription list.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <strings.h>
#include <memory>

#include "storyline/ingest/raw_input.h"
#include "storyline/sources/opml.h"
#include "storyline/sources/source_url.h"

namespace storyline::sources {
namespace {

struct DocumentFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && strcasecmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// An attribute by name, any case (real files write xmlUrl, xmlurl and XMLURL); blank is absent.
std::optional<std::string> attribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
    if (strcasecmp(reinterpret_cast<const char*>(attr->name), name) != 0) continue;
    xmlChar* value = xmlNodeListGetString(node->doc, attr->children, 1);
    if (!value) return std::nullopt;
    std::string text(reinterpret_cast<const char*>(value));
    xmlFree(value);
    const size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return std::nullopt;
    return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
  }
  return std::nullopt;
}

std::string line_of(const xmlNode* node) { return "line " + std::to_string(xmlGetLineNo(node)); }

std::string shown(const std::optional<std::string>& name) { return name ? " '" + *name + "'" : ""; }

class OutlineWalker {
 public:
  explicit OutlineWalker(OpmlReadResult& result) : result_(result) {}

  void walk(const xmlNode* parent, int depth) {
    // Nesting deeper than any real folder tree is an attack or a broken file.
    if (depth > 64) {
      result_.problems.push_back(line_of(parent) + ": outlines nested over 64 deep; the deeper ones skipped");
      return;
    }
    for (const xmlNode* node = parent->children; node; node = node->next) {
      if (!named(node, "outline")) continue;
      std::optional<std::string> name = attribute(node, "title");
      if (!name) name = attribute(node, "text");
      const auto xml_url = attribute(node, "xmlUrl");
      if (xml_url) {
        add_feed(node, *xml_url, name);
      } else if (node->children) {
        folders_.push_back(name.value_or(""));
        walk(node, depth + 1);
        folders_.pop_back();
        continue;
      } else if (const auto type = attribute(node, "type");
                 type && (strcasecmp(type->c_str(), "rss") == 0 || strcasecmp(type->c_str(), "atom") == 0)) {
        result_.problems.push_back(line_of(node) + ": outline" + shown(name) + ": type " + *type +
                                   " but no xmlUrl; skipped");
      }
      // An outline that is a feed may still hold others (some exporters nest that way).
      if (node->children) walk(node, depth + 1);
    }
  }

 private:
  void add_feed(const xmlNode* node, const std::string& raw_url, const std::optional<std::string>& name) {
    const auto url = normalized_http_url(raw_url);
    if (!url) {
      result_.problems.push_back(line_of(node) + ": outline" + shown(name) + ": xmlUrl '" + raw_url +
                                 "' is not an http(s) URL; skipped");
      return;
    }
    OpmlFeed feed;
    feed.xml_url = *url;
    feed.name = name;
    feed.html_url = attribute(node, "htmlUrl");
    feed.line = static_cast<int>(xmlGetLineNo(node));
    std::string path;
    for (const auto& folder : folders_) {
      if (folder.empty()) continue;
      path += (path.empty() ? "" : "/") + folder;
    }
    // OPML 2.0's own category attribute ("/Technology/News,Tag") when the file has no folders.
    if (path.empty()) {
      if (auto category = attribute(node, "category")) {
        std::string first = category->substr(0, category->find(','));
        while (first.starts_with("/")) first.erase(0, 1);
        if (!first.empty()) path = first;
      }
    }
    if (!path.empty()) feed.category = path;
    result_.feeds.push_back(std::move(feed));
  }

  OpmlReadResult& result_;
  std::vector<std::string> folders_;
};

}  // namespace

OpmlReadResult read_opml(std::string_view bytes) {
  if (bytes.size() > kMaxOpmlBytes)
    throw ingest::InputError("the file is " + std::to_string(bytes.size() >> 20) + " MiB, over the " +
                             std::to_string(kMaxOpmlBytes >> 20) + " MiB limit for OPML");
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) throw ingest::InputError("the file is empty");
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) throw ingest::InputError("cannot start the XML parser");
  std::unique_ptr<xmlDoc, DocumentFree> doc(
      xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                        XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS));
  const xmlError* error = xmlCtxtGetLastError(context.get());
  const auto where = [&] {
    std::string message = error && error->message ? error->message : "malformed XML";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return (error ? "line " + std::to_string(error->line) + ": " : std::string()) + message;
  };
  if (!doc) throw ingest::InputError("not XML: " + where());
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) throw ingest::InputError("not XML: " + where());
  if (!named(root, "opml"))
    throw ingest::InputError(line_of(root) + ": the root element is <" + reinterpret_cast<const char*>(root->name) +
                             ">, not <opml>");
  OpmlReadResult result;
  if (!context->wellFormed) result.problems.push_back("malformed XML, read as far as it could be: " + where());
  const xmlNode* body = nullptr;
  for (const xmlNode* node = root->children; node && !body; node = node->next)
    if (named(node, "body")) body = node;
  if (!body) throw ingest::InputError(line_of(root) + ": <opml> has no <body>");
  OutlineWalker(result).walk(body, 0);
  return result;
}

store::SourceRecord source_of(const OpmlFeed& feed) {
  store::SourceRecord source;
  source.url = feed.xml_url;
  source.name = feed.name;
  source.html_url = feed.html_url;
  source.category = feed.category;
  return source;
}

}  // namespace storyline::sources
