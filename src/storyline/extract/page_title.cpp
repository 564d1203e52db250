// Hand-written: the rules are small and specific to how publishers build <title>s.
#include "storyline/extract/page_title.h"

#include <algorithm>
#include <cctype>

#include "storyline/core/url.h"

namespace storyline::extract {
// Lower-case letters and digits only, for loose comparison: ASCII and Latin-1 letters lower-cased,
// ASCII punctuation, general punctuation (U+2000..U+206F: dashes, quotes, ellipsis), « » and
// no-break spaces dropped; other UTF-8 kept as it is.
std::string comparable_text(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char u = static_cast<unsigned char>(text[i]);
    if (u < 0x80) {
      if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
      continue;
    }
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (u == 0xE2 && (next == 0x80 || next == 0x81) && i + 2 < text.size()) {
      i += 2;
      continue;
    }
    if (u == 0xC2 && (next == 0xA0 || next == 0xAB || next == 0xBB || next == 0xB7 || next == 0xAD)) {  // soft hyphen too
      ++i;
      continue;
    }
    if (u == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      out += static_cast<char>(u);
      out += static_cast<char>(next + 0x20);
      ++i;
      continue;
    }
    out += static_cast<char>(u);
  }
  return out;
}

// Two titles for the same article: equal, or one contains the other and covers most of it.
bool similar_titles(std::string_view a, std::string_view b) {
  const std::string x = comparable_text(a), y = comparable_text(b);
  if (x.empty() || y.empty()) return false;
  const std::string& shorter = x.size() <= y.size() ? x : y;
  const std::string& longer = x.size() <= y.size() ? y : x;
  return longer.find(shorter) != std::string::npos && shorter.size() * 5 >= longer.size() * 2;
}

size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == ' ') in_word = false;
    else if (!in_word) in_word = true, ++words;
  }
  return words;
}

namespace {

struct TitleParts {
  std::vector<std::string> parts;
  std::vector<std::string> separators;  // separators[i] sits between parts[i] and parts[i+1]
};

TitleParts split_title(const std::string& title) {
  static constexpr std::string_view kSeparators[] = {
      " | ",  " - ",        " : ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ",
      " :: ", " \xC2\xBB ", " \xC2\xAB ", " \xE2\x80\xA2 ", " \xE2\x80\xBA ", " ~ ",
      " // ", " / "};
  TitleParts result;
  size_t start = 0, i = 0;
  while (i < title.size()) {
    bool matched = false;
    for (auto separator : kSeparators) {
      if (title.compare(i, separator.size(), separator) == 0) {
        result.parts.push_back(title.substr(start, i - start));
        result.separators.emplace_back(separator);
        i += separator.size();
        start = i;
        matched = true;
        break;
      }
    }
    // Unspaced: "NEWS WEB EASY|子ども…", and a hyphen between characters of scripts written
    // without spaces ("…英雄的城！-新华网").
    const bool bare_bar = title[i] == '|';
    const bool cjk_hyphen = title[i] == '-' && i > 0 && i + 1 < title.size() &&
                            static_cast<unsigned char>(title[i - 1]) >= 0x80 &&
                            static_cast<unsigned char>(title[i + 1]) >= 0xE3;  // a CJK lead byte
    if (!matched && (bare_bar || cjk_hyphen) && i > start) {
      result.parts.push_back(title.substr(start, i - start));
      result.separators.emplace_back(title.substr(i, 1));
      start = ++i;
      matched = true;
    }
    if (!matched) ++i;
  }
  result.parts.push_back(title.substr(start));
  return result;
}

std::string join_parts(const TitleParts& title, size_t first, size_t last) {  // [first, last)
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out += title.separators[i - 1];
    out += title.parts[i];
  }
  return out;
}

}  // namespace

