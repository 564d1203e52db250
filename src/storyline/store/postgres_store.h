#pragma once
// The shared store for several machines: a PostgreSQL database (`--db postgresql://...`), behind
// the same interface as the embedded one, with the same schema version (postgres_schema.h) and
// PostgreSQL's own full-text search. One PostgresStore (one connection) per thread.
#include <memory>
#include <string>

#include "storyline/store/store.h"

namespace storyline::store {

class PostgresStore final : public Store {
 public:
  // Connects and migrates (one process at a time: an advisory lock). Throws std::runtime_error
  // naming the database (without its password) and what is wrong.
  explicit PostgresStore(const std::string& address);
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

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
