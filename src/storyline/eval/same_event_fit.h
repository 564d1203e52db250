#pragma once
// The same-event decision learned from labelled pairs instead of chosen by hand: a logistic
// regression over the four block cosines of two documents (body, title, names, people). Its
// weights, normalised, are exactly the clusterer's block shares, and its intercept gives the join
// threshold: the online clusterer already compares documents by the share-weighted sum of block
// cosines, so the learned decision drops into it without a second similarity.
// `storyline eval clustering --fit` fits it on each corpus and scores it on the others.
#include <string>
#include <vector>

#include "storyline/cluster/document_analysis.h"

namespace storyline::cluster {

struct BlockCosines {
  float body = 0, title = 0, names = 0, people = 0;
};

// Cosines of two documents' blocks (block_vectors of each).
BlockCosines block_cosines(const BlockVectors& a, const BlockVectors& b);

struct LabelledPair {
  BlockCosines cosines;
  bool same_event = false;
  float weight = 1;
};

// Pairs from a labelled corpus: every pair of one gold story (at most `max_per_class` over the
// corpus, evenly sampled) against the hard pairs, two stories of one storyline (the same
// subject: what the decision must tell apart). Each class weighs half in the fit. `seed` fixes
// the sample.
std::vector<LabelledPair> labelled_pairs(const std::vector<AnalyzedDocument>& documents,
                                         const std::vector<std::string>& stories, const std::vector<std::string>& storylines,
                                         const DocumentFrequencies& frequencies, size_t max_per_class, uint32_t seed);

struct SameEventDecision {
  BlockShares shares;      // the weights, normalised to sum 1 (a negative weight counts 0)
  float threshold = 0.2f;  // the join point (a fitted probability of 2/3), on the shares' scale
  float weights[4] = {};   // body, title, names, people, as fitted
  float bias = 0;
};

// Shares and threshold from fitted weights (body, title, names, people) and intercept: the
// threshold is where the fitted probability of one event reaches 2/3 (same_event_fit.cpp says why).
SameEventDecision decision_from_weights(const float (&weights)[4], float bias);

// Logistic regression by full-batch gradient descent (four features: no library needed for it,
// and the result is the same on every machine). L2 penalty `l2` keeps the weights finite when the
// classes separate.
SameEventDecision fit_same_event(const std::vector<LabelledPair>& pairs, float l2 = 1e-3f);

// Accuracy of the decision on pairs (share-weighted cosine >= threshold), each pair weighted.
double decision_accuracy(const SameEventDecision& decision, const std::vector<LabelledPair>& pairs);

}  // namespace storyline::cluster
