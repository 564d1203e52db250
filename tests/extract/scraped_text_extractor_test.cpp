// The scraped-text extractor on the four scraped seeds (checked against SEEDS-EXPECTED.md), on
// hand-written pages with other publishers and other wording of the chrome, and on the held-back
// half of the dataset-derived pages. Each case prints the lines it removed, and why.
#include "storyline/extract/scraped_text_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "storyline/eval/scraped_text_evaluation.h"
#include "test_paths.h"

namespace storyline::extract {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string seed_text(const std::string& shared, const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(shared) / "seeds"))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return read_file(entry.path());
  ADD_FAILURE() << "no seed " << prefix;
  return {};
}

ScrapedTextAnalysis analyze_and_show(const std::string& name, const std::string& text) {
  ScrapedTextAnalysis analysis = analyze_scraped_text(text, PageContext{name, {}, {}});
  std::cout << "[" << name << "] title: " << analysis.document.title.value_or("(none)") << "\n";
  for (const auto& line : analysis.lines)
    if (line.role != LineRole::kBody)
      std::cout << "[" << name << "]   not body (" << line_role_name(line.role) << "): " << line.text.substr(0, 100) << "\n";
  return analysis;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void expect_absent(const Document& document, const std::vector<std::string>& chrome) {
  const std::string body = document.text.value_or("");
  for (const auto& piece : chrome) {
    EXPECT_EQ(body.find(piece), std::string::npos) << "chrome left in the body: " << piece;
    EXPECT_EQ(document.title.value_or("").find(piece), std::string::npos) << "chrome in the title: " << piece;
  }
}

TEST(ScrapedTextExtractorSeeds, Seed001WesternJournal) {
  STORYLINE_REQUIRE_SHARED(shared);
  const Document document = analyze_and_show("seed 001", seed_text(shared, "001_")).document;
  EXPECT_EQ(document.title,
            "Taliban Offers to Open Diplomatic Relations with America, Unclear What Biden Will Do with Request");
  EXPECT_EQ(document.site_name, "The Western Journal");
  EXPECT_FALSE(document.published.has_value());
  const std::string body = document.text.value_or("");
  EXPECT_TRUE(starts_with(body, "A message from the leader of the Taliban")) << body.substr(0, 200);
  EXPECT_TRUE(ends_with(body, "we will exert all efforts for their protection and security.\u201D"))
      << body.substr(body.size() - 200);
  expect_absent(document, {"Facebook Being Used to Facilitate Illegal Immigrants", "Gold Star Father, Who Was Arrested",
                           "This article appeared originally on The Western Journal.", "Submit a Correction", ", , ,"});
  EXPECT_NE(body.find("Some scoffed at the statement."), std::string::npos);
}

TEST(ScrapedTextExtractorSeeds, Seed002Particle) {
  STORYLINE_REQUIRE_SHARED(shared);
  const Document document = analyze_and_show("seed 002", seed_text(shared, "002_")).document;
  EXPECT_EQ(document.title, "Pakistan Extends Istanbul Talks With Taliban at T\u00FCrkiye\u2019s Request");
  EXPECT_EQ(document.site_name, "Particle");
  // The only date is a photo caption's: null, or a day on/after it, are acceptable.
  if (document.published) {
    EXPECT_GE(*document.published, "2025-10-29");
  }
  EXPECT_EQ(document.excerpt,
            "Negotiations will seek verifiable Taliban steps to stop attacks launched from Afghan territory.");
  const std::string body = document.text.value_or("");
  EXPECT_TRUE(starts_with(body, "The border between the two countries has been closed for more than two weeks"))
      << body.substr(0, 200);
  EXPECT_NE(body.find("\n\nOverview\n\n"), std::string::npos);
  // Five bullets, each its own paragraph, glyph dropped.
  EXPECT_NE(body.find("\n\nPakistani delegates who were set to return home"), std::string::npos);
  EXPECT_TRUE(ends_with(body, "despite evidence of militant sanctuaries.")) << body.substr(body.size() - 200);
  EXPECT_EQ(body.find("\u2022"), std::string::npos);
  size_t paragraphs = 1;
  for (size_t at = body.find("\n\n"); at != std::string::npos; at = body.find("\n\n", at + 2)) ++paragraphs;
  EXPECT_EQ(paragraphs, 7u);  // the border sentence, Overview, five bullets
  expect_absent(document, {"Particle.news", "Download on the App Store", "Afghan refugees sit", "Afghan refugees gather",
                           "AP Photo/H. Achakzai"});
}

TEST(ScrapedTextExtractorSeeds, Seed003TagLineAndCommentForm) {
  STORYLINE_REQUIRE_SHARED(shared);
  const Document document = analyze_and_show("seed 003", seed_text(shared, "003_")).document;
  EXPECT_EQ(document.title,
            "U.S. Moves Diplomatic Mission From Kabul To Qatar, Says Taliban Must Earn International Legitimacy");
  EXPECT_FALSE(document.site_name.has_value());
  if (document.published) {
    EXPECT_EQ(*document.published, "2021-08-30");
  }
  const std::string body = document.text.value_or("");
  EXPECT_TRUE(starts_with(body, "All American diplomats left Kabul")) << body.substr(0, 200);
  EXPECT_TRUE(ends_with(body, "Most countries have closed their embassies.")) << body.substr(body.size() - 200);
  expect_absent(document, {"Leave a Reply", "Your email address will not be published."});
  EXPECT_FALSE(starts_with(body, "Antony Blinken"));
  EXPECT_NE(document.title, "Antony Blinken");
}

TEST(ScrapedTextExtractorSeeds, Seed004ScrollToTop) {
  STORYLINE_REQUIRE_SHARED(shared);
  const Document document = analyze_and_show("seed 004", seed_text(shared, "004_")).document;
  EXPECT_EQ(document.title, "US Rules Out Reopening Kabul Embassy, Denies Recognition of Taliban Government");
  EXPECT_FALSE(document.site_name.has_value());
  EXPECT_FALSE(document.published.has_value());
  const std::string body = document.text.value_or("");
  EXPECT_TRUE(starts_with(body, "The United States has firmly ruled out")) << body.substr(0, 200);
  EXPECT_TRUE(ends_with(body, "among the world\u2019s most dangerous terrorist entities."))
      << body.substr(body.size() - 200);
  expect_absent(document, {"Scroll to Top"});
}

// Hand-written pages (not from the seeds): other publishers, other wording of the chrome.

TEST(ScrapedTextExtractorRules, OtherPublisherAndChromeWording) {
  const std::string text =
      "Home | World | Business | Sport\n"
      "Share this article\n"
      "Climate\n"
      "\n"
      "Drought Pushes Grain Prices to a Ten-Year High Across Southern Europe\n"
      "\n"
      "Farmers in Spain and Italy expect the smallest wheat harvest in a decade after a spring without rain, "
      "and traders say prices will keep rising into the autumn.\n"
      "\n"
      "The agriculture ministry in Madrid said on Tuesday that reservoirs in the south stood at less than a "
      "quarter of their capacity, the lowest level since records began.\n"
      "\n"
      "Ten Celebrities Who Quietly Bought Islands Nobody Has Ever Heard Of\n"
      "\n"
      "Cooperatives have asked the European Commission to release emergency funds, arguing that many small "
      "farms will not survive a second dry year.\n"
      "\n"
      "\u201CWe have never seen the river this low,\u201D said one grower near Seville, who asked not to be named.\n"
      "\n"
      "Originally published by The Harvest Courier.\n"
      "\n"
      "Post a Comment\n"
      "Your e-mail address will not be shown. Required fields are marked *\n"
      "Back to top\n"
      "| | |\n";
  const Document document = analyze_and_show("hand-written 1", text).document;
  EXPECT_EQ(document.title, "Drought Pushes Grain Prices to a Ten-Year High Across Southern Europe");
  EXPECT_EQ(document.site_name, "The Harvest Courier");
  const std::string body = document.text.value_or("");
  EXPECT_TRUE(starts_with(body, "Farmers in Spain and Italy")) << body;
  EXPECT_TRUE(ends_with(body, "who asked not to be named.")) << body;
  expect_absent(document, {"Share this article", "Ten Celebrities Who Quietly", "Originally published by", "Post a Comment",
                           "Required fields", "Back to top", "| |", "Home | World"});
}

TEST(ScrapedTextExtractorRules, AppBannerDomainCaptionsStandfirstAndDateline) {
  const std::string text =
      "Newsroomapp.io\n"
      "Get it on Google Play\n"
      "\n"
      "Central Bank Holds Rates Steady as Inflation Cools\n"
      "\n"
      "Policy makers signalled that the next move could be a cut if prices keep easing through the summer.\n"
      "\n"
      "Published: March 3, 2024\n"
      "The governor speaks to reporters after the rate decision in Frankfurt, Germany, on Thursday. (Reuters/Jane Roe)\n"
      "The governor speaks to reporters after the rate decision in Frankfurt Germany on Thursday. (Reuters/Jane Roe)\n"
      "Economists had expected the pause\n"
      "\n"
      "The bank kept its main rate at 4 percent for a third meeting in a row, citing a steady fall in energy "
      "costs and slower wage growth.\n"
      "\n"
      "Markets now price two cuts before the end of the year, according to analysts at several large banks.\n"
      "\n"
      "Download our app for breaking news alerts\n";
  const Document document = analyze_and_show("hand-written 2", text).document;
  EXPECT_EQ(document.title, "Central Bank Holds Rates Steady as Inflation Cools");
  EXPECT_EQ(document.site_name, "Newsroomapp");
  EXPECT_EQ(document.excerpt,
            "Policy makers signalled that the next move could be a cut if prices keep easing through the summer.");
  EXPECT_EQ(document.published, "2024-03-03");
  const std::string body = document.text.value_or("");
  EXPECT_NE(body.find("The bank kept its main rate at 4 percent"), std::string::npos) << body;
  EXPECT_TRUE(ends_with(body, "according to analysts at several large banks.")) << body;
  expect_absent(document, {"Newsroomapp.io", "Google Play", "The governor speaks", "Reuters/Jane Roe",
                           "Published:", "Download our app"});
}

TEST(ScrapedTextExtractorRules, DatesInProseAndCaptionsAreNotPublication) {
  const std::string text =
      "Mayor Opens New Bridge Over the River Wear\n"
      "\n"
      "The bridge, first proposed on June 12, 2009, was opened by the mayor on Friday after six years of work "
      "and a long dispute over its cost.\n"
      "\n"
      "Engineers said it would carry about 20,000 vehicles a day, easing traffic in the old town centre.\n";
  const Document document = analyze_and_show("hand-written 3", text).document;
  EXPECT_EQ(document.title, "Mayor Opens New Bridge Over the River Wear");
  EXPECT_FALSE(document.published.has_value()) << *document.published;
  EXPECT_FALSE(document.site_name.has_value());
}

TEST(ScrapedTextExtractorRules, BadInputGivesBestEffortDocument) {
  EXPECT_FALSE(extract_scraped_text("", PageContext{"empty", {}, {}}).text.has_value());
  EXPECT_FALSE(extract_scraped_text("\n\n  \n", PageContext{"blank", {}, {}}).title.has_value());
  const std::string junk(5000, '\xFF');
  EXPECT_NO_THROW(extract_scraped_text(junk, PageContext{"junk", {}, {}}));
  std::string many_lines;
  for (int i = 0; i < 3000; ++i) many_lines += "line number " + std::to_string(i) + " of a long menu\n";
  EXPECT_NO_THROW(extract_scraped_text(many_lines, PageContext{"menu", {}, {}}));
}

// The held-back half of pages derived from ../shared/data/extraction (never seen in training):
// floors a little under the measured figures (`storyline eval scraped-text`), on a subset so that
// the sanitizer build stays quick.
TEST(ScrapedTextExtractorHeldOut, FloorOnDatasetDerivedPages) {
  STORYLINE_REQUIRE_SHARED(shared);
  DatasetOptions options;
  options.training_half = false;
  options.max_pages_per_source = 40;
  const ScrapedTextDataset dataset = load_scraped_text_dataset(shared + "/data", options);
  const ScrapedTextScores scores = evaluate_scraped_text(dataset, LineModel::builtin());
  std::cout << "held-back subset: " << scores.pages << " pages, line P " << scores.extractor_lines.precision() << " R "
            << scores.extractor_lines.recall() << " F1 " << scores.extractor_lines.f1() << "; document 4-gram P "
            << scores.mean_precision << " R " << scores.mean_recall << " (baseline P " << scores.baseline_precision << " R "
            << scores.baseline_recall << ")\n";
  ASSERT_GE(scores.pages, 60u);
  EXPECT_GE(scores.extractor_lines.f1(), 0.68);
  const double f1 = ScrapedTextScores::f1(scores.mean_precision, scores.mean_recall);
  const double baseline_f1 = ScrapedTextScores::f1(scores.baseline_precision, scores.baseline_recall);
  EXPECT_GE(f1, 0.75);
  EXPECT_GT(f1, baseline_f1 + 0.03) << "removing chrome must beat keeping all visible text";
  EXPECT_GE(scores.snippets.f1(), 0.78);
}

}  // namespace
}  // namespace storyline::extract
