#pragma once
// robots.txt (RFC 9309): the rules of the group for our user agent ("storyline"), else of the
// "*" group. The longest matching rule wins; Allow wins a tie; "*" and "$" are understood.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::sources {

class RobotsRules {
 public:
  static RobotsRules allow_all() { return RobotsRules(); }
  static RobotsRules disallow_all();
  // Never fails: lines it does not understand are ignored, as the RFC asks.
  static RobotsRules parse(std::string_view robots_txt, std::string_view agent_token = "storyline");

  // `path` is the URL's path and query ("/news/1?x=2").
  bool allows(std::string_view path) const;
  // The group's Crawl-delay (not in RFC 9309, but many news sites set it), in seconds.
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
};

}  // namespace storyline::sources
