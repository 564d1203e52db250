#include "storyline/extract/content_tree.h"

#include <cctype>
#include <string_view>
#include <unordered_map>

namespace storyline::extract {
namespace {

const std::unordered_map<std::string_view, ContentTag>& tag_table() {
  static const std::unordered_map<std::string_view, ContentTag> table = {
      {"a", ContentTag::kAnchor},
      {"br", ContentTag::kBreak},
      {"p", ContentTag::kParagraph},
      {"h1", ContentTag::kHeading1},
      {"h2", ContentTag::kHeading},
      {"h3", ContentTag::kHeading},
      {"h4", ContentTag::kHeading},
      {"h5", ContentTag::kHeading},
      {"h6", ContentTag::kHeading},
      {"ul", ContentTag::kList},
      {"ol", ContentTag::kList},
      {"dl", ContentTag::kList},
      {"li", ContentTag::kListItem},
      {"dt", ContentTag::kListItem},
      {"dd", ContentTag::kListItem},
      {"blockquote", ContentTag::kBlockquote},
      {"pre", ContentTag::kPre},
      {"table", ContentTag::kTable},
      {"tr", ContentTag::kTableRow},
      {"td", ContentTag::kTableCell},
      {"th", ContentTag::kTableCell},
      {"thead", ContentTag::kDiv},
      {"tbody", ContentTag::kDiv},
      {"tfoot", ContentTag::kDiv},
      {"div", ContentTag::kDiv},
      {"section", ContentTag::kDiv},
      {"center", ContentTag::kDiv},
      {"details", ContentTag::kDiv},
      {"summary", ContentTag::kDiv},
      // <address> is the author's contact or a byline and dateline ("15 Nov 2019 by ..."), never the story.
      {"address", ContentTag::kSkipped},
      {"fieldset", ContentTag::kDiv},
      {"hr", ContentTag::kDiv},
      {"html", ContentTag::kDiv},
      {"hgroup", ContentTag::kDiv},
      {"article", ContentTag::kArticle},
      {"main", ContentTag::kMain},
      {"body", ContentTag::kBody},
      {"figure", ContentTag::kFigure},
      {"figcaption", ContentTag::kCaption},
      {"caption", ContentTag::kCaption},
      {"header", ContentTag::kHeader},
      {"footer", ContentTag::kFooter},
      {"nav", ContentTag::kNav},
      {"aside", ContentTag::kAside},
      {"form", ContentTag::kForm},
      {"menu", ContentTag::kNav},
      {"script", ContentTag::kSkipped},
      {"style", ContentTag::kSkipped},
      {"noscript", ContentTag::kDiv} /* dropped unless it holds the page: mark_boilerplate */,
      {"template", ContentTag::kSkipped},
      {"svg", ContentTag::kSkipped},
      {"math", ContentTag::kSkipped},
      {"iframe", ContentTag::kSkipped},
      {"object", ContentTag::kSkipped},
      {"embed", ContentTag::kSkipped},
      {"canvas", ContentTag::kSkipped},
      {"video", ContentTag::kSkipped},
      {"audio", ContentTag::kSkipped},
      {"button", ContentTag::kSkipped},
      {"select", ContentTag::kSkipped},
      {"option", ContentTag::kSkipped},
      {"input", ContentTag::kSkipped},
      {"textarea", ContentTag::kSkipped},
      {"head", ContentTag::kSkipped},
      {"title", ContentTag::kSkipped},
      {"dialog", ContentTag::kSkipped},
      {"map", ContentTag::kSkipped},
      {"picture", ContentTag::kOther},
      // Ruby annotations (furigana over kanji) are reading aids, not words of the text.
      {"rt", ContentTag::kSkipped},
      {"rp", ContentTag::kSkipped}};
  return table;
}

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Characters that are neither ASCII space nor UTF-8 continuation bytes: code points, roughly.
void count_run(const xmlChar* text, int32_t& chars, int32_t& commas) {
  for (const unsigned char* c = text; *c; ++c) {
    if (is_space_byte(*c) || (*c & 0xC0) == 0x80) continue;
    ++chars;
    if (*c == ',') ++commas;
    // The full-width, ideographic and Arabic commas: E3 80 81 (、), EF BC 8C (，), D8 8C (،).
    else if (*c == 0xEF && c[1] == 0xBC && c[2] == 0x8C) ++commas;
    else if (*c == 0xE3 && c[1] == 0x80 && c[2] == 0x81) ++commas;
    else if (*c == 0xD8 && c[1] == 0x8C) ++commas;
  }
}

std::string attribute_value(xmlAttrPtr attribute) {
  std::string value;
  for (xmlNodePtr child = attribute->children; child; child = child->next)
    if (child->content) value += reinterpret_cast<const char*>(child->content);
  return value;
}

// Class names that describe a state or a neighbour ("has-ads", "with-sidebar", "no-comments"),
// and the taxonomy labels content systems put on a post's wrapper ("tag-politics",
// "category-news", "author-jane": WordPress's post_class), say nothing about what the element
// itself is; they are left out.
// Page builders name every layout box after their own widgets ("elementor-widget-wrap",
// "wp-block-group", Divi's "et_pb_section"): layout, not meaning.
bool is_page_builder_token(std::string_view token) {
  return token.starts_with("elementor") || token.starts_with("wp-block") || token.starts_with("et_pb") ||
         token.starts_with("vc_") || token.starts_with("fusion-");
}

constexpr std::string_view kPageBuilderChrome[] = {"newsletter", "share", "social",    "comment", "related",
                                                   "navigation", "menu",  "subscribe", "login",   "search"};

void append_naming_words(const std::string& value, std::string& out) {
  // WordPress's post_class also names the author ("author-jane"); elsewhere "author-box" is one.
  const bool post_class = value.find("hentry") != std::string::npos || value.find("category-") != std::string::npos;
  size_t start = 0;
  while (start < value.size()) {
    while (start < value.size() && is_space_byte(static_cast<unsigned char>(value[start]))) ++start;
    size_t end = start;
    while (end < value.size() && !is_space_byte(static_cast<unsigned char>(value[end]))) ++end;
    const std::string_view token = std::string_view(value).substr(start, end - start);
    const bool modifier = token.starts_with("has-") || token.starts_with("has_") || token.starts_with("with-") ||
                          token.starts_with("no-") || token.starts_with("without-") || token.starts_with("tag-") ||
                          token.starts_with("category-") || (post_class && token.starts_with("author-")) ||
                          token.starts_with("format-") || token.starts_with("status-") || is_page_builder_token(token) ||
                          token == "commentary";  // a genre of article, not a comment section
    if (!token.empty() && !modifier) {
      out += token;
      out += ' ';
    } else if (is_page_builder_token(token)) {
      // A builder's block names its own kind in generic words ("widget", "column"), except for
      // the blocks that are plainly not the article ("wp-block-newsletter", "elementor-share-buttons").
      for (std::string_view kind : kPageBuilderChrome)
        if (token.find(kind) != std::string_view::npos) {
          out += kind;
          out += ' ';
        }
    }
    start = end;
  }
}

void lower(std::string& text) {  // ASCII only, inline: this runs over every class and id
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
}

}  // namespace

bool is_block(ContentTag tag) {
  return tag != ContentTag::kOther && tag != ContentTag::kAnchor && tag != ContentTag::kBreak && tag != ContentTag::kSkipped;
}

ContentTag classify_tag(const xmlChar* name) {
  if (!name) return ContentTag::kOther;
  // libxml2's HTML parser lower-cases element names already.
  const auto found = tag_table().find(reinterpret_cast<const char*>(name));
  return found == tag_table().end() ? ContentTag::kOther : found->second;
}

ContentTree::ContentTree(const HtmlDocument& page) {
  xmlNodePtr root = page.root();
  if (!root) return;
  elements_.reserve(2048);
  runs_.reserve(4096);
  // Pre-order walk with parent links instead of a stack: `current` is the open element's index.
  int32_t current = -1;
  xmlNodePtr node = root;
  while (node) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      ContentElement element;
      element.node = node;
      element.parent = current;
      element.tag = classify_tag(node->name);
      for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
        const char* name = reinterpret_cast<const char*>(attribute->name);
        if (!name) continue;
        const std::string_view key(name);
        if (key == "class" || key == "id") {
          append_naming_words(attribute_value(attribute), element.class_and_id);
        } else if (key == "role") {
          element.role = attribute_value(attribute);
          lower(element.role);
        } else if (key == "itemprop") {
          element.itemprop = attribute_value(attribute);
          lower(element.itemprop);
        }
      }
      lower(element.class_and_id);
      if (current >= 0) {
        const ContentElement& parent = elements_[current];
        element.in_anchor = parent.in_anchor;
        if (is_block(element.tag)) elements_[current].has_block_children = true;
      }
      if (element.tag == ContentTag::kAnchor) element.in_anchor = true;
      elements_.push_back(std::move(element));
      if (elements_.back().tag != ContentTag::kSkipped && node->children) {
        current = static_cast<int32_t>(elements_.size()) - 1;
        descend = true;
      } else {
        elements_.back().end = static_cast<int32_t>(elements_.size());
      }
    } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content && current >= 0) {
      TextRun run{current, 0, 0};
      count_run(node->content, run.chars, run.commas);
      if (run.chars > 0) runs_.push_back(run);
    }
    if (descend) {
      node = node->children;
      continue;
    }
    // Next sibling, or climb, closing every element we leave.
    while (node && node != root && !node->next) {
      node = node->parent;
      if (node && node->type == XML_ELEMENT_NODE && current >= 0 && elements_[current].node == node) {
        elements_[current].end = static_cast<int32_t>(elements_.size());
        current = elements_[current].parent;
      }
    }
    if (!node || node == root) break;
    node = node->next;
  }
  // Close whatever is still open (the root).
  while (current >= 0) {
    elements_[current].end = static_cast<int32_t>(elements_.size());
    current = elements_[current].parent;
  }
  count_text();
  for (auto& element : elements_) element.initial_chars = element.chars;
}

