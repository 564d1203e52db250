#pragma once
// The stories: which story each document belongs to, the story records (what lists, filters and
// ranks them), their search index, storylines and their relations, and the records left to
// rewrite. One concern of the store (store.h).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/core/story.h"

namespace storyline::store {

struct StoryQuery {
  std::optional<std::string> category;
  std::optional<std::string> language;
  std::optional<int64_t> since;          // Unix seconds: last_published at or after (its zone counted)
  std::optional<std::string> storyline;  // only this storyline's stories
  size_t limit = 20;
  size_t offset = 0;
};

// A language the stored stories are written in, and how many of them are.
struct StoryLanguage {
  std::string language;  // ISO 639-1, as the stories' `language`
  size_t stories = 0;
};

struct StoryHit {
  Story story;
  double score = 0.0;  // bm25, lower is better
  std::string snippet;
};

// A copy (exact or near duplicate, found by the dedup stage) of an article in a story: one more
// source of that article, not an article of its own.
struct StoredCopy {
  Document document;
  std::string original_id;  // the article it copies (never itself a copy)
};

// How many documents a story holds: its articles, and the copies folded into them.
struct StoryMemberCounts {
  size_t articles = 0;
  size_t copies = 0;
};

class Stories {
 public:
  virtual ~Stories() = default;

  // Membership. An article and its copies are in one story: this moves the article and every
  // document that copies it (or takes them all out of stories, with nullopt).
  virtual void move_article_with_copies(const std::string& article_id, const std::optional<std::string>& story_id) = 0;
  virtual std::optional<std::string> story_of(const std::string& document_id) const = 0;

  // Records.
  virtual void save(const Story& story) = 0;
  virtual void remove(const std::string& id) = 0;
  virtual std::optional<Story> get(const std::string& id) const = 0;
  virtual std::vector<Story> list(const StoryQuery& query) const = 0;  // hottest first
  virtual size_t count() const = 0;
  // The languages of the stored stories, most stories first (then by code); stories of no known
  // language are left out. What a reader picks the front page's language from.
  virtual std::vector<StoryLanguage> languages() const = 0;
  // Searches titles and summaries (FTS5 syntax); throws as Documents::search does.
  virtual std::vector<StoryHit> search(const std::string& query, size_t limit = 20) const = 0;

  // Storylines. Every story of storyline `from` now belongs to `to` (its relations too).
  virtual void rename_storyline(const std::string& from, const std::string& to) = 0;
  // Storylines related to `storyline` as the clusterer sees them now (most similar first):
  // replaces what was saved from its side.
  virtual void save_related_storylines(const std::string& storyline, const std::vector<std::string>& related) = 0;
  // Related from either side (a relation saved by the other storyline counts), most similar
  // first, never the storyline itself.
  virtual std::vector<std::string> related_storylines(const std::string& storyline) const = 0;

  // Records to be rewritten: listed in the transaction that makes them stale, so that a run that
  // dies before rewriting them leaves them named.
  virtual void mark_stale(const std::set<std::string>& story_ids) = 0;
  virtual std::vector<std::string> stale() const = 0;
  virtual void clear_stale() = 0;  // every record is current

  // A story's documents.
  // Its articles in arrival order, copies left out (they are copies_of); at most `limit`, the
  // newest arrivals.
  virtual std::vector<Document> articles(const std::string& story_id, size_t limit = SIZE_MAX) const = 0;
  // The stored copies of these articles, each article's in arrival order; at most `limit` in all.
  virtual std::vector<StoredCopy> copies_of(const std::vector<std::string>& article_ids, size_t limit = SIZE_MAX) const = 0;
  // The same copies, but of each only what names its publisher (core/publisher.h: id, url, domain
  // and site name; the rest left empty): what a story's publisher count and coverage need, read
  // without the texts and lists of hundreds of reprints.
  virtual std::vector<StoredCopy> copy_publishers(const std::vector<std::string>& article_ids,
                                                  size_t limit = SIZE_MAX) const = 0;
  virtual StoryMemberCounts member_counts(const std::string& story_id) const = 0;
  // The latest arrival among a story's documents: what a feed dates an undated story by.
  virtual std::optional<std::string> last_ingested(const std::string& story_id) const = 0;
  // Every document of a story, copies included, in arrival order (the contest's /threads lists
  // each name it was given).
  virtual std::vector<std::string> document_ids(const std::string& story_id) const = 0;
};

// Storyline `id` with at most `most_stories` of its stories (the hottest, when it holds more), in
// timeline order (order_as_timeline). Its timeline is empty when no story belongs to it.
Storyline read_storyline(const Stories& stories, const std::string& id, size_t most_stories);

}  // namespace storyline::store
