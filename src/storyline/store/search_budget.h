#pragma once
// What one full-text search may cost. A reader types a few words; a query of hundreds of terms
// ("t* OR t* OR ...") took seconds even on a small store (snippet() grows with the terms) and held
// a reader connection all that time. So a query is bounded in bytes and terms before it runs, and
// in time while it runs (SQLite's progress handler interrupts it).
#include <chrono>
#include <stdexcept>
#include <string_view>

struct sqlite3;

namespace storyline::store {

inline constexpr size_t kMostSearchQueryBytes = 512;
inline constexpr size_t kMostSearchTerms = 32;  // words, phrases and operators, as FTS5 reads them
inline constexpr std::chrono::milliseconds kSearchTimeBudget{2000};

// Throws std::invalid_argument saying which bound the query passes, and by how much.
void check_search_query(std::string_view query);

// A search that ran past its time budget: the caller answers 503, not 400 (the query was valid).
class SearchTimeout : public std::runtime_error {
 public:
  explicit SearchTimeout(std::chrono::milliseconds budget);
};

// While alive, statements on `db` are interrupted (SQLITE_INTERRUPT) once `budget` has passed.
class QueryDeadline {
 public:
  QueryDeadline(sqlite3* db, std::chrono::milliseconds budget);
  ~QueryDeadline();
  QueryDeadline(const QueryDeadline&) = delete;
  QueryDeadline& operator=(const QueryDeadline&) = delete;
  bool expired() const { return expired_; }

 private:
  static int check(void* self);
  sqlite3* db_;
  std::chrono::steady_clock::time_point deadline_;
  bool expired_ = false;
};

}  // namespace storyline::store
