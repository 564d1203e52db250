// storyline eval categories [--data DIR] : how the category model does on publishers and corpora
// it was not trained on. Every figure comes from a model retrained without the held-out group
// (one publisher, or one corpus of many publishers), per language, with the mean and the worst
// split; then the pages judged by reading (gold/), whose sites are held out of the weak labels.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "commands.h"
#include "storyline/core/hash.h"
#include "storyline/eval/category_corpus.h"
#include "storyline/eval/category_metrics.h"
#include "storyline/eval/category_training.h"
#include "storyline/eval/news_corpus.h"
#include "storyline/eval/news_training.h"
#include "storyline/eval/page_corpora.h"
#include "storyline/eval/page_gold.h"
#include "storyline/label/news_page.h"

namespace storyline::cli {
namespace {

namespace fs = std::filesystem;
using label::Category;
using label::TrainingExample;

struct EvalCategoriesOptions {
  std::string data = "../shared/data";
  std::string gold = eval::default_gold_folder();
  unsigned threads = 2;
  bool matrices = false;
  std::string only;  // run only the folds whose name contains this (for tuning)
  bool self_training = true;
  label::TrainingOptions training;
  unsigned seeds = 1;  // training seeds per split; the figures' spread over them is their noise
};

// One held-out split: the texts of the groups it names are scored by a model trained on the rest.
struct Fold {
  std::string name;
  std::function<bool(const std::string& group)> held_out;
};

struct Scored {
  std::string fold;
  std::string language;
  label::ConfusionMatrix matrix;
  uint64_t seed = 0;
};

// Right when the model picks the gold category or the text's second right answer.
void add_prediction(label::ConfusionMatrix& matrix, const TrainingExample& example, Category predicted) {
  const Category gold = example.alternative && predicted == *example.alternative ? predicted : example.category;
  matrix.add(gold, predicted);
}

void print_matrix(const label::ConfusionMatrix& matrix) {
  const std::string table = matrix.table();
  size_t start = 0;
  while (start < table.size()) {
    const size_t end = table.find('\n', start);
    std::printf("        %s\n", table.substr(start, end - start).c_str());
    start = end == std::string::npos ? table.size() : end + 1;
  }
}

// Not-news found (precision, recall of the not-news class) and news kept (recall of news).
struct NewsCounts {
  size_t true_not = 0, false_not = 0, missed_not = 0, kept_news = 0, news = 0;
  void add(bool gold_news, bool predicted_news) {
    if (gold_news) {
      ++news;
      kept_news += predicted_news;
      false_not += !predicted_news;
    } else {
      (predicted_news ? missed_not : true_not) += 1;
    }
  }
  void print(const char* heading) const {
    const size_t not_news = true_not + missed_not;
    const double precision = true_not + false_not ? double(true_not) / double(true_not + false_not) : 0;
    const double recall = not_news ? double(true_not) / double(not_news) : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::printf("  %-46s pages %5zu (not news %4zu)  not-news P %.3f R %.3f F1 %.3f  news kept %.3f\n", heading,
                news + not_news, not_news, precision, recall, f1, news ? double(kept_news) / double(news) : 0);
  }
};

// The pages judged by reading (gold/), read through the engine's front door.
std::vector<Document> read_gold_pages(const EvalCategoriesOptions& options, const std::vector<eval::PageGold>& gold) {
  std::vector<eval::PageFile> files;
  for (const auto& page : gold) files.push_back({(fs::path(options.data) / page.path).string(), std::nullopt, "gold", ""});
  return eval::read_pages(files, options.threads, "reading gold pages");
}

void evaluate_news(const EvalCategoriesOptions& options, const std::vector<eval::PageGold>& gold,
                   const std::vector<Document>& gold_documents) {
  const std::vector<eval::NewsPage> pages = eval::load_news_pages(options.data, options.threads);
  std::set<std::string> gold_files, gold_sites;
  for (const auto& page : gold) gold_files.insert(fs::path(page.path).filename().string());
  for (const auto& document : gold_documents)
    if (document.domain) gold_sites.insert(*document.domain);
  std::printf("\nNews or not (is_news at the shipped threshold %.2f): models retrained without the scored sites\n",
              label::kNewsThreshold);
  // WCXB's sites in two halves: each scored by a model that never saw a page of its sites.
  for (int half = 0; half < 2; ++half) {
    std::vector<const eval::NewsPage*> training;
    std::vector<const eval::NewsPage*> test;
    for (const auto& page : pages) {
      if (gold_files.count(page.file)) continue;
      const bool held = page.corpus == "wcxb" && int(fnv1a64(page.site) % 2) == half;
      (held ? test : training).push_back(&page);
    }
    const label::NewsModel model = label::train_news_model(eval::news_examples(training));
    NewsCounts counts, without_url;
    for (const auto* page : test) {
      counts.add(page->is_news, label::decide_is_news(page->document, model));
      Document saved = page->document;  // as a page saved to a file arrives: no URL
      saved.url.reset();
      without_url.add(page->is_news, label::decide_is_news(saved, model));
    }
    counts.print(half == 0 ? "WCXB dev, sites of half A held out" : "WCXB dev, sites of half B held out");
    without_url.print("    the same pages without their URL");
  }
  std::vector<const eval::NewsPage*> training;
  for (const auto& page : pages)
    if (!gold_files.count(page.file) && !gold_sites.count(page.site)) training.push_back(&page);
  const label::NewsModel model = label::train_news_model(eval::news_examples(training));
  std::map<std::string, NewsCounts> by_language;
  NewsCounts all;
  for (size_t i = 0; i < gold.size(); ++i) {
    const bool predicted = label::decide_is_news(gold_documents[i], model);
    all.add(gold[i].is_news, predicted);
    by_language[gold[i].language].add(gold[i].is_news, predicted);
  }
  all.print("pages read by hand (gold/), their sites held out");
  for (const auto& [language, counts] : by_language) counts.print(("    " + language).c_str());
}

int run_eval_categories(const EvalCategoriesOptions& options) {
  if (options.only == "news") {
    try {
      const auto gold = eval::load_page_gold(options.gold);
      evaluate_news(options, gold, read_gold_pages(options, gold));
    } catch (const std::exception& error) {
      std::cerr << "storyline eval categories: " << error.what() << "\n";
      return 1;
    }
    return 0;
  }
  try {
    std::vector<std::string> missing;
    eval::CategoryCorpus corpus = eval::load_category_corpus(options.data, options.threads, missing);
    for (const auto& problem : missing) std::printf("skipped: %s\n", problem.c_str());

    // Pages judged by reading: scored, never trained on.
    std::vector<eval::PageGold> gold;
    try {
      gold = eval::load_page_gold(options.gold);
    } catch (const std::exception& error) {
      std::printf("skipped gold pages: %s\n", error.what());
    }
    const std::vector<Document> gold_documents = read_gold_pages(options, gold);
    std::vector<eval::GroupedText> gold_texts;
    std::set<std::string> gold_sites;
    std::set<std::string> gold_paths;
    for (size_t i = 0; i < gold.size(); ++i) {
      label::LabelledText text = eval::as_labelled_text(gold_documents[i], "gold/" + gold[i].path, gold[i].category);
      gold_sites.insert("site/" + text.publisher);
      gold_paths.insert(fs::path(gold[i].path).filename().string());
      gold_texts.push_back({std::move(text), "gold/" + gold[i].language});
    }
    // A gold page never teaches the model, even as a weak label or by self-training.
    for (auto* pages : {&corpus.pages, &corpus.unlabelled})
      std::erase_if(*pages, [&](const eval::GroupedText& page) {
        return gold_paths.count(fs::path(page.text.id).filename().string()) > 0;
      });
    std::vector<label::LabelledText> unlabelled_texts;
    for (const auto& page : corpus.unlabelled) unlabelled_texts.push_back(page.text);
    const auto unlabelled_features = label::training_examples(unlabelled_texts, options.training.bucket_bits,
                                                              options.threads);

    std::vector<eval::GroupedText> all = corpus.texts;
    all.insert(all.end(), corpus.pages.begin(), corpus.pages.end());
    const size_t trainable_end = all.size();
    all.insert(all.end(), gold_texts.begin(), gold_texts.end());

    std::vector<label::LabelledText> texts;
    texts.reserve(all.size());
    for (const auto& grouped : all) texts.push_back(grouped.text);
    const uint32_t bits = options.training.bucket_bits;
    // Training sees half the texts without their section (as `train categories` does); scoring
    // sees every text as the engine would, section included.
    const auto train_features = label::training_examples(texts, bits, options.threads, /*section_dropout=*/true);
    const auto test_features = label::training_examples(texts, bits, options.threads, /*section_dropout=*/false);

    std::vector<Fold> folds = {
        {"BBC (bbc-news-2225 + MasakhaNEWS eng)", [](const std::string& g) { return g == "bbc"; }},
        {"ECB+ (many publishers, 2006-2013)", [](const std::string& g) { return g == "ecbplus"; }},
        {"Reddit headlines (1,592 sites; weak labels)", [](const std::string& g) { return g == "reddit"; }},
        {"Reuters-21578 (all economy)", [](const std::string& g) { return g == "reuters"; }},
        {"20 Newsgroups (Usenet, not news)", [](const std::string& g) { return g == "20ng"; }},
        {"lenta.ru", [](const std::string& g) { return g == "lenta.ru"; }},
        {"ria.ru", [](const std::string& g) { return g == "ria.ru"; }},
        {"pt-news", [](const std::string& g) { return g == "pt-news"; }},
        {"French Google News headlines", [](const std::string& g) { return g == "fr-headlines"; }},
        {"TNEWS (Toutiao headlines)", [](const std::string& g) { return g == "tnews"; }},
        {"MasakhaNEWS (15 languages but English)", [](const std::string& g) { return g.starts_with("masakhane/"); }},
        {"SIB-200 (FLORES sentences, 15 languages; test split)", [](const std::string& g) { return g == "flores"; }},
    };
    for (const char* site : {"AlArabiya", "BBC", "CNN", "France24", "SkyNews", "JawharaFM"}) {
      const std::string group = std::string("ant/") + site;
      folds.push_back({"ANT " + std::string(site), [group](const std::string& g) { return g == group; }});
    }
    folds.push_back({"pages read by hand (gold/; their sites held out)",
                     [&](const std::string& g) { return g.starts_with("gold/") || gold_sites.count(g) > 0; }});

    std::printf(
        "Category evaluation: each model is trained without the held-out group (publisher or corpus),\n"
        "then scored on it. Accuracy; macro-F1 over the categories in that group's gold.\n"
        "%zu labelled texts, %zu section-labelled pages, %zu gold pages.\n\n",
        corpus.texts.size(), corpus.pages.size(), gold_texts.size());
    std::vector<Scored> results;
    for (unsigned seed_index = 0; seed_index < std::max(1u, options.seeds); ++seed_index)
      for (const Fold& fold : folds) {
        if (!options.only.empty() && fold.name.find(options.only) == std::string::npos) continue;
        const uint64_t seed = options.training.seed + 1000 * uint64_t{seed_index};
        std::vector<TrainingExample> training;
        std::vector<size_t> test;
        for (size_t i = 0; i < all.size(); ++i) {
          if (fold.held_out(all[i].group)) {
            if (all[i].group.starts_with("site/")) continue;  // weak labels only hidden from training
            // The lexicon (models/lexicon.tsv) learned from SIB-200's train and dev sentences.
            if (all[i].group == "flores" && all[i].text.id.find("/test/") == std::string::npos) continue;
            test.push_back(i);
          } else if (i < trainable_end) {
            training.push_back(train_features[i]);
          }
        }
        if (test.empty()) continue;
        label::TrainingOptions training_options = options.training;
        training_options.threads = options.threads;
        training_options.seed = seed;
        label::CategoryModel model = label::train_category_model(training, training_options);
        if (options.self_training) {
          // As `train categories` does: a second round with the unlabelled pages the first model is
          // sure of (never pages of the held-out sites).
          for (size_t i = 0; i < corpus.unlabelled.size(); ++i) {
            if (fold.held_out(corpus.unlabelled[i].group)) continue;
            const auto category = eval::confident_category(model, unlabelled_features[i].features);
            if (!category) continue;
            TrainingExample example = unlabelled_features[i];
            example.category = *category;
            training.push_back(std::move(example));
          }
          model = label::train_category_model(training, training_options);
        }
        std::map<std::string, label::ConfusionMatrix> by_language;
        for (size_t i : test) {
          const Category predicted = model.predict(test_features[i].features);
          const std::string language = all[i].group.starts_with("gold/") ? all[i].group.substr(5) : all[i].text.language;
          add_prediction(by_language[language], test_features[i], predicted);
        }
        if (options.seeds > 1) std::printf("held out: %s (seed %ju)\n", fold.name.c_str(), static_cast<uintmax_t>(seed));
        else std::printf("held out: %s\n", fold.name.c_str());
        for (const auto& [language, matrix] : by_language) {
          std::printf("    %-4s documents %5zu  accuracy %.3f  macro-F1 %.3f\n", language.c_str(), matrix.total(),
                      matrix.accuracy(), matrix.macro_f1());
          if (options.matrices) print_matrix(matrix);
          results.push_back({fold.name, language, matrix, seed});
        }
        std::fflush(stdout);
      }

    // Per language: every held-out split of at least 40 documents with two or more categories.
    std::printf("\nPer language over its held-out splits (>= 40 documents, >= 2 categories): mean and worst macro-F1\n");
    std::map<std::string, std::vector<const Scored*>> by_language;
    for (const Scored& scored : results) {
      size_t categories = 0;
      for (size_t c = 0; c < label::kCategoryCount; ++c) {
        size_t row = 0;
        for (size_t k = 0; k < label::kCategoryCount; ++k)
          row += scored.matrix.count(label::category_at(c), label::category_at(k));
        categories += row > 0;
      }
      if (scored.matrix.total() >= 40 && categories >= 2) by_language[scored.language].push_back(&scored);
    }
    if (options.seeds > 1)
      std::printf(
          "(over %u training seeds: each split's figures are its mean over them; +- is half the range of the\n"
          " language's mean macro-F1 from seed to seed)\n",
          options.seeds);
    for (const auto& [language, scored] : by_language) {
      // Per split, over seeds; and per seed, over splits.
      struct Sums {
        double macro_f1 = 0, accuracy = 0;
        size_t runs = 0;
      };
      std::map<std::string, Sums> split_sums;  // by fold
      std::map<uint64_t, Sums> seed_sums;
      for (const Scored* one : scored)
        for (Sums* sums : {&split_sums[one->fold], &seed_sums[one->seed]}) {
          sums->macro_f1 += one->matrix.macro_f1();
          sums->accuracy += one->matrix.accuracy();
          ++sums->runs;
        }
      double sum = 0, accuracy = 0;
      std::string worst;
      double worst_f1 = 2;
      for (const auto& [fold, sums] : split_sums) {
        const double macro_f1 = sums.macro_f1 / double(sums.runs);
        sum += macro_f1;
        accuracy += sums.accuracy / double(sums.runs);
        if (macro_f1 < worst_f1) {
          worst_f1 = macro_f1;
          worst = fold;
        }
      }
      const size_t splits = split_sums.size();
      std::printf("    %-4s splits %2zu  mean accuracy %.3f  mean macro-F1 %.3f", language.c_str(), splits,
                  accuracy / double(splits), sum / double(splits));
      if (seed_sums.size() > 1) {
        double low = 2, high = -1;
        for (const auto& [seed, sums] : seed_sums) {
          low = std::min(low, sums.macro_f1 / double(sums.runs));
          high = std::max(high, sums.macro_f1 / double(sums.runs));
        }
        std::printf(" +- %.3f", (high - low) / 2);
      }
      std::printf("  worst %.3f (%s)\n", worst_f1, worst.c_str());
    }

    if (options.only.empty()) evaluate_news(options, gold, gold_documents);
  } catch (const std::exception& error) {
    std::cerr << "storyline eval categories: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Runner add_eval_categories_command(CLI::App& app) {
  auto options = std::make_shared<EvalCategoriesOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand(
      "categories",
      "Document categories on publishers and corpora held out of training, per language (accuracy, macro-F1, "
      "mean and worst split), and on pages judged by reading (gold/).");
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--gold", options->gold, "The folder of gold/*.tsv pages judged by reading");
  command->add_option("--threads", options->threads, "Threads for reading features (default 2)");
  command->add_option("--only", options->only,
                      "Only the held-out splits whose name contains this; 'news': only news or not");
  // For tuning; the shipped model uses the defaults.
  command->add_option("--epochs", options->training.epochs, "Training epochs (default 8)");
  command->add_option("--learning-rate", options->training.learning_rate, "AdaGrad learning rate (default 0.5)");
  command
      ->add_option("--averaged-orders", options->training.averaged_orders,
                   "Models trained in different example orders and averaged into one")
      ->capture_default_str();
  command
      ->add_option("--seeds", options->seeds,
                   "Train every split with this many seeds (seed, seed + 1000, ...) and report their mean and spread")
      ->capture_default_str();
  command->add_option("--seed", options->training.seed,
                      "Seed of the training order (the figures' spread over seeds is their noise)");
  command->add_option("--l2", options->training.l2, "L2 regularization (default 1e-4)");
  command->add_option("--bucket-bits", options->training.bucket_bits, "Hash buckets, as a power of two (default 20)");
  command->add_option("--balance", options->training.balance, "Balance categories and sources (default true)");
  command->add_flag("--matrices", options->matrices, "Print a confusion matrix for every split");
  command->add_option("--self-training", options->self_training,
                      "Second round with the unlabelled pages the first model is sure of (default true, as shipped)");
  return [options, command]() -> int { return command->parsed() ? run_eval_categories(*options) : 2; };
}

}  // namespace storyline::cli
