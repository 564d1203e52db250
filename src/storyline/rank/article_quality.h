#pragma once
// How good one article is as a member of a story: enough body to read, complete metadata, and no
// leftover page chrome. Used by story heat (better-written coverage counts a little more) and by
// the summarizer's headline choice.
#include "storyline/core/document.h"

namespace storyline::rank {

struct ArticleQualityParts {
  double body = 0;         // 0..1: how much article text there is (saturates around 600 words)
  double metadata = 0;     // 0..1: title, date, author, publisher, URL, image, excerpt present
  double cleanliness = 0;  // 0..1: 1 = no sign of leftover boilerplate
};

struct ArticleQuality {
  int score = 0;  // 0..100
  ArticleQualityParts parts;
};

ArticleQuality article_quality(const Document& document);

}  // namespace storyline::rank