void ContentTree::count_text() {
  for (auto& element : elements_) {
    element.chars = element.link_chars = element.commas = element.paragraphs = 0;
    element.own_chars = element.own_link_chars = element.own_commas = 0;
    element.effectively_removed = element.removed || (element.parent >= 0 && elements_[element.parent].effectively_removed);
    element.owner = is_block(element.tag) || element.parent < 0 ? static_cast<int32_t>(&element - elements_.data())
                                                                : elements_[element.parent].owner;
  }
  for (const TextRun& run : runs_) {
    ContentElement& holder = elements_[run.element];
    if (holder.effectively_removed) continue;
    holder.chars += run.chars;
    holder.commas += run.commas;
    if (holder.in_anchor) holder.link_chars += run.chars;
    ContentElement& owner = elements_[holder.owner];
    owner.own_chars += run.chars;
    owner.own_commas += run.commas;
    if (holder.in_anchor) owner.own_link_chars += run.chars;
  }
  for (size_t i = elements_.size(); i-- > 0;) {
    ContentElement& element = elements_[i];
    if (element.effectively_removed) continue;
    if (element.tag == ContentTag::kParagraph && element.chars > 0) ++element.paragraphs;
    if (element.parent < 0) continue;
    ContentElement& parent = elements_[element.parent];
    parent.chars += element.chars;
    parent.link_chars += element.link_chars;
    parent.commas += element.commas;
    parent.paragraphs += element.paragraphs;
  }
}

}  // namespace storyline::extract
