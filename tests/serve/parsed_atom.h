#pragma once
// An Atom document read back with libxml2's strict parser (no recovery: a document that is not
// well-formed XML is no feed at all), for tests of what the server writes.
#include <optional>
#include <string>
#include <vector>

namespace storyline::testing {

struct ParsedAtomEntry {
  std::string id, title, updated, published, link, summary;
  std::vector<std::string> authors;
};

struct ParsedAtom {
  std::string id, title, updated, self_link;
  std::vector<ParsedAtomEntry> entries;
};

// nullopt when the text is not well-formed XML or its root is not an Atom <feed>.
std::optional<ParsedAtom> parse_atom(const std::string& text);

}  // namespace storyline::testing
