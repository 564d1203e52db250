#pragma once
// BCubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin 1998):
// per document, the share of its cluster that shares its gold label, and the share of its gold
// class that shares its cluster; averaged over documents.
#include <string>
#include <vector>

namespace storyline::cluster {

struct BCubedScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  size_t clusters = 0;
  size_t gold_classes = 0;
};

// `predicted[i]` and `gold[i]` label document i.
BCubedScore bcubed(const std::vector<std::string>& predicted, const std::vector<std::string>& gold);

}  // namespace storyline::cluster
