#include "storyline/core/phrase_automaton.h"

#include <algorithm>
#include <deque>

namespace storyline {

PhraseAutomaton::PhraseAutomaton(const std::vector<std::string>& phrases) : nodes_(1) {
  lengths_.reserve(phrases.size());
  for (size_t index = 0; index < phrases.size(); ++index) {
    const std::string& phrase = phrases[index];
    lengths_.push_back(phrase.size());
    if (phrase.empty()) continue;
    uint32_t node = 0;
    for (const char c : phrase) {
      const auto byte = static_cast<unsigned char>(c);
      uint32_t next = child(node, byte);
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        auto& edges = nodes_[node].next;
        edges.insert(std::lower_bound(edges.begin(), edges.end(), std::pair<unsigned char, uint32_t>(byte, 0)),
                     {byte, next});
        nodes_.emplace_back();
      }
      node = next;
    }
    nodes_[node].phrases.push_back(static_cast<uint32_t>(index));
  }
  // Fail links breadth first: a node's link is found from its parent's, which is already set.
  std::deque<uint32_t> queue;
  for (const auto& [byte, node] : nodes_[0].next) queue.push_back(node);
  while (!queue.empty()) {
    const uint32_t parent = queue.front();
    queue.pop_front();
    for (const auto& [byte, node] : nodes_[parent].next) {
      const uint32_t fail = parent == 0 ? 0 : step(nodes_[parent].fail, byte);
      nodes_[node].fail = fail;
      nodes_[node].output_link = nodes_[fail].phrases.empty() ? nodes_[fail].output_link : fail;
      queue.push_back(node);
    }
  }
}

uint32_t PhraseAutomaton::child(uint32_t node, unsigned char byte) const {
  const auto& edges = nodes_[node].next;
  const auto it = std::lower_bound(edges.begin(), edges.end(), std::pair<unsigned char, uint32_t>(byte, 0));
  return it != edges.end() && it->first == byte ? it->second : 0;
}

uint32_t PhraseAutomaton::step(uint32_t node, unsigned char byte) const {
  while (true) {
    if (const uint32_t next = child(node, byte); next != 0) return next;
    if (node == 0) return 0;
    node = nodes_[node].fail;
  }
}

void PhraseAutomaton::find_all(std::string_view text, const std::function<void(const Hit&)>& found) const {
  uint32_t node = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    node = step(node, static_cast<unsigned char>(text[at]));
    for (uint32_t ending = nodes_[node].phrases.empty() ? nodes_[node].output_link : node; ending != 0;
         ending = nodes_[ending].output_link)
      for (const uint32_t phrase : nodes_[ending].phrases) found({phrase, at + 1 - lengths_[phrase], at + 1});
  }
}

}  // namespace storyline
