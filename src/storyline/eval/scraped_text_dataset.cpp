#include "storyline/eval/scraped_text_dataset.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "storyline/core/decompress.h"
#include "storyline/core/hash.h"
#include "storyline/eval/page_text.h"
#include "storyline/extract/line_features.h"
#include "storyline/text/encoding.h"
#include "storyline/text/utf8.h"

namespace storyline::extract {
namespace fs = std::filesystem;
namespace {

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();
  if (is_gzip(bytes)) bytes = gunzip(bytes, size_t{64} << 20);
  return bytes;
}

std::string read_text(const fs::path& path) {
  const std::string bytes = read_bytes(path);
  return text::to_utf8(bytes, text::declared_charset(bytes));
}

std::string visible_text_of_html_file(const fs::path& path) { return page_visible_text(read_text(path)); }

uint64_t hash_words(const std::vector<std::string>& words, size_t begin, size_t count) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (size_t k = begin; k < begin + count; ++k) {
    hash = fnv1a64(words[k], hash);
    hash = fnv1a64(" ", hash);
  }
  return hash;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

bool in_held_out_half(const std::string& name) { return (fnv1a64(name) >> 7) & 1; }

struct Collector {
  const DatasetOptions& options;
  ScrapedTextDataset& dataset;

  bool wanted(const std::string& name) const {
    return in_held_out_half(name) ? options.held_out_half : options.training_half;
  }

  void add(ScrapedTextExample example) {
    example.held_out = in_held_out_half(example.name);
    dataset.examples.push_back(std::move(example));
  }
};

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> entries;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) entries.push_back(it->path());
  std::sort(entries.begin(), entries.end());
  return entries;
}

void load_readability(const fs::path& root, Collector& collector) {
  size_t taken = 0;
  for (const auto& page : sorted_entries(root / "pages")) {
    if (taken >= collector.options.max_pages_per_source) break;
    const std::string name = "readability/" + page.filename().string();
    if (!collector.wanted(name)) continue;
    try {
      ScrapedTextExample example;
      example.name = name;
      example.text = visible_text_of_html_file(page / "source.html.gz");
      example.gold_text = visible_text_of_html_file(page / "expected.html.gz");
      if (fs::exists(page / "expected-metadata.json")) {
        const nlohmann::json metadata = nlohmann::json::parse(read_text(page / "expected-metadata.json"), nullptr, false);
        if (metadata.is_object() && metadata.contains("title") && metadata["title"].is_string())
          example.gold_title = metadata["title"].get<std::string>();
      }
      example.lines = split_nonblank_lines(example.text);
      example.labels = label_lines_by_gold(example.lines, *example.gold_text);
      collector.add(std::move(example));
      ++taken;
    } catch (const std::exception& error) {
      collector.dataset.problems.push_back(name + ": " + error.what());
    }
  }
}

void load_newspaper(const fs::path& root, const std::string& label, const std::string& text_folder, Collector& collector) {
  size_t taken = 0;
  for (const auto& html : sorted_entries(root / "html")) {
    if (taken >= collector.options.max_pages_per_source) break;
    std::string stem = html.filename().string();
    if (stem.size() < 8 || stem.substr(stem.size() - 8) != ".html.gz") continue;
    stem.resize(stem.size() - 8);
    const fs::path gold = root / text_folder / (stem + ".txt");
    if (!fs::exists(gold)) continue;
    const std::string name = label + "/" + stem;
    if (!collector.wanted(name)) continue;
    try {
      ScrapedTextExample example;
      example.name = name;
      example.text = visible_text_of_html_file(html);
      example.gold_text = read_text(gold);
      // Some fixtures hold a note instead of a body ("MISSES SECOND HALF OF ARTICLE").
      if (metric_words(*example.gold_text).size() < 25) continue;
      example.lines = split_nonblank_lines(example.text);
      example.labels = label_lines_by_gold(example.lines, *example.gold_text);
      collector.add(std::move(example));
      ++taken;
    } catch (const std::exception& error) {
      collector.dataset.problems.push_back(name + ": " + error.what());
    }
  }
}

void load_trafilatura(const fs::path& root, Collector& collector) {
  const nlohmann::json gold = nlohmann::json::parse(read_text(root / "evaldata.json"));
  size_t taken = 0;
  for (const auto& [url, entry] : gold.items()) {
    if (taken >= collector.options.max_pages_per_source) break;
    if (!entry.contains("file") || !entry["file"].is_string()) continue;
    const std::string file = entry["file"].get<std::string>();
    const std::string name = "trafilatura/" + file;
    if (!collector.wanted(name)) continue;
    fs::path html = root / "eval" / (file + ".gz");
    if (!fs::exists(html)) html = root / "cache" / (file + ".gz");
    try {
      ScrapedTextExample example;
      example.name = name;
      example.text = visible_text_of_html_file(html);
      for (const char* side : {"with", "without"}) {
        if (!entry.contains(side) || !entry[side].is_array()) continue;
        for (const auto& snippet : entry[side])
          if (snippet.is_string())
            (std::string(side) == "with" ? example.with_snippets : example.without_snippets)
                .push_back(snippet.get<std::string>());
      }
      if (entry.contains("title") && entry["title"].is_string()) example.gold_title = entry["title"].get<std::string>();
      example.lines = split_nonblank_lines(example.text);
      example.labels = label_lines_by_snippets(example.lines, example.with_snippets, example.without_snippets);
      collector.add(std::move(example));
      ++taken;
    } catch (const std::exception& error) {
      collector.dataset.problems.push_back(name + ": " + error.what());
    }
  }
}

}  // namespace

