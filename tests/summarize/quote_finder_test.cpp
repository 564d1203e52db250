#include "storyline/summarize/quote_finder.h"

#include <gtest/gtest.h>

using storyline::Document;
using storyline::Entity;
using storyline::summarize::find_quotes;

namespace {

Document with_text(std::string text, std::vector<Entity> entities) {
  Document document;
  document.id = "q";
  document.domain = "example.org";
  document.text = std::move(text);
  document.entities = std::move(entities);
  return document;
}

}  // namespace

TEST(QuoteFinder, AttributesByTheUsualPatterns) {
  const auto quotes = find_quotes(with_text(
      "Finance Minister Maria Lopez presented the plan on Monday.\n\n"
      "\xE2\x80\x9CWe will balance the budget within two years,\xE2\x80\x9D Lopez said. \xE2\x80\x9CNobody will pay more "
      "tax.\xE2\x80\x9D\n\n"
      "The opposition leader, Tom Berg, replied: \"This plan will cut hospitals and schools.\"\n\n"
      "\"The numbers do not add up at all,\" said a central bank official.\n\n"
      "She said that the first cuts would come in the autumn session.",
      {{"Maria Lopez", "person"}, {"Tom Berg", "person"}}));
  ASSERT_EQ(quotes.size(), 5u);
  EXPECT_EQ(quotes[0].speaker, "Maria Lopez");
  EXPECT_EQ(quotes[0].speaker_role.value_or(""), "Finance Minister");
  EXPECT_EQ(quotes[0].text, "We will balance the budget within two years");
  EXPECT_EQ(quotes[1].speaker, "Maria Lopez") << "a second quotation in the paragraph continues the speaker";
  EXPECT_EQ(quotes[2].speaker, "Tom Berg");
  EXPECT_EQ(quotes[3].speaker, "a central bank official");
  EXPECT_FALSE(quotes[3].reported);
  EXPECT_EQ(quotes[2].speaker_role.value_or(""), "The opposition leader");
  EXPECT_EQ(quotes[4].speaker, "Tom Berg") << "she -> the last person named";
  EXPECT_TRUE(quotes[4].reported);
  EXPECT_EQ(quotes[4].text, "the first cuts would come in the autumn session");
  EXPECT_EQ(quotes[0].publisher, "example.org");
}

TEST(QuoteFinder, SkipsScareQuotesApostrophesAndUnattributedQuotations) {
  const auto quotes = find_quotes(
      with_text("The minister called it a \xE2\x80\x9Cpositive step\xE2\x80\x9D toward T\xC3\xBCrkiye\xE2\x80\x99s plan.\n\n"
                "\xE2\x80\x9CThis sentence has nobody attached to it at all.\xE2\x80\x9D",
                {}));
  EXPECT_TRUE(quotes.empty());
}

TEST(QuoteFinder, RoleInAppositionAndReportedSpeechToAnOutlet) {
  const auto quotes = find_quotes(
      with_text("Anna Weiss, the company's chief executive, said the factory would reopen next month.\n\n"
                "Union spokesman Karl Brandt told Reuters that workers had not been consulted about the plan.",
                {{"Anna Weiss", "person"}, {"Karl Brandt", "person"}, {"Reuters", "organization"}}));
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Anna Weiss");
  EXPECT_EQ(quotes[0].speaker_role.value_or(""), "the company's chief executive");
  EXPECT_TRUE(quotes[0].reported);
  EXPECT_EQ(quotes[1].speaker, "Karl Brandt");
  EXPECT_EQ(quotes[1].speaker_role.value_or(""), "Union spokesman");
  EXPECT_EQ(quotes[1].told_to.value_or(""), "Reuters");
  EXPECT_EQ(quotes[1].text, "workers had not been consulted about the plan");
}

TEST(QuoteFinder, MalformedTextNeverFails) {
  const std::string inputs[] = {"\xE2\x80\x9C",
                                "\"",
                                "\xE2\x80\x98 unclosed single quote that runs on and on",
                                "said said said said said",
                                "\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x9C\xE2\x80\x9D said he",
                                ", said , , , told that that that",
                                std::string(5000, '"'),
                                "He said that " + std::string(3000, 'x'),
                                "\xE2\x80\x9CUnclosed quotation at the end of "
                                "the text, going on\n\nShe said",
                                "\xC3\x28\xA0\xA1 said \xE2\x80 \x9C broken bytes"};
  for (const std::string& input : inputs) {
    const auto quotes = find_quotes(with_text(input, {{"Said", "person"}, {"He", "person"}}));
    for (const auto& quote : quotes) EXPECT_LE(quote.text.size(), input.size());
  }
}

