// Over 500 lines since the reformat (clang-format, 125 columns): one reader of RSS, Atom and RDF
// items over one libxml2 tree; the three formats share its field helpers.
#include "storyline/ingest/feed_xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <strings.h>
#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>

#include "storyline/core/ascii.h"
#include "storyline/core/url.h"
#include "storyline/ingest/feed_xml_entities.h"
#include "storyline/text/html_entities.h"

namespace storyline::ingest {
namespace {

// The vocabularies feeds mix. Elements are matched by namespace and local name, so that
// "dc:creator" is found whatever prefix the feed chose.
enum class Ns { kNone, kAtom, kDc, kContent, kMedia, kRdf, kFeedburner, kItunes, kOther };

Ns ns_from_uri(std::string_view uri) {
  if (uri == "http://purl.org/rss/1.0/" || uri == "http://my.netscape.com/rdf/simple/0.9/" ||
      uri == "http://backend.userland.com/rss2" || uri == "http://purl.org/net/rss1.1#")
    return Ns::kNone;  // RSS's own elements
  if (uri == "http://www.w3.org/2005/Atom" || uri == "http://purl.org/atom/ns#") return Ns::kAtom;
  if (uri == "http://purl.org/dc/elements/1.1/" || uri == "http://purl.org/dc/terms/") return Ns::kDc;
  if (uri == "http://purl.org/rss/1.0/modules/content/") return Ns::kContent;
  if (uri.starts_with("http://search.yahoo.com/mrss")) return Ns::kMedia;
  if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::kRdf;
  if (uri == "http://rssnamespace.org/feedburner/ext/1.0") return Ns::kFeedburner;
  if (uri == "http://www.itunes.com/dtds/podcast-1.0.dtd") return Ns::kItunes;
  return Ns::kOther;
}

// Feeds that use a prefix without declaring it keep "prefix:name" as the element name.
Ns ns_from_prefix(std::string_view prefix) {
  if (prefix == "atom" || prefix == "atom10") return Ns::kAtom;
  if (prefix == "dc" || prefix == "dcterms") return Ns::kDc;
  if (prefix == "content") return Ns::kContent;
  if (prefix == "media") return Ns::kMedia;
  if (prefix == "rdf") return Ns::kRdf;
  if (prefix == "feedburner") return Ns::kFeedburner;
  if (prefix == "itunes") return Ns::kItunes;
  return Ns::kOther;
}

struct Name {
  Ns ns = Ns::kOther;
  std::string local;  // lower-cased
};

Name name_of(xmlNodePtr node) {
  Name name;
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return name;
  std::string_view raw(reinterpret_cast<const char*>(node->name));
  if (node->ns && node->ns->href) {
    name.ns = ns_from_uri(reinterpret_cast<const char*>(node->ns->href));
  } else if (const size_t colon = raw.find(':'); colon != std::string_view::npos) {
    name.ns = ns_from_prefix(raw.substr(0, colon));
    raw.remove_prefix(colon + 1);
  } else {
    name.ns = Ns::kNone;
  }
  name.local = lower_ascii(raw);
  return name;
}

// Internal entities up to this size are expanded one level (no nested references); anything
// bigger or nested is what entity bombs are made of, and is dropped.
constexpr size_t kMaxEntityChars = 1024;

// The text of a node and its descendants. Entity references are not expanded recursively:
// undeclared ones (&nbsp; in feeds without a DTD) are decoded as HTML entities, declared ones
// only when small and flat.
void append_text(xmlNodePtr node, std::string& out, int depth) {
  for (xmlNodePtr child = node->children; child; child = child->next) {
    switch (child->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (child->content) out += reinterpret_cast<const char*>(child->content);
        break;
      case XML_ENTITY_REF_NODE: {
        if (!child->name) break;
        xmlEntityPtr entity = xmlGetDocEntity(child->doc, child->name);
        if (!entity) {
          out += text::decode_html_entities("&" + std::string(reinterpret_cast<const char*>(child->name)) + ";");
        } else if (entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content) {
          const std::string_view content(reinterpret_cast<const char*>(entity->content));
          if (content.size() <= kMaxEntityChars && content.find('&') == std::string_view::npos &&
              content.find('<') == std::string_view::npos)
            out += content;
        }
        break;
      }
      case XML_ELEMENT_NODE:
        if (depth < 64) append_text(child, out, depth + 1);
        break;
      default: break;
    }
  }
}

// An attribute by local name, whatever its namespace (rdf:about, about). Read with append_text
// rather than xmlGetProp, which would expand declared entities recursively.
std::string attribute(xmlNodePtr node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  for (xmlAttrPtr property = node->properties; property; property = property->next) {
    if (!property->name || strcasecmp(reinterpret_cast<const char*>(property->name), name) != 0) continue;
    std::string out;
    append_text(reinterpret_cast<xmlNodePtr>(property), out, 0);
    return out;
  }
  return {};
}

// xml:base / xml:lang, inherited from the nearest ancestor that has one. Not xmlNodeGetBase or
// xmlNodeGetLang: they read attributes with entities expanded.
std::vector<std::string> inherited_attribute(xmlNodePtr node, const char* name) {
  std::vector<std::string> values;  // nearest first
  for (int depth = 0; node && node->type == XML_ELEMENT_NODE && depth < 300; node = node->parent, ++depth) {
    for (xmlAttrPtr property = node->properties; property; property = property->next) {
      if (property->ns && property->ns->prefix &&
          std::strcmp(reinterpret_cast<const char*>(property->ns->prefix), "xml") == 0 && property->name &&
          std::strcmp(reinterpret_cast<const char*>(property->name), name) == 0) {
        std::string value;
        append_text(reinterpret_cast<xmlNodePtr>(property), value, 0);
        values.push_back(std::move(value));
      }
    }
  }
  return values;
}

std::string text_of(xmlNodePtr node) {
  std::string out;
  if (node) append_text(node, out, 0);
  return out;
}

// Child elements serialized back to markup: Atom type="xhtml" content is XML, not escaped HTML.
std::string markup_of(xmlNodePtr node) {
  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buffer(xmlBufferCreate(), xmlBufferFree);
  if (!buffer) return {};
  for (xmlNodePtr child = node->children; child; child = child->next) xmlNodeDump(buffer.get(), node->doc, child, 0, 0);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                     static_cast<size_t>(xmlBufferLength(buffer.get())));
}

// Atom text constructs: type text (default), html (escaped markup), xhtml (inline markup).
// Atom 0.3 wrote mode="escaped"/"xml"/"base64" and MIME types instead.
FeedText atom_text(xmlNodePtr node) {
  const std::string type = lower_ascii(attribute(node, "type"));
  const std::string mode = lower_ascii(attribute(node, "mode"));
  if (mode == "base64") return {};  // binary payloads are not article text
  if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") return FeedText{markup_of(node), true};
  if (type == "html" || type == "text/html" || mode == "escaped") return FeedText{text_of(node), true};
  return FeedText{text_of(node), false};
}

// The base a relative link in `node` resolves against: xml:base (inherited), else the channel
// link, else the feed's own URL.
std::string resolve(xmlNodePtr node, const std::string& fallback_base, const std::string& reference) {
  std::string ref = trimmed(reference, kXmlSpace);
  if (ref.empty() || ref.starts_with("http://") || ref.starts_with("https://")) return ref;
  // Outermost xml:base first, each resolved against the one above it.
  std::string base = fallback_base;
  const std::vector<std::string> bases = inherited_attribute(node, "base");
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
    const std::string value = trimmed(*it, kXmlSpace);
    if (value.empty()) continue;
    base = value.starts_with("http") || base.empty() ? value : resolve_url(base, value);
  }
  if (base.empty()) return ref;
  return resolve_url(base, ref);
}

