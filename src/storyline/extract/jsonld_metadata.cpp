#include "storyline/extract/jsonld_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string_view>

namespace storyline::extract {
namespace {

using nlohmann::json;

// Publishers hand-write JSON-LD in templates: raw line breaks inside strings, trailing commas,
// "<!--" wrappers. Repair those so that a strict parser accepts the block.
std::string repair_json(std::string_view text) {
  for (std::string_view wrapper : {"<!--", "<![CDATA["}) {
    const size_t at = text.find_first_not_of(" \t\r\n");
    if (at != std::string_view::npos && text.substr(at, wrapper.size()) == wrapper) text.remove_prefix(at + wrapper.size());
  }
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\' && i + 1 < text.size()) {
        out += c;
        out += text[++i];
        continue;
      }
      if (c == '"') in_string = false;
      out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '}' || c == ']') {  // drop a trailing comma before a closing bracket
      size_t back = out.size();
      while (back > 0 && (out[back - 1] == ' ' || out[back - 1] == '\n' || out[back - 1] == '\r' || out[back - 1] == '\t'))
        --back;
      if (back > 0 && out[back - 1] == ',') out.erase(back - 1, 1);
    }
    out += c;
  }
  for (std::string_view wrapper : {"-->", "]]>"}) {
    const size_t end = out.find_last_not_of(" \t\r\n;");
    if (end != std::string::npos && end + 1 >= wrapper.size() &&
        out.compare(end + 1 - wrapper.size(), wrapper.size(), wrapper) == 0)
      out.erase(end + 1 - wrapper.size());
  }
  return out;
}

std::vector<std::string> types_of(const json& node) {
  std::vector<std::string> types;
  const auto it = node.find("@type");
  if (it == node.end()) return types;
  if (it->is_string()) types.push_back(it->get<std::string>());
  if (it->is_array())
    for (const auto& type : *it)
      if (type.is_string()) types.push_back(type.get<std::string>());
  for (auto& type : types) {  // "http://schema.org/NewsArticle" -> "NewsArticle"
    const size_t slash = type.find_last_of("/:");
    if (slash != std::string::npos) type.erase(0, slash + 1);
  }
  return types;
}

bool is_article_type(const std::string& type) {
  static constexpr std::string_view kArticleTypes[] = {"Article",
                                                       "NewsArticle",
                                                       "BlogPosting",
                                                       "ReportageNewsArticle",
                                                       "AnalysisNewsArticle",
                                                       "OpinionNewsArticle",
                                                       "ReviewNewsArticle",
                                                       "BackgroundNewsArticle",
                                                       "LiveBlogPosting",
                                                       "ScholarlyArticle",
                                                       "TechArticle",
                                                       "Report",
                                                       "SocialMediaPosting",
                                                       "AskPublicNewsArticle",
                                                       "SatiricalArticle",
                                                       "Posting",
                                                       "DiscussionForumPosting",
                                                       "Blog",
                                                       "Review",
                                                       "Recipe",
                                                       "Event",
                                                       "PressRelease"};
  for (auto known : kArticleTypes)
    if (type == known) return true;
  return false;
}

bool is_page_type(const std::string& type) {
  return type == "WebPage" || type == "ItemPage" || type == "AboutPage" || type == "CollectionPage" ||
         type == "ProfilePage" || type == "QAPage" || type == "MediaObject" || type == "VideoObject";
}

bool is_publisher_type(const std::string& type) {
  return type == "Organization" || type == "NewsMediaOrganization" || type == "WebSite" || type == "Corporation";
}

bool has_type(const json& node, bool (*predicate)(const std::string&)) {
  for (const auto& type : types_of(node))
    if (predicate(type)) return true;
  return false;
}

// Every object in the document, depth first (top-level arrays, @graph, nested values), bounded.
void collect_nodes(const json& value, std::vector<const json*>& nodes, int depth) {
  if (depth > 12 || nodes.size() > 2000) return;
  if (value.is_array()) {
    for (const auto& item : value) collect_nodes(item, nodes, depth + 1);
  } else if (value.is_object()) {
    nodes.push_back(&value);
    for (const auto& [key, item] : value.items())
      if (item.is_object() || item.is_array()) collect_nodes(item, nodes, depth + 1);
  }
}

class Reader {
 public:
  explicit Reader(const std::vector<const json*>& nodes) {
    for (const json* node : nodes) {
      const auto id = node->find("@id");
      if (id != node->end() && id->is_string() && node->size() > 1) by_id_.emplace(id->get<std::string>(), node);
    }
  }

  // A {"@id": ...} reference replaced by the node it names.
  const json& resolve(const json& value) const {
    if (value.is_object() && value.size() == 1 && value.contains("@id") && value["@id"].is_string()) {
      const auto it = by_id_.find(value["@id"].get<std::string>());
      if (it != by_id_.end()) return *it->second;
    }
    return value;
  }

  std::optional<std::string> text(const json& node, const char* key) const {
    const auto it = node.find(key);
    if (it == node.end()) return std::nullopt;
    const json& value = resolve(*it);
    if (value.is_string() && !value.get<std::string>().empty()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());  // Unix timestamps
    if (value.is_array() && !value.empty() && value.front().is_string()) return value.front().get<std::string>();
    if (value.is_object()) {
      for (const char* inner : {"name", "@value", "url", "@id"})
        if (value.contains(inner) && value[inner].is_string()) return value[inner].get<std::string>();
    }
    return std::nullopt;
  }

