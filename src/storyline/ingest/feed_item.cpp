#include "storyline/ingest/feed_item.h"

#include <algorithm>

#include "storyline/core/ascii.h"
#include "storyline/extract/html_extractor.h"
#include "storyline/ingest/feed_dates.h"
#include "storyline/ingest/feed_html_text.h"
#include "storyline/text/html_entities.h"
#include "storyline/text/language.h"

namespace storyline::ingest {
namespace {

// Bodies with at least this much text are whole articles, which carry in-body chrome (share
// bars, "related" lists, newsletter boxes) that the page extractor knows how to drop.
constexpr size_t kArticleBodyChars = 2000;
// A description up to this long is a teaser, worth keeping as the excerpt as well.
constexpr size_t kTeaserChars = 600;

// Drops the trailers that feed software appends to every item ("The post X appeared first on
// Y.", "Continue reading ...", "Read more"): they are not part of the article.
std::string drop_feed_trailer(std::string text) {
  while (true) {
    const size_t last_break = text.rfind("\n\n");
    const std::string last = trimmed(last_break == std::string::npos ? text : text.substr(last_break + 2), kXmlSpace);
    const bool is_trailer = (last.starts_with("The post ") && last.find(" appeared first on ") != std::string::npos) ||
                            (last.size() < 60 &&
                             (last.starts_with("Continue reading") || last.starts_with("Read more") ||
                              last.starts_with("Read the full") || last == "[\xE2\x80\xA6]" || last == "[...]"));
    if (!is_trailer || last_break == std::string::npos) return text;
    text.resize(last_break);
  }
}

std::string plain_text(const FeedText& text) {
  if (text.empty()) return {};
  // Plain feed text may still hold entities escaped twice ("&amp;#8217;" in the XML).
  if (!text.is_html && !looks_like_html(text.value)) return trimmed(text::decode_html_entities(text.value), kXmlSpace);
  return trimmed(html_fragment_text(text.value), kXmlSpace);
}

std::string body_text(const FeedText& body, const RawInput& input) {
  if (body.empty()) return {};
  std::string fragment = drop_feed_trailer(plain_text(body));
  // Short bodies are kept whole: the page extractor's thresholds are tuned for whole pages and
  // may throw away a two-paragraph body. Long bodies go through it, unless it keeps less than
  // half of the text (feed bodies have no page chrome, so losing most text means it misjudged).
  if (fragment.size() < kArticleBodyChars || !(body.is_html || looks_like_html(body.value))) return fragment;
  const Document page = extract::extract_html(body.value, extract::PageContext{input.source, std::nullopt, std::nullopt});
  if (page.text && page.text->size() * 2 >= fragment.size()) return drop_feed_trailer(trimmed(*page.text, kXmlSpace));
  return fragment;
}

// "jo@example.com (Jo Smith)" and "Jo Smith <jo@example.com>" to "Jo Smith"; a bare address is
// not a byline and is dropped.
std::string author_name(std::string_view raw) {
  std::string author = trimmed(raw, kXmlSpace);
  const size_t open = author.find('(');
  const size_t close = author.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open && author.find('@') < open)
    return trimmed(author.substr(open + 1, close - open - 1), kXmlSpace);
  const size_t angle = author.find('<');
  if (angle != std::string::npos && angle > 0 && author.find('@', angle) != std::string::npos)
    return trimmed(author.substr(0, angle), kXmlSpace);
  if (author.find('@') != std::string::npos && author.find(' ') == std::string::npos) return {};
  return author;
}

std::optional<std::string> joined_authors(const std::vector<std::string>& authors) {
  std::vector<std::string> names;
  for (const auto& raw : authors) {
    std::string name = author_name(text::decode_html_entities(raw));
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  if (names.empty()) return std::nullopt;
  std::string joined = names.front();
  for (size_t i = 1; i < names.size(); ++i) joined += ", " + names[i];
  return joined;
}

std::optional<std::string> non_empty(std::string text) {
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace

ReadResult feed_to_documents(const ParsedFeed& feed, const RawInput& input) {
  ReadResult result;
  result.problems = feed.problems;
  const std::optional<std::string> site_name = non_empty(plain_text(FeedText{feed.channel.title, false}));
  for (size_t i = 0; i < feed.items.size(); ++i) {
    const FeedItem& item = feed.items[i];
    Document document;
    document.source = input.source;
    document.id = trimmed(item.id, kXmlSpace);
    document.title = non_empty(plain_text(item.title));
    document.url = non_empty(trimmed(item.url, kXmlSpace));
    std::string text = body_text(item.body, input);
    std::string summary = drop_feed_trailer(plain_text(item.summary));
    if (text.empty()) {
      text = std::move(summary);
      if (text.size() <= kTeaserChars) document.excerpt = non_empty(text);
    } else if (!summary.empty() && (summary == text ? text.size() <= kTeaserChars : summary.size() < text.size())) {
      // A summary distinct from the body is the teaser; one equal to a short body is both.
      document.excerpt = std::move(summary);
    }
    document.text = non_empty(std::move(text));
    if (!document.title && !document.text) {
      result.problems.push_back("item " + std::to_string(i + 1) + ": no title and no text; skipped");
      continue;
    }
    for (const auto& date : item.dates) {
      if (auto iso = normalize_feed_date(date)) {
        document.published = std::move(iso);
        break;
      }
    }
    document.author = joined_authors(item.authors.empty() ? feed.channel.authors : item.authors);
    document.site_name = site_name;
    document.images = item.images;
    if (!item.categories.empty()) document.section = item.categories.front();
    if (item.audio) document.page_types.push_back("PodcastEpisode");
    const std::string& language = item.language.empty() ? feed.channel.language : item.language;
    text::LanguageHints hints;
    if (!language.empty()) hints.declared = trimmed(language, kXmlSpace);
    document.language = text::detect_language(document.title.value_or("") + "\n" + document.text.value_or(""), hints);
    result.documents.push_back(std::move(document));
  }
  return result;
}

}  // namespace storyline::ingest
