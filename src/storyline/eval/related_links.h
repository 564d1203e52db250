#pragma once
// Related storylines judged by gold storylines: a link between two made storylines is right when
// their scored documents belong mostly to one gold storyline (ECB+'s topic, MEANTIME's). Links
// to or from storylines without scored documents are not judged.
#include <map>
#include <string>
#include <vector>

namespace storyline::cluster {

struct RelatedLinkScore {
  size_t links = 0;        // judged links
  size_t within_gold = 0;  // of them, within one gold storyline
  size_t storylines_with_links = 0;
  size_t storylines = 0;  // made storylines with scored documents
};

// `storyline_of[i]` and `gold_storylines[i]` label document i ("" gold: not scored); `related`
// maps a made storyline to those related to it.
RelatedLinkScore related_links_within_gold(const std::vector<std::string>& storyline_of,
                                           const std::vector<std::string>& gold_storylines,
                                           const std::map<std::string, std::vector<std::string>>& related);

}  // namespace storyline::cluster
