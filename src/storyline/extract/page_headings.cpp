// Hand-written: what a page's headings say about its headline depends on template conventions
// (kickers, logos, breadcrumbs) that no HTML library knows.
#include "storyline/extract/page_headings.h"
#include "storyline/core/ascii.h"

#include <algorithm>
#include <string_view>

#include "storyline/extract/markup_words.h"
#include "storyline/text/normalize.h"

namespace storyline::extract {
namespace {

// The element's class and id words, lower-cased: "site-title header".
std::string class_and_id(xmlNodePtr node) { return lower_ascii(attribute(node, "class") + " " + attribute(node, "id")); }

// Hidden from sight, kept for screen readers or scripts: <h1>Headline<span class="element-invisible">
// | Site</span></h1> shows only the headline.
bool hidden_element(xmlNodePtr node) {
  return hidden_by_attributes(node) ||
         has_token(lower_ascii(attribute(node, "class")),
                   {"element-invisible", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
                    "screenreader-only", "hidden", "is-hidden", "u-hidden", "offscreen"});
}

// A kicker above the headline, or a subtitle or date line after it, inside the same <h1>
// ("<span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von
// Rheinmetall gehackt</span>", "Headline<br><small>02.02.2022 • Presse</small>"): the headline is
// the rest (measured on trafilatura-eval: 12 titles more, 1 fewer where the gold keeps a subtitle).
bool is_secondary_heading_part(xmlNodePtr node) {
  static constexpr std::string_view kMarks[] = {"kicker",      "dachzeile",   "topline",    "overline",
                                                "eyebrow",     "roofline",    "supertitle", "pretitle",
                                                "titleheader", "topic-label", "h1small",    "subtitle"};
  if (node_name(node) == "small") return true;
  const std::string classes = lower_ascii(attribute(node, "class"));
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](std::string_view mark) { return classes.find(mark) != std::string::npos; });
}

// Text as shown: no <script>/<style> content or hidden elements, and a space between elements so
// that a kicker in its own <span> does not run into the headline ("Die Zukunft der Arbeit" + "„Wir ...").
// `skip_secondary` leaves out the node's own children that are a heading's kicker or subtitle.
void append_visible_text(xmlNodePtr node, std::string& out, int depth, bool skip_secondary = false) {
  if (depth > 50 || out.size() > 2000) return;
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content) {
      out += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      const std::string name = node_name(child);
      if (name == "script" || name == "style" || name == "noscript" || hidden_element(child)) continue;
      if (skip_secondary && is_secondary_heading_part(child)) continue;
      const bool inline_markup = name == "em" || name == "i" || name == "b" || name == "strong" || name == "a" ||
                                 name == "wbr";
      if (!inline_markup) out += ' ';
      append_visible_text(child, out, depth + 1);
      if (!inline_markup) out += ' ';
    }
  }
}

std::string visible_text(xmlNodePtr node) {
  std::string out;
  append_visible_text(node, out, 0);
  return out;
}

// The separator a kicker left behind ("<span>Kicker</span><span>: </span>Headline"), at either end.
std::string without_dangling_separators(std::string text) {
  const auto is_separator_byte = [](char c) { return c == ' ' || c == ':' || c == '|' || c == '-' || c == '/'; };
  size_t start = 0, end = text.size();
  while (start < end && is_separator_byte(text[start])) ++start;
  while (end > start && is_separator_byte(text[end - 1])) --end;
  return text.substr(start, end - start);
}

// A link to the site's home page: "/", "./", "index.html", "https://host/", also inside an archive
// ("https://web.archive.org/web/2014.../http://host/").
bool is_home_link(std::string_view href) {
  const size_t cut = href.find_first_of("?#");
  if (cut != std::string_view::npos) href = href.substr(0, cut);
  const size_t first = href.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  href = href.substr(first, href.find_last_not_of(" \t\r\n") + 1 - first);
  std::string_view path = href;
  if (const size_t scheme = href.rfind("://"); scheme != std::string_view::npos) {
    const size_t slash = href.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view("/") : href.substr(slash);
  } else if (href.starts_with("//")) {
    const size_t slash = href.find('/', 2);
    path = slash == std::string_view::npos ? std::string_view("/") : href.substr(slash);
  }
  if (path.starts_with("./")) path.remove_prefix(1);
  if (!path.starts_with("/")) return path == "." || path == "index.html" || path == "index.php" || path == "index.htm";
  return path == "/" || path == "/index.html" || path == "/index.php" || path == "/index.htm";
}

