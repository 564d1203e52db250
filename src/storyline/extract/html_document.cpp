#include "storyline/extract/html_document.h"

#include <algorithm>
#include <cctype>
#include <climits>

#include "storyline/core/ascii.h"

namespace storyline::extract {

namespace {

bool starts_with_ascii_lower(std::string_view text, size_t at, std::string_view lower) {
  if (at + lower.size() > text.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != lower[i]) return false;
  return true;
}

// Where "</name" starts at or after `from`, case-insensitive; npos when the element never closes.
size_t find_close_tag(std::string_view html, size_t from, std::string_view close) {
  for (size_t at = html.find('<', from); at != std::string_view::npos; at = html.find('<', at + 1))
    if (starts_with_ascii_lower(html, at, close)) return at;
  return std::string_view::npos;
}

// libxml2's HTML parser reads the inside of <script> and <style> a character at a time, and on
// news pages that is most of the bytes (callgrind: most of the parse). Nothing is read from them
// but JSON-LD, so every other script's and style's content is left out before parsing, and so is
// every inline <svg> drawing's: the elements stay, empty. Comments go whole. A page without any
// is not copied. Hand-written because no parser option skips them; the scan keeps to what a
// browser does (a script ends at the first "</script").
std::string without_script_and_style_contents(std::string_view html, bool& changed) {
  std::string out;
  changed = false;
  size_t pos = 0;
  for (size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    if (html.compare(lt, 4, "<!--") == 0) {
      // A comment may hold markup that is not markup; nothing reads comments, so they go too
      // (libxml2 reads them a character at a time as well). "<!-->" and "<!--->" end at once.
      const size_t end = html.compare(lt, 5, "<!-->") == 0    ? lt + 2
                         : html.compare(lt, 6, "<!--->") == 0 ? lt + 3
                                                              : html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      if (!changed) out.reserve(html.size());
      changed = true;
      out.append(html.substr(pos, lt - pos));
      pos = end + 3;
      lt = end + 2;
      continue;
    }
    const bool script = starts_with_ascii_lower(html, lt, "<script");
    const bool style = !script && starts_with_ascii_lower(html, lt, "<style");
    const bool svg = !script && !style && starts_with_ascii_lower(html, lt, "<svg");  // drawings, never text
    if (!script && !style && !svg) continue;
    const size_t name_end = lt + (script ? 7 : style ? 6 : 4);
    if (name_end >= html.size()) break;
    const char after_name = html[name_end];
    if (after_name != '>' && after_name != '/' && !std::isspace(static_cast<unsigned char>(after_name))) continue;
    const size_t tag_end = html.find('>', name_end);
    if (tag_end == std::string_view::npos) break;
    if (html[tag_end - 1] == '/') continue;  // <svg ... />: nothing inside
    const size_t close = find_close_tag(html, tag_end + 1, script ? "</script" : style ? "</style" : "</svg");
    if (close == std::string_view::npos) break;
    if (script) {
      // JSON-LD and other JSON (typed, or a bare object some pages leave untyped) are read.
      const std::string tag = lower_ascii(html.substr(lt, tag_end - lt));
      const size_t first = html.find_first_not_of(" \t\r\n", tag_end + 1);
      const bool json = tag.find("json") != std::string::npos ||
                        (first < close && (html[first] == '{' || html[first] == '['));
      if (json) {
        lt = close;
        continue;
      }
    }
    if (!changed) out.reserve(html.size());
    changed = true;
    out.append(html.substr(pos, tag_end + 1 - pos));
    pos = close;
    lt = close;
  }
  if (changed) out.append(html.substr(pos));
  return out;
}

// Without implied elements (HTML_PARSE_NOIMPLIED keeps fragments as they are), a page that starts
// with <style> or <script> before <html>, or has <head> and <body> with no <html> around them,
// parses into several top-level elements, and everything after the first is outside the root
// every reader starts from. They are gathered under one <html>, in their order.
void gather_top_level(xmlDocPtr doc) {
  // A <script> or <style> first on the page takes the rest of the page in as its children: they
  // are moved out after it, where the page put them.
  for (xmlNodePtr node = doc->children; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE || !node->name ||
        (xmlStrcasecmp(node->name, BAD_CAST "script") != 0 && xmlStrcasecmp(node->name, BAD_CAST "style") != 0))
      continue;
    xmlNodePtr after = node;
    for (xmlNodePtr child = node->children; child;) {
      xmlNodePtr next = child->next;
      if (child->type == XML_ELEMENT_NODE) {
        xmlUnlinkNode(child);
        after = xmlAddNextSibling(after, child);
      }
      child = next;
    }
  }
  int elements = 0;
  for (xmlNodePtr node = doc->children; node; node = node->next) elements += node->type == XML_ELEMENT_NODE;
  if (elements < 2) return;
  xmlNodePtr wrapper = xmlNewDocNode(doc, nullptr, BAD_CAST "html", nullptr);
  for (xmlNodePtr node = doc->children; node;) {
    xmlNodePtr next = node->next;
    if (node->type == XML_ELEMENT_NODE || node->type == XML_TEXT_NODE) {
      xmlUnlinkNode(node);
      xmlAddChild(wrapper, node);  // a text node may be merged into the one before: `next` was kept
    }
    node = next;
  }
  xmlAddChild(reinterpret_cast<xmlNodePtr>(doc), wrapper);
}

}  // namespace

