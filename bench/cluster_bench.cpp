// Story clustering throughput and memory: documents made from all the text in ../shared/data
// (BBC, Reuters-21578 bodies, 20 Newsgroups, ECB+), cut into news-length pieces and dated over
// one month. Reports documents per CPU second (one thread), microseconds and bytes per document at 10k and 100k
// documents (the cost per document must stay flat), and peak memory.
#include <benchmark/benchmark.h>

#include <time.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bench_support.h"
#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/story_clusterer.h"
#include "storyline/core/decompress.h"
#include "storyline/eval/ecbplus_corpus.h"
#include "storyline/pipeline/story_analysis.h"

namespace {

using storyline::Document;
namespace cluster = storyline::cluster;

constexpr size_t kMaxDocuments = 100000;
constexpr size_t kWordsPerPiece = 90;

// CPU time of this thread: the machine is shared, so wall time overstates the cost.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Regular files of a ustar archive (enough for the two datasets here).
template <typename Visit>
void for_each_tar_file(const std::string& tar, Visit visit) {
  size_t offset = 0;
  while (offset + 512 <= tar.size()) {
    const char* header = tar.data() + offset;
    if (header[0] == '\0') break;
    const size_t size = std::strtoull(std::string(header + 124, 12).c_str(), nullptr, 8);
    const char type = header[156];
    if ((type == '0' || type == '\0') && offset + 512 + size <= tar.size())
      visit(std::string(header, strnlen(header, 100)), std::string_view(tar.data() + offset + 512, size));
    offset += 512 + (size + 511) / 512 * 512;
  }
}

std::string between(std::string_view text, std::string_view open, std::string_view close, size_t& from) {
  const size_t start = text.find(open, from);
  if (start == std::string_view::npos) return from = text.size(), "";
  const size_t end = text.find(close, start + open.size());
  if (end == std::string_view::npos) return from = text.size(), "";
  from = end + close.size();
  return std::string(text.substr(start + open.size(), end - start - open.size()));
}

struct Article {
  std::string title, body;
};

std::vector<Article> load_articles(const std::string& data) {
  std::vector<Article> articles;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data + "/categories/bbc-news-2225")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt" ||
        entry.path().filename().string().starts_with("README"))
      continue;
    const std::string text = read_file(entry.path());
    const size_t line = text.find('\n');
    articles.push_back({text.substr(0, line), line == std::string::npos ? "" : text.substr(line + 1)});
  }
  const std::string reuters = storyline::gunzip(read_file(data + "/categories/reuters21578/reut2-sgm.tar.gz"));
  for_each_tar_file(reuters, [&](const std::string& name, std::string_view content) {
    if (!name.ends_with(".sgm")) return;
    size_t from = 0;
    while (from < content.size()) {
      size_t record_end = content.find("</REUTERS>", from);
      if (record_end == std::string_view::npos) break;
      const std::string_view record = content.substr(from, record_end - from);
      size_t inner = 0;
      std::string title = between(record, "<TITLE>", "</TITLE>", inner);
      inner = 0;
      std::string body = between(record, "<BODY>", "</BODY>", inner);
      if (!body.empty()) articles.push_back({std::move(title), std::move(body)});
      from = record_end + 10;
    }
  });
  const std::string newsgroups = storyline::gunzip(read_file(data + "/categories/20newsgroups-bydate/20news-bydate.tar.gz"));
  for_each_tar_file(newsgroups, [&](const std::string&, std::string_view content) {
    const size_t headers_end = content.find("\n\n");
    std::string title;
    if (const size_t subject = content.find("Subject:"); subject != std::string_view::npos && subject < headers_end)
      title = std::string(content.substr(subject + 8, content.find('\n', subject) - subject - 8));
    if (headers_end != std::string_view::npos)
      articles.push_back({std::move(title), std::string(content.substr(headers_end + 2))});
  });
  for (auto& labeled : cluster::read_ecbplus(data + "/clustering/ecbplus/ecbplus_docs.jsonl"))
    articles.push_back({labeled.document.title.value_or(""), labeled.document.text.value_or("")});
  return articles;
}

