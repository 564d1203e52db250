// HTML extraction speed on trafilatura's evaluation pages held in memory, one thread: the whole
// extract_html, libxml2's parse alone, and the main-content step alone, so the split between
// parsing and scoring shows. Counters: pages/s, MB/s, peak memory.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.h"
#include "storyline/core/decompress.h"
#include "storyline/core/input_files.h"
#include "storyline/extract/html_document.h"
#include "storyline/extract/html_extractor.h"
#include "storyline/extract/main_content.h"
#include "storyline/text/encoding.h"

namespace {

namespace fs = std::filesystem;

// The UTF-8 pages, loaded once.
const std::vector<std::string>& pages() {
  static const std::vector<std::string> loaded = [] {
    std::vector<std::string> result;
    const auto shared = storyline::bench::shared_dir();
    if (!shared) return result;
    const fs::path folder = fs::path(*shared) / "data/extraction/trafilatura-eval/eval";
    if (!fs::is_directory(folder)) return result;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::string bytes = storyline::read_file_bytes(file.string());
      if (storyline::is_gzip(bytes)) bytes = storyline::gunzip(bytes);
      result.push_back(storyline::text::to_utf8(bytes, storyline::text::declared_charset(bytes)));
    }
    return result;
  }();
  return loaded;
}

template <typename Work>
void run_over_pages(benchmark::State& state, Work work) {
  const auto& all = pages();
  if (all.empty()) {
    state.SkipWithError("../shared/data/extraction/trafilatura-eval is absent");
    return;
  }
  size_t index = 0, bytes = 0, count = 0;
  for (auto _ : state) {
    const std::string& page = all[index];
    work(page);
    bytes += page.size();
    ++count;
    index = (index + 1) % all.size();
  }
  state.counters["pages/s"] = benchmark::Counter(double(count), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(double(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["KB/page"] = double(bytes) / 1e3 / double(std::max<size_t>(1, count));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}

void BM_ExtractHtml(benchmark::State& state) {
  const storyline::extract::PageContext context{"bench", std::nullopt, std::nullopt};
  run_over_pages(state, [&](const std::string& page) {
    benchmark::DoNotOptimize(storyline::extract::extract_html(page, context));
  });
}

void BM_ParseOnly(benchmark::State& state) {
  run_over_pages(state,
                 [](const std::string& page) { benchmark::DoNotOptimize(storyline::extract::HtmlDocument::parse(page)); });
}

void BM_ParseAndMainContent(benchmark::State& state) {
  run_over_pages(state, [](const std::string& page) {
    const auto document = storyline::extract::HtmlDocument::parse(page);
    benchmark::DoNotOptimize(storyline::extract::extract_main_content(document));
  });
}

}  // namespace

BENCHMARK(BM_ExtractHtml)->MinTime(3);
BENCHMARK(BM_ParseOnly)->MinTime(3);
BENCHMARK(BM_ParseAndMainContent)->MinTime(3);
BENCHMARK_MAIN();
