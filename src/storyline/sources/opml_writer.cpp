// Writes OPML 2.0 with libxml2's tree API, which escapes names and URLs as XML needs.
#include <libxml/tree.h>

#include <ctime>
#include <map>
#include <memory>

#include "storyline/sources/opml.h"

namespace storyline::sources {
namespace {

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
const xmlChar* x(const std::string& text) { return x(text.c_str()); }

struct DocumentFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// RFC 822, as OPML 2.0 asks for dateCreated.
std::string rfc822_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return text;
}

// The folder outline for a category path ("World/Europe"), made on first use.
xmlNode* folder_for(xmlNode* body, const std::string& category, std::map<std::string, xmlNode*>& folders) {
  xmlNode* parent = body;
  std::string path;
  size_t start = 0;
  while (start <= category.size()) {
    size_t end = category.find('/', start);
    if (end == std::string::npos) end = category.size();
    const std::string name = category.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    path += "/" + name;
    auto& folder = folders[path];
    if (!folder) {
      folder = xmlNewChild(parent, nullptr, x("outline"), nullptr);
      xmlNewProp(folder, x("text"), x(name));
      xmlNewProp(folder, x("title"), x(name));
    }
    parent = folder;
  }
  return parent;
}

}  // namespace

std::string write_opml(const std::vector<store::SourceRecord>& sources, const std::string& title) {
  std::unique_ptr<xmlDoc, DocumentFree> doc(xmlNewDoc(x("1.0")));
  xmlNode* root = xmlNewNode(nullptr, x("opml"));
  xmlNewProp(root, x("version"), x("2.0"));
  xmlDocSetRootElement(doc.get(), root);
  xmlNode* head = xmlNewChild(root, nullptr, x("head"), nullptr);
  xmlNewTextChild(head, nullptr, x("title"), x(title));
  xmlNewTextChild(head, nullptr, x("dateCreated"), x(rfc822_now()));
  xmlNode* body = xmlNewChild(root, nullptr, x("body"), nullptr);
  std::map<std::string, xmlNode*> folders;
  for (const auto& source : sources) {
    xmlNode* parent = source.category ? folder_for(body, *source.category, folders) : body;
    xmlNode* outline = xmlNewChild(parent, nullptr, x("outline"), nullptr);
    const std::string name = source.name.value_or(source.url);
    xmlNewProp(outline, x("type"), x("rss"));
    xmlNewProp(outline, x("text"), x(name));
    xmlNewProp(outline, x("title"), x(name));
    xmlNewProp(outline, x("xmlUrl"), x(source.url));
    if (source.html_url) xmlNewProp(outline, x("htmlUrl"), x(*source.html_url));
  }
  xmlChar* text = nullptr;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(doc.get(), &text, &size, "UTF-8", 1);
  std::string opml(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
  xmlFree(text);
  return opml;
}

}  // namespace storyline::sources
