// The PostgreSQL store's fingerprints, and which document copies which.
#include "storyline/store/postgres_tables.h"

namespace storyline::store {

void PostgresFingerprints::save(const StoredFingerprint& fingerprint) {
  connection_.run(
      "INSERT INTO fingerprints(document_id, exact_hash, signature, scheme) VALUES ($1, $2, $3::bytea, $4) "
      "ON CONFLICT (document_id) DO UPDATE SET exact_hash = excluded.exact_hash, signature = excluded.signature, "
      "scheme = excluded.scheme",
      {fingerprint.document_id, pg_number(static_cast<int64_t>(fingerprint.exact_hash)),
       PgConnection::bytea(fingerprint.signature), pg_number(int64_t{fingerprint.scheme})});
}

void PostgresFingerprints::for_each(const std::function<void(StoredFingerprint&&)>& visit) const {
  // Saved order, in pages (a store of millions is never one result in memory).
  constexpr int kPage = 5000;
  int64_t after = 0;
  while (true) {
    const PgResult result = connection_.run(
        "SELECT document_id, exact_hash, signature, scheme, seq FROM fingerprints WHERE seq > $1 ORDER BY seq LIMIT " +
            std::to_string(kPage),
        {pg_number(after)});
    for (int row = 0; row < result.rows(); ++row) {
      after = result.integer(row, 4);
      visit({result.text(row, 0), static_cast<uint64_t>(result.integer(row, 1)), result.bytes(row, 2),
             static_cast<int>(result.integer(row, 3))});
    }
    if (result.rows() < kPage) return;
  }
}

void PostgresFingerprints::set_duplicate_of(const std::string& id, const std::optional<std::string>& original) {
  connection_.run("UPDATE documents SET duplicate_of = $1 WHERE id = $2", {original, id});
}

std::optional<std::string> PostgresFingerprints::duplicate_of(const std::string& id) const {
  const PgResult result = connection_.run("SELECT duplicate_of FROM documents WHERE id = $1", {id});
  if (result.rows() == 0) return std::nullopt;
  return result.optional_text(0, 0);
}

std::optional<std::string> PostgresFingerprints::original_of(const std::string& id) const {
  const PgResult result = connection_.run("SELECT coalesce(duplicate_of, id) FROM documents WHERE id = $1", {id});
  if (result.rows() == 0) return std::nullopt;
  return result.text(0, 0);
}

}  // namespace storyline::store
