#pragma once
// What a story page shows above its articles: a headline, a few extractive summary bullets (each
// citing every publisher that reports it), who said what, and the subjects it is about.
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/core/story_overview.h"

namespace storyline::summarize {

// The types the overview is stored and served as (core/story_overview.h).
using Bullet = StoryBullet;
using Quote = StoryQuote;

// The written part of a story's overview; the pipeline adds who carries it and its heat.
struct OverviewText {
  std::string headline;             // best member title: informative, not a question, not clickbait
  std::vector<Bullet> summary;      // 3-6 extractive sentences, no redundancy (fewer for little text)
  std::vector<Quote> quotes;        // who said what
  std::vector<std::string> topics;  // specific subjects: "Afghanistan", "Taliban", "Diplomacy"
};

// `articles` in arrival order, already extracted and labelled (entities, language).
OverviewText story_overview(const std::vector<Document>& articles);

}  // namespace storyline::summarize
