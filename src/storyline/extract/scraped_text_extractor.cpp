#include "storyline/extract/scraped_text_extractor.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <unordered_set>

#include "storyline/core/ascii.h"
#include "storyline/core/url.h"
#include "storyline/extract/line_features.h"
#include "storyline/extract/prose_dates.h"

namespace storyline::extract {
namespace {

bool ends_with_period(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')' || line.ends_with("\u201D") ||
                           line.ends_with("\u2019"))) {
    line.remove_suffix(line.back() == '"' || line.back() == '\'' || line.back() == ')' ? 1 : 3);
  }
  return line.ends_with(".") || line.ends_with("\u3002");
}

// "This article appeared originally on The Western Journal.", "Originally published by X",
// "First appeared in X", "Republished with permission from X", "Dieser Artikel erschien zuerst
// bei X", "Source: X": the publisher, named by the text itself.
std::optional<std::string> publisher_statement(const std::string& line, const LineShape& shape) {
  if (shape.words > 20) return std::nullopt;
  // std::regex is slow: only lines holding one of the patterns' verbs go through it.
  const std::string lower = lower_ascii(line);
  static const char* const kVerbs[] = {"appeared",   "published", "posted",     "ran ",   "republished", "reprinted",
                                       "reproduced", "erschien",  "ist zuerst", "source", "quelle",      "fuente"};
  if (std::none_of(std::begin(kVerbs), std::end(kVerbs),
                   [&](const char* verb) { return lower.find(verb) != std::string::npos; }))
    return std::nullopt;
  static const std::regex kPatterns[] = {
      std::regex(
          "^(?:this\\s+)?(?:article|story|post|piece|content|report)?\\s*(?:was\\s+|is\\s+)?(?:originally\\s+|first\\s+)?"
          "(?:appeared|published|posted|ran)\\s+(?:originally\\s+|first\\s+)?(?:on|in|at|by)\\s+(.+)$",
          std::regex::icase),
      std::regex("^(?:republished|reprinted|reproduced)\\s+(?:with\\s+permission\\s+)?(?:from|of)\\s+(.+)$",
                 std::regex::icase),
      std::regex(
          "^(?:dieser\\s+)?(?:artikel|beitrag|text)?\\s*(?:erschien|ist)\\s+(?:zuerst|urspr\\S+)\\s+(?:bei|auf|in|im)\\s+(.+?)(?:\\s+erschienen)?$",
          std::regex::icase),
      std::regex("^(?:source|quelle|fuente)\\s*:\\s*(.+)$", std::regex::icase),
  };
  for (const auto& pattern : kPatterns) {
    std::smatch match;
    if (!std::regex_match(line, match, pattern)) continue;
    std::string name = match[1].str();
    while (!name.empty() && (name.back() == '.' || name.back() == ' ' || name.back() == ',')) name.pop_back();
    // A publisher is a name, not a sentence.
    const LineShape name_shape = line_shape(name);
    if (name.empty() || name_shape.words > 8 || name_shape.letters == 0) continue;
    return name;
  }
  return std::nullopt;
}

