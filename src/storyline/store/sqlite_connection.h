#pragma once
// What the SQLite store's files share: the connection with its prepared statements, and how rows
// become documents. Private to src/storyline/store.
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "storyline/core/document.h"

namespace storyline::store {

// A statement prepared once per connection and reused (preparing costs more than running the
// small statements of ingest). Reset when the use ends, so that no read stays open and pins an
// old snapshot of the store.
class CachedStatement {
 public:
  explicit CachedStatement(SQLite::Statement& statement) : statement_(statement) {}
  ~CachedStatement() {
    try {
      statement_.reset();
      statement_.clearBindings();
    } catch (...) {
    }
  }
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;
  template <typename... Arguments>
  void bind(Arguments&&... arguments) {
    statement_.bind(std::forward<Arguments>(arguments)...);
  }
  int exec() { return statement_.exec(); }
  bool executeStep() { return statement_.executeStep(); }
  SQLite::Column getColumn(int index) { return statement_.getColumn(index); }
  void reset() { statement_.reset(); }
  operator SQLite::Statement&() { return statement_; }

 private:
  SQLite::Statement& statement_;
};

// One SQLite connection, shared by the tables of one SqliteStore.
struct SqliteConnection {
  explicit SqliteConnection(const std::string& path)
      : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX, 10000), path(path) {}
  SQLite::Database db;
  std::string path;
  bool in_transaction = false;  // inside in_transaction(): a write must not open its own
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;

  // Not re-entrant for one SQL text: a use must end before the same statement is used again.
  CachedStatement statement(const std::string& sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db, sql);
    return CachedStatement(*slot);
  }
};

namespace detail {

void bind_optional(SQLite::Statement& statement, const char* name, const std::optional<std::string>& value);
void bind_optional(SQLite::Statement& statement, const char* name, const std::optional<int64_t>& value);
std::optional<std::string> column_optional(const SQLite::Column& column);
std::optional<int64_t> column_optional_int(const SQLite::Column& column);
std::string dump(const nlohmann::json& value);

// The columns document_from_row() reads, in its order, from a table aliased `d`.
extern const char* const kDocumentColumns;
inline constexpr int kDocumentColumnCount = 18;  // the columns kDocumentColumns names
// Reads kDocumentColumns starting at column `first`.
Document document_from_row(SQLite::Statement& row, int first = 0);

}  // namespace detail
}  // namespace storyline::store