// Patterns measured on PolNeAR's train split (storyline eval quotes --split train).
TEST(QuoteFinder, TitlesWithAPeriodAreNotSpeakers) {
  const auto quotes = find_quotes(
      with_text("\xE2\x80\x9CThis is a disgusting day for the country,\xE2\x80\x9D said Rep. John Lewis.",
                {{"John Lewis", "person"}}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "John Lewis");
}

TEST(QuoteFinder, AttributionsBeforeTheQuotation) {
  const auto quotes = find_quotes(
      with_text("Clinton spoke in Ohio on Thursday, saying: \xE2\x80\x9CWe have to be ready to stop him.\xE2\x80\x9D\n\n"
                "According to the Post, \xE2\x80\x9CThe campaign spent more than it raised in May.\xE2\x80\x9D\n\n"
                "Cruz continued:\n\n"
                "\xE2\x80\x9CYou look at the questions asked tonight and you see the bias.\xE2\x80\x9D\n\n"
                "Sanders said on Monday, \xE2\x80\x9CThe system is rigged against working people.\xE2\x80\x9D",
                {{"Hillary Clinton", "person"}, {"Ted Cruz", "person"}, {"Bernie Sanders", "person"}}));
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[0].speaker, "Hillary Clinton");
  EXPECT_EQ(quotes[1].speaker, "the Post");
  EXPECT_EQ(quotes[2].speaker, "Ted Cruz") << "the colon ending the paragraph before";
  EXPECT_EQ(quotes[3].speaker, "Bernie Sanders");
}

TEST(QuoteFinder, AShortQuotationCarriesItsSpeakerToTheNext) {
  const auto quotes = find_quotes(
      with_text("\xE2\x80\x9CIt\xE2\x80\x99s fine,\xE2\x80\x9D Trump said of waterboarding. \xE2\x80\x9C"
                "And much tougher than that is fine.\xE2\x80\x9D\n\n"
                "Cruz said he is certain Rubio will remain \xE2\x80\x9C"
                "a champion for limitless opportunity in America.\xE2\x80\x9D",
                {{"Donald Trump", "person"}, {"Ted Cruz", "person"}, {"Marco Rubio", "person"}}));
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "And much tougher than that is fine.");
  EXPECT_EQ(quotes[0].speaker, "Donald Trump");
  EXPECT_EQ(quotes[1].speaker, "Ted Cruz") << "a quotation inside reported speech is its subject's";
}

TEST(QuoteFinder, MixedMarksAndRelativeClauses) {
  const auto quotes = find_quotes(with_text(
      "\"I was hoping to see more of what she sees in her father,\xE2\x80\x9D Graham said.\n\n"
      "Dick Dever, who was listed on the Cruz slate, told POLITICO, \xE2\x80\x9COf the three, I like John the best.\xE2\x80\x9D",
      {{"Gwen Graham", "person"}, {"Dick Dever", "person"}}));
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Gwen Graham") << "a straight mark opened it, a curly one closed it";
  EXPECT_EQ(quotes[1].speaker, "Dick Dever");
}

