#pragma once
// A live source (a feed the poller fetches) as the store keeps it: what the user registered, and
// the health of its last fetches. Times are Unix seconds.
#include <cstdint>
#include <optional>
#include <string>

namespace storyline::store {

// What the last fetch of a source came to, for people reading its health.
inline constexpr const char* kOutcomeOk = "ok";
inline constexpr const char* kOutcomeNotModified = "not modified";
inline constexpr const char* kOutcomeError = "error";
inline constexpr const char* kOutcomeRobotsDisallowed = "disallowed by robots.txt";

struct SourceFetchState {
  std::optional<int64_t> last_fetch_at;
  std::optional<int> last_status;           // HTTP status of the last answer; nullopt when none came
  std::optional<std::string> last_outcome;  // one of kOutcome*
  std::optional<std::string> etag;          // validators for the next conditional GET
  std::optional<std::string> last_modified;
  int consecutive_errors = 0;
  std::optional<std::string> last_error;
  int last_attempts = 0;    // requests the last fetch took (retries included)
  int64_t items_seen = 0;   // items first seen from this source, over its life
  int64_t next_due_at = 0;  // 0: due now
};

struct SourceRecord {
  int64_t id = 0;
  std::string url;                      // the feed's URL
  std::optional<std::string> name;      // OPML title/text, or --name
  std::optional<std::string> html_url;  // the publisher's site (OPML htmlUrl)
  std::optional<std::string> category;  // OPML folders, joined with "/"
  std::string added_at;                 // ISO 8601
  SourceFetchState state;
};

// What add_source() did.
enum class SourceAdded { kAdded, kAlreadyPresent };

}  // namespace storyline::store
