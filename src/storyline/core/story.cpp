#include "storyline/core/story.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "storyline/core/iso_time.h"

namespace storyline {

void order_as_timeline(std::vector<Story>& stories) {
  std::vector<std::pair<std::optional<int64_t>, size_t>> order;
  order.reserve(stories.size());
  for (size_t i = 0; i < stories.size(); ++i)
    order.emplace_back(stories[i].first_published ? parse_iso_unix(*stories[i].first_published) : std::nullopt, i);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
    return a.first.value_or(0) < b.first.value_or(0);
  });
  std::vector<Story> ordered;
  ordered.reserve(stories.size());
  for (const auto& [when, i] : order) ordered.push_back(std::move(stories[i]));
  stories = std::move(ordered);
}

}  // namespace storyline
