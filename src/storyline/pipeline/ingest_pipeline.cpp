#include "storyline/pipeline/ingest_pipeline.h"

#include <algorithm>
#include <set>
#include <unordered_set>
#include <vector>

#include "storyline/cluster/document_analysis.h"
#include "storyline/cluster/story_clusterer.h"
#include "storyline/core/story.h"
#include "storyline/dedup/duplicate_index.h"
#include "storyline/label/label_document.h"
#include "storyline/pipeline/story_analysis.h"
#include "storyline/pipeline/story_output.h"
#include "storyline/pipeline/story_record.h"

namespace storyline::pipeline {
namespace {

// What the dedup stage compares: the headline and the body (the excerpt when there is none).
std::string duplicate_text(const Document& document) {
  return document.title.value_or("") + "\n" + document.text.value_or(document.excerpt.value_or(""));
}

}  // namespace

struct IngestPipeline::Impl {
  explicit Impl(store::Store& s) : store(s), analyzer(clusterer.vocabulary(), story_analysis_options()) {}

  store::Store& store;
  dedup::DuplicateIndex duplicates;
  std::vector<std::string> indexed_ids;  // duplicate index position -> document id
  cluster::StoryClusterer clusterer;
  cluster::DocumentAnalyzer analyzer;
  std::vector<cluster::AnalyzedDocument> pending;  // stored, not yet clustered
  std::set<std::string> dirty_stories;             // records to rewrite
  std::set<std::string> stale_texts;               // records current but for their text

