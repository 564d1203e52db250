#pragma once
// What a story's record says beyond its columns, as it travels from the pipeline into the store and
// out through the API: the summary bullets citing their publishers, who said what, the subjects,
// who carries the story, and the parts of its heat and of its articles' quality. One JSON codec
// beside it (story_overview_json.h).
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace storyline {

// One summary sentence and every publisher carrying a near-equivalent one.
struct StoryBullet {
  std::string text;
  std::vector<std::string> publishers;
  std::vector<std::string> document_ids;  // the articles those sentences are in
};

// Who said what, in one of the story's articles.
struct StoryQuote {
  std::string text;                         // the quoted words as the source prints them (no quote marks)
  std::string speaker;                      // "Antony Blinken", "a State Department spokesperson"
  std::optional<std::string> speaker_role;  // "NSC spokesperson", "Secretary of State" when the text gives it
  bool reported = false;                    // reported (indirect) speech rather than a direct quotation
  std::optional<std::string> told_to;       // "Al Arabiya" in "X told Al Arabiya that ..."
  std::optional<std::string> via;           // whose account carried a message ("Zabihullah Mujahid")
  std::string document_id;
  std::string publisher;
};

// One publisher of the story: the articles it published first and the copies it printed.
struct StoryPublisher {
  std::string key;  // core/publisher.h's key (registered domain, else "site:" name, else "id:")
  std::string name;
  size_t articles = 0;
  size_t copies = 0;
};

// The story's heat before decay and its parts (rank/story_heat.h), as of `now`.
struct StoryHeatParts {
  double base = 0;
  double publishers = 0;
  double velocity = 0;
  double quality = 0;
  double recency = 0;
  int64_t now = 0;  // Unix seconds: the reference time the heat was computed at
};

// One article's quality (rank/article_quality.h): a score and its parts.
struct ArticleQualityScore {
  int score = 0;  // 0..100
  double body = 0;
  double metadata = 0;
  double cleanliness = 0;
};

struct StoryOverview {
  std::vector<StoryBullet> bullets;  // the summary, in order
  std::vector<StoryQuote> quotes;
  std::vector<std::string> topics;
  std::vector<std::string> publishers;   // the named publishers, most articles first
  std::vector<StoryPublisher> coverage;  // every publisher, named or not
  size_t copy_count = 0;                 // copies folded into the story's articles
  StoryHeatParts heat;
  std::map<std::string, ArticleQualityScore> article_quality;  // by article id

  // The score of an article of the story (0 when not scored).
  int quality_of(const std::string& article_id) const {
    const auto found = article_quality.find(article_id);
    return found == article_quality.end() ? 0 : found->second.score;
  }
};

}  // namespace storyline
