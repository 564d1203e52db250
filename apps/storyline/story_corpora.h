#pragma once
// The labelled story sets on ../shared/data and gold/ (ECB+, MEANTIME's four languages together,
// the contest gold read by hand, BBC's duplicates), read and analysed as ingest would, in a fixed
// shuffled order: what `storyline eval clustering` scores and `storyline train same-event` learns from.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/term_vectors.h"
#include "storyline/eval/ecbplus_corpus.h"
#include "storyline/eval/same_event_fit.h"
#include "storyline/pipeline/story_analysis.h"

namespace storyline::cli {

struct StoryCorpusOptions {
  std::string data = "../shared/data";
  std::string gold;      // the folder of the hand-read gold sets; eval::default_gold_folder() when empty
  uint32_t seed = 1;     // of the fixed shuffled order
  bool entities = true;  // label entities before analysis, as ingest does
  cluster::AnalysisOptions analysis = pipeline::story_analysis_options();  // as ingest analyses
};

// One labelled story set, in the order it is fed. Documents without a gold story are clustered
// (they are the stream around the gold) but not scored.
struct Corpus {
  std::string name;
  std::vector<cluster::AnalyzedDocument> documents;
  std::vector<std::string> gold_stories, gold_storylines;  // "" where there is no gold
  std::vector<std::string> titles;
  std::vector<std::string> languages;
  struct Pair {
    size_t a = 0, b = 0;
    bool same_event = false;
    bool cross_language = false;
    std::string language;  // of the first page
  };
  std::vector<Pair> pairs;
  cluster::Vocabulary vocabulary;
  double analysis_seconds = 0;
};

// 0..count-1 shuffled by Fisher-Yates with mt19937 and a plain modulo: std::shuffle's result
// differs between standard libraries, and the order must be the same everywhere.
std::vector<size_t> fixed_shuffle(size_t count, uint32_t seed);

// ECB+ (always; std::runtime_error when it is missing), then each other set whose name `wanted`
// accepts and whose data is there.
std::vector<Corpus> load_story_corpora(const StoryCorpusOptions& options,
                                       const std::function<bool(const std::string& name)>& wanted);

// Same-event and different-event pairs of the corpus's gold (cluster::labelled_pairs).
std::vector<cluster::LabelledPair> pairs_of(const Corpus& corpus, uint32_t seed);

}  // namespace storyline::cli
