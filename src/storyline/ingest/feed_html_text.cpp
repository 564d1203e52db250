#include "storyline/ingest/feed_html_text.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "storyline/extract/html_document.h"
#include "storyline/text/html_entities.h"

namespace storyline::ingest {
namespace {

bool is_one_of(const std::string& name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* candidate) { return name == candidate; });
}

// Elements whose text is never article text.
bool is_skipped(const std::string& name) {
  return is_one_of(name, {"script", "style", "noscript", "iframe", "object", "embed", "video", "audio", "svg", "form",
                          "button", "select", "textarea", "template", "head", "title", "figcaption"});
}

bool is_block(const std::string& name) {
  return is_one_of(name, {"p",      "div",    "section", "article", "blockquote", "ul",      "ol",   "li",    "dl",  "dt",
                          "dd",     "h1",     "h2",      "h3",      "h4",         "h5",      "h6",   "table", "tr",  "pre",
                          "figure", "header", "footer",  "aside",   "hr",         "address", "main", "body",  "html"});
}

// Collects text in paragraphs. Depth is bounded by the HTML parser (256 levels), and the walk is
// iterative anyway so that no input can exhaust the stack.
class TextCollector {
 public:
  void walk(xmlNodePtr first) {
    xmlNodePtr node = first;
    while (node) {
      bool descend = false;
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content) add_inline(reinterpret_cast<const char*>(node->content));
      } else if (node->type == XML_ELEMENT_NODE) {
        const std::string name = extract::node_name(node);
        if (name == "br") {
          line_break();
        } else if (!is_skipped(name)) {
          if (is_block(name)) paragraph_break();
          descend = node->children != nullptr;
        }
      }
      if (descend) {
        node = node->children;
        continue;
      }
      // Climb until a sibling is found, closing blocks on the way up.
      while (node && !node->next) {
        node = node->parent;
        if (!node || node == stop_) return;
        if (node->type == XML_ELEMENT_NODE && is_block(extract::node_name(node))) paragraph_break();
      }
      if (node) node = node->next;
    }
  }
  void set_stop(xmlNodePtr stop) { stop_ = stop; }
  std::string take() {
    paragraph_break();
    while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    return std::move(text_);
  }

 private:
  void add_inline(std::string_view piece) {
    for (char c : piece) {
      const bool space = std::isspace(static_cast<unsigned char>(c));
      if (space) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !text_.empty() && text_.back() != '\n') text_ += ' ';
      pending_space_ = false;
      text_ += c;
    }
  }
  void line_break() {
    // Two <br> in a row are how many feeds separate paragraphs.
    if (!text_.empty() && text_.back() == '\n') {
      paragraph_break();
    } else if (!text_.empty()) {
      text_ += '\n';
    }
    pending_space_ = false;
  }
  void paragraph_break() {
    pending_space_ = false;
    if (text_.empty()) return;
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (text_.ends_with("\n\n")) return;
    text_ += text_.ends_with('\n') ? "\n" : "\n\n";
  }

  std::string text_;
  bool pending_space_ = false;
  xmlNodePtr stop_ = nullptr;
};

}  // namespace

bool looks_like_html(std::string_view text) {
  // A tag: '<' followed by a letter or '/', and a '>' later.
  for (size_t pos = text.find('<'); pos != std::string_view::npos && pos + 1 < text.size(); pos = text.find('<', pos + 1)) {
    const char next = text[pos + 1];
    if ((std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!') &&
        text.find('>', pos) != std::string_view::npos)
      return true;
  }
  return false;
}

std::string html_fragment_text(std::string_view utf8_html) {
  if (!looks_like_html(utf8_html)) {
    // Plain text: keep its own line structure, decode what entities it has.
    return text::decode_html_entities(utf8_html);
  }
  const extract::HtmlDocument page = extract::HtmlDocument::parse(utf8_html);
  if (!page.doc()) return {};
  TextCollector collector;
  collector.set_stop(reinterpret_cast<xmlNodePtr>(page.doc()));
  collector.walk(page.doc()->children);
  return collector.take();
}

}  // namespace storyline::ingest
