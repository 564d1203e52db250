#pragma once
// Who carries a story: each article's publisher and the publishers of its stored copies, and
// the story's publishers with what each contributed. Copies (exact and near duplicates, linked
// by the dedup stage) are sources of the article they copy, not articles: a wire story that
// three sites print is one article with three publishers. Publishers are core/publisher.h's.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/core/publisher.h"
#include "storyline/store/store.h"

namespace storyline::pipeline {

// A copy printed by another publisher than the article's own.
struct CopySource {
  Publisher publisher;
  std::string id;                  // the copy's document id
  std::optional<std::string> url;  // where that publisher printed it
};

struct ArticleSources {
  Publisher publisher;
  size_t copy_count = 0;                      // stored copies folded into the article, any publisher
  std::vector<CopySource> also_published_by;  // other publishers among them, each once, first copy first
};

// Article id -> its sources, for every article in `articles` (copies of other articles are left out).
std::map<std::string, ArticleSources> article_sources(const std::vector<Document>& articles,
                                                      const std::vector<store::StoredCopy>& copies);

struct PublisherCoverage {
  Publisher publisher;  // named by the first of its documents that gives a site name
  size_t articles = 0;  // articles it published first
  size_t copies = 0;    // copies of others' (or its own) articles it printed
};

// Every publisher of the story, articles' and copies': most articles first, then most copies,
// then by name. Its size is the story's publisher count.
std::vector<PublisherCoverage> story_coverage(const std::vector<Document>& articles,
                                              const std::vector<store::StoredCopy>& copies);

}  // namespace storyline::pipeline
