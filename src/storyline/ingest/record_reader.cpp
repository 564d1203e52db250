#include "storyline/ingest/record_reader.h"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <string>

#include "storyline/core/category_names.h"
#include "storyline/core/document_json_detail.h"
#include "storyline/text/html_entities.h"

namespace storyline::ingest {
namespace {

using nlohmann::json;

constexpr int kMaxRelatedDepth = 4;
// Records are shallow; deeper nesting is hostile (nlohmann's copy and dump recurse).
constexpr int kMaxJsonDepth = 256;

json parse_bounded(std::string_view text) {
  return json::parse(text, [](int depth, json::parse_event_t, json&) {
    if (depth > kMaxJsonDepth)
      throw std::invalid_argument("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    return true;
  });
}

// YAML -> JSON so that one mapping serves both. Scalars stay strings: dates and numbers are
// re-read where a field needs them.
json yaml_to_json(const YAML::Node& node, int depth = 0) {
  if (depth > 64) return nullptr;  // hostile nesting
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return node.Scalar();
    case YAML::NodeType::Sequence: {
      json array = json::array();
      for (const auto& item : node) array.push_back(yaml_to_json(item, depth + 1));
      return array;
    }
    case YAML::NodeType::Map: {
      json object = json::object();
      for (const auto& entry : node) {
        if (entry.first.IsScalar()) object[entry.first.Scalar()] = yaml_to_json(entry.second, depth + 1);
      }
      return object;
    }
    default: return nullptr;
  }
}

std::optional<std::string> string_field(const json& record, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto found = record.find(name);
    if (found == record.end() || found->is_null()) continue;
    if (found->is_string() && !found->get<std::string>().empty()) return found->get<std::string>();
    if (found->is_number()) return found->dump();
  }
  return std::nullopt;
}

// "author": "A", ["A", "B"], {"name": "A"} or [{"name": "A"}]
std::optional<std::string> author_field(const json& record) {
  for (const char* name : {"author", "authors", "byline", "creator"}) {
    auto found = record.find(name);
    if (found == record.end() || found->is_null()) continue;
    std::string joined;
    auto add = [&](const json& value) {
      std::string text;
      if (value.is_string()) text = value.get<std::string>();
      else if (value.is_object()) text = string_field(value, {"name"}).value_or("");
      if (text.empty()) return;
      if (!joined.empty()) joined += ", ";
      joined += text;
    };
    if (found->is_array()) {
      for (const auto& item : *found) add(item);
    } else {
      add(*found);
    }
    if (!joined.empty()) return joined;
  }
  return std::nullopt;
}

std::optional<int> int_field(const json& object, const char* name) {
  auto found = object.find(name);
  if (found == object.end()) return std::nullopt;
  if (found->is_number()) return static_cast<int>(found->get<double>());
  if (found->is_string()) {
    try {
      return std::stoi(found->get<std::string>());
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

void add_images(const json& record, Document& document) {
  auto add = [&](const json& image) {
    if (image.is_string()) {
      document.images.push_back({image.get<std::string>(), std::nullopt, std::nullopt});
    } else if (image.is_object()) {
      // Bing: image.thumbnail.contentUrl; seed 000: images[].url; schema.org: ImageObject.url
      if (auto thumbnail = image.find("thumbnail"); thumbnail != image.end() && thumbnail->is_object()) {
        if (auto url = string_field(*thumbnail, {"contentUrl", "url"}))
          document.images.push_back({*url, int_field(*thumbnail, "width"), int_field(*thumbnail, "height")});
        return;
      }
      if (auto url = string_field(image, {"url", "contentUrl", "src"}))
        document.images.push_back({*url, int_field(image, "width"), int_field(image, "height")});
    }
  };
  for (const char* name : {"images", "image", "urlToImage"}) {
    auto found = record.find(name);
    if (found == record.end()) continue;
    if (found->is_array()) {
      for (const auto& image : *found) add(image);
    } else {
      add(*found);
    }
  }
}

bool is_interface_category(const std::string& value) { return is_category_name(value); }

// "Reuters", not "feeds/wire.json", "https://example.com/feed" or "-" (standard input).
bool names_a_publisher(const std::string& source) {
  return !source.empty() && source != "-" && source.find_first_of("/\\") == std::string::npos;
}

// True for our own Document JSON (as `extract` prints it), as opposed to an aggregator's record.
bool is_document_json(const json& record) {
  return record.contains("source") && record.contains("site_name") && record.contains("entities");
}

void record_to_documents(const json& record, const RawInput& input, int depth, ReadResult& result) {
  if (!record.is_object()) {
    result.problems.push_back("a record is not a JSON object; skipped");
    return;
  }
  Document document;
  if (is_document_json(record)) {
    document = document_from_json_value(record);
  } else {
    document.id = string_field(record, {"id", "_id", "guid"}).value_or("");
    document.title = string_field(record, {"title", "name", "headline"});
    document.excerpt = string_field(record, {"excerpt", "description", "summary", "abstract", "snippet"});
    document.text = string_field(record, {"text", "body", "articleBody", "content", "content_text"});
    document.published = string_field(record,
                                      {"publishedDateTime", "published", "datePublished", "publishedAt", "pubDate", "date"});
    document.url = string_field(record, {"webUrl", "url", "originalUrl", "link", "canonicalUrl"});
    document.author = author_field(record);
    document.language = string_field(record, {"language", "lang"});
    if (auto provider = record.find("provider"); provider != record.end()) {
      const json* first = provider->is_array() && !provider->empty() ? &(*provider)[0] : &*provider;
      if (first->is_object()) {
        document.site_name = string_field(*first, {"name"});
        document.domain = string_field(*first, {"domain"});
      } else if (first->is_string()) {
        document.site_name = first->get<std::string>();
      }
    }
    if (!document.site_name) document.site_name = string_field(record, {"site_name", "siteName", "publisher"});
    // The publisher's domain, as Document JSON writes it (news-please: source_domain): without it a
    // record with no URL was a publisher of its own, a story's extra "publisher".
    if (!document.domain) document.domain = string_field(record, {"domain", "source_domain", "siteDomain"});
    if (auto source = record.find("source"); source != record.end() && !document.site_name) {
      if (source->is_object()) document.site_name = string_field(*source, {"name"});
      // A flat "source": "Reuters" names the publisher too (without it, the same wire story from
      // two sources was one publisher's, and got one id); a path or an address names no one.
      else if (source->is_string() && names_a_publisher(source->get<std::string>()))
        document.site_name = source->get<std::string>();
    }
    if (auto category = string_field(record, {"category"}); category && is_interface_category(*category))
      document.category = category;
    // Aggregators' topic labels are machine-made and often wrong (seed 000 files a Taliban story
    // under "Computer Vision, AI"), so they are not carried over; our own stages label topics.
    add_images(record, document);
    for (auto* field : {&document.title, &document.excerpt, &document.text, &document.author, &document.site_name})
      if (*field) **field = text::decode_html_entities(**field);
    // A record without a body still says what the article is about: its excerpt is the text.
    if (!document.text && document.excerpt) document.text = document.excerpt;
  }
  document.source = input.source;
  // An object without a headline or any text is not an article (a JSON file of another kind: test
  // expectations, a parser's dump): storing it would list an empty story.
  const auto has = [](const std::optional<std::string>& field) {
    return field && field->find_first_not_of(" \t\r\n") != std::string::npos;
  };
  if (!has(document.title) && !has(document.text) && !has(document.excerpt)) {
    result.problems.push_back(
        "a record has no title, text or excerpt (fields title/headline, text/body/content, "
        "excerpt/description); skipped");
  } else {
    result.documents.push_back(std::move(document));
  }

  if (auto related = record.find("related"); related != record.end() && related->is_array()) {
    if (depth >= kMaxRelatedDepth) {
      result.problems.push_back("related[] nested deeper than " + std::to_string(kMaxRelatedDepth) + " levels; ignored");
      return;
    }
    for (const auto& item : *related) record_to_documents(item, input, depth + 1, result);
  }
}

void records_from_value(const json& value, const RawInput& input, ReadResult& result) {
  if (value.is_array()) {
    for (const auto& item : value) record_to_documents(item, input, 0, result);
    return;
  }
  // API envelopes: Bing {"value": [...]}, NewsAPI {"articles": [...]}, generic {"items": [...]}.
  for (const char* list : {"value", "articles", "items", "documents"}) {
    auto found = value.find(list);
    if (found != value.end() && found->is_array() && !found->empty() && (*found)[0].is_object()) {
      for (const auto& item : *found) record_to_documents(item, input, 0, result);
      return;
    }
  }
  record_to_documents(value, input, 0, result);
}

}  // namespace

ReadResult read_front_matter_record(std::string_view utf8, const RawInput& input) {
  if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  const size_t start = utf8.find("---");
  const size_t body_start = utf8.find('\n', start);
  if (body_start == std::string_view::npos) throw InputError("front matter opens with '---' but never closes");
  // The closing delimiter is a line of "---" (or "...").
  size_t close = std::string_view::npos;
  size_t pos = body_start + 1;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view line = utf8.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---" || line == "...") {
      close = pos;
      break;
    }
    pos = end + 1;
  }
  const std::string_view yaml_text = utf8.substr(body_start + 1,
                                                 (close == std::string_view::npos ? utf8.size() : close) - body_start - 1);
  json record;
  try {
    record = yaml_to_json(YAML::Load(std::string(yaml_text)));
  } catch (const YAML::Exception& error) {
    // Line numbers in the file: the YAML starts on line 2.
    throw InputError("broken YAML front matter at line " + std::to_string(error.mark.line + 2) + ", column " +
                     std::to_string(error.mark.column + 1) + ": " + error.msg);
  }
  if (!record.is_object()) throw InputError("front matter is not a YAML mapping of fields");
  // Markdown after the front matter is the article body.
  if (close != std::string_view::npos && !record.contains("text")) {
    const size_t after = utf8.find('\n', close);
    if (after != std::string_view::npos) {
      std::string body(utf8.substr(after + 1));
      if (body.find_first_not_of(" \t\r\n") != std::string::npos) record["text"] = body;
    }
  }
  ReadResult result;
  record_to_documents(record, input, 0, result);
  return result;
}

ReadResult read_json_records(std::string_view utf8, const RawInput& input) {
  json value;
  try {
    value = parse_bounded(utf8);
  } catch (const json::exception& error) {  // not only syntax: a number too large is out_of_range
    throw InputError(std::string("invalid JSON (") + error.what() + ")");
  } catch (const std::invalid_argument& error) {
    throw InputError(error.what());
  }
  ReadResult result;
  records_from_value(value, input, result);
  return result;
}

ReadResult read_json_lines(std::string_view utf8, const RawInput& input) {
  ReadResult result;
  size_t pos = 0;
  size_t line_number = 0;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    const std::string_view line = utf8.substr(pos, end - pos);
    ++line_number;
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      records_from_value(parse_bounded(line), input, result);
    } catch (const json::exception& error) {
      result.problems.push_back("line " + std::to_string(line_number) + ": invalid JSON (" + error.what() + ")");
    } catch (const std::invalid_argument& error) {
      result.problems.push_back("line " + std::to_string(line_number) + ": " + error.what());
    }
  }
  return result;
}

}  // namespace storyline::ingest
