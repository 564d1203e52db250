#include "storyline/extract/content_boilerplate.h"

#include <cctype>
#include <string_view>
#include <vector>

#include "storyline/core/ascii.h"
#include "storyline/extract/html_document.h"

namespace storyline::extract {
namespace {

// Substrings of class/id that mark boilerplate wherever they appear ("article-comments",
// "social-share-bar", "related-posts", "cookie-consent"). Collected from readability's and
// trafilatura's lists plus common German names (kommentar, werbung, anzeige).
constexpr std::string_view kStrongBoilerplate[] = {"comment",        "kommentar",
                                                   "disqus",         "share",
                                                   "sharing",        "social",
                                                   "related",        "recommend",
                                                   "newsletter",     "subscri",
                                                   "abonn",          "cookie",
                                                   "consent",        "gdpr",
                                                   "breadcrumb",     "sidebar",
                                                   "advert",         "sponsor",
                                                   "werbung",        "anzeige",
                                                   "taboola",        "outbrain",
                                                   "popup",          "modal",
                                                   "navbar",         "navigation",
                                                   "menu",           "footer",
                                                   "masthead",       "skiplink",
                                                   "skip-link",      "pagination",
                                                   "author-bio",     "authorbio",
                                                   "author-box",     "authorbox",
                                                   "about-author",   "post-meta",
                                                   "entry-meta",     "article-meta",
                                                   "byline",         "toolbar",
                                                   "tag-list",       "taglist",
                                                   "tagcloud",       "tag-cloud",
                                                   "more-stories",   "morestories",
                                                   "read-more",      "readmore",
                                                   "weiterlesen",    "teaser-list",
                                                   "widget",         "banner",
                                                   "promo",          "login",
                                                   "signup",         "sign-up",
                                                   "print-only",     "screen-reader",
                                                   "sr-only",        "visually-hidden",
                                                   "visuallyhidden", "offscreen",
                                                   "caption",        "credit",
                                                   "copyright",      "rating",
                                                   "timestamp",      "rss",
                                                   "addthis",        "shoutbox",
                                                   "skyscraper",     "supplemental",
                                                   "extra",          "remark",
                                                   "replies",        "community",
                                                   "combx",          "agegate",
                                                   "legends",        "hidden",
                                                   "overlay",        "flyout",
                                                   "dropdown",       "carousel",
                                                   "slider",         "gallery-thumbs"};

// Whole words (class/id split at non-letters) that mark boilerplate but are too short to match
// as substrings: "ad", "nav", "tags", "meta", "hide", "top"...
constexpr std::string_view kBoilerplateWords[] = {"ad",   "ads",   "nav",    "tags",  "tag",    "meta",
                                                  "hide", "aside", "author", "share", "print",  "links",
                                                  "sns",  "shop",  "tools",  "date",  "teaser", "pager"};

// Words that name the article container: an element matching these keeps its place even when
// a weak word matched ("article-header", "main-menu-content" stays a candidate for scoring).
constexpr std::string_view kArticleWords[] = {"article", "body",  "content", "entry",   "hentry",  "main",  "post",
                                              "text",    "story", "blog",    "artikel", "beitrag", "inhalt"};

// readability's negative words for candidate weights.
constexpr std::string_view kNegativeWeight[] = {"comment", "com-",     "contact",  "footer",  "masthead",
                                                "media",   "meta",     "outbrain", "promo",   "related",
                                                "scroll",  "share",    "shoutbox", "sidebar", "skyscraper",
                                                "sponsor", "shopping", "tags",     "widget",  "banner",
                                                "combx",   "gdpr",     "hidden",   "teaser",  "nav"};

// Boilerplate even inside a wrapper named like an article ("article-comments", "post-share").
constexpr std::string_view kNeverArticle[] = {"comment", "share",   "social",     "related", "meta", "byline",
                                              "author",  "toolbar", "addthis",    "teaser",  "tags", "caption",
                                              "date",    "footer",  "navigation", "menu"};

// readability's positive words for candidate weights.
constexpr std::string_view kPositiveWeight[] = {"article", "body", "content", "entry", "hentry",  "main",  "page",
                                                "post",    "text", "blog",    "story", "artikel", "inhalt"};

constexpr std::string_view kBoilerplateRoles[] = {"navigation",  "banner",  "contentinfo", "complementary",
                                                  "menu",        "menubar", "search",      "dialog",
                                                  "alertdialog", "toolbar", "tablist",     "button"};

bool has_word(std::string_view text, const auto& words) {
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && !std::isalnum(static_cast<unsigned char>(text[start]))) ++start;
    size_t end = start;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view word = text.substr(start, end - start);
    for (std::string_view candidate : words)
      if (word == candidate) return true;
    start = end;
  }
  return false;
}

// Several long, plain paragraphs are an article's shape. Names are not trusted over it ("date-outer"
// wrapping a blog's posts, "c-fixed-sidebar-layout" around the story), except the names of the
// two kinds of boilerplate that have that shape too: comments and related stories.
bool looks_like_prose(const ContentElement& element) {
  return element.paragraphs >= 3 && element.chars >= 1500 && element.link_chars * 5 < element.chars;
}

bool is_boilerplate_by_tag(const ContentElement& element, bool inside_article) {
  switch (element.tag) {
    case ContentTag::kNav:
    case ContentTag::kAside:
    case ContentTag::kFooter:
    case ContentTag::kSkipped: return true;
    // A page's own <header> holds the logo and menu; inside an article it holds the headline
    // and often the lede, which the text walk keeps or drops on its own merits.
    case ContentTag::kHeader: return !inside_article && !looks_like_prose(element);
    default: return false;
  }
}

