#pragma once
// The live sources: the feeds to poll, the health of their last fetch, and the items each has
// given (so that no item is fetched or ingested twice). One concern of the store (store.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storyline/store/source_record.h"

namespace storyline::store {

class Sources {
 public:
  virtual ~Sources() = default;

  // Sources are keyed by their feed URL: fills id and added_at; keeps an existing one as it is.
  virtual SourceAdded add(SourceRecord& source) = 0;
  virtual std::vector<SourceRecord> all() const = 0;  // in the order they were added
  virtual std::optional<SourceRecord> get(int64_t id) const = 0;
  virtual std::optional<SourceRecord> by_url(const std::string& url) const = 0;
  virtual bool remove(int64_t id) = 0;                                        // its fetch state and seen items go with it
  virtual std::vector<SourceRecord> due(int64_t now_unix_seconds) const = 0;  // soonest due first
  virtual void save_state(int64_t id, const SourceFetchState& state) = 0;
  // Items (by URL, or "id:" and the document id when the item has no URL) already ingested from
  // any source, or stored as a document with that URL: their pages are never fetched again.
  virtual bool item_known(const std::string& item_key) const = 0;
  virtual void record_item(int64_t source_id, const std::string& item_key, const std::string& document_id) = 0;
};

}  // namespace storyline::store
