#include "storyline/store/postgres_schema.h"

namespace storyline::store {

// As schema.cpp, in PostgreSQL's dialect. Differences, and why:
// - arrival order is `seq` (SQLite's rowid);
// - times the store sets are ISO 8601 text, as in SQLite, so both read back the same;
// - full-text search is a tsvector column kept by PostgreSQL itself, with the text search
//   configuration of each document's language where PostgreSQL has one ('simple' otherwise);
//   a query is read with every configuration at once (storyline_ts_query), so that one GIN index
//   serves all languages.
const std::vector<std::string_view>& postgres_migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 1: documents, their earlier versions, entities, and full-text search.
      R"sql(
        CREATE FUNCTION storyline_now() RETURNS text LANGUAGE sql STABLE AS
          $$ SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;
        CREATE FUNCTION storyline_ts_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
          SELECT (CASE language
            WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
            WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
            WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
            WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
            WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
            WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian' WHEN 'sr' THEN 'serbian'
            WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil' WHEN 'tr' THEN 'turkish'
            WHEN 'yi' THEN 'yiddish' ELSE 'simple' END)::regconfig $$;
        CREATE FUNCTION storyline_ts_query(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
          SELECT websearch_to_tsquery('simple', query) || websearch_to_tsquery('english', query)
            || websearch_to_tsquery('russian', query) || websearch_to_tsquery('german', query)
            || websearch_to_tsquery('french', query) || websearch_to_tsquery('spanish', query)
            || websearch_to_tsquery('italian', query) || websearch_to_tsquery('portuguese', query)
            || websearch_to_tsquery('arabic', query) || websearch_to_tsquery('turkish', query)
            || websearch_to_tsquery('dutch', query) || websearch_to_tsquery('swedish', query) $$;
        -- A stored time in Unix seconds, its zone counted; NULL when it is no time.
        CREATE FUNCTION storyline_unix(value text) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
          BEGIN RETURN extract(epoch FROM value::timestamptz)::bigint;
          EXCEPTION WHEN others THEN RETURN NULL; END $$;
        CREATE TABLE documents (
          seq BIGSERIAL UNIQUE,
          id TEXT PRIMARY KEY,
          version INTEGER NOT NULL DEFAULT 1,
          content_hash TEXT NOT NULL,
          source TEXT NOT NULL DEFAULT '',
          url TEXT, title TEXT, text TEXT, excerpt TEXT, published TEXT, author TEXT,
          site_name TEXT, domain TEXT, language TEXT, category TEXT,
          topics TEXT NOT NULL DEFAULT '[]', entities TEXT NOT NULL DEFAULT '[]', images TEXT NOT NULL DEFAULT '[]',
          ingested_at TEXT NOT NULL DEFAULT storyline_now(),
          search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector(storyline_ts_config(language), coalesce(title, '')), 'A') ||
            setweight(to_tsvector(storyline_ts_config(language), coalesce(text, '')), 'B')) STORED
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_domain ON documents(domain);
        CREATE INDEX documents_url ON documents(url);
        CREATE INDEX documents_search ON documents USING gin(search);
        CREATE TABLE document_versions (
          id TEXT NOT NULL, version INTEGER NOT NULL, content_hash TEXT NOT NULL, json TEXT NOT NULL,
          replaced_at TEXT NOT NULL DEFAULT storyline_now(),
          PRIMARY KEY (id, version)
        );
        CREATE TABLE document_entities (
          document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          text TEXT NOT NULL, type TEXT NOT NULL
        );
        CREATE INDEX document_entities_text ON document_entities(text);
        CREATE INDEX document_entities_document ON document_entities(document_id);
      )sql",
      // 2: duplicates and syndicated copies, with the fingerprints that find them.
      R"sql(
        ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
        CREATE TABLE fingerprints (
          seq BIGSERIAL UNIQUE,
          document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
          exact_hash BIGINT NOT NULL,
          signature BYTEA NOT NULL
        );
      )sql",
      // 3: time to live, in Unix seconds.
      R"sql(
        ALTER TABLE documents ADD COLUMN expires_at BIGINT;
        CREATE INDEX documents_expires_at ON documents(expires_at) WHERE expires_at IS NOT NULL;
      )sql",
      // 4: stories and storylines; the summary is searched with the title.
      R"sql(
        ALTER TABLE documents ADD COLUMN story_id TEXT;
        CREATE INDEX documents_story ON documents(story_id);
        CREATE TABLE stories (
          seq BIGSERIAL UNIQUE,
          id TEXT PRIMARY KEY,
          storyline_id TEXT NOT NULL,
          title TEXT, category TEXT, language TEXT,
          first_published TEXT, last_published TEXT,
          article_count BIGINT NOT NULL DEFAULT 0,
          publisher_count BIGINT NOT NULL DEFAULT 0,
          heat DOUBLE PRECISION NOT NULL DEFAULT 0,
          heat_rank DOUBLE PRECISION NOT NULL DEFAULT 0,
          overview TEXT NOT NULL DEFAULT '{}',
          summary TEXT NOT NULL DEFAULT '',
          updated_at TEXT NOT NULL DEFAULT storyline_now(),
          search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector(storyline_ts_config(language), coalesce(title, '')), 'A') ||
            setweight(to_tsvector(storyline_ts_config(language), summary), 'B')) STORED
        );
        CREATE INDEX stories_rank ON stories(heat_rank DESC);
        CREATE INDEX stories_storyline ON stories(storyline_id);
        CREATE INDEX stories_last_published ON stories(last_published);
        CREATE INDEX stories_search ON stories USING gin(search);
      )sql",
      // 5: live sources and the items each has given.
      R"sql(
        CREATE TABLE sources (
          id BIGSERIAL PRIMARY KEY,
          url TEXT NOT NULL UNIQUE,
          name TEXT, html_url TEXT, category TEXT,
          added_at TEXT NOT NULL DEFAULT storyline_now(),
          last_fetch_at BIGINT, last_status BIGINT, last_outcome TEXT,
          etag TEXT, last_modified TEXT,
          consecutive_errors INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          last_attempts INTEGER NOT NULL DEFAULT 0,
          items_seen BIGINT NOT NULL DEFAULT 0,
          next_due_at BIGINT NOT NULL DEFAULT 0
        );
        CREATE INDEX sources_due ON sources(next_due_at);
        CREATE TABLE source_items (
          source_id BIGINT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
          item_key TEXT NOT NULL,
          document_id TEXT NOT NULL,
          seen_at TEXT NOT NULL DEFAULT storyline_now(),
          PRIMARY KEY (source_id, item_key)
        );
        CREATE INDEX source_items_key ON source_items(item_key);
      )sql",
      // 6: related storylines.
      R"sql(
        CREATE TABLE storyline_relations (
          storyline_id TEXT NOT NULL,
          related_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          PRIMARY KEY (storyline_id, related_id)
        );
        CREATE INDEX storyline_relations_related ON storyline_relations(related_id);
      )sql",
      // 7: news or not, and the publisher's section.
      R"sql(
        ALTER TABLE documents ADD COLUMN is_news BOOLEAN;
        ALTER TABLE documents ADD COLUMN section TEXT;
        ALTER TABLE documents ADD COLUMN page_types TEXT NOT NULL DEFAULT '[]';
      )sql",
      // 8: how each fingerprint was made.
      R"sql(
        ALTER TABLE fingerprints ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1;
      )sql",
      // 9: story records left to rewrite (no store before it to repair: this store is new).
      R"sql(
        CREATE TABLE stale_stories (story_id TEXT PRIMARY KEY);
      )sql",
      // 10: a story's documents indexed with whether each is a copy (member_counts from the index).
      R"sql(
        DROP INDEX documents_story;
        CREATE INDEX documents_story_members ON documents(story_id, duplicate_of);
      )sql",
  };
  return kMigrations;
}

}  // namespace storyline::store
