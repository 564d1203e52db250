#pragma once
// Each subcommand registers its options on the CLI11 app (or on a command group such as `eval`)
// and returns the function that runs it.
// Exit codes (INTERFACE.md): 0 all inputs handled, 1 some rejected, 2 usage error.
#include <functional>

namespace CLI {
class App;
}

namespace storyline::cli {

using Runner = std::function<int()>;

Runner add_extract_command(CLI::App& app);
Runner add_dedup_command(CLI::App& app);
Runner add_ingest_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);

// `storyline eval ...`: quality figures on ../shared/data.
Runner add_eval_dedup_command(CLI::App& eval);

}  // namespace storyline::cli
