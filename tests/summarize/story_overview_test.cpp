#include "storyline/summarize/story_overview.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "seed_stories.h"
#include "storyline/summarize/story_vocabulary.h"
#include "test_paths.h"

using storyline::Document;
using storyline::summarize::OverviewText;
using storyline::summarize::story_overview;

namespace {

void print(const std::string& name, const OverviewText& overview) {
  std::cout << "== " << name << "\nheadline: " << overview.headline << "\n";
  for (const auto& bullet : overview.summary) {
    std::cout << "  * " << bullet.text << " [";
    for (const auto& publisher : bullet.publishers) std::cout << publisher << "; ";
    std::cout << bullet.document_ids.size() << " docs]\n";
  }
  for (const auto& quote : overview.quotes)
    std::cout << "  " << (quote.reported ? "(reported) " : "") << quote.speaker
              << (quote.speaker_role ? " [" + *quote.speaker_role + "]" : "")
              << (quote.told_to ? " to " + *quote.told_to : "") << (quote.via ? " via " + *quote.via : "") << ": "
              << quote.text << "\n";
  std::cout << "  topics:";
  for (const auto& topic : overview.topics) std::cout << " " << topic << ";";
  std::cout << "\n";
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> speakers(const OverviewText& overview, bool reported) {
  std::vector<std::string> names;
  for (const auto& quote : overview.quotes)
    if (quote.reported == reported) names.push_back(quote.speaker);
  return names;
}

Document article(std::string id, std::string domain, std::string title, std::string text) {
  Document document;
  document.id = std::move(id);
  document.domain = domain;
  document.site_name = domain;
  document.title = std::move(title);
  document.text = std::move(text);
  document.language = "en";
  return document;
}

}  // namespace

TEST(OverviewText, SeedStoryHeadlineIsOneOfTheTitlesAndNotAQuestion) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto articles = storyline::testing::seed_story(shared, "000");
  ASSERT_EQ(articles.size(), 4u);
  const auto overview = story_overview(articles);
  print("seed 000 story", overview);
  EXPECT_EQ(overview.headline.find('?'), std::string::npos);
  EXPECT_TRUE(std::any_of(articles.begin(), articles.end(), [&](const Document& document) {
    return document.title == overview.headline;
  })) << overview.headline;
  ASSERT_FALSE(overview.summary.empty());
  // Four publishers, one excerpt each: the bullets come from several of them.
  std::vector<std::string> cited;
  for (const auto& bullet : overview.summary)
    for (const auto& publisher : bullet.publishers)
      if (!has(cited, publisher)) cited.push_back(publisher);
  EXPECT_GE(cited.size(), 2u);
}

TEST(OverviewText, SeedFourHasThreeOrMoreDistinctBullets) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto articles = storyline::testing::seed_story(shared, "004");
  const auto overview = story_overview(articles);
  print("seed 004", overview);
  ASSERT_GE(overview.summary.size(), 3u);
  EXPECT_LE(overview.summary.size(), 6u);
  storyline::summarize::StoryVocabulary vocabulary(articles);
  for (size_t i = 0; i < overview.summary.size(); ++i) {
    EXPECT_EQ(overview.summary[i].text.find("Scroll to Top"), std::string::npos);
    for (size_t j = i + 1; j < overview.summary.size(); ++j)
      EXPECT_LT(storyline::summarize::term_overlap(vocabulary.terms(overview.summary[i].text),
                                                   vocabulary.terms(overview.summary[j].text)),
                0.5)
          << overview.summary[i].text << "\n"
          << overview.summary[j].text;
  }
}

