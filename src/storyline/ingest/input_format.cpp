#include "storyline/ingest/input_format.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "storyline/core/ascii.h"

namespace storyline::ingest {
namespace {

std::string_view skip_space(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  return text;
}

// Skips the XML declaration, comments, processing instructions and doctype to the first element.
std::string_view first_element(std::string_view head) {
  while (true) {
    head = skip_space(head);
    if (head.starts_with("<?")) {
      const size_t end = head.find("?>");
      if (end == std::string_view::npos) return {};
      head.remove_prefix(end + 2);
    } else if (head.starts_with("<!--")) {
      const size_t end = head.find("-->");
      if (end == std::string_view::npos) return {};
      head.remove_prefix(end + 3);
    } else if (head.starts_with("<!doctype") && !head.starts_with("<!doctype html")) {
      // A doctype with an internal subset ("[ <!ENTITY ...> ]") ends at "]>".
      const size_t bracket = head.find('[');
      size_t end = head.find('>');
      if (bracket != std::string_view::npos && bracket < end) {
        end = head.find("]>", bracket);
        if (end != std::string_view::npos) ++end;
      }
      if (end == std::string_view::npos) return {};
      head.remove_prefix(end + 1);
    } else {
      return head;
    }
  }
}

bool looks_like_json_lines(std::string_view text) {
  // Two or more lines that each open a JSON object.
  size_t objects = 0;
  size_t pos = 0;
  while (pos < text.size() && objects < 2) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = skip_space(text.substr(pos, end - pos));
    if (!line.empty()) {
      if (line.front() != '{') return false;
      ++objects;
    }
    pos = end + 1;
  }
  return objects >= 2;
}

}  // namespace

const char* format_name(InputFormat format) {
  switch (format) {
    case InputFormat::kHtml: return "HTML";
    case InputFormat::kPlainText: return "plain text";
    case InputFormat::kFrontMatter: return "front-matter record";
    case InputFormat::kJson: return "JSON";
    case InputFormat::kJsonLines: return "JSON Lines";
    case InputFormat::kRss: return "RSS";
    case InputFormat::kRdf: return "RSS 1.0";
    case InputFormat::kAtom: return "Atom";
    case InputFormat::kJsonFeed: return "JSON Feed";
    case InputFormat::kBinary: return "binary";
    case InputFormat::kEmpty: return "empty";
  }
  return "unknown";
}

InputFormat detect_format(std::string_view utf8) {
  if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  const std::string_view trimmed = skip_space(utf8);
  if (trimmed.empty()) return InputFormat::kEmpty;
  if (std::find(utf8.begin(), utf8.begin() + std::min<size_t>(utf8.size(), 8192), '\0') !=
      utf8.begin() + std::min<size_t>(utf8.size(), 8192))
    return InputFormat::kBinary;
  if (trimmed.starts_with("---") && (trimmed.size() == 3 || trimmed[3] == '\n' || trimmed[3] == '\r'))
    return InputFormat::kFrontMatter;
  if (trimmed.front() == '{') {
    if (looks_like_json_lines(trimmed)) return InputFormat::kJsonLines;
    const std::string head = lower_ascii(trimmed.substr(0, 2048));
    if (head.find("jsonfeed.org/version") != std::string::npos) return InputFormat::kJsonFeed;
    return InputFormat::kJson;
  }
  if (trimmed.front() == '[') return InputFormat::kJson;
  if (trimmed.front() == '<') {
    const std::string head = lower_ascii(trimmed.substr(0, 16384));
    const std::string_view element = first_element(head);
    if (element.starts_with("<rss")) return InputFormat::kRss;
    if (element.starts_with("<rdf:rdf") || element.starts_with("<rdf")) return InputFormat::kRdf;
    if (element.starts_with("<feed")) return InputFormat::kAtom;
    // Namespaced roots: <atom:feed>, <rss:rss> are rare but legal.
    if (element.starts_with("<atom:feed")) return InputFormat::kAtom;
    // An Atom entry document: one entry as the root.
    if (element.starts_with("<entry") && element.find("http://www.w3.org/2005/atom") != std::string_view::npos)
      return InputFormat::kAtom;
    return InputFormat::kHtml;
  }
  // Text that still contains markup further down (a page saved without its doctype).
  const std::string head = lower_ascii(trimmed.substr(0, 4096));
  if (head.find("<html") != std::string::npos || head.find("<body") != std::string::npos) return InputFormat::kHtml;
  return InputFormat::kPlainText;
}

}  // namespace storyline::ingest
