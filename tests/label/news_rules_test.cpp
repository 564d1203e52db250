#include "storyline/label/news_rules.h"

#include <gtest/gtest.h>

#include <string>

using namespace storyline;

namespace {

Document with_text(const std::string& title, const std::string& text) {
  Document document;
  document.id = "rules";
  document.title = title;
  document.text = text;
  return document;
}

// The reason, or "" when the document may be news.
std::string reason_for(const std::string& title, const std::string& text) {
  return label::not_news_reason(with_text(title, text)).value_or("");
}

constexpr const char* kNews =
    "The central bank raised its main interest rate by a quarter point on Thursday, citing inflation in "
    "housing and energy prices.\n\nEconomists had expected the increase after strong wage growth in the "
    "second quarter, the bank's governor told reporters in the capital.";

}  // namespace

TEST(NewsRules, LoremIpsumIsPlaceholderText) {
  const std::string reason =
      reason_for("Welcome to our new site",
                 "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.");
  EXPECT_NE(reason.find("placeholder"), std::string::npos) << reason;
}

TEST(NewsRules, MockTestTitleIsExamPractice) {
  const std::string reason = reason_for("Mock Test #102 - General Aptitude",
                                        "Question 1. Which of the following numbers is prime?");
  EXPECT_NE(reason.find("exam"), std::string::npos) << reason;
}

TEST(NewsRules, NormalNewsArticleHasNoReason) {
  EXPECT_EQ(label::not_news_reason(with_text("Central bank raises interest rates again", kNews)), std::nullopt);
  EXPECT_EQ(label::not_news_reason(Document{}), std::nullopt);  // nothing at all is no reason either
}

TEST(NewsRules, MitLicenceTextIsALicence) {
  const std::string licence =
      "MIT License\n\nCopyright (c) 2024 Example Authors\n\n"
      "Permission is hereby granted, free of charge, to any person obtaining a copy\n"
      "of this software and associated documentation files (the \"Software\"), to deal\n"
      "in the Software without restriction, including without limitation the rights\n"
      "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n"
      "copies of the Software.\n";
  const std::string reason = reason_for("LICENSE", licence);
  EXPECT_NE(reason.find("MIT"), std::string::npos) << reason;
}

TEST(NewsRules, MatchingFoldsCaseAndCollapsesWhiteSpace) {
  EXPECT_FALSE(reason_for("Start", "LOREM   IPSUM dolor").empty());
  EXPECT_FALSE(reason_for("Start", "Our text: lorem\n\n\tipsum here").empty());
  EXPECT_FALSE(reason_for("MOCK    TEST 7", kNews).empty());
  EXPECT_FALSE(reason_for("mock\ttest", kNews).empty());
  // "equals" rules compare the whole, trimmed title.
  EXPECT_FALSE(reason_for("  Test   PAGE \n", kNews).empty());
  EXPECT_TRUE(reason_for("Test page results for the new stadium", kNews).empty());
}

TEST(NewsRules, TitlePhraseInTheTextDoesNotCount) {
  // "mock test" is a title rule: a report that mentions one is still news.
  EXPECT_TRUE(reason_for("Exam board changes rules",
                         "Students sat a mock test on Monday before the national exams, the ministry said.")
                  .empty());
}

TEST(NewsRules, HoroscopesBettingTipsAndSynopsesAreNotNewsInTheirLanguages) {
  for (const char* title :
       {"Гороскоп на 9 ноября для всех знаков зодиака", "Oroscopo Paolo Fox di novembre", "Horóscopo de hoy: Aries",
        "Dein Horoskop für das Wochenende", "Прогноз на матч Борнмут – Манчестер Юнайтед",
        "Resumo da novela Amor de Mãe: capítulo 12", "Resumo novela Amor de Mãe, de quinta-feira (28)",
        "حظك اليوم السبت 9 نوفمبر", "#وظائف شاغرة لدى شركة BAE SYSTEMS"})
    EXPECT_FALSE(reason_for(title, kNews).empty()) << title;
  // Reports about the subject keep their place.
  EXPECT_TRUE(reason_for("Astrologer arrested for fraud in Moscow", kNews).empty());
  EXPECT_TRUE(reason_for("Bookmakers fined for advertising to children", kNews).empty());
}

