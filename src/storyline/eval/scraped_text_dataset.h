#pragma once
// Scraped-text examples made from the HTML extraction datasets in ../shared/data/extraction:
// each page's whole visible text (page_text.h) with every line labeled body or chrome by the
// dataset's gold, split by a hash of the page's name into a training half and a held-back half.
//   readability-testpages: gold = the text of expected.html.gz
//   extractor-test-fixtures/newspaper3k, newspaper4k: gold = the expected body .txt
//   trafilatura-eval: gold = "with"/"without" snippets (only lines holding a snippet are labeled)
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace storyline::extract {

struct ScrapedTextExample {
  std::string name;                // "<dataset>/<page>"
  std::string text;                // the page's visible text, one block per line
  std::vector<std::string> lines;  // split_nonblank_lines(text)
  std::vector<int8_t> labels;      // per line: 1 body, 0 chrome, -1 unknown
  std::optional<std::string> gold_text;
  std::optional<std::string> gold_title;  // readability's expected-metadata title, trafilatura's title
  std::vector<std::string> with_snippets, without_snippets;
  bool held_out = false;
};

struct ScrapedTextDataset {
  std::vector<ScrapedTextExample> examples;
  std::vector<std::string> problems;  // pages that could not be read, and why
};

struct DatasetOptions {
  size_t max_pages_per_source = SIZE_MAX;  // for quick runs
  bool training_half = true;
  bool held_out_half = true;
};

// `data_dir` is the shared data folder (holding extraction/). Throws std::runtime_error when it
// holds none of the datasets.
ScrapedTextDataset load_scraped_text_dataset(const std::string& data_dir, const DatasetOptions& options = {});

// The label rule, public for tests: a line is body when at least half of its word trigrams occur
// in the gold (short lines: when they equal a gold line), chrome when almost none do.
std::vector<int8_t> label_lines_by_gold(const std::vector<std::string>& lines, const std::string& gold_text);
std::vector<int8_t> label_lines_by_snippets(const std::vector<std::string>& lines,
                                            const std::vector<std::string>& with_snippets,
                                            const std::vector<std::string>& without_snippets);

// Extraction metrics (../shared/README.md): per document, precision and recall of the word
// 4-grams of the extracted text against the gold text.
struct PrecisionRecall {
  double precision = 0, recall = 0;
};
PrecisionRecall word_4gram_precision_recall(const std::string& extracted, const std::string& gold);
// Lower-cased words (letters and digits; other characters separate words).
std::vector<std::string> metric_words(const std::string& text);
// Whitespace collapsed to single spaces, trimmed: how trafilatura compares snippets.
std::string collapse_whitespace(const std::string& text);

}  // namespace storyline::extract
