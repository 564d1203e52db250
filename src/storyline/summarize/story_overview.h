#pragma once
// What a story page shows above its articles: a headline, a few extractive summary bullets (each
// citing every publisher that reports it), who said what, and the subjects it is about.
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline::summarize {

struct Bullet {
  std::string text;
  std::vector<std::string> publishers;    // every publisher carrying a near-equivalent sentence
  std::vector<std::string> document_ids;  // the articles those sentences are in
};

struct Quote {
  std::string text;                         // the quoted words as the source prints them (no quote marks)
  std::string speaker;                      // "Antony Blinken", "a State Department spokesperson"
  std::optional<std::string> speaker_role;  // "NSC spokesperson", "Secretary of State" when the text gives it
  bool reported = false;                    // reported (indirect) speech rather than a direct quotation
  std::optional<std::string> told_to;       // "Al Arabiya" in "X told Al Arabiya that ..."
  std::optional<std::string> via;           // whose account carried a message ("Zabihullah Mujahid")
  std::string document_id;
  std::string publisher;
};

struct StoryOverview {
  std::string headline;             // best member title: informative, not a question, not clickbait
  std::vector<Bullet> summary;      // 3-6 extractive sentences, no redundancy (fewer for little text)
  std::vector<Quote> quotes;        // who said what
  std::vector<std::string> topics;  // specific subjects: "Afghanistan", "Taliban", "Diplomacy"
};

// `articles` in arrival order, already extracted and labelled (entities, language).
StoryOverview story_overview(const std::vector<Document>& articles);

}  // namespace storyline::summarize
