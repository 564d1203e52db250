#include "storyline/core/story.h"

#include <algorithm>

namespace storyline {

void order_as_timeline(std::vector<Story>& stories) {
  std::stable_sort(stories.begin(), stories.end(), [](const Story& a, const Story& b) {
    if (a.first_published.has_value() != b.first_published.has_value()) return a.first_published.has_value();
    return a.first_published && a.first_published->unix_seconds() < b.first_published->unix_seconds();
  });
}

}  // namespace storyline
