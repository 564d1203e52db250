// Duplicate detection throughput: fingerprint + lookup + insert per document, over the BBC News
// texts held in memory (repeated with small edits to reach a larger index).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "bench_support.h"
#include "storyline/dedup/duplicate_index.h"

namespace {

std::vector<std::string> load_bbc_texts() {
  std::vector<std::string> texts;
  const auto shared = storyline::bench::shared_dir();
  if (!shared) return texts;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(*shared + "/data/categories/bbc-news-2225")) {
    if (entry.path().extension() != ".txt" || entry.path().filename().string().find("README") != std::string::npos) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  return texts;
}

void BM_DeduplicateDocuments(benchmark::State& state) {
  static const std::vector<std::string> texts = load_bbc_texts();
  if (texts.empty()) {
    state.SkipWithError("../shared/data is absent");
    return;
  }
  const size_t count = static_cast<size_t>(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    storyline::dedup::DuplicateIndex index;
    for (size_t i = 0; i < count; ++i) {
      // Past the corpus size, vary each copy so the index keeps growing instead of hitting exact copies.
      std::string text = texts[i % texts.size()];
      if (i >= texts.size()) text += " edition " + std::to_string(i / texts.size());
      bytes += text.size();
      auto fingerprint = index.fingerprint(text);
      benchmark::DoNotOptimize(index.find(fingerprint));
      index.add(std::move(fingerprint));
    }
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(count * state.iterations()),
                                                benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}
BENCHMARK(BM_DeduplicateDocuments)->Arg(2225)->Arg(20000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