  void add_names(const json& value, std::vector<std::string>& names, int depth = 0) const {
    if (depth > 3) return;
    const json& resolved = resolve(value);
    if (resolved.is_string()) {
      names.push_back(resolved.get<std::string>());
    } else if (resolved.is_array()) {
      for (const auto& item : resolved) add_names(item, names, depth + 1);
    } else if (resolved.is_object()) {
      if (resolved.contains("name")) {
        add_names(resolved["name"], names, depth + 1);
      } else if (resolved.contains("givenName") || resolved.contains("familyName")) {
        std::string name = resolved.value("givenName", std::string());
        const std::string family = resolved.value("familyName", std::string());
        if (!family.empty()) name += (name.empty() ? "" : " ") + family;
        names.push_back(name);
      }
    }
  }

  void add_images(const json& value, std::vector<Image>& images, int depth = 0) const {
    if (depth > 3 || images.size() >= 8) return;
    const json& resolved = resolve(value);
    if (resolved.is_string()) {
      images.push_back({resolved.get<std::string>(), std::nullopt, std::nullopt});
    } else if (resolved.is_array()) {
      for (const auto& item : resolved) add_images(item, images, depth + 1);
    } else if (resolved.is_object()) {
      const auto url = text(resolved, "url") ? text(resolved, "url") : text(resolved, "contentUrl");
      if (!url) return;
      Image image{*url, std::nullopt, std::nullopt};
      image.width = dimension(resolved, "width");
      image.height = dimension(resolved, "height");
      images.push_back(std::move(image));
    }
  }

 private:
  static std::optional<int> dimension(const json& node, const char* key) {
    const auto it = node.find(key);
    if (it == node.end()) return std::nullopt;
    if (it->is_number_integer()) return it->get<int>();
    if (it->is_number()) return static_cast<int>(it->get<double>());
    if (it->is_string()) {
      const std::string& text = it->get_ref<const std::string&>();
      int value = 0;
      size_t digits = 0;
      while (digits < text.size() && digits < 6 && text[digits] >= '0' && text[digits] <= '9')
        value = value * 10 + (text[digits++] - '0');
      if (digits > 0) return value;
    }
    if (it->is_object()) return dimension(*it, "value");
    return std::nullopt;
  }

  std::map<std::string, const json*> by_id_;
};

void fill_from(const Reader& reader, const json& node, JsonLdMetadata& out) {
  auto fill = [&](std::optional<std::string>& field, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
      if (field) return;
      field = reader.text(node, key);
    }
  };
  fill(out.headline, {"headline", "name", "alternativeHeadline"});
  fill(out.description, {"description", "abstract"});
  fill(out.date_published, {"datePublished", "dateCreated", "uploadDate", "startDate"});
  fill(out.date_modified, {"dateModified"});
  fill(out.url, {"url", "mainEntityOfPage"});
  fill(out.language, {"inLanguage"});
  fill(out.section, {"articleSection"});
  if (out.authors.empty()) {
    for (const char* key : {"author", "creator"}) {
      if (node.contains(key)) reader.add_names(node[key], out.authors);
      if (!out.authors.empty()) break;
    }
  }
  if (!out.site_name && node.contains("publisher")) {
    const json& publisher = reader.resolve(node["publisher"]);
    if (publisher.is_object()) out.site_name = reader.text(publisher, "name");
    if (publisher.is_string()) out.site_name = publisher.get<std::string>();
  }
  if (out.images.empty()) {
    for (const char* key : {"image", "thumbnailUrl"}) {
      if (node.contains(key)) reader.add_images(node[key], out.images);
      if (!out.images.empty()) break;
    }
  }
}

}  // namespace

JsonLdMetadata read_jsonld(const std::vector<std::string>& scripts) {
  std::vector<json> documents;
  for (const auto& script : scripts) {
    if (script.size() > 4 * 1024 * 1024) continue;
    json parsed = json::parse(repair_json(script), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (!parsed.is_discarded()) documents.push_back(std::move(parsed));
  }
  std::vector<const json*> nodes;
  for (const auto& document : documents) collect_nodes(document, nodes, 0);
  const Reader reader(nodes);

  JsonLdMetadata out;
  for (const json* node : nodes)
    for (auto& type : types_of(*node))
      if (out.types.size() < 32 && std::find(out.types.begin(), out.types.end(), type) == out.types.end())
        out.types.push_back(std::move(type));
  // The article itself first; then the page node; then any publisher-like node for the site.
  for (const json* node : nodes) {
    if (has_type(*node, is_article_type)) {
      if (!out.found_article) out.found_article = true;
      fill_from(reader, *node, out);
      if (!out.article_body) out.article_body = reader.text(*node, "articleBody");
    }
  }
  for (const json* node : nodes)
    if (has_type(*node, is_page_type)) {
      JsonLdMetadata page;
      fill_from(reader, *node, page);
      if (!out.headline && !out.found_article) out.headline = page.headline;
      if (!out.description) out.description = page.description;
      if (!out.date_published) out.date_published = page.date_published;
      if (!out.date_modified) out.date_modified = page.date_modified;
      if (out.authors.empty()) out.authors = page.authors;
      if (!out.site_name) out.site_name = page.site_name;
      if (!out.language) out.language = page.language;
      if (out.images.empty()) out.images = page.images;
    }
  if (!out.site_name)
    for (const json* node : nodes)
      if (has_type(*node, is_publisher_type))
        if (auto name = reader.text(*node, "name")) {
          out.site_name = name;
          break;
        }
  return out;
}

}  // namespace storyline::extract
