// GET /feeds/top, /feeds/category/{category}, /feeds/story/{id} and /feeds/search?q=, each as
// Atom (.atom) or JSON Feed (.json): the front page, a category, a story's articles and a saved
// search, for feed readers. What the entries say comes from the same reads as the API's answers;
// how they are written is feed_writer's.
#include <algorithm>
#include <cctype>
#include <functional>

#include "storyline/core/publisher.h"
#include "storyline/serve/feed_writer.h"
#include "storyline/serve/http_helpers.h"
#include "storyline/serve/routes.h"
#include "storyline/text/utf8.h"

namespace storyline::serve {
namespace {

// An entry with no time at all (undated and, somehow, never ingested) still needs one that does
// not change between two reads.
constexpr const char* kNoTime = "1970-01-01T00:00:00Z";
// A story lists its publishers most articles first; a feed reader shows a few.
constexpr size_t kMostStoryAuthors = 5;
// An article without a standfirst is summed up by its first paragraph, which can run long.
constexpr size_t kMostSummaryBytes = 600;
// A story can gather hundreds of articles; its feed lists the newest arrivals.
constexpr size_t kStoryFeedArticles = 50;

// The address the reader asked at, so that links work from where the feed was read: the Host
// header (when it is a plain host name or address), else the address the server listens on.
std::string base_url(const Request& request, const ServerOptions& options) {
  std::string host = request.header("Host");
  const bool plain = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
  if (!plain) host = options.host + ":" + std::to_string(options.port);
  // Behind a proxy that ends TLS the reader's links must stay on https.
  const std::string scheme = request.header("X-Forwarded-Proto") == "https" ? "https" : "http";
  return scheme + "://" + host;
}

// Every byte but the URI's unreserved characters as %XX: safe in a URN and in the page's hash
// route, which decodes it (decodeURIComponent).
std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return encoded;
}

// Ids are built from Storyline's own ids, never from the address asked at: a reader sees the same
// story as the same entry whichever host name it used.
std::string urn(std::string_view kind, std::string_view id) {
  return "urn:storyline:" + std::string(kind) + ":" + percent_encoded(id);
}

// The web page's hash routes (web/app.js): #/story/ID, #/article/ID, #/category/C, #/search/Q.
std::string page_link(const std::string& base, std::string_view view, std::string_view argument) {
  return base + "/#/" + std::string(view) + "/" + percent_encoded(argument);
}

// RFC 3339 in UTC (a date alone is its midnight UTC); nullopt for no time, or a year RFC 3339
// cannot write.
std::optional<std::string> rfc3339(const std::optional<Timestamp>& time) {
  if (!time) return std::nullopt;
  // An optional from the start: GCC 12 reports a false -Warray-bounds on returning a std::string here.
  std::optional<std::string> written = time->utc();
  if (written->size() != std::string_view("2021-10-09T09:07:00Z").size()) return std::nullopt;
  return written;
}

// The same from the ISO 8601 forms the store holds.
std::optional<std::string> rfc3339(const std::optional<std::string>& iso8601) { return rfc3339(Timestamp::parse(iso8601)); }

// At most `most` bytes, cut at a space and never inside a UTF-8 character.
std::string shortened(const std::string& text, size_t most) {
  if (text.size() <= most) return text;
  size_t cut = text::utf8_prefix(text, most).size();
  const size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > most / 2) cut = space;
  return text.substr(0, cut) + "…";
}

std::optional<std::string> language_of(const std::optional<std::string>& language) {
  if (!language || language->size() < 2 || language->size() > 3) return std::nullopt;
  if (!std::all_of(language->begin(), language->end(), [](char c) { return c >= 'a' && c <= 'z'; })) return std::nullopt;
  return language;
}

// A story changed when its newest article is dated; an undated story when an article last arrived.
std::string story_updated(const store::Store& store, const Story& story) {
  if (auto dated = rfc3339(story.last_published)) return *dated;
  return rfc3339(store.stories().last_ingested(story.id)).value_or(kNoTime);
}

