#include "storyline/dedup/duplicate_index.h"

#include <gtest/gtest.h>

#include "storyline/dedup/minhash.h"
#include "storyline/dedup/shingles.h"

using namespace storyline::dedup;

namespace {

const char* kWireStory =
    "U.S. officials will hold their first face-to-face talks with Taliban representatives since the U.S. "
    "withdrawal from Afghanistan and the hard-line Islamist group's takeover of the war-torn country in August. "
    "The talks in Doha, the capital of Qatar, will focus on humanitarian aid, the evacuation of foreigners and "
    "Afghans who worked with the U.S. military, and on holding the Taliban to their commitment not to let "
    "Afghanistan again become a haven for terrorists, officials said on Friday. A senior official stressed that "
    "the meetings were not a step toward recognition of the Taliban government.";

}  // namespace

TEST(Shingles, IgnoreCaseAndPunctuation) {
  EXPECT_EQ(word_shingles("The Talks, in DOHA; began today again"), word_shingles("the talks in doha began today again"));
  EXPECT_EQ(normalized_text_hash("Hello,  World!"), normalized_text_hash("hello world"));
  EXPECT_TRUE(word_shingles("").empty());
  EXPECT_EQ(word_shingles("two words").size(), 1u);
}

TEST(MinHash, EstimateTracksExactJaccard) {
  const auto a = word_shingles(kWireStory);
  std::string longer = kWireStory;  // appended, not `std::string(...) + "..."`: GCC 12 warns falsely on that
  longer += " The State Department declined to comment further.";
  const auto b = word_shingles(longer);
  const MinHasher hasher(256);
  EXPECT_NEAR(estimated_jaccard(hasher.signature(a), hasher.signature(b)), jaccard(a, b), 0.08);
}

TEST(DuplicateIndex, ExactCopyDespiteFormatting) {
  DuplicateIndex index;
  index.add(index.fingerprint(kWireStory));
  std::string reformatted = "  ";
  reformatted += kWireStory;
  reformatted += "\n";
  const auto match = index.find(index.fingerprint(reformatted));
  ASSERT_TRUE(match.has_value());
  EXPECT_TRUE(match->exact);
  EXPECT_EQ(match->existing, 0u);
}

TEST(DuplicateIndex, SyndicatedCopyWithSmallEditsIsANearDuplicate) {
  DuplicateIndex index;
  index.add(index.fingerprint("An unrelated story about football results and the league table this weekend."));
  index.add(index.fingerprint(kWireStory));
  std::string edited = "By Jane Doe, Associated Press. ";
  edited += kWireStory;
  edited += " Reporting by AP.";
  const auto match = index.find(index.fingerprint(edited));
  ASSERT_TRUE(match.has_value());
  EXPECT_FALSE(match->exact);
  EXPECT_EQ(match->existing, 1u);
  EXPECT_GE(match->similarity, 0.8);
}

TEST(DuplicateIndex, SameTopicDifferentArticleIsNotADuplicate) {
  DuplicateIndex index;
  index.add(index.fingerprint(kWireStory));
  const char* other =
      "The Taliban said on Sunday, after talks with U.S. officials in Doha, that Washington had agreed to provide "
      "humanitarian aid to Afghanistan while declining to recognise the new government. The Taliban's foreign "
      "minister said the meetings had gone well and that the group hoped for more contacts.";
  EXPECT_FALSE(index.find(index.fingerprint(other)).has_value());
  EXPECT_FALSE(index.find(index.fingerprint("")).has_value());
}

// A reprint whose site curls the apostrophes (or straightens them) is the same text: with the
// apostrophe read as part of the word, a French report and its copy shared about half their
// shingles and the copy counted as a second article (contest stream, dakaractu.com / bamada.net).
TEST(DuplicateIndex, CurledAndStraightApostrophesAreOneCopy) {
  const char* straight =
      "L'insécurité qui prévaut dans un pan important du Mali préoccupe le chanteur. Il s'adresse directement au "
      "Président et lui demande de dire la vérité. Selon lui, c'est l'Hexagone qui tire les ficelles dans ce "
      "conflit qui n'a que trop duré. Il demande de passer la main s'il n'est pas en mesure d'assumer ses "
      "responsabilités, et c'est l'avis de nombre de citoyens qui croient que l'insécurité dure.";
  std::string curled = straight;
  for (size_t at = curled.find('\''); at != std::string::npos; at = curled.find('\'', at)) curled.replace(at, 1, "\u2019");
  EXPECT_EQ(word_shingles(straight), word_shingles(curled));
  EXPECT_EQ(normalized_text_hash(straight), normalized_text_hash(curled));
  DuplicateIndex index;
  index.add(index.fingerprint(straight));
  const auto match = index.find(index.fingerprint(curled));
  ASSERT_TRUE(match.has_value());
  EXPECT_TRUE(match->exact);
}
