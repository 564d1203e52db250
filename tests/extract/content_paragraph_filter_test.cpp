// Paragraph-level chrome: each rule with lines it must drop and prose it must keep.
#include "storyline/extract/content_paragraph_filter.h"

#include <gtest/gtest.h>

using storyline::extract::is_boilerplate_paragraph;

namespace {

// Each line of `chrome` is dropped and each line of `prose` kept.
void expect_filtered(std::initializer_list<const char*> chrome, std::initializer_list<const char*> prose) {
  for (const char* line : chrome) EXPECT_TRUE(is_boilerplate_paragraph(line)) << line;
  for (const char* line : prose) EXPECT_FALSE(is_boilerplate_paragraph(line)) << line;
}

}  // namespace

TEST(ParagraphFilter, PaywallAndAppPromptsAreChrome) {
  expect_filtered({"Subscribe now to our eNATION edition for the full story.",
                   "To view the full story, please subscribe to The Haitian Times.",
                   "If you’re seeing this message but you’re already a subscriber, you can log in for immediate access.",
                   "Jetzt abonnieren und weiterlesen.",
                   "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android."},
                  // News about subscriptions or apps is prose.
                  {"Netflix added 8 million subscribers in the quarter, the company said on Tuesday.",
                   "The app was downloaded two million times before Apple removed it.",
                   "Apple said the iOS update fixes a flaw that let attackers read messages."});
}

TEST(ParagraphFilter, RightsNoticesAreChromeEvenWhenLong) {
  EXPECT_TRUE(is_boilerplate_paragraph(
      "© 2022, BreakingBelizeNews.com. This article is the copyrighted property of Breaking Belize News. Written "
      "permission must be obtained before reprint in online or print media. REPRINTING CONTENT WITHOUT PERMISSION "
      "AND/OR PAYMENT IS THEFT AND PUNISHABLE BY LAW."));
  EXPECT_TRUE(
      is_boilerplate_paragraph("Copyright 2021 The Associated Press. All rights reserved. This material may not "
                               "be published, broadcast, rewritten or redistributed."));
  EXPECT_TRUE(is_boilerplate_paragraph("© Alle Rechte vorbehalten. Frankfurter Allgemeine Zeitung GmbH 2022"));
  EXPECT_FALSE(
      is_boilerplate_paragraph("The court ruled that the photographer kept the copyright to the picture, "
                               "and the newspaper must pay damages."));
}

TEST(ParagraphFilter, LabelsAdMarkersReadingTimesAndLeadIns) {
  expect_filtered({"- Anzeige -", "ADVERTISEMENT", "Kommentieren", "Beitragsbild", "Last Modified:", "PDF",
                   "ANZEIGE - Heute mal ausgehen/bestellen? Wie wäre es mit:", "11 minut czytania", "5 min read",
                   "Auch lesen: Die dümmste aller Verschwörungstheorien", "VEA TAMBIÉN: Estrella de la educación",
                   // Capitals beyond Latin-1 are lower-cased for the prefixes: "Źródło:" is "źródło:".
                   "Źródło: PAP"},
                  {"Kommentare sind in diesem Artikel geschlossen, weil die Debatte eskalierte.",
                   "Home prices rose 4 percent in May.", "The PDF was leaked to reporters on Monday.",
                   "More than 40 people were injured."});
}

TEST(ParagraphFilter, FeedbackPromptsCommentButtonsAndDisclaimers) {
  expect_filtered({"War der Artikel nützlich?", "Möchten Sie den Artikel teilen?", "Was this article helpful?",
                   "Kommentar verfassen", "Leave a Reply", "Credit:", "Alle Angaben ohne Gewähr.",
                   "Bei den Verlinkungen handelt es sich um Affiliate-Links.",
                   "This post contains references to products from one or more of our advertisers."},
                  {"Was this the article that brought down the minister? Many in his party think so.",
                   "The company said it may change its commission rules next year."});
}

TEST(ParagraphFilter, PictureCreditsInTheirManyForms) {
  expect_filtered({". Imagen: Télam", "(Credit: Clayton Aldern / Grist)", "Beitragsbild: Titelseite der FAZ vom 2.4.2019",
                   "Image illustrative : Lots of Lego Minifigures by Ninja Brick", "Photo : AFP", "praca / ShutterStock",
                   "Judy Eddy/WENN.com", "aja/PAP", "Foto: imago/Sven Simon"},
                  {"The photo agency said it would appeal the ruling.",
                   "Shutterstock's revenue rose 12 percent in the second quarter, the company said, as demand for "
                   "stock video grew faster than for pictures and music licensing."});
}

