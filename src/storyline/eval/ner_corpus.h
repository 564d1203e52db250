#pragma once
// The NER sets of ../shared/data/entities as tagged sentences: CoNLL-2003 (English Reuters news,
// documents from -DOCSTART-; token, POS, chunk, IOB2 tag) and GermEval 2014 (German sentences of
// Wikipedia and news, each its own document; index, token, outer and inner IOB2 tags, of which
// the outer is read). Tags are kept as written ("B-PER", "I-LOCderiv", "O").
#include <cstddef>
#include <string>
#include <vector>

namespace storyline::eval {

struct NerSentence {
  size_t document = 0;  // sentences of one document share it
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // one per token
};

// Throw std::runtime_error naming the file and line when it cannot be read.
std::vector<NerSentence> read_conll2003_sentences(const std::string& path);
std::vector<NerSentence> read_germeval_sentences(const std::string& path);

// PER, ORG, LOC, MISC/OTH as INTERFACE.md's types (person, organization, location, other); ""
// for what is no entity in its sense (GermEval's *deriv and *part: "deutsche", "EU-Kommission").
std::string interface_entity_type(const std::string& label);

}  // namespace storyline::eval
