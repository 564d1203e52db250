#include "storyline/eval/category_corpus.h"

#include <algorithm>
#include <filesystem>
#include <functional>

#include "storyline/eval/category_training.h"
#include "storyline/eval/multilingual_datasets.h"
#include "storyline/eval/page_corpora.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;

void add(std::vector<GroupedText>& into, std::vector<label::LabelledText> texts,
         const std::function<std::string(const label::LabelledText&)>& group) {
  for (auto& text : texts) {
    std::string name = group(text);
    into.push_back({std::move(text), std::move(name)});
  }
}

}  // namespace

CategoryCorpus load_category_corpus(const std::string& data_folder, unsigned threads, std::vector<std::string>& missing) {
  const fs::path categories = fs::path(data_folder) / "categories";
  CategoryCorpus corpus;
  auto fixed = [](std::string name) { return [name](const label::LabelledText&) { return name; }; };
  auto by_publisher = [](std::string prefix) {
    return [prefix](const label::LabelledText& text) { return prefix + text.publisher; };
  };
  auto attempt = [&](const std::string& name, const std::function<void()>& load) {
    try {
      load();
    } catch (const std::exception& error) {
      missing.push_back(name + ": " + error.what());
    }
  };
  attempt("bbc-news-2225",
          [&] { add(corpus.texts, label::load_bbc((categories / "bbc-news-2225").string(), true), fixed("bbc")); });
  attempt("20newsgroups", [&] {
    const std::string archive = (categories / "20newsgroups-bydate" / "20news-bydate.tar.gz").string();
    add(corpus.texts, label::load_newsgroups(archive, "train"), fixed("20ng"));
  });
  attempt("reuters21578", [&] {
    add(corpus.texts,
        label::every_nth(label::load_reuters((categories / "reuters21578" / "reut2-sgm.tar.gz").string(), "train"),
                         label::kReutersTrainingStep),
        fixed("reuters"));
  });
  attempt("ecbplus", [&] {
    add(corpus.texts,
        label::load_ecbplus((fs::path(data_folder) / "clustering" / "ecbplus" / "ecbplus_docs.jsonl").string()),
        fixed("ecbplus"));
  });
  attempt("masakhane-news", [&] {
    const std::string folder = (categories / "masakhane-news").string();
    for (const std::string& language : label::language_folders(folder))
      for (const char* split : {"train", "dev", "test"})
        add(corpus.texts, label::load_masakhane(folder, language, split), [&](const label::LabelledText& text) {
          // MasakhaNEWS English is BBC News: held out with BBC's own set.
          return language == "eng" ? std::string("bbc") : "masakhane/" + text.language;
        });
  });
  attempt("sib200", [&] {
    const std::string folder = (categories / "sib200").string();
    for (const std::string& language : label::language_folders(folder))
      for (const char* split : {"train", "dev", "test"})
        add(corpus.texts, label::load_sib200(folder, language, split), fixed("flores"));
  });
  attempt("ru-news lenta", [&] {
    add(corpus.texts, label::load_lenta((categories / "ru-news" / "lenta.jsonl.gz").string()), by_publisher(""));
  });
  attempt("ru-news ria",
          [&] { add(corpus.texts, label::load_ria((categories / "ru-news" / "ria.jsonl.gz").string()), by_publisher("")); });
  attempt("antcorpus-ar", [&] {
    add(corpus.texts, label::load_antcorpus((categories / "antcorpus-ar" / "articles.jsonl.gz").string()),
        by_publisher("ant/"));
    add(corpus.texts, label::load_antcorpus((categories / "antcorpus-ar" / "jawharafm.jsonl.gz").string()),
        by_publisher("ant/"));
  });
  attempt("pt-news", [&] {
    add(corpus.texts, label::load_pt_news((categories / "pt-news" / "articles.jsonl.gz").string()), fixed("pt-news"));
  });
  attempt("fr-headlines", [&] {
    add(corpus.texts, label::load_fr_headlines((categories / "fr-headlines" / "google-news-sections.jsonl.gz").string()),
        fixed("fr-headlines"));
    add(corpus.texts, label::load_fr_headlines((categories / "fr-headlines" / "one-day.jsonl.gz").string()),
        fixed("fr-headlines"));
  });
  attempt("tnews-zh",
          [&] { add(corpus.texts, label::load_tnews((categories / "tnews-zh" / "dev.json").string()), fixed("tnews")); });
  attempt("reddit-headlines", [&] {
    add(corpus.texts, label::load_reddit_headlines((categories / "reddit-headlines" / "headlines.jsonl.gz").string()),
        fixed("reddit"));
  });

  // Pages of many publishers, labelled by their section: the contest stream, trafilatura-eval and
  // WCXB's articles (its other page types are not news and have no category to learn).
  std::vector<PageFile> files = contest_page_files(data_folder);
  for (auto& file : trafilatura_page_files(data_folder)) files.push_back(std::move(file));
  for (auto& file : wcxb_page_files(data_folder))
    if (file.page_type == "article") files.push_back(std::move(file));
  if (files.empty()) missing.push_back("pages: no contest, trafilatura-eval or WCXB pages");
  const std::vector<Document> documents = read_pages(files, threads, "reading pages");
  add(corpus.pages, section_labelled(files, documents),
      [](const label::LabelledText& text) { return "site/" + text.publisher; });
  add(corpus.unlabelled, unlabelled_pages(files, documents),
      [](const label::LabelledText& text) { return "site/" + text.publisher; });
  return corpus;
}

std::optional<label::Category> confident_category(const label::CategoryModel& model, const label::FeatureVector& features) {
  if (features.empty()) return std::nullopt;
  const auto probabilities = model.probabilities(features);
  const auto best = std::max_element(probabilities.begin(), probabilities.end());
  if (*best < kSelfTrainingConfidence) return std::nullopt;
  return label::category_at(static_cast<size_t>(best - probabilities.begin()));
}

std::vector<label::LabelledText> self_labelled(const std::vector<GroupedText>& unlabelled, const label::CategoryModel& model,
                                               unsigned threads) {
  std::vector<label::LabelledText> texts;
  for (const auto& grouped : unlabelled) texts.push_back(grouped.text);
  const auto examples = label::training_examples(texts, model.bucket_bits(), threads, /*section_dropout=*/false);
  std::vector<label::LabelledText> sure;
  for (size_t i = 0; i < texts.size(); ++i) {
    const auto category = confident_category(model, examples[i].features);
    if (!category) continue;
    texts[i].category = *category;
    sure.push_back(std::move(texts[i]));
  }
  return sure;
}

std::vector<label::LabelledText> shipped_category_training(const CategoryCorpus& corpus) {
  std::vector<label::LabelledText> texts;
  for (const auto* part : {&corpus.texts, &corpus.pages})
    for (const GroupedText& grouped : *part) texts.push_back(grouped.text);
  return texts;
}

}  // namespace storyline::eval
