#include "storyline/core/document_json.h"

#include <stdexcept>

#include "storyline/core/document_json_detail.h"

namespace storyline {
namespace {

nlohmann::json optional_value(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::optional<std::string> optional_string(const nlohmann::json& object, const char* field) {
  auto found = object.find(field);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (found->is_string()) return found->get<std::string>();
  if (found->is_number() || found->is_boolean()) return found->dump();
  throw std::invalid_argument(std::string("field '") + field + "' must be a string or null");
}

std::optional<int> optional_int(const nlohmann::json& object, const char* field) {
  auto found = object.find(field);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (found->is_number_integer()) return found->get<int>();
  if (found->is_number()) return static_cast<int>(found->get<double>());
  if (found->is_string()) {
    try {
      return std::stoi(found->get<std::string>());
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json document_to_json_value(const Document& document) {
  nlohmann::json entities = nlohmann::json::array();
  for (const auto& entity : document.entities) entities.push_back({{"text", entity.text}, {"type", entity.type}});
  nlohmann::json images = nlohmann::json::array();
  for (const auto& image : document.images) {
    images.push_back({{"url", image.url},
                      {"width", image.width ? nlohmann::json(*image.width) : nlohmann::json(nullptr)},
                      {"height", image.height ? nlohmann::json(*image.height) : nlohmann::json(nullptr)}});
  }
  // nlohmann::ordered_json would keep field order, but a plain object sorts keys; we build the
  // line by hand in to_json_line to keep the INTERFACE.md order, which people read.
  nlohmann::json value;
  value["id"] = document.id;
  value["source"] = document.source;
  value["url"] = optional_value(document.url);
  value["title"] = optional_value(document.title);
  value["text"] = optional_value(document.text);
  value["excerpt"] = optional_value(document.excerpt);
  value["published"] = optional_value(document.published);
  value["author"] = optional_value(document.author);
  value["site_name"] = optional_value(document.site_name);
  value["domain"] = optional_value(document.domain);
  value["language"] = optional_value(document.language);
  value["category"] = optional_value(document.category);
  value["topics"] = document.topics;
  value["entities"] = std::move(entities);
  value["images"] = std::move(images);
  value["is_news"] = document.is_news ? nlohmann::json(*document.is_news) : nlohmann::json(nullptr);
  value["section"] = optional_value(document.section);
  value["page_types"] = document.page_types;
  return value;
}

Document document_from_json_value(const nlohmann::json& value) {
  if (!value.is_object()) throw std::invalid_argument("a document must be a JSON object");
  Document document;
  document.id = optional_string(value, "id").value_or("");
  document.source = optional_string(value, "source").value_or("");
  document.url = optional_string(value, "url");
  document.title = optional_string(value, "title");
  document.text = optional_string(value, "text");
  document.excerpt = optional_string(value, "excerpt");
  document.published = optional_string(value, "published");
  document.author = optional_string(value, "author");
  document.site_name = optional_string(value, "site_name");
  document.domain = optional_string(value, "domain");
  document.language = optional_string(value, "language");
  document.category = optional_string(value, "category");
  if (auto is_news = value.find("is_news"); is_news != value.end() && is_news->is_boolean())
    document.is_news = is_news->get<bool>();
  document.section = optional_string(value, "section");
  if (auto types = value.find("page_types"); types != value.end() && types->is_array())
    for (const auto& type : *types)
      if (type.is_string() && document.page_types.size() < 32) document.page_types.push_back(type.get<std::string>());
  if (auto topics = value.find("topics"); topics != value.end() && topics->is_array()) {
    for (const auto& topic : *topics)
      if (topic.is_string()) document.topics.push_back(topic.get<std::string>());
  }
  if (auto entities = value.find("entities"); entities != value.end() && entities->is_array()) {
    for (const auto& entity : *entities) {
      if (!entity.is_object()) continue;
      auto text = optional_string(entity, "text");
      if (!text) continue;
      document.entities.push_back({*text, optional_string(entity, "type").value_or("other")});
    }
  }
  if (auto images = value.find("images"); images != value.end() && images->is_array()) {
    for (const auto& image : *images) {
      if (!image.is_object()) continue;
      auto url = optional_string(image, "url");
      if (!url) continue;
      document.images.push_back({*url, optional_int(image, "width"), optional_int(image, "height")});
    }
  }
  return document;
}

std::string to_json_line(const Document& document) {
  static constexpr const char* kFieldOrder[] = {"id",        "source",   "url",       "title",   "text",     "excerpt",
                                                "published", "author",   "site_name", "domain",  "language", "category",
                                                "topics",    "entities", "images",    "is_news", "section",  "page_types"};
  const nlohmann::json value = document_to_json_value(document);
  std::string line = "{";
  bool first = true;
  for (const char* field : kFieldOrder) {
    if (!first) line += ", ";
    first = false;
    line += nlohmann::json(field).dump();
    line += ": ";
    // 'replace' keeps one bad byte from failing the whole line; the text stage already makes UTF-8.
    line += value.at(field).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  line += "}";
  return line;
}

Document document_from_json(std::string_view json_text) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::invalid_argument(std::string("invalid JSON: ") + error.what());
  }
  return document_from_json_value(value);
}

}  // namespace storyline
