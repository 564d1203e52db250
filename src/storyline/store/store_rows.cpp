// Row and binding helpers shared by the store's source files.
#include <nlohmann/json.hpp>

#include "storyline/core/document_json_detail.h"
#include "storyline/store/sqlite_connection.h"

namespace storyline::store::detail {

void bind_optional(SQLite::Statement& statement, const char* name, const std::optional<std::string>& value) {
  if (value) statement.bind(name, *value);
  else statement.bind(name);
}

std::optional<std::string> column_optional(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

void bind_optional(SQLite::Statement& statement, const char* name, const std::optional<int64_t>& value) {
  if (value) statement.bind(name, *value);
  else statement.bind(name);
}

std::optional<int64_t> column_optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const char* const kDocumentColumns =
    "d.id, d.source, d.url, d.title, d.text, d.excerpt, d.published, d.author, d.site_name, d.domain, d.language, "
    "d.category, d.topics, d.entities, d.images, d.is_news, d.section, d.page_types";

Document document_from_row(SQLite::Statement& row, int first) {
  Document document;
  document.id = row.getColumn(first + 0).getString();
  document.source = row.getColumn(first + 1).getString();
  document.url = column_optional(row.getColumn(first + 2));
  document.title = column_optional(row.getColumn(first + 3));
  document.text = column_optional(row.getColumn(first + 4));
  document.excerpt = column_optional(row.getColumn(first + 5));
  document.published = column_optional(row.getColumn(first + 6));
  document.author = column_optional(row.getColumn(first + 7));
  document.site_name = column_optional(row.getColumn(first + 8));
  document.domain = column_optional(row.getColumn(first + 9));
  document.language = column_optional(row.getColumn(first + 10));
  document.category = column_optional(row.getColumn(first + 11));
  // Lists are stored as JSON; reuse the Document JSON reader for them.
  nlohmann::json lists = {{"id", document.id},
                          {"topics", nlohmann::json::parse(row.getColumn(first + 12).getString(), nullptr, false)},
                          {"entities", nlohmann::json::parse(row.getColumn(first + 13).getString(), nullptr, false)},
                          {"images", nlohmann::json::parse(row.getColumn(first + 14).getString(), nullptr, false)},
                          {"page_types", nlohmann::json::parse(row.getColumn(first + 17).getString(), nullptr, false)}};
  const Document parsed = document_from_json_value(lists);
  document.topics = parsed.topics;
  document.entities = parsed.entities;
  document.images = parsed.images;
  document.page_types = parsed.page_types;
  if (!row.getColumn(first + 15).isNull()) document.is_news = row.getColumn(first + 15).getInt() != 0;
  document.section = column_optional(row.getColumn(first + 16));
  return document;
}

}  // namespace storyline::store::detail
