// storyline eval clustering [--data DIR] : BCubed figures of the online story and storyline
// clustering on ECB+, next to an offline average-link baseline.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "commands.h"
#include "storyline/cluster/agglomerative_baseline.h"
#include "storyline/cluster/bcubed.h"
#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/ecbplus_corpus.h"
#include "storyline/cluster/story_clusterer.h"
#include "storyline/label/entity_recognizer.h"

namespace storyline::cli {
namespace {

struct EvalClusteringOptions {
  std::string data = "../shared/data";
  uint32_t seed = 1;
  size_t batch = 100;
  bool sweep = false;
  bool details = false;
  bool entities = true;
  float join = cluster::StoryOptions{}.join_threshold;
  float merge = cluster::StoryOptions{}.merge_threshold;
  float link = cluster::StorylineOptions{}.link_threshold;
  cluster::AnalysisOptions analysis;
  cluster::BlockShares shares;
  float member_share = cluster::StoryOptions{}.nearest_member_share;
  float split = cluster::StoryOptions{}.split_threshold;
  float fragment_join = cluster::StoryOptions{}.fragment_join_threshold;
  size_t fragment_size = cluster::StoryOptions{}.fragment_max_size;
  float recheck_growth = cluster::StoryOptions{}.split_recheck_growth;
};

struct Corpus {
  std::vector<cluster::AnalyzedDocument> documents;  // in the shuffled order
  std::vector<std::string> gold_stories, gold_storylines;
  std::vector<std::string> titles;  // for --details
  cluster::Vocabulary vocabulary;
};

struct OnlineResult {
  cluster::BCubedScore stories, storylines;
  std::vector<std::string> story_of;  // made story of each document, in corpus order
  double seconds = 0;
};

// Fisher-Yates with mt19937 and a plain modulo: std::shuffle's result differs between
// standard libraries, and the order must be the same everywhere.
std::vector<size_t> fixed_shuffle(size_t count, uint32_t seed) {
  std::vector<size_t> order(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  std::mt19937 random(seed);
  for (size_t i = count; i > 1; --i) std::swap(order[i - 1], order[random() % i]);
  return order;
}

OnlineResult run_online(const Corpus& corpus, const cluster::StoryOptions& options, size_t batch_size) {
  const auto start = std::chrono::steady_clock::now();
  cluster::StoryClusterer clusterer(options);
  clusterer.vocabulary() = corpus.vocabulary;
  for (size_t first = 0; first < corpus.documents.size(); first += batch_size) {
    const size_t last = std::min(corpus.documents.size(), first + std::max<size_t>(1, batch_size));
    clusterer.add_batch({corpus.documents.begin() + static_cast<std::ptrdiff_t>(first),
                         corpus.documents.begin() + static_cast<std::ptrdiff_t>(last)});
  }
  OnlineResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::string> stories, storylines;
  for (size_t i = 0; i < clusterer.documents(); ++i) {
    stories.push_back(clusterer.story_id(i));
    storylines.push_back(clusterer.storyline_id(i));
  }
  result.stories = cluster::bcubed(stories, corpus.gold_stories);
  result.story_of = stories;
  result.storylines = cluster::bcubed(storylines, corpus.gold_storylines);
  return result;
}

void print_row(const char* what, const cluster::BCubedScore& score, const std::string& note) {
  std::printf("%-22s %9.3f %7.3f %7.3f %6zu (%zu)  %s\n", what, score.precision, score.recall, score.f1, score.clusters,
              score.gold_classes, note.c_str());
}

// Where the online stories go wrong: each gold event split over several made stories, with the
// made stories' sizes and what else they hold.
void print_details(const Corpus& corpus, const std::vector<std::string>& made) {
  std::map<std::string, std::map<std::string, std::vector<size_t>>> by_gold;  // gold -> made -> documents
  std::map<std::string, size_t> made_size;
  for (size_t i = 0; i < made.size(); ++i) {
    by_gold[corpus.gold_stories[i]][made[i]].push_back(i);
    ++made_size[made[i]];
  }
  std::printf("\nevents split over several stories (made story: its size, documents of this event in it)\n");
  for (const auto& [gold, parts] : by_gold) {
    if (parts.size() < 2) continue;
    std::printf("%s:", gold.c_str());
    for (const auto& [story, documents] : parts) std::printf("  [%zu/%zu]", documents.size(), made_size[story]);
    std::printf("\n");
    for (const auto& [story, documents] : parts)
      if (documents.size() <= 2)
        for (size_t i : documents) std::printf("    %s: %.90s\n", corpus.documents[i].id.c_str(), corpus.titles[i].c_str());
  }
}

struct BaselineCut {
  float threshold = 0;
  cluster::BCubedScore score;
};

// The threshold that gives the best F1 against `gold`: chosen on the evaluation data itself,
// which flatters the baseline.
BaselineCut best_cut(const std::vector<cluster::DendrogramMerge>& merges, const std::vector<std::string>& gold) {
  BaselineCut best;
  for (int step = 2; step <= 90; ++step) {
    const float threshold = static_cast<float>(step) / 100.0f;
    const auto clusters = cluster::cut_dendrogram(merges, gold.size(), threshold);
    std::vector<std::string> labels;
    for (uint32_t c : clusters) labels.push_back(std::to_string(c));
    const auto score = cluster::bcubed(labels, gold);
    if (score.f1 > best.score.f1) best = {threshold, score};
  }
  return best;
}

int run_eval_clustering(const EvalClusteringOptions& options) {
  const std::string path = options.data + "/clustering/ecbplus/ecbplus_docs.jsonl";
  if (!std::filesystem::exists(path)) {
    std::cerr << "storyline eval clustering: " << path << ": not found (use --data DIR)\n";
    return 1;
  }
  std::vector<cluster::LabeledDocument> labeled;
  try {
    labeled = cluster::read_ecbplus(path);
  } catch (const std::exception& error) {
    std::cerr << "storyline eval clustering: " << error.what() << "\n";
    return 1;
  }
  Corpus corpus;
  const auto analysis_start = std::chrono::steady_clock::now();
  {
    cluster::DocumentAnalyzer analyzer(corpus.vocabulary, options.analysis);
    for (size_t i : fixed_shuffle(labeled.size(), options.seed)) {
      // As ingest does: entities are labelled before clustering.
      if (options.entities) labeled[i].document.entities = label::document_entities(labeled[i].document);
      corpus.documents.push_back(analyzer.analyze(labeled[i].document));
      corpus.gold_stories.push_back(labeled[i].story);
      corpus.gold_storylines.push_back(labeled[i].storyline);
      corpus.titles.push_back(labeled[i].document.title.value_or(""));
    }
  }
  const double analysis_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - analysis_start).count();

  cluster::StoryOptions story_options;
  story_options.join_threshold = options.join;
  story_options.merge_threshold = options.merge;
  story_options.storylines.link_threshold = options.link;
  story_options.shares = options.shares;
  story_options.nearest_member_share = options.member_share;
  story_options.split_threshold = options.split;
  story_options.fragment_join_threshold = options.fragment_join;
  story_options.fragment_max_size = options.fragment_size;
  story_options.split_recheck_growth = options.recheck_growth;
  const OnlineResult online = run_online(corpus, story_options, options.batch);

  std::vector<cluster::SparseVector> vectors;
  {
    cluster::DocumentFrequencies frequencies;
    for (const auto& document : corpus.documents) frequencies.add_document(cluster::distinct_terms(document));
    for (const auto& document : corpus.documents)
      vectors.push_back(cluster::document_vector(document, frequencies, options.shares));
  }
  const auto merges = cluster::average_link_dendrogram(vectors);
  // How well the features separate events at all: the nearest other document's event.
  size_t nearest_same_story = 0;
  for (size_t i = 0; i < vectors.size(); ++i) {
    float best = -1;
    size_t nearest = i;
    for (size_t j = 0; j < vectors.size(); ++j)
      if (j != i) {
        const float similarity = cluster::dot(vectors[i], vectors[j]);
        if (similarity > best) best = similarity, nearest = j;
      }
    nearest_same_story += corpus.gold_stories[nearest] == corpus.gold_stories[i];
  }
  const BaselineCut baseline_stories = best_cut(merges, corpus.gold_stories);
  const BaselineCut baseline_storylines = best_cut(merges, corpus.gold_storylines);

  std::printf("ECB+: %zu documents in a fixed shuffled order (seed %u), fed in batches of %zu\n", labeled.size(),
              options.seed, options.batch);
  std::printf("%-22s %9s %7s %7s %6s %s\n", "BCubed", "precision", "recall", "F1", "made", "(gold)");
  char note[160];
  std::snprintf(note, sizeof note, "online; join %.2f, merge %.2f, split %.2f", options.join, options.merge, options.split);
  print_row("stories", online.stories, note);
  std::snprintf(note, sizeof note, "online; storyline link %.2f", options.link);
  print_row("storylines", online.storylines, note);
  std::snprintf(note, sizeof note, "baseline: average-link TF-IDF, cut %.2f chosen on this data", baseline_stories.threshold);
  print_row("stories (baseline)", baseline_stories.score, note);
  std::snprintf(note, sizeof note, "baseline: average-link TF-IDF, cut %.2f chosen on this data",
                baseline_storylines.threshold);
  print_row("storylines (baseline)", baseline_storylines.score, note);
  std::printf("features: the nearest document (TF-IDF cosine) reports the same event for %.1f%% of documents\n",
              100.0 * static_cast<double>(nearest_same_story) / static_cast<double>(vectors.size()));
  std::printf("speed: analysis (entities included) %.0f docs/s, online clustering %.0f docs/s (one thread)\n",
              static_cast<double>(labeled.size()) / analysis_seconds,
              static_cast<double>(labeled.size()) / online.seconds);

  if (options.details) print_details(corpus, online.story_of);
  if (options.sweep) {
    std::printf("\nsensitivity: story F1 (stories made) by join threshold (rows) and merge threshold (columns)\n");
    const float merge_grid[] = {0.35f, 0.40f, 0.45f, 0.50f, 0.55f, 0.65f};
    std::printf("%6s", "join");
    for (float merge : merge_grid) std::printf("  %11.2f", merge);
    std::printf("\n");
    for (float join = 0.15f; join < 0.501f; join += 0.05f) {
      std::printf("%6.2f", join);
      for (float merge : merge_grid) {
        cluster::StoryOptions swept = story_options;
        swept.join_threshold = join;
        swept.merge_threshold = merge;
        const auto result = run_online(corpus, swept, options.batch);
        std::printf("  %5.3f (%3zu)", result.stories.f1, result.stories.clusters);
      }
      std::printf("\n");
    }
    std::printf("\nsensitivity: storyline F1 (storylines made) by link threshold\n");
    for (float link = 0.06f; link < 0.401f; link += 0.02f) {
      cluster::StoryOptions swept = story_options;
      swept.storylines.link_threshold = link;
      const auto result = run_online(corpus, swept, options.batch);
      std::printf("%6.2f  %5.3f (%3zu)\n", link, result.storylines.f1, result.storylines.clusters);
    }
    std::printf("\norder and batch size: story F1 / storyline F1 by shuffle seed\n");
    for (size_t batch : {size_t{1}, size_t{100}, size_t{100000}}) {
      for (uint32_t seed = 1; seed <= 4; ++seed) {
        Corpus reordered;
        reordered.vocabulary = corpus.vocabulary;
        for (size_t i : fixed_shuffle(corpus.documents.size(), seed)) {
          reordered.documents.push_back(corpus.documents[i]);
          reordered.gold_stories.push_back(corpus.gold_stories[i]);
          reordered.gold_storylines.push_back(corpus.gold_storylines[i]);
        }
        const auto result = run_online(reordered, story_options, batch);
        std::printf("batch %6zu seed %u: %5.3f (%3zu) / %5.3f (%3zu)\n", batch, seed, result.stories.f1,
                    result.stories.clusters, result.storylines.f1, result.storylines.clusters);
      }
    }
  }
  return 0;
}

}  // namespace

Runner add_eval_clustering_command(CLI::App& app) {
  // `eval` groups the evaluations; other commands may add theirs to the same group.
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  auto options = std::make_shared<EvalClusteringOptions>();
  CLI::App* command = eval->add_subcommand(
      "clustering",
      "Story and storyline clustering on ECB+ (data/clustering/ecbplus): BCubed precision, recall, F1 and counts, "
      "next to an average-link TF-IDF baseline");
  command->add_option("--data", options->data, "The shared data folder")->capture_default_str();
  command->add_option("--seed", options->seed, "Seed of the fixed shuffled input order")->capture_default_str();
  command->add_option("--batch", options->batch, "Documents per batch fed to the clusterer")->capture_default_str();
  command->add_option("--join", options->join, "Story join threshold")->capture_default_str();
  command->add_option("--merge", options->merge, "Story merge threshold (repair pass)")->capture_default_str();
  command->add_option("--link", options->link, "Storyline link threshold")->capture_default_str();
  command->add_option("--title-share", options->shares.title, "Share of the title block in similarity")->capture_default_str();
  command->add_option("--people-share", options->shares.people, "Share of the people block in similarity")
      ->capture_default_str();
  command->add_option("--entities", options->entities, "Label entities before clustering, as ingest does")
      ->capture_default_str();
  command->add_option("--name-share", options->shares.names, "Share of the names block in similarity")->capture_default_str();
  command->add_option("--number-weight", options->analysis.number_weight, "Weight of a number")->capture_default_str();
  command->add_option("--member-share", options->member_share, "Share of the nearest member in a story's score")
      ->capture_default_str();
  command->add_option("--split", options->split, "Story split threshold (repair pass)")->capture_default_str();
  command->add_option("--fragment-join", options->fragment_join, "Score at which a fragment joins a grown story (repair)")
      ->capture_default_str();
  command->add_option("--fragment-size", options->fragment_size, "Largest story that counts as a fragment")
      ->capture_default_str();
  command->add_option("--recheck-growth", options->recheck_growth,
                      "Growth (a fraction) after which a story is checked for a split and placed again")
      ->capture_default_str();
  command->add_flag("--details", options->details, "Also print the events split over several stories");
  command->add_flag("--sweep", options->sweep, "Also print F1 over a grid of thresholds, seeds and batch sizes");
  return [options] { return run_eval_clustering(*options); };
}

}  // namespace storyline::cli
