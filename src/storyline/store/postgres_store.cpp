#include "storyline/store/postgres_store.h"

#include <stdexcept>

#include "storyline/store/postgres_schema.h"
#include "storyline/store/postgres_tables.h"

namespace storyline::store {
namespace {

// Marks the database as Storyline's, as SQLite's application_id does (a stranger's is refused).
constexpr const char* kMetaTable = "storyline_meta";
// pg_advisory_xact_lock key for migrations ("STRY").
constexpr int64_t kMigrationLock = 0x53545259;

}  // namespace

struct PostgresStore::Tables {
  explicit Tables(const std::string& address) : connection(address) {}
  PgConnection connection;
  PostgresDocuments documents{connection};
  PostgresFingerprints fingerprints{connection};
  PostgresStories stories{connection};
  PostgresSources sources{connection};
};

PostgresStore::PostgresStore(const std::string& address) : tables_(std::make_unique<Tables>(address)) {
  PgConnection& connection = tables_->connection;
  try {
    detail::pg_write(connection, [&] {
      connection.run("SELECT pg_advisory_xact_lock($1)", {pg_number(kMigrationLock)});
      const bool has_meta = connection.run("SELECT to_regclass($1) IS NOT NULL", {std::string(kMetaTable)}).text(0, 0) ==
                            "t";
      int version = 0;
      if (has_meta) {
        version = static_cast<int>(connection.run("SELECT schema_version FROM storyline_meta").integer(0, 0));
      } else {
        const int64_t tables =
            connection.run("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").integer(0, 0);
        if (tables > 0) throw std::runtime_error("not a Storyline store (it holds other tables); name a new database");
        connection.exec("CREATE TABLE storyline_meta (schema_version INTEGER NOT NULL)");
        connection.exec("INSERT INTO storyline_meta VALUES (0)");
      }
      const auto& all = postgres_migrations();
      if (version > static_cast<int>(all.size()))
        throw std::runtime_error("the store's schema (version " + std::to_string(version) +
                                 ") is newer than this build of storyline understands (" + std::to_string(all.size()) +
                                 "); use a newer storyline");
      for (int next = version; next < static_cast<int>(all.size()); ++next) {
        connection.exec(std::string(all[static_cast<size_t>(next)]));
        connection.run("UPDATE storyline_meta SET schema_version = $1", {pg_number(int64_t{next + 1})});
      }
    });
  } catch (const std::runtime_error& error) {
    const std::string what = error.what();
    if (what.starts_with(connection.address())) throw;
    throw std::runtime_error(connection.address() + ": " + what);
  }
}

PostgresStore::~PostgresStore() = default;

Documents& PostgresStore::documents() { return tables_->documents; }
const Documents& PostgresStore::documents() const { return tables_->documents; }
Fingerprints& PostgresStore::fingerprints() { return tables_->fingerprints; }
const Fingerprints& PostgresStore::fingerprints() const { return tables_->fingerprints; }
Stories& PostgresStore::stories() { return tables_->stories; }
const Stories& PostgresStore::stories() const { return tables_->stories; }
Sources& PostgresStore::sources() { return tables_->sources; }
const Sources& PostgresStore::sources() const { return tables_->sources; }

void PostgresStore::in_transaction(const std::function<void()>& work) {
  PgConnection& connection = tables_->connection;
  detail::pg_write(connection, [&] {
    // The store's own writes inside `work` join this transaction instead of opening theirs.
    connection.in_transaction = true;
    try {
      work();
    } catch (...) {
      connection.in_transaction = false;
      throw;
    }
    connection.in_transaction = false;
  });
}

std::string PostgresStore::integrity_check() const {
  // PostgreSQL checks its pages itself (and amcheck needs an extension); what Storyline can check
  // is that the schema is whole.
  const int version = schema_version();
  const int expected = static_cast<int>(postgres_migrations().size());
  return version == expected ? "ok" : "schema version " + std::to_string(version) + ", expected " + std::to_string(expected);
}

int PostgresStore::schema_version() const {
  return static_cast<int>(tables_->connection.run("SELECT schema_version FROM storyline_meta").integer(0, 0));
}

}  // namespace storyline::store
