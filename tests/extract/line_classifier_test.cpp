#include "storyline/extract/line_classifier.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_paths.h"

#include "storyline/eval/line_model_training.h"

namespace storyline::extract {
namespace {

TEST(LineClassifier, BuiltinModelIsTheCommittedModelFile) {
  std::ifstream in(storyline::testing::source_dir() + "/models/scraped_text.model", std::ios::binary);
  ASSERT_TRUE(in) << "models/scraped_text.model is missing";
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_EQ(LineModel::builtin_text(), text.str())
      << "regenerate both with: storyline train scraped-text --out models/scraped_text.model "
         "--inc src/storyline/extract/scraped_text_model.inc";
}

TEST(LineClassifier, TextRoundTripKeepsScores) {
  const LineModel& model = LineModel::builtin();
  const LineModel copy = LineModel::parse(model.to_text());
  const std::vector<std::string> lines = {
      "Menu",
      "Sign in",
      "A Headline About Something That Happened",
      "The first paragraph tells the story in a full sentence, as articles do.",
      "A second paragraph adds what officials said about it on Tuesday, and why it matters.",
      "Share on Facebook"};
  const auto a = model.body_probabilities(lines);
  const auto b = copy.body_probabilities(lines);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-6);
  EXPECT_GT(a[3], model.threshold);
  EXPECT_LT(a[0], model.threshold);
  EXPECT_GT(a[4], model.threshold);
  EXPECT_LT(a[5], model.threshold);
}

TEST(LineClassifier, ParseRejectsBrokenModels) {
  EXPECT_THROW(LineModel::parse(""), std::runtime_error);
  EXPECT_THROW(LineModel::parse("storyline-scraped-text-line-model 1\nlayer lines 2\n"), std::runtime_error);
  std::string text = LineModel::builtin().to_text();
  text.replace(text.find("log_words"), 9, "log_wordz");
  EXPECT_THROW(LineModel::parse(text), std::runtime_error);
}

TEST(LineClassifier, TrainingSeparatesProseFromMenus) {
  // A toy page: a model trained on it must score prose above menu items.
  std::vector<std::string> lines;
  std::vector<int8_t> labels;
  for (int i = 0; i < 30; ++i) {
    lines.push_back("Home");
    labels.push_back(0);
    lines.push_back("Subscribe to our newsletter");
    labels.push_back(0);
    lines.push_back("The council voted on Tuesday to extend the programme for another " + std::to_string(i + 2) +
                    " years, officials said.");
    labels.push_back(1);
  }
  const LineModel model = train_line_model({LabeledPage{line_features(lines), labels}});
  const auto scores = model.body_probabilities(lines);
  EXPECT_GT(scores[2], 0.9);
  EXPECT_LT(scores[0], 0.1);
  EXPECT_LT(scores[1], 0.1);
}

}  // namespace
}  // namespace storyline::extract