constexpr std::string_view kProseBoilerplate[] = {"comment", "kommentar", "disqus", "repl", "related", "recommend"};

// A "read more" name on a block of prose is a collapsed rest of the text ("js_readmore",
// "read-more-container"), not the link to another page it names elsewhere.
bool is_collapsed_text(const ContentElement& element) {
  static constexpr std::string_view kReadMore[] = {"read-more", "readmore", "weiterlesen"};
  const std::string_view words = element.class_and_id;
  if (!contains_any(words, kReadMore) || element.chars < 200 || element.link_chars * 5 > element.chars) return false;
  // Only the read-more words matched: any other boilerplate name still counts.
  std::string rest;
  for (size_t pos = 0; pos < words.size();) {
    size_t next = std::string_view::npos, length = 0;
    for (std::string_view name : kReadMore)
      if (const size_t at = words.find(name, pos); at < next) next = at, length = name.size();
    rest.append(words.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) break;
    rest += ' ';
    pos = next + length;
  }
  return !contains_any(std::string_view(rest), kStrongBoilerplate) && !has_word(std::string_view(rest), kBoilerplateWords);
}

bool is_boilerplate_by_class(const ContentElement& element) {
  const std::string_view words = element.class_and_id;
  if (words.empty() || is_collapsed_text(element)) return false;
  // A heading's short words are anchors for a table of contents ("nav_nur_die_folie__1"), not
  // what it is: headings are judged by the strong names only.
  const bool heading = element.tag == ContentTag::kHeading || element.tag == ContentTag::kHeading1;
  if (contains_any(words, kStrongBoilerplate) || (!heading && has_word(words, kBoilerplateWords))) {
    // "article-content date-sidebar" is still the article; "entry-meta" or "post-share" are not.
    if (has_word(words, kArticleWords) && !contains_any(words, kNeverArticle)) return false;
    if (looks_like_prose(element) && !contains_any(words, kProseBoilerplate)) return false;
    return true;
  }
  return false;
}

// Names of parts that never wrap an article, trusted even when the other names were not: a
// picture's caption or credit, a login prompt, a comment form.
bool is_never_article_part(const ContentElement& element) {
  static constexpr std::string_view kNeverWrapsArticle[] = {"caption",     "credit",  "login", "comment-form",
                                                            "commentform", "respond", "byline"};
  const std::string_view words = element.class_and_id;
  return !words.empty() && contains_any(words, kNeverWrapsArticle) && !looks_like_prose(element);
}

// Below this, an element marked as the article body is a stub (a teaser's, a template's).
constexpr int32_t kMarkedBodyChars = 200;

}  // namespace

int class_weight(const ContentElement& element) {
  const std::string_view words = element.class_and_id;
  if (words.empty()) return 0;
  int weight = 0;
  if (contains_any(words, kNegativeWeight)) weight -= 25;
  if (contains_any(words, kPositiveWeight)) weight += 25;
  return weight;
}

void mark_boilerplate(ContentTree& tree, bool trust_names) {
  auto& elements = tree.elements();
  if (elements.empty()) return;
  for (auto& element : elements) element.removed = element.effectively_removed = false;
  tree.count_text();
  const int32_t page_chars = elements.front().chars;
  // The publisher's own marking of the article body (itemprop=articleBody, with real text in it)
  // keeps every element around it, whatever their tags and names (an <aside> wrapping the story).
  std::vector<char> holds_article_body(elements.size(), 0);
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].chars < kMarkedBodyChars || elements[i].itemprop.find("articlebody") == std::string::npos) continue;
    for (int32_t up = elements[i].parent; up >= 0 && !holds_article_body[up]; up = elements[up].parent)
      holds_article_body[up] = 1;
  }
  std::vector<char> inside_article(elements.size(), 0);
  for (size_t i = 0; i < elements.size(); ++i) {
    ContentElement& element = elements[i];
    if (element.parent >= 0) {
      const ContentElement& parent = elements[element.parent];
      inside_article[i] = inside_article[element.parent] || parent.tag == ContentTag::kArticle ||
                          parent.tag == ContentTag::kMain || parent.itemprop.find("articlebody") != std::string::npos;
    }
    if (element.tag == ContentTag::kBody || element.parent < 0) continue;
    if (elements[element.parent].effectively_removed) {
      element.effectively_removed = true;
      continue;
    }
    // Wrappers holding most of the page's text are structure, whatever their names say.
    const bool holds_most_text = page_chars > 500 && element.chars * 2 > page_chars;
    // What a browser without scripts shows (<noscript>) is a tracking pixel or a plea to enable
    // scripts, unless the page put itself there.
    const bool noscript = element.node && element.node->name && xmlStrcasecmp(element.node->name, BAD_CAST "noscript") == 0;
    bool remove = element.tag == ContentTag::kSkipped || (noscript && !holds_most_text) ||
                  (!holds_most_text && is_boilerplate_by_tag(element, inside_article[i]));
    if (!remove && !holds_most_text) {
      remove = (!element.role.empty() && has_word(element.role, kBoilerplateRoles)) ||
               (trust_names ? is_boilerplate_by_class(element) : is_never_article_part(element)) ||
               hidden_by_attributes(element.node);
    }
    if (element.itemprop.find("articlebody") != std::string::npos || holds_article_body[i]) remove = false;
    if (remove) element.removed = element.effectively_removed = true;
  }
  tree.count_text();
}

}  // namespace storyline::extract