std::vector<std::string> metric_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = text::next_code_point(text, pos);
    if (u_isalnum(static_cast<UChar32>(c))) {
      text::append_utf8(word, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string collapse_whitespace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<int8_t> label_lines_by_gold(const std::vector<std::string>& lines, const std::string& gold_text) {
  const std::vector<std::string> gold_words = metric_words(gold_text);
  std::unordered_set<uint64_t> gold_trigrams;
  for (size_t k = 0; k + 3 <= gold_words.size(); ++k) gold_trigrams.insert(hash_words(gold_words, k, 3));
  std::unordered_set<std::string> gold_lines;
  for (const auto& line : split_nonblank_lines(gold_text))
    gold_lines.insert(joined(metric_words(std::string(strip_bullet(line)))));

  std::vector<int8_t> labels;
  labels.reserve(lines.size());
  for (const auto& line : lines) {
    const std::vector<std::string> words = metric_words(std::string(strip_bullet(line)));
    if (words.empty()) {
      labels.push_back(0);
    } else if (words.size() < 3) {
      labels.push_back(gold_lines.count(joined(words)) ? 1 : 0);
    } else {
      size_t found = 0, total = 0;
      for (size_t k = 0; k + 3 <= words.size(); ++k, ++total) found += gold_trigrams.count(hash_words(words, k, 3));
      const double share = static_cast<double>(found) / static_cast<double>(total);
      labels.push_back(share >= 0.5 ? 1 : share <= 0.1 ? 0 : -1);
    }
  }
  return labels;
}

std::vector<int8_t> label_lines_by_snippets(const std::vector<std::string>& lines,
                                            const std::vector<std::string>& with_snippets,
                                            const std::vector<std::string>& without_snippets) {
  std::vector<int8_t> labels(lines.size(), -1);
  auto overlaps = [](const std::string& line, const std::string& snippet) {
    if (snippet.empty()) return false;
    if (line.find(snippet) != std::string::npos) return true;
    // A snippet spanning several blocks holds whole lines; short lines would match by chance.
    return std::count(line.begin(), line.end(), ' ') >= 3 && snippet.find(line) != std::string::npos;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = collapse_whitespace(std::string(strip_bullet(lines[i])));
    for (const auto& snippet : with_snippets)
      if (overlaps(line, collapse_whitespace(snippet))) labels[i] = 1;
    for (const auto& snippet : without_snippets)
      if (labels[i] != 1 && overlaps(line, collapse_whitespace(snippet))) labels[i] = 0;
  }
  return labels;
}

PrecisionRecall word_4gram_precision_recall(const std::string& extracted, const std::string& gold) {
  auto shingles = [](const std::string& text) {
    const std::vector<std::string> words = metric_words(text);
    std::unordered_set<uint64_t> set;
    for (size_t k = 0; k + 4 <= words.size(); ++k) set.insert(hash_words(words, k, 4));
    return set;
  };
  const auto extracted_set = shingles(extracted);
  const auto gold_set = shingles(gold);
  PrecisionRecall result;
  if (extracted_set.empty() || gold_set.empty()) {
    const bool both_empty = extracted_set.empty() && gold_set.empty();
    result.precision = both_empty ? 1.0 : 0.0;
    result.recall = both_empty || gold_set.empty() ? 1.0 : 0.0;
    return result;
  }
  size_t common = 0;
  for (uint64_t shingle : extracted_set) common += gold_set.count(shingle);
  result.precision = static_cast<double>(common) / static_cast<double>(extracted_set.size());
  result.recall = static_cast<double>(common) / static_cast<double>(gold_set.size());
  return result;
}

ScrapedTextDataset load_scraped_text_dataset(const std::string& data_dir, const DatasetOptions& options) {
  const fs::path extraction = fs::path(data_dir) / "extraction";
  ScrapedTextDataset dataset;
  Collector collector{options, dataset};
  bool any = false;
  if (fs::is_directory(extraction / "readability-testpages")) {
    any = true;
    load_readability(extraction / "readability-testpages", collector);
  }
  const fs::path fixtures = extraction / "extractor-test-fixtures";
  if (fs::is_directory(fixtures / "newspaper3k")) {
    any = true;
    load_newspaper(fixtures / "newspaper3k" / "tests" / "data", "newspaper3k", "text", collector);
  }
  if (fs::is_directory(fixtures / "newspaper4k")) {
    any = true;
    load_newspaper(fixtures / "newspaper4k" / "tests" / "data", "newspaper4k", "txt", collector);
  }
  if (fs::is_directory(extraction / "trafilatura-eval")) {
    any = true;
    load_trafilatura(extraction / "trafilatura-eval", collector);
  }
  if (!any) throw std::runtime_error(data_dir + ": no extraction datasets under " + extraction.string());
  return dataset;
}

}  // namespace storyline::extract
