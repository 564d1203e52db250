#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.h"
#include "test_paths.h"

using namespace storyline::testing;

TEST(DedupCommand, MarksCopiesOfEarlierDocuments) {
  const std::string body =
      "The Taliban announced Sunday following talks in Qatar that the United States would not be formally "
      "recognizing the Taliban, but would be providing humanitarian aid to Afghanistan, the Associated Press said.";
  const std::string input =
      nlohmann::json({{"id", "a"}, {"title", "Taliban says US will provide aid"}, {"text", body}}).dump() + "\n" +
      nlohmann::json({{"id", "b"},
                      {"title", "Football results"},
                      {"text", "Arsenal beat Chelsea two nil at home on Saturday evening."}})
          .dump() +
      "\n" + "not json\n" +
      nlohmann::json({{"id", "c"}, {"title", "Taliban says US will provide aid"}, {"text", body + " (AP)"}}).dump() + "\n";
  const auto result = run_storyline({"dedup", "-"}, input);
  EXPECT_EQ(result.exit_code, 1) << "the bad line is a rejected input";
  EXPECT_NE(result.err.find("line 3"), std::string::npos) << result.err;
  std::istringstream lines(result.out);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[0]["duplicate_of"].is_null());
  EXPECT_TRUE(rows[1]["duplicate_of"].is_null());
  EXPECT_EQ(rows[2]["duplicate_of"], "a");
}

TEST(EvalDedup, FindsEveryListedBbcDuplicateAndNoFalsePair) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto result = run_storyline({"eval", "dedup", "--data", shared + "/data", "--show", "60"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::cout << result.out;
  EXPECT_NE(result.out.find("gold pairs found     100  (recall 1.000)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("false pairs          0 "), std::string::npos) << result.out;
}
