#include "storyline/extract/page_facts.h"

#include <algorithm>
#include <cctype>

#include "storyline/core/ascii.h"
#include "storyline/extract/markup_words.h"
#include "storyline/extract/page_headings.h"
#include "storyline/text/normalize.h"

namespace storyline::extract {
namespace {

using text::clean_inline_html;  // inline text as a reader sees it: entities decoded, whitespace collapsed

bool equals_ascii_lower(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

void append_ascii_lower(std::string& out, std::string_view text) {
  for (char c : text) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

constexpr size_t kMaxCandidates = 24;
constexpr size_t kMaxShortText = 200;  // a byline or dateline is short; longer blocks are prose

void push_limited(std::vector<std::string>& list, std::string value) {
  if (list.size() < kMaxCandidates && !value.empty()) list.push_back(std::move(value));
}

// Text of an itemprop=author element: its itemprop=name when it has one.
std::string itemprop_author_text(xmlNodePtr node) {
  const std::string content = attribute(node, "content");
  if (!content.empty()) return content;
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (lower_ascii(attribute(child, "itemprop")) == "name") {
      const std::string value = attribute(child, "content");
      return value.empty() ? text_content(child) : value;
    }
    const std::string nested = itemprop_author_text(child);
    if (!nested.empty() && lower_ascii(attribute(child, "itemprop")) != "author") return nested;
  }
  return text_content(node);
}

// Some pages put JSON-LD in a <script> without a type.
bool looks_like_jsonld(xmlNodePtr script) {
  const std::string text = text_content(script);
  const size_t start = text.find_first_not_of(" \t\r\n");
  return start != std::string::npos && (text[start] == '{' || text[start] == '[') &&
         text.find("\"@context\"") != std::string::npos && text.find("schema.org") != std::string::npos;
}

// An element whose own text starts with a byline label: "By <a>Jane Doe</a>", "Von Max Muster".
bool starts_with_byline_label(xmlNodePtr node) {
  xmlNodePtr first = node->children;
  if (!first || first->type != XML_TEXT_NODE || !first->content) return false;
  std::string_view text(reinterpret_cast<const char*>(first->content));
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' || text.front() == '\r'))
    text.remove_prefix(1);
  if (text.size() > 120) return false;
  static constexpr std::string_view kLabels[] = {"By ",
                                                 "BY ",
                                                 "by ",
                                                 "Von ",
                                                 "VON ",
                                                 "von ",
                                                 "Posted by ",
                                                 "Written by ",
                                                 "Geschrieben von ",
                                                 "Verfasst von ",
                                                 "Eingestellt von ",
                                                 "Autor: ",
                                                 "Autorin: ",
                                                 "Author: ",
                                                 "Par ",
                                                 "Por ",
                                                 "Door ",
                                                 "Texto: ",
                                                 "Text: "};
  for (auto label : kLabels)
    if (text.starts_with(label) || text == label.substr(0, label.size() - 1)) return true;
  return false;
}

// The raw text under `node`, or nothing when it passes `limit` bytes: bylines and datelines are
// short, and reading out a whole article for each element named "entry" or "meta" cost more
// than the rest of the metadata.
std::optional<std::string> short_text_content(xmlNodePtr top, size_t limit) {
  std::string text;
  bool too_long = false;
  for_each_descendant(top, [&](xmlNodePtr node) {
    if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content) {
      text += reinterpret_cast<const char*>(node->content);
      too_long = text.size() > limit;
    }
    return !too_long;
  });
  if (too_long) return std::nullopt;
  return text;
}

// Raw bytes a short text may take before it is cleaned (whitespace and markup entities go).
constexpr size_t kMaxShortRawText = 2000;

class FactCollector {
 public:
  explicit FactCollector(PageFacts& facts) : facts_(facts) {}

