#include "storyline/eval/category_datasets.h"

#include <gtest/gtest.h>

#include <map>

#include "storyline/eval/category_metrics.h"
#include "storyline/eval/category_training.h"
#include "storyline/eval/tar_archive.h"
#include "test_paths.h"

using namespace storyline::label;

TEST(CategoryCorpora, NewsgroupMapping) {
  EXPECT_EQ(newsgroup_category("comp.graphics"), Category::kTechnology);
  EXPECT_EQ(newsgroup_category("sci.space"), Category::kScience);
  EXPECT_EQ(newsgroup_category("sci.crypt"), Category::kTechnology);
  EXPECT_EQ(newsgroup_category("rec.sport.hockey"), Category::kSports);
  EXPECT_EQ(newsgroup_category("talk.politics.guns"), Category::kSociety);
  EXPECT_EQ(newsgroup_category("misc.forsale"), Category::kOther);
  EXPECT_EQ(newsgroup_category("alt.no.such.group"), std::nullopt);
}

TEST(CategoryCorpora, StratifiedSplitIsHalfPerCategoryAndStable) {
  std::vector<LabelledText> texts;
  for (int i = 0; i < 10; ++i) texts.push_back({"a/" + std::to_string(i), "", "", Category::kSports});
  for (int i = 0; i < 5; ++i) texts.push_back({"b/" + std::to_string(i), "", "", Category::kEconomy});
  const auto split = stratified_half_split(texts, 1);
  EXPECT_EQ(split.train.size(), 5u + 3u);
  EXPECT_EQ(split.test.size(), 5u + 2u);
  const auto again = stratified_half_split(texts, 1);
  for (size_t i = 0; i < split.test.size(); ++i) EXPECT_EQ(split.test[i].id, again.test[i].id);
}

TEST(CategoryCorpora, MalformedTarIsAnErrorNotACrash) {
  EXPECT_THROW(read_tar(std::string(512, 'x'), "bad.tar"), std::runtime_error);
  std::string header(512, '\0');
  header.replace(0, 5, "a.txt");
  header.replace(124, 11, "77777777777");  // claims far more bytes than there are
  header[156] = '0';
  EXPECT_THROW(read_tar(header, "short.tar"), std::runtime_error);
  EXPECT_TRUE(read_tar(std::string(1024, '\0'), "empty.tar").empty());
}

TEST(CategoryCorpora, DatasetsLoadWithTheirDocumentedCounts) {
  STORYLINE_REQUIRE_SHARED(shared);
  const std::string folder = shared + "/data/categories";
  const auto bbc = load_bbc(folder + "/bbc-news-2225", false);
  EXPECT_EQ(bbc.size(), 2225u);
  EXPECT_EQ(load_bbc(folder + "/bbc-news-2225", true).size(), 2125u);  // 100 duplicate copies dropped
  for (const auto& text : bbc) ASSERT_FALSE(text.title.empty()) << text.id;

  const auto posts = load_newsgroups(folder + "/20newsgroups-bydate/20news-bydate.tar.gz", "test");
  EXPECT_EQ(posts.size(), 7532u);
  size_t with_header_words = 0;
  for (const auto& post : posts) {
    ASSERT_FALSE(post.text.starts_with("From:") || post.text.starts_with("Subject:")) << post.id;
    ASSERT_FALSE(post.title.starts_with("Re:")) << post.id;
    // Forwarded messages may carry a header inside the body; the post's own headers are gone.
    if (post.text.find("Organization:") != std::string::npos || post.text.find("Lines:") != std::string::npos)
      ++with_header_words;
  }
  EXPECT_LT(with_header_words, posts.size() / 100);
  const auto reuters = load_reuters(folder + "/reuters21578/reut2-sgm.tar.gz", "test");
  EXPECT_GT(reuters.size(), 2500u);
  EXPECT_EQ(reuters.front().text.find("&lt;"), std::string::npos);
}

TEST(CategoryCorpora, SmallBbcSampleClassifiesAboveFloor) {
  STORYLINE_REQUIRE_SHARED(shared);
  const auto split = stratified_half_split(load_bbc(shared + "/data/categories/bbc-news-2225", true), 1);
  // A fifth of each half keeps the test quick; the full figures come from `storyline eval categories`.
  const auto train = every_nth(split.train, 5);
  const auto test = every_nth(split.test, 5);
  TrainingOptions options;
  const auto model = train_category_model(training_examples(train, options.bucket_bits, 2), options);
  ConfusionMatrix matrix;
  for (const auto& example : training_examples(test, options.bucket_bits, 2))
    matrix.add(example.category, model.predict(example.features));
  EXPECT_GT(matrix.total(), 200u);
  EXPECT_GE(matrix.accuracy(), 0.90) << matrix.table();
  EXPECT_GE(matrix.macro_f1(), 0.90) << matrix.table();
}
