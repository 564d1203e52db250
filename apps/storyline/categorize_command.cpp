// storyline categorize [PATH|-] : {"id", "category", "language"} per input document, in order.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "storyline/core/document_json.h"
#include "storyline/core/ordered_parallel.h"
#include "storyline/label/categorize.h"
#include "storyline/label/category.h"
#include "storyline/label/news_page.h"
#include "storyline/text/language.h"
#include "storyline/text/utf8.h"

namespace storyline::cli {
namespace {

// A document line longer than this is rejected without being held in memory whole.
constexpr size_t kMaxLineBytes = size_t{64} << 20;
// Lines categorized together; bounds memory while keeping threads busy.
constexpr size_t kBatchLines = 512;

struct CategorizeOptions {
  std::string path = "-";
  std::string model;
  unsigned threads = 0;
  bool probabilities = false;
};

struct Line {
  size_t number = 0;
  std::string text;
  bool too_long = false;
};

// Reads one line (without '\n'); false at end of input.
bool read_line(std::istream& in, Line& line) {
  line.text.clear();
  line.too_long = false;
  std::streambuf* buffer = in.rdbuf();
  bool any = false;
  for (int c = buffer->sbumpc(); c != std::char_traits<char>::eof(); c = buffer->sbumpc()) {
    any = true;
    if (c == '\n') return true;
    if (line.text.size() < kMaxLineBytes) line.text.push_back(static_cast<char>(c));
    else line.too_long = true;
  }
  return any;
}

struct CategorizeOutput {
  std::string json;  // empty when the line was rejected or blank
  std::string error;
};

CategorizeOutput categorize_line(const Line& line, const label::CategoryModel& model, const std::string& name,
                                 bool probabilities) {
  CategorizeOutput output;
  const std::string prefix = name + ":" + std::to_string(line.number) + ": ";
  if (line.too_long) {
    output.error = prefix + "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB";
    return output;
  }
  if (line.text.find_first_not_of(" \t\r") == std::string::npos) return output;  // blank lines are allowed
  try {
    Document document = document_from_json(line.text);
    if (!document.language || document.language->empty()) {
      const label::CategoryText text = label::category_text(document);
      std::string sample(text.title);
      sample += "\n\n";
      sample += text::utf8_prefix(text.text, 4096);
      document.language = text::detect_language(sample);
    }
    nlohmann::ordered_json value;
    value["id"] = document.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(document.id);
    value["category"] = label::categorize(document, model);
    value["language"] = document.language ? nlohmann::json(*document.language) : nlohmann::json(nullptr);
    value["is_news"] = label::decide_is_news(document);
    if (probabilities) {
      const auto scores = model.probabilities(label::category_features(label::category_text(document), model.bucket_bits()));
      for (size_t c = 0; c < label::kCategoryCount; ++c)
        value["probabilities"][std::string(label::kCategoryNames[c])] = std::round(double(scores[c]) * 1000) / 1000;
      try {
        const double news = label::default_news_model().probability(label::news_features(document));
        value["news_probability"] = std::round(news * 1000) / 1000;
      } catch (const label::ModelError&) {
        value["news_probability"] = nullptr;
      }
    }
    output.json = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::exception& error) {
    output.error = prefix + error.what();
  }
  return output;
}

int run_categorize(const CategorizeOptions& options) {
  std::unique_ptr<label::CategoryModel> own_model;
  const label::CategoryModel* model = nullptr;
  try {
    if (!options.model.empty()) {
      own_model = std::make_unique<label::CategoryModel>(label::CategoryModel::load(options.model));
      model = own_model.get();
    } else {
      model = &label::default_category_model();
    }
  } catch (const std::exception& error) {
    std::cerr << "storyline categorize: " << error.what() << "\n";
    return 1;
  }

  const std::string name = options.path == "-" ? "<stdin>" : options.path;
  std::ifstream file;
  if (options.path != "-") {
    file.open(options.path, std::ios::binary);
    if (!file) {
      std::cerr << "storyline categorize: " << options.path << ": cannot open the file\n";
      return 1;
    }
  }
  std::istream& in = options.path == "-" ? std::cin : file;
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  bool any_rejected = false;
  size_t number = 0;
  std::vector<Line> batch;
  bool more = true;
  while (more) {
    batch.clear();
    while (batch.size() < kBatchLines) {
      Line line;
      if (!read_line(in, line)) {
        more = false;
        break;
      }
      line.number = ++number;
      batch.push_back(std::move(line));
    }
    ordered_parallel_for<CategorizeOutput>(
        batch.size(), threads, [&](size_t i) { return categorize_line(batch[i], *model, name, options.probabilities); },
        [&](size_t, CategorizeOutput&& output) {
          if (!output.json.empty()) {
            output.json.push_back('\n');
            std::fwrite(output.json.data(), 1, output.json.size(), stdout);
          }
          if (!output.error.empty()) {
            std::fflush(stdout);
            std::cerr << "storyline categorize: " << output.error << "\n";
            any_rejected = true;
          }
        });
  }
  if (in.bad()) {
    std::cerr << "storyline categorize: " << name << ": read error\n";
    any_rejected = true;
  }
  std::fflush(stdout);
  return any_rejected ? 1 : 0;
}

}  // namespace

Runner add_categorize_command(CLI::App& app) {
  auto options = std::make_shared<CategorizeOptions>();
  CLI::App* command = app.add_subcommand(
      "categorize",
      "Read documents (Document JSON Lines, as `storyline extract` prints) and print {\"id\", \"category\", "
      "\"language\"} for each, in order. Categories: " +
          label::joined_category_names() + ".");
  command->add_option("path", options->path, "A JSON Lines file; - (the default) for standard input");
  command->add_option("--model", options->model, "A category model file (default: the shipped categories.model)");
  command->add_option("--threads", options->threads, "Worker threads (default: every core)");
  command->add_flag("--probabilities", options->probabilities, "Also print the probability of every category");
  return [options] { return run_categorize(*options); };
}

}  // namespace storyline::cli