// A bare domain ("Particle.news", "www.example.co.uk") at the top of the text: the site's name
// is its registered label as written.
std::optional<std::string> site_from_domain_line(const std::string& line) {
  if (line.size() > 80 || line.find_first_of(" \t/") != std::string::npos) return std::nullopt;
  std::string host = line;
  if (host.size() > 4 && (host.compare(0, 4, "www.") == 0 || host.compare(0, 4, "WWW.") == 0)) host = host.substr(4);
  if (host.find('.') == std::string::npos) return std::nullopt;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return std::nullopt;
  const std::string lower = lower_ascii(host);
  const std::optional<std::string> registered = registered_domain("https://" + lower + "/");
  if (!registered || *registered != lower) return std::nullopt;
  const std::string label = host.substr(0, host.find('.'));
  if (label.empty() || std::all_of(label.begin(), label.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  return label;
}

bool is_byline(const std::string& line) {
  static const std::regex kByline("^(?:by|von|par|por|written by|posted by)\\s", std::regex::icase);
  return std::regex_search(line, kByline);
}

bool has_full_date(const std::string& line) {
  if (std::none_of(line.begin(), line.end(), [](unsigned char c) { return std::isdigit(c); })) return false;
  for (const auto& date : find_prose_dates(line))
    if (date.has_year()) return true;
  return false;
}

bool is_body_role(LineRole role) { return role == LineRole::kBody; }

// A line that names a publication date: short, and mostly the date or led by a date word.
std::optional<std::string> dateline_date(const std::string& line, const LineShape& shape) {
  if (shape.words > 14 || shape.caption_vocabulary > 0) return std::nullopt;
  if (std::none_of(line.begin(), line.end(), [](unsigned char c) { return std::isdigit(c); })) return std::nullopt;
  const std::vector<ProseDate> dates = find_prose_dates(line);
  if (dates.empty() || !dates.front().has_year()) return std::nullopt;
  static const std::regex kDateWords(
      "\\b(published|updated|posted|last modified|ver(?:ö|o)ffentlicht|aktualisiert|stand|publi(?:é|e)|publicado|actualizado)\\b",
      std::regex::icase);
  const bool mostly_date = dates.front().length * 2 >= line.size();
  if (!mostly_date && !std::regex_search(line, kDateWords)) return std::nullopt;
  return dates.front().iso();
}

// "WASHINGTON, Oct. 29, 2025 — ...": a date opening the first paragraph, set off by a dash or colon.
std::optional<std::string> opening_dateline(const std::string& line) {
  const std::vector<ProseDate> dates = find_prose_dates(line.substr(0, std::min<size_t>(line.size(), 80)));
  if (dates.empty() || !dates.front().has_year() || dates.front().offset > 40) return std::nullopt;
  const std::string after = line.substr(dates.front().offset + dates.front().length, 8);
  static const std::regex kSetOff("^\\s*(?:\\)\\s*)?(?:[-:(]|\u2014|\u2013|/)");
  if (!std::regex_search(after, kSetOff)) return std::nullopt;
  return dates.front().iso();
}

}  // namespace

const char* line_role_name(LineRole role) {
  switch (role) {
    case LineRole::kBody: return "body";
    case LineRole::kTitle: return "title";
    case LineRole::kExcerpt: return "excerpt";
    case LineRole::kChrome: return "chrome";
    case LineRole::kCaption: return "caption";
    case LineRole::kPublisher: return "publisher";
    case LineRole::kOtherHeadline: return "other-headline";
    case LineRole::kBeforeTitle: return "before-title";
    case LineRole::kDateline: return "dateline";
  }
  return "chrome";
}

ScrapedTextAnalysis analyze_scraped_text(std::string_view utf8_text, const PageContext& context, const LineModel& model) {
  ScrapedTextAnalysis analysis;
  Document& document = analysis.document;
  document.source = context.source;
  document.url = context.url;

  const std::vector<std::string> lines = split_nonblank_lines(utf8_text);
  const size_t n = lines.size();
  if (n == 0) return analysis;
  const std::vector<double> probabilities = model.body_probabilities(lines);
  const std::vector<int> near_duplicates = near_duplicate_counts(lines);
  std::vector<LineShape> shapes;
  for (const auto& line : lines) shapes.push_back(line_shape(line));

  std::vector<LineRole> roles(n, LineRole::kChrome);
  std::unordered_set<std::string_view> first_seen;
  for (size_t i = 0; i < n; ++i) {
    if (probabilities[i] >= model.threshold) roles[i] = LineRole::kBody;
    if (shapes[i].letters == 0) roles[i] = LineRole::kChrome;
    // Captions repeated with small variations (each image's caption, again in a gallery or
    // lightbox): none of the group is body.
    if (near_duplicates[i] > 0) roles[i] = LineRole::kCaption;
    // A line printed twice (desktop and mobile copies, a slideshow) is read once.
    if (first_seen.count(lines[i])) roles[i] = LineRole::kChrome;
    first_seen.insert(lines[i]);
    if (dateline_date(lines[i], shapes[i])) roles[i] = LineRole::kDateline;
    if (auto publisher = publisher_statement(lines[i], shapes[i])) {
      roles[i] = LineRole::kPublisher;
      if (!document.site_name) document.site_name = *publisher;
    }
  }
  for (size_t i = 0; i < std::min<size_t>(n, 5); ++i) {
    if (auto site = site_from_domain_line(lines[i])) {
      roles[i] = LineRole::kPublisher;
      if (!document.site_name) document.site_name = *site;
    }
  }

  // Headline: the longest title-like line up to the first body paragraph (titles are often
  // scored as body by the classifier, since some golds keep them).
  size_t first_body = n;
  for (size_t i = 0; i < n; ++i)
    if (is_body_role(roles[i])) {
      first_body = i;
      break;
    }
  // Short body-scored lines before the first paragraph of prose may be kickers and tag lines
  // ("Antony Blinken" above the headline): the headline is searched up to that paragraph.
  size_t first_prose = first_body;
  while (first_prose < n &&
         !(is_body_role(roles[first_prose]) && shapes[first_prose].words >= 8 && shapes[first_prose].terminal_punctuation))
    ++first_prose;
  if (first_prose == n || first_prose > first_body + 3) first_prose = first_body;
  std::optional<size_t> title;
  double best_score = 0;
  for (size_t i = 0; i <= std::min(first_prose, n - 1); ++i) {
    const LineShape& shape = shapes[i];
    const bool eligible = roles[i] == LineRole::kBody || roles[i] == LineRole::kChrome;
    if (!eligible || shape.words < 3 || shape.words > 40 || ends_with_period(lines[i]) || shape.bullet) continue;
    if (shape.call_to_action > 0 && shape.words < 8) continue;
    // Credits and bylines ("Credit Illustration by ...", "By Jane Doe, Oct. 3, 2021") are not headlines.
    if (shape.caption_vocabulary > 0 && shape.words < 8) continue;
    if (is_byline(lines[i]) || has_full_date(lines[i])) continue;
    // A line the classifier reads as body is the headline only when short; the lone line of a
    // one-paragraph text stays body.
    if (roles[i] == LineRole::kBody && (shape.words > 25 || i + 1 == n)) continue;
    const double score = std::min(shape.words, 25) + 5 * shape.title_case_ratio() -
                         0.3 * static_cast<double>(first_prose - i);
    if (!title || score > best_score) {
      title = i;
      best_score = score;
    }
  }
  if (title) {
    roles[*title] = LineRole::kTitle;
    document.title = lines[*title];
    for (size_t i = 0; i < *title; ++i)
      if (roles[i] == LineRole::kBody || roles[i] == LineRole::kChrome) roles[i] = LineRole::kBeforeTitle;

    // Standfirst: a sentence right after the headline that stands apart from the body (removed
    // lines follow it), or that the classifier did not take as body.
    const size_t next = *title + 1;
    if (next < n && shapes[next].terminal_punctuation && shapes[next].words >= 6 && shapes[next].words <= 80 &&
        roles[next] != LineRole::kCaption && roles[next] != LineRole::kPublisher) {
      const bool set_apart = next + 1 < n && !is_body_role(roles[next + 1]);
      const bool body_follows = std::any_of(roles.begin() + static_cast<ptrdiff_t>(next) + 1, roles.end(), is_body_role);
      if (body_follows && (set_apart || !is_body_role(roles[next]))) {
        roles[next] = LineRole::kExcerpt;
        document.excerpt = lines[next];
      }
    }
  }

  // Headlines of other stories dropped between paragraphs: long, title-cased, unpunctuated.
  for (size_t i = 1; i + 1 < n; ++i) {
    if (!is_body_role(roles[i])) continue;
    const LineShape& shape = shapes[i];
    if (shape.words < 9 || shape.terminal_punctuation || shape.title_case_ratio() < 0.6) continue;
    auto prose = [&](size_t k) { return is_body_role(roles[k]) && shapes[k].terminal_punctuation; };
    size_t before = i - 1, after = i + 1;
    if (prose(before) || prose(after) || (title && before == *title)) roles[i] = LineRole::kOtherHeadline;
  }

  // Publication date: only from a dateline (a short line that is mostly a date, or says
  // "published"/"updated") outside the body near the headline, or a date opening the first
  // paragraph. Dates inside captions and running prose tell of events, not of publication.
  const size_t header_end = std::min(n, (title ? *title : 0) + 4);
  for (size_t i = 0; i < n && !document.published; ++i) {
    const bool near_header = i < header_end || i < first_body;
    if (!near_header || roles[i] != LineRole::kDateline) continue;
    document.published = dateline_date(lines[i], shapes[i]);
  }
  std::string body;
  for (size_t i = 0; i < n; ++i) {
    if (!is_body_role(roles[i])) continue;
    if (!document.published && body.empty()) {
      if (auto date = opening_dateline(lines[i])) document.published = *date;
    }
    if (!body.empty()) body += "\n\n";
    body += strip_bullet(lines[i]);
  }
  if (!body.empty()) document.text = std::move(body);

  analysis.lines.reserve(n);
  for (size_t i = 0; i < n; ++i) analysis.lines.push_back({lines[i], roles[i], probabilities[i]});
  return analysis;
}

Document extract_scraped_text(std::string_view utf8_text, const PageContext& context) {
  return analyze_scraped_text(utf8_text, context).document;
}

}  // namespace storyline::extract
