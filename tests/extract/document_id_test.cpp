// The id of a document without its own: a URL's, else its content's and, when it names one, its
// publisher's; identical records from two publishers were given one id, and the second was taken
// for the first (issue 16).
#include "storyline/extract/document_id.h"

#include <gtest/gtest.h>

#include "storyline/core/hash.h"

using storyline::Document;
using storyline::extract::derived_document_id;

namespace {

Document wire_story() {
  Document document;
  document.title = "Regional parliament approves water plan";
  document.text = "Lawmakers approved a new water management plan on Tuesday after months of debate.";
  return document;
}

Document with_domain(const std::string& domain) {
  Document document = wire_story();
  document.domain = domain;
  return document;
}

Document with_site_name(const std::string& site_name) {
  Document document = wire_story();
  document.site_name = site_name;
  return document;
}

}  // namespace

TEST(DocumentId, ADocumentThatNamesNoPublisherKeepsTheIdOfItsContent) {
  // The id stores hold for such documents: title, a newline, the text.
  EXPECT_EQ(derived_document_id(wire_story()),
            storyline::hex64(storyline::fnv1a64("Regional parliament approves water plan\nLawmakers approved a new water "
                                                "management plan on Tuesday after months of debate.")));
  Document without_text = wire_story();
  without_text.text.reset();
  without_text.excerpt = "Lawmakers approved a plan.";
  EXPECT_EQ(derived_document_id(without_text),
            storyline::hex64(storyline::fnv1a64("Regional parliament approves water plan\nLawmakers approved a plan.")));
}

TEST(DocumentId, TwoPublishersOfTheSameTextGetTwoIds) {
  const std::string unnamed = derived_document_id(wire_story());
  const std::string valley = derived_document_id(with_domain("valleytimes.com"));
  const std::string hilltop = derived_document_id(with_domain("hilltopherald.com"));
  EXPECT_NE(valley, hilltop);
  EXPECT_NE(valley, unnamed);
  EXPECT_NE(derived_document_id(with_site_name("Valley Times")), derived_document_id(with_site_name("Hilltop Herald")));
  EXPECT_NE(derived_document_id(with_site_name("Valley Times")), unnamed);
}

TEST(DocumentId, OnePublisherWrittenTwoWaysKeepsOneId) {
  // The publisher as core/publisher.h knows it: a registered domain, a site name with case and
  // spacing folded.
  const std::string valley = derived_document_id(with_domain("valleytimes.com"));
  EXPECT_EQ(derived_document_id(with_domain("www.valleytimes.com")), valley);
  EXPECT_EQ(derived_document_id(with_domain("https://news.valleytimes.com/")), valley);
  EXPECT_EQ(derived_document_id(with_site_name("  valley   TIMES ")), derived_document_id(with_site_name("Valley Times")));
  // A domain decides over a site name, as it does for the publisher.
  Document named_and_domain = with_domain("valleytimes.com");
  named_and_domain.site_name = "The Valley Times";
  EXPECT_EQ(derived_document_id(named_and_domain), valley);
}

TEST(DocumentId, AUrlDecidesWhoeverPublishedIt) {
  Document valley = with_domain("valleytimes.com");
  valley.url = "https://www.valleytimes.com/water-plan";
  Document unnamed = wire_story();
  unnamed.url = valley.url;
  EXPECT_EQ(derived_document_id(valley), derived_document_id(unnamed));
  EXPECT_EQ(derived_document_id(valley), storyline::hex64(storyline::fnv1a64("https://www.valleytimes.com/water-plan")));
}
