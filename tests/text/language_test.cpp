#include "storyline/text/language.h"

#include <gtest/gtest.h>

using storyline::text::detect_language;

TEST(Language, IdentifiesTheRequiredLanguages) {
  const std::pair<const char*, const char*> samples[] = {
      {"en", "The United States has firmly ruled out any plans to reopen its embassy in Kabul, officials said on Monday."},
      {"de", "Die Bundesregierung hat am Montag beschlossen, die Gespräche mit den Vertretern der Länder fortzusetzen."},
      {"fr", "Le gouvernement a annoncé lundi qu'il poursuivrait les négociations avec les représentants des syndicats."},
      {"es", "El gobierno anunció el lunes que continuará las negociaciones con los representantes de los sindicatos."},
      {"it", "Il governo ha annunciato lunedì che proseguirà i negoziati con i rappresentanti dei sindacati del paese."},
      {"pt", "O governo anunciou na segunda-feira que vai continuar as negociações com os representantes dos sindicatos."},
      {"ru", "Правительство объявило в понедельник, что продолжит переговоры с представителями профсоюзов страны."},
      {"zh", "政府星期一宣布，将继续与工会代表进行谈判，以解决目前的争端。双方预计将在下周再次会面。"},
      {"ar", "أعلنت الحكومة يوم الاثنين أنها ستواصل المفاوضات مع ممثلي النقابات العمالية في البلاد."},
  };
  for (const auto& [code, text] : samples) EXPECT_EQ(detect_language(text).value_or("?"), code) << text;
}

TEST(Language, FallsBackToTheDeclaredLanguageForShortText) {
  storyline::text::LanguageHints hints;
  hints.declared = "de-DE";
  EXPECT_EQ(detect_language("OK", hints).value_or("?"), "de");
  EXPECT_FALSE(detect_language("OK").has_value());
}
