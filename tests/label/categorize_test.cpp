#include "storyline/label/categorize.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace storyline;

TEST(Categorize, ShippedModelLoadsOnceForManyThreads) {
  Document document;
  document.id = "x";
  document.title = "Striker's late goal wins the cup final";
  document.text = "The team's coach praised the players after the match; fans celebrated the trophy.";
  std::vector<std::string> answers(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < answers.size(); ++i) threads.emplace_back([&, i] { answers[i] = label::categorize(document); });
  for (auto& thread : threads) thread.join();
  for (const auto& answer : answers) EXPECT_EQ(answer, "sports");
  EXPECT_EQ(&label::default_category_model(), &label::default_category_model());
}

TEST(Categorize, ExcerptStandsInForAMissingBody) {
  Document document;
  document.title = "Quarterly results";
  document.excerpt = "Profits rose and the company's shares jumped as sales beat analysts' forecasts.";
  EXPECT_EQ(label::category_text(document).text, *document.excerpt);
  EXPECT_EQ(label::category_text(document).language, "en");
  EXPECT_EQ(label::categorize(document), "economy");
}