TEST(ParagraphFilter, FollowLoginAndSupportPrompts) {
  expect_filtered({"Follow us on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.",
                   "¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular.",
                   "¡Mira lo que tiene nuestro canal de YouTube!",
                   "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
                   "Du musst Eingeloggt sein um Kommentare zu schreiben! oder noch gar nicht Registriert?",
                   "Um den Tipp \"Tomaten richtig schneiden\" kommentieren zu können, müssen Sie eingeloggt sein.",
                   "Unterstütze RosaMag bereits mit 2,50!",
                   "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des Journalismus."},
                  {"Musk said he would join Twitter's board, then changed his mind a week later.",
                   "Users who log in with a bank card can no longer post comments, the ministry said, citing the new law "
                   "on online platforms that takes effect in March next year and covers every site with comments.",
                   "Unterstützer der Partei protestierten am Montag vor dem Landtag."});
}

TEST(ParagraphFilter, AppealsToTheReaderAndOwnNewsletters) {
  expect_filtered({"If you enjoyed reading this post – would you consider supporting our work? Just click here. Thanks!",
                   "Gefällt dir unser Klettermagazin? Bei der Lancierung von LACRUX haben wir entschieden, keine "
                   "Bezahlschranke (Paywall) einzuführen. Das wird auch so bleiben, denn wir möchten möglichst viele "
                   "Gleichgesinnte mit News aus der Kletterszene versorgen.",
                   "We want to hear what you think about this article. Submit a letter to the editor.",
                   "Sie möchten wöchtliche Produktvorstellungen? Schauen Sie mal in unseren Musiknewsletter!",
                   "Puede escribirnos o seguir a Materia en Facebook, Twitter, Instagram o suscribirse aquí a nuestra "
                   "newsletter."},
                  {"If you enjoyed the first film, the sequel will not disappoint: it is longer, louder and funnier.",
                   "The Guardian said its newsletter Down to Earth had gained 200,000 readers since the summer, "
                   "more than any other it publishes."});
}

TEST(ParagraphFilter, FiguresPostFootersServerErrorsAndLabels) {
  expect_filtered({"Abbildung 4: klassische Schwachschicht. Der Unterschied in der Kornform ist klar ersichtlich.",
                   "Abbildung: Vergleich auf dem Aletschgletscher.", "Figure 2: Share of renewables, 2000-2020",
                   "Der Beitrag wurde am Mittwoch, 8. Mai 2019 veröffentlicht und wurde unter Whisky abgelegt.",
                   "This entry was posted in News and tagged climate.", "Category : Press Releases", "Kategorie: News",
                   "Warning: Creating default object from empty value in /var/www/html/x.php on line 12",
                   "*Werbung. Dieser Beitrag enthält Werbung für MYMARINI.", "Über den Autor", "Permalink",
                   "(Noch keine Bewertungen)", "Quellen ausblenden",
                   "Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion."},
                  {"Abbildung 4 zeigt, wie sich die Schicht über den Winter verändert.",
                   "Figures released on Monday: unemployment fell to 4.1 percent.",
                   "Warning: the storm will reach the coast tonight, the weather service said.",
                   "Posted inside the station, the notice warned of delays."});
}

TEST(ParagraphFilter, HomoglyphAdsAndPostNavigation) {
  // Cyrillic о, е, і, ѕ, у, а, с posing as Latin letters.
  EXPECT_TRUE(is_boilerplate_paragraph("Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу tо thоuѕаndѕ оf uѕеrѕ!"));
  EXPECT_TRUE(is_boilerplate_paragraph("Vorschau auf den nächsten Artikel"));
  EXPECT_TRUE(is_boilerplate_paragraph("... weiter zu \"die Wortwahl\""));
  // Russian and English side by side is prose.
  EXPECT_FALSE(is_boilerplate_paragraph("Президент (the president) сказал, что переговоры продолжатся в Женеве."));
  EXPECT_FALSE(is_boilerplate_paragraph("Next articles in the series will look at the railways and the ports."));
}

