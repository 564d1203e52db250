#include "storyline/store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <stdexcept>

#include "storyline/store/schema.h"
#include "storyline/store/sqlite_tables.h"

namespace storyline::store {

namespace {

// PRAGMA application_id marks the file as ours ("STRY"), so a stranger's database is refused.
constexpr int kApplicationId = 0x53545259;

}  // namespace

struct SqliteStore::Tables {
  explicit Tables(const std::string& path) : connection(path) {}
  SqliteConnection connection;
  SqliteDocuments documents{connection};
  SqliteFingerprints fingerprints{connection};
  SqliteStories stories{connection};
  SqliteSources sources{connection};
};

SqliteStore::SqliteStore(const std::string& path) {
  try {
    tables_ = std::make_unique<Tables>(path);
    auto& db = tables_->connection.db;
    const int application_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const bool empty = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
    if (!empty && application_id != kApplicationId)
      throw std::runtime_error("not a Storyline store (it holds other tables); name a new file with --db");
    // WAL: readers never block the writer, and a crash loses nothing that was committed.
    db.exec("PRAGMA journal_mode=WAL");
    // NORMAL in WAL mode: a committed transaction survives the process being killed (it is in the
    // WAL file); only an OS crash or power cut can lose the last commits.
    db.exec("PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA foreign_keys=ON");
    const auto& all = migrations();
    if (version > static_cast<int>(all.size()))
      throw std::runtime_error("the store's schema (version " + std::to_string(version) +
                               ") is newer than this build of storyline understands (" + std::to_string(all.size()) +
                               "); use a newer storyline");
    for (int next = version; next < static_cast<int>(all.size()); ++next) {
      SQLite::Transaction transaction(db);
      db.exec(std::string(all[static_cast<size_t>(next)]));
      db.exec("PRAGMA user_version=" + std::to_string(next + 1));
      db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
      transaction.commit();
    }
  } catch (const SQLite::Exception& error) {
    throw std::runtime_error(path + ": cannot open the store: " + error.what());
  } catch (const std::runtime_error& error) {
    if (std::string(error.what()).starts_with(path)) throw;
    throw std::runtime_error(path + ": " + error.what());
  }
}

SqliteStore::~SqliteStore() = default;

Documents& SqliteStore::documents() { return tables_->documents; }
const Documents& SqliteStore::documents() const { return tables_->documents; }
Fingerprints& SqliteStore::fingerprints() { return tables_->fingerprints; }
const Fingerprints& SqliteStore::fingerprints() const { return tables_->fingerprints; }
Stories& SqliteStore::stories() { return tables_->stories; }
const Stories& SqliteStore::stories() const { return tables_->stories; }
Sources& SqliteStore::sources() { return tables_->sources; }
const Sources& SqliteStore::sources() const { return tables_->sources; }

void SqliteStore::in_transaction(const std::function<void()>& work) {
  SqliteConnection& connection = tables_->connection;
  SQLite::Transaction transaction(connection.db);
  connection.in_transaction = true;
  try {
    work();
  } catch (...) {
    connection.in_transaction = false;
    throw;  // the Transaction's destructor rolls back
  }
  connection.in_transaction = false;
  transaction.commit();
}

std::string SqliteStore::integrity_check() const {
  return tables_->connection.db.execAndGet("PRAGMA integrity_check").getString();
}

int SqliteStore::schema_version() const { return tables_->connection.db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace storyline::store
