#pragma once
// Who published a document: the one definition that heat, a story's publisher count and
// coverage, the overview's citations, the API and the web page all use, so that "BBC News",
// "www.bbc.co.uk" and "news.bbc.co.uk" are one publisher everywhere.
//
// The key is the registered domain (core/url.h) of the document's URL host, else
// of its `domain` field, else its site name (case and spacing folded, "site:" in front), else
// the document itself ("id:" and its id): a document nothing identifies is a publisher of its
// own, never merged with another unknown one. The URL comes first because it is what the page
// was fetched as; `domain` and `site_name` are what the page or record says about itself.
#include <string>
#include <vector>

#include "storyline/core/document.h"

namespace storyline {

struct Publisher {
  std::string key;   // "bbc.co.uk"; "site:bbc news" or "id:<document id>" when no domain is known
  std::string name;  // what a reader knows it by: the site name, else the registered domain; "" when neither
};

Publisher publisher_of(const Document& document);

// The key alone (publisher_of(document).key).
std::string publisher_key(const Document& document);

// The publishers of documents counted together (a story's articles and the copies of them), one
// for each document in order: publisher_of each, except that a document known only by its site
// name ("site:" key) is the publisher of another of them that gives the same site name (folded)
// or names that registered domain as its site name, and has that domain: "Valley Times" in a
// record without URL or domain and "Valley Times" on www.valleytimes.com are one publisher, not
// two of the same name. When the name stands for several domains among them, the first of those
// documents decides. Nothing else changes: two domains are two publishers whatever they are called.
std::vector<Publisher> publishers_of(const std::vector<const Document*>& documents);
// The same for documents held together (a story's articles).
std::vector<Publisher> publishers_of(const std::vector<Document>& documents);

}  // namespace storyline
