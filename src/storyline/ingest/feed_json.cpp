#include "storyline/ingest/feed_json.h"

#include <nlohmann/json.hpp>

namespace storyline::ingest {
namespace {

using nlohmann::json;

// JSON Feeds are shallow (an item's author is three levels down); deeper nesting is hostile.
constexpr int kMaxJsonDepth = 64;

std::string string_member(const json& object, const char* name) {
  if (!object.is_object()) return {};
  auto found = object.find(name);
  if (found == object.end() || !found->is_string()) return {};
  return found->get<std::string>();
}

// 1.0: "author": {"name"}; 1.1: "authors": [{"name"}].
std::vector<std::string> authors_of(const json& object) {
  std::vector<std::string> authors;
  auto add = [&](const json& person) {
    std::string name = person.is_string() ? person.get<std::string>() : string_member(person, "name");
    if (!name.empty()) authors.push_back(std::move(name));
  };
  if (auto list = object.find("authors"); list != object.end() && list->is_array())
    for (const auto& person : *list) add(person);
  if (authors.empty())
    if (auto single = object.find("author"); single != object.end()) add(*single);
  return authors;
}

void add_image(FeedItem& item, const std::string& url) {
  if (url.empty()) return;
  for (const auto& image : item.images)
    if (image.url == url) return;
  item.images.push_back(Image{url, std::nullopt, std::nullopt});
}

FeedItem read_item(const json& object) {
  FeedItem item;
  // Ids may be numbers in feeds written before 1.1 said "string".
  if (auto id = object.find("id"); id != object.end())
    item.id = id->is_string() ? id->get<std::string>() : (id->is_number() ? id->dump() : std::string());
  item.url = string_member(object, "url");
  if (item.url.empty()) item.url = string_member(object, "external_url");
  item.title = FeedText{string_member(object, "title"), false};
  item.summary = FeedText{string_member(object, "summary"), false};
  if (std::string html = string_member(object, "content_html"); !html.empty()) {
    item.body = FeedText{std::move(html), true};
  } else {
    item.body = FeedText{string_member(object, "content_text"), false};
  }
  for (const char* field : {"date_published", "date_modified"})
    if (std::string date = string_member(object, field); !date.empty()) item.dates.push_back(std::move(date));
  item.authors = authors_of(object);
  add_image(item, string_member(object, "image"));
  add_image(item, string_member(object, "banner_image"));
  if (auto attachments = object.find("attachments"); attachments != object.end() && attachments->is_array()) {
    for (const auto& attachment : *attachments)
      if (string_member(attachment, "mime_type").starts_with("image/")) add_image(item, string_member(attachment, "url"));
  }
  item.language = string_member(object, "language");
  return item;
}

}  // namespace

ParsedFeed parse_json_feed(std::string_view utf8) {
  json value;
  try {
    value = json::parse(utf8, [](int depth, json::parse_event_t, json&) {
      if (depth > kMaxJsonDepth)
        throw InputError("the JSON Feed is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
      return true;
    });
  } catch (const json::exception& error) {
    throw InputError(std::string("the JSON Feed is not valid JSON (") + error.what() + ")");
  }
  if (!value.is_object()) throw InputError("the JSON Feed is not a JSON object");
  ParsedFeed feed;
  feed.channel.title = string_member(value, "title");
  feed.channel.link = string_member(value, "home_page_url");
  feed.channel.language = string_member(value, "language");
  feed.channel.authors = authors_of(value);
  auto items = value.find("items");
  if (items == value.end() || !items->is_array()) throw InputError("the JSON Feed has no \"items\" array");
  for (size_t i = 0; i < items->size(); ++i) {
    const json& item = (*items)[i];
    if (!item.is_object()) {
      feed.problems.push_back("item " + std::to_string(i + 1) + " is not a JSON object; skipped");
      continue;
    }
    feed.items.push_back(read_item(item));
  }
  return feed;
}

}  // namespace storyline::ingest