HtmlDocument HtmlDocument::parse(std::string_view utf8_html) {
  HtmlDocument result;
  // libxml2's HTML parser stops at a NUL byte, losing the rest of the page (some servers pad
  // pages with them); browsers ignore them, and so do we.
  std::string without_nul;
  if (utf8_html.find('\0') != std::string_view::npos) {
    without_nul.reserve(utf8_html.size());
    for (const char c : utf8_html)
      if (c != '\0') without_nul += c;
    utf8_html = without_nul;
  }
  bool emptied = false;
  const std::string lighter = without_script_and_style_contents(utf8_html, emptied);
  if (emptied) utf8_html = lighter;
  const int size = static_cast<int>(std::min<size_t>(utf8_html.size(), INT_MAX));
  // HTML_PARSE_NONET: never fetch DTDs or entities; RECOVER: accept the broken markup of the web.
  // The parser's own depth limit (256) keeps deeply nested inputs from exhausting the stack.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED;
  xmlDocPtr doc = htmlReadMemory(utf8_html.data(), size, nullptr, "UTF-8", options);
  if (!doc) doc = htmlNewDocNoDtD(nullptr, nullptr);
  gather_top_level(doc);
  result.doc_.reset(doc);
  return result;
}

std::string node_name(xmlNodePtr node) {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  return lower_ascii(reinterpret_cast<const char*>(node->name));
}

std::string attribute(xmlNodePtr node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

std::string_view attribute_view(xmlNodePtr node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  for (xmlAttrPtr attr = node->properties; attr; attr = attr->next) {
    if (!attr->name || xmlStrcmp(attr->name, reinterpret_cast<const xmlChar*>(name)) != 0) continue;
    const xmlNode* value = attr->children;
    if (value && !value->next && value->type == XML_TEXT_NODE && value->content)
      return reinterpret_cast<const char*>(value->content);
    return {};
  }
  return {};
}

std::string_view element_name(xmlNodePtr node) {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  return reinterpret_cast<const char*>(node->name);
}

std::string text_content(xmlNodePtr node) {
  if (!node) return {};
  xmlChar* value = xmlNodeGetContent(node);
  if (!value) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

bool hidden_by_attributes(xmlNodePtr node) {
  if (!node || node->type != XML_ELEMENT_NODE) return false;
  // One pass over the attributes: this runs for every element of a page.
  for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
    const std::string_view name(reinterpret_cast<const char*>(attribute->name));
    if (name == "hidden") return true;
    if (name != "style" && name != "aria-hidden") continue;
    std::string compact;  // lower case, no spaces
    for (xmlNodePtr child = attribute->children; child; child = child->next)
      if (child->content)
        for (const xmlChar* c = child->content; *c; ++c)
          if (*c != ' ') compact += static_cast<char>(std::tolower(*c));
    if (name == "aria-hidden" && compact == "true") return true;
    if (name == "style" &&
        (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos))
      return true;
  }
  return false;
}

}  // namespace storyline::extract