bool is_site_branding(xmlNodePtr node) {
  const std::string marks = class_and_id(node);
  return lower_ascii(attribute(node, "role")) == "banner" ||
         has_token(marks, {"site-title", "site-name", "sitename", "site-logo", "logo", "blog-title", "blogtitle",
                           "blog-name", "branding", "site-branding", "masthead", "site-header", "headerimg", "brand"});
}

// The link a heading is, or sits in: its only element child (or grandchild), or its parent.
xmlNodePtr heading_link(xmlNodePtr heading) {
  if (heading->parent && heading->parent->type == XML_ELEMENT_NODE && node_name(heading->parent) == "a")
    return heading->parent;
  xmlNodePtr node = heading;
  for (int depth = 0; depth < 3; ++depth) {
    xmlNodePtr only = nullptr;
    for (xmlNodePtr child = node->children; child; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) {
        if (only) return nullptr;
        only = child;
      } else if (child->type == XML_TEXT_NODE && child->content &&
                 std::string_view(reinterpret_cast<const char*>(child->content)).find_first_not_of(" \t\r\n") !=
                     std::string_view::npos) {
        return nullptr;  // text outside the link
      }
    }
    if (!only) return nullptr;
    if (node_name(only) == "a") return only;
    node = only;
  }
  return nullptr;
}

}  // namespace

// A heading that is the site's name in its banner, not the article's headline: WordPress themes
// give the blog's name an <h1 class="site-title"><a href="/" rel="home">; older ones an <h1> linking
// to the home page inside <div id="header">. Its text then names the site (a title part to drop).
bool is_site_logo_heading(xmlNodePtr heading) {
  if (is_site_branding(heading)) return true;
  if (xmlNodePtr link = heading_link(heading)) {
    if (lower_ascii(attribute(link, "rel")) == "home" || is_home_link(attribute(link, "href"))) return true;
  }
  // An <h1> inside the site's banner ("<header id="branding" role="banner"><hgroup><h1>").
  int depth = 0;
  for (xmlNodePtr up = heading->parent; up && up->type == XML_ELEMENT_NODE && depth < 3; up = up->parent, ++depth)
    if (is_site_branding(up) && node_name(up) != "body") return true;
  return false;
}

// An <h1> as the last step of a breadcrumb trail (<nav><ol class="breadcrumb"><li><h1>): SEO
// templates put the page's headline there.
bool in_breadcrumb(xmlNodePtr heading) {
  int depth = 0;
  for (xmlNodePtr up = heading->parent; up && up->type == XML_ELEMENT_NODE && depth < 6; up = up->parent, ++depth) {
    const std::string marks = class_and_id(up);
    if (has_token_prefix(marks, {"comment", "related", "teaser", "recommend", "popular"})) return false;
    if (node_name(up) == "nav" || has_token_prefix(marks, {"breadcrumb"})) return true;
  }
  return false;
}

// A heading's text without its kicker or subtitle, unless they are all it has.
std::string heading_text(xmlNodePtr heading) {
  std::string headline;
  append_visible_text(heading, headline, 0, true);
  if (headline.find_first_not_of(" \t\r\n\xC2\xA0") == std::string::npos) return visible_text(heading);
  std::string text = without_dangling_separators(text::clean_inline_html(headline));
  // A permalink anchor after the heading (Sphinx, MkDocs: "Evolve: Shared Mutable History¶").
  while (text.ends_with("\xC2\xB6")) text = without_dangling_separators(text.substr(0, text.size() - 2));
  return text;
}

}  // namespace storyline::extract
