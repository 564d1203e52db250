// The scraped-text extractor on the seeds' scraped texts (when ../shared is present) and on a
// synthetic long page of menus and paragraphs: lines per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "storyline/extract/scraped_text_extractor.h"

namespace {

std::vector<std::string> seed_texts() {
  std::vector<std::string> texts;
  const auto shared = storyline::bench::shared_dir();
  if (!shared) return texts;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(*shared) / "seeds")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("000_", 0) == 0) continue;  // a front-matter record, not scraped text
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

std::string synthetic_page(int paragraphs) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\u2022 Section " + std::to_string(i) + "\n";
  text += "A Headline About the Council's Vote on the New Budget\n\n";
  for (int i = 0; i < paragraphs; ++i) {
    text += "The council voted on Tuesday to extend the programme for another " + std::to_string(i) +
            " years, officials said, after a long debate about costs and the schools it would serve.\n\n";
    if (i % 7 == 3) text += "Share this article on Facebook\n\n";
  }
  text += "Leave a Reply\nYour email address will not be published.\nScroll to Top\n";
  return text;
}

void BM_ScrapedTextSeeds(benchmark::State& state) {
  const std::vector<std::string> texts = seed_texts();
  if (texts.empty()) {
    state.SkipWithError("../shared is absent");
    return;
  }
  for (auto _ : state)
    for (const auto& text : texts)
      benchmark::DoNotOptimize(storyline::extract::extract_scraped_text(text, {"seed", {}, {}}));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_ScrapedTextSeeds);

void BM_ScrapedTextSyntheticPage(benchmark::State& state) {
  const std::string text = synthetic_page(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(storyline::extract::extract_scraped_text(text, {"synthetic", {}, {}}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}
BENCHMARK(BM_ScrapedTextSyntheticPage)->Arg(20)->Arg(500);

}  // namespace

BENCHMARK_MAIN();