TEST(OverviewText, SeedQuotesBelongToTheirSpeakers) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto blinken = story_overview(storyline::testing::seed_story(shared, "003"));
  print("seed 003", blinken);
  const auto direct_003 = speakers(blinken, false);
  ASSERT_GE(direct_003.size(), 4u);
  for (const auto& speaker : direct_003) EXPECT_EQ(speaker, "Antony Blinken");
  bool earned = false;
  for (const auto& quote : blinken.quotes) earned |= quote.text == "Any legitimacy and any support will have to earned.";
  EXPECT_TRUE(earned) << "quoted as the source prints it";

  const auto embassy = story_overview(storyline::testing::seed_story(shared, "004"));
  const auto direct_004 = speakers(embassy, false);
  EXPECT_TRUE(has(direct_004, "James Hewitt"));
  EXPECT_TRUE(has(direct_004, "a State Department spokesperson"));
  for (const auto& quote : embassy.quotes)
    if (quote.speaker == "James Hewitt") {
      EXPECT_EQ(quote.speaker_role.value_or(""), "NSC spokesperson");
    }
  bool mujahid_reported = false;
  for (const auto& quote : embassy.quotes)
    if (quote.speaker == "Zabihullah Mujahid" && quote.reported && quote.told_to == "Al Arabiya") mujahid_reported = true;
  EXPECT_TRUE(mujahid_reported);

  const auto message = story_overview(storyline::testing::seed_story(shared, "001"));
  print("seed 001", message);
  const auto direct_001 = speakers(message, false);
  ASSERT_FALSE(direct_001.empty());
  EXPECT_EQ(direct_001.front(), "Hibatullah Akhundzada") << "the message speaks for its author";
  EXPECT_EQ(message.quotes.front().via.value_or(""), "Zabihullah Mujahid");

  const auto istanbul = story_overview(storyline::testing::seed_story(shared, "002"));
  print("seed 002", istanbul);
  EXPECT_TRUE(has(speakers(istanbul, true), "Ataullah Tarar"));
}

TEST(OverviewText, SeedTopicsAreTheStorySubjects) {
  STORYLINE_REQUIRE_SHARED(shared);
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const auto overview = story_overview(storyline::testing::seed_story(shared, seed));
    std::cout << seed << " topics:";
    for (const auto& topic : overview.topics) std::cout << " " << topic << ";";
    std::cout << "\n";
    EXPECT_GE(overview.topics.size(), 3u) << seed;
    EXPECT_LE(overview.topics.size(), 8u) << seed;
    EXPECT_TRUE(has(overview.topics, "Taliban")) << seed;
    if (std::string(seed) != "002") {
      EXPECT_TRUE(has(overview.topics, "Afghanistan")) << seed;
    }
    for (const char* wrong : {"Computer Vision", "AI", "News", "Said", "Technology"})
      EXPECT_FALSE(has(overview.topics, wrong)) << seed << ": " << wrong;
  }
  const auto talks = story_overview(storyline::testing::seed_story(shared, "000"));
  EXPECT_TRUE(has(talks.topics, "Diplomacy"));
  EXPECT_TRUE(has(talks.topics, "United States"));
}

TEST(OverviewText, BulletCitesEveryPublisherCarryingTheSentence) {
  const std::string shared_sentence =
      "The city council approved a new budget of 40 million dollars for the harbour bridge on Tuesday.";
  const std::vector<Document> articles = {
      article("a", "alpha.example", "Council approves harbour bridge budget",
              shared_sentence + "\n\nThe mayor welcomed the vote and promised construction would start in spring."),
      article("b", "beta.example", "Harbour bridge budget approved by council",
              "On Tuesday, the city council approved a new budget of 40 million dollars for the harbour bridge.\n\n"
              "Opposition members criticised the cost overruns of earlier harbour projects in the region."),
      article("c", "gamma.example", "Storm damages harbour",
              "Heavy winds damaged three fishing boats moored in the old harbour overnight.")};
  const auto overview = story_overview(articles);
  print("hand-made", overview);
  ASSERT_FALSE(overview.summary.empty());
  const auto& lead = overview.summary.front();
  EXPECT_TRUE(lead.text.find("budget of 40 million") != std::string::npos) << lead.text;
  EXPECT_TRUE(has(lead.publishers, "alpha.example"));
  EXPECT_TRUE(has(lead.publishers, "beta.example"));
  EXPECT_FALSE(has(lead.publishers, "gamma.example"));
  EXPECT_EQ(lead.document_ids.size(), 2u);
  // The near-copy is not a second bullet.
  size_t budget_bullets = 0;
  for (const auto& bullet : overview.summary) budget_bullets += bullet.text.find("40 million") != std::string::npos;
  EXPECT_EQ(budget_bullets, 1u);
}

