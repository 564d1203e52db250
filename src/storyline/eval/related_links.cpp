#include "storyline/eval/related_links.h"

#include <algorithm>

namespace storyline::cluster {

RelatedLinkScore related_links_within_gold(const std::vector<std::string>& storyline_of,
                                           const std::vector<std::string>& gold_storylines,
                                           const std::map<std::string, std::vector<std::string>>& related) {
  std::map<std::string, std::map<std::string, size_t>> gold_counts;  // made storyline -> gold -> documents
  for (size_t i = 0; i < storyline_of.size(); ++i)
    if (!gold_storylines[i].empty()) ++gold_counts[storyline_of[i]][gold_storylines[i]];
  std::map<std::string, std::string> main_gold;
  for (const auto& [made, counts] : gold_counts)
    main_gold[made] = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                        return a.second < b.second;
                      })->first;
  RelatedLinkScore score;
  score.storylines = main_gold.size();
  for (const auto& [made, others] : related) {
    const auto own = main_gold.find(made);
    if (own == main_gold.end()) continue;
    bool any = false;
    for (const std::string& other : others) {
      const auto found = main_gold.find(other);
      if (found == main_gold.end()) continue;
      any = true;
      ++score.links;
      score.within_gold += found->second == own->second;
    }
    score.storylines_with_links += any;
  }
  return score;
}

}  // namespace storyline::cluster
