#pragma once
// The labelled datasets in ../shared/data/categories, mapped to INTERFACE.md's categories, and
// the recipe the shipped model is trained from.
//
// Mappings (why):
//   BBC: business -> economy, entertainment -> entertainment, politics -> society,
//        sport -> sports, tech -> technology (../shared/README.md).
//   The categories are those of the Telegram data-clustering contest (2020), whose server API
//   INTERFACE.md keeps: society = politics, elections, legislation, incidents, crime; economy =
//   markets, finance, business; technology = gadgets, auto, apps, internet services; science =
//   health, biology, physics, space; sports; entertainment = film, music, TV, celebrities, arts.
//   20 Newsgroups: comp.* -> technology; sci.crypt, sci.electronics -> technology (encryption
//        and electronics are filed under technology by news sites); rec.autos, rec.motorcycles
//        -> technology ("auto"); sci.med, sci.space -> science; rec.sport.* -> sports;
//        talk.politics.*, soc.religion.christian, talk.religion.misc, alt.atheism -> society
//        (politics and religion); misc.forsale -> other (classified ads).
//   Reuters-21578: every story with at least one (economic) TOPICS label -> economy.
//   ECB+ (../shared/data/clustering/ecbplus, news of 2006-2013 from many publishers): its
//        43 event types mapped by hand (ecbplus_topic_category); mostly crime, disasters,
//        conflicts and politics (society), which BBC's British politics alone does not teach.
#include <optional>
#include <string>
#include <vector>

#include "storyline/label/category.h"

namespace storyline::label {

struct LabelledText {
  std::string id;  // "bbc/business/001.txt", "20ng/sci.med/58043", "reuters/1"
  std::string title;
  std::string text;
  Category category = Category::kOther;
  // A second right answer where the dataset's class spans two of ours ("science and technology"):
  // such texts score right on either, and teach both in training, half each.
  std::optional<Category> alternative = std::nullopt;
  std::string language = "en";  // ISO 639-1, decides the analysis (stemmer, stop words)
  // Who wrote it, for balancing and for holding whole publishers out: "bbc.co.uk", "lenta.ru".
  // Empty: the id's first part.
  std::string publisher = {};
  std::string url = {};      // the article's URL or URL path (it often names the section), when known
  std::string section = {};  // the publisher's section name (article:section, a feed's category), when known
};

// BBC News 2225 (<folder>/<bbc category>/NNN.txt: title line, blank line, body), sorted by path.
// With `drop_duplicate_copies`, only the first file of each group in
// exact_duplicate_groups.txt is kept. Throws std::runtime_error naming a file it cannot read.
std::vector<LabelledText> load_bbc(const std::string& folder, bool drop_duplicate_copies);

// 20 Newsgroups bydate, split "train" or "test", headers stripped (the Subject becomes the
// title), quoted lines and signatures dropped, in archive order sorted by path.
std::vector<LabelledText> load_newsgroups(const std::string& tar_gz_path, const std::string& split);
std::optional<Category> newsgroup_category(const std::string& newsgroup);

// Reuters-21578, ModApte split ("train": LEWISSPLIT=TRAIN, "test": LEWISSPLIT=TEST; TOPICS="YES"
// with at least one topic), in NEWID order.
std::vector<LabelledText> load_reuters(const std::string& tar_gz_path, const std::string& split);

// ECB+ news articles (ecbplus_docs.jsonl), the URL line dropped, topics without a clear category
// left out, in file order.
std::vector<LabelledText> load_ecbplus(const std::string& jsonl_path);
std::optional<Category> ecbplus_topic_category(int topic);

// Every `step`-th text, starting with the first: an even, deterministic sample that keeps a large
// corpus from dominating training time.
std::vector<LabelledText> every_nth(std::vector<LabelledText> texts, size_t step);

// BBC split 50/50 within each category (stratified), by a fixed-seed shuffle of the sorted files.
struct TrainTestSplit {
  std::vector<LabelledText> train;
  std::vector<LabelledText> test;
};
TrainTestSplit stratified_half_split(const std::vector<LabelledText>& texts, uint64_t seed);

// The shipped model's training data under `data_folder` (../shared/data): all of BBC (duplicate
// copies dropped), 20 Newsgroups train, every second Reuters ModApte training story, and ECB+.
// Held out for evaluation: 20 Newsgroups test and Reuters ModApte test.
std::vector<LabelledText> shipped_training_corpus(const std::string& data_folder);

inline constexpr size_t kReutersTrainingStep = 2;

}  // namespace storyline::label
