// Row and binding helpers shared by the store's source files.
#include <nlohmann/json.hpp>

#include "storyline/core/document_json_detail.h"
#include "storyline/core/hash.h"
#include "storyline/store/sqlite_connection.h"
#include "storyline/store/store_rows.h"

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

std::string content_hash(const Document& document) {
  nlohmann::json value = document_to_json_value(document);
  value.erase("source");
  return hex64(fnv1a64(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

std::string version_json(const Document& document) { return dump(document_to_json_value(document)); }

DocumentLists document_lists(const Document& document) {
  const nlohmann::json value = document_to_json_value(document);
  nlohmann::json entities = nlohmann::json::array();
  for (const auto& entity : document.entities) entities.push_back({{"text", entity.text}, {"type", entity.type}});
  return {dump(value.at("topics")), dump(entities), dump(value.at("images")), dump(value.at("page_types"))};
}

void read_document_lists(Document& document, const DocumentLists& lists) {
  // Lists are stored as JSON; reuse the Document JSON reader for them.
  const nlohmann::json value = {{"id", document.id},
                                {"topics", nlohmann::json::parse(lists.topics, nullptr, false)},
                                {"entities", nlohmann::json::parse(lists.entities, nullptr, false)},
                                {"images", nlohmann::json::parse(lists.images, nullptr, false)},
                                {"page_types", nlohmann::json::parse(lists.page_types, nullptr, false)}};
  Document parsed = document_from_json_value(value);
  document.topics = std::move(parsed.topics);
  document.entities = std::move(parsed.entities);
  document.images = std::move(parsed.images);
  document.page_types = std::move(parsed.page_types);
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
  read_document_lists(document, {row.getColumn(first + 12).getString(), row.getColumn(first + 13).getString(),
                                 row.getColumn(first + 14).getString(), row.getColumn(first + 17).getString()});
  if (!row.getColumn(first + 15).isNull()) document.is_news = row.getColumn(first + 15).getInt() != 0;
  document.section = column_optional(row.getColumn(first + 16));
  return document;
}

}  // namespace storyline::store::detail
