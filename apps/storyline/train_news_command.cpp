// storyline train news [--data DIR] [--out FILE] : trains the shipped news-or-not model.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "storyline/eval/news_corpus.h"
#include "storyline/eval/news_training.h"
#include "storyline/eval/page_gold.h"

namespace storyline::cli {
namespace {

struct TrainNewsOptions {
  std::string data = "../shared/data";
  std::string out = "models/news.model";
  std::string gold = eval::default_gold_folder();
  unsigned threads = 2;
};

int run_train_news(const TrainNewsOptions& options) {
  try {
    const std::vector<eval::NewsPage> pages = eval::load_news_pages(options.data, options.threads);
    // Pages judged by reading are for scoring only: never trained on.
    std::set<std::string> gold_files;
    for (const auto& gold : eval::load_page_gold(options.gold))
      gold_files.insert(std::filesystem::path(gold.path).filename().string());
    std::vector<const eval::NewsPage*> training;
    size_t not_news = 0;
    for (const auto& page : pages)
      if (!gold_files.count(page.file)) {
        training.push_back(&page);
        not_news += !page.is_news;
      }
    if (training.empty()) throw std::runtime_error(options.data + ": no pages to train on");
    const label::NewsModel model = label::train_news_model(eval::news_examples(training));
    const std::filesystem::path out(options.out);
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    model.save(options.out);
    std::fprintf(stderr, "train news: %zu pages (%zu not news), wrote %s\n", training.size(), not_news, options.out.c_str());
  } catch (const std::exception& error) {
    std::cerr << "storyline train news: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

Runner add_train_news_command(CLI::App& app) {
  auto options = std::make_shared<TrainNewsOptions>();
  CLI::App* train = command_group(app, "train", "Train a model shipped with Storyline from the datasets");
  CLI::App* command = train->add_subcommand(
      "news",
      "Train the news-or-not model (is_news) from WCXB's page types, the extractor fixtures and the Telegram contest "
      "pages (the pages judged by reading in gold/ left out). Reproducible: the same data gives the same file.");
  command->add_option("--data", options->data, "The datasets folder (default ../shared/data)");
  command->add_option("--out", options->out, "Where to write the model (default models/news.model)");
  command->add_option("--gold", options->gold, "The gold/ folder whose pages are left out");
  command->add_option("--threads", options->threads,
                      "Threads for reading pages (default 2; the model does not depend on it)");
  return [options, command]() -> int { return command->parsed() ? run_train_news(*options) : 2; };
}

}  // namespace storyline::cli