// Pieces of about kWordsPerPiece words, each a document. An article's pieces stand for the
// reports of one event, so they arrive close together, as a news stream's do: 64 articles are
// "running" at a time, each giving its next piece in turn, and a finished one is replaced by the
// next. The density of events per day is then the same at 10k as at 100k documents, and only the
// store's size differs. Dates are spread over 30 days in stream order.
const std::vector<Document>& corpus() {
  static const std::vector<Document> documents = [] {
    std::vector<std::vector<Document>> events;
    size_t made = 0;
    const auto shared = storyline::bench::shared_dir();
    if (!shared) return std::vector<Document>{};
    for (const Article& article : load_articles(*shared + "/data")) {
      if (made >= kMaxDocuments) break;
      std::istringstream words(article.body);
      std::string word, piece;
      size_t count = 0, part = 0;
      std::vector<Document> pieces;
      const auto flush = [&] {
        if (count == 0 || made >= kMaxDocuments) return;
        Document document;
        document.id = std::to_string(made++);
        document.title = part == 0 ? article.title : article.title + " (" + std::to_string(part) + ")";
        document.text = piece;
        document.language = "en";
        pieces.push_back(std::move(document));
        piece.clear();
        count = 0;
        ++part;
      };
      while (words >> word && made < kMaxDocuments) {
        piece += word;
        piece += ' ';
        if (++count >= kWordsPerPiece) flush();
      }
      flush();
      if (!pieces.empty()) events.push_back(std::move(pieces));
    }
    // Events start in a fixed mixed order (prime stride), so the sources are interleaved.
    std::vector<size_t> event_order;
    const size_t stride = 7919;
    for (size_t i = 0, k = 0; i < events.size(); ++i, k = (k + stride) % events.size()) event_order.push_back(k);
    std::vector<Document> stream;
    stream.reserve(made);
    constexpr size_t kRunning = 64;
    std::vector<std::pair<size_t, size_t>> running;  // (event, next piece)
    size_t next_event = 0;
    while (stream.size() < made) {
      while (running.size() < kRunning && next_event < event_order.size())
        running.emplace_back(event_order[next_event++], 0);
      if (running.empty()) break;
      for (size_t r = 0; r < running.size();) {
        auto& [event, piece] = running[r];
        stream.push_back(std::move(events[event][piece++]));
        if (piece == events[event].size()) {
          running[r] = running.back();
          running.pop_back();
        } else {
          ++r;
        }
      }
    }
    for (size_t i = 0; i < stream.size(); ++i) {
      char date[48];
      std::snprintf(date, sizeof date, "2026-01-%02zuT12:00:00Z", 1 + i * 30 / stream.size());
      stream[i].published = date;
    }
    std::cerr << "cluster_bench: " << stream.size() << " documents\n";
    return stream;
  }();
  return documents;
}

void cluster_analysed(benchmark::State& state) {
  const auto count = static_cast<size_t>(state.range(0));
  if (corpus().size() < count) {
    state.SkipWithError("../shared/data is absent or too small");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    cluster::StoryClusterer clusterer;
    std::vector<cluster::AnalyzedDocument> analysed;
    {
      cluster::DocumentAnalyzer analyzer(clusterer.vocabulary(),
                                         storyline::pipeline::story_analysis_options());  // as ingest
      for (size_t i = 0; i < count; ++i) analysed.push_back(analyzer.analyze(corpus()[i]));
    }
    const double before = storyline::bench::peak_memory_mib();
    state.ResumeTiming();
    const double start = thread_cpu_seconds();
    double last_10k_start = start, first_10k_end = 0, window_start = 0, window_end = 0;
    for (size_t first = 0; first < count; first += 1000) {
      if (first == count - std::min<size_t>(count, 10000)) last_10k_start = thread_cpu_seconds();
      if (first == 10000) first_10k_end = thread_cpu_seconds();
      if (first == 40000) window_start = thread_cpu_seconds();
      if (first == 50000) window_end = thread_cpu_seconds();
      clusterer.add_batch({analysed.begin() + static_cast<std::ptrdiff_t>(first),
                           analysed.begin() + static_cast<std::ptrdiff_t>(std::min(count, first + 1000))});
    }
    const double end = thread_cpu_seconds();
    const double seconds = end - start;
    state.PauseTiming();
    state.counters["docs_per_s"] = static_cast<double>(count) / seconds;
    state.counters["us_per_doc"] = seconds * 1e6 / static_cast<double>(count);
    // The cost of a document arriving when the store already holds count - 10k: what must stay flat.
    state.counters["us_per_doc_last_10k"] = (end - last_10k_start) * 1e6 /
                                            static_cast<double>(std::min<size_t>(count, 10000));
    // Candidates come from the time reach of a document (12 days here, ~40k documents of the
    // stream), so the cost rises while the reach fills and is flat after: compare 40k-50k with
    // the last 10k.
    if (count >= 60000) {
      state.counters["us_per_doc_first_10k"] = (first_10k_end - start) * 1e6 / 10000;
      state.counters["us_per_doc_40k_50k"] = (window_end - window_start) * 1e6 / 10000;
    }
    state.counters["clusterer_bytes_per_doc"] = static_cast<double>(clusterer.memory_bytes()) / static_cast<double>(count);
    state.counters["stories"] = static_cast<double>(clusterer.story_count());
    state.counters["peak_mib"] = storyline::bench::peak_memory_mib();
    state.counters["peak_growth_mib"] = storyline::bench::peak_memory_mib() - before;
    state.ResumeTiming();
  }
}
BENCHMARK(cluster_analysed)->Arg(10000)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void analyse_and_cluster(benchmark::State& state) {
  const auto count = static_cast<size_t>(state.range(0));
  if (corpus().size() < count) {
    state.SkipWithError("../shared/data is absent or too small");
    return;
  }
  for (auto _ : state) {
    const double start = thread_cpu_seconds();
    cluster::StoryClusterer clusterer;
    cluster::DocumentAnalyzer analyzer(clusterer.vocabulary(), storyline::pipeline::story_analysis_options());  // as ingest
    std::vector<cluster::AnalyzedDocument> batch;
    for (size_t i = 0; i < count; ++i) {
      batch.push_back(analyzer.analyze(corpus()[i]));
      if (batch.size() == 1000) clusterer.add_batch(std::exchange(batch, {}));
    }
    if (!batch.empty()) clusterer.add_batch(std::move(batch));
    const double seconds = thread_cpu_seconds() - start;
    state.counters["docs_per_s"] = static_cast<double>(count) / seconds;
    state.counters["us_per_doc"] = seconds * 1e6 / static_cast<double>(count);
  }
}
BENCHMARK(analyse_and_cluster)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
