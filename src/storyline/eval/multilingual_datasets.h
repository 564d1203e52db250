#pragma once
// The labelled category datasets beyond English in ../shared/data/categories, mapped to
// INTERFACE.md's categories. Each folder's README.txt describes the data; the mappings follow the
// README's suggestion unless said otherwise here:
//
//   MasakhaNEWS (16 languages): business -> economy, entertainment -> entertainment,
//     health -> science (the contest's Science includes Health), politics -> society,
//     religion -> society, sports -> sports, technology -> technology.
//   SIB-200 (one sentence set in 15 languages): politics -> society, health -> science,
//     sports -> sports, entertainment -> entertainment, travel and geography -> other;
//     science/technology is either science or technology (scored right on both, not trained on).
//   Lenta (ru): Society/Russia, Security structures, Former USSR -> society; Economy,
//     Construction -> economy; Sports -> sports; Self-Care -> science (health);
//     Tourism/Travel -> other; Science and Technology -> science or technology.
//   RIA (ru): society, economy, culture -> entertainment. Tags are never read (they name the rubric).
//   ANT Corpus (ar, six publishers): internationalNews, middleEast, localNews, politic, society ->
//     society; economy; technology; sport -> sports; culture -> entertainment; diverse -> other.
//     Articles filed under two sections keep the first and take the other as the alternative.
//   pt-news: politica -> society, economia -> economy, esportes -> sports, entretenimento ->
//     entertainment, ciencia e tecnologia -> science or technology.
//   fr-headlines (Google News sections): france, international -> society; economie -> economy;
//     science_tech -> technology or science; sports; divertissements, culture -> entertainment;
//     sante -> science.
//   TNEWS (zh headlines): see tnews_category() in the .cpp, after the README's table.
//   Reddit headlines (en, weak: the subreddit a link was posted to): technology, science, sports,
//     television -> entertainment, politics, ukraine, florida, miami, FLgovernment -> society;
//     worldnews, news, nottheonion, UpliftingNews are left out (any subject).
#include <string>
#include <vector>

#include "storyline/eval/category_datasets.h"

namespace storyline::label {

// `split` is the file name less .tsv.gz ("train", "dev", "test"); a missing split gives nothing.
std::vector<LabelledText> load_masakhane(const std::string& folder, const std::string& language_folder,
                                         const std::string& split);
std::vector<LabelledText> load_sib200(const std::string& folder, const std::string& language_folder,
                                      const std::string& split);
std::vector<LabelledText> load_lenta(const std::string& jsonl_gz_path);
std::vector<LabelledText> load_ria(const std::string& jsonl_gz_path);
std::vector<LabelledText> load_antcorpus(const std::string& jsonl_gz_path);
std::vector<LabelledText> load_pt_news(const std::string& jsonl_gz_path);
std::vector<LabelledText> load_fr_headlines(const std::string& jsonl_gz_path);
std::vector<LabelledText> load_tnews(const std::string& json_path);
std::vector<LabelledText> load_reddit_headlines(const std::string& jsonl_gz_path);

// ISO 639-1 code of a MasakhaNEWS or SIB-200 folder name ("eng", "fra_Latn", "zho_Hans"); the
// three-letter code itself where ISO 639-1 has none.
std::string iso639_1(const std::string& folder);

// The MasakhaNEWS and SIB-200 language folders present under `folder`, sorted.
std::vector<std::string> language_folders(const std::string& folder);

}  // namespace storyline::label
