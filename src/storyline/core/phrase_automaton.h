#pragma once
// Many phrases found in one pass over a text (Aho–Corasick): byte strings, so fold the case of
// the phrases and of the text the same way first. Written here rather than taken from a package:
// Debian packages no C or C++ Aho–Corasick library (only Python's and Rust's), and Hyperscan /
// Vectorscan, a regular-expression engine with its own build and CPU dispatch, is far more than
// a few hundred literal phrases over paragraphs of a few hundred bytes need.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

class PhraseAutomaton {
 public:
  // One place where a phrase occurs: bytes [start, end) of the text.
  struct Hit {
    size_t phrase;  // index in the phrases given to the constructor
    size_t start;
    size_t end;
  };

  // Empty phrases are ignored; a phrase given twice is reported under both indexes.
  explicit PhraseAutomaton(const std::vector<std::string>& phrases);

  // Calls `found` for every occurrence of every phrase, overlapping ones too, in the order their
  // ends are reached.
  void find_all(std::string_view text, const std::function<void(const Hit&)>& found) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, uint32_t>> next;  // sorted by byte
    uint32_t fail = 0;              // the longest proper suffix of this node's path that is a node too
    uint32_t output_link = 0;       // the nearest node down the fail chain that ends a phrase (0: none)
    std::vector<uint32_t> phrases;  // phrases ending here
  };
  uint32_t child(uint32_t node, unsigned char byte) const;  // 0 when there is none
  uint32_t step(uint32_t node, unsigned char byte) const;   // follows fail links

  std::vector<Node> nodes_;  // nodes_[0] is the root
  std::vector<size_t> lengths_;
};

}  // namespace storyline
