#include "storyline/core/input_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace storyline;
namespace fs = std::filesystem;

// A folder with a symbolic link that points at itself, one that points nowhere and a link back to
// its parent: the walk lists the real files once, says what it skipped, and never aborts or loops.
TEST(InputFiles, SymbolicLinkLoopsAndDanglingLinksAreSkippedNotFatal) {
  const fs::path root = fs::temp_directory_path() / ("storyline-links-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "inner");
  std::ofstream(root / "a.html") << "<html><title>a</title></html>";
  std::ofstream(root / "inner" / "b.txt") << "b";
  fs::create_symlink(root / "loop", root / "loop");           // loops on itself
  fs::create_symlink(root / "missing", root / "dangling");    // points nowhere
  fs::create_directory_symlink(root, root / "inner" / "up");  // a cycle, if followed
  const InputFileList list = list_input_files({root.string()});
  EXPECT_EQ(list.files, (std::vector<std::string>{(root / "a.html").string(), (root / "inner" / "b.txt").string()}));
  bool loop_said = false;
  for (const std::string& problem : list.problems) loop_said = loop_said || problem.find("loop") != std::string::npos;
  EXPECT_TRUE(loop_said) << "the looping link is named among the problems";
  fs::remove_all(root);
}

// A looping link named on the command line is skipped and said for what it is, beside the files
// that are read.
TEST(InputFiles, ALoopingLinkNamedDirectlyIsSaidToLoop) {
  const fs::path root = fs::temp_directory_path() / ("storyline-named-link-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  std::ofstream(root / "a.html") << "<html><title>a</title></html>";
  fs::create_symlink(root / "loop", root / "loop");
  const InputFileList list = list_input_files({(root / "loop").string(), (root / "a.html").string()});
  EXPECT_EQ(list.files, (std::vector<std::string>{(root / "a.html").string()}));
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_NE(list.problems[0].find("symbolic links"), std::string::npos) << list.problems[0];
  fs::remove_all(root);
}
