#pragma once
// Near-duplicate bookkeeping: the fingerprint of each stored document (opaque bytes to the
// store) and, for a copy, the article it copies. One concern of the store (store.h).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace storyline::store {

struct StoredFingerprint {
  std::string document_id;
  uint64_t exact_hash = 0;
  std::string signature;
  int scheme = 1;  // how it was made (the dedup stage's number); stores before it hold 1
};

class Fingerprints {
 public:
  virtual ~Fingerprints() = default;

  virtual void save(const StoredFingerprint& fingerprint) = 0;
  // In the order they were saved, so that a rebuilt index matches the one that was saved.
  virtual void for_each(const std::function<void(StoredFingerprint&&)>& visit) const = 0;
  // Marks a stored document as a copy of `original` (or as no copy).
  virtual void set_duplicate_of(const std::string& id, const std::optional<std::string>& original) = 0;
  virtual std::optional<std::string> duplicate_of(const std::string& id) const = 0;
  // The article `id` is a copy of, or `id` itself when it is no copy; nullopt when not stored.
  virtual std::optional<std::string> original_of(const std::string& id) const = 0;
};

}  // namespace storyline::store
