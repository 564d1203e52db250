#pragma once
// Each subcommand registers its options on the CLI11 app and returns the function that runs it.
// Grouped commands (`eval X`, `train X`) put themselves under command_group(app, "eval", ...).
// Exit codes (INTERFACE.md): 0 all inputs handled, 1 some rejected, 2 usage error.
#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace storyline::cli {

using Runner = std::function<int()>;

// The subcommand `name` of `app` that groups others (eval, train), made on first use so that
// several commands can share it.
CLI::App* command_group(CLI::App& app, const std::string& name, const std::string& description);

Runner add_extract_command(CLI::App& app);
Runner add_dedup_command(CLI::App& app);
Runner add_ingest_command(CLI::App& app);
Runner add_stories_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);
Runner add_migrate_command(CLI::App& app);  // migrate: the store's schema to this build's
Runner add_cluster_command(CLI::App& app);
Runner add_sources_command(CLI::App& app);          // sources add|list|remove|import|export
Runner add_sources_poll_command(CLI::App& app);     // sources poll
Runner add_worker_cluster_command(CLI::App& app);   // worker cluster: the clusterer over JetStream
Runner add_worker_extract_command(CLI::App& app);   // worker extract: pages to documents over JetStream
Runner add_eval_clustering_command(CLI::App& app);  // eval clustering

// `storyline eval ...`: quality figures on ../shared/data.
Runner add_eval_dedup_command(CLI::App& app);
Runner add_eval_extraction_command(CLI::App& app);
Runner add_eval_metadata_command(CLI::App& app);
Runner add_eval_quotes_command(CLI::App& app);    // eval quotes: who said what on PolNeAR
Runner add_eval_entities_command(CLI::App& app);  // eval entities: named entities (label/entity_recognizer.h)
Runner add_eval_topics_command(CLI::App& app);    // eval topics: documents' topics (label/topics.h)
Runner add_eval_dates_command(CLI::App& app);     // eval dates: dates from context (extract/context_date.h)
Runner add_eval_scraped_text_command(CLI::App& app);
Runner add_train_scraped_text_command(CLI::App& app);

// Document categories (label stage).
Runner add_categorize_command(CLI::App& app);
Runner add_train_categories_command(CLI::App& app);  // storyline train categories
Runner add_train_entities_command(CLI::App& app);    // train entities: a language's entity tagger
Runner add_train_news_command(CLI::App& app);        // storyline train news
Runner add_train_lexicon_command(CLI::App& app);     // storyline train lexicon
Runner add_eval_categories_command(CLI::App& app);   // storyline eval categories

}  // namespace storyline::cli
