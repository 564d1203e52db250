#include "storyline/sources/robots_rules.h"

#include <cstdlib>

#include "storyline/core/ascii.h"

namespace storyline::sources {
namespace {

// Pattern match with "*" (any run) and a final "$" (end of path); otherwise a prefix match.
bool matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Iterative wildcard match, greedy with backtracking to the last "*".
  size_t p = 0, s = 0, star = std::string_view::npos, star_s = 0;
  while (s < path.size()) {
    if (p == pattern.size()) {
      if (!anchored) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    } else if (pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos) return false;
    p = star + 1;
    s = ++star_s;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

RobotsRules RobotsRules::disallow_all() {
  RobotsRules rules;
  rules.rules_.push_back({"/", false});
  return rules;
}

RobotsRules RobotsRules::parse(std::string_view robots_txt, std::string_view agent_token) {
  const std::string token = lower_ascii(agent_token);
  std::vector<Rule> ours, anyone;
  std::optional<double> our_delay, anyone_delay;
  bool found_ours = false;
  // A group is one or more user-agent lines followed by rules; the agents of the group being read:
  bool group_is_ours = false, group_is_anyone = false, in_rules = false;
  size_t start = 0;
  while (start <= robots_txt.size()) {
    size_t end = robots_txt.find('\n', start);
    if (end == std::string_view::npos) end = robots_txt.size();
    std::string_view line = robots_txt.substr(start, end - start);
    start = end + 1;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = lower_ascii(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (in_rules) group_is_ours = group_is_anyone = in_rules = false;
      const std::string agent = lower_ascii(value);
      if (agent == "*") group_is_anyone = true;
      else if (agent.substr(0, agent.find('/')) == token) group_is_ours = found_ours = true;
    } else if (key == "allow" || key == "disallow") {
      in_rules = true;
      if (value.empty()) continue;  // "Disallow:" with nothing allows everything
      const Rule rule{std::string(value), key == "allow"};
      if (group_is_ours) ours.push_back(rule);
      if (group_is_anyone) anyone.push_back(rule);
    } else if (key == "crawl-delay") {
      in_rules = true;
      char* end_of_number = nullptr;
      const std::string number(value);
      const double seconds = std::strtod(number.c_str(), &end_of_number);
      if (end_of_number == number.c_str() || !(seconds >= 0)) continue;
      if (group_is_ours) our_delay = seconds;
      if (group_is_anyone) anyone_delay = seconds;
    }
    if (end == robots_txt.size()) break;
  }
  RobotsRules rules;
  rules.rules_ = found_ours ? std::move(ours) : std::move(anyone);
  rules.crawl_delay_ = found_ours ? our_delay : anyone_delay;
  return rules;
}

bool RobotsRules::allows(std::string_view path) const {
  if (path.empty()) path = "/";
  const Rule* best = nullptr;
  for (const Rule& rule : rules_) {
    if (!matches(rule.pattern, path)) continue;
    if (!best || rule.pattern.size() > best->pattern.size() || (rule.pattern.size() == best->pattern.size() && rule.allow))
      best = &rule;
  }
  return !best || best->allow;
}

}  // namespace storyline::sources
