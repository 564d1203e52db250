#pragma once
// How well documents' named entities (label/entity_recognizer.h) are found, on the NER sets of
// ../shared/data/entities: CoNLL-2003 (English Reuters news, whole documents) and GermEval 2014
// (German sentences of Wikipedia and news, each on its own). Scored as a reader sees entities, by
// name and type per document (INTERFACE.md lists names, not spans): a name given is right when the
// document's gold has it with that type, and a gold name is found when some given name is it. A
// given full name also finds its short forms ("Antony Blinken" finds gold "Blinken"), and a gold
// short form the recognizer writes in full ("US" as "United States") is matched in that form.
// People, organizations and places only: "other" (MISC, OTH) is too mixed to compare.
#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::eval {

struct NerDocument {
  std::string id;
  std::string language;
  std::string text;          // tokens joined as prose writes them, a sentence a line
  std::vector<Entity> gold;  // distinct names with their INTERFACE.md type
};

// CoNLL-2003 "<split>.txt.gz" (documents start at -DOCSTART-). Throws std::runtime_error naming
// the file and line when it cannot be read.
std::vector<NerDocument> read_conll2003(const std::string& path);
// GermEval 2014 "NER-de-<split>.tsv.gz", a document per sentence; outer tags only, *deriv and
// *part left out (no entities in INTERFACE.md's sense). Throws like read_conll2003.
std::vector<NerDocument> read_germeval(const std::string& path);

// MEANTIME in `language` (en, es, it, nl; <data>/clustering/meantime): headline and body, the
// gold its PER, ORG and LOC mentions. Only the entities of its annotated events are marked, so
// precision against it is a floor. Throws std::runtime_error when the file cannot be read.
std::vector<NerDocument> read_meantime_entities(const std::string& data_dir, const std::string& language);

inline constexpr std::array<const char*, 3> kScoredEntityTypes = {"person", "organization", "location"};

struct EntityTally {
  size_t given = 0, right = 0, gold = 0, found = 0;
  double precision() const { return given ? static_cast<double>(right) / static_cast<double>(given) : 0.0; }
  double recall() const { return gold ? static_cast<double>(found) / static_cast<double>(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct EntityScores {
  size_t documents = 0;
  std::array<EntityTally, kScoredEntityTypes.size()> by_type;
  EntityTally all;                  // every type together, the type counting
  EntityTally names;                // every type together, the type not counting (names alone)
  std::vector<std::string> misses;  // "id: given name (type)" wrong, up to the number asked
};

// The entities `find` gives for each document (its text, language and id) against the gold.
EntityScores score_entities(const std::vector<NerDocument>& documents,
                            const std::function<std::vector<Entity>(const Document&)>& find, size_t max_misses = 0);

// The English recognizer's entities (document_entities, all of them) against the gold.
EntityScores score_recognizer(const std::vector<NerDocument>& documents, size_t max_misses = 0);

}  // namespace storyline::eval
