#pragma once
// Scoring for `storyline eval extraction`: the two standard extraction metrics, kept out of the
// library because only the evaluation needs them.
#include <string>
#include <string_view>
#include <vector>

namespace storyline::cli {

// trafilatura's snippet gold: counts over all pages.
struct SnippetCounts {
  long true_positives = 0;
  long false_negatives = 0;
  long false_positives = 0;
  long true_negatives = 0;
  SnippetCounts& operator+=(const SnippetCounts& other);
};

// Whitespace runs (no-break spaces too) to single spaces, trimmed, soft hyphens dropped: snippets
// and text are compared in this form.
std::string collapse_whitespace(std::string_view text);

// `with` snippets found are true positives, `without` snippets found false positives.
SnippetCounts score_snippets(std::string_view extracted, const std::vector<std::string>& with,
                             const std::vector<std::string>& without);

// ScrapingHub's article-extraction-benchmark metric: precision and recall of the word 4-grams of
// the extracted text against the gold text, per document (multiset matching).
struct ShingleScore {
  double precision = 0;
  double recall = 0;
};

// Words are maximal runs of letters, digits, marks and '_' (Python's \w+, which the benchmark
// uses). `gold_is_prefix`: the gold is only the beginning of the article (goose3's fixtures), so
// the extracted text is cut to as many words as the gold has before comparing.
ShingleScore score_shingles(std::string_view extracted, std::string_view gold, bool gold_is_prefix = false);

// Visible text of an HTML fragment (readability's expected output), a line break after blocks.
std::string html_to_text(std::string_view utf8_html);

double f1(double precision, double recall);

}  // namespace storyline::cli
