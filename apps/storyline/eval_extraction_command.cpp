// storyline eval extraction [--data DIR] [--worst N] [--threads N]: runs the whole HTML extraction
// over the extraction datasets in ../shared/data and prints precision, recall and F1 for each.
// trafilatura-eval is also scored in two halves (by a hash of the page's file name), and WCXB's
// dev pages, which no rule was tuned on, with their snippets and their main content.
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "eval_extraction_metrics.h"
#include "storyline/core/decompress.h"
#include "storyline/core/hash.h"
#include "storyline/core/input_files.h"
#include "storyline/core/ordered_parallel.h"
#include "storyline/extract/finalize.h"
#include "storyline/extract/html_extractor.h"
#include "storyline/text/encoding.h"

namespace storyline::cli {
namespace {

namespace fs = std::filesystem;

struct EvalOptions {
  std::string data = "../shared/data";
  size_t worst = 0;
  unsigned threads = 2;
};

// One page to evaluate: its HTML file and its gold.
struct EvalCase {
  std::string name;
  std::string html_path;
  std::string url;
  std::vector<std::string> with, without;  // snippet gold
  std::string gold_text;                   // full-text gold
  bool gold_is_prefix = false;
};

struct CaseResult {
  SnippetCounts counts;
  ShingleScore shingles;
  std::string error;
};

std::string read_maybe_gzip(const std::string& path) {
  std::string bytes = read_file_bytes(path);
  if (is_gzip(bytes)) bytes = gunzip(bytes);
  return bytes;
}

// The body text the pipeline gives for one page, as `storyline extract` would print it.
std::string extracted_text(const EvalCase& page) {
  const std::string bytes = read_maybe_gzip(page.html_path);
  const std::string utf8 = text::to_utf8(bytes, text::declared_charset(bytes));
  const extract::PageContext context{page.html_path, page.url.empty() ? std::nullopt : std::optional(page.url),
                                     std::nullopt};
  Document document = extract::extract_html(utf8, context);
  extract::finalize_document(document, context);
  return document.text.value_or("");
}

std::vector<std::string> string_list(const nlohmann::json& value) {
  std::vector<std::string> result;
  if (value.is_array())
    for (const auto& item : value)
      if (item.is_string()) result.push_back(item.get<std::string>());
  return result;
}

std::vector<EvalCase> trafilatura_cases(const fs::path& folder) {
  std::vector<EvalCase> cases;
  if (!fs::exists(folder / "evaldata.json")) return cases;
  const auto gold = nlohmann::json::parse(read_file_bytes((folder / "evaldata.json").string()));
  for (const auto& [url, entry] : gold.items()) {
    EvalCase page;
    page.name = entry.value("file", "");
    page.url = url;
    for (const char* sub : {"eval", "cache"})
      if (fs::exists(folder / sub / (page.name + ".gz"))) {
        page.html_path = (folder / sub / (page.name + ".gz")).string();
        break;
      }
    if (page.html_path.empty()) continue;
    page.with = string_list(entry.value("with", nlohmann::json::array()));
    page.without = string_list(entry.value("without", nlohmann::json::array()));
    cases.push_back(std::move(page));
  }
  return cases;
}

// WCXB's dev split: snippet gold ("with", "without") and the main content, and each page's type
// from page_types.tsv (article, service, forum, ...).
std::vector<EvalCase> wcxb_cases(const fs::path& folder, std::vector<std::string>& page_types) {
  std::vector<EvalCase> cases;
  if (!fs::is_directory(folder / "ground-truth")) return cases;
  std::map<std::string, std::string> type_of;
  if (fs::exists(folder / "page_types.tsv")) {
    const std::string table = read_file_bytes((folder / "page_types.tsv").string());
    size_t start = 0;
    while (start < table.size()) {
      size_t end = table.find('\n', start);
      if (end == std::string::npos) end = table.size();
      const std::string line = table.substr(start, end - start);
      const size_t tab = line.find('\t');
      if (tab != std::string::npos) type_of[line.substr(0, tab)] = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
      start = end + 1;
    }
  }
  for (const auto& entry : fs::directory_iterator(folder / "ground-truth")) {
    const std::string file = entry.path().filename().string();
    const std::string id = file.substr(0, file.find('.'));
    const fs::path html = folder / "html" / (id + ".html.gz");
    if (!fs::exists(html)) continue;
    const auto gold = nlohmann::json::parse(read_maybe_gzip(entry.path().string()), nullptr, false);
    if (gold.is_discarded() || !gold.contains("ground_truth")) continue;
    const auto& truth = gold["ground_truth"];
    EvalCase page;
    page.name = id;
    page.html_path = html.string();
    page.url = gold.value("url", "");
    page.with = string_list(truth.value("with", nlohmann::json::array()));
    page.without = string_list(truth.value("without", nlohmann::json::array()));
    page.gold_text = truth.value("main_content", "");
    cases.push_back(std::move(page));
  }
  std::sort(cases.begin(), cases.end(), [](const EvalCase& a, const EvalCase& b) { return a.name < b.name; });
  for (const auto& page : cases) page_types.push_back(type_of.count(page.name) ? type_of[page.name] : "unlabelled");
  return cases;
}

// Which half of trafilatura-eval a page falls in, by its file name: stable across runs and
// machines, and blind to what the page holds.
bool in_first_half(const std::string& name) { return fnv1a64(name) % 2 == 0; }

std::vector<EvalCase> readability_cases(const fs::path& folder) {
  std::vector<EvalCase> cases;
  if (!fs::is_directory(folder / "pages")) return cases;
  for (const auto& entry : fs::directory_iterator(folder / "pages")) {
    const fs::path source = entry.path() / "source.html.gz", expected = entry.path() / "expected.html.gz";
    if (!fs::exists(source) || !fs::exists(expected)) continue;
    EvalCase page;
    page.name = entry.path().filename().string();
    page.html_path = source.string();
    page.gold_text = html_to_text(text::to_utf8(read_maybe_gzip(expected.string())));
    cases.push_back(std::move(page));
  }
  return cases;
}

// newspaper3k's expected texts include its maintainers' notes instead of a text for pages it got
// wrong ("MISSED ENTIRE ARTICLE BECAUSE ...", 'ONLY "More coming soon!" AT END OF ARTICLE WAS
// EXTRACTED': capitals, but for a quote) and empty files: not gold, skipped.
bool is_real_gold(const std::string& gold) {
  const auto upper = std::count_if(gold.begin(), gold.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  const auto lower = std::count_if(gold.begin(), gold.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool any_text = std::any_of(gold.begin(), gold.end(),
                                    [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
  const bool shouted = upper > 0 && upper >= 2 * lower;
  return any_text && !shouted;
}

// Pairs each HTML fixture with the expected text of the same stem in `text_folder`.
void add_text_fixtures(const fs::path& html_folder, const fs::path& text_folder, const std::string& text_extension,
                       const std::string& prefix, std::vector<EvalCase>& cases) {
  if (!fs::is_directory(html_folder)) return;
  for (const auto& entry : fs::directory_iterator(html_folder)) {
    const std::string file = entry.path().filename().string();
    const size_t suffix = file.find(".html");
    if (suffix == std::string::npos) continue;
    const std::string stem = file.substr(0, suffix);
    const fs::path gold = text_folder / (stem + text_extension);
    if (!fs::exists(gold)) continue;
    EvalCase page;
    page.name = prefix + stem;
    page.html_path = entry.path().string();
    page.gold_text = text::to_utf8(read_file_bytes(gold.string()));
    if (!is_real_gold(page.gold_text)) continue;
    cases.push_back(std::move(page));
  }
}

std::vector<EvalCase> fixture_cases(const fs::path& folder, const std::string& which) {
  std::vector<EvalCase> cases;
  if (which == "newspaper3k") {
    add_text_fixtures(folder / "newspaper3k/tests/data/html", folder / "newspaper3k/tests/data/text", ".txt", "newspaper3k/",
                      cases);
  } else if (which == "newspaper4k") {
    add_text_fixtures(folder / "newspaper4k/tests/data/html", folder / "newspaper4k/tests/data/txt", ".txt", "newspaper4k/",
                      cases);
  } else if (fs::is_directory(folder / "goose3/tests/data/content")) {
    for (const auto& entry : fs::directory_iterator(folder / "goose3/tests/data/content")) {
      if (entry.path().extension() != ".json") continue;
      fs::path html = entry.path();
      html.replace_extension(".html.gz");
      if (!fs::exists(html)) continue;
      const auto gold = nlohmann::json::parse(read_file_bytes(entry.path().string()), nullptr, false);
      if (gold.is_discarded() || !gold.contains("expected") || !gold["expected"].contains("cleaned_text")) continue;
      EvalCase page;
      page.name = "goose3/" + entry.path().stem().string();
      page.html_path = html.string();
      page.url = gold.value("url", "");
      page.gold_text = gold["expected"]["cleaned_text"].get<std::string>();
      // goose3's tests check only that the extracted text starts with this (mostly short) text.
      page.gold_is_prefix = true;
      cases.push_back(std::move(page));
    }
  }
  return cases;
}

std::vector<CaseResult> run_cases(std::vector<EvalCase>& cases, unsigned threads) {
  std::sort(cases.begin(), cases.end(), [](const EvalCase& a, const EvalCase& b) { return a.name < b.name; });
  std::vector<CaseResult> results(cases.size());
  ordered_parallel_for<CaseResult>(
      cases.size(), threads,
      [&](size_t i) {
        CaseResult result;
        const EvalCase& page = cases[i];
        std::string text;
        try {
          text = extracted_text(page);
        } catch (const std::exception& error) {
          result.error = error.what();
        }
        if (!page.with.empty() || !page.without.empty()) result.counts = score_snippets(text, page.with, page.without);
        if (!page.gold_text.empty()) result.shingles = score_shingles(text, page.gold_text, page.gold_is_prefix);
        return result;
      },
      [&](size_t i, CaseResult&& result) { results[i] = std::move(result); });
  return results;
}

void print_row(const std::string& name, size_t pages, double precision, double recall, const std::string& extra) {
  std::printf("%-28s %6zu  %9.3f %9.3f %9.3f  %s\n", name.c_str(), pages, precision, recall, f1(precision, recall),
              extra.c_str());
}

// Precision, recall and F1 of the snippets of the pages `chosen` picks, with their counts.
void print_snippet_row(const std::string& name, const std::vector<CaseResult>& results,
                       const std::function<bool(size_t)>& chosen) {
  SnippetCounts total;
  size_t pages = 0;
  for (size_t i = 0; i < results.size(); ++i)
    if (chosen(i)) {
      total += results[i].counts;
      ++pages;
    }
  const double precision = double(total.true_positives) / double(std::max(1L, total.true_positives + total.false_positives));
  const double recall = double(total.true_positives) / double(std::max(1L, total.true_positives + total.false_negatives));
  const long all = total.true_positives + total.false_positives + total.false_negatives + total.true_negatives;
  const double accuracy = double(total.true_positives + total.true_negatives) / double(std::max(1L, all));
  char notes[160];
  std::snprintf(notes, sizeof notes, "snippets: accuracy %.3f (TP %ld FN %ld FP %ld TN %ld)", accuracy, total.true_positives,
                total.false_negatives, total.false_positives, total.true_negatives);
  print_row(name, pages, precision, recall, notes);
}

int run_eval_extraction(const EvalOptions& options) {
  const fs::path data = fs::path(options.data) / "extraction";
  if (!fs::is_directory(data)) {
    std::cerr << "storyline eval extraction: no datasets in " << data.string() << "\n";
    return 1;
  }
  std::printf("%-28s %6s  %9s %9s %9s  %s\n", "dataset", "pages", "precision", "recall", "F1", "notes");
  // Per dataset, (score, line) of every page with an error, worst first when printed.
  std::vector<std::pair<std::string, std::vector<std::pair<double, std::string>>>> worst_by_dataset;

  // (a) trafilatura's snippet gold.
  {
    std::vector<EvalCase> cases = trafilatura_cases(data / "trafilatura-eval");
    const auto results = run_cases(cases, options.threads);
    auto& worst = worst_by_dataset.emplace_back("trafilatura-eval", std::vector<std::pair<double, std::string>>()).second;
    for (size_t i = 0; i < results.size(); ++i) {
      const auto& c = results[i].counts;
      const long errors = c.false_negatives + c.false_positives;
      if (errors > 0)
        worst.emplace_back(-double(errors) /
                               double(c.true_positives + c.false_negatives + c.false_positives + c.true_negatives),
                           "trafilatura " + cases[i].name + "  FN " + std::to_string(c.false_negatives) + " FP " +
                               std::to_string(c.false_positives) + " " + results[i].error);
    }
    print_snippet_row("trafilatura-eval", results, [](size_t) { return true; });
    print_snippet_row("trafilatura-eval half A", results, [&](size_t i) { return in_first_half(cases[i].name); });
    print_snippet_row("trafilatura-eval half B", results, [&](size_t i) { return !in_first_half(cases[i].name); });
  }

  // WCXB dev: snippets, and word 4-grams against the main content; all pages, then articles.
  {
    std::vector<std::string> page_types;
    std::vector<EvalCase> cases = wcxb_cases(data / "wcxb-dev", page_types);
    const auto results = run_cases(cases, options.threads);  // sorts by name, as wcxb_cases did
    auto& worst = worst_by_dataset.emplace_back("wcxb-dev", std::vector<std::pair<double, std::string>>()).second;
    for (const bool articles : {false, true}) {
      const auto chosen = [&](size_t i) { return !articles || page_types[i] == "article"; };
      const std::string name = articles ? "wcxb-dev articles" : "wcxb-dev";
      if (!cases.empty()) print_snippet_row(name, results, chosen);
      double precision = 0, recall = 0;
      size_t pages = 0;
      for (size_t i = 0; i < results.size(); ++i)
        if (chosen(i) && !cases[i].gold_text.empty()) {
          precision += results[i].shingles.precision;
          recall += results[i].shingles.recall;
          ++pages;
        }
      if (pages > 0)
        print_row(name + " (4-grams)", pages, precision / double(pages), recall / double(pages),
                  "word 4-grams of the main content, mean per page");
    }
    for (size_t i = 0; i < results.size(); ++i) {
      char line[400];
      std::snprintf(line, sizeof line, "wcxb-dev %s (%s)  P %.3f R %.3f %s", cases[i].name.c_str(), page_types[i].c_str(),
                    results[i].shingles.precision, results[i].shingles.recall, results[i].error.c_str());
      worst.emplace_back(f1(results[i].shingles.precision, results[i].shingles.recall), line);
    }
  }

  // (b), (c) full-text gold, word 4-gram shingles.
  struct Dataset {
    std::string name;
    std::vector<EvalCase> cases;
  };
  std::vector<Dataset> datasets;
  datasets.push_back({"readability-testpages", readability_cases(data / "readability-testpages")});
  for (const char* which : {"newspaper3k", "newspaper4k", "goose3"})
    datasets.push_back({std::string("fixtures/") + which, fixture_cases(data / "extractor-test-fixtures", which)});
  double fixture_precision = 0, fixture_recall = 0;
  size_t fixture_pages = 0;
  for (auto& dataset : datasets) {
    const auto results = run_cases(dataset.cases, options.threads);
    double precision = 0, recall = 0;
    auto& worst = worst_by_dataset.emplace_back(dataset.name, std::vector<std::pair<double, std::string>>()).second;
    for (size_t i = 0; i < results.size(); ++i) {
      precision += results[i].shingles.precision;
      recall += results[i].shingles.recall;
      char line[400];
      std::snprintf(line, sizeof line, "%s %s  P %.3f R %.3f %s", dataset.name.c_str(), dataset.cases[i].name.c_str(),
                    results[i].shingles.precision, results[i].shingles.recall, results[i].error.c_str());
      worst.emplace_back(f1(results[i].shingles.precision, results[i].shingles.recall), line);
    }
    if (dataset.name.rfind("fixtures/", 0) == 0) {
      fixture_precision += precision;
      fixture_recall += recall;
      fixture_pages += results.size();
    }
    const double n = double(std::max<size_t>(1, results.size()));
    print_row(dataset.name, results.size(), precision / n, recall / n,
              dataset.name == "fixtures/goose3"        ? "word 4-grams; gold is a prefix: ours cut to its length"
              : dataset.name == "fixtures/newspaper3k" ? "word 4-grams; notes-instead-of-gold and empty golds skipped"
                                                       : "word 4-grams, mean per page");
  }
  const double n = double(std::max<size_t>(1, fixture_pages));
  print_row("extractor-test-fixtures", fixture_pages, fixture_precision / n, fixture_recall / n,
            "word 4-grams, mean over the three above");

  for (auto& [name, worst] : worst_by_dataset) {
    if (options.worst == 0) break;
    std::sort(worst.begin(), worst.end());
    std::printf("\nworst pages of %s (F1, or minus the share of snippets wrong):\n", name.c_str());
    for (size_t i = 0; i < std::min(options.worst, worst.size()); ++i)
      std::printf("  %.3f  %s\n", worst[i].first, worst[i].second.c_str());
  }
  return 0;
}

}  // namespace

Runner add_eval_extraction_command(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand(
      "extraction",
      "HTML main-content extraction: trafilatura-eval snippets (and its two halves), WCXB dev, readability and extractor fixtures");
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--worst", options->worst, "Also list the N worst pages of each dataset");
  command->add_option("--threads", options->threads, "Worker threads (default 2)");
  return [options, command]() -> int { return command->parsed() ? run_eval_extraction(*options) : 2; };
}

}  // namespace storyline::cli
