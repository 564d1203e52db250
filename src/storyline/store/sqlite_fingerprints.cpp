// The embedded store's fingerprints, and which document copies which.
#include <SQLiteCpp/SQLiteCpp.h>

#include "storyline/store/sqlite_tables.h"

namespace storyline::store {

using namespace detail;

void SqliteFingerprints::save(const StoredFingerprint& fingerprint) {
  CachedStatement save = connection_.statement(
      "INSERT OR REPLACE INTO fingerprints(document_id, exact_hash, signature, scheme) VALUES (?, ?, ?, ?)");
  save.bind(1, fingerprint.document_id);
  save.bind(2, static_cast<int64_t>(fingerprint.exact_hash));
  save.bind(3, fingerprint.signature.data(), static_cast<int>(fingerprint.signature.size()));
  save.bind(4, fingerprint.scheme);
  save.exec();
}

void SqliteFingerprints::for_each(const std::function<void(StoredFingerprint&&)>& visit) const {
  // rowid order is insertion order, so a rebuilt index matches the one that was saved.
  CachedStatement query = connection_.statement(
      "SELECT document_id, exact_hash, signature, scheme FROM fingerprints ORDER BY rowid");
  while (query.executeStep()) {
    const SQLite::Column blob = query.getColumn(2);
    visit({query.getColumn(0).getString(), static_cast<uint64_t>(query.getColumn(1).getInt64()),
           std::string(static_cast<const char*>(blob.getBlob()), static_cast<size_t>(blob.getBytes())),
           query.getColumn(3).getInt()});
  }
}

void SqliteFingerprints::set_duplicate_of(const std::string& id, const std::optional<std::string>& original) {
  CachedStatement update = connection_.statement("UPDATE documents SET duplicate_of = ? WHERE id = ?");
  if (original) update.bind(1, *original);
  else update.bind(1);
  update.bind(2, id);
  update.exec();
}

std::optional<std::string> SqliteFingerprints::duplicate_of(const std::string& id) const {
  CachedStatement query = connection_.statement("SELECT duplicate_of FROM documents WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return column_optional(query.getColumn(0));
}

std::optional<std::string> SqliteFingerprints::original_of(const std::string& id) const {
  CachedStatement query = connection_.statement("SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

}  // namespace storyline::store
