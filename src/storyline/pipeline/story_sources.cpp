#include "storyline/pipeline/story_sources.h"

#include <algorithm>
#include <unordered_map>

namespace storyline::pipeline {
namespace {

// A publisher seen again: the first site name it is given names it (a bare domain is only a
// stand-in until one is known).
void name_from(Publisher& known, const Publisher& seen) {
  const bool named = !known.name.empty() && known.name != known.key;
  if (!named && !seen.name.empty() && (seen.name != seen.key || known.name.empty())) known.name = seen.name;
}

// The publishers of a story's articles, then of its copies, in that order: core/publisher.h's,
// counted together, so that a copy or article known only by its site name is the publisher
// whose domain goes by that name.
std::vector<Publisher> story_publishers(const std::vector<Document>& articles,
                                        const std::vector<store::StoredCopy>& copies) {
  std::vector<const Document*> documents;
  documents.reserve(articles.size() + copies.size());
  for (const Document& article : articles) documents.push_back(&article);
  for (const store::StoredCopy& copy : copies) documents.push_back(&copy.document);
  return publishers_of(documents);
}

}  // namespace

std::map<std::string, ArticleSources> article_sources(const std::vector<Document>& articles,
                                                      const std::vector<store::StoredCopy>& copies) {
  std::vector<Publisher> publishers = story_publishers(articles, copies);
  std::map<std::string, ArticleSources> sources;
  for (size_t i = 0; i < articles.size(); ++i) sources[articles[i].id].publisher = std::move(publishers[i]);
  for (size_t c = 0; c < copies.size(); ++c) {
    const store::StoredCopy& copy = copies[c];
    const auto found = sources.find(copy.original_id);
    if (found == sources.end()) continue;
    ArticleSources& article = found->second;
    ++article.copy_count;
    Publisher publisher = std::move(publishers[articles.size() + c]);
    if (publisher.key == article.publisher.key) {
      name_from(article.publisher, publisher);
      continue;
    }
    const auto same = std::find_if(article.also_published_by.begin(), article.also_published_by.end(),
                                   [&](const CopySource& other) { return other.publisher.key == publisher.key; });
    if (same != article.also_published_by.end()) {
      name_from(same->publisher, publisher);
      continue;
    }
    article.also_published_by.push_back({std::move(publisher), copy.document.id, copy.document.url});
  }
  return sources;
}

std::vector<PublisherCoverage> story_coverage(const std::vector<Document>& articles,
                                              const std::vector<store::StoredCopy>& copies) {
  std::vector<Publisher> publishers = story_publishers(articles, copies);
  std::vector<PublisherCoverage> coverage;
  std::unordered_map<std::string, size_t> position;  // key -> index in coverage
  for (size_t i = 0; i < publishers.size(); ++i) {
    const bool copy = i >= articles.size();
    Publisher& publisher = publishers[i];
    auto [entry, inserted] = position.emplace(publisher.key, coverage.size());
    if (inserted) coverage.push_back({std::move(publisher), 0, 0});
    else name_from(coverage[entry->second].publisher, publisher);
    PublisherCoverage& counted = coverage[entry->second];
    ++(copy ? counted.copies : counted.articles);
  }
  std::stable_sort(coverage.begin(), coverage.end(), [](const PublisherCoverage& a, const PublisherCoverage& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    if (a.copies != b.copies) return a.copies > b.copies;
    if (a.publisher.name.empty() != b.publisher.name.empty()) return b.publisher.name.empty();  // unnamed last
    return a.publisher.name < b.publisher.name;
  });
  return coverage;
}

}  // namespace storyline::pipeline
