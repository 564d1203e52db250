#pragma once
// Scores the metadata of extracted HTML pages (title, date, author, site name) against the gold of
// public datasets under data/extraction: trafilatura-eval, readability-testpages, and the goose3
// and newspaper4k fixtures of extractor-test-fixtures. Pages go through the whole ingest path
// (gzip, charset, extract_html, finalize), as `storyline extract` would read them.
//
// Matching rules:
//  - title: equal after lower-casing and dropping everything but letters and digits
//    (extract::comparable_text);
//  - date: the same calendar day (first 10 characters of the ISO dates);
//  - author: the sets of names are equal (names split on , ; & "and", compared like titles);
//    when the gold is a raw byline (readability), every name found must occur in the gold byline;
//  - site name: equal like titles.
#include <cstddef>
#include <string>
#include <vector>

namespace storyline::eval {

struct FieldScore {
  size_t correct = 0;
  size_t total = 0;  // pages with a gold value for the field
  double accuracy() const { return total ? static_cast<double>(correct) / static_cast<double>(total) : 0.0; }
};

struct Miss {
  std::string page;
  std::string field;
  std::string expected;
  std::string got;
};

struct MetadataScores {
  std::string dataset;
  size_t pages = 0;
  size_t unreadable = 0;  // pages missing or rejected by the reader
  FieldScore title, date, author, site_name;
  std::vector<Miss> misses;  // at most the number asked for, per field
};

struct EvalOptions {
  unsigned threads = 2;
  size_t max_misses_per_field = 0;
};

// `dataset_dir` is the dataset folder itself (e.g. <data>/extraction/trafilatura-eval).
MetadataScores evaluate_trafilatura(const std::string& dataset_dir, const EvalOptions& options);
MetadataScores evaluate_readability(const std::string& dataset_dir, const EvalOptions& options);
MetadataScores evaluate_goose3(const std::string& fixtures_dir, const EvalOptions& options);
MetadataScores evaluate_newspaper4k(const std::string& fixtures_dir, const EvalOptions& options);

}  // namespace storyline::eval
