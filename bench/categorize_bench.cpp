// Documents per second for label::categorize and label::decide_is_news on BBC News texts held in
// memory (the shipped models), for categorize also on Lenta's Russian texts (the words the
// translation lexicon reads through English), for the topics of a document (names from the
// recognizer's mentions, themes; label/topics.h) on both, German names (the trained tagger) on
// GermEval's sentences, Russian names by their capitals on Lenta's texts, and the process's peak
// memory.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench_support.h"
#include "storyline/eval/category_datasets.h"
#include "storyline/eval/entity_eval.h"
#include "storyline/eval/multilingual_datasets.h"
#include "storyline/label/capitalized_names.h"
#include "storyline/label/categorize.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/label/entity_tagger.h"
#include "storyline/label/news_page.h"
#include "storyline/label/topics.h"

namespace {

// Labelled texts as documents of `language`, as categorize() reads them.
std::vector<storyline::Document> as_documents(std::vector<storyline::label::LabelledText> texts, const char* language) {
  std::vector<storyline::Document> result;
  for (auto& text : texts) {
    storyline::Document document;
    document.id = text.id;
    document.title = std::move(text.title);
    document.text = std::move(text.text);
    document.language = language;
    result.push_back(std::move(document));
  }
  return result;
}

const std::vector<storyline::Document>& bbc_documents() {
  static const std::vector<storyline::Document> documents = [] {
    const auto shared = storyline::bench::shared_dir();
    if (!shared) return std::vector<storyline::Document>{};
    return as_documents(storyline::label::load_bbc(*shared + "/data/categories/bbc-news-2225", false), "en");
  }();
  return documents;
}

const std::vector<storyline::Document>& lenta_documents() {
  static const std::vector<storyline::Document> documents = [] {
    const auto shared = storyline::bench::shared_dir();
    if (!shared) return std::vector<storyline::Document>{};
    return as_documents(storyline::label::load_lenta(*shared + "/data/categories/ru-news/lenta.jsonl.gz"), "ru");
  }();
  return documents;
}

void categorize_all(benchmark::State& state, const std::vector<storyline::Document>& documents) {
  if (documents.empty()) {
    state.SkipWithError("../shared/data is absent: no texts to categorize");
    return;
  }
  storyline::label::default_category_model();  // loading is not what is measured
  storyline::label::default_translation_lexicon();
  size_t next = 0, bytes = 0;
  for (auto _ : state) {
    const auto& document = documents[next];
    benchmark::DoNotOptimize(storyline::label::categorize(document));
    bytes += document.text->size() + document.title->size();
    next = (next + 1) % documents.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}

void BM_CategorizeBbc(benchmark::State& state) { categorize_all(state, bbc_documents()); }
BENCHMARK(BM_CategorizeBbc)->Unit(benchmark::kMicrosecond);

void BM_CategorizeLentaRussian(benchmark::State& state) { categorize_all(state, lenta_documents()); }
BENCHMARK(BM_CategorizeLentaRussian)->Unit(benchmark::kMicrosecond);

// News or not on the same texts: the phrase rules, then the news model.
void BM_DecideIsNewsBbc(benchmark::State& state) {
  const auto& documents = bbc_documents();
  if (documents.empty()) {
    state.SkipWithError("../shared/data is absent: no BBC texts to judge");
    return;
  }
  storyline::label::default_news_model();  // loading is not what is measured
  size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(storyline::label::decide_is_news(documents[next]));
    next = (next + 1) % documents.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}
BENCHMARK(BM_DecideIsNewsBbc)->Unit(benchmark::kMicrosecond);

// A document's topics as label_document makes them: English finds names (the recognizer's
// mentions) and themes; other languages themes through the lexicon.
void topics_of_all(benchmark::State& state, const std::vector<storyline::Document>& documents) {
  if (documents.empty()) {
    state.SkipWithError("../shared/data is absent: no texts to tag");
    return;
  }
  storyline::label::default_translation_lexicon();  // loading is not what is measured
  size_t next = 0;
  for (auto _ : state) {
    const auto& document = documents[next];
    if (document.language == "en")
      benchmark::DoNotOptimize(storyline::label::document_topics(document, storyline::label::document_mentions(document)));
    else benchmark::DoNotOptimize(storyline::label::document_topics(document));
    next = (next + 1) % documents.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}

void BM_TopicsBbc(benchmark::State& state) { topics_of_all(state, bbc_documents()); }
BENCHMARK(BM_TopicsBbc)->Unit(benchmark::kMicrosecond);

void BM_TopicsLentaRussian(benchmark::State& state) { topics_of_all(state, lenta_documents()); }
BENCHMARK(BM_TopicsLentaRussian)->Unit(benchmark::kMicrosecond);

// German names (the trained tagger) on GermEval's dev sentences, a sentence a document.
void BM_EntitiesGerman(benchmark::State& state) {
  const auto shared = storyline::bench::shared_dir();
  const storyline::label::EntityTagger* tagger = storyline::label::shipped_entity_tagger("de");
  if (!shared || !tagger) {
    state.SkipWithError("../shared/data or models/entities-de.model is absent");
    return;
  }
  static const auto sentences = storyline::eval::read_germeval(*shared + "/data/entities/germeval2014/NER-de-dev.tsv.gz");
  size_t next = 0, bytes = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(tagger->entities(sentences[next].text));
    bytes += sentences[next].text.size();
    next = (next + 1) % sentences.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}
BENCHMARK(BM_EntitiesGerman)->Unit(benchmark::kMicrosecond);

// Russian names by their capitals (label/capitalized_names.h) on Lenta's texts.
void BM_EntitiesRussian(benchmark::State& state) {
  const auto& documents = lenta_documents();
  if (documents.empty()) {
    state.SkipWithError("../shared/data is absent: no Russian texts");
    return;
  }
  storyline::label::default_translation_lexicon();  // loading is not what is measured
  size_t next = 0, bytes = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(storyline::label::capitalized_names(*documents[next].text, "ru"));
    bytes += documents[next].text->size();
    next = (next + 1) % documents.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}
BENCHMARK(BM_EntitiesRussian)->Unit(benchmark::kMicrosecond);

void BM_LoadCategoryModel(benchmark::State& state) {
  const auto path = std::string(STORYLINE_SOURCE_DIR) + "/models/categories.model";
  for (auto _ : state) benchmark::DoNotOptimize(storyline::label::CategoryModel::load(path));
  state.counters["peak_MiB"] = storyline::bench::peak_memory_mib();
}
BENCHMARK(BM_LoadCategoryModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
