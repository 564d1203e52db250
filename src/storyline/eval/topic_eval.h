#pragma once
// How well a document's topics (label/topics.h) name its subjects, on MEANTIME's English
// articles, whose people, organizations and places are annotated as coreference chains: the gold
// subjects of an article are its chains of PER, ORG or LOC with at least two mentions.
//
//   precision: of the names given as topics, the share that is some annotated entity of the
//              article (a mention of a PER/ORG/LOC chain, or a whole-word part of one, or one
//              containing a mention as whole words: "Boeing" and "Boeing Co." both match);
//   recall:    of each article's three most mentioned gold subjects, the share some topic names.
//
// Scored for the topics as shipped (names mentioned twice or in the title) and for the
// recognizer's first names alone (the rule before it), and the themes' coverage per language.
#include <cstddef>
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::eval {

struct TopicScores {
  size_t articles = 0;
  size_t names = 0, names_right = 0;        // name topics given, and those that are gold entities
  size_t subjects = 0, subjects_named = 0;  // gold subjects (top three per article), and those named
  size_t with_theme = 0;                    // articles with at least one theme
  double precision() const { return names ? static_cast<double>(names_right) / static_cast<double>(names) : 0.0; }
  double recall() const { return subjects ? static_cast<double>(subjects_named) / static_cast<double>(subjects) : 0.0; }
};

struct TopicEvaluation {
  TopicScores shipped;              // document_topics with the recognizer's mention counts
  TopicScores first_names;          // the first four topic entities, no counts
  std::vector<std::string> misses;  // "id: topic" for names that are no gold entity, up to the number asked
};

// English MEANTIME (<data>/clustering/meantime/en/meantime.conll.gz). Throws std::runtime_error
// when the file cannot be read.
TopicEvaluation evaluate_meantime_topics(const std::string& data_dir, size_t max_misses = 0);

// Themes through translation on MEANTIME in `language` (es, it, nl are translations of the
// English articles, so the English article's themes are the reference): articles with a theme,
// and of those, how many the English article has a theme for, and how many of these agree (the
// first theme is one of the English article's).
struct ThemeAgreement {
  size_t articles = 0, with_theme = 0, judged = 0, agreeing = 0;
};
ThemeAgreement evaluate_meantime_themes(const std::string& data_dir, const std::string& language);

// Every document of <shared>/seeds, read and labelled as ingest does (topics included), in file
// order. Throws std::runtime_error when the folder cannot be read.
std::vector<Document> labelled_seeds(const std::string& shared_dir);

}  // namespace storyline::eval
