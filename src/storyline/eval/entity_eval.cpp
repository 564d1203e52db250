#include "storyline/eval/entity_eval.h"

#include <algorithm>
#include <iterator>

#include "storyline/eval/meantime_corpus.h"  // join_tokens
#include "storyline/eval/name_match.h"
#include "storyline/eval/ner_corpus.h"
#include "storyline/label/entity_recognizer.h"
#include "storyline/text/tokenize.h"

namespace storyline::eval {
namespace {

// Reads IOB2 tags of one sentence into entities (tokens and tags of equal length).
void collect_entities(const std::vector<std::string>& tokens, const std::vector<std::string>& tags,
                      std::vector<Entity>& entities) {
  std::vector<std::string> span;
  std::string type;
  auto close = [&] {
    if (!span.empty() && !type.empty()) {
      const std::string text = join_tokens(span);
      const bool seen = std::any_of(entities.begin(), entities.end(),
                                    [&](const Entity& e) { return e.type == type && e.text == text; });
      if (!seen) entities.push_back({text, type});
    }
    span.clear();
    type.clear();
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& tag = tags[i];
    if (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
      const std::string this_type = interface_entity_type(tag.substr(2));
      if (tag[0] == 'B' || this_type != type || span.empty()) {
        close();
        type = this_type;
      }
      span.push_back(tokens[i]);
    } else {
      close();
    }
  }
  close();
}

struct Name {
  std::vector<std::vector<std::string>> forms;  // folded words: as written, and as the recognizer writes it in full
  std::string type;
};

bool scored(const std::string& type) {
  return std::find(kScoredEntityTypes.begin(), kScoredEntityTypes.end(), type) != kScoredEntityTypes.end();
}

// A given name is the gold name when it is one of its forms or holds one as a run of its words.
bool is(const Name& given, const Name& gold, bool typed) {
  if (typed && given.type != gold.type) return false;
  for (const auto& form : gold.forms)
    if (contains_run(given.forms.front(), form)) return true;
  return false;
}

void tally(EntityTally& tally, const std::vector<Name>& given, const std::vector<Name>& gold, bool typed) {
  tally.given += given.size();
  tally.gold += gold.size();
  for (const Name& name : given)
    tally.right += std::any_of(gold.begin(), gold.end(), [&](const Name& g) { return is(name, g, typed); });
  for (const Name& name : gold)
    tally.found += std::any_of(given.begin(), given.end(), [&](const Name& g) { return is(g, name, typed); });
}

}  // namespace

namespace {

// Sentences of one document a line each, and the document's distinct names.
std::vector<NerDocument> as_documents(const std::vector<NerSentence>& sentences, const std::string& path,
                                      const std::string& language) {
  std::vector<NerDocument> documents;
  size_t current = 0;
  for (const NerSentence& sentence : sentences) {
    if (documents.empty() || sentence.document != current) {
      current = sentence.document;
      documents.push_back({path + "#" + std::to_string(sentence.document + 1), language, "", {}});
    }
    NerDocument& document = documents.back();
    document.text += (document.text.empty() ? "" : "\n") + join_tokens(sentence.tokens);
    collect_entities(sentence.tokens, sentence.tags, document.gold);
  }
  return documents;
}

}  // namespace

std::vector<NerDocument> read_conll2003(const std::string& path) {
  return as_documents(read_conll2003_sentences(path), path, "en");
}

std::vector<NerDocument> read_meantime_entities(const std::string& data_dir, const std::string& language) {
  const std::string path = data_dir + "/clustering/meantime/" + language + "/meantime.conll.gz";
  std::vector<NerDocument> documents;
  for (const MeantimeArticle& article : read_meantime(path)) {
    NerDocument document{article.id, language, article.title + "\n" + article.body, {}};
    for (const MeantimeMention& mention : article.mentions) {
      const std::string type = interface_entity_type(mention.type);
      if (type.empty() || type == "other") continue;
      const bool seen = std::any_of(document.gold.begin(), document.gold.end(),
                                    [&](const Entity& e) { return e.type == type && e.text == mention.text; });
      if (!seen) document.gold.push_back({mention.text, type});
    }
    documents.push_back(std::move(document));
  }
  return documents;
}

std::vector<NerDocument> read_germeval(const std::string& path) {
  return as_documents(read_germeval_sentences(path), path, "de");
}

EntityScores score_recognizer(const std::vector<NerDocument>& documents, size_t max_misses) {
  return score_entities(
      documents, [](const Document& document) { return label::document_entities(document, 1000); }, max_misses);
}

EntityScores score_entities(const std::vector<NerDocument>& documents,
                            const std::function<std::vector<Entity>(const Document&)>& find, size_t max_misses) {
  EntityScores scores;
  for (const NerDocument& document : documents) {
    ++scores.documents;
    Document input;
    input.id = document.id;
    input.language = document.language;
    input.text = document.text;
    std::vector<Name> given, gold;
    for (const Entity& entity : find(input))
      if (scored(entity.type)) given.push_back({{folded_words(entity.text)}, entity.type});
    for (const Entity& entity : document.gold) {
      if (!scored(entity.type)) continue;
      Name name{{folded_words(entity.text)}, entity.type};
      for (const auto& recognized : label::recognize_entities(entity.text))
        if (auto full = folded_words(recognized.text); !full.empty() && full != name.forms.front())
          name.forms.push_back(std::move(full));
      gold.push_back(std::move(name));
    }
    std::erase_if(given, [](const Name& name) { return name.forms.front().empty(); });
    std::erase_if(gold, [](const Name& name) { return name.forms.front().empty(); });
    tally(scores.all, given, gold, true);
    tally(scores.names, given, gold, false);
    for (size_t t = 0; t < kScoredEntityTypes.size(); ++t) {
      std::vector<Name> given_of_type, gold_of_type;
      std::copy_if(given.begin(), given.end(), std::back_inserter(given_of_type),
                   [&](const Name& name) { return name.type == kScoredEntityTypes[t]; });
      std::copy_if(gold.begin(), gold.end(), std::back_inserter(gold_of_type),
                   [&](const Name& name) { return name.type == kScoredEntityTypes[t]; });
      tally(scores.by_type[t], given_of_type, gold_of_type, true);
    }
    for (const Name& name : given) {
      if (scores.misses.size() >= max_misses) break;
      if (std::none_of(gold.begin(), gold.end(), [&](const Name& g) { return is(name, g, true); })) {
        std::string text;
        for (const auto& word : name.forms.front()) text += (text.empty() ? "" : " ") + word;
        scores.misses.push_back(document.id + ": " + text + " (" + name.type + ")");
      }
    }
  }
  return scores;
}

}  // namespace storyline::eval
