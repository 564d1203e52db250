// End to end: `storyline cluster` as INTERFACE.md describes it, on hand-made lines and the seeds.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "cli/cli_runner.h"
#include "test_paths.h"

using namespace storyline::testing;

namespace {

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    if (end > pos) lines.push_back(nlohmann::json::parse(out.substr(pos, end - pos)));
    pos = end + 1;
  }
  return lines;
}

}  // namespace

TEST(ClusterCommand, OneLinePerDocumentInInputOrderAndBadLinesNamed) {
  const std::string input =
      "{\"id\": \"b\", \"title\": \"Second\", \"text\": \"Some text about a thing.\"}\n"
      "not json\n"
      "\n"
      "{\"id\": \"a\", \"title\": \"First\", \"text\": \"Other text about another thing.\"}\n";
  const auto result = run_storyline({"cluster", "-"}, input);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find(":2:"), std::string::npos) << result.err;
  const auto lines = json_lines(result.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], "b");
  EXPECT_EQ(lines[1]["id"], "a");
  for (const auto& line : lines) {
    EXPECT_TRUE(line["story"].is_string());
    EXPECT_TRUE(line["storyline"].is_string());
  }
  EXPECT_EQ(run_storyline({"cluster", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run_storyline({"cluster", "/no/such/file"}).exit_code, 1);
  EXPECT_EQ(run_storyline({"cluster", "--help"}).exit_code, 0);
}

TEST(ClusterCommand, SeedsEndToEnd) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto extracted = run_storyline({"extract", shared + "/seeds"});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const auto result = run_storyline({"cluster"}, extracted.out);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto lines = json_lines(result.out);
  // extract's order: seed 000 and its three related[], then 001, 002, 003, 004.
  ASSERT_EQ(lines.size(), 8u);
  const auto story = [&](size_t i) { return lines[i]["story"].get<std::string>(); };
  const auto storyline = [&](size_t i) { return lines[i]["storyline"].get<std::string>(); };
  // Story A, the Doha talks of October 2021: all four reports together (the first to arrive is
  // a fragment until the others form the story; repair joins it to them).
  const std::string story_a = story(0);
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(story(i), story_a) << "report " << i << " of story A";
  // 001 (the Eid message, undated), 002 (Istanbul talks), 003 (mission to Doha, undated) and 004
  // (embassy, undated) are other events: none joins story A. Undated documents need more in
  // common with a dated story, since time could not be checked.
  for (size_t i = 4; i < 8; ++i) EXPECT_NE(story(i), story_a) << "seed document " << i;
  // Each of them is its own event: 001, 003 and 004 are all undated and share the storyline's
  // words (Taliban, Kabul, Doha, embassy, recognition), but not their people (Akhundzada and
  // Mujahid; Blinken; Hewitt and the NSC).
  for (size_t i = 4; i < 8; ++i)
    for (size_t j = i + 1; j < 8; ++j) EXPECT_NE(story(i), story(j)) << "seed documents " << i << " and " << j;
  // One storyline for US-Taliban relations: A, 001, 003, 004.
  EXPECT_EQ(storyline(0), storyline(4));
  EXPECT_EQ(storyline(0), storyline(6));
  EXPECT_EQ(storyline(0), storyline(7));
  // 002 (Pakistan's talks with the Taliban) is a storyline of its own, related to that one.
  ASSERT_NE(storyline(5), storyline(0));
  const auto related = [&](size_t i) { return lines[i]["related_storylines"].get<std::vector<std::string>>(); };
  EXPECT_EQ(related(5), std::vector<std::string>{storyline(0)});
  EXPECT_EQ(related(0), std::vector<std::string>{storyline(5)});
}

