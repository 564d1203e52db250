// storyline eval clustering [--data DIR] : BCubed figures of the online story and storyline
// clustering on every labelled story set there is (ECB+, MEANTIME's four languages together, the
// contest gold read by hand), next to an offline average-link baseline whose cut is chosen on ECB+.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>

#include "commands.h"
#include "story_corpora.h"
#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/story_clusterer.h"
#include "storyline/core/hash.h"
#include "storyline/eval/agglomerative_baseline.h"
#include "storyline/eval/bcubed.h"
#include "storyline/eval/category_datasets.h"
#include "storyline/eval/ecbplus_corpus.h"
#include "storyline/eval/meantime_corpus.h"
#include "storyline/eval/page_corpora.h"
#include "storyline/eval/page_gold.h"
#include "storyline/eval/related_links.h"
#include "storyline/eval/same_event_fit.h"
#include "storyline/eval/story_gold.h"
#include "storyline/label/label_document.h"

namespace storyline::cli {
namespace {

struct EvalClusteringOptions : StoryCorpusOptions {
  size_t batch = 100;
  // Input orders each corpus is clustered in: an online clusterer's result depends on the order,
  // and one order's F1 is one draw (the contest gold's moved from 0.754 to 0.790 over five).
  uint32_t orders = 1;
  bool sweep = false;
  bool fit = false;
  bool details = false;
  std::string only;  // corpus names containing this, or all
  float join = cluster::StoryOptions{}.join_threshold;
  float merge = cluster::StoryOptions{}.merge_threshold;
  float link = cluster::StorylineOptions{}.link_threshold;
  cluster::BlockShares shares = cluster::StoryOptions{}.shares;
  float member_share = cluster::StoryOptions{}.nearest_member_share;
  float split = cluster::StoryOptions{}.split_threshold;
  float fragment_join = cluster::StoryOptions{}.fragment_join_threshold;
  size_t fragment_size = cluster::StoryOptions{}.fragment_max_size;
  float recheck_growth = cluster::StoryOptions{}.split_recheck_growth;
  size_t repair_every = cluster::StoryOptions{}.repair_every;
  float same_publisher = cluster::StoryOptions{}.same_publisher_factor;
  float cross_language = cluster::StoryOptions{}.cross_language_merge;
  float concept_share = cluster::StoryOptions{}.concept_share;
  uint32_t cross_language_max_joined = cluster::StoryOptions{}.cross_language_max_joined;
  size_t concept_terms = cluster::StoryOptions{}.document_concept_terms;
  float related = cluster::StorylineOptions{}.related_threshold;
  size_t related_shared = cluster::StorylineOptions{}.min_shared_subject_terms;
  size_t min_shared_names = cluster::StoryOptions{}.min_shared_name_anchors;
  double window_days = cluster::StoryOptions{}.clusters.window_days;
  double decay_days = cluster::StoryOptions{}.clusters.decay_days;
  double dated_stream_share = cluster::StoryOptions{}.dated_stream_share;
  float undated_factor = cluster::StoryOptions{}.clusters.one_side_undated_factor;
  float both_undated_factor = cluster::StoryOptions{}.both_undated_factor;
  float unchecked_cohesion = cluster::StoryOptions{}.unchecked_cohesion_share;
  double strip_dates = 0;  // share of documents scored as if undated
};

struct OnlineResult {
  cluster::BCubedScore stories, storylines;
  std::vector<std::string> story_of;  // made story of each document, in corpus order
  std::vector<std::string> storyline_of;
  std::map<std::string, std::vector<std::string>> related;  // storyline -> its related storylines
  double seconds = 0;
};

cluster::StoryOptions story_options_of(const EvalClusteringOptions& options) {
  cluster::StoryOptions story;
  story.join_threshold = options.join;
  story.merge_threshold = options.merge;
  story.storylines.link_threshold = options.link;
  story.shares = options.shares;
  story.nearest_member_share = options.member_share;
  story.split_threshold = options.split;
  story.fragment_join_threshold = options.fragment_join;
  story.fragment_max_size = options.fragment_size;
  story.split_recheck_growth = options.recheck_growth;
  story.repair_every = options.repair_every;
  story.same_publisher_factor = options.same_publisher;
  story.cross_language_merge = options.cross_language;
  story.concept_share = options.concept_share;
  story.document_concept_terms = options.concept_terms;
  story.storylines.related_threshold = options.related;
  story.storylines.min_shared_subject_terms = options.related_shared;
  story.cross_language_max_joined = options.cross_language_max_joined;
  story.min_shared_name_anchors = options.min_shared_names;
  story.clusters.window_days = story.members.window_days = options.window_days;
  story.clusters.decay_days = story.members.decay_days = options.decay_days;
  story.dated_stream_share = options.dated_stream_share;
  story.clusters.one_side_undated_factor = story.members.one_side_undated_factor = options.undated_factor;
  story.both_undated_factor = options.both_undated_factor;
  story.unchecked_cohesion_share = options.unchecked_cohesion;
  return story;
}

// BCubed over the documents that have a gold label.
cluster::BCubedScore scored_bcubed(const std::vector<std::string>& made, const std::vector<std::string>& gold) {
  std::vector<std::string> made_scored, gold_scored;
  for (size_t i = 0; i < gold.size(); ++i)
    if (!gold[i].empty()) made_scored.push_back(made[i]), gold_scored.push_back(gold[i]);
  return cluster::bcubed(made_scored, gold_scored);
}

// The documents are fed in `order` (indices into the corpus; empty: the corpus's own order); the
// result is by corpus index whatever the order.
OnlineResult run_online(const Corpus& corpus, const cluster::StoryOptions& options, size_t batch_size,
                        std::vector<size_t> order = {}) {
  if (order.empty())
    for (size_t i = 0; i < corpus.documents.size(); ++i) order.push_back(i);
  const auto start = std::chrono::steady_clock::now();
  cluster::StoryClusterer clusterer(options);
  clusterer.vocabulary() = corpus.vocabulary;
  for (size_t first = 0; first < order.size(); first += std::max<size_t>(1, batch_size)) {
    const size_t last = std::min(order.size(), first + std::max<size_t>(1, batch_size));
    std::vector<cluster::AnalyzedDocument> batch;
    for (size_t k = first; k < last; ++k) batch.push_back(corpus.documents[order[k]]);
    clusterer.add_batch(std::move(batch));
  }
  OnlineResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.story_of.resize(order.size());
  result.storyline_of.resize(order.size());
  for (size_t k = 0; k < clusterer.documents(); ++k) {
    const size_t i = order[k];
    result.story_of[i] = clusterer.story_id(k);
    result.storyline_of[i] = clusterer.storyline_id(k);
    if (!result.related.contains(result.storyline_of[i]))
      result.related[result.storyline_of[i]] = clusterer.related_storylines(k);
  }
  result.stories = scored_bcubed(result.story_of, corpus.gold_stories);
  result.storylines = scored_bcubed(result.storyline_of, corpus.gold_storylines);
  return result;
}

bool is_multilingual(const Corpus& corpus) {
  for (size_t i = 1; i < corpus.languages.size(); ++i)
    if (corpus.languages[i] != corpus.languages[0]) return true;
  return false;
}

// Each language's documents as a corpus of their own (gold story and made story both split by
// language): how well one language is clustered, whatever happens across languages.
cluster::BCubedScore within_languages(const Corpus& corpus, const std::vector<std::string>& made) {
  std::vector<std::string> made_split, gold_split;
  for (size_t i = 0; i < made.size(); ++i) {
    made_split.push_back(made[i] + "|" + corpus.languages[i]);
    gold_split.push_back(corpus.gold_stories[i].empty() ? "" : corpus.gold_stories[i] + "|" + corpus.languages[i]);
  }
  return scored_bcubed(made_split, gold_split);
}

double share(size_t part, size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0; }

struct PairFigures {
  size_t same = 0, same_right = 0, different = 0, different_right = 0, cross = 0, cross_right = 0;
  size_t cross_storyline_right = 0;                              // cross-language pairs whose storyline is decided right
  std::map<std::string, std::pair<size_t, size_t>> by_language;  // same-language pairs: right, all
  double accuracy() const { return share(same_right + different_right, same + different); }
};

PairFigures pair_figures(const Corpus& corpus, const std::vector<std::string>& made,
                         const std::vector<std::string>& made_storylines) {
  PairFigures figures;
  for (const auto& pair : corpus.pairs) {
    const bool together = made[pair.a] == made[pair.b];
    const bool right = together == pair.same_event;
    (pair.same_event ? figures.same : figures.different) += 1;
    (pair.same_event ? figures.same_right : figures.different_right) += right;
    if (!pair.cross_language) {
      auto& [language_right, language_all] = figures.by_language[pair.language];
      language_right += right, language_all += 1;
    }
    if (pair.cross_language) {
      figures.cross += 1, figures.cross_right += right;
      figures.cross_storyline_right += (made_storylines[pair.a] == made_storylines[pair.b]) == pair.same_event;
    }
  }
  return figures;
}

// Pairs pooled over input orders: each count summed, so that a fraction is the orders' mean.
PairFigures& operator+=(PairFigures& into, const PairFigures& more) {
  into.same += more.same, into.same_right += more.same_right;
  into.different += more.different, into.different_right += more.different_right;
  into.cross += more.cross, into.cross_right += more.cross_right;
  into.cross_storyline_right += more.cross_storyline_right;
  for (const auto& [language, counts] : more.by_language) {
    auto& [right, all] = into.by_language[language];
    right += counts.first, all += counts.second;
  }
  return into;
}

// One order's pairs as counts; several orders' as pooled shares, with the lowest and highest
// accuracy of one order (one order's 0.705 was the best of five, whose mean was 0.661).
void print_pairs(const std::vector<PairFigures>& orders) {
  PairFigures pooled;
  for (const PairFigures& order : orders) pooled += order;
  const size_t pairs = orders.front().same + orders.front().different;
  if (orders.size() == 1) {
    std::printf(
        "  pairs decided right: %.3f of %zu (same event %zu/%zu, different %zu/%zu, cross-language %zu/%zu; "
        "by storyline %zu/%zu)\n",
        pooled.accuracy(), pairs, pooled.same_right, pooled.same, pooled.different_right, pooled.different,
        pooled.cross_right, pooled.cross, pooled.cross_storyline_right, pooled.cross);
  } else {
    const auto [low, high] = std::minmax_element(orders.begin(), orders.end(),
                                                 [](const auto& a, const auto& b) { return a.accuracy() < b.accuracy(); });
    std::printf(
        "  pairs decided right: %.3f of %zu, %.3f-%.3f over %zu orders (same event %.3f of %zu, different %.3f of %zu, "
        "cross-language %.3f of %zu; by storyline %.3f)\n",
        pooled.accuracy(), pairs, low->accuracy(), high->accuracy(), orders.size(), share(pooled.same_right, pooled.same),
        orders.front().same, share(pooled.different_right, pooled.different), orders.front().different,
        share(pooled.cross_right, pooled.cross), orders.front().cross, share(pooled.cross_storyline_right, pooled.cross));
  }
  std::printf("  same-language pairs decided right:");
  for (const auto& [language, counts] : pooled.by_language)
    if (counts.second >= 10 * orders.size())
      std::printf(" %s %.3f (%zu)", language.c_str(), share(counts.first, counts.second), counts.second / orders.size());
  std::printf("\n");
}

// Where the online stories go wrong: each gold event split over several made stories, with the
// made stories' sizes; and made stories that hold several gold events.
void print_details(const Corpus& corpus, const std::vector<std::string>& made) {
  std::map<std::string, std::map<std::string, std::vector<size_t>>> by_gold, by_made;
  std::map<std::string, size_t> made_size;
  for (size_t i = 0; i < made.size(); ++i) ++made_size[made[i]];
  for (size_t i = 0; i < made.size(); ++i) {
    if (corpus.gold_stories[i].empty()) continue;
    by_gold[corpus.gold_stories[i]][made[i]].push_back(i);
    by_made[made[i]][corpus.gold_stories[i]].push_back(i);
  }
  std::printf("\n%s: events split over several stories [documents of the event in it / made story's size]\n",
              corpus.name.c_str());
  for (const auto& [gold, parts] : by_gold) {
    if (parts.size() < 2) continue;
    std::printf("%s:", gold.c_str());
    for (const auto& [story, documents] : parts) std::printf("  [%zu/%zu]", documents.size(), made_size[story]);
    std::printf("\n");
    for (const auto& [story, documents] : parts)
      if (documents.size() <= 2)
        for (size_t i : documents)
          std::printf("    %s %s: %.90s\n", corpus.languages[i].c_str(), corpus.documents[i].id.c_str(),
                      corpus.titles[i].c_str());
  }
  std::printf("\n%s: stories mixing gold events\n", corpus.name.c_str());
  for (const auto& [story, events] : by_made) {
    if (events.size() < 2) continue;
    std::printf("%s (%zu documents):\n", story.c_str(), made_size[story]);
    for (const auto& [gold, documents] : events)
      std::printf("    %s x%zu: %s %.80s\n", gold.c_str(), documents.size(), corpus.languages[documents[0]].c_str(),
                  corpus.titles[documents[0]].c_str());
  }
}

struct Baseline {
  std::vector<cluster::DendrogramMerge> merges;
  std::vector<size_t> documents;  // the scored documents, in the dendrogram's order
};

// Average-link over the scored documents only (it is O(n^3)): easier than the online task on
// the contest, where the stream around the gold is left out.
Baseline baseline_of(const Corpus& corpus, const cluster::BlockShares& shares) {
  Baseline baseline;
  cluster::DocumentFrequencies frequencies;
  for (const auto& document : corpus.documents)
    frequencies.add_document(cluster::distinct_terms(document), document.language);
  std::vector<cluster::SparseVector> vectors;
  for (size_t i = 0; i < corpus.documents.size(); ++i)
    if (!corpus.gold_stories[i].empty()) {
      baseline.documents.push_back(i);
      vectors.push_back(cluster::document_vector(corpus.documents[i], frequencies, shares));
    }
  baseline.merges = cluster::average_link_dendrogram(vectors);
  return baseline;
}

cluster::BCubedScore baseline_score(const Baseline& baseline, float cut, const std::vector<std::string>& gold) {
  const auto clusters = cluster::cut_dendrogram(baseline.merges, baseline.documents.size(), cut);
  std::vector<std::string> made, scored_gold;
  for (size_t k = 0; k < baseline.documents.size(); ++k) {
    made.push_back(std::to_string(clusters[k]));
    scored_gold.push_back(gold[baseline.documents[k]]);
  }
  return cluster::bcubed(made, scored_gold);
}

// The cut with the best F1 on `gold`.
float best_cut(const Baseline& baseline, const std::vector<std::string>& gold) {
  float best = 0.5f;
  double best_f1 = -1;
  for (int step = 2; step <= 90; ++step) {
    const float cut = static_cast<float>(step) / 100.0f;
    const double f1 = baseline_score(baseline, cut, gold).f1;
    if (f1 > best_f1) best_f1 = f1, best = cut;
  }
  return best;
}

// The corpus clustered in options.orders input orders (the first its own): the orders' result.
std::vector<OnlineResult> runs_over_orders(const Corpus& corpus, const cluster::StoryOptions& story,
                                           const EvalClusteringOptions& options) {
  std::vector<OnlineResult> runs;
  for (uint32_t k = 0; k < std::max(1u, options.orders); ++k)
    runs.push_back(run_online(corpus, story, options.batch,
                              k == 0 ? std::vector<size_t>{} : fixed_shuffle(corpus.documents.size(), options.seed + k)));
  return runs;
}

// One figure over several input orders: the mean of each part, and F1's lowest and highest.
struct OrderScores {
  std::vector<cluster::BCubedScore> runs;
  cluster::BCubedScore mean() const {
    cluster::BCubedScore mean;
    double clusters = 0;
    for (const auto& run : runs) {
      mean.precision += run.precision / double(runs.size());
      mean.recall += run.recall / double(runs.size());
      mean.f1 += run.f1 / double(runs.size());
      clusters += double(run.clusters) / double(runs.size());
      mean.gold_classes = run.gold_classes;
    }
    mean.clusters = static_cast<size_t>(std::lround(clusters));
    return mean;
  }
};

OrderScores story_scores(const std::vector<OnlineResult>& runs) {
  OrderScores scores;
  for (const OnlineResult& run : runs) scores.runs.push_back(run.stories);
  return scores;
}

// The same-event decision fitted on labelled pairs of some corpora and used on the others:
// leave-one-corpus-out. The contest gold and the duplicates are never fitted on, only scored.
void print_fits(const std::vector<Corpus>& corpora, const cluster::StoryOptions& defaults,
                const EvalClusteringOptions& options) {
  std::vector<std::vector<cluster::LabelledPair>> pairs;
  std::vector<size_t> trainable;
  for (size_t c = 0; c < corpora.size(); ++c) {
    // The contest gold is only scored; the duplicates have no different-event pairs to learn from.
    const bool fitted = corpora[c].name != "contest gold" && corpora[c].name != "BBC duplicates";
    pairs.push_back(fitted ? pairs_of(corpora[c], options.seed) : std::vector<cluster::LabelledPair>{});
    if (!pairs.back().empty()) trainable.push_back(c);
  }
  std::printf(
      "\nsame-event decision fitted on pairs (logistic regression over block cosines; shares and join threshold "
      "from its weights), story F1 per corpus; * = fitted on that corpus\n");
  std::printf("%-28s %5s %5s %5s %5s %6s", "fitted on", "body", "title", "names", "people", "join");
  for (const Corpus& corpus : corpora) std::printf("  %18.18s", corpus.name.c_str());
  std::printf("\n");
  const auto row = [&](const std::string& label, const cluster::StoryOptions& story, const std::vector<size_t>& fitted_on) {
    const auto& shares = story.shares;
    std::printf("%-28s %5.2f %5.2f %5.2f %5.2f %6.3f", label.c_str(), 1 - shares.title - shares.names - shares.people,
                shares.title, shares.names, shares.people, story.join_threshold);
    for (size_t c = 0; c < corpora.size(); ++c) {
      const bool fitted = std::find(fitted_on.begin(), fitted_on.end(), c) != fitted_on.end();
      std::printf("  %17.3f%s", story_scores(runs_over_orders(corpora[c], story, options)).mean().f1, fitted ? "*" : " ");
    }
    std::printf("\n");
  };
  row("(the defaults)", defaults, {});
  std::vector<std::vector<size_t>> folds;
  for (size_t c : trainable) folds.push_back({c});
  if (trainable.size() > 1) folds.push_back(trainable);
  for (const auto& fold : folds) {
    std::vector<cluster::LabelledPair> training;
    std::string label;
    for (size_t c : fold) {
      training.insert(training.end(), pairs[c].begin(), pairs[c].end());
      label += (label.empty() ? "" : " + ") + corpora[c].name;
    }
    const auto decision = cluster::fit_same_event(training);
    cluster::StoryOptions story = defaults;
    story.shares = decision.shares;
    story.join_threshold = decision.threshold;
    row(label, story, fold);
    std::printf("%-28s pair accuracy:", "");
    for (size_t c : trainable)
      std::printf(" %s %.3f", corpora[c].name.c_str(), cluster::decision_accuracy(decision, pairs[c]));
    std::printf("\n");
  }
}

void print_score(const char* what, const OrderScores& scores) {
  const cluster::BCubedScore mean = scores.mean();
  std::printf("  %-30s P %.3f  R %.3f  F1 %.3f  made %zu (gold %zu)", what, mean.precision, mean.recall, mean.f1,
              mean.clusters, mean.gold_classes);
  if (scores.runs.size() > 1) {
    const auto [low, high] = std::minmax_element(scores.runs.begin(), scores.runs.end(),
                                                 [](const auto& a, const auto& b) { return a.f1 < b.f1; });
    std::printf("  F1 %.3f-%.3f over %zu orders", low->f1, high->f1, scores.runs.size());
  }
  std::printf("\n");
}

void print_score(const char* what, const cluster::BCubedScore& score) { print_score(what, OrderScores{{score}}); }

// Related storylines judged by the gold (eval/related_links.h).
void print_related(const Corpus& corpus, const OnlineResult& online) {
  const cluster::RelatedLinkScore score = cluster::related_links_within_gold(online.storyline_of, corpus.gold_storylines,
                                                                             online.related);
  std::printf("  %-30s %zu links from %zu of %zu storylines, %.3f of them within one gold storyline\n", "related storylines",
              score.links, score.storylines_with_links, score.storylines,
              score.links == 0 ? 0.0 : static_cast<double>(score.within_gold) / static_cast<double>(score.links));
}

// Gold stories labelled "<part>/<story>" (the contest gold's one-hour slices) scored part by part:
// the parts are disjoint, so one can be used to choose a setting and the others to report it.
void print_parts(const Corpus& corpus, const std::vector<OnlineResult>& runs) {
  std::map<std::string, OrderScores> scores;
  for (const OnlineResult& run : runs) {
    std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> parts;
    for (size_t i = 0; i < run.story_of.size(); ++i) {
      const std::string& gold = corpus.gold_stories[i];
      const size_t slash = gold.find('/');
      if (gold.empty()) continue;
      if (slash == std::string::npos) return;  // not a corpus of parts
      auto& [made_part, gold_part] = parts[gold.substr(0, slash)];
      made_part.push_back(run.story_of[i]);
      gold_part.push_back(gold);
    }
    if (parts.size() < 2) return;
    for (const auto& [part, labels] : parts) scores[part].runs.push_back(cluster::bcubed(labels.first, labels.second));
  }
  for (const auto& [part, score] : scores) {
    const std::string what = "stories of " + part;
    print_score(what.c_str(), score);
  }
}

int run_eval_clustering(const EvalClusteringOptions& options) {
  const auto wanted = [&](const std::string& name) {
    return options.only.empty() || name.find(options.only) != std::string::npos;
  };
  std::vector<Corpus> corpora;
  try {
    corpora = load_story_corpora(options, wanted);
  } catch (const std::exception& error) {
    std::cerr << "storyline eval clustering: " << error.what() << "\n";
    return 1;
  }

  // Undated reports in a dated stream, simulated: a fixed share of each corpus loses its date.
  if (options.strip_dates > 0)
    for (Corpus& corpus : corpora)
      for (size_t i = 0; i < corpus.documents.size(); ++i)
        if (double(fnv1a64(std::to_string(i) + corpus.titles[i]) % 1000) < options.strip_dates * 1000)
          corpus.documents[i].day.reset();

  const cluster::StoryOptions story_options = story_options_of(options);
  // The baseline's cuts are chosen on ECB+ and kept for the other corpora: what a user could do.
  const Baseline ecbplus_baseline = baseline_of(corpora[0], options.shares);
  const float story_cut = best_cut(ecbplus_baseline, corpora[0].gold_stories);
  const float storyline_cut = best_cut(ecbplus_baseline, corpora[0].gold_storylines);

  std::printf(
      "online clustering: join %.2f, merge %.2f, split %.2f, storyline link %.2f; documents in %u fixed shuffled "
      "order(s) (seed %u and on), batches of %zu\n",
      options.join, options.merge, options.split, options.link, std::max(1u, options.orders), options.seed, options.batch);
  std::printf(
      "baseline: average-link TF-IDF over the scored documents, cuts chosen on ECB+ (stories %.2f, storylines %.2f)\n",
      story_cut, storyline_cut);
  double worst_f1 = 2;
  std::string worst;
  for (const Corpus& corpus : corpora) {
    if (!wanted(corpus.name)) continue;
    // The first order is the corpus's own (the seed's); the others shuffle it again.
    const std::vector<OnlineResult> runs = runs_over_orders(corpus, story_options, options);
    const OnlineResult& online = runs.front();
    const auto over_orders = [&](auto&& score_of) {
      OrderScores scores;
      for (const OnlineResult& run : runs) scores.runs.push_back(score_of(run));
      return scores;
    };
    const OrderScores stories = story_scores(runs);
    size_t scored = 0;
    for (const auto& gold : corpus.gold_stories) scored += !gold.empty();
    std::printf("\n%s: %zu documents, %zu scored\n", corpus.name.c_str(), corpus.documents.size(), scored);
    print_score("stories", stories);
    const bool has_storylines = std::any_of(corpus.gold_storylines.begin(), corpus.gold_storylines.end(),
                                            [](const std::string& gold) { return !gold.empty(); });
    if (has_storylines) print_score("storylines", over_orders([](const OnlineResult& run) { return run.storylines; }));
    // Where the gold storylines are the stories themselves (the contest), a link has no judge.
    if (has_storylines && online.storylines.gold_classes < online.stories.gold_classes) print_related(corpus, online);
    if (is_multilingual(corpus))
      print_score("stories, within each language",
                  over_orders([&](const OnlineResult& run) { return within_languages(corpus, run.story_of); }));
    print_parts(corpus, runs);
    const Baseline baseline = &corpus == &corpora[0] ? ecbplus_baseline : baseline_of(corpus, options.shares);
    print_score("stories (baseline)", baseline_score(baseline, story_cut, corpus.gold_stories));
    if (has_storylines)
      print_score("storylines (baseline)", baseline_score(baseline, storyline_cut, corpus.gold_storylines));
    if (!corpus.pairs.empty()) {
      std::vector<PairFigures> orders;
      for (const OnlineResult& run : runs) orders.push_back(pair_figures(corpus, run.story_of, run.storyline_of));
      print_pairs(orders);
    }
    std::printf("  speed: analysis (entities included) %.0f docs/s, online clustering %.0f docs/s (one thread)\n",
                static_cast<double>(corpus.documents.size()) / corpus.analysis_seconds,
                static_cast<double>(corpus.documents.size()) / online.seconds);
    if (const double f1 = stories.mean().f1; f1 < worst_f1) worst_f1 = f1, worst = corpus.name;
    if (options.details) print_details(corpus, online.story_of);
    if (options.details && !corpus.pairs.empty()) {
      std::printf("\n%s: pairs decided wrong (same = the gold says one event)\n", corpus.name.c_str());
      for (const auto& pair : corpus.pairs)
        if ((online.story_of[pair.a] == online.story_of[pair.b]) != pair.same_event)
          std::printf("  %s %s/%s\n    %.90s\n    %.90s\n",
                      pair.same_event ? "same, split:   " : "different, merged:", corpus.languages[pair.a].c_str(),
                      corpus.languages[pair.b].c_str(), corpus.titles[pair.a].c_str(), corpus.titles[pair.b].c_str());
    }
  }
  if (!worst.empty()) std::printf("\nworst story F1: %.3f (%s)\n", worst_f1, worst.c_str());

  if (options.fit) print_fits(corpora, story_options, options);
  if (options.sweep) {
    std::printf("\nsensitivity: story F1 by join threshold (rows) and corpus (columns)\n%6s", "join");
    for (const Corpus& corpus : corpora) std::printf("  %22.22s", corpus.name.c_str());
    std::printf("\n");
    for (float join = 0.10f; join < 0.401f; join += 0.025f) {
      std::printf("%6.3f", join);
      for (const Corpus& corpus : corpora) {
        cluster::StoryOptions swept = story_options;
        swept.join_threshold = join;
        const auto result = run_online(corpus, swept, options.batch);
        std::printf("  %16.3f (%3zu)", result.stories.f1, result.stories.clusters);
      }
      std::printf("\n");
    }
    std::printf("\nsensitivity: storyline F1 by link threshold (rows) and corpus (columns)\n");
    for (float link = 0.06f; link < 0.401f; link += 0.04f) {
      std::printf("%6.2f", link);
      for (const Corpus& corpus : corpora) {
        cluster::StoryOptions swept = story_options;
        swept.storylines.link_threshold = link;
        const auto result = run_online(corpus, swept, options.batch);
        std::printf("  %16.3f (%3zu)", result.storylines.f1, result.storylines.clusters);
      }
      std::printf("\n");
    }
    std::printf("\norder and batch size on ECB+: story F1 / storyline F1 by shuffle seed\n");
    const Corpus& ecbplus = corpora[0];
    for (size_t batch : {size_t{1}, size_t{100}, size_t{100000}}) {
      for (uint32_t seed = 1; seed <= 4; ++seed) {
        const auto result = run_online(ecbplus, story_options, batch, fixed_shuffle(ecbplus.documents.size(), seed));
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
      "Story and storyline clustering on ECB+, MEANTIME (four languages together) and the contest gold read by hand "
      "(gold/contest-stories.tsv, contest-pairs.tsv): BCubed precision, recall, F1 and counts per corpus, pairs decided "
      "right, next to an average-link TF-IDF baseline");
  options->gold = eval::default_gold_folder();
  command->add_option("--data", options->data, "The shared data folder")->capture_default_str();
  command->add_option("--gold", options->gold, "The folder of the hand-read gold sets")->capture_default_str();
  command->add_option("--only", options->only, "Only the corpora whose name contains this (ECB+ is always read)");
  command->add_option("--seed", options->seed, "Seed of the fixed shuffled input order")->capture_default_str();
  command->add_option("--batch", options->batch, "Documents per batch fed to the clusterer")->capture_default_str();
  command
      ->add_option("--orders", options->orders,
                   "Cluster each corpus in this many input orders and print the mean figures with F1's range "
                   "(related storylines and --details are of the first order)")
      ->capture_default_str();
  command->add_option("--join", options->join, "Story join threshold")->capture_default_str();
  command->add_option("--merge", options->merge, "Story merge threshold (repair pass)")->capture_default_str();
  command->add_option("--link", options->link, "Storyline link threshold")->capture_default_str();
  command->add_option("--title-share", options->shares.title, "Share of the title block in similarity")
      ->capture_default_str();
  command->add_option("--people-share", options->shares.people, "Share of the people block in similarity")
      ->capture_default_str();
  command->add_option("--entities", options->entities, "Label entities before clustering, as ingest does")
      ->capture_default_str();
  command->add_option("--name-share", options->shares.names, "Share of the names block in similarity")
      ->capture_default_str();
  command->add_option("--number-weight", options->analysis.number_weight, "Weight of a number")->capture_default_str();
  command
      ->add_flag_callback(
          "--no-translation", [options] { options->analysis.translate = nullptr; },
          "Leave translated words out of the anchors that reports in different languages meet by")
      ->capture_default_str();
  command->add_option("--member-share", options->member_share, "Share of the nearest member in a story's score")
      ->capture_default_str();
  command->add_option("--split", options->split, "Story split threshold (repair pass)")->capture_default_str();
  command->add_option("--fragment-join", options->fragment_join, "Score at which a fragment joins a grown story (repair)")
      ->capture_default_str();
  command->add_option("--fragment-size", options->fragment_size, "Largest story that counts as a fragment")
      ->capture_default_str();
  command
      ->add_option("--repair-every", options->repair_every,
                   "Documents between repair passes (merges, fragments, splits), besides the end of every batch")
      ->capture_default_str();
  command
      ->add_option("--recheck-growth", options->recheck_growth,
                   "Growth (a fraction) after which a story is checked for a split and placed again")
      ->capture_default_str();
  command
      ->add_option("--same-publisher", options->same_publisher,
                   "Factor on a document's similarity to a story of its own publisher")
      ->capture_default_str();
  command
      ->add_option("--cross-language", options->cross_language,
                   "Anchor cosine at which stories of different languages merge (0: never)")
      ->capture_default_str();
  command
      ->add_option("--concept-share", options->concept_share,
                   "Share of translated words (against names and numbers) in that anchor cosine")
      ->capture_default_str();
  command->add_option("--related", options->related, "Similarity at which storylines are related (below the link)")
      ->capture_default_str();
  command
      ->add_option("--related-shared", options->related_shared,
                   "Heaviest subject terms two storylines must share to be linked or related")
      ->capture_default_str();
  command
      ->add_option("--concept-terms", options->concept_terms, "A document's heaviest translated words kept in its anchors")
      ->capture_default_str();
  command
      ->add_option("--cross-language-max-joined", options->cross_language_max_joined,
                   "Stories of different languages merge only when one has at most this many documents")
      ->capture_default_str();
  command
      ->add_option("--min-shared-names", options->min_shared_names,
                   "Names (keyed across alphabets) two stories of different languages must share to merge")
      ->capture_default_str();
  command->add_option("--window-days", options->window_days, "Days apart with no time penalty")->capture_default_str();
  command->add_option("--decay-days", options->decay_days, "Beyond the window, similarity decays by e every this many days")
      ->capture_default_str();
  command
      ->add_option("--dated-stream-share", options->dated_stream_share,
                   "Share of dated documents from which two undated ones need more in common (above 1: never)")
      ->capture_default_str();
  command
      ->add_option("--undated-factor", options->undated_factor,
                   "Factor on the similarity of a dated and an undated document (time could not be checked)")
      ->capture_default_str();
  command
      ->add_option("--both-undated-factor", options->both_undated_factor,
                   "Factor on the similarity of two undated documents in a dated stream")
      ->capture_default_str();
  command
      ->add_option("--unchecked-cohesion", options->unchecked_cohesion,
                   "Where time could not be checked, the share of a story's cohesion a document must reach to join it")
      ->capture_default_str();
  command->add_option("--strip-dates", options->strip_dates,
                      "Share of each corpus's documents scored as if undated (undated reports in a dated stream)");
  command->add_flag("--details", options->details, "Also print the events split over several stories and the mixed stories");
  command->add_flag("--fit", options->fit,
                    "Also fit the same-event decision on each corpus's labelled pairs and score it on the others");
  command->add_flag("--sweep", options->sweep,
                    "Also print F1 over a grid of thresholds per corpus, and over seeds and batch sizes");
  return [options] { return run_eval_clustering(*options); };
}

}  // namespace storyline::cli
