#include "story_corpora.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "storyline/eval/category_datasets.h"
#include "storyline/eval/meantime_corpus.h"
#include "storyline/eval/page_corpora.h"
#include "storyline/eval/page_gold.h"
#include "storyline/eval/story_gold.h"
#include "storyline/label/label_document.h"

namespace storyline::cli {
std::vector<size_t> fixed_shuffle(size_t count, uint32_t seed);

namespace {

std::string gold_folder(const StoryCorpusOptions& options) {
  return options.gold.empty() ? eval::default_gold_folder() : options.gold;
}

// Analyses the documents in a fixed shuffled order, as ingest would (entities first).
Corpus make_corpus(std::string name, std::vector<cluster::LabeledDocument> labeled, const StoryCorpusOptions& options) {
  Corpus corpus;
  corpus.name = std::move(name);
  const auto start = std::chrono::steady_clock::now();
  cluster::DocumentAnalyzer analyzer(corpus.vocabulary, options.analysis);
  for (size_t i : fixed_shuffle(labeled.size(), options.seed)) {
    Document& document = labeled[i].document;
    if (options.entities) label::label_entities(document);
    corpus.documents.push_back(analyzer.analyze(document));
    corpus.gold_stories.push_back(labeled[i].story);
    corpus.gold_storylines.push_back(labeled[i].storyline);
    corpus.titles.push_back(document.title.value_or(""));
    corpus.languages.push_back(document.language.value_or(""));
  }
  corpus.analysis_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return corpus;
}

// The contest slices that hold gold pages, every page of them clustered (the gold pages among
// ~1,000-5,000 others of the same hour); only gold pages are scored. Empty without the gold.
std::optional<Corpus> contest_corpus(const StoryCorpusOptions& options) {
  namespace fs = std::filesystem;
  const std::string stories_file = gold_folder(options) + "/contest-stories.tsv";
  const std::string pairs_file = gold_folder(options) + "/contest-pairs.tsv";
  if (!fs::exists(stories_file)) return std::nullopt;
  const auto gold = eval::load_story_gold(stories_file);
  const auto pairs = fs::exists(pairs_file) ? eval::load_event_pairs(pairs_file) : std::vector<eval::EventPair>{};
  const auto slice_of = [](const std::string& path) { return fs::path(path).parent_path().string(); };
  std::set<std::string> slices;
  for (const auto& page : gold) slices.insert(slice_of(page.path));
  for (const auto& pair : pairs) slices.insert(slice_of(pair.path_a)), slices.insert(slice_of(pair.path_b));
  std::vector<eval::PageFile> files;
  for (auto& file : eval::contest_page_files(options.data))
    if (slices.contains(slice_of(fs::relative(file.path, options.data).string()))) files.push_back(std::move(file));
  const std::vector<Document> documents = eval::read_pages(files, 2, "contest pages");
  std::unordered_map<std::string, std::string> story_of_path;
  for (const auto& page : gold) story_of_path[page.path] = page.story;
  std::vector<cluster::LabeledDocument> labeled;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string path = fs::relative(files[i].path, options.data).string();
    cluster::LabeledDocument item;
    item.document = documents[i];
    item.document.id = path;
    if (auto found = story_of_path.find(path); found != story_of_path.end()) item.story = item.storyline = found->second;
    labeled.push_back(std::move(item));
  }
  Corpus corpus = make_corpus("contest gold", std::move(labeled), options);
  std::unordered_map<std::string, size_t> position;  // path -> index in the shuffled corpus
  for (size_t i = 0; i < corpus.documents.size(); ++i) position[corpus.documents[i].id] = i;
  for (const auto& pair : pairs) {
    const auto a = position.find(pair.path_a), b = position.find(pair.path_b);
    if (a == position.end() || b == position.end()) {
      std::cerr << "storyline eval clustering: " << pairs_file << ": no page "
                << (a == position.end() ? pair.path_a : pair.path_b) << " in " << options.data << "\n";
      continue;
    }
    corpus.pairs.push_back({a->second, b->second, pair.same_event, pair.language_a != pair.language_b, pair.language_a});
  }
  return corpus;
}

// BBC News 2225 (../shared/data/categories/bbc-news-2225) with its 100 listed exact-duplicate
// groups: a copy must land in its original's story. All 2,225 articles are clustered (the first
// line of a file is its title); only the grouped ones are scored, each group its own story.
std::optional<Corpus> duplicates_corpus(const StoryCorpusOptions& options) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(options.data) / "categories" / "bbc-news-2225";
  if (!fs::exists(root / "exact_duplicate_groups.txt")) return std::nullopt;
  std::unordered_map<std::string, std::string> group_of;  // "business/007.txt" -> its group
  {
    std::ifstream groups(root / "exact_duplicate_groups.txt");
    std::string line;
    while (std::getline(groups, line)) {
      std::istringstream members(line);
      const std::string label = "duplicates-" + line;
      for (std::string member; members >> member;) group_of[member] = label;
    }
  }
  std::vector<cluster::LabeledDocument> labeled;
  for (label::LabelledText& text : label::load_bbc(root.string(), false)) {
    cluster::LabeledDocument item;
    item.document.id = text.id.substr(text.id.find('/') + 1);  // "business/007.txt", as the groups name it
    item.document.title = std::move(text.title);
    item.document.text = std::move(text.text);
    item.document.language = "en";
    // No storyline gold: a group is one article, not a subject.
    if (auto found = group_of.find(item.document.id); found != group_of.end()) item.story = found->second;
    labeled.push_back(std::move(item));
  }
  return make_corpus("BBC duplicates", std::move(labeled), options);
}

}  // namespace

std::vector<size_t> fixed_shuffle(size_t count, uint32_t seed) {
  std::vector<size_t> order(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  std::mt19937 random(seed);
  for (size_t i = count; i > 1; --i) std::swap(order[i - 1], order[random() % i]);
  return order;
}

std::vector<Corpus> load_story_corpora(const StoryCorpusOptions& options,
                                       const std::function<bool(const std::string& name)>& wanted) {
  const std::string ecbplus_path = options.data + "/clustering/ecbplus/ecbplus_docs.jsonl";
  if (!std::filesystem::exists(ecbplus_path)) throw std::runtime_error(ecbplus_path + ": not found (use --data DIR)");
  std::vector<Corpus> corpora;
  corpora.push_back(make_corpus("ECB+", cluster::read_ecbplus(ecbplus_path), options));
  const std::string meantime = options.data + "/clustering/meantime";
  if (wanted("MEANTIME") && std::filesystem::exists(meantime)) {
    std::vector<cluster::LabeledDocument> all;
    for (const char* language : eval::kMeantimeLanguages)
      for (auto& document : eval::read_meantime_documents(meantime, language)) all.push_back(std::move(document));
    corpora.push_back(make_corpus("MEANTIME en+es+it+nl", std::move(all), options));
  }
  if (wanted("contest"))
    if (auto contest = contest_corpus(options)) corpora.push_back(std::move(*contest));
  if (wanted("duplicates"))
    if (auto duplicates = duplicates_corpus(options)) corpora.push_back(std::move(*duplicates));
  return corpora;
}

std::vector<cluster::LabelledPair> pairs_of(const Corpus& corpus, uint32_t seed) {
  cluster::DocumentFrequencies frequencies;
  for (const auto& document : corpus.documents)
    frequencies.add_document(cluster::distinct_terms(document), document.language);
  return cluster::labelled_pairs(corpus.documents, corpus.gold_stories, corpus.gold_storylines, frequencies, 5000, seed);
}

}  // namespace storyline::cli
