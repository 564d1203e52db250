#pragma once
// Shared by the benchmark programs: where the datasets are, and peak memory.
#include <optional>
#include <string>

namespace storyline::bench {

std::optional<std::string> shared_dir();
double peak_memory_mib();  // peak resident set size of this process so far

}  // namespace storyline::bench