  void visit(xmlNodePtr node, int depth, bool boilerplate) {
    if (depth > 200) return;
    for (xmlNodePtr child = node ? node->children : nullptr; child; child = child->next) {
      if (child->type == XML_TEXT_NODE && !boilerplate) {
        collect_text_date(child);
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = element_name(child);
      bool child_boilerplate = boilerplate;
      examine(child, name, child_boilerplate);
      if (name == "script" || name == "style" || name == "svg") continue;
      visit(child, depth + 1, child_boilerplate);
    }
  }

 private:
  // Short text with a digit, anywhere visible: the last resort for a date ("Veröffentlicht am
  // 16.08.2019", "Benni, 10. September 2017").
  void collect_text_date(xmlNodePtr text) {
    if (facts_.text_dates.size() >= 300 || !text->content) return;
    const std::string_view raw(reinterpret_cast<const char*>(text->content));
    if (raw.size() > 400 || raw.find_first_of("0123456789") == std::string_view::npos) return;
    std::string value = clean_inline_html(raw);
    if (value.size() >= 6 && value.size() <= kMaxShortText) facts_.text_dates.push_back(std::move(value));
  }

  void examine(xmlNodePtr node, std::string_view name, bool& boilerplate) {
    if (name == "meta") {
      std::string key = attribute(node, "property");
      if (key.empty()) key = attribute(node, "name");
      if (key.empty()) key = attribute(node, "itemprop");
      if (key.empty()) key = attribute(node, "http-equiv");
      if (!key.empty() && facts_.metas.size() < 500)
        facts_.metas.emplace_back(lower_ascii(key), clean_inline_html(attribute(node, "content")));
      return;
    }
    if (name == "html" && facts_.html_lang.empty()) facts_.html_lang = attribute(node, "lang");
    if (name == "title" && facts_.title_tag.empty()) facts_.title_tag = clean_inline_html(text_content(node));
    if (name == "link" && facts_.canonical.empty()) {
      if (equals_ascii_lower(attribute_view(node, "rel"), "canonical")) facts_.canonical = attribute(node, "href");
    }
    if (name == "script") {
      const std::string type = lower_ascii(attribute(node, "type"));
      if (facts_.jsonld.size() < 32 &&
          (type.find("ld+json") != std::string::npos || (type.empty() && looks_like_jsonld(node))))
        facts_.jsonld.push_back(text_content(node));
      return;
    }
    // class and id, lower-cased, in a buffer kept from element to element (this runs for every one).
    marks_.clear();
    append_ascii_lower(marks_, attribute_view(node, "class"));
    marks_ += ' ';
    append_ascii_lower(marks_, attribute_view(node, "id"));
    const std::string& marks = marks_;
    const bool page_wrapper = name == "body" || name == "html" || name == "main" || name == "article";
    if (name == "article") in_article_ = true;
    // <footer> and <aside> inside an <article> hold its byline and date; elsewhere, site chrome.
    if (name == "nav" || ((name == "footer" || name == "aside") && !in_article_) ||
        (!page_wrapper && has_token_prefix(marks, {"comment", "related", "teaser", "recommend", "popular"}) &&
         !has_token(marks, {"commentary"})))  // an opinion piece, not a comment section
      boilerplate = true;
    if ((name == "h1" || name == "h2") && (!boilerplate || (name == "h1" && in_breadcrumb(node)))) {
      const bool site_logo = !in_article_ && is_site_logo_heading(node);
      auto& headings = site_logo ? facts_.site_headings : name == "h1" ? facts_.h1s : facts_.h2s;
      std::string heading = clean_inline_html(heading_text(node));
      if (!heading.empty() && headings.size() < 6) headings.push_back(std::move(heading));
    }

    const std::string_view itemprop = attribute_view(node, "itemprop");
    if (equals_ascii_lower(itemprop, "datepublished") || equals_ascii_lower(itemprop, "datecreated")) {
      std::string value = attribute(node, "content");
      if (value.empty()) value = attribute(node, "datetime");
      if (value.empty() && name == "abbr") value = attribute(node, "title");
      if (value.empty()) value = text_content(node);
      push_limited(facts_.itemprop_dates, clean_inline_html(value));
    }
    if (equals_ascii_lower(itemprop, "author") || equals_ascii_lower(itemprop, "creator"))
      push_limited(facts_.itemprop_authors, clean_inline_html(itemprop_author_text(node)));
    if (boilerplate) return;

    if (name == "time") {
      std::string value = attribute(node, "datetime");
      if (value.empty()) value = text_content(node);
      const bool marked = xmlHasProp(node, reinterpret_cast<const xmlChar*>("pubdate")) ||
                          contains_any(marks, {"publish", "posted", "created", "entry-date", "post-date"});
      push_limited(marked ? facts_.marked_time_dates : facts_.time_dates, clean_inline_html(value));
    }
    if (has_token_prefix(marks, {"published", "updated", "dtstart"}) && !attribute(node, "title").empty())
      push_limited(facts_.microformat_dates, clean_inline_html(attribute(node, "title")));
    const auto push_short = [&](std::vector<std::string>& into) {
      const auto raw = short_text_content(node, kMaxShortRawText);
      if (!raw) return;
      std::string value = clean_inline_html(*raw);
      if (value.size() <= kMaxShortText) push_limited(into, std::move(value));
    };
    if (name == "address" || starts_with_byline_label(node)) push_short(facts_.labelled_bylines);
    const bool short_text = name != "body" && name != "article" && name != "main";
    if (name == "a" && equals_ascii_lower(attribute_view(node, "rel"), "author"))
      push_limited(facts_.rel_authors, clean_inline_html(text_content(node)));
    if (short_text && contains_any(marks, {"author", "byline", "autor", "byl ", "by-line", "writer"}) &&
        !contains_any(marks, {"bio", "avatar", "image", "img", "photo", "description", "about"}))
      push_short(facts_.class_bylines);
    if (short_text &&
        contains_any(marks, {"date", "time", "publish", "posted", "datum", "meta", "byline", "dateline", "entry"}))
      push_short(facts_.datelines);
  }

  PageFacts& facts_;
  std::string marks_;
  bool in_article_ = false;  // an <article> element has begun (not reset: cheap and good enough)
};

}  // namespace

PageFacts collect_page_facts(const HtmlDocument& page) {
  PageFacts facts;
  FactCollector(facts).visit(reinterpret_cast<xmlNodePtr>(page.doc()), 0, false);
  return facts;
}

}  // namespace storyline::extract
