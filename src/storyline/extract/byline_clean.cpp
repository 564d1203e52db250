// Hand-written: bylines are free text with per-language conventions; no library cleans them.
#include "storyline/extract/byline_clean.h"
#include "storyline/core/ascii.h"

#include <algorithm>
#include <cctype>

#include "storyline/extract/markup_words.h"

namespace storyline::extract {
namespace {

// Whitespace (also no-break spaces and line breaks) collapsed to single spaces.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
      if (nbsp) ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string trim_punctuation(std::string_view text) {
  auto is_trim = [](char c) {
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '|' || c == '.' || c == '(' || c == ')' ||
           c == '[' || c == ']' || c == '*' || c == '"' || c == '\'';
  };
  while (!text.empty() && is_trim(text.front())) text.remove_prefix(1);
  // A trailing initial keeps its dot: "Dana A.", "James S.A."
  auto initial_dot = [](std::string_view t) {
    return t.size() >= 2 && t.back() == '.' && std::isupper(static_cast<unsigned char>(t[t.size() - 2])) &&
           (t.size() == 2 || t[t.size() - 3] == ' ' || t[t.size() - 3] == '.');
  };
  while (!text.empty() && is_trim(text.back()) && !initial_dot(text)) text.remove_suffix(1);
  return std::string(text);
}

// "By", "Von", "Par", "Written by", "Autor:" ... at the start of a byline or part.
std::string strip_prefix(std::string text) {
  static constexpr std::string_view kPrefixes[] = {"written by ",
                                                   "posted by ",
                                                   "erstellt von ",
                                                   "eingestellt von ",
                                                   "artikel von: ",
                                                   "artikel von ",
                                                   "ein artikel von ",
                                                   "publiziert von ",
                                                   "beitrag von ",
                                                   "bericht von ",
                                                   "an article by ",
                                                   "posted on ",
                                                   "redigido por ",
                                                   "escrito por ",
                                                   "scritto da ",
                                                   "publié par ",
                                                   "écrit par ",
                                                   "reporting by ",
                                                   "story by ",
                                                   "words by ",
                                                   "text by ",
                                                   "published by ",
                                                   "geschrieben von ",
                                                   "verfasst von ",
                                                   "ein beitrag von ",
                                                   "text von ",
                                                   "text: ",
                                                   "autor: ",
                                                   "autorin: ",
                                                   "autoren: ",
                                                   "author: ",
                                                   "authors: ",
                                                   "auteur: ",
                                                   "redaktion: ",
                                                   "by: ",
                                                   "by ",
                                                   "von ",
                                                   "par ",
                                                   "por ",
                                                   "di ",
                                                   "door ",
                                                   "and ",
                                                   "und ",
                                                   "from ",
                                                   "author ",
                                                   "autor ",
                                                   "autorin ",
                                                   "auteur ",
                                                   "texte: ",
                                                   "texto: "};
  bool changed = true;
  while (changed) {
    changed = false;
    text = trim_punctuation(text);
    const std::string lower = lower_ascii(text);
    for (auto prefix : kPrefixes) {
      if (lower.size() > prefix.size() && lower.compare(0, prefix.size(), prefix) == 0) {
        text.erase(0, prefix.size());
        changed = true;
        break;
      }
    }
  }
  return text;
}

bool contains_word(const std::string& lower, std::string_view word) {
  size_t at = 0;
  while ((at = lower.find(word, at)) != std::string::npos) {
    const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
    const size_t end = at + word.size();
    const bool ends = end >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
    if (starts && ends) return true;
    at = end;
  }
  return false;
}

// Job titles and other non-name parts of a byline.
bool is_role(const std::string& lower) {
  static constexpr std::string_view kRoles[] = {
      "reporter",       "correspondent", "editor",        "writer",      "journalist",    "contributor",     "columnist",
      "staff",          "photographer",  "photos",        "photo",       "analyst",       "producer",        "chief",
      "senior",         "editorial",     "redakteur",     "redakteurin", "korrespondent", "korrespondentin", "mitarbeiter",
      "fotos",          "foto",          "video",         "updated",     "published",     "posted",          "aktualisiert",
      "veröffentlicht", "min read",      "read more",     "comments",    "share",         "follow",          "email",
      "twitter",        "facebook",      "more articles", "contact",     "view all",      "all posts",       "bio",
      "beiträge",       "zeige alle",    "alle artikel",  "mehr von",    "more from",     "profile",         "profil"};
  for (auto role : kRoles)
    if (contains_word(lower, role)) return true;
  return false;
}

// URLs and e-mail addresses (also the "name[at]host" disguise).
bool looks_like_url(const std::string& lower) {
  const size_t at = lower.find('@');
  const bool email = at != std::string::npos && lower.find('.', at) != std::string::npos;
  return email || lower.find("http") != std::string::npos || lower.find("www.") != std::string::npos ||
         lower.find(".com") != std::string::npos || lower.find('/') != std::string::npos ||
         lower.find("[at]") != std::string::npos;
}

// What is left of a byline that named nobody: "By", "Von", "Publiziert am".
bool is_bare_label(const std::string& lower) {
  static constexpr std::string_view kLabels[] = {"by",
                                                 "von",
                                                 "par",
                                                 "por",
                                                 "di",
                                                 "door",
                                                 "de",
                                                 "publiziert am",
                                                 "veröffentlicht am",
                                                 "posted",
                                                 "posted on",
                                                 "autor",
                                                 "author",
                                                 "authors",
                                                 "autorin",
                                                 "text",
                                                 "am",
                                                 "on",
                                                 "le",
                                                 "el"};
  for (auto label : kLabels)
    if (lower == label) return true;
  return false;
}

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

std::vector<std::string> split_on(const std::string& text, const std::vector<std::string_view>& separators) {
  std::vector<std::string> parts{text};
  for (auto separator : separators) {
    std::vector<std::string> next;
    for (const auto& part : parts) {
      const std::string lower = lower_ascii(part);
      size_t start = 0, at = 0;
      while ((at = lower.find(separator, start)) != std::string::npos) {
        next.push_back(part.substr(start, at - start));
        start = at + separator.size();
      }
      next.push_back(part.substr(start));
    }
    parts = std::move(next);
  }
  return parts;
}

}  // namespace

std::vector<std::string> byline_names(std::string_view byline) {
  std::string text = collapse_spaces(byline.substr(0, 1000));
  // Segments: "Jane Doe | Reuters", "Updated 10:30 · By Jane Doe". Prefer the one introduced by "By".
  const std::vector<std::string> segments = split_on(text, {" | ", "|", " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xE2\x80\x93 ",
                                                            " \xE2\x80\x94 ", " - ", " ("});
  std::string chosen;
  for (const auto& segment : segments) {
    const std::string stripped = strip_prefix(segment);
    const std::string cleaned = trim_punctuation(segment);
    if (stripped.empty()) continue;
    if (stripped.size() != cleaned.size()) {  // it had a "By": the names are here
      chosen = stripped;
      break;
    }
    // Otherwise the first segment without a date; its job titles are dropped below.
    if (chosen.empty() && std::none_of(stripped.begin(), stripped.end(), [](char c) { return c >= '0' && c <= '9'; }))
      chosen = stripped;
  }
  // A date after the names ends them: "Max Muster, 09.10.2021", "Jane Doe on October 9, 2021".
  const size_t digit = chosen.find_first_of("0123456789");
  if (digit != std::string::npos) chosen.erase(digit);
  for (std::string_view tail :
       {" on ", " am ", " le ", " el ", " il ", " at ", " @ ", " published", " updated", " posted"}) {
    const size_t at = lower_ascii(chosen).find(tail);
    if (at != std::string::npos) chosen.erase(at);
  }

  std::vector<std::string> names;
  for (auto& raw :
       split_on(chosen, {",", ";", " & ", "&", " and ", " und ", " et ", " y ", " e ", " en ", " og ", " \xE2\x80\xA2 "})) {
    std::string part = strip_prefix(raw);
    if (!part.empty() && part.front() == '@') continue;  // a social handle, not a name
    const std::string lower = lower_ascii(part);
    if (part.empty() || looks_like_url(lower) || is_role(lower) || is_bare_label(lower) || word_count(part) > 6 ||
        part.size() > 80)
      continue;
    names.push_back(part);
  }
  // "Jane Doe, October" (a month left from a date) or "Jane Doe, London": a lone word beside full
  // names is a place, date or desk more often than a person.
  const bool any_full_name = std::any_of(names.begin(), names.end(),
                                         [](const std::string& n) { return word_count(n) >= 2; });
  if (any_full_name && names.size() > 1)
    names.erase(std::remove_if(names.begin(), names.end(), [](const std::string& n) { return word_count(n) < 2; }),
                names.end());
  return names;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string joined;
  std::vector<std::string> seen;
  for (const auto& name : names) {
    const std::string key = lower_ascii(name);
    if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    if (!joined.empty()) joined += ", ";
    joined += name;
  }
  return joined;
}

}  // namespace storyline::extract
