#include "document_lines.h"

#include <fstream>
#include <iostream>

#include "storyline/core/document_json.h"

namespace storyline::cli {

DocumentLinesSummary for_each_document_line(const std::string& command, const std::string& path,
                                            const std::function<void(Document&&)>& visit) {
  DocumentLinesSummary summary;
  const bool from_stdin = path.empty() || path == "-";
  const std::string name = from_stdin ? "standard input" : path;
  std::ifstream file;
  if (!from_stdin) {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "storyline " << command << ": " << path << ": cannot open the file\n";
      summary.unreadable = true;
      return summary;
    }
  }
  std::istream& in = from_stdin ? std::cin : file;
  std::string line;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      visit(document_from_json(line));
      ++summary.documents;
    } catch (const std::exception& error) {
      ++summary.rejected;
      std::cerr << "storyline " << command << ": " << name << ": line " << line_number << ": " << error.what() << "\n";
    }
  }
  return summary;
}

}  // namespace storyline::cli