// A story as its card shows it: headline, overview bullets, the publishers that carry it.
FeedEntry story_entry(const store::Store& store, const Story& story, const std::string& base) {
  FeedEntry entry;
  entry.id = urn("story", story.id);
  entry.title = story.title.value_or("Untitled story");
  entry.link = page_link(base, "story", story.id);
  entry.published = rfc3339(story.first_published);
  entry.updated = story_updated(store, story);
  for (const std::string& name : story.overview.publishers)
    if (entry.authors.size() < kMostStoryAuthors) entry.authors.push_back(name);
  for (const StoryBullet& bullet : story.overview.bullets) {
    if (!entry.summary.empty()) entry.summary += "\n";
    entry.summary += bullet.text;
  }
  entry.language = language_of(story.language);
  if (story.category) entry.categories.push_back(*story.category);
  return entry;
}

// The standfirst, else the first paragraph (as the story page sums up an article).
std::string standfirst_of(const Document& article) {
  if (article.excerpt && !article.excerpt->empty()) return *article.excerpt;
  const std::string_view text = field_view(article.text);
  return std::string(text.substr(0, text.find("\n\n")));
}

// An article as the story page lists it: its headline, standfirst, byline (else publisher), and
// the original's address beside its page in Storyline.
FeedEntry article_entry(const store::Store& store, const Document& article, const std::string& base) {
  FeedEntry entry;
  entry.id = urn("article", article.id);
  const std::string standfirst = standfirst_of(article);
  entry.title = article.title && !article.title->empty() ? *article.title
                : !standfirst.empty()                    ? shortened(standfirst, 90)
                                                         : "Untitled article";
  entry.link = page_link(base, "article", article.id);
  if (article.url && (article.url->starts_with("https://") || article.url->starts_with("http://")))
    entry.external_link = article.url;
  entry.published = rfc3339(article.published);
  // An undated article is dated by its arrival (or its last update), which stays put.
  entry.updated = entry.published ? *entry.published : rfc3339(store.documents().ingested_at(article.id)).value_or(kNoTime);
  if (article.author && !article.author->empty()) {
    entry.authors.push_back(*article.author);
  } else if (const Publisher publisher = publisher_of(article); !publisher.name.empty()) {
    entry.authors.push_back(publisher.name);
  }
  entry.summary = shortened(standfirst, kMostSummaryBytes);
  entry.language = language_of(article.language);
  if (article.category) entry.categories.push_back(*article.category);
  return entry;
}

// Newest first (feed readers show entries in the order given); equal times keep their order.
void newest_first(std::vector<FeedEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const FeedEntry& a, const FeedEntry& b) { return a.updated > b.updated; });
}

enum class FeedFormat { atom, json_feed };

// Builds the feed from this thread's store connection, or answers an error and returns nullopt.
using FeedBuilder = std::function<std::optional<Feed>(store::Store&, const std::string& base, Response&)>;

// Cached like the API's answers (per address asked at, as the links name it), in the format the
// path's extension (the route's last match) names.
void answer_feed(ServerState& state, const Request& request, Response& response, const FeedBuilder& build) {
  const FeedFormat format = request.matches[request.matches.size() - 1] == "json" ? FeedFormat::json_feed : FeedFormat::atom;
  const std::string base = base_url(request, state.options());
  const CachedAnswerKind kind{format == FeedFormat::atom ? kAtomContentType : kJsonFeedContentType, base};
  answer_cached(
      state, request, response,
      [&](Response& failed) -> std::optional<std::string> {
        std::optional<Feed> feed = build(state.reader(), base, failed);
        if (!feed) return std::nullopt;
        feed->self_link = base + request.target;
        // The feed changed when its newest entry did (or, for a story, when the story did).
        for (const FeedEntry& entry : feed->entries) feed->updated = std::max(feed->updated, entry.updated);
        if (feed->updated.empty()) feed->updated = kNoTime;
        return format == FeedFormat::atom ? write_atom(*feed) : write_json_feed(*feed);
      },
      kind);
}

// The stories of the front page (or of one category), hottest first, as /api/stories ranks them.
std::optional<Feed> stories_feed(store::Store& store, const store::StoryQuery& query, const std::string& base) {
  Feed feed;
  feed.id = query.category ? urn("feed:category", *query.category) : "urn:storyline:feed:top";
  if (query.language) feed.id += ";language=" + percent_encoded(*query.language);
  // As the page titles the view: "Society — Storyline".
  std::string name = query.category ? *query.category : "Top stories";
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  feed.title = name + (query.language ? " (" + *query.language + ")" : "") + " — Storyline";
  feed.page_link = query.category ? page_link(base, "category", *query.category) : base + "/";
  for (const Story& story : store.stories().list(query)) feed.entries.push_back(story_entry(store, story, base));
  return feed;
}

