#include "storyline/extract/context_date.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

#include "storyline/core/iso_day.h"
#include "storyline/extract/date_mentions.h"

namespace storyline::extract {
namespace {

using std::chrono::year_month_day;

// A dateline sits at the very top: within this many bytes of the text's start, and after at most
// a short place name on its line ("WASHINGTON, " / "KABUL (Reuters) - ").
constexpr size_t kDatelineReach = 200;
constexpr size_t kDatelinePlaceBytes = 60;
// A date without a year is placed in the year nearest its anchor, at most this many years away
// when a weekday goes with it ("Monday, August 30": the weekday picks among the nearby years).
constexpr int kWeekdaySearchYears = 3;

int32_t day_number(int year, int month, int day) { return static_cast<int32_t>(days_from_civil(year, month, day)); }

int weekday_of(int32_t day) {
  return static_cast<int>(std::chrono::weekday(std::chrono::sys_days(std::chrono::days(day))).c_encoding());
}

bool valid(int year, int month, int day) {
  return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

ContextDate one_day(int32_t day, DateEvidence evidence) { return {day, day, DatePrecision::kDay, evidence}; }

// The date without a year placed near `anchor` (a day): in the year before, of, or after the
// anchor's, whichever is nearest; a weekday that goes with it decides among nearby years first.
std::optional<int32_t> place_near(const DateMention& partial, int32_t anchor) {
  const int anchor_year = static_cast<int>(year_month_day{std::chrono::sys_days(std::chrono::days(anchor))}.year());
  std::optional<int32_t> best;
  auto consider = [&](int year, bool need_weekday) {
    if (!valid(year, partial.month, partial.day)) return;
    const int32_t day = day_number(year, partial.month, partial.day);
    if (need_weekday && weekday_of(day) != partial.weekday) return;
    if (!best || std::abs(day - anchor) < std::abs(*best - anchor)) best = day;
  };
  if (partial.weekday >= 0)
    for (int year = anchor_year - kWeekdaySearchYears; year <= anchor_year + kWeekdaySearchYears; ++year)
      consider(year, true);
  if (!best)
    for (int year = anchor_year - 1; year <= anchor_year + 1; ++year) consider(year, false);
  return best;
}

// A full date is a dateline when it opens the text's first lines, alone or after a short place.
bool is_dateline(const DateMention& mention, std::string_view text) {
  if (mention.kind != MentionKind::kFullDate || mention.offset > kDatelineReach) return false;
  if (mention.opens_line) return true;
  const size_t line_start = text.rfind('\n', mention.offset);
  const size_t before = mention.offset - (line_start == std::string_view::npos ? 0 : line_start + 1);
  if (before > kDatelinePlaceBytes) return false;
  // What follows must set the date off: a dash, colon, bar, bracket or the end of the line (not
  // a full stop: "... was on 3 May 2019." ends a sentence, not a dateline).
  std::string_view after = text.substr(mention.offset + mention.length, 8);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  if (after.empty()) return mention.offset + mention.length >= text.size();  // the text ends with it
  return after.front() == '\n' || after.front() == '-' || after.front() == ':' || after.front() == '|' ||
         after.front() == '(' || after.starts_with("\u2014") || after.starts_with("\u2013");
}

struct Found {
  std::vector<DateMention> title, text;
};

}  // namespace

std::optional<ContextDate> date_from_context(std::string_view title, std::string_view text, std::string_view language,
                                             std::optional<int32_t> not_after) {
  const Found found{find_date_mentions(title.substr(0, 1024), language), find_date_mentions(text, language)};
  auto allowed = [&](int32_t first_day) { return !not_after || first_day <= *not_after; };

  // 1. A dateline: the publisher's own statement of the day.
  for (const DateMention& mention : found.text) {
    if (mention.offset > kDatelineReach) break;
    if (is_dateline(mention, text)) {
      const int32_t day = day_number(mention.year, mention.month, mention.day);
      if (allowed(day)) return one_day(day, DateEvidence::kDateline);
    }
  }

  std::vector<const DateMention*> all;
  for (const auto* mentions : {&found.title, &found.text})
    for (const DateMention& mention : *mentions) all.push_back(&mention);

  // 2. A photo caption's date: the day the photo was taken, which a report uses the day it
  // runs. The latest, when several photos are dated.
  std::optional<int32_t> caption;
  for (const DateMention* mention : all)
    if (mention->kind == MentionKind::kFullDate && mention->in_caption) {
      const int32_t day = day_number(mention->year, mention->month, mention->day);
      if (allowed(day) && (!caption || day > *caption)) caption = day;
    }
  if (caption) return one_day(*caption, DateEvidence::kCaption);

  // 3. Full dates, and dates without a year placed near the latest of them. The latest wins: a
  // report is written after what it recounts, so its own day is the last it names, unless it
  // announces something ahead (the reason for `not_after`).
  std::optional<int32_t> latest_full;
  for (const DateMention* mention : all)
    if (mention->kind == MentionKind::kFullDate) {
      const int32_t day = day_number(mention->year, mention->month, mention->day);
      if (allowed(day) && (!latest_full || day > *latest_full)) latest_full = day;
    }
  if (latest_full) {
    int32_t latest = *latest_full;
    for (const DateMention* mention : all)
      if (mention->kind == MentionKind::kPartialDate)
        if (const auto day = place_near(*mention, *latest_full); day && allowed(*day)) latest = std::max(latest, *day);
    return one_day(latest, DateEvidence::kFullDate);
  }

  // The latest month of a year and the latest year the text names, for 4 to 6.
  std::optional<int32_t> latest_month_start, latest_month_end;
  std::optional<int> latest_year;
  for (const DateMention* mention : all) {
    if (mention->kind == MentionKind::kMonthYear) {
      const int32_t start = day_number(mention->year, mention->month, 1);
      if (allowed(start) && (!latest_month_start || start > *latest_month_start)) {
        latest_month_start = start;
        const auto last = year_month_day{std::chrono::year{mention->year} /
                                         std::chrono::month{static_cast<unsigned>(mention->month)} / std::chrono::last};
        latest_month_end = static_cast<int32_t>(std::chrono::sys_days(last).time_since_epoch().count());
      }
    }
    if ((mention->kind == MentionKind::kMonthYear || mention->kind == MentionKind::kYear) &&
        allowed(day_number(mention->year, 1, 1)))
      latest_year = std::max(latest_year.value_or(mention->year), mention->year);
  }

  // 4. Dates without a year, placed near the latest month named, or else the middle of the latest year.
  if (latest_year) {
    const int32_t anchor = latest_month_start ? *latest_month_start + 14 : day_number(*latest_year, 7, 1);
    std::optional<int32_t> latest;
    for (const DateMention* mention : all)
      if (mention->kind == MentionKind::kPartialDate)
        if (const auto day = place_near(*mention, anchor); day && allowed(*day))
          latest = std::max(latest.value_or(*day), *day);
    if (latest) return one_day(*latest, DateEvidence::kYearFromText);
  }
  // 5. A month of a year.
  if (latest_month_start)
    return ContextDate{*latest_month_start, *latest_month_end, DatePrecision::kMonth, DateEvidence::kMonthOfYear};
  // 6. A year.
  if (latest_year) {
    const int32_t first = day_number(*latest_year, 1, 1), last = day_number(*latest_year, 12, 31);
    return ContextDate{first, not_after ? std::min(last, *not_after) : last, DatePrecision::kYear, DateEvidence::kYearAlone};
  }
  return std::nullopt;
}

std::optional<int32_t> day_from_context(std::string_view title, std::string_view text, std::string_view language,
                                        std::optional<int32_t> not_after) {
  const auto date = date_from_context(title, text, language, not_after);
  if (!date || !date->is_firm()) return std::nullopt;
  return date->first_day;
}

const char* evidence_name(DateEvidence evidence) {
  switch (evidence) {
    case DateEvidence::kDateline: return "dateline";
    case DateEvidence::kCaption: return "caption";
    case DateEvidence::kFullDate: return "full date";
    case DateEvidence::kYearFromText: return "day, year from text";
    case DateEvidence::kMonthOfYear: return "month of a year";
    case DateEvidence::kYearAlone: return "year alone";
  }
  return "?";
}

}  // namespace storyline::extract
