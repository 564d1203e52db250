// Story overview throughput: story_overview (headline, summary bullets, quotes, topics) on real
// stories of 20 articles (ECB+: the first 20 articles of one gold topic, i.e. two related
// events, labelled as the pipeline would, spread over 12 made-up publishers), and story_heat on
// the same.
// Reports stories and articles per second (one thread). Skips cleanly without ../shared.
#include <benchmark/benchmark.h>

#include <iostream>
#include <map>

#include "bench_support.h"
#include "storyline/eval/ecbplus_corpus.h"
#include "storyline/label/label_document.h"
#include "storyline/rank/story_heat.h"
#include "storyline/summarize/story_overview.h"

namespace {

using storyline::Document;

constexpr size_t kArticlesPerStory = 20;
constexpr size_t kStories = 20;

// Up to kStories stories of kArticlesPerStory labelled ECB+ articles each, built once.
const std::vector<std::vector<Document>>& stories() {
  static const std::vector<std::vector<Document>> built = [] {
    std::vector<std::vector<Document>> result;
    const auto shared = storyline::bench::shared_dir();
    if (!shared) return result;
    auto documents = storyline::cluster::read_ecbplus(*shared + "/data/clustering/ecbplus/ecbplus_docs.jsonl");
    std::map<std::string, std::vector<Document>> by_storyline;
    for (auto& labeled : documents) {
      labeled.document.domain = "publisher" + std::to_string(by_storyline[labeled.storyline].size() % 12) + ".example";
      labeled.document.language = "en";
      by_storyline[labeled.storyline].push_back(std::move(labeled.document));
    }
    for (auto& [storyline, members] : by_storyline) {
      if (members.size() < kArticlesPerStory) continue;
      members.resize(kArticlesPerStory);
      for (Document& document : members) storyline::label::label_document(document);
      result.push_back(std::move(members));
      if (result.size() >= kStories) break;
    }
    return result;
  }();
  return built;
}

void story_overview_20_articles(benchmark::State& state) {
  const auto& all = stories();
  if (all.empty()) {
    state.SkipWithError("../shared/data/clustering/ecbplus is absent");
    return;
  }
  size_t next = 0;
  size_t articles = 0;
  for (auto _ : state) {
    const auto& story = all[next++ % all.size()];
    auto overview = storyline::summarize::story_overview(story);
    benchmark::DoNotOptimize(overview);
    articles += story.size();
  }
  state.counters["stories_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["articles_per_s"] = benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
}
BENCHMARK(story_overview_20_articles)->Unit(benchmark::kMillisecond);

void story_heat_20_articles(benchmark::State& state) {
  const auto& all = stories();
  if (all.empty()) {
    state.SkipWithError("../shared/data/clustering/ecbplus is absent");
    return;
  }
  size_t next = 0;
  for (auto _ : state) {
    auto heat = storyline::rank::story_heat(all[next++ % all.size()], 1700000000);
    benchmark::DoNotOptimize(heat);
  }
  state.counters["stories_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(story_heat_20_articles)->Unit(benchmark::kMicrosecond);

// As the store would call it: quality scores kept per document, no text read.
void story_heat_known_quality_20_articles(benchmark::State& state) {
  const auto& all = stories();
  if (all.empty()) {
    state.SkipWithError("../shared/data/clustering/ecbplus is absent");
    return;
  }
  const std::vector<int> scores(kArticlesPerStory, 60);
  size_t next = 0;
  for (auto _ : state) {
    auto heat = storyline::rank::story_heat(all[next++ % all.size()], 1700000000, scores);
    benchmark::DoNotOptimize(heat);
  }
  state.counters["stories_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(story_heat_known_quality_20_articles)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