TEST(OverviewText, SkipsQuestionsChromeAndClickbaitTitles) {
  const std::vector<Document> articles = {
      article("a", "one.example", "You won't believe what the council did with the harbour bridge budget",
              "Will the bridge ever be built?\n\nLeave a Reply\n\nThe city council approved a new budget for the "
              "harbour bridge on Tuesday after a long debate.\n\nSubscribe to our newsletter for daily updates."),
      article("b", "two.example", "City council approves harbour bridge budget after long debate - Two Example",
              "The city council approved the harbour bridge budget after a long debate on Tuesday evening.")};
  const auto overview = story_overview(articles);
  EXPECT_EQ(overview.headline, "City council approves harbour bridge budget after long debate");
  for (const auto& bullet : overview.summary) {
    EXPECT_EQ(bullet.text.find('?'), std::string::npos) << bullet.text;
    EXPECT_EQ(bullet.text.find("Leave a Reply"), std::string::npos);
    EXPECT_EQ(bullet.text.find("Subscribe"), std::string::npos);
  }
}

TEST(OverviewText, EmptyAndTextlessStoriesDoNotFail) {
  EXPECT_TRUE(story_overview({}).headline.empty());
  Document bare;
  bare.id = "x";
  const auto overview = story_overview({bare});
  EXPECT_TRUE(overview.summary.empty());
  EXPECT_TRUE(overview.quotes.empty());
}

TEST(OverviewText, HeadlineDropsLabelsAndSiteNames) {
  const std::vector<Document> articles = {
      article("a", "one.example", "Breaking News - Three people hurt in office shooting in suburban Detroit",
              "Three people were hurt when a man opened fire in an office in suburban Detroit on Monday morning."),
      article("b", "two.example", "Shooting? | Two Example", "Police said the suspect was arrested after a chase.")};
  EXPECT_EQ(story_overview(articles).headline, "Three people hurt in office shooting in suburban Detroit");
}

TEST(OverviewText, DatelinesAreNotBullets) {
  const std::vector<Document> articles = {
      article("a", "one.example", "Fire destroys old dairy building",
              "August 7, 2012 - 5:46 pm\n\nPublished time: March 12, 2013 02:03 local time here\n\nA fire destroyed the old "
              "dairy building in the town early on Tuesday morning, officials said.\n\nThe building had been empty for "
              "years and was not insured, the city's safety director said.")};
  const auto overview = story_overview(articles);
  ASSERT_FALSE(overview.summary.empty());
  for (const auto& bullet : overview.summary) {
    EXPECT_EQ(bullet.text.find("2012"), std::string::npos) << bullet.text;
    EXPECT_EQ(bullet.text.find("Published"), std::string::npos) << bullet.text;
  }
}

TEST(OverviewText, ASpeakerOneArticleNamesByOneWordIsNamedInFullFromAnother) {
  Document full = article("a", "alpha.example", "Alibaba lists in Hong Kong",
                          "Alibaba Chief Executive Officer Daniel Zhang confirmed the listing on Friday.\n\n"
                          "\xE2\x80\x9CWe believe the future of Hong Kong remains bright,\xE2\x80\x9D Zhang said.");
  full.entities = {{"Daniel Zhang", "person"}};
  Document short_form = article("b", "beta.example", "Alibaba confirms listing",
                                "\xE2\x80\x9CGlobalisation is the future of our group and its partners,\xE2\x80\x9D "
                                "Zhang said in a statement.");
  const auto overview = story_overview({full, short_form});
  print("one word to full name", overview);
  ASSERT_EQ(overview.quotes.size(), 2u);
  for (const auto& quote : overview.quotes) {
    EXPECT_EQ(quote.speaker, "Daniel Zhang") << quote.text;
    EXPECT_EQ(quote.speaker_role.value_or(""), "Alibaba Chief Executive Officer") << quote.text;
  }
}