TEST(NewsRules, RecipeAndHoroscopeSectionsAreNotNewsWhateverTheTitle) {
  Document recipe = with_text("Мясной бурек", kNews);
  recipe.url = "https://www.tvcook.ru/recipes/pirozhki/myasnoj-burek.html";
  EXPECT_NE(label::not_news_reason(recipe).value_or("").find("recipe"), std::string::npos);
  Document horoscope = with_text("Почему ретроградный Меркурий — это хорошо", kNews);
  horoscope.url = "https://bazaar.ru/heroes/goroskop/nakonec-vinovaty-zvezdy";
  EXPECT_NE(label::not_news_reason(horoscope).value_or("").find("horoscope"), std::string::npos);
  Document filed = with_text("Snickerdoodle", kNews);
  filed.section = "Recettes";  // the page's metadata says where it is filed
  EXPECT_TRUE(label::not_news_reason(filed).has_value());
  Document percent_encoded = with_text("Сырники", kNews);
  percent_encoded.url = "/%D1%80%D0%B5%D1%86%D0%B5%D0%BF%D1%82%D1%8B/syrniki";  // /рецепты/
  EXPECT_TRUE(label::not_news_reason(percent_encoded).has_value());
}

TEST(NewsRules, ASectionWordAsThePagesOwnNameIsNoSection) {
  // The last path segment names the page, not where it is filed: a report can be called "recipes".
  Document report = with_text("Chefs share their recipes with a food bank", kNews);
  report.url = "https://example.com/news/recipes";
  EXPECT_EQ(label::not_news_reason(report), std::nullopt);
  report.url = "https://example.com/news/2019/recipes-for-disaster-at-the-summit.html";
  EXPECT_EQ(label::not_news_reason(report), std::nullopt);
}

TEST(NewsRules, UkrainianBettingTipsAreNotNews) {
  EXPECT_FALSE(reason_for("«Астон Вілла» – «Ліверпуль». Прогноз і ставка Івана Громікова", kNews).empty());
}

TEST(NewsRules, HowToGuidesAreNotNewsReportsOfHowSomethingHappenedAre) {
  for (const char* title :
       {"How to select, move, delete multiple emails on iPhone", "Как удалить ваши голосовые запросы Siri",
        "Як перевірити, чи крадуть у вас електрику", "Como ativar o modo de navegação anônima",
        "Cómo subir el brillo de la pantalla del Pixel 4", "Comment choisir son forfait mobile",
        "Come scegliere il materasso giusto", "Wie man einen Reifen wechselt"})
    EXPECT_NE(reason_for(title, kNews).find("how-to"), std::string::npos) << title;
  for (const char* title :
       {"How Trump's allies answered the hearings", "Как в мире отпраздновали Хэллоуин", "Comment Macron a convaincu Merkel",
        "Como esperado, o banco central subiu os juros", "Cómo fue la noche electoral en Bolivia"})
    EXPECT_TRUE(reason_for(title, kNews).empty()) << title;
}

TEST(NewsRules, DealRoundupsAreNotNewsReportsAboutASaleAre) {
  for (const char* title :
       {"25 Best Black Friday 2019 Deals: Amazon, Apple, Best Buy", "Walmart Early Black Friday 2019: Best Deals On Tablets",
        "Día del Soltero: las mejores ofertas en Amazon", "Распродажа: МТС предлагает OnePlus 7 Pro",
        "Black Friday 2019 Unieuro, offerte sui giochi PS4"})
    EXPECT_NE(reason_for(title, kNews).find("deal roundup"), std::string::npos) << title;
  for (const char* title :
       {"Black Friday 2019 la eMag: 100.000 de comenzi în primele 10 minute",
        "Screwfix opens new store - and it's offering exclusive deals", "Two First Nations sign deals with Trans Mountain"})
    EXPECT_TRUE(reason_for(title, kNews).empty()) << title;
}
