#pragma once
// The embedded store: SQLite in WAL mode (one file, no server), with a versioned schema
// (schema.h) and full-text search (FTS5). What open_store() gives for a file path.
#include <memory>
#include <string>

#include "storyline/store/store.h"

namespace storyline::store {

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) and migrates the file. Throws std::runtime_error naming the file
  // and what is wrong (not a Storyline store, newer schema than this build, corrupt).
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Documents& documents() override;
  const Documents& documents() const override;
  Fingerprints& fingerprints() override;
  const Fingerprints& fingerprints() const override;
  Stories& stories() override;
  const Stories& stories() const override;
  Sources& sources() override;
  const Sources& sources() const override;
  void in_transaction(const std::function<void()>& work) override;
  std::string integrity_check() const override;
  int schema_version() const override;

 private:
  struct Tables;
  std::unique_ptr<Tables> tables_;
};

}  // namespace storyline::store
