#include "storyline/cluster/term_vectors.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace storyline::cluster;

TEST(TermVectors, VocabularyGivesStableDenseIds) {
  Vocabulary vocabulary;
  EXPECT_EQ(vocabulary.id("taliban"), 0u);
  EXPECT_EQ(vocabulary.id("doha"), 1u);
  EXPECT_EQ(vocabulary.id("taliban"), 0u);
  EXPECT_EQ(vocabulary.term(1), "doha");
}

TEST(TermVectors, RareTermsWeighMore) {
  DocumentFrequencies frequencies;
  frequencies.add_document({{0, 1}, {1, 1}});
  frequencies.add_document({{0, 1}});
  frequencies.add_document({{0, 1}});
  EXPECT_GT(frequencies.idf(1), frequencies.idf(0));
  EXPECT_GT(frequencies.idf(7), frequencies.idf(1));  // never seen
  const SparseVector vector = tfidf_vector({{0, 1}, {1, 1}}, frequencies);
  EXPECT_NEAR(norm(vector), 1.0f, 1e-6);
  EXPECT_GT(vector[1].weight, vector[0].weight);
}

TEST(TermVectors, SparseArithmetic) {
  const SparseVector a = make_sparse({{3, 1}, {1, 2}, {3, 1}});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].term, 1u);
  EXPECT_FLOAT_EQ(a[1].weight, 2);
  const SparseVector b = {{1, 1}, {5, 4}};
  EXPECT_FLOAT_EQ(dot(a, b), 2);
  const SparseVector sum = add_scaled(a, b, 0.5f);
  ASSERT_EQ(sum.size(), 3u);
  EXPECT_FLOAT_EQ(sum[0].weight, 2.5f);
  EXPECT_FLOAT_EQ(sum[2].weight, 2);
  SparseVector truncated = sum;
  keep_heaviest(truncated, 2);
  ASSERT_EQ(truncated.size(), 2u);
  EXPECT_EQ(truncated[0].term, 1u);  // still sorted by term
  EXPECT_EQ(truncated[1].term, 3u);
  EXPECT_EQ(heaviest(sum, 1)[0].term, 1u);
}

// In a stream where one language is a small share, its common words are judged against its own
// documents: a word in every Romanian document is not rare because Romanian is.
TEST(TermVectors, RarityIsJudgedWithinTheLanguage) {
  DocumentFrequencies frequencies;
  for (int i = 0; i < 50; ++i) frequencies.add_document({{0, 1}}, "en");
  frequencies.add_document({{1, 1}, {2, 1}}, "ro");
  frequencies.add_document({{1, 1}, {3, 1}}, "ro");
  EXPECT_EQ(frequencies.documents_in("ro"), 2u);
  EXPECT_EQ(frequencies.documents_in("xx"), 52u);  // unseen language: all documents
  EXPECT_EQ(frequencies.documents_in(""), 52u);
  // Term 1 is in both Romanian documents: as common as a word can be among them.
  EXPECT_FLOAT_EQ(frequencies.idf(1, frequencies.documents_in("ro")), 1.0f);
  EXPECT_GT(frequencies.idf(1), 3.0f);  // against all 52 it would look rare
  EXPECT_GT(frequencies.idf(2, 2), frequencies.idf(1, 2));
  // A term in more documents than the language has (a name shared across languages) floors at 1.
  EXPECT_FLOAT_EQ(frequencies.idf(0, 2), 1.0f);
}