// Drops " | Site Name" / "Site - " parts: those that match the site name or the domain, or, failing
// that, everything around the part that matches the page's <h1>.
std::string strip_site_from_title(const std::string& raw_title, const std::vector<std::string>& site_keys,
                                  const std::vector<std::string>& h1s) {
  // "Site  &raquo; Blog   &raquo; Post": separators are recognised with their spaces, so runs of
  // spaces count as one.
  std::string title;
  for (char c : raw_title)
    if (c != ' ' || title.empty() || title.back() != ' ') title += c;
  TitleParts split = split_title(title);
  if (split.parts.size() < 2) return title;
  auto matches_site = [&](const std::string& part) {
    const std::string key = comparable_text(part);
    if (key.size() < 2) return false;
    for (const auto& site : site_keys) {
      if (site.size() < 2) continue;
      if (key == site) return true;
      if (key.size() >= 4 && site.find(key) != std::string::npos) return true;  // "Guardian" in "theguardian"
      if (site.size() >= 4 && key.find(site) != std::string::npos && count_words(part) <= 4)
        return true;  // "SPIEGEL ONLINE"
    }
    return false;
  };
  // The part (or run of parts) the page shows as its headline, when a heading matches one; a
  // heading that is itself the site's name does not count. Tried before the site's name is
  // looked for, which may match loosely ("Welpen kaufen" in welpenkaufen24.de).
  const std::string title_key = comparable_text(title);
  for (const auto& h1 : h1s) {
    const std::string heading = comparable_text(h1);
    if (heading.size() < 4 || matches_site(h1)) continue;
    // The page's headline is the whole title ("Interview mit Rainer Teuber – #OutInChurch"): no
    // later heading that matches one of its parts may cut it.
    if (heading == title_key) return title;
    // One word ("Fachmeldungen", "Geschichte") is a section's label more often than a headline.
    if (count_words(h1) < 2) continue;
    for (size_t begin = 0; begin < split.parts.size(); ++begin)
      for (size_t end = begin + 1; end <= split.parts.size(); ++end)
        // Only a leading or trailing run of parts: a heading matching a middle part is the
        // site's logo, not the article's headline.
        if (end - begin < split.parts.size() && (begin == 0 || end == split.parts.size()) &&
            comparable_text(join_parts(split, begin, end)) == heading)
          return join_parts(split, begin, end);
  }
  size_t first = 0, last = split.parts.size();
  bool stripped = false;
  while (last - first > 1) {
    if (matches_site(split.parts[last - 1])) {
      --last, stripped = true;
    } else if (matches_site(split.parts[first])) {
      ++first, stripped = true;
    } else {
      break;
    }
  }
  // The site's name in the middle ("Post : Blog-Archiv | Tagline | Since 2005"): it and what
  // follows are the site's.
  if (!stripped)
    for (size_t i = 1; i + 1 < last; ++i)
      if (matches_site(split.parts[i]) &&
          (count_words(join_parts(split, 0, i)) >= 3 ||
           std::find(site_keys.begin(), site_keys.end(), comparable_text(split.parts[i])) != site_keys.end())) {
        last = i, stripped = true;
        break;
      }
  if (stripped) {
    // What is left may still be a breadcrumb or carry a section ("Blog Archiv » Post").
    const std::string rest = join_parts(split, first, last);
    return rest == title ? rest : strip_site_from_title(rest, {}, h1s);
  }
  // A last part after " | " that is shorter than the rest is a site or section name.
  if (split.separators.back() == " | " && count_words(split.parts.back()) <= 5 &&
      2 * count_words(join_parts(split, 0, split.parts.size() - 1)) >= 3 * count_words(split.parts.back()))
    return join_parts(split, 0, split.parts.size() - 1);
  // Unspaced ("…英雄的城！-新华网", "NEWS WEB EASY|…"): a short last part is the site's name too.
  if ((split.separators.back() == "|" || split.separators.back() == "-") && count_words(split.parts.back()) <= 3 &&
      3 * split.parts.back().size() <= title.size())
    return join_parts(split, 0, split.parts.size() - 1);
  // Breadcrumb separators ("Blog Archive » Title", "Site › Section › Title") end with the page.
  const std::string& last_separator = split.separators.back();
  if ((last_separator == " \xC2\xBB " || last_separator == " \xE2\x80\xBA ") && count_words(split.parts.back()) >= 2)
    return split.parts.back();
  return title;
}

std::vector<std::string> site_keys(const std::optional<std::string>& site_name, const std::optional<std::string>& url) {
  std::vector<std::string> keys;
  if (site_name) keys.push_back(comparable_text(*site_name));
  if (url) {
    if (auto domain = registered_domain(*url)) {
      keys.push_back(comparable_text(*domain));
      keys.push_back(comparable_text(domain->substr(0, domain->find('.'))));
    }
    if (auto host = url_host(*url)) {
      std::string_view bare = *host;
      if (bare.starts_with("www.")) bare.remove_prefix(4);
      keys.push_back(comparable_text(bare));
    }
  }
  return keys;
}

}  // namespace storyline::extract
