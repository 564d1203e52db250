#include "storyline/serve/feed_writer.h"

#include <nlohmann/json.hpp>
#include <string_view>

#include "storyline/serve/xml_writer.h"

namespace storyline::serve {
namespace {

constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";
constexpr const char* kJsonFeedVersion = "https://jsonfeed.org/version/1.1";
// Who the feed itself is by: Atom wants an author for every entry, and an entry without a byline
// or a publisher falls back on the feed's.
constexpr const char* kFeedAuthor = "Storyline";

void atom_link(XmlWriter& xml, const char* rel, const char* type, std::string_view href) {
  xml.start("link");
  xml.attribute("rel", rel);
  if (type) xml.attribute("type", type);
  xml.attribute("href", href);
  xml.end();
}

void atom_author(XmlWriter& xml, std::string_view name) {
  xml.start("author");
  xml.element("name", name);
  xml.end();
}

// <name type="text">text</name>: Atom's text constructs, written as plain text.
void atom_text(XmlWriter& xml, const char* name, std::string_view text) {
  xml.start(name);
  xml.attribute("type", "text");
  xml.text(text);
  xml.end();
}

void atom_entry(XmlWriter& xml, const FeedEntry& entry) {
  xml.start("entry");
  if (entry.language) xml.attribute("xml:lang", *entry.language);
  xml.element("id", entry.id);
  atom_text(xml, "title", entry.title);
  xml.element("updated", entry.updated);
  if (entry.published) xml.element("published", *entry.published);
  atom_link(xml, "alternate", "text/html", entry.link);
  if (entry.external_link) atom_link(xml, "related", "text/html", *entry.external_link);
  for (const std::string& author : entry.authors) atom_author(xml, author);
  for (const std::string& category : entry.categories) {
    xml.start("category");
    xml.attribute("term", category);
    xml.end();
  }
  if (!entry.summary.empty()) atom_text(xml, "summary", entry.summary);
  xml.end();
}

}  // namespace

std::string write_atom(const Feed& feed) {
  XmlWriter xml;
  xml.start("feed");
  xml.attribute("xmlns", kAtomNamespace);
  xml.element("id", feed.id);
  atom_text(xml, "title", feed.title);
  xml.element("updated", feed.updated);
  atom_link(xml, "self", "application/atom+xml", feed.self_link);
  atom_link(xml, "alternate", "text/html", feed.page_link);
  atom_author(xml, kFeedAuthor);
  xml.start("generator");
  xml.attribute("version", STORYLINE_VERSION);
  xml.text("Storyline");
  xml.end();
  for (const FeedEntry& entry : feed.entries) atom_entry(xml, entry);
  xml.end();
  return xml.finish();
}

std::string write_json_feed(const Feed& feed) {
  using nlohmann::json;
  const auto authors = [](const std::vector<std::string>& names) {
    json list = json::array();
    for (const std::string& name : names) list.push_back({{"name", name}});
    return list;
  };
  json items = json::array();
  for (const FeedEntry& entry : feed.entries) {
    // JSON Feed wants content_text or content_html in every item: the title stands in for a
    // missing summary.
    json item = {{"id", entry.id},
                 {"url", entry.link},
                 {"title", entry.title},
                 {"content_text", entry.summary.empty() ? entry.title : entry.summary},
                 {"date_modified", entry.updated}};
    if (entry.external_link) item["external_url"] = *entry.external_link;
    if (entry.published) item["date_published"] = *entry.published;
    if (!entry.authors.empty()) item["authors"] = authors(entry.authors);
    if (!entry.categories.empty()) item["tags"] = entry.categories;
    if (entry.language) item["language"] = *entry.language;
    items.push_back(std::move(item));
  }
  const json value = {{"version", kJsonFeedVersion},       {"title", feed.title},
                      {"home_page_url", feed.page_link},   {"feed_url", feed.self_link},
                      {"authors", authors({kFeedAuthor})}, {"items", std::move(items)}};
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace storyline::serve
