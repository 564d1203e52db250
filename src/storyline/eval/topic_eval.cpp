#include "storyline/eval/topic_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "storyline/core/document.h"
#include "storyline/eval/meantime_corpus.h"
#include "storyline/eval/name_match.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/label/label_document.h"
#include "storyline/label/topics.h"
#include "storyline/text/tokenize.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSubjectsPerArticle = 3;

std::string meantime_path(const std::string& data_dir, const std::string& language) {
  return (fs::path(data_dir) / "clustering" / "meantime" / language / "meantime.conll.gz").string();
}

Document as_document(const MeantimeArticle& article, const std::string& language) {
  Document document;
  document.id = article.id;
  document.language = language;
  document.title = article.title;
  document.text = article.body;
  return document;
}

// Folded words, for comparing names whatever their case and punctuation.

bool same_entity(const std::vector<std::string>& topic, const std::vector<std::string>& mention) {
  return contains_run(mention, topic) || contains_run(topic, mention);
}

bool is_entity_type(const std::string& type) { return type == "PER" || type == "ORG" || type == "LOC"; }

struct GoldArticle {
  std::vector<std::vector<std::string>> entity_mentions;        // every PER/ORG/LOC mention
  std::vector<std::vector<std::vector<std::string>>> subjects;  // top chains: each its mentions
};

GoldArticle gold_of(const MeantimeArticle& article) {
  struct Chain {
    size_t mentions = 0;
    std::vector<std::vector<std::string>> forms;  // each mention's words, and the recognizer's full form of it
  };
  GoldArticle gold;
  std::map<std::string, Chain> chains;
  for (const MeantimeMention& mention : article.mentions) {
    if (!is_entity_type(mention.type)) continue;
    auto words = folded_words(mention.text);
    if (words.empty()) continue;
    Chain& chain = chains[mention.chain];
    ++chain.mentions;
    chain.forms.push_back(std::move(words));
    // The recognizer writes a known short form in full ("US" as "United States"): a mention
    // counts in that form too, so that a topic is not judged by its spelling.
    for (const auto& recognized : label::recognize_entities(mention.text))
      if (auto full = folded_words(recognized.text); !full.empty()) chain.forms.push_back(std::move(full));
  }
  std::vector<const Chain*> ranked;
  for (const auto& [id, chain] : chains) {
    for (const auto& form : chain.forms) gold.entity_mentions.push_back(form);
    if (chain.mentions >= 2) ranked.push_back(&chain);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Chain* a, const Chain* b) { return a->mentions > b->mentions; });
  for (size_t i = 0; i < ranked.size() && i < kSubjectsPerArticle; ++i) gold.subjects.push_back(ranked[i]->forms);
  return gold;
}

// Scores the name topics (themes left out) of one article.
void score(TopicScores& scores, const std::vector<std::string>& topics, const GoldArticle& gold, const std::string& id,
           std::vector<std::string>* misses, size_t max_misses) {
  ++scores.articles;
  std::vector<std::vector<std::string>> names;
  for (const std::string& topic : topics) names.push_back(folded_words(topic));
  for (size_t i = 0; i < names.size(); ++i) {
    ++scores.names;
    const bool right = std::any_of(gold.entity_mentions.begin(), gold.entity_mentions.end(),
                                   [&](const auto& mention) { return same_entity(names[i], mention); });
    scores.names_right += right;
    if (!right && misses && misses->size() < max_misses) misses->push_back(id + ": " + topics[i]);
  }
  for (const auto& subject : gold.subjects) {
    ++scores.subjects;
    const bool named = std::any_of(names.begin(), names.end(), [&](const auto& name) {
      return std::any_of(subject.begin(), subject.end(), [&](const auto& mention) { return same_entity(name, mention); });
    });
    scores.subjects_named += named;
  }
}

// The names among `topics`: all but the themes of the document.
std::vector<std::string> names_only(std::vector<std::string> topics, const std::vector<std::string>& themes) {
  topics.erase(std::remove_if(topics.begin(), topics.end(),
                              [&](const std::string& topic) {
                                return std::find(themes.begin(), themes.end(), topic) != themes.end();
                              }),
               topics.end());
  return topics;
}

}  // namespace

TopicEvaluation evaluate_meantime_topics(const std::string& data_dir, size_t max_misses) {
  TopicEvaluation evaluation;
  for (const MeantimeArticle& article : read_meantime(meantime_path(data_dir, "en"))) {
    const GoldArticle gold = gold_of(article);
    Document document = as_document(article, "en");
    const auto mentions = label::document_mentions(document);
    const std::vector<std::string> themes = label::themes_of({document});
    const auto shipped = label::document_topics(document, mentions);
    document.entities = label::as_entities(mentions);
    const auto first = label::document_topics(document);
    evaluation.shipped.with_theme += !themes.empty();
    evaluation.first_names.with_theme += !themes.empty();
    score(evaluation.shipped, names_only(shipped, themes), gold, article.id, &evaluation.misses, max_misses);
    score(evaluation.first_names, names_only(first, themes), gold, article.id, nullptr, 0);
  }
  return evaluation;
}

ThemeAgreement evaluate_meantime_themes(const std::string& data_dir, const std::string& language) {
  std::map<std::string, std::vector<std::string>> english;
  for (const MeantimeArticle& article : read_meantime(meantime_path(data_dir, "en")))
    english[article.id] = label::themes_of({as_document(article, "en")});
  ThemeAgreement agreement;
  for (const MeantimeArticle& article : read_meantime(meantime_path(data_dir, language))) {
    ++agreement.articles;
    const auto themes = label::themes_of({as_document(article, language)});
    if (themes.empty()) continue;
    ++agreement.with_theme;
    const auto reference = english.find(article.id);
    if (reference == english.end() || reference->second.empty()) continue;
    ++agreement.judged;
    agreement.agreeing += std::find(reference->second.begin(), reference->second.end(), themes.front()) !=
                          reference->second.end();
  }
  return agreement;
}

std::vector<Document> labelled_seeds(const std::string& shared_dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(shared_dir) / "seeds")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<Document> documents;
  for (const fs::path& path : files) {
    std::ifstream file(path, std::ios::binary);
    const ingest::RawInput input{path.string(), std::string(std::istreambuf_iterator<char>(file), {}), std::nullopt};
    for (Document& document : ingest::read_documents(input).documents) {
      label::label_document(document);
      documents.push_back(std::move(document));
    }
  }
  return documents;
}

}  // namespace storyline::eval