  // Rewrites a story's record; with `keep_text`, its text is kept from its last record when it
  // has one (then true).
  bool refresh(const std::string& story_id, bool keep_text = false) {
    const store::StoryMemberCounts counts = store.stories().member_counts(story_id);
    if (counts.articles == 0) {
      store.stories().remove(story_id);
      return false;
    }
    const std::optional<Story> last = keep_text ? store.stories().get(story_id) : std::nullopt;
    const std::vector<Document> articles = store.stories().articles(story_id, kStoryArticlesRead);
    std::vector<std::string> ids;
    ids.reserve(articles.size());
    for (const Document& article : articles) ids.push_back(article.id);
    // Of the copies, a record needs only their publishers (a story reprinted by hundreds of sites
    // read them all whole: 3.1 ms a rewrite, on every POST).
    const std::vector<store::StoredCopy> copies = store.stories().copy_publishers(ids, kStoryCopiesRead);
    const std::string storyline = clusterer.storyline_of(story_id).value_or(founded_storyline_id(story_id));
    store.stories().save(make_story_record(story_id, storyline, articles, counts.articles, heat_reference_time(store),
                                           copies, counts.copies, last ? &*last : nullptr));
    store.stories().save_related_storylines(storyline, clusterer.related_storylines(story_id));
    return last.has_value();
  }
};

IngestPipeline::IngestPipeline(store::Store& store) { load(store); }

void IngestPipeline::load(store::Store& store) {
  impl_ = std::make_unique<Impl>(store);
  // Fingerprints made under an older scheme (a store written by an earlier build) are made again
  // from the stored text, below, so that a new copy of an old article is still found.
  std::unordered_set<std::string> outdated;
  store.fingerprints().for_each([&](store::StoredFingerprint&& stored) {
    if (stored.scheme != dedup::kFingerprintScheme) {
      outdated.insert(std::move(stored.document_id));
      return;
    }
    impl_->duplicates.add({stored.exact_hash, dedup::decode_signature(stored.signature)});
    impl_->indexed_ids.push_back(std::move(stored.document_id));
  });
  std::vector<store::StoredFingerprint> remade;
  std::vector<cluster::RestoredDocument> restored;
  store.documents().for_each([&](store::StoredDocument&& stored) {
    if (outdated.contains(stored.document.id)) {
      dedup::Fingerprint fingerprint = impl_->duplicates.fingerprint(duplicate_text(stored.document));
      remade.push_back({stored.document.id, fingerprint.exact_hash, dedup::encode_signature(fingerprint.signature),
                        dedup::kFingerprintScheme});
      impl_->duplicates.add(std::move(fingerprint));
      impl_->indexed_ids.push_back(stored.document.id);
    }
    if (stored.duplicate_of) return;  // a copy is its original's extra source, not a member of its own
    if (stored.document.is_news == false && !stored.story_id) return;  // stored, searchable, in no story
    cluster::AnalyzedDocument analyzed = impl_->analyzer.analyze(stored.document);
    if (!stored.story_id) {
      impl_->pending.push_back(std::move(analyzed));
      return;
    }
    const std::string storyline = stored.storyline_id.value_or(founded_storyline_id(*stored.story_id));
    restored.push_back({std::move(analyzed), *stored.story_id, storyline});
  });
  impl_->clusterer.restore(std::move(restored));
  if (!remade.empty())
    store.in_transaction([&] {
      for (const store::StoredFingerprint& fingerprint : remade) store.fingerprints().save(fingerprint);
    });
  // Records the last run left stale (it died before rewriting them: ingest_pipeline.h's kLater)
  // are rewritten now, from the stories' documents.
  for (std::string& story : store.stories().stale()) impl_->dirty_stories.insert(std::move(story));
  if (!impl_->pending.empty() || !impl_->dirty_stories.empty()) store.in_transaction([&] { cluster_pending(); });
}

void IngestPipeline::in_transaction(const std::function<void()>& work) {
  try {
    impl_->store.in_transaction(work);
  } catch (...) {
    // The store rolled back; what this run holds in memory (the duplicate index, the stories,
    // documents waiting to be clustered, records to rewrite) may name what was never committed.
    // It is rebuilt from the store, as on start, so that it never drifts from the database.
    load(impl_->store);
    throw;
  }
}

IngestPipeline::~IngestPipeline() = default;

IngestOutcome IngestPipeline::add(Document document) {
  label::label_document(document);
  IngestOutcome result;
  result.id = document.id;
  dedup::Fingerprint fingerprint = impl_->duplicates.fingerprint(duplicate_text(document));
  const auto match = impl_->duplicates.find(fingerprint);
  std::optional<std::string> original;
  // The article a match copies: a copy's fingerprint is indexed too, so a third copy may match
  // the second; it is a copy of the first all the same (copies never chain). A match removed
  // since (DELETE, time to live) is no original.
  if (match && impl_->indexed_ids[match->existing] != document.id)
    original = impl_->store.fingerprints().original_of(impl_->indexed_ids[match->existing]);
  if (original == document.id) original.reset();

  const store::UpsertResult upsert = impl_->store.documents().upsert(document);
  result.outcome = upsert.outcome;
  if (upsert.outcome == store::UpsertOutcome::kUnchanged) {
    result.duplicate_of = impl_->store.fingerprints().duplicate_of(document.id);
    return result;
  }
  if (upsert.outcome == store::UpsertOutcome::kUpdated) {
    // An updated article stays in its story (its first version placed it); the story's record
    // is rewritten with the new text. One that is no longer news leaves it.
    if (auto story = impl_->store.stories().story_of(document.id)) {
      if (document.is_news == false) impl_->store.stories().move_article_with_copies(document.id, std::nullopt);
      impl_->dirty_stories.insert(*story);
    }
    return result;
  }
  // Not news (a product, listing, forum or test page...): stored and searchable, but it forms no
  // story, so it counts for no heat and never reaches the front page or /threads. It is no
  // original of later copies either (its fingerprint is not kept): a report that repeats it still
  // gets its own story, and it adds no source to a report it repeats.
  if (document.is_news == false) return result;
  impl_->store.fingerprints().set_duplicate_of(document.id, original);
  result.duplicate_of = original;
  if (!fingerprint.signature.empty()) {
    impl_->store.fingerprints().save(
        {document.id, fingerprint.exact_hash, dedup::encode_signature(fingerprint.signature), dedup::kFingerprintScheme});
    impl_->duplicates.add(std::move(fingerprint));
    impl_->indexed_ids.push_back(document.id);
  }
  if (original) {
    // A syndicated copy: one more source for the original's story (set now, or when the
    // original is clustered in this same batch).
    if (auto story = impl_->store.stories().story_of(*original)) {
      impl_->store.stories().move_article_with_copies(*original, story);
      impl_->dirty_stories.insert(*story);
    }
    return result;
  }
  impl_->pending.push_back(impl_->analyzer.analyze(document));
  return result;
}

void IngestPipeline::cluster_pending(Storys records) {
  place_pending();
  Impl& impl = *impl_;
  if (records == Storys::kRewriteNow) refresh_stories();
  // Listed in the caller's transaction, with the documents that made them stale.
  else if (!impl.dirty_stories.empty()) impl.store.stories().mark_stale(impl.dirty_stories);
}

void IngestPipeline::place_pending() {
  Impl& impl = *impl_;
  if (!impl.pending.empty()) impl.clusterer.add_batch(std::exchange(impl.pending, {}));
  const cluster::ClusterChanges changes = impl.clusterer.take_changes();
  for (size_t document : changes.documents)
    impl.store.stories().move_article_with_copies(impl.clusterer.document_id(document), impl.clusterer.story_id(document));
  for (const auto& [absorbed, absorbing] : changes.merged_storylines)
    impl.store.stories().rename_storyline(absorbed, absorbing);
  for (const std::string& story : changes.removed_stories) {
    impl.store.stories().remove(story);
    impl.dirty_stories.erase(story);
    impl.stale_texts.erase(story);
  }
  impl.dirty_stories.insert(changes.stories.begin(), changes.stories.end());
}

size_t IngestPipeline::refresh_stories(Texts texts) {
  Impl& impl = *impl_;
  const size_t count = impl.dirty_stories.size();
  if (texts == Texts::kLater) {
    for (const std::string& story : impl.dirty_stories)
      if (impl.refresh(story, true)) impl.stale_texts.insert(story);
    impl.dirty_stories.clear();
    return count;  // all stay listed in the store: their texts are still to be written
  }
  impl.dirty_stories.merge(impl.stale_texts);
  impl.stale_texts.clear();
  const size_t rewritten = impl.dirty_stories.size();
  for (const std::string& story : impl.dirty_stories) impl.refresh(story);
  impl.dirty_stories.clear();
  impl.store.stories().clear_stale();
  return rewritten;
}

bool IngestPipeline::has_stale_stories() const { return !impl_->dirty_stories.empty() || !impl_->stale_texts.empty(); }

bool IngestPipeline::has_stale_counts() const { return !impl_->dirty_stories.empty(); }

bool IngestPipeline::remove(const std::string& id) {
  const auto story = impl_->store.stories().story_of(id);
  std::string promoted;
  if (!impl_->store.documents().remove(id, &promoted)) return false;
  // The copy that became the article stands in for it in the clusterer (it is a near duplicate),
  // so that later merges and splits of the story reach it and its copies.
  if (!promoted.empty()) impl_->clusterer.rename_document(id, promoted);
  if (story) impl_->refresh(*story);
  return true;
}

size_t IngestPipeline::purge_expired(int64_t now_unix_seconds) {
  size_t removed = 0;
  for (const std::string& id : impl_->store.documents().expired(now_unix_seconds)) removed += remove(id);
  return removed;
}

}  // namespace storyline::pipeline
