#include "storyline/label/category_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "storyline/eval/category_training.h"

using namespace storyline::label;

namespace {

constexpr uint32_t kBits = 12;

CategoryModel small_model() {
  std::vector<TrainingExample> examples;
  const std::pair<const char*, Category> texts[] = {
      {"goal striker match league cup", Category::kSports},
      {"shares profit market bank inflation", Category::kEconomy},
      {"film actor music album award", Category::kEntertainment},
  };
  for (const auto& [text, category] : texts) examples.push_back({category_features({"", text, "en"}, kBits), category, 0});
  TrainingOptions options;
  options.bucket_bits = kBits;
  return train_category_model(examples, options);
}

std::string temporary_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("storyline_category_model_test_" + name)).string();
}

std::string error_of(const std::string& bytes) {
  try {
    CategoryModel::deserialize(bytes, "test.model");
  } catch (const ModelError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST(CategoryModel, SaveLoadRoundTripKeepsEveryBitAndPrediction) {
  const CategoryModel model = small_model();
  const std::string path = temporary_path("round_trip.model");
  model.save(path);
  const CategoryModel loaded = CategoryModel::load(path);
  EXPECT_EQ(loaded, model);
  EXPECT_EQ(loaded.serialize(), model.serialize());
  const auto features = category_features({"", "the striker scored in the cup match", "en"}, kBits);
  EXPECT_EQ(loaded.predict(features), Category::kSports);
  EXPECT_EQ(loaded.probabilities(features), model.probabilities(features));
  std::filesystem::remove(path);
}

TEST(CategoryModel, FileSizeIsHeaderPlusOneBytePerWeight) {
  const std::string bytes = small_model().serialize();
  ASSERT_GT(bytes.size(), (size_t{1} << kBits) * kCategoryCount);
  EXPECT_LT(bytes.size() - (size_t{1} << kBits) * kCategoryCount, 256u);
}

TEST(CategoryModel, CorruptFilesGiveClearErrors) {
  const std::string bytes = small_model().serialize();
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  EXPECT_NE(error_of(flipped).find("checksum"), std::string::npos) << error_of(flipped);
  EXPECT_NE(error_of(bytes.substr(0, bytes.size() - 100)).find("test.model"), std::string::npos);
  EXPECT_NE(error_of(bytes.substr(0, 10)), "");
  EXPECT_NE(error_of("").find("not a Storyline category model"), std::string::npos);
  EXPECT_NE(error_of("<html>not a model</html>").find("not a Storyline category model"), std::string::npos);
  EXPECT_EQ(error_of(bytes), "");
}

TEST(CategoryModel, MissingFileNamesThePath) {
  try {
    CategoryModel::load("/no/such/dir/categories.model");
    FAIL() << "expected ModelError";
  } catch (const ModelError& error) {
    EXPECT_NE(std::string(error.what()).find("/no/such/dir/categories.model"), std::string::npos);
  }
}

TEST(CategoryModel, DocumentWithoutWordsIsOther) { EXPECT_EQ(small_model().predict(FeatureVector{}), Category::kOther); }
