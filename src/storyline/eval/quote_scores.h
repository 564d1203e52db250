#pragma once
// Scores of found quotes against PolNeAR's attributions (polnear_corpus.h): whether a quote was
// found, and whether it was credited to the right speaker.
//
// A found quote matches the attribution whose content holds most of it (at least half its bytes).
// A gold attribution is a direct quote when most of its content lies between quotation marks.
// Speakers are compared by their names' words ("Donald Trump" is right for a source "Trump" or
// "Republican nominee Donald J. Trump"), or for sources that name nobody ("a campaign aide") by
// the last word. Sources that are pronouns ("he") are not judged: PolNeAR does not say who they
// are, and resolving them here would grade the finder by its own rule; they are counted apart.
#include <string>
#include <string_view>
#include <vector>

#include "storyline/eval/polnear_corpus.h"

namespace storyline::eval {

struct FoundQuote {
  std::string text;  // as find_quotes gives it; located in the article by its words
  std::string speaker;
  bool reported = false;
};

struct QuoteCounts {
  size_t found = 0, found_matched = 0;  // found quotes, and those that match a gold attribution
  size_t gold = 0, gold_found = 0;      // gold attributions, and those some found quote matches
  // Speakers, on judged sources only: found quotes matched (right), gold ones found with the right speaker.
  size_t speaker_judged = 0, speaker_right = 0;
  size_t gold_judged = 0, gold_right = 0;
  size_t gold_pronoun = 0;  // gold attributions whose source is a pronoun (not judged)
  void add(const QuoteCounts& other);
};

struct ArticleScores {
  QuoteCounts direct;    // direct quotations: found ones not reported, gold ones in quotation marks
  QuoteCounts reported;  // reported speech: found ones reported, gold ones the rest
};

ArticleScores score_quotes(std::string_view text, const std::vector<Attribution>& gold,
                           const std::vector<FoundQuote>& found);

// The parts of the speaker comparison, exposed for tests.
bool is_pronoun_source(std::string_view source);
bool same_speaker(std::string_view found, std::string_view source);

}  // namespace storyline::eval
