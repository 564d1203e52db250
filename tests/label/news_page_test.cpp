#include "storyline/label/news_page.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storyline/core/model_path.h"
#include "storyline/eval/news_training.h"

using namespace storyline;
using namespace storyline::label;

namespace {

const std::vector<std::string> kSubjects = {"council",  "minister", "river",   "museum",  "airport", "court",
                                            "festival", "harbour",  "factory", "stadium", "school",  "bridge"};
const std::vector<std::string> kProducts = {"lamp",  "kettle",   "backpack", "charger", "blender", "speaker",
                                            "chair", "notebook", "jacket",   "monitor", "toaster", "drill"};

std::string pick(const std::vector<std::string>& words, int i) { return words[static_cast<size_t>(i) % words.size()]; }

// A report: a dated story URL, a headline, several long paragraphs of prose.
Document news_page(int i) {
  const std::string subject = pick(kSubjects, i);
  const std::string other = pick(kSubjects, i * 7 + 3);
  Document document;
  document.id = "news-" + std::to_string(i);
  document.url = "https://news" + std::to_string(i % 5) + ".example.com/2024/05/" + std::to_string(10 + i % 18) + "/" +
                 subject + "-" + other + "-plan-approved-after-long-debate";
  document.title = "Officials approve " + subject + " plan after long debate over the " + other;
  std::string text;
  for (int paragraph = 0; paragraph < 6; ++paragraph) {
    text += "Local officials said on Tuesday that the new " + subject + " plan, debated for months by residents " +
            "and the regional " + other + " authority, would go ahead after a narrow vote, ending a dispute that " +
            "had divided the town since the spring. The mayor told reporters that work would begin next year " +
            "and that the costs would be shared with the national government, which has promised support.";
    text += paragraph < 5 ? "\n\n" : "";
  }
  document.text = text;
  return document;
}

// A shop or forum page: its URL names what it is; short lines with prices.
Document product_page(int i) {
  const std::string product = pick(kProducts, i);
  Document document;
  document.id = "product-" + std::to_string(i);
  document.url = i % 2 == 0 ? "https://shop.example.com/product/" + product + "-" + std::to_string(1000 + i)
                            : "https://example.com/forum/thread/" + std::to_string(50000 + i) + "/best-" + product;
  document.title = "Buy " + product + " | Example Shop";
  std::string text;
  for (int line = 0; line < 12; ++line)
    text += pick(kProducts, i + line) + " model " + std::to_string(line) + " - $" + std::to_string(9 + line) +
            ".99\nAdd to cart\n";
  document.text = text;
  return document;
}

std::vector<NewsExample> synthetic_examples() {
  std::vector<NewsExample> examples;
  for (int i = 0; i < 40; ++i) {
    NewsExample news;
    news.features = news_features(news_page(i));
    news.is_news = true;
    examples.push_back(news);
    NewsExample other;
    other.features = news_features(product_page(i));
    other.is_news = false;
    examples.push_back(other);
  }
  return examples;
}

NewsModel handmade_model() {
  std::vector<float> weights(size_t{1} << kNewsFeatureBits, 0.0f);
  weights[3] = 0.123456789f;
  weights[4242] = -1.5f;
  weights[weights.size() - 1] = 2.25e-7f;
  return NewsModel(kNewsFeatureBits, std::move(weights), -0.3333333f);
}

// The ModelError message, or "" when the text was read.
std::string error_of(const std::string& text) {
  try {
    NewsModel::deserialize(text, "bad.model");
  } catch (const ModelError& error) {
    return error.what();
  }
  return "";
}

bool sorted_without_duplicates(const FeatureVector& features) {
  for (size_t i = 1; i < features.size(); ++i)
    if (features[i - 1].bucket >= features[i].bucket) return false;
  return true;
}

}  // namespace

TEST(NewsModel, SerializeDeserializeRoundTripIsEqualAndScoresTheSame) {
  const NewsModel model = handmade_model();
  const std::string text = model.serialize();
  EXPECT_TRUE(text.starts_with("STORYLINE NEWS MODEL 1\nbits 16\nbias "));
  const NewsModel back = NewsModel::deserialize(text, "round-trip");
  EXPECT_EQ(back, model);
  EXPECT_EQ(back.serialize(), text);
  const FeatureVector features = {{3, 1.0f}, {4242, 0.5f}, {65535, 1.0f}};
  EXPECT_EQ(back.probability(features), model.probability(features));
  EXPECT_NE(model.probability(features), 0.5);  // the weights are read, not just the bias
}

