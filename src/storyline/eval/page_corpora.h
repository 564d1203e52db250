#pragma once
// Real pages of many publishers in ../shared/data, read through the engine's own front door
// (ingest::read_documents), for what they can teach without a human label: the section a
// publisher filed a page under (a weak category label in every language) and the kind of page
// (WCXB's page types: news or not).
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/eval/category_datasets.h"

namespace storyline::eval {

struct PageFile {
  std::string path;                // the file
  std::optional<std::string> url;  // the page's URL when the dataset gives it apart from the page
  std::string corpus;              // "contest", "trafilatura", "wcxb", "fixtures"
  std::string page_type;           // WCXB's page type ("article", "product"...), else empty
};

// The Telegram contest's 7,830 pages, sorted by path.
std::vector<PageFile> contest_page_files(const std::string& data_folder);
// trafilatura-eval's 990 annotated pages, with their URLs.
std::vector<PageFile> trafilatura_page_files(const std::string& data_folder);
// WCXB dev's pages that have a page type, with their URLs.
std::vector<PageFile> wcxb_page_files(const std::string& data_folder);
// The extractor fixtures' news pages (newspaper3k, newspaper4k, goose3).
std::vector<PageFile> fixture_page_files(const std::string& data_folder);

// The first document of each page, in order (an unreadable page gives a document with only its
// source set). Runs on `threads` threads, with a progress bar on a terminal.
std::vector<Document> read_pages(const std::vector<PageFile>& files, unsigned threads, const std::string& label);

// Pages whose URL or section names a category in section_categories.tsv, labelled with it. The
// publisher is the page's domain (else its URL host); id "<corpus>/<path>".
std::vector<label::LabelledText> section_labelled(const std::vector<PageFile>& files,
                                                  const std::vector<Document>& documents);

// The pages section_labelled() leaves out (no section word, or none known), as texts without a
// label (category `other`, to be decided), for self-training.
std::vector<label::LabelledText> unlabelled_pages(const std::vector<PageFile>& files,
                                                  const std::vector<Document>& documents);

// A document as a labelled text (title, body or excerpt, language, URL, section, publisher).
label::LabelledText as_labelled_text(const Document& document, const std::string& id, label::Category category);

}  // namespace storyline::eval
