#pragma once
// A PostgreSQL server for the tests that run against the shared store: one per test process,
// started by the project's own script (scripts/postgres/start.sh) on loopback the first time a
// test asks, stopped when the process ends. Each test gets a database of its own.
#include <optional>
#include <string>

namespace storyline::testing {

// The address of a new, empty database, or nullopt with `why_not` set when no server can be
// started here (PostgreSQL not installed: scripts/setup-debian.sh installs it).
std::optional<std::string> fresh_postgres_database(std::string& why_not);

}  // namespace storyline::testing