TEST(NewsModel, DeserializeNamesWhatIsWrong) {
  const std::string bad_magic = error_of("STORYLINE CATEGORY MODEL 1\nbits 16\nbias 0\n");
  EXPECT_NE(bad_magic.find("bad.model"), std::string::npos) << bad_magic;
  EXPECT_NE(bad_magic.find("not a Storyline news model"), std::string::npos) << bad_magic;

  const std::string out_of_range = error_of("STORYLINE NEWS MODEL 1\nbits 16\nbias 0\n1 0.5\n65536 0.5\n");
  EXPECT_NE(out_of_range.find("bad.model"), std::string::npos) << out_of_range;
  EXPECT_NE(out_of_range.find("line 5"), std::string::npos) << out_of_range;
  EXPECT_NE(out_of_range.find("bucket out of range"), std::string::npos) << out_of_range;

  EXPECT_NE(error_of("STORYLINE NEWS MODEL 1\nbits 12\nbias 0\n").find("bits"), std::string::npos);
  EXPECT_NE(error_of("STORYLINE NEWS MODEL 1\nbits 16\nbias zero\n").find("bias"), std::string::npos);
  EXPECT_NE(error_of("STORYLINE NEWS MODEL 1\nbits 16\nbias 0\n7 0.5\nseven 0.5\n").find("bucket weight"),
            std::string::npos);
  EXPECT_EQ(error_of("STORYLINE NEWS MODEL 1\nbits 16\nbias 0\n"), "");  // no weights is a valid model
}

TEST(NewsModel, TrainingSeparatesReportsFromShopAndForumPages) {
  const NewsModel model = train_news_model(synthetic_examples());
  // Held out: indexes beyond the training set give new URLs, titles and word mixes.
  for (int i = 100; i < 105; ++i) {
    EXPECT_GT(model.probability(news_features(news_page(i))), 0.5) << i;
    EXPECT_LT(model.probability(news_features(product_page(i))), 0.5) << i;
    EXPECT_TRUE(model.is_news(news_page(i))) << i;
  }
}

TEST(NewsModel, TrainingTwiceGivesIdenticalBytes) {
  const auto examples = synthetic_examples();
  const NewsModel first = train_news_model(examples);
  const NewsModel second = train_news_model(examples);
  EXPECT_EQ(first.serialize(), second.serialize());
  EXPECT_EQ(first, second);
  // A trained model equals its saved and loaded self.
  EXPECT_EQ(NewsModel::deserialize(first.serialize(), "again"), first);
}

TEST(NewsFeatures, SortedByBucketWithoutDuplicatesAndInRange) {
  Document marked = news_page(1);
  marked.page_types = {"og:article", "NewsArticle", "NewsArticle"};
  Document repeated;
  repeated.title = "Sale sale SALE sale";
  repeated.url = "/sale/sale/sale/sale";
  repeated.text = "$1.99\n$1.99\n$1.99\n";
  for (const Document& document : {news_page(0), product_page(1), marked, repeated, Document{}}) {
    const FeatureVector features = news_features(document);
    EXPECT_FALSE(features.empty());
    EXPECT_TRUE(sorted_without_duplicates(features)) << document.id;
    for (const Feature& feature : features) EXPECT_LT(feature.bucket, uint32_t{1} << kNewsFeatureBits);
  }
}

TEST(NewsFeatures, SameDocumentGivesSameFeatures) {
  const FeatureVector first = news_features(news_page(2));
  const FeatureVector second = news_features(news_page(2));
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].bucket, second[i].bucket);
    EXPECT_EQ(first[i].value, second[i].value);
  }
}

TEST(DecideIsNews, KeepsAnExplicitAnswer) {
  Document report = news_page(3);
  report.is_news = false;
  EXPECT_FALSE(decide_is_news(report));
  Document placeholder;
  placeholder.text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.";
  placeholder.is_news = true;
  EXPECT_TRUE(decide_is_news(placeholder));
}

TEST(DecideIsNews, LoremIpsumIsNotNews) {
  Document document;
  document.title = "Home";
  document.text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.";
  EXPECT_FALSE(decide_is_news(document));
}

TEST(DecideIsNews, ShortNewsTextWithoutMetadataIsNews) {
  if (!find_model("news.model")) GTEST_SKIP() << "models/news.model not found: the shipped news model is needed";
  Document document;
  document.id = "short";
  document.text =
      "Firefighters rescued two hikers stranded on the mountain overnight, the regional rescue service said on "
      "Sunday. Both were taken to hospital with mild hypothermia.";
  EXPECT_TRUE(default_news_model().is_news(document));
  EXPECT_TRUE(decide_is_news(document));
}