TEST(QuoteFinder, AColonIntroducesAQuotationWhateverTheVerb) {
  const auto quotes = find_quotes(with_text(
      "Senator Ted Cruz interrupted the moderators. Cruz had one answer for them: \xE2\x80\x9CThe questions asked in "
      "this debate illustrate why the American people do not trust the media.\xE2\x80\x9D\n\n"
      "The weather turned cold: \xE2\x80\x9CWinter is coming early to the valley this year,\xE2\x80\x9D one headline "
      "ran.",
      {{"Ted Cruz", "person"}}));
  ASSERT_GE(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Ted Cruz");
  // A colon after a subject that names no one attributes nothing to it.
  for (const auto& quote : quotes) EXPECT_NE(quote.speaker, "The weather");
}

// Curly quotation marks and a no-break space, spelled out for the tests below.
#define LQ "\xE2\x80\x9C"
#define RQ "\xE2\x80\x9D"
#define NBSP "\xC2\xA0"

TEST(QuoteFinder, ANoBreakSpaceSeparatesWords) {
  const auto quotes = find_quotes(with_text("Trump told" NBSP "the Washington Post, " LQ
                                            "I like Paul, but these are horrible times for our country." RQ,
                                            {{"Donald Trump", "person"}}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Donald Trump");
}

TEST(QuoteFinder, AnyDescriptionBesideTheQuotationSpeaks) {
  const auto quotes = find_quotes(
      with_text(LQ "Nobody seems to be preoccupied by it at all," RQ " the insider said.\n\n" LQ
                   "I feel ashamed of what was said about us here," RQ " said the woman, who did not give her name.\n\n"
                   "The ad says " LQ "nothing will change until we elect different candidates." RQ,
                {}));
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker, "the insider");
  EXPECT_EQ(quotes[1].speaker, "the woman");
  EXPECT_EQ(quotes[2].speaker, "the ad");
}

TEST(QuoteFinder, AppositionsOfArticlesAgesAndLongRoles) {
  const auto quotes = find_quotes(
      with_text("Paul Huntley, a Sanders delegate from California, said " LQ "we will keep fighting for the platform." RQ
                "\n\n" LQ "I kind of got into a panic when I heard it," RQ " Ramos, 58, told AFP.\n\n"
                "Gregory T. Angelo, president of the Log Cabin Republicans, said, " LQ "Trump would be the most pro-gay "
                "candidate ever." RQ "\n\n"
                "\"Nothing we could do now in Iraq would make a difference," RQ
                " Fred Kagan, director of the Critical Threats "
                "Project at the American Enterprise Institute, said in an interview.",
                {{"Paul Huntley", "person"},
                 {"Jorge Ramos", "person"},
                 {"Gregory T. Angelo", "person"},
                 {"Fred Kagan", "person"}}));
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[0].speaker, "Paul Huntley");
  EXPECT_EQ(quotes[1].speaker, "Jorge Ramos");
  EXPECT_EQ(quotes[2].speaker, "Gregory T. Angelo") << "a middle initial ends no sentence";
  EXPECT_EQ(quotes[3].speaker, "Fred Kagan");
}

TEST(QuoteFinder, ANameAfterItsRoleThatTheEntitiesMissed) {
  const auto quotes = find_quotes(with_text("Former Secretary of State Madeleine Albright urged women to vote, saying, " LQ
                                            "There is a special place for "
                                            "them." RQ "\n\n" LQ
                                            "Our convention occurs at a moment of crisis for our nation," RQ
                                            " said Trump in his speech.",
                                            {}));
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker, "Madeleine Albright");
  EXPECT_EQ(quotes[0].speaker_role.value_or(""), "Former Secretary of State");
  EXPECT_EQ(quotes[1].speaker, "Trump") << "the speaker ends where the circumstances begin";
}

TEST(QuoteFinder, TheSubjectOfTheSentenceSpeaksAPartialQuotation) {
  const auto quotes = find_quotes(
      with_text("Trump went after Bush, calling him " LQ "a total stiff." RQ "\n\n"
                "Cruz blamed the anti-fracking law on " LQ "knuckleheaded Democratic politicians." RQ "\n\n"
                "But despite the kind words, the department said it will " LQ "be adding the missing data in January." RQ
                "\n\n"
                "Continued Stone: " LQ "So I think it is a very real problem for the party." RQ,
                {{"Donald Trump", "person"}, {"Jeb Bush", "person"}, {"Ted Cruz", "person"}, {"Roger Stone", "person"}}));
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[0].speaker, "Donald Trump");
  EXPECT_EQ(quotes[0].text, "a total stiff.");
  EXPECT_EQ(quotes[1].speaker, "Ted Cruz");
  EXPECT_EQ(quotes[2].speaker, "the department");
  EXPECT_EQ(quotes[3].speaker, "Roger Stone");
}

TEST(QuoteFinder, AnOpeningMarkMistypedAsTheCloseStillClosesIt) {
  const auto quotes = find_quotes(with_text(LQ "That could create new and real problems for her here," LQ
                                               " said Jim Clyburn, a Democratic congressman.",
                                            {{"Jim Clyburn", "person"}}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Jim Clyburn");
  EXPECT_EQ(quotes[0].text, "That could create new and real problems for her here");
}

TEST(QuoteFinder, SheIsNotSomeoneNamedInsideTheQuotation) {
  const auto quotes = find_quotes(with_text("Carly Fiorina spoke in Miami.\n\n" LQ
                                            "There are people in our party who are horrified by Donald Trump," RQ
                                            " she said.",
                                            {{"Carly Fiorina", "person"}, {"Donald Trump", "person"}}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Carly Fiorina");
}

TEST(QuoteFinder, AWordTheTextAlsoWritesInLowerCaseIsNoName) {
  const auto quotes = find_quotes(
      with_text("Holding signs, the crowd gathered outside. Everyone was holding something.\n\n" LQ
                "We will not leave until we are heard," RQ " Holding said.",
                {}));
  for (const auto& quote : quotes) EXPECT_NE(quote.speaker, "Holding");
}

TEST(QuoteFinder, ASharedNameIsThePersonNamedLast) {
  const auto quotes = find_quotes(with_text(
      "President Lee Jae-myung opened the session. Later, Interior Minister Lee Sang-min spoke to reporters.\n\n" LQ
      "We will restore order in the capital this week," RQ " Lee said.",
      {{"Lee Jae-myung", "person"}, {"Lee Sang-min", "person"}}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Lee Sang-min");
  EXPECT_EQ(quotes[0].speaker_role.value_or(""), "Interior Minister");
}