bool is_image_type(const std::string& type) { return lower_ascii(type).starts_with("image/"); }

bool has_image_extension(std::string url) {
  url = lower_ascii(url.substr(0, url.find('?')));
  for (const char* extension : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
    if (url.ends_with(extension)) return true;
  return false;
}

std::optional<int> int_attribute(xmlNodePtr node, const char* name) {
  const std::string value = attribute(node, name);
  if (value.empty() || value.size() > 6 ||
      !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
    return std::nullopt;
  return std::stoi(value);
}

void add_image(FeedItem& item, std::string url, std::optional<int> width, std::optional<int> height) {
  url = trimmed(std::move(url), kXmlSpace);
  if (url.empty()) return;
  for (const auto& image : item.images)
    if (image.url == url) return;
  item.images.push_back(Image{std::move(url), width, height});
}

// media:content / media:thumbnail / media:group, which Media RSS allows in RSS and Atom alike.
void read_media(xmlNodePtr node, const Name& name, FeedItem& item, const std::string& base, int depth = 0) {
  if (name.local == "group" && depth < 4) {
    for (xmlNodePtr child = node->children; child; child = child->next) {
      const Name child_name = name_of(child);
      if (child_name.ns == Ns::kMedia) read_media(child, child_name, item, base, depth + 1);
    }
    return;
  }
  const std::string url = resolve(node, base, attribute(node, "url"));
  if (name.local == "thumbnail") {
    add_image(item, url, int_attribute(node, "width"), int_attribute(node, "height"));
  } else if (name.local == "content") {
    const std::string medium = lower_ascii(attribute(node, "medium"));
    const std::string type = attribute(node, "type");
    if (medium == "image" || is_image_type(type) || (medium.empty() && type.empty() && has_image_extension(url)))
      add_image(item, url, int_attribute(node, "width"), int_attribute(node, "height"));
    // A media:content may carry its own thumbnail.
    for (xmlNodePtr child = node->children; child; child = child->next) {
      const Name child_name = name_of(child);
      if (child_name.ns == Ns::kMedia && child_name.local == "thumbnail")
        read_media(child, child_name, item, base, depth + 1);
    }
  }
}

// Atom <link>: rel=alternate (or none) is the article, rel=enclosure with an image type is an image.
void read_atom_link(xmlNodePtr node, FeedItem& item, const std::string& base, bool& have_html_alternate) {
  const std::string rel = lower_ascii(attribute(node, "rel"));
  const std::string type = lower_ascii(attribute(node, "type"));
  const std::string href = resolve(node, base, attribute(node, "href"));
  if (href.empty()) return;
  if (rel.empty() || rel == "alternate") {
    const bool html = type.empty() || type == "text/html" || type == "application/xhtml+xml";
    if (item.url.empty() || (html && !have_html_alternate)) {
      item.url = href;
      have_html_alternate = html;
    }
  } else if (rel == "enclosure" && (is_image_type(type) || (type.empty() && has_image_extension(href)))) {
    add_image(item, href, std::nullopt, std::nullopt);
  }
}

void read_person(xmlNodePtr node, std::vector<std::string>& authors) {
  // Atom persons have <name>; feeds that misuse atom:author put the name as text.
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (name_of(child).local == "name") {
      authors.push_back(trimmed(text_of(child), kXmlSpace));
      return;
    }
  }
  std::string text = trimmed(text_of(node), kXmlSpace);
  if (!text.empty()) authors.push_back(std::move(text));
}

FeedItem read_atom_entry(xmlNodePtr entry, const std::string& base) {
  FeedItem item;
  bool have_html_alternate = false;
  std::string published, updated, created;
  if (const auto langs = inherited_attribute(entry, "lang"); !langs.empty())
    item.language = trimmed(langs.front(), kXmlSpace);
  for (xmlNodePtr child = entry->children; child; child = child->next) {
    const Name name = name_of(child);
    if (name.ns == Ns::kAtom || name.ns == Ns::kNone) {
      if (name.local == "title") item.title = atom_text(child);
      else if (name.local == "link") read_atom_link(child, item, base, have_html_alternate);
      else if (name.local == "id") item.id = trimmed(text_of(child), kXmlSpace);
      else if (name.local == "published" || name.local == "issued") published = text_of(child);
      else if (name.local == "created") created = text_of(child);
      else if (name.local == "updated" || name.local == "modified") updated = text_of(child);
      else if (name.local == "author") read_person(child, item.authors);
      else if (name.local == "summary") item.summary = atom_text(child);
      else if (name.local == "content" && attribute(child, "src").empty()) item.body = atom_text(child);
      else if (name.local == "category" && item.categories.size() < 8) {
        std::string category = trimmed(attribute(child, "label"), kXmlSpace);
        if (category.empty()) category = trimmed(attribute(child, "term"), kXmlSpace);
        if (!category.empty()) item.categories.push_back(std::move(category));
      }
    } else if (name.ns == Ns::kMedia) {
      read_media(child, name, item, base);
    } else if (name.ns == Ns::kDc && name.local == "creator") {
      item.authors.push_back(trimmed(text_of(child), kXmlSpace));
    } else if (name.ns == Ns::kFeedburner && name.local == "origlink") {
      item.url = trimmed(text_of(child), kXmlSpace);
      have_html_alternate = true;
    }
  }
  for (auto* date : {&published, &created, &updated})
    if (!trimmed(*date, kXmlSpace).empty()) item.dates.push_back(trimmed(*date, kXmlSpace));
  return item;
}

FeedItem read_rss_item(xmlNodePtr node, const std::string& base) {
  FeedItem item;
  std::string link, guid, orig_link, atom_alternate;
  bool guid_is_permalink = true;
  std::vector<std::string> creators, itunes_authors;
  FeedText itunes_summary;
  std::string pub_date, dc_date, atom_updated;
  if (std::string about = attribute(node, "about"); !about.empty()) item.id = about;  // RSS 1.0 rdf:about
  for (xmlNodePtr child = node->children; child; child = child->next) {
    const Name name = name_of(child);
    switch (name.ns) {
      case Ns::kNone:
        if (name.local == "title") item.title = FeedText{text_of(child), false};
        else if (name.local == "link") link = text_of(child);
        else if (name.local == "guid") {
          guid = trimmed(text_of(child), kXmlSpace);
          guid_is_permalink = lower_ascii(attribute(child, "ispermalink")) != "false";
        } else if (name.local == "description") item.summary = FeedText{text_of(child), true};
        else if (name.local == "pubdate") pub_date = text_of(child);
        else if (name.local == "author") item.authors.push_back(trimmed(text_of(child), kXmlSpace));
        else if (name.local == "enclosure") {
          const std::string url = resolve(child, base, attribute(child, "url"));
          const std::string type = attribute(child, "type");
          if (is_image_type(type) || (type.empty() && has_image_extension(url)))
            add_image(item, url, std::nullopt, std::nullopt);
          if (lower_ascii(type).starts_with("audio/")) item.audio = true;
        } else if (name.local == "category" && item.categories.size() < 8) {
          if (std::string category = trimmed(text_of(child), kXmlSpace); !category.empty())
            item.categories.push_back(std::move(category));
        }
        break;
      case Ns::kContent:
        if (name.local == "encoded") item.body = FeedText{text_of(child), true};
        break;
      case Ns::kDc:
        if (name.local == "creator" || name.local == "contributor") creators.push_back(trimmed(text_of(child), kXmlSpace));
        else if (name.local == "date" || name.local == "created" || name.local == "issued") dc_date = text_of(child);
        else if (name.local == "title" && item.title.empty()) item.title = FeedText{text_of(child), false};
        else if (name.local == "description" && item.summary.empty()) item.summary = FeedText{text_of(child), true};
        else if (name.local == "language") item.language = trimmed(text_of(child), kXmlSpace);
        break;
      case Ns::kAtom:
        if (name.local == "link") {
          FeedItem probe;
          bool html = false;
          read_atom_link(child, probe, base, html);
          if (!probe.url.empty() && atom_alternate.empty()) atom_alternate = probe.url;
          for (auto& image : probe.images) add_image(item, image.url, image.width, image.height);
        } else if (name.local == "updated" || name.local == "published") {
          atom_updated = text_of(child);
        } else if (name.local == "author") {
          read_person(child, creators);
        }
        break;
      case Ns::kMedia: read_media(child, name, item, base); break;
      case Ns::kFeedburner:
        if (name.local == "origlink") orig_link = trimmed(text_of(child), kXmlSpace);
        break;
      case Ns::kItunes:
        if (name.local == "author") itunes_authors.push_back(trimmed(text_of(child), kXmlSpace));
        else if (name.local == "summary") itunes_summary = FeedText{text_of(child), false};
        else if (name.local == "duration" || name.local == "episode" || name.local == "episodetype") item.audio = true;
        break;
      default: break;
    }
  }
  // feedburner:origLink is the publisher's URL; <link> is then feedburner's redirect.
  if (!orig_link.empty()) item.url = orig_link;
  else if (!trimmed(link, kXmlSpace).empty()) item.url = resolve(node, base, link);
  else if (!atom_alternate.empty()) item.url = atom_alternate;
  else if (guid_is_permalink && (guid.starts_with("http://") || guid.starts_with("https://"))) item.url = guid;
  if (!guid.empty()) item.id = guid;
  for (auto& creator : creators) item.authors.push_back(std::move(creator));
  if (item.authors.empty()) item.authors = std::move(itunes_authors);
  if (item.summary.empty()) item.summary = itunes_summary;
  for (auto* date : {&pub_date, &dc_date, &atom_updated})
    if (!trimmed(*date, kXmlSpace).empty()) item.dates.push_back(trimmed(*date, kXmlSpace));
  return item;
}

// RSS <channel> or Atom <feed> metadata.
void read_channel(xmlNodePtr node, bool atom, FeedChannel& channel) {
  for (xmlNodePtr child = node->children; child; child = child->next) {
    const Name name = name_of(child);
    const bool own = name.ns == Ns::kNone || (atom && name.ns == Ns::kAtom);
    if (own && name.local == "title" && channel.title.empty()) {
      channel.title = trimmed(atom ? atom_text(child).value : text_of(child), kXmlSpace);
    } else if (own && name.local == "link" && channel.link.empty()) {
      if (!atom) {
        channel.link = trimmed(text_of(child), kXmlSpace);
      } else {
        const std::string rel = lower_ascii(attribute(child, "rel"));
        if (rel.empty() || rel == "alternate") channel.link = trimmed(attribute(child, "href"), kXmlSpace);
      }
    } else if ((own || name.ns == Ns::kDc) && name.local == "language") {
      channel.language = trimmed(text_of(child), kXmlSpace);
    } else if (atom && own && name.local == "author") {
      read_person(child, channel.authors);
    }
  }
  if (channel.language.empty()) {
    if (const auto langs = inherited_attribute(node, "lang"); !langs.empty())
      channel.language = trimmed(langs.front(), kXmlSpace);
  }
}

// Parser errors, kept to name what is wrong with a feed that cannot be read.
struct ParseErrors {
  int count = 0;
  std::string first_fatal;  // the first error that is not about an undeclared entity or namespace
};

void collect_error(void* user_data, xmlErrorPtr error) {
  auto* context = static_cast<xmlParserCtxtPtr>(user_data);
  if (!context || !context->_private || !error) return;
  auto* errors = static_cast<ParseErrors*>(context->_private);
  ++errors->count;
  // Undeclared entities (&nbsp; without a DTD) and undeclared prefixes are everyday feed faults
  // that recovery handles fully.
  const bool harmless = error->domain == XML_FROM_NAMESPACE || error->code == XML_ERR_UNDECLARED_ENTITY ||
                        error->code == XML_WAR_UNDECLARED_ENTITY || error->level == XML_ERR_WARNING;
  if (!harmless && errors->first_fatal.empty()) {
    std::string message = error->message ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    errors->first_fatal = "line " + std::to_string(error->line) + ": " + message;
  }
}

// No external entity or DTD is ever loaded, whatever a feed declares: feeds are untrusted.
xmlParserInputPtr refuse_external_entity(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

struct DocFree {
  void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlParserCtxtPtr context) const { xmlFreeParserCtxt(context); }
};

}  // namespace

