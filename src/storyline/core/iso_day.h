#pragma once
// ISO 8601 dates (`published`; a date alone allowed) as whole days since 1970-01-01: for the
// clusterer's time windows and for comparing days in extraction. And the day count itself, the
// one calendar arithmetic every reader of dates shares.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// nullopt when the value does not start with a valid YYYY-MM-DD.
std::optional<int32_t> published_day(std::string_view iso_8601);
std::string day_to_iso(int32_t day);  // YYYY-MM-DD

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): `month`
// 1-12; a `day` past the month's end counts on into the next. Checks nothing.
int64_t days_from_civil(int64_t year, int month, int day);
// The date of a day count: its inverse.
void civil_from_days(int64_t days, int& year, int& month, int& day);

}  // namespace storyline