TEST(ParagraphFilter, PublisherNoticesOffersAndAppPitches) {
  expect_filtered({"We recommend the best products through an independent review process, and advertisers do not "
                   "influence our picks. We may receive compensation if you visit partners we recommend. Read our "
                   "advertiser disclosure for more info.",
                   "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung "
                   "zu Twitter her.",
                   "for me und erhalten Sie exklusive Angebote!",
                   "Get the latest news straight to your phone with the VI Consortium app.",
                   "Bitte teilen Sie uns Ihre Erfahrungen mit, wenn Sie unseren Kaffee schon probiert haben.",
                   "First-time subscribers also receive a special welcome gift handmade in Haiti!",
                   "Die aktuelle Ausgabe der L-MAG jetzt an jedem Bahnhofskiosk, im Abo und als e-Paper erhältlich.",
                   "Dieser Text entspricht den Vorgaben der Fachliteratur und wurde von Medizinern geprüft.",
                   "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!",
                   "Missing out on the latest developments? Enter your email below to receive future announcements "
                   "direct to your inbox.",
                   "DHB jetzt auch digital! Einfach hier klicken und für das digitale DHB registrieren!",
                   "Alkohol beim Angeln – Diskussion im Forum"},
                  {"Police said the attackers had asked victims for their email address and then sent fake invoices.",
                   "Die aktuelle Ausgabe des Berichts zeigt, dass die Preise wieder steigen.",
                   "The court said the app had sent users' locations to advertisers without their consent.",
                   "The retailer promised exclusive deals to members, and sales fell anyway, the report found, as "
                   "shoppers moved online and prices rose for a third year in a row across the region."});
}

TEST(ParagraphFilter, NoticeWordsInNewsSentencesAreProse) {
  // A consent notice and a compensation disclosure are dropped for their phrase together with the
  // rest of the notice; the phrase alone ("ohne ihr Einverständnis", "may receive compensation")
  // is news, and was dropped while it matched anywhere.
  expect_filtered({"Wir respektieren Ihre Daten und stellen ohne Ihr Einverständnis keine Verbindung zu Instagram her.",
                   "We may receive compensation when you click on links to products from our partners.",
                   "Wag! has affiliate relationships, so we may receive compensation if you make a purchase."},
                  {"Der Chirurg operierte die Patientin ohne ihr Einverständnis, sagte die Staatsanwältin am Montag.",
                   "Ohne ihr Einverständnis hätte die Klinik die Behandlung abbrechen müssen.",
                   "Victims of the scheme may receive compensation of up to 10,000 pounds, the ministry said."});
}

TEST(ParagraphFilter, AGalleryConfigurationPrintedIntoThePageIsData) {
  // bluewin.ch prints its picture gallery as JSON after "Weitere 21 Bilder ansehen": its captions
  // are the day's other news, and made an article on negative interest rates "other".
  std::string gallery = "Weitere 21 Bilder ansehen [";
  for (int i = 0; i < 21; ++i)
    gallery += " { \"src\": \"https://production-livingdocs-bluewin-ch.imgix.net/2019/10/23/" + std::to_string(i) +
               ".jpeg?w=1024\", \"sizes\": \"90vw\", \"subHtml\": \"<h1>Bilder des Tages</h1><p>Nach tagelangem "
               "Einsatz der Feuerwehren in Kalifornien gibt es noch keine Entwarnung.</p>\" },";
  gallery += " ] Zurück zur Startseite";
  EXPECT_TRUE(storyline::extract::is_data_dump(gallery));
  EXPECT_TRUE(storyline::extract::is_data_dump(
      R"({"painterId": "Grid", "hostPageType": "BROWSE", "storeId": "172541", "asins": ["B0CX", "B0CY"], )"
      R"("count": 24, "visible": true, "page": 1, "sort": null, "filters": {"brand": "any"}})"));
  // A documentation page's example in running text is content.
  EXPECT_FALSE(storyline::extract::is_data_dump(
      R"([{ "title": "Love these", "content": "Great grip.", "minRating": 1, "maxRating": 5, "rating": 5 }])"));
  // Prose that quotes and uses colons is not data, nor is one pair in a long paragraph.
  EXPECT_FALSE(
      storyline::extract::is_data_dump(R"(He called it "a disaster": 12 people died, and "the worst": the mayor agreed.)"));
  EXPECT_FALSE(storyline::extract::is_data_dump("Der Minister sagte: \"Wir handeln.\" Die Opposition widersprach."));
  std::string long_prose = R"(The file read {"status": "ok"} for every request. )";
  for (int i = 0; i < 20; ++i) long_prose += "The engineers said the service had run without errors for weeks. ";
  EXPECT_FALSE(storyline::extract::is_data_dump(long_prose));
}
