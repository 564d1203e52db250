#pragma once
// What the store's source files share: the connection, and how rows become documents. Private
// to src/storyline/store.
#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "storyline/store/document_store.h"

namespace storyline::store {

struct DocumentStore::Impl {
  explicit Impl(const std::string& path)
      : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX, 10000) {}
  SQLite::Database db;
  std::string path;
  bool in_transaction = false;  // inside in_transaction(): upsert must not open its own
};

namespace detail {

void bind_optional(SQLite::Statement& statement, const char* name, const std::optional<std::string>& value);
std::optional<std::string> column_optional(const SQLite::Column& column);
std::string dump(const nlohmann::json& value);

// The columns document_from_row() reads, in its order, from a table aliased `d`.
extern const char* const kDocumentColumns;
inline constexpr int kDocumentColumnCount = 15;
// Reads kDocumentColumns starting at column `first`.
Document document_from_row(SQLite::Statement& row, int first = 0);

}  // namespace detail
}  // namespace storyline::store
