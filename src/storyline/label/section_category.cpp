#include "storyline/label/section_category.h"

#include <map>
#include <stdexcept>
#include <string>

#include "storyline/core/table_rows.h"
#include "storyline/text/tokenize.h"

namespace storyline::label {
namespace {

constexpr std::string_view kTable =
#include "storyline/label/section_categories.tsv.inc"
    ;

struct Entry {
  Category category;
  bool scope = false;  // a geographic scope ("world", "national"): loses to any other section word
};
using Table = std::map<std::string, Entry, std::less<>>;

// "word<TAB>category<TAB>note" rows. The table is compiled in, so a malformed row is a programming
// error, reported with its line number (a unit test loads it).
Table parse_table(std::string_view data) {
  Table table;
  for_each_table_row(data, [&](size_t line, const TableRow& fields) {
    const std::string where = "section_categories.tsv:" + std::to_string(line) + ": ";
    if (fields.size() < 2) throw std::logic_error(where + "no tab after the section word");
    const auto category = category_from_name(fields[1]);
    if (!category) throw std::logic_error(where + "unknown category '" + std::string(fields[1]) + "'");
    const std::string_view note = fields.size() > 2 ? fields[2] : std::string_view();
    const Entry entry{*category, note.find("scope word") != std::string_view::npos};
    if (!table.emplace(text::fold_case(fields[0]), entry).second) throw std::logic_error(where + "word listed twice");
  });
  return table;
}

const Table& table() {
  static const Table parsed = parse_table(kTable);
  return parsed;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

const Entry* lookup(std::string_view word) {
  if (word.empty() || word.size() > 64) return nullptr;
  const Table& words = table();
  const auto found = words.find(text::fold_case(word));
  return found == words.end() ? nullptr : &found->second;
}

// An absolute URL's host, and its path (or a bare path) without query or fragment, percent-decoded.
struct UrlParts {
  explicit UrlParts(std::string_view url) {
    if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
      url.remove_prefix(scheme + 3);
      const size_t slash = url.find('/');
      host = url.substr(0, slash);
      url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    }
    path = percent_decode(url.substr(0, url.find_first_of("?#")));
  }
  std::string_view host;  // a view into the URL given
  std::string path;
};

// Of several section words in one name or path, the last (deepest, most specific: lifestyle/health,
// economia/loteria) wins, but a scope word only when nothing else matched (sports/.../international).
class Matches {
 public:
  void add(const Entry* entry) {
    if (!entry) return;
    (entry->scope ? scope_ : specific_) = entry->category;
  }
  std::optional<Category> best() const { return specific_ ? specific_ : scope_; }

 private:
  std::optional<Category> specific_;
  std::optional<Category> scope_;
};

}  // namespace

size_t section_word_count() { return table().size(); }

std::vector<std::string> section_names(std::string_view url, std::string_view section) {
  std::vector<std::string> names;
  if (!section.empty() && section.size() <= 200) names.push_back(text::fold_case(section));
  const UrlParts parts(url);
  std::string_view rest = parts.path;
  // Segments followed by a slash: the last one names the page itself, not where it is filed.
  for (size_t slash = rest.find('/'); slash != std::string_view::npos; slash = rest.find('/')) {
    if (slash > 0 && slash <= 64) names.push_back(text::fold_case(rest.substr(0, slash)));
    rest.remove_prefix(slash + 1);
  }
  return names;
}

std::optional<Category> section_category(std::string_view url, std::string_view section) {
  if (!section.empty() && section.size() <= 200) {
    if (const Entry* whole = lookup(section)) return whole->category;
    Matches words;
    for (const text::Word& word : text::split_words(section)) words.add(lookup(word.text));
    if (auto category = words.best()) return category;
  }
  const UrlParts parts(url);
  const std::string_view host = parts.host;
  std::string_view rest = parts.path;
  Matches segments;
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    segments.add(lookup(rest.substr(0, slash)));
    rest.remove_prefix(slash == std::string_view::npos ? rest.size() : slash + 1);
  }
  if (auto category = segments.best()) return category;
  // "sport.example.com": a section as the host's first label, when the host has three or more.
  const size_t dot = host.find('.');
  if (dot != std::string_view::npos && host.find('.', dot + 1) != std::string_view::npos)
    if (const Entry* entry = lookup(host.substr(0, dot))) return entry->category;
  return std::nullopt;
}

}  // namespace storyline::label