ParsedFeed parse_xml_feed(std::string_view utf8, const char* format_label) {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external_entity);
  });
  // Whitespace before the XML declaration is a common slip that would otherwise end the parse.
  while (!utf8.empty() && (utf8.front() == ' ' || utf8.front() == '\n' || utf8.front() == '\r' || utf8.front() == '\t'))
    utf8.remove_prefix(1);
  if (utf8.size() > INT_MAX) throw InputError(std::string("the ") + format_label + " feed is too large");
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) throw InputError("out of memory for the XML parser");
  ParseErrors errors;
  context->_private = &errors;
  context->sax->serror = collect_error;
  // Input is already UTF-8 (its declared encoding was applied by the ingest stage). No
  // XML_PARSE_NOENT: entities stay references, so billion-laughs feeds cannot expand; no
  // XML_PARSE_HUGE: libxml2's depth and size limits stay on.
  const int options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                      XML_PARSE_COMPACT;
  const std::string xml = normalize_entity_references(utf8);
  if (xml.size() > INT_MAX) throw InputError(std::string("the ") + format_label + " feed is too large");
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(context.get(), xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8", options));
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  const std::string label = std::string("the ") + format_label + " feed";
  if (!root) {
    throw InputError(label + " is not well-formed XML" +
                     (errors.first_fatal.empty() ? std::string() : " (" + errors.first_fatal + ")"));
  }
  ParsedFeed feed;
  const Name root_name = name_of(root);
  // An Atom entry document (RFC 4287 section 4.1.2) is a feed of one.
  const bool single_entry = root_name.local == "entry" && root_name.ns == Ns::kAtom;
  const bool atom = root_name.local == "feed" || single_entry;
  if (!atom && root_name.local != "rss" && root_name.local != "rdf") {
    throw InputError(label + "'s root element is <" + std::string(reinterpret_cast<const char*>(root->name)) +
                     ">, not <rss>, <rdf:RDF> or <feed>");
  }
  std::vector<xmlNodePtr> entries;
  if (single_entry) {
    entries.push_back(root);
  } else if (atom) {
    read_channel(root, true, feed.channel);
    for (xmlNodePtr child = root->children; child; child = child->next)
      if (name_of(child).local == "entry") entries.push_back(child);
  } else {
    // RSS 2.0 keeps items in <channel>; RSS 1.0 beside it; some 0.9x feeds put them in both.
    for (xmlNodePtr child = root->children; child; child = child->next) {
      const Name name = name_of(child);
      if (name.local == "channel") {
        read_channel(child, false, feed.channel);
        for (xmlNodePtr inner = child->children; inner; inner = inner->next)
          if (name_of(inner).local == "item") entries.push_back(inner);
      } else if (name.local == "item") {
        entries.push_back(child);
      }
    }
  }
  feed.malformed = errors.first_fatal;
  const std::string base = feed.channel.link;
  for (xmlNodePtr entry : entries) feed.items.push_back(atom ? read_atom_entry(entry, base) : read_rss_item(entry, base));
  return feed;
}

}  // namespace storyline::ingest