// In a larger store the storyline's words (Taliban, Kabul, Doha) are rare, so the undated seeds
// resemble story A more than among the seeds alone: they still must not join it.
TEST(ClusterCommand, SeedsAmongOtherNewsKeepStoryA) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::string feeds = shared + "/data/feeds/rss-atom-feed-samples/rss-parser/test/input/";
  const auto extracted = run_storyline({"extract", shared + "/seeds", feeds + "guardian.rss", feeds + "heraldsun.rss"});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const auto result = run_storyline({"cluster"}, extracted.out);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto lines = json_lines(result.out);
  ASSERT_GT(lines.size(), 20u);
  const auto story = [&](size_t i) { return lines[i]["story"].get<std::string>(); };
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(story(i), story(0)) << "report " << i << " of story A";
  size_t story_a_size = 0;
  for (const auto& line : lines) story_a_size += line["story"] == story(0);
  EXPECT_EQ(story_a_size, 4u) << "story A holds only the Doha talks";
  EXPECT_NE(story(5), story(4)) << "002 (Istanbul) is not the Eid message's story";
}

// The seeds mixed into an hour of real news of 2019 in many languages, first and last: there the
// storyline's names (Taliban, Kabul, Doha) are rare enough to carry a cosine alone, and the
// undated seeds 001, 003 and 004 had joined story A (and each other) wherever they were placed.
// SEEDS-EXPECTED.md: five stories, whatever else is in the stream.
TEST(ClusterCommand, SeedsMixedIntoAContestHourKeepTheirFiveStories) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto seeds = run_storyline({"extract", shared + "/seeds"});
  ASSERT_EQ(seeds.exit_code, 0) << seeds.err;
  const auto hour = run_storyline({"extract", shared + "/data/news/telegram-contest-2019-11/2019-11-08T18"});
  ASSERT_EQ(hour.exit_code, 0) << hour.err;
  const auto seed_lines = json_lines(seeds.out);
  ASSERT_EQ(seed_lines.size(), 8u);
  for (const bool seeds_first : {true, false}) {
    const auto result = run_storyline({"cluster"}, seeds_first ? seeds.out + hour.out : hour.out + seeds.out);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::map<std::string, std::string> story_of;
    std::map<std::string, size_t> size_of;
    for (const auto& line : json_lines(result.out)) {
      story_of[line["id"].get<std::string>()] = line["story"].get<std::string>();
      ++size_of[line["story"].get<std::string>()];
    }
    const auto story = [&](size_t i) { return story_of.at(seed_lines[i]["id"].get<std::string>()); };
    const std::string where = seeds_first ? "seeds first" : "seeds last";
    for (size_t i = 1; i < 4; ++i) EXPECT_EQ(story(i), story(0)) << where << ": report " << i << " of story A";
    EXPECT_EQ(size_of[story(0)], 4u) << where << ": story A holds only the Doha talks";
    for (size_t i = 4; i < 8; ++i) {
      EXPECT_EQ(size_of[story(i)], 1u) << where << ": seed document " << i << " is an event of its own";
      EXPECT_NE(story(i), story(0)) << where << ": seed document " << i;
    }
  }
}

// One hour of the contest stream in many scripts: no story gathers the unrelated articles of
// languages the analysis reads poorly (it held 412 Arabic, Japanese, Tamil, Bengali and Russian
// articles when the pages' dateline was read as their text).
TEST(ClusterCommand, ContestHourMakesNoGiantMixedStory) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto extracted = run_storyline({"extract", shared + "/data/news/telegram-contest-2019-11/2019-11-15T00"});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const auto clustered = run_storyline({"cluster", "-"}, extracted.out);
  ASSERT_EQ(clustered.exit_code, 0) << clustered.err;
  std::map<std::string, size_t> sizes;
  for (const auto& line : json_lines(clustered.out)) ++sizes[line.at("story").get<std::string>()];
  ASSERT_GT(sizes.size(), 1000u);
  size_t largest = 0;
  for (const auto& [story, size] : sizes) largest = std::max(largest, size);
  EXPECT_LE(largest, 60u);
}
