#include "storyline/cluster/story_clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "storyline/cluster/document_analysis.h"
#include "storyline/text/tokenize.h"

using namespace storyline;
using namespace storyline::cluster;

namespace {

Document make(const std::string& id, const std::string& title, const std::string& text, const std::string& published = "") {
  Document document;
  document.id = id;
  document.title = title;
  document.text = text;
  document.language = "en";
  if (!published.empty()) document.published = published;
  return document;
}

// Two earthquakes (different places, magnitudes, dates), each reported by three publishers,
// and unrelated news around them so that document frequencies mean something.
std::vector<Document> two_earthquakes() {
  return {
      make("quake-a1", "Magnitude 7.1 earthquake strikes near Ridgecrest, California",
           "A magnitude 7.1 earthquake struck near Ridgecrest in Southern California on Friday night, the US "
           "Geological Survey said. Kern County fire officials reported damaged buildings in Ridgecrest and Trona.",
           "2019-07-06"),
      make("quake-a2", "Strong quake rattles Southern California, Ridgecrest hit hardest",
           "The 7.1 quake centred near Ridgecrest shook Los Angeles. Kern County sheriff said fires broke out in "
           "Ridgecrest and gas lines ruptured in Trona; the USGS warned of aftershocks.",
           "2019-07-06"),
      make("quake-a3", "Ridgecrest earthquake: aftershocks continue after 7.1 tremor",
           "Residents of Ridgecrest and Trona spent the night outdoors after the magnitude 7.1 earthquake, as Kern "
           "County crews inspected roads and Governor Gavin Newsom declared an emergency.",
           "2019-07-07"),
      make("quake-b1", "Magnitude 6.4 earthquake hits Albania, killing dozens in Durres",
           "A magnitude 6.4 earthquake struck western Albania before dawn on Tuesday, collapsing buildings in Durres "
           "and Thumane. Prime Minister Edi Rama said rescuers were searching the rubble.",
           "2019-11-26"),
      make("quake-b2", "Albania earthquake: rescuers search rubble in Durres and Thumane",
           "Rescue teams from Italy and Greece joined Albanian crews in Durres after the 6.4 quake. Edi Rama declared "
           "a state of emergency in Durres and Tirana.",
           "2019-11-26"),
      make("quake-b3", "Death toll rises after 6.4 quake in Albania",
           "The death toll from the magnitude 6.4 earthquake in Albania rose on Wednesday as rescuers pulled more "
           "bodies from collapsed hotels in Durres; Edi Rama announced three days of mourning.",
           "2019-11-27"),
      make("other-1", "Central bank raises interest rates again",
           "The central bank raised its main interest rate by a quarter point on Thursday, citing inflation in "
           "housing and energy prices.",
           "2019-08-01"),
      make("other-2", "Football club signs striker in record transfer",
           "The club confirmed the signing of the striker for a record fee after a medical on Monday.", "2019-08-02"),
      make("other-3", "New smartphone goes on sale with folding screen",
           "The phone maker began selling its folding smartphone on Friday, with a larger battery and camera.",
           "2019-09-20"),
  };
}

struct Clustering {
  std::map<std::string, std::string> story, storyline;
};

Clustering run(const std::vector<Document>& documents, size_t batch_size = 1000, StoryOptions options = {}) {
  StoryClusterer clusterer(options);
  DocumentAnalyzer analyzer(clusterer.vocabulary());
  std::vector<AnalyzedDocument> batch;
  for (const Document& document : documents) {
    batch.push_back(analyzer.analyze(document));
    if (batch.size() >= batch_size) clusterer.add_batch(std::exchange(batch, {}));
  }
  if (!batch.empty()) clusterer.add_batch(std::move(batch));
  Clustering result;
  for (size_t i = 0; i < clusterer.documents(); ++i) {
    result.story[clusterer.document_id(i)] = clusterer.story_id(i);
    result.storyline[clusterer.document_id(i)] = clusterer.storyline_id(i);
  }
  return result;
}

// The partition (which documents go together), without the names of the groups.
std::vector<std::vector<std::string>> partition(const std::map<std::string, std::string>& labels) {
  std::map<std::string, std::vector<std::string>> groups;
  for (const auto& [document, label] : labels) groups[label].push_back(document);
  std::vector<std::vector<std::string>> result;
  for (auto& [label, members] : groups) result.push_back(members);
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace

TEST(StoryClusterer, SameEventFromThreePublishersIsOneStory) {
  const auto result = run(two_earthquakes());
  EXPECT_EQ(result.story.at("quake-a1"), result.story.at("quake-a2"));
  EXPECT_EQ(result.story.at("quake-a1"), result.story.at("quake-a3"));
  EXPECT_EQ(result.story.at("quake-b1"), result.story.at("quake-b2"));
  EXPECT_EQ(result.story.at("quake-b1"), result.story.at("quake-b3"));
}

TEST(StoryClusterer, TwoEventsOfTheSameKindDoNotMerge) {
  const auto result = run(two_earthquakes());
  EXPECT_NE(result.story.at("quake-a1"), result.story.at("quake-b1"));
  EXPECT_NE(result.story.at("quake-a1"), result.story.at("other-1"));
  EXPECT_NE(result.story.at("other-1"), result.story.at("other-2"));
}

TEST(StoryClusterer, EvenWithoutDatesTwoEventsOfTheSameKindDoNotMerge) {
  auto documents = two_earthquakes();
  for (auto& document : documents) document.published.reset();
  const auto result = run(documents);
  EXPECT_NE(result.story.at("quake-a1"), result.story.at("quake-b1"));
  EXPECT_EQ(result.story.at("quake-a1"), result.story.at("quake-a3"));
  EXPECT_EQ(result.story.at("quake-b1"), result.story.at("quake-b3"));
}

TEST(StoryClusterer, TimeDecaySeparatesTheSameWordsMonthsApart) {
  auto documents = two_earthquakes();
  // The same report again, three months later: a new event (an anniversary, a new quake there).
  Document later = documents[0];
  later.id = "quake-a-later";
  later.published = "2019-10-06";
  documents.push_back(later);
  Document same_day = documents[0];
  same_day.id = "quake-a-same-day";
  documents.push_back(same_day);
  const auto result = run(documents);
  EXPECT_NE(result.story.at("quake-a1"), result.story.at("quake-a-later"));
  EXPECT_EQ(result.story.at("quake-a1"), result.story.at("quake-a-same-day"));
}

TEST(StoryClusterer, OrderInsideABatchDoesNotMatter) {
  const auto documents = two_earthquakes();
  const auto reference = partition(run(documents).story);
  std::mt19937 random(7);
  for (int trial = 0; trial < 5; ++trial) {
    auto shuffled = documents;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const auto result = run(shuffled);
    EXPECT_EQ(partition(result.story), reference) << "trial " << trial;
    EXPECT_EQ(partition(result.storyline), partition(run(documents).storyline)) << "trial " << trial;
  }
}

TEST(StoryClusterer, StoriesAndStorylinesDescribeTheClustering) {
  StoryClusterer clusterer;
  DocumentAnalyzer analyzer(clusterer.vocabulary());
  std::vector<AnalyzedDocument> batch;
  for (const Document& document : two_earthquakes()) batch.push_back(analyzer.analyze(document));
  clusterer.add_batch(std::move(batch));
  const auto stories = clusterer.stories();
  size_t members = 0;
  for (const StoryMembers& story : stories) {
    members += story.document_ids.size();
    EXPECT_FALSE(story.top_terms.empty());
    EXPECT_FALSE(story.storyline_id.empty());
  }
  EXPECT_EQ(members, clusterer.documents());
  const auto ridgecrest = std::find_if(stories.begin(), stories.end(), [](const StoryMembers& story) {
    return std::find(story.document_ids.begin(), story.document_ids.end(), "quake-a1") != story.document_ids.end();
  });
  ASSERT_NE(ridgecrest, stories.end());
  EXPECT_EQ(ridgecrest->first_published.value_or(""), "2019-07-06");
  EXPECT_EQ(ridgecrest->last_published.value_or(""), "2019-07-07");
  size_t timeline_entries = 0;
  for (const Storyline& line : clusterer.storylines()) timeline_entries += line.timeline.size();
  EXPECT_EQ(timeline_entries, stories.size());
}

TEST(StoryClusterer, AnUndatedSideNeedsMoreInCommon) {
  CentroidClusters clusters(ClusterOptions{.window_days = 3, .decay_days = 3, .one_side_undated_factor = 0.8f});
  const DayRange dated{100, 101}, undated{}, far{140, 140};
  EXPECT_FLOAT_EQ(clusters.time_factor(dated, dated), 1.0f);
  EXPECT_FLOAT_EQ(clusters.time_factor(undated, undated), 1.0f);  // no dates at all: time says nothing
  EXPECT_FLOAT_EQ(clusters.time_factor(dated, undated), 0.8f);
  EXPECT_FLOAT_EQ(clusters.time_factor(undated, dated), 0.8f);
  EXPECT_LT(clusters.time_factor(dated, far), 0.01f);
}

TEST(StoryClusterer, TwoUndatedSidesNeedMoreInCommonOnlyInADatedStream) {
  CentroidClusters clusters(ClusterOptions{.one_side_undated_factor = 0.6f});
  const DayRange undated{};
  EXPECT_FLOAT_EQ(clusters.time_factor(undated, undated), 1.0f);
  clusters.set_both_undated_factor(0.6f);
  EXPECT_FLOAT_EQ(clusters.time_factor(undated, undated), 0.6f);
}

// Two undated reports of one subject, different events (an embassy closed in 2021, its reopening
// ruled out years later), amid dated news: time cannot tell them apart as it tells their dated
// neighbours, so they need more in common than in a stream where nothing has a date.
TEST(StoryClusterer, UndatedReportsOfOneSubjectStayApartInADatedStream) {
  auto documents = two_earthquakes();
  documents.push_back(make("embassy-closed", "US closes its embassy in Kabul and moves diplomats to Doha",
                           "The United States closed its embassy in Kabul and moved its diplomats to Doha in Qatar "
                           "after the Taliban took the capital, the State Department said."));
  documents.push_back(make("embassy-ruled-out", "Washington rules out reopening Kabul embassy",
                           "A National Security Council spokesperson said the United States has no plans to reopen "
                           "its embassy or recognise the Taliban, despite a delegation's visit last month."));
  const auto dated_stream = run(documents);
  EXPECT_NE(dated_stream.story.at("embassy-closed"), dated_stream.story.at("embassy-ruled-out"));
  StoryOptions time_ignored;
  time_ignored.dated_stream_share = 2;  // never a dated stream: two undated reports count in full
  const auto counted_in_full = run(documents, 1000, time_ignored);
  EXPECT_EQ(counted_in_full.story.at("embassy-closed"), counted_in_full.story.at("embassy-ruled-out"));
  // The earthquakes are dated: their stories are as before.
  EXPECT_EQ(dated_stream.story.at("quake-a1"), dated_stream.story.at("quake-a3"));
}

// A tight story (three near-identical reports of the first US-Taliban talks in Doha) in a dated
// stream, and undated reports of its subject: time cannot be checked, and the subject's rare names
// carry the cosine. Only a report that resembles the story as its members resemble each other
// joins it; another event of the subject (the Eid message) stays apart.
TEST(StoryClusterer, WithoutADateOnlyAReportAsCloseAsTheMembersJoinATightStory) {
  auto documents = two_earthquakes();
  const std::string talks =
      "United States officials held their first face-to-face talks with the Taliban in Doha, Qatar, since "
      "the withdrawal from Afghanistan. The delegation discussed humanitarian aid and the evacuation of "
      "Americans, the State Department said.";
  documents.push_back(make("talks-1", "US and Taliban hold first face-to-face talks in Doha", talks, "2021-10-09"));
  documents.push_back(make("talks-2", "US, Taliban hold first face-to-face talks in Doha since withdrawal",
                           talks + " Taliban officials said the talks went well.", "2021-10-09"));
  documents.push_back(make("talks-3", "First face-to-face talks: US and Taliban meet in Doha",
                           talks + " No recognition was offered.", "2021-10-10"));
  documents.push_back(make("eid-message", "Taliban leader offers relations with the United States",
                           "In his Eid message the Taliban leader offered diplomatic relations to the United States "
                           "and said the Taliban want talks with Washington after the withdrawal from Afghanistan; "
                           "the Taliban office in Doha, Qatar, published the message."));
  documents.push_back(make("talks-undated-copy", "US and Taliban hold first face-to-face talks in Doha",
                           talks + " Both sides will meet again."));
  const auto stream = run(documents);
  EXPECT_EQ(stream.story.at("talks-1"), stream.story.at("talks-3"));
  EXPECT_NE(stream.story.at("eid-message"), stream.story.at("talks-1"));
  EXPECT_EQ(stream.story.at("talks-undated-copy"), stream.story.at("talks-1"));
  StoryOptions cohesion_ignored;
  cohesion_ignored.unchecked_cohesion_share = 0;
  const auto without_rule = run(documents, 1000, cohesion_ignored);
  EXPECT_EQ(without_rule.story.at("eid-message"), without_rule.story.at("talks-1"))
      << "the case needs the rule: without it the undated report joins";
}

// The first report of an event arrives alone and starts a story; the next reports, which resemble
// each other more than they resemble it, form their own. Repair joins the early fragment to them.
TEST(StoryClusterer, AnEarlyFragmentJoinsTheStoryThatFormedAfterIt) {
  std::vector<Document> documents = two_earthquakes();
  // It has little in common with the two reports that start the story, and more with the third.
  const Document early = make("flood-0", "Storm warning for the east coast",
                              "Forecasters warned of torrential rain on the east coast; towns opened shelters and "
                              "closed schools.",
                              "2024-10-29");
  const std::vector<Document> later = {
      make("flood-1", "Valencia flash floods kill dozens as DANA storm hits Spain",
           "Flash floods from the DANA storm killed dozens in the Valencia region, emergency services said, as "
           "cars were swept through Paiporta and Utiel and rescuers used helicopters.",
           "2024-10-30"),
      make("flood-2", "DANA storm: death toll rises in Paiporta and Utiel",
           "The death toll from the DANA storm rose in Paiporta and Utiel, where rescuers and helicopters searched "
           "for people swept away by the flash floods in the Valencia region.",
           "2024-10-30"),
      make("flood-3", "Spain mourns flash flood victims as DANA storm moves on",
           "Spain declared three days of mourning for the victims of the flash floods in Paiporta and Utiel. "
           "Forecasters who warned of the torrential rain on the east coast said it was over; shelters stayed "
           "open and schools closed. Rescuers with helicopters kept searching the Valencia region.",
           "2024-10-31"),
  };
  const auto cluster_in_two_batches = [&](StoryOptions options) {
    StoryClusterer clusterer(options);
    DocumentAnalyzer analyzer(clusterer.vocabulary());
    std::vector<AnalyzedDocument> first, second;
    for (const Document& document : documents) first.push_back(analyzer.analyze(document));
    first.push_back(analyzer.analyze(early));
    for (const Document& document : later) second.push_back(analyzer.analyze(document));
    clusterer.add_batch(std::move(first));
    clusterer.add_batch(std::move(second));
    std::map<std::string, std::string> story;
    for (size_t i = 0; i < clusterer.documents(); ++i) story[clusterer.document_id(i)] = clusterer.story_id(i);
    return story;
  };
  // The bar is lowered for these few short texts; what is tested is that the watch joins them.
  StoryOptions with_repair;
  with_repair.fragment_join_threshold = 0.12f;
  StoryOptions without_repair = with_repair;
  without_repair.fragment_watch = 0;
  const auto before = cluster_in_two_batches(without_repair);
  ASSERT_EQ(before.at("flood-1"), before.at("flood-2"));
  ASSERT_NE(before.at("flood-0"), before.at("flood-1")) << "the test needs an early report that does not join at once";
  const auto after = cluster_in_two_batches(with_repair);
  EXPECT_EQ(after.at("flood-0"), after.at("flood-1"));
  EXPECT_EQ(after.at("flood-1"), after.at("flood-3"));
  EXPECT_NE(after.at("flood-0"), after.at("quake-a1"));
}

// A page with next to no words (a photo caption, numbers of a dateline) matches anything by chance:
// it stays a story of its own, and nothing joins it.
TEST(StoryClusterer, ADocumentWithTooLittleSignalStaysAlone) {
  auto documents = two_earthquakes();
  documents.push_back(make("caption", "", "Ridgecrest 7.1, 2019-07-06", "2019-07-06"));
  const auto result = run(documents);
  for (const auto& [id, story] : result.story)
    if (id != "caption") {
      EXPECT_NE(story, result.story.at("caption")) << id;
    }
  EXPECT_EQ(result.story.at("quake-a1"), result.story.at("quake-a2"));
}

// Reports without a language field (a JSON record) are analysed in the language of their text:
// Russian reports of one event meet through their stems, not only their exact word forms.
TEST(StoryClusterer, DocumentsWithoutALanguageAreAnalysedInTheirOwn) {
  Vocabulary vocabulary;
  DocumentAnalyzer analyzer(vocabulary);
  Document document = make("ru", "Президент подписал указ",
                           "Президенту доложили о выборах в парламент. Указ президента вступил в силу.");
  document.language.reset();
  EXPECT_EQ(analyzer.analyze(document).language, "ru");
  document.language = "en";
  EXPECT_EQ(analyzer.analyze(document).language, "en");  // a given language is kept
}

// Two pages of one publisher share its template (here a footer), which two reports of different
// events must not be joined by: a story of the document's own publisher needs more in common.
// With the footer grown word by word until the pages join without the discount, the discount keeps them apart.
TEST(StoryClusterer, APublishersOwnTemplateNeedsMoreInCommon) {
  StoryOptions without_discount;
  without_discount.same_publisher_factor = 1;
  static const char* const kFooter[] = {"share",   "story",  "friends", "subscribe", "daily",   "newsletter",
                                        "market",  "news",   "alerts",  "podcast",   "archive", "print",
                                        "edition", "reader", "offers",  "events"};
  const auto with_footer = [](int words) {
    auto documents = two_earthquakes();
    std::string footer;
    for (int i = 0; i < words; ++i) footer += std::string(" ") + kFooter[i];
    Document a = make("ledger-1", "Coal miner raises output",
                      "The state coal miner raised its October output by a tenth as power plants stocked up before winter." +
                          footer,
                      "2019-11-01");
    Document b = make("ledger-2", "Paint maker opens plant",
                      "A paint maker opened a plant near the port, its largest, to supply builders in the south." + footer,
                      "2019-11-01");
    a.domain = b.domain = "ledger.example";
    documents.push_back(a);
    documents.push_back(b);
    return documents;
  };
  int words = 1;
  while (words <= 16) {
    const auto joined = run(with_footer(words), 1000, without_discount);
    if (joined.story.at("ledger-1") == joined.story.at("ledger-2")) break;
    ++words;
  }
  ASSERT_LE(words, 16) << "the footer never made the pages alike";
  const auto result = run(with_footer(words));
  EXPECT_NE(result.story.at("ledger-1"), result.story.at("ledger-2")) << words << " footer words";
  // Reports of one event by different publishers still meet.
  EXPECT_EQ(result.story.at("quake-a1"), result.story.at("quake-a2"));
}

// A copy that took a removed article's place in the store takes it in the clusterer too: later
// changes name it.
TEST(StoryClusterer, ARenamedDocumentKeepsItsStory) {
  StoryClusterer clusterer;
  DocumentAnalyzer analyzer(clusterer.vocabulary());
  std::vector<AnalyzedDocument> batch;
  for (const Document& document : two_earthquakes()) batch.push_back(analyzer.analyze(document));
  clusterer.add_batch(std::move(batch));
  size_t index = 0;
  while (clusterer.document_id(index) != "quake-a1") ++index;
  const std::string story = clusterer.story_id(index);
  EXPECT_TRUE(clusterer.rename_document("quake-a1", "quake-a1-copy"));
  EXPECT_EQ(clusterer.document_id(index), "quake-a1-copy");
  EXPECT_EQ(clusterer.story_id(index), story);
  EXPECT_FALSE(clusterer.rename_document("quake-a1", "again")) << "no document has that id any more";
}

namespace {
// An English report and a Russian report of one event (the same people, places and numbers in
// two alphabets), an English and a Russian report of another event that shares only a country
// and a president with it, and unrelated news in both languages around them.
std::vector<Document> one_event_in_two_languages() {
  auto documents = two_earthquakes();
  const auto add = [&](const std::string& id, const std::string& language, const std::string& title, const std::string& text,
                       const std::string& published) {
    Document document = make(id, title, text, published);
    document.language = language;
    documents.push_back(document);
  };
  add("mine-en", "en", "Blast at coal mine in Kemerovo kills 14",
      "An explosion at the Listvyazhnaya coal mine near Belovo in the Kemerovo region killed 14 miners on Thursday, "
      "the emergencies ministry said. Governor Sergei Tsivilev said 285 workers were underground; Vladimir Putin "
      "ordered an inquiry. Rescuers from Novokuznetsk joined the search.",
      "2021-11-25");
  add("mine-ru", "ru", "Взрыв на шахте в Кузбассе",
      "На шахте «Листвяжная» под Белово в Кемеровской области произошёл взрыв, погибли 14 горняков, сообщило МЧС. "
      "Губернатор Сергей Цивилев сообщил, что под землёй находились 285 человек. Владимир Путин поручил провести "
      "проверку. К поискам присоединились спасатели из Новокузнецка.",
      "2021-11-25");
  add("summit-en", "en", "Leaders meet in Geneva for trade summit",
      "Vladimir Putin and European leaders met in Geneva on Thursday to discuss gas supplies and tariffs, with "
      "Emmanuel Macron calling for a new pipeline agreement by spring.",
      "2021-11-25");
  add("flood-ru", "ru", "Наводнение в Приморье",
      "В Приморском крае из-за ливней затопило Уссурийск и Артём. Владимир Путин провёл совещание, Олег Кожемяко "
      "объявил режим чрезвычайной ситуации; эвакуированы 900 жителей.",
      "2021-11-25");
  add("bank-ru", "ru", "Банк повысил ставку", "Центральный банк повысил ключевую ставку на четверть пункта из-за инфляции.",
      "2021-11-24");
  add("match-ru", "ru", "Клуб подписал нападающего", "Клуб объявил о подписании нападающего после медосмотра в понедельник.",
      "2021-11-24");
  return documents;
}
}  // namespace

// The same event in English and Russian shares no words, only names and numbers: they meet
// through keys that read "Цивилев" as "Tsivilev" and "Белово" as "Belovo".
TEST(StoryClusterer, OneEventInTwoLanguagesIsOneStory) {
  const auto result = run(one_event_in_two_languages());
  EXPECT_EQ(result.story.at("mine-en"), result.story.at("mine-ru"));
  StoryOptions off;
  off.cross_language_merge = 0;
  const auto without = run(one_event_in_two_languages(), 1000, off);
  EXPECT_NE(without.story.at("mine-en"), without.story.at("mine-ru")) << "the test would not show the cross-language pass";
}

// A president named in both is not an event in common.
TEST(StoryClusterer, ReportsInTwoLanguagesThatShareOnlyAFewNamesStayApart) {
  const auto result = run(one_event_in_two_languages());
  EXPECT_NE(result.story.at("mine-en"), result.story.at("flood-ru"));
  EXPECT_NE(result.story.at("summit-en"), result.story.at("flood-ru"));
  EXPECT_NE(result.story.at("summit-en"), result.story.at("mine-ru"));
  EXPECT_NE(result.story.at("mine-ru"), result.story.at("flood-ru"));
}

// Two stories of one language were compared by their words; shared names alone do not merge them.
// Words are kept from joining anything here, so only the cross-language pass could.
TEST(StoryClusterer, StoriesOfOneLanguageAreNotMergedByTheirNamesAlone) {
  auto documents = one_event_in_two_languages();
  Document again = documents[documents.size() - 6];  // mine-en, reported again by another publisher
  ASSERT_EQ(again.id, "mine-en");
  again.id = "mine-en-again";
  documents.push_back(again);
  StoryOptions options;
  options.join_threshold = options.merge_threshold = options.fragment_join_threshold = 2;  // never
  options.cross_language_merge = 0.01f;                                                    // any anchors in common would do
  const auto result = run(documents, 1000, options);
  EXPECT_NE(result.story.at("mine-en"), result.story.at("mine-en-again"));
  // ...while the Russian report still meets one of them.
  EXPECT_TRUE(result.story.at("mine-ru") == result.story.at("mine-en") ||
              result.story.at("mine-ru") == result.story.at("mine-en-again"));
}

namespace {
// A German and an English report of one flood that share two names; the rest of their names are
// spelled each language's way (Venedig, Venice). Only their words, read in English, say more.
std::vector<Document> one_flood_in_german_and_english() {
  auto documents = two_earthquakes();
  Document english = make("flood-en", "Venice under water: mayor declares emergency",
                          "Mayor Luigi Brugnaro declared an emergency in Venice after the highest water in fifty years "
                          "flooded the city. The hospital and the airport closed, and water reached the church on "
                          "St Mark's Square. Prime Minister Giuseppe Conte promised money for the damage.",
                          "2019-11-13");
  Document german = make("flood-de", "Venedig unter Wasser: Notstand",
                         "Bürgermeister Luigi Brugnaro rief in Venedig den Notstand aus, nachdem das höchste Wasser "
                         "seit fünfzig Jahren die Stadt überflutete. Krankenhaus und Flughafen wurden geschlossen, das "
                         "Wasser erreichte die Kirche am Markusplatz. Regierungschef Giuseppe Conte versprach Geld für "
                         "die Schäden.",
                         "2019-11-13");
  german.language = "de";
  documents.push_back(english);
  documents.push_back(german);
  return documents;
}

// German words and their English, as analyzer terms (the shipped lexicon's form).
WordTranslator small_lexicon() {
  static const std::map<std::string, std::string> translations = [] {
    const std::pair<const char*, const char*> words[] = {
        {"wasser", "water"},       {"stadt", "city"},           {"krankenhaus", "hospital"}, {"flughafen", "airport"},
        {"kirche", "church"},      {"regierung", "government"}, {"geld", "money"},           {"bürgermeister", "mayor"},
        {"notstand", "emergency"}, {"fünfzig", "fifty"},        {"jahren", "years"},         {"geschlossen", "closed"},
        {"schäden", "damage"},     {"höchste", "highest"},      {"überflutete", "flooded"},  {"erreichte", "reached"},
    };
    text::Analyzer german("de"), english("en");
    std::map<std::string, std::string> map;
    for (const auto& [de, en] : words) map.emplace(german.stem(text::fold_case(de)), english.stem(en));
    return map;
  }();
  static const std::set<std::string> english_terms = [] {
    std::set<std::string> terms;
    for (const auto& [de, en] : translations) terms.insert(en);
    return terms;
  }();
  return [](std::string_view language, std::string_view term) -> const std::string* {
    if (language == "en") {
      const auto found = english_terms.find(std::string(term));
      return found == english_terms.end() ? nullptr : &*found;
    }
    const auto found = translations.find(std::string(term));
    return language == "de" && found != translations.end() ? &found->second : nullptr;
  };
}

Clustering run_with(const std::vector<Document>& documents, const AnalysisOptions& analysis) {
  StoryClusterer clusterer;
  DocumentAnalyzer analyzer(clusterer.vocabulary(), analysis);
  std::vector<AnalyzedDocument> batch;
  for (const Document& document : documents) batch.push_back(analyzer.analyze(document));
  clusterer.add_batch(std::move(batch));
  Clustering result;
  for (size_t i = 0; i < clusterer.documents(); ++i) result.story[clusterer.document_id(i)] = clusterer.story_id(i);
  return result;
}
}  // namespace

TEST(StoryClusterer, WordsReadInEnglishJoinReportsInTwoLanguages) {
  AnalysisOptions translated;
  translated.translate = small_lexicon();
  const auto with = run_with(one_flood_in_german_and_english(), translated);
  EXPECT_EQ(with.story.at("flood-en"), with.story.at("flood-de"));
  const auto without = run_with(one_flood_in_german_and_english(), {});
  EXPECT_NE(without.story.at("flood-en"), without.story.at("flood-de"))
      << "two shared names alone would do: the test would not show the translated words";
  // Translated words join nothing else: the earthquakes share water, city and damage with it.
  for (const char* other : {"quake-a1", "quake-b1", "other-1"}) EXPECT_NE(with.story.at("flood-en"), with.story.at(other));
}
