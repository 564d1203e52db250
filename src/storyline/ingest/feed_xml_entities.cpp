#include "storyline/ingest/feed_xml_entities.h"

#include <cctype>
#include <set>

#include "storyline/text/html_entities.h"

namespace storyline::ingest {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':';
}

// Names declared with <!ENTITY name ...> in the internal subset.
std::set<std::string, std::less<>> declared_entities(std::string_view doctype) {
  std::set<std::string, std::less<>> names;
  for (size_t pos = doctype.find("<!ENTITY"); pos != std::string_view::npos; pos = doctype.find("<!ENTITY", pos + 8)) {
    size_t start = pos + 8;
    while (start < doctype.size() && std::isspace(static_cast<unsigned char>(doctype[start]))) ++start;
    if (start < doctype.size() && doctype[start] == '%') continue;  // parameter entities are not referenced in content
    size_t end = start;
    while (end < doctype.size() && is_name_char(doctype[end])) ++end;
    if (end > start) names.emplace(doctype.substr(start, end - start));
  }
  return names;
}

void append_code_points_as_references(std::string_view utf8, std::string& out) {
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    const int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    uint32_t value = length == 1 ? c : c & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < utf8.size(); ++k)
      value = (value << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += "&#" + std::to_string(value) + ";";
    i += length;
  }
}

// Where a region that must be copied as it is ends, or npos when `pos` does not open one.
size_t verbatim_end(std::string_view xml, size_t pos) {
  auto until = [&](std::string_view close) {
    const size_t end = xml.find(close, pos);
    return end == std::string_view::npos ? xml.size() : end + close.size();
  };
  if (xml.compare(pos, 9, "<![CDATA[") == 0) return until("]]>");
  if (xml.compare(pos, 4, "<!--") == 0) return until("-->");
  if (xml.compare(pos, 2, "<?") == 0) return until("?>");
  return std::string_view::npos;
}

}  // namespace

std::string normalize_entity_references(std::string_view xml) {
  std::string out;
  out.reserve(xml.size() + xml.size() / 16);
  std::set<std::string, std::less<>> declared;
  size_t pos = 0;
  while (pos < xml.size()) {
    const size_t next = xml.find_first_of("<&", pos);
    if (next == std::string_view::npos) {
      out.append(xml.substr(pos));
      break;
    }
    out.append(xml.substr(pos, next - pos));
    pos = next;
    if (xml[pos] == '<') {
      size_t end = verbatim_end(xml, pos);
      if (end == std::string_view::npos && xml.compare(pos, 9, "<!DOCTYPE") == 0) {
        // The internal subset ends at "]>"; a DOCTYPE without one at the first '>'.
        const size_t bracket = xml.find('[', pos);
        const size_t close = xml.find('>', pos);
        if (bracket != std::string_view::npos && (close == std::string_view::npos || bracket < close)) {
          const size_t subset_end = xml.find("]>", bracket);
          end = subset_end == std::string_view::npos ? xml.size() : subset_end + 2;
        } else {
          end = close == std::string_view::npos ? xml.size() : close + 1;
        }
        declared = declared_entities(xml.substr(pos, end - pos));
      }
      if (end == std::string_view::npos) {
        out += '<';
        ++pos;
      } else {
        out.append(xml.substr(pos, end - pos));
        pos = end;
      }
      continue;
    }
    // '&': a reference of at most 40 characters, or a stray ampersand.
    size_t end = pos + 1;
    if (end < xml.size() && xml[end] == '#') ++end;
    while (end < xml.size() && end - pos < 40 && is_name_char(xml[end])) ++end;
    const bool terminated = end < xml.size() && xml[end] == ';' && end > pos + 1;
    if (!terminated) {
      out += "&#38;";
      ++pos;
      continue;
    }
    const std::string_view name = xml.substr(pos + 1, end - pos - 1);
    const std::string_view reference = xml.substr(pos, end - pos + 1);
    pos = end + 1;
    if (name[0] == '#' || declared.count(name)) {
      out.append(reference);
      continue;
    }
    const std::string decoded = text::decode_html_entities(reference);
    if (decoded != reference) {
      append_code_points_as_references(decoded, out);
    } else {
      out += "&#38;";  // an unknown name: kept as the literal text it was
      out.append(reference.substr(1));
    }
  }
  return out;
}

}  // namespace storyline::ingest
