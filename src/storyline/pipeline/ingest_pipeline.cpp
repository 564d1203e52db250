#include "storyline/pipeline/ingest_pipeline.h"

#include <vector>

#include "storyline/dedup/duplicate_index.h"
#include "storyline/label/label_document.h"

namespace storyline::pipeline {

struct IngestPipeline::Impl {
  explicit Impl(store::DocumentStore& s) : store(s) {}
  store::DocumentStore& store;
  dedup::DuplicateIndex duplicates;
  std::vector<std::string> indexed_ids;  // duplicate index position -> document id
};

IngestPipeline::IngestPipeline(store::DocumentStore& store) : impl_(std::make_unique<Impl>(store)) {
  store.for_each_fingerprint([&](store::DocumentStore::StoredFingerprint&& stored) {
    impl_->duplicates.add({stored.exact_hash, dedup::decode_signature(stored.signature)});
    impl_->indexed_ids.push_back(std::move(stored.document_id));
  });
}

IngestPipeline::~IngestPipeline() = default;

IngestOutcome IngestPipeline::add(Document document) {
  label::label_document(document);
  IngestOutcome result;
  result.id = document.id;
  const std::string text = document.title.value_or("") + "\n" + document.text.value_or(document.excerpt.value_or(""));
  dedup::Fingerprint fingerprint = impl_->duplicates.fingerprint(text);
  const auto match = impl_->duplicates.find(fingerprint);
  std::optional<std::string> original;
  if (match && impl_->indexed_ids[match->existing] != document.id) original = impl_->indexed_ids[match->existing];

  const store::UpsertResult upsert = impl_->store.upsert(document);
  result.outcome = upsert.outcome;
  if (upsert.outcome == store::UpsertOutcome::kUnchanged) {
    result.duplicate_of = impl_->store.duplicate_of(document.id);
    return result;
  }
  impl_->store.set_duplicate_of(document.id, original);
  result.duplicate_of = original;
  if (upsert.outcome == store::UpsertOutcome::kInserted && !fingerprint.signature.empty()) {
    impl_->store.save_fingerprint({document.id, fingerprint.exact_hash, dedup::encode_signature(fingerprint.signature)});
    impl_->duplicates.add(std::move(fingerprint));
    impl_->indexed_ids.push_back(document.id);
  }
  return result;
}

}  // namespace storyline::pipeline
