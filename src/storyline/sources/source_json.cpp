#include "storyline/sources/source_json.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "storyline/core/iso_time.h"

namespace storyline::sources {
namespace {

template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::string source_to_json(const store::SourceRecord& source) {
  const store::SourceFetchState& state = source.state;
  const nlohmann::json value = {
      {"id", source.id},
      {"url", source.url},
      {"name", or_null(source.name)},
      {"html_url", or_null(source.html_url)},
      {"category", or_null(source.category)},
      {"added_at", source.added_at},
      {"last_fetch", state.last_fetch_at ? nlohmann::json(iso_utc(*state.last_fetch_at)) : nlohmann::json(nullptr)},
      {"last_status", or_null(state.last_status)},
      {"last_outcome", or_null(state.last_outcome)},
      {"consecutive_errors", state.consecutive_errors},
      {"last_error", or_null(state.last_error)},
      {"last_attempts", state.last_attempts},
      {"items_seen", state.items_seen},
      {"next_due", state.next_due_at ? nlohmann::json(iso_utc(state.next_due_at)) : nlohmann::json(nullptr)},
  };
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace storyline::sources
