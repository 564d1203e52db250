#include "storyline/cluster/storyline_linker.h"

#include <gtest/gtest.h>

using namespace storyline::cluster;

namespace {

// A unit vector over the given terms with the given weights (normalised here).
SparseVector unit(std::vector<WeightedTerm> terms) {
  SparseVector vector = make_sparse(std::move(terms));
  normalize(vector);
  return vector;
}

const DayRange kDay{18900, 18900};

}  // namespace

// Two stories whose vectors are alike mostly through one heavy shared word (a place) are not one
// subject: neither linked nor related.
TEST(StorylineLinker, OneSharedHeavyWordIsNotASubject) {
  StorylineLinker linker;
  const SparseVector talks = unit({{1, 5}, {2, 1}, {3, 1}, {4, 1}, {5, 1}});    // 1 = the place
  const SparseVector tsunami = unit({{1, 5}, {6, 1}, {7, 1}, {8, 1}, {9, 1}});  // the same place only
  ASSERT_GT(dot(talks, tsunami), 0.8f);
  linker.place(0, talks, kDay, 1);
  linker.place(1, tsunami, kDay, 2);
  EXPECT_NE(linker.storyline_of(0), linker.storyline_of(1));
  EXPECT_TRUE(linker.related(*linker.storyline_of(0), 3).empty());
}

TEST(StorylineLinker, StoriesSharingTheirSubjectAreOneStoryline) {
  StorylineLinker linker;
  const SparseVector first = unit({{1, 3}, {2, 2}, {3, 2}, {4, 1}, {5, 1}});
  const SparseVector later = unit({{1, 3}, {2, 2}, {3, 1}, {6, 2}, {7, 1}});  // 1, 2 and 3 in common
  linker.place(0, first, kDay, 1);
  linker.place(1, later, DayRange{19300, 19300}, 2);  // a year later
  EXPECT_EQ(linker.storyline_of(0), linker.storyline_of(1));
}

TEST(StorylineLinker, WithoutTheSubjectRuleOneWordLinks) {
  StorylineOptions options;
  options.min_shared_subject_terms = 1;
  StorylineLinker linker(options);
  linker.place(0, unit({{1, 5}, {2, 1}, {3, 1}, {4, 1}, {5, 1}}), kDay, 1);
  linker.place(1, unit({{1, 5}, {6, 1}, {7, 1}, {8, 1}, {9, 1}}), kDay, 2);
  EXPECT_EQ(linker.storyline_of(0), linker.storyline_of(1));  // what the rule prevents
}

// The rule reads each side's heaviest terms: three shared light terms beyond the heaviest 40 do
// not make a subject.
TEST(StorylineLinker, SharedTermsOutsideTheHeaviestDoNotCount) {
  StorylineOptions options;
  options.link_threshold = 0.01f;  // the similarity alone would link them
  options.related_threshold = 0.005f;
  StorylineLinker linker(options);
  std::vector<WeightedTerm> a, b;
  for (TermId t = 0; t < 40; ++t) a.push_back({100 + t, 10}), b.push_back({200 + t, 10});  // heavy, not shared
  for (TermId t = 0; t < 3; ++t) a.push_back({t, 1}), b.push_back({t, 1});                 // light, shared
  linker.place(0, unit(a), kDay, 1);
  linker.place(1, unit(b), kDay, 2);
  EXPECT_NE(linker.storyline_of(0), linker.storyline_of(1));
  EXPECT_TRUE(linker.related(*linker.storyline_of(0), 3).empty());
  // The same three shared among the heaviest do.
  StorylineLinker heavy(options);
  for (auto* side : {&a, &b})
    for (auto& entry : *side)
      if (entry.term < 3) entry.weight = 20;
  heavy.place(0, unit(a), kDay, 1);
  heavy.place(1, unit(b), kDay, 2);
  EXPECT_EQ(heavy.storyline_of(0), heavy.storyline_of(1));
}
