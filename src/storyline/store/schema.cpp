#include "storyline/store/schema.h"

namespace storyline::store {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 1: documents, their earlier versions, entities, and full-text search.
      R"sql(
        CREATE TABLE documents (
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL DEFAULT 1,
          content_hash TEXT NOT NULL,
          source TEXT NOT NULL DEFAULT '',
          url TEXT, title TEXT, text TEXT, excerpt TEXT, published TEXT, author TEXT,
          site_name TEXT, domain TEXT, language TEXT, category TEXT,
          topics TEXT NOT NULL DEFAULT '[]', entities TEXT NOT NULL DEFAULT '[]', images TEXT NOT NULL DEFAULT '[]',
          ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_domain ON documents(domain);
        CREATE INDEX documents_url ON documents(url);
        CREATE TABLE document_versions (
          id TEXT NOT NULL, version INTEGER NOT NULL, content_hash TEXT NOT NULL, json TEXT NOT NULL,
          replaced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
          PRIMARY KEY (id, version)
        );
        CREATE TABLE document_entities (
          document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          text TEXT NOT NULL, type TEXT NOT NULL
        );
        CREATE INDEX document_entities_text ON document_entities(text);
        CREATE INDEX document_entities_document ON document_entities(document_id);
        CREATE VIRTUAL TABLE documents_fts USING fts5(
          title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
          INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
          INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
          INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
      )sql",
      // 2: duplicates and syndicated copies, with the fingerprints that find them.
      R"sql(
        ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE TABLE fingerprints (
          document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
          exact_hash INTEGER NOT NULL,
          signature BLOB NOT NULL
        );
      )sql",
      // 3: time to live (the contest API's Cache-Control: max-age), in Unix seconds.
      R"sql(
        ALTER TABLE documents ADD COLUMN expires_at INTEGER;
        CREATE INDEX documents_expires_at ON documents(expires_at) WHERE expires_at IS NOT NULL;
      )sql",
      // 4: stories and storylines. Each document names its story; each story its storyline and
      // the overview written for it (JSON), with what ranks and filters stories as columns.
      // heat_rank orders stories by heat at any common time, so one index serves every query.
      R"sql(
        ALTER TABLE documents ADD COLUMN story_id TEXT;
        CREATE INDEX documents_story ON documents(story_id);
        CREATE TABLE stories (
          id TEXT PRIMARY KEY,
          storyline_id TEXT NOT NULL,
          title TEXT, category TEXT, language TEXT,
          first_published TEXT, last_published TEXT,
          article_count INTEGER NOT NULL DEFAULT 0,
          publisher_count INTEGER NOT NULL DEFAULT 0,
          heat REAL NOT NULL DEFAULT 0,
          heat_rank REAL NOT NULL DEFAULT 0,
          overview TEXT NOT NULL DEFAULT '{}',
          updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX stories_rank ON stories(heat_rank DESC);
        CREATE INDEX stories_storyline ON stories(storyline_id);
        CREATE INDEX stories_last_published ON stories(last_published);
        CREATE VIRTUAL TABLE stories_fts USING fts5(
          title, summary, tokenize='unicode61 remove_diacritics 2'
        );
      )sql",
      // 5: live sources (feeds the poller fetches) with the health of their last fetch, and the
      // items each has given, so that an item's page is fetched and ingested once.
      R"sql(
        CREATE TABLE sources (
          id INTEGER PRIMARY KEY,
          url TEXT NOT NULL UNIQUE,
          name TEXT, html_url TEXT, category TEXT,
          added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
          last_fetch_at INTEGER, last_status INTEGER, last_outcome TEXT,
          etag TEXT, last_modified TEXT,
          consecutive_errors INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          last_attempts INTEGER NOT NULL DEFAULT 0,
          items_seen INTEGER NOT NULL DEFAULT 0,
          next_due_at INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX sources_due ON sources(next_due_at);
        CREATE TABLE source_items (
          source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
          item_key TEXT NOT NULL,
          document_id TEXT NOT NULL,
          seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
          PRIMARY KEY (source_id, item_key)
        );
        CREATE INDEX source_items_key ON source_items(item_key);
      )sql",
      // 6: storylines related to each other (similar, kept apart), as the clusterer last saw them
      // from `storyline_id`'s side; `position` 0 is the most similar. Read from both sides.
      R"sql(
        CREATE TABLE storyline_relations (
          storyline_id TEXT NOT NULL,
          related_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          PRIMARY KEY (storyline_id, related_id)
        );
        CREATE INDEX storyline_relations_related ON storyline_relations(related_id);
      )sql",
      // 7: news or not (NULL: not decided, read as news), and the publisher's section.
      R"sql(
        ALTER TABLE documents ADD COLUMN is_news INTEGER;
        ALTER TABLE documents ADD COLUMN section TEXT;
        ALTER TABLE documents ADD COLUMN page_types TEXT NOT NULL DEFAULT '[]';
      )sql",
      // 8: how each fingerprint was made (the dedup stage's scheme number): one made by an older
      // scheme is made again from the stored text when the pipeline opens the store.
      R"sql(
        ALTER TABLE fingerprints ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1;
      )sql",
      // 9: stories whose records (counts, heat, overview) the server left to rewrite after the
      // answer, listed in the transaction that made them stale and cleared in the one that
      // rewrites them: a run that dies in between (SIGKILL, power cut) has them rewritten at
      // the next start instead of keeping stale counts until the story next changes. A store
      // from before may have been left so by a crash: its stories whose records disagree with
      // their documents (article count, or no record at all) are listed now.
      R"sql(
        CREATE TABLE stale_stories (story_id TEXT PRIMARY KEY) WITHOUT ROWID;
        INSERT INTO stale_stories(story_id)
          SELECT d.story_id FROM documents d LEFT JOIN stories s ON s.id = d.story_id
          WHERE d.story_id IS NOT NULL
          GROUP BY d.story_id
          HAVING count(*) FILTER (WHERE d.duplicate_of IS NULL) IS NOT max(s.article_count);
        INSERT OR IGNORE INTO stale_stories(story_id)
          SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM documents WHERE story_id IS NOT NULL);
      )sql",
      // 10: a story's documents indexed with whether each is a copy: its articles and copies are
      // counted from the index alone (member_counts, on every POST's rewrite of its story's counts),
      // not from the rows of thousands of reports of one story.
      R"sql(
        DROP INDEX documents_story;
        CREATE INDEX documents_story_members ON documents(story_id, duplicate_of);
      )sql",
  };
  return kMigrations;
}

}  // namespace storyline::store
