#pragma once
// The store, cut by concern: documents, fingerprints, stories and sources over one connection and
// one migration history, and transactions that span them. An interface, so that a second
// implementation (PostgreSQL, issue 17) plugs in where the embedded SQLite one does
// (sqlite_store.h). One Store per thread: readers run beside the one writer.
#include <functional>
#include <memory>
#include <string>

#include "storyline/store/documents.h"
#include "storyline/store/fingerprints.h"
#include "storyline/store/sources.h"
#include "storyline/store/stories.h"

namespace storyline::store {

class Store {
 public:
  virtual ~Store() = default;

  virtual Documents& documents() = 0;
  virtual const Documents& documents() const = 0;
  virtual Fingerprints& fingerprints() = 0;
  virtual const Fingerprints& fingerprints() const = 0;
  virtual Stories& stories() = 0;
  virtual const Stories& stories() const = 0;
  virtual Sources& sources() = 0;
  virtual const Sources& sources() const = 0;

  // Runs `work` inside one transaction (much faster for bulk ingest): committed when it returns,
  // rolled back when it throws (and the exception passed on). Writes outside one commit at once.
  virtual void in_transaction(const std::function<void()>& work) = 0;

  // "ok" when the store is sound, else what is wrong.
  virtual std::string integrity_check() const = 0;
  // How many of the store's migrations have run.
  virtual int schema_version() const = 0;
};

// Opens (creating if needed) and migrates the store at `address`: `postgresql://...` (or
// `postgres://`) for a PostgreSQL database (postgres_store.h), anything else a file path for the
// embedded SQLite store (sqlite_store.h). Throws std::runtime_error naming the store and what is
// wrong (not a Storyline store, newer schema than this build, corrupt, unreachable).
std::unique_ptr<Store> open_store(const std::string& address);

// True for an address open_store() reads as PostgreSQL's (postgresql:// or postgres://); any
// other address is a file, which a command may check exists before it opens it.
bool is_postgres_address(const std::string& address);

}  // namespace storyline::store
