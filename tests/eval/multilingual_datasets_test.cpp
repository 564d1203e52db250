// The multilingual loaders on tiny synthetic files in a temporary folder (the real datasets are
// tested where ../shared is present): field parsing, category mappings, alternatives, publishers.
#include "storyline/eval/multilingual_datasets.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "storyline/serve/gzip_body.h"

using namespace storyline::label;
namespace fs = std::filesystem;

namespace {

// A folder in the temporary directory, unique per process and test, removed at the end.
class TempFolder {
 public:
  TempFolder()
      : path_(fs::temp_directory_path() /
              ("storyline-corpora-" + std::to_string(getpid()) + "-" + std::to_string(counter_++))) {
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

std::string gzip(const std::string& data) { return storyline::serve::gzip_body(data); }

// Writes `bytes` to `folder`/`name` (creating folders); returns the path.
std::string write_file(const std::string& folder, const std::string& name, const std::string& bytes) {
  const fs::path path = fs::path(folder) / name;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::string name_of(const std::optional<Category>& category) {
  return category ? std::string(category_name(*category)) : "none";
}

}  // namespace

TEST(MultilingualCorpora, MasakhaneReadsQuotedFieldsAndMapsCategories) {
  TempFolder folder;
  // As pandas writes it: a quoted text holding a tab, newlines and "" for a quote.
  const std::string tsv =
      "category\theadline\ttext\turl\n"
      "health\tClinics reopen\t\"Doctors said \"\"the worst is over\"\".\tThe tab above is kept.\n"
      "Second paragraph.\"\thttps://www.BBC.com/news/health-61792300?at=1\n"
      "religion\t\"Pope visits Kenya\"\tCrowds gathered.\thttps://www.bbc.co.uk/swahili/habari-123\n"
      "weather\tStorm\tRain.\thttps://www.bbc.com/news/weather-1\n"
      "business\tShops\tPrices rose.\t/news/business-1\n";
  write_file(folder.path(), "eng/train.tsv.gz", gzip(tsv));
  const auto texts = load_masakhane(folder.path(), "eng", "train");
  ASSERT_EQ(texts.size(), 3u);  // weather has no category of ours

  EXPECT_EQ(name_of(texts[0].category), "science");  // health -> science
  EXPECT_EQ(texts[0].title, "Clinics reopen");
  EXPECT_EQ(texts[0].text, "Doctors said \"the worst is over\".\tThe tab above is kept.\nSecond paragraph.");
  EXPECT_EQ(texts[0].publisher, "bbc.com");  // lower-cased, without www.
  EXPECT_EQ(texts[0].url, "/news/health-61792300");
  EXPECT_EQ(texts[0].language, "en");
  EXPECT_EQ(texts[0].alternative, std::nullopt);

  EXPECT_EQ(name_of(texts[1].category), "society");  // religion -> society
  EXPECT_EQ(texts[1].title, "Pope visits Kenya");
  EXPECT_EQ(texts[1].publisher, "bbc.co.uk");

  EXPECT_EQ(name_of(texts[2].category), "economy");
  EXPECT_EQ(texts[2].url, "/news/business-1");
  EXPECT_NE(texts[0].id, texts[1].id);

  EXPECT_TRUE(load_masakhane(folder.path(), "eng", "dev").empty());  // a missing split gives nothing
}

TEST(MultilingualCorpora, Sib200ScienceTechnologyHasTechnologyAsAlternative) {
  TempFolder folder;
  write_file(folder.path(), "zho_Hans/train.tsv.gz",
             "index_id\tcategory\ttext\n"
             "403\tscience/technology\tSubmarines went under water as radar improved.\n"
             "12\thealth\tThe vaccine trial ended.\n"
             "7\ttravel\tThe ferry to the island leaves twice a day.\n"
             "8\tunknown\tDropped.\n");  // plain text under a .gz name is read too
  const auto texts = load_sib200(folder.path(), "zho_Hans", "train");
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(name_of(texts[0].category), "science");
  EXPECT_EQ(name_of(texts[0].alternative), "technology");
  EXPECT_EQ(texts[0].id, "sib200/zho_Hans/train/403");  // the split: eval scores only test sentences
  EXPECT_EQ(texts[0].language, "zh");
  EXPECT_EQ(name_of(texts[1].category), "science");
  EXPECT_EQ(texts[1].alternative, std::nullopt);
  EXPECT_EQ(name_of(texts[2].category), "other");
}

TEST(MultilingualCorpora, LentaMapsTopicsAndPublishers) {
  TempFolder folder;
  const std::string path =
      write_file(folder.path(), "lenta.jsonl.gz",
                 gzip("{\"id\": \"6-1\", \"topic\": \"Construction\", \"text\": \"Дом построен.\"}\n"
                      "{\"id\": \"0-0\", \"topic\": \"Society/Russia\", \"text\": \"Указ подписан.\"}\n"
                      "\n"
                      "{\"id\": \"5-2\", \"topic\": \"Science and Technology\", \"text\": \"Ракета запущена.\"}\n"
                      "{\"id\": \"9-9\", \"topic\": \"Unmapped\", \"text\": \"Нет.\"}\n"));
  const auto texts = load_lenta(path);
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(name_of(texts[0].category), "economy");
  EXPECT_EQ(texts[0].publisher, "ria.ru");  // topic 6 came from ria.ru
  EXPECT_EQ(texts[0].id, "lenta/6-1");
  EXPECT_EQ(texts[0].text, "Дом построен.");
  EXPECT_EQ(texts[0].language, "ru");
  EXPECT_EQ(name_of(texts[1].category), "society");
  EXPECT_EQ(texts[1].publisher, "lenta.ru");
  EXPECT_EQ(name_of(texts[2].category), "science");
  EXPECT_EQ(name_of(texts[2].alternative), "technology");
}

TEST(MultilingualCorpora, RiaTakesASecondRubricAsAlternative) {
  TempFolder folder;
  const std::string path =
      write_file(folder.path(), "ria.jsonl",
                 "{\"id\": \"1598399343\", \"title\": \"Заголовок\", \"text\": \"Текст.\", \"topic\": \"society\", "
                 "\"topics\": [\"society\", \"economy\"], \"tags\": [\"Культура\"]}\n"
                 "{\"id\": \"2\", \"title\": \"Концерт\", \"text\": \"Текст.\", \"topic\": \"culture\", "
                 "\"topics\": [\"culture\"]}\n"
                 "{\"id\": \"3\", \"title\": \"Спорт\", \"text\": \"Текст.\", \"topic\": \"sport\"}\n");
  const auto texts = load_ria(path);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(name_of(texts[0].category), "society");
  EXPECT_EQ(name_of(texts[0].alternative), "economy");
  EXPECT_EQ(texts[0].title, "Заголовок");
  EXPECT_EQ(texts[0].publisher, "ria.ru");
  EXPECT_EQ(name_of(texts[1].category), "entertainment");  // culture
  EXPECT_EQ(texts[1].alternative, std::nullopt);           // its only rubric is its own
  EXPECT_NE(texts[0].id, texts[1].id);
}

TEST(MultilingualCorpora, AntCorpusAlsoInIsTheAlternativeAndSourceThePublisher) {
  TempFolder folder;
  const std::string path = write_file(
      folder.path(), "articles.jsonl.gz",
      gzip("{\"id\": \"AL-sport-1\", \"source\": \"AlArabiya\", \"category\": \"sport\", \"also_in\": [\"culture\"], "
           "\"url\": \"http://www.alarabiya.net/ar/sport/2018/02/19/x.html\", \"title\": \"مباراة\", \"text\": \"نص\"}\n"
           "{\"id\": \"AL-politic-2\", \"source\": \"Aljazeera\", \"category\": \"politic\", \"also_in\": "
           "[\"society\"], \"url\": \"\", \"title\": \"سياسة\", \"text\": \"نص\"}\n"));
  const auto texts = load_antcorpus(path);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(name_of(texts[0].category), "sports");
  EXPECT_EQ(name_of(texts[0].alternative), "entertainment");
  EXPECT_EQ(texts[0].publisher, "AlArabiya");
  EXPECT_EQ(texts[0].url, "/ar/sport/2018/02/19/x.html");
  EXPECT_EQ(texts[0].id, "antcorpus/AL-sport-1");
  EXPECT_EQ(texts[0].language, "ar");
  EXPECT_EQ(name_of(texts[1].category), "society");
  EXPECT_EQ(texts[1].alternative, std::nullopt);  // politic and society are both society
  EXPECT_EQ(texts[1].publisher, "Aljazeera");
}

TEST(MultilingualCorpora, RedditDropsTweetsAndAnySubjectSubreddits) {
  TempFolder folder;
  const std::string path =
      write_file(folder.path(), "headlines.jsonl.gz",
                 gzip("{\"title\": \"Uber files leak\", \"domain\": \"techcrunch.com\", \"category\": \"technology\", "
                      "\"link\": \"https://techcrunch.com/2022/07/10/uber-files/?utm=x\"}\n"
                      "{\"title\": \"A tweet\", \"domain\": \"twitter.com\", \"category\": \"science\", "
                      "\"link\": \"https://twitter.com/x/status/1\"}\n"
                      "{\"title\": \"Grid warning\", \"domain\": \"reuters.com\", \"category\": \"worldnews\", "
                      "\"link\": \"https://www.reuters.com/world/x\"}\n"
                      "{\"title\": \"Senate vote\", \"domain\": \"www.nytimes.com\", \"category\": \"politics\", "
                      "\"link\": \"https://www.nytimes.com/2022/07/11/us/politics/senate.html\"}\n"));
  const auto texts = load_reddit_headlines(path);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].title, "Uber files leak");
  EXPECT_EQ(name_of(texts[0].category), "technology");
  EXPECT_EQ(texts[0].publisher, "techcrunch.com");
  EXPECT_EQ(texts[0].url, "/2022/07/10/uber-files/");
  EXPECT_EQ(name_of(texts[1].category), "society");
  EXPECT_EQ(texts[1].publisher, "nytimes.com");
  for (const auto& text : texts) EXPECT_EQ(text.language, "en");
}

TEST(MultilingualCorpora, Iso639FromFolderNames) {
  EXPECT_EQ(iso639_1("zho_Hans"), "zh");
  EXPECT_EQ(iso639_1("fra_Latn"), "fr");
  EXPECT_EQ(iso639_1("eng"), "en");
  EXPECT_EQ(iso639_1("pcm"), "pcm");  // no ISO 639-1 code: the three letters stay
}

TEST(MultilingualCorpora, LanguageFoldersAreSortedDirectoriesOnly) {
  TempFolder folder;
  write_file(folder.path(), "zho_Hans/train.tsv.gz", "");
  write_file(folder.path(), "eng/dev.tsv.gz", "");
  write_file(folder.path(), "README.txt", "not a language");
  EXPECT_EQ(language_folders(folder.path()), (std::vector<std::string>{"eng", "zho_Hans"}));
}

TEST(MultilingualCorpora, BrokenJsonLineNamesFileAndLine) {
  TempFolder folder;
  const std::string path = write_file(folder.path(), "broken.jsonl.gz",
                                      gzip("{\"id\": \"1\", \"topic\": \"Sports\", \"text\": \"ok\"}\n"
                                           "{\"id\": \"2\", \"topic\": \"Sports\", \"text\": \n"));
  try {
    load_lenta(path);
    FAIL() << "a broken JSON line was accepted";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path + ":2:"), std::string::npos) << message;
  }
}

// ria.jsonl's ids are JSON strings: the id is the article number, without quotes.
TEST(MultilingualCorpora, RiaIdIsTheArticleIdWithoutQuotes) {
  TempFolder folder;
  const std::string path = write_file(folder.path(), "ria.jsonl",
                                      "{\"id\": \"1598399343\", \"topic\": \"society\", \"text\": \"Текст.\"}\n");
  const auto texts = load_ria(path);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].id, "ria/1598399343");
}
