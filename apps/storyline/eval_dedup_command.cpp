// storyline eval dedup [--data DIR] : duplicate detection on BBC News 2225 against its list of
// 100 exact-duplicate groups, and what it finds beyond them.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "storyline/dedup/duplicate_index.h"
#include "storyline/dedup/minhash.h"
#include "storyline/dedup/shingles.h"
#include "storyline/text/encoding.h"

namespace storyline::cli {
namespace {

namespace fs = std::filesystem;

struct EvalDedupOptions {
  std::string data = "../shared/data";
  size_t show = 10;
};

std::string read_text(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return text::to_utf8(bytes);
}

int run_eval_dedup(const EvalDedupOptions& options) {
  const fs::path root = fs::path(options.data) / "categories" / "bbc-news-2225";
  if (!fs::is_directory(root)) {
    std::fprintf(stderr, "storyline eval dedup: %s is missing; pass --data pointing at shared/data\n", root.c_str());
    return 2;
  }
  std::vector<std::string> names;  // "business/001.txt"
  for (const auto& category : {"business", "entertainment", "politics", "sport", "tech"}) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(root / category))
      if (entry.path().extension() == ".txt")
        files.push_back(std::string(category) + "/" + entry.path().filename().string());
    std::sort(files.begin(), files.end());
    names.insert(names.end(), files.begin(), files.end());
  }
  std::set<std::pair<std::string, std::string>> gold;
  {
    std::ifstream groups(root / "exact_duplicate_groups.txt");
    std::string line;
    while (std::getline(groups, line)) {
      std::istringstream members(line);
      std::vector<std::string> group((std::istream_iterator<std::string>(members)), std::istream_iterator<std::string>());
      for (size_t i = 0; i < group.size(); ++i)
        for (size_t j = i + 1; j < group.size(); ++j) gold.insert(std::minmax(group[i], group[j]));
    }
  }

  dedup::DuplicateIndex index;
  std::vector<std::vector<uint64_t>> shingles;
  std::set<std::pair<std::string, std::string>> found;
  std::vector<std::tuple<std::string, std::string, double, double>> found_details;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& name : names) {
    const std::string text = read_text(root / name);
    dedup::Fingerprint fingerprint = index.fingerprint(text);
    if (const auto match = index.find(fingerprint)) {
      const std::string& earlier = names[match->existing];
      found.insert(std::minmax(name, earlier));
      found_details.emplace_back(earlier, name, match->similarity,
                                 dedup::jaccard(shingles[match->existing], dedup::word_shingles(text)));
    }
    shingles.push_back(dedup::word_shingles(text));
    index.add(std::move(fingerprint));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // A found pair counts for a gold pair when both are in one gold group (groups here are pairs).
  size_t gold_found = 0;
  for (const auto& pair : gold) gold_found += found.contains(pair);
  std::printf("BBC News 2225 duplicates (word 5-shingles, MinHash 16x8, threshold 0.8)\n");
  std::printf("  documents            %zu (%.0f docs/s)\n", names.size(), names.size() / seconds);
  std::printf("  gold pairs           %zu\n", gold.size());
  std::printf("  gold pairs found     %zu  (recall %.3f)\n", gold_found,
              gold.empty() ? 0.0 : double(gold_found) / gold.size());
  std::printf("  pairs found          %zu\n", found.size());
  size_t below_threshold = 0;
  std::vector<std::tuple<std::string, std::string, double, double>> beyond;
  for (const auto& detail : found_details) {
    if (std::get<3>(detail) < 0.8) ++below_threshold;
    if (!gold.contains(std::minmax(std::get<0>(detail), std::get<1>(detail)))) beyond.push_back(detail);
  }
  std::printf("  beyond the gold list %zu  (near duplicates the exact-hash list misses)\n", beyond.size());
  std::printf("  false pairs          %zu  (true Jaccard below 0.8: an LSH estimate error)\n", below_threshold);
  const size_t shown = std::min(options.show, beyond.size());
  for (size_t i = 0; i < shown; ++i) {
    const auto& [a, b, estimate, exact] = beyond[i];
    std::printf("    %s ~ %s  estimated %.2f, exact %.2f\n", a.c_str(), b.c_str(), estimate, exact);
  }
  return 0;
}

}  // namespace

Runner add_eval_dedup_command(CLI::App& app) {
  auto options = std::make_shared<EvalDedupOptions>();
  CLI::App* eval = command_group(app, "eval", "Evaluate a stage against the datasets in ../shared/data and print figures");
  CLI::App* command = eval->add_subcommand("dedup",
                                           "Duplicate detection on BBC News 2225 against its listed duplicate groups");
  command->add_option("--data", options->data, "The shared data folder")->capture_default_str();
  command->add_option("--show", options->show, "How many pairs beyond the gold list to print")->capture_default_str();
  return [options] { return run_eval_dedup(*options); };
}

}  // namespace storyline::cli
