#include "storyline/eval/page_text.h"

#include <unordered_set>

#include "storyline/extract/html_document.h"

namespace storyline::extract {
namespace {

bool is_hidden_element(const std::string& name) {
  static const std::unordered_set<std::string> kHidden = {"head",   "script", "style",  "noscript", "template",
                                                          "svg",    "iframe", "object", "select",   "textarea",
                                                          "canvas", "video",  "audio",  "map"};
  return kHidden.count(name) > 0;
}

bool is_block_element(const std::string& name) {
  static const std::unordered_set<std::string> kBlocks = {
      "p",          "div",      "h1",      "h2",         "h3",     "h4",      "h5",   "h6",      "li",
      "ul",         "ol",       "dl",      "dt",         "dd",     "table",   "tr",   "td",      "th",
      "thead",      "tbody",    "section", "article",    "header", "footer",  "nav",  "aside",   "main",
      "blockquote", "pre",      "figure",  "figcaption", "form",   "address", "hr",   "caption", "details",
      "summary",    "fieldset", "legend",  "body",       "html",   "center",  "menu", "button",  "label"};
  return kBlocks.count(name) > 0;
}

class VisibleTextWriter {
 public:
  void walk(xmlNodePtr node) {
    for (xmlNodePtr child = node ? node->children : nullptr; child; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        append_inline(child->content ? reinterpret_cast<const char*>(child->content) : "");
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string name = node_name(child);
      if (is_hidden_element(name)) continue;
      if (name == "br") {
        end_line();
        continue;
      }
      const bool block = is_block_element(name);
      if (block) end_line();
      if (name == "li") line_ = "• ";
      walk(child);
      if (block) end_line();
    }
  }

  std::string take() {
    end_line();
    return std::move(out_);
  }

 private:
  void append_inline(std::string_view text) {
    for (char c : text) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !line_.empty() && line_ != "• ") line_ += ' ';
      pending_space_ = false;
      line_ += c;
    }
  }

  void end_line() {
    pending_space_ = false;
    if (line_.empty() || line_ == "• ") {
      line_.clear();
      return;
    }
    out_ += line_;
    out_ += '\n';
    line_.clear();
  }

  std::string out_;
  std::string line_;
  bool pending_space_ = false;
};

}  // namespace

std::string page_visible_text(std::string_view utf8_html) {
  const HtmlDocument page = HtmlDocument::parse(utf8_html);
  VisibleTextWriter writer;
  writer.walk(reinterpret_cast<xmlNodePtr>(page.doc()));
  return writer.take();
}

}  // namespace storyline::extract
