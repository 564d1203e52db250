#pragma once
// A time as a publisher wrote it ("2021-10-09T09:07:00-05:00"): kept as written, so that pages and
// feeds can show it in the publisher's zone, and compared by the instant it names, so that
// "10:00+03:00" comes before "08:00Z".
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

class Timestamp {
 public:
  // nullopt when `iso8601` names no instant (the forms parse_iso_unix reads).
  static std::optional<Timestamp> parse(std::string_view iso8601);
  static std::optional<Timestamp> parse(const std::optional<std::string>& iso8601);
  static std::optional<Timestamp> parse(const std::string& iso8601) { return parse(std::string_view(iso8601)); }
  static std::optional<Timestamp> parse(const char* iso8601) { return parse(std::string_view(iso8601)); }

  const std::string& text() const { return text_; }  // as written
  int64_t unix_seconds() const { return unix_seconds_; }
  std::string utc() const;  // "2021-10-09T14:07:00Z"

  // Equal when written alike; ordered by instant, one instant written in two zones by its text.
  friend bool operator==(const Timestamp& a, const Timestamp& b) { return a.text_ == b.text_; }
  friend std::strong_ordering operator<=>(const Timestamp& a, const Timestamp& b) {
    if (const auto order = a.unix_seconds_ <=> b.unix_seconds_; order != 0) return order;
    return a.text_ <=> b.text_;
  }

 private:
  Timestamp(std::string text, int64_t unix_seconds) : text_(std::move(text)), unix_seconds_(unix_seconds) {}
  std::string text_;
  int64_t unix_seconds_ = 0;
};

// The text as written, for stores and JSON.
inline std::optional<std::string> timestamp_text(const std::optional<Timestamp>& time) {
  return time ? std::optional<std::string>(time->text()) : std::nullopt;
}

}  // namespace storyline