// /feeds/top and /feeds/category/{category}: limit (20; at most 500) and language as in /api/stories.
std::optional<store::StoryQuery> story_query(const Request& request, Response& response) {
  store::StoryQuery query;
  const auto limit = count_parameter(request, "limit", 20, 500);
  if (!limit) {
    reply_error(response, 400, "limit must be a number from 1 to 500");
    return std::nullopt;
  }
  query.limit = *limit;
  query.language = parameter(request, "language");
  return query;
}

}  // namespace

void install_feed_routes(Router& router, ServerState& state) {
  router.get(R"(/feeds/top\.(atom|json))", [&state](const Request& request, Response& response) {
    const auto query = story_query(request, response);
    if (!query) return;
    answer_feed(state, request, response,
                [&](store::Store& store, const std::string& base, Response&) { return stories_feed(store, *query, base); });
  });

  router.get(R"(/feeds/category/([^/]+)\.(atom|json))", [&state](const Request& request, Response& response) {
    auto query = story_query(request, response);
    if (!query) return;
    query->category = request.matches[1];
    if (reject_unknown_category(*query->category, response)) return;
    answer_feed(state, request, response,
                [&](store::Store& store, const std::string& base, Response&) { return stories_feed(store, *query, base); });
  });

  // A story's articles, newest first: a reader following a story sees each new report as it joins.
  router.get(R"(/feeds/story/([^/]+)\.(atom|json))", [&state](const Request& request, Response& response) {
    const std::string id = request.matches[1];
    const auto limit = count_parameter(request, "limit", kStoryFeedArticles, 500);
    if (!limit) return reply_error(response, 400, "limit must be a number from 1 to 500");
    answer_feed(state, request, response,
                [&](store::Store& store, const std::string& base, Response& failed) -> std::optional<Feed> {
                  const auto story = store.stories().get(id);
                  if (!story) {
                    reply_error(failed, 404, "no story with id '" + id + "'");
                    return std::nullopt;
                  }
                  Feed feed;
                  feed.id = urn("feed:story", id);
                  feed.title = story->title.value_or("Untitled story") + " — Storyline";
                  feed.page_link = page_link(base, "story", id);
                  feed.updated = story_updated(store, *story);
                  // Arrival order, oldest first: reversed, of two reports of the same time the later arrival leads.
                  std::vector<Document> articles = store.stories().articles(id, *limit);
                  std::reverse(articles.begin(), articles.end());
                  for (const Document& article : articles) feed.entries.push_back(article_entry(store, article, base));
                  newest_first(feed.entries);
                  return feed;
                });
  });

  // A saved search: the articles /api/search finds for the same q and filters, newest first.
  router.get(R"(/feeds/search\.(atom|json))", [&state](const Request& request, Response& response) {
    const auto q = parameter(request, "q");
    if (!q) return reply_error(response, 400, "missing q: /feeds/search.atom?q=words");
    const auto filters = search_filters(request, response);
    if (!filters) return;
    answer_feed(state, request, response,
                [&](store::Store& store, const std::string& base, Response& failed) -> std::optional<Feed> {
                  Feed feed;
                  // The same words under other filters are another saved search.
                  feed.id = urn("feed:search", *q);
                  for (const char* name : {"since", "until", "domain", "category", "language", "entity"})
                    if (const auto value = parameter(request, name))
                      feed.id += ";" + std::string(name) + "=" + percent_encoded(*value);
                  feed.title = "Search: " + *q + " — Storyline";
                  feed.page_link = page_link(base, "search", *q);
                  try {
                    for (const store::SearchHit& hit : store.documents().search(*q, *filters))
                      feed.entries.push_back(article_entry(store, hit.document, base));
                  } catch (const std::invalid_argument& error) {
                    reply_error(failed, 400, error.what());
                    return std::nullopt;
                  } catch (const store::SearchTimeout& error) {
                    failed.set_header("Retry-After", "1");
                    reply_error(failed, 503, error.what());
                    return std::nullopt;
                  }
                  newest_first(feed.entries);
                  return feed;
                });
  });
}

}  // namespace storyline::serve
