#include "storyline/extract/content_paragraph_filter.h"

#include <cctype>
#include <string>

#include "storyline/core/ascii.h"
#include "storyline/text/utf8.h"

namespace storyline::extract {
namespace {

// Credits put under pictures, lower-case, each followed by the source's name.
constexpr std::string_view kCreditPrefixes[] = {
    "foto:", "fotos:", "(foto", "foto ©", "photo:", "photos:", "(photo", "photo credit", "credit:", "image:", "(image",
    "imagen:", "bild:", "bilder:", "(bild", "titelbild:", "quelle:", "(quelle", "source:", "źródło:", "fuente:",
    "crédit photo", "crédits photo", "© ", "photo by ", "photos by ", "photograph by ", "photography by ",
    "illustration by ", "illustration:", "illustrations by ", "image by ", "image credit", "picture by ",
    "pictures by ", "(credit", "beitragsbild:", "image illustrative", "photo :", "crédit :", "crédits :"};

// Agency credits that end a picture's caption ("Tapie en 2008. REUTERS/Benoit Tessier"), lower-case:
// a short paragraph holding one is a caption.
constexpr std::string_view kPictureCredits[] = {"reuters/", "afp/", "ap photo", "getty images", "/getty", "epa/",
                                                "dpa/", "ansa/", "efe/", "xinhua/", "anadolu/", "(photo:", "(foto:",
                                                "/pap", "/wenn", "imago/"};

// Picture libraries named at the end of a caption ("praca / ShutterStock"); anywhere else the
// name is news about the company.
constexpr std::string_view kPictureLibraries[] = {"shutterstock", "picture alliance", "picture-alliance", "istock",
                                                  "getty"};
constexpr size_t kCreditTailBytes = 30;

// Wire services' notes on a story's versions ("(Corrects 10th paragraph to show ...)", "(Adds
// quotes, details)"), lower-case: a parenthesis of its own opening with one of these.
constexpr std::string_view kVersionNotes[] = {"(corrects", "(updates", "(adds", "(recasts", "(repeats", "(refiles",
                                              "(changes", "(fixes"};

// Lead-ins to links to other stories, lower-case.
constexpr std::string_view kReadMorePrefixes[] = {
    "read more", "read also", "see also", "related:", "you might also like", "you may also like", "more:",
    "lesen sie auch", "lesen sie hier", "lesen sie mehr", "lies auch", "auch interessant", "mehr zum thema",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "das thema könnte",
    "mehr interessantes", "weiterlesen", "zum thema:",
    "lea también", "lea más", "lea:", "lee también", "le puede interesar", "puedes ver", "te puede interesar",
    "ver también", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "leggi anche", "czytaj też",
    "czytaj także", "zobacz też", "zobacz także", "dowiedz się więcej", "leia também", "veja também",
    "auch lesen", "siehe auch", "mehr dazu", "vea también", "mira también", "przeczytaj też", "przeczytaj także",
    "czytaj więcej", "leia mais", "related stories", "related articles", "more on this"};

// Whole paragraphs that are a page's labels, buttons and ad markers, lower-case, compared after
// the dashes, colons and spaces around them are dropped ("- Anzeige -", "Kommentieren").
constexpr std::string_view kChromeLabels[] = {
    "advertisement", "anzeige", "werbung", "publicidad", "reklama", "annonce", "pubblicità", "sponsored",
    "comments", "comment", "kommentare", "kommentieren", "commentaires", "comentarios", "komentarze",
    "share", "teilen", "partager", "compartir", "udostępnij", "print", "drucken", "imprimer", "imprimir",
    "contact", "kontakt", "pdf", "beitragsbild", "titelbild", "tags", "schlagworte", "schlagwörter", "stichworte",
    "menu", "menü", "startseite", "home", "zurück", "nach oben", "back to top", "top", "mehr", "more", "credit",
    "kommentar verfassen", "kommentar schreiben", "kommentare schreiben", "kommentar abgeben", "leave a comment",
    "leave a reply", "write a comment", "post a comment", "add a comment", "laisser un commentaire",
    "deja un comentario", "dodaj komentarz", "über den autor", "über die autorin", "about the author",
    "sobre el autor", "à propos de l'auteur", "quellen ausblenden", "quellen anzeigen", "permalink", "permalien",
    "(noch keine bewertungen)", "noch keine bewertungen", "no ratings yet", "lo último", "nächster artikel", "vorheriger artikel",
    "next article", "previous article"};

// Markers opening a sponsored line ("ANZEIGE - Heute mal ausgehen?"), lower-case.
constexpr std::string_view kAdMarkers[] = {"*werbung", "werbung:", "anzeige -", "anzeige:", "advertisement:"};

// Questions and prompts about the article itself, lower-case prefixes ("War der Artikel nützlich?").
constexpr std::string_view kFeedbackPrompts[] = {
    "war der artikel", "war dieser artikel", "hat ihnen der artikel", "hat dir der artikel", "hat ihnen dieser artikel",
    "bitte teilen sie uns ihre", "teilen sie uns ihre meinung", "tell us what you think", "let us know what you think",
    "möchten sie den artikel", "möchtest du den artikel", "diesen artikel teilen", "artikel teilen", "was this article",
    "did you find this article", "did you like this article", "share this article", "share this story",
    "cet article vous a", "partagez cet article", "¿te ha gustado", "comparte este artículo"};

// Appeals to the reader that open a line set under the article ("Gefällt dir unser Klettermagazin?
// ...", "If you enjoyed reading this post – would you consider supporting our work?", "Lust auf
// mehr? ... Newsletter"), lower-case: chrome however long the pitch runs.
constexpr std::string_view kReaderAppeals[] = {
    "if you enjoyed reading", "if you enjoyed this", "if you liked this", "we want to hear what you think", "do you want to be informed",
    "submit your letter", "submit a letter to the editor", "gefällt dir unser", "gefällt ihnen unser", "lust auf mehr?",
    "kennt ihr schon unser", "kennen sie schon unser", "zapraszamy też do subskrypcji", "zapraszamy do subskrypcji",
    "czytasz właśnie", "vous avez aimé cet article", "te gustó este artículo", "¿te gustó"};
// Words that make a line about a newsletter the publisher's own ("in unseren Musiknewsletter",
// "suscribirse aquí a nuestra newsletter"), lower-case.
constexpr std::string_view kOwnNewsletter[] = {"unser", "our ", "nuestr", "notre", "nostra", "nasz", "sign up",
                                               "melde dich", "abonnier", "suscrib", "inscri", "subscribe"};

// Notices about how the publisher earns or guards the reader's data, put under articles however
// long ("We may receive compensation if you visit partners we recommend. Read our advertiser
// disclosure", "Wir respektieren deine Privatsphäre und stellen ... keine Verbindung zu Twitter
// her"), lower-case.
constexpr std::string_view kPublisherNotices[] = {
    "advertiser disclosure", "may receive compensation", "kennzeichnen wir mit einem sternchen",
    "respektieren deine privatsphäre", "respektieren ihre privatsphäre", "we respect your privacy",
    "ohne dein einverständnis", "ohne ihr einverständnis", "von medizinern geprüft", "medically reviewed by"};
// Promises of offers that end a sign-up line ("... und erhalten Sie exklusive Angebote!"), lower-case.
constexpr std::string_view kOfferPromises[] = {"exklusive angebote", "exclusive offers", "exclusive deals",
                                               "ofertas exclusivas", "offres exclusives"};

// Endings of a link to the forum thread about the article, lower-case.
constexpr std::string_view kForumLinks[] = {"diskussion im forum", "im forum diskutieren", "discuss in the forum",
                                            "join the discussion"};
// "Einfach hier klicken und ... registrieren!", lower-case: one word of each list.
constexpr std::string_view kClickHere[] = {"hier klicken", "click here"};
constexpr std::string_view kRegisterWords[] = {"registrier", "register", "sign up"};
// A magazine's plug for its print issue, lower-case: one word of each list.
constexpr std::string_view kCurrentIssue[] = {"aktuelle ausgabe", "latest issue"};
constexpr std::string_view kIssueOutlets[] = {"kiosk", "e-paper", "newsstand", "erhältlich"};

// Sign-up forms' asks for an address, and what they promise for it, lower-case.
constexpr std::string_view kEmailAsks[] = {"enter your email", "your email address", "e-mail-adresse ein",
                                           "ihre e-mail-adresse", "deine e-mail-adresse", "votre adresse e-mail",
                                           "votre e-mail", "tu correo electrónico", "tu email"};
constexpr std::string_view kSignUpPromises[] = {"inbox", "receive", "subscribe", "newsletter", "notification",
                                                "postfach", "erhalten", "abonn", "recevoir", "recibir", "suscrib"};

// Disclaimers about links and liability a page repeats under its articles, lower-case.
constexpr std::string_view kDisclaimers[] = {
    "alle angaben ohne gewähr", "bei den verlinkungen handelt es sich um", "affiliate-link", "affiliate link",
    "provisions-link", "may earn a commission", "we earn a commission", "contains references to products from",
    "this post contains affiliate", "enthält affiliate", "sans garantie", "beitrag enthält werbung",
    "gibt die meinung des autors wieder", "does not necessarily reflect the views of"};

// Footers a blog engine writes under a post ("Der Beitrag wurde am Mittwoch, 8. Mai veröffentlicht
// und unter Whisky abgelegt", "This entry was posted in News"), lower-case prefixes.
constexpr std::string_view kPostFooters[] = {"der beitrag wurde am", "dieser beitrag wurde am", "dieser eintrag wurde",
                                             "this entry was posted", "this entry is filed under", "posted in ",
                                             "category:", "category :", "kategorie:", "categoría:", "catégorie :",
                                             "catégorie:", "vorschau auf den nächsten artikel", "next post:",
                                             "previous post:", "weiter zu "};

// A picture or chart's caption numbered as in a paper ("Abbildung 4: klassische Schwachschicht.",
// "Figure 2: ..."), lower-case names; the number is optional, the colon is not.
constexpr std::string_view kFigureNames[] = {"abbildung", "abb.", "figure", "fig.", "grafik", "schaubild", "tabelle"};

bool is_figure_caption(std::string_view lower) {
  for (std::string_view name : kFigureNames) {
    if (!lower.starts_with(name)) continue;
    size_t at = name.size();
    while (at < lower.size() && lower[at] == ' ') ++at;
    while (at < lower.size() && (std::isdigit(static_cast<unsigned char>(lower[at])) || lower[at] == '.')) ++at;
    while (at < lower.size() && lower[at] == ' ') ++at;
    return at < lower.size() && lower[at] == ':';
  }
  return false;
}

// Words spelled with Cyrillic letters posing as Latin ones ("Yоur соntеnt", with Cyrillic о, е)
// hide an advertisement from filters; a real word mixes scripts almost never.
bool has_homoglyph_words(std::string_view text) {
  constexpr int kMixedWords = 3;
  int mixed = 0;
  bool latin = false, cyrillic = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (c == ' ' || c == '\n' || c == ',' || c == '.' || c == '!' || c == '?') {
      if (latin && cyrillic && ++mixed >= kMixedWords) return true;
      latin = cyrillic = false;
    } else if (std::isalpha(c)) {
      latin = true;
    } else if ((c == 0xD0 || c == 0xD1) && i + 1 < text.size()) {
      cyrillic = true;
      ++i;
    }
  }
  return false;
}

// A PHP error printed into the page ("Warning: Creating default object from empty value in
// /var/www/... on line 12"), lower-case.
bool is_server_error(std::string_view lower) {
  static constexpr std::string_view kLevels[] = {"warning: ", "notice: ", "deprecated: ", "fatal error: ", "parse error: "};
  for (std::string_view level : kLevels)
    if (lower.starts_with(level)) return lower.find(" on line ") != std::string_view::npos;
  return false;
}

// "5 min read", "Lesezeit: 4 Minuten", "11 minut czytania", lower-case.
constexpr std::string_view kReadingTimeWords[] = {"min read", "minute read", "minutes read", "lesezeit", "lesedauer",
                                                  "minut czytania", "min de lecture", "minutes de lecture",
                                                  "minutos de lectura", "min di lettura", "minuti di lettura"};

// Labels of the publication and update times a page prints above or below the article,
// lower-case ("Published: 11/18/2011 2:27 AM Last Modified: ..."), in the languages above.
constexpr std::string_view kTimeLabels[] = {
    "published", "updated", "last updated", "last modified", "modified", "posted", "posted on", "first published",
    "veröffentlicht", "aktualisiert", "zuletzt aktualisiert", "stand:", "publié", "mis à jour", "publicado",
    "actualizado", "pubblicato", "aggiornato", "opublikowano", "atualizado"};

// A paywall's or an app's call to action, lower-case: the word that asks, then what it promises
// ("Subscribe now to our eNATION edition for the full story.", "To view the full story, please
// subscribe", "download the Nationnews apps for iOS and Android").
constexpr std::string_view kSubscribeWords[] = {"subscribe", "subscriber", "subscription", "abonnieren", "abonnent",
                                                "abonnez", "abonné", "suscríbete", "suscriptor", "abbonati", "abbonato"};
constexpr std::string_view kPaywallPromises[] = {
    "full story", "full article", "continue reading", "keep reading", "to read", "to view", "unlimited access",
    "immediate access", "log in", "sign in", "weiterlesen", "weiter lesen", "alle artikel", "einloggen", "anmelden",
    "lire la suite", "continuer", "connectez", "seguir leyendo", "leer más", "continua a leggere", "welcome gift"};
constexpr std::string_view kAppStores[] = {"ios", "android", "app store", "google play", "play store"};
// Calls to follow the publisher on a network ("Follow The Gleaner on Twitter", "¿Ya sabías que
// tenemos canal de Telegram? Únete"), lower-case: one of these with a network's name.
constexpr std::string_view kFollowCalls[] = {"follow us", "follow our", "folgen sie uns", "folge uns", "folgt uns",
                                             "síguenos", "suivez-nous", "seguici", "obserwuj nas", "únete", "join us",
                                             "join our", "nuestro canal", "tenemos canal", "our channel", "unseren kanal"};
constexpr std::string_view kNetworks[] = {"twitter", "instagram", "facebook", "telegram", "youtube", "tiktok",
                                          "whatsapp", "linkedin", "mastodon"};
// A prompt to log in before commenting ("Sie müssen sich einloggen, um sich an einer Diskussion
// beteiligen zu können."), lower-case: one word of each list.
constexpr std::string_view kLoginWords[] = {"einloggen", "eingeloggt", "anmelden", "angemeldet", "log in", "logged in",
                                            "sign in", "signed in", "connecté", "connectez", "zaloguj", "iniciar sesión"};
constexpr std::string_view kDiscussionWords[] = {"komment", "diskussion", "comment", "discussion", "koment", "comentar"};
// Pleas for the reader's money or support that open a line ("Unterstützen Sie diese Form des
// Journalismus", "Unterstütze RosaMag bereits mit 2,50!"), lower-case.
constexpr std::string_view kSupportPleas[] = {"unterstützen sie", "unterstütze ", "support us", "support our",
                                              "support independent", "apoya ", "apóyanos", "soutenez", "wesprzyj",
                                              "wspieraj", "sostieni"};
// Copyright and reprint notices a publisher puts under every article, lower-case.
constexpr std::string_view kRightsNotices[] = {
    "all rights reserved", "copyrighted property", "before reprint", "may not be published, broadcast",
    "may not be reproduced", "may not be republished", "alle rechte vorbehalten", "tous droits réservés",
    "todos los derechos reservados", "riproduzione riservata"};

// ASCII letters and Latin-1 capitals (À-Þ, two bytes in UTF-8) lower-cased; other bytes as they
// are (enough for the prefixes above: "À lire aussi", "Über...").
std::string lower_prefix(std::string_view text, size_t length) {
  std::string result(text.substr(0, std::min(length, text.size())));
  for (size_t i = 0; i < result.size(); ++i) {
    char& c = result[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < result.size()) {
      const auto next = static_cast<unsigned char>(result[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) result[i + 1] = static_cast<char>(next + 0x20);  // not ×
      ++i;
    } else if ((c == '\xC4' || c == '\xC5') && i + 1 < result.size()) {
      // Latin Extended-A (Ł, Ś, Ź, Ž, Ő...): capitals and small letters alternate in pairs.
      const auto next = static_cast<unsigned char>(result[i + 1]);
      const char32_t cp = ((static_cast<unsigned char>(c) & 0x1F) << 6) | (next & 0x3F);
      const bool even_capital = (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0;
      const bool odd_capital = ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && cp % 2 == 1;
      if (even_capital || odd_capital) {
        const char32_t small = cp + 1;
        c = static_cast<char>(0xC0 | (small >> 6));
        result[i + 1] = static_cast<char>(0x80 | (small & 0x3F));
      }
      ++i;
    }
  }
  return result;
}

bool starts_with_any(std::string_view text, const auto& prefixes) {
  for (std::string_view prefix : prefixes)
    if (text.starts_with(prefix)) return true;
  return false;
}

bool ends_with_any(std::string_view text, const auto& suffixes) {
  for (std::string_view suffix : suffixes)
    if (text.ends_with(suffix)) return true;
  return false;
}

// "Published: 11/18/2011 2:27 AM", "Updated 2 hours ago": a time label, then a number soon; or a
// date first and an update label after it ("23. März 2017, aktualisiert 23. März 2017, 15:43 Uhr").
// `lower`: the paragraph lower-cased.
bool is_time_line(const std::string& lower, std::string_view paragraph) {
  for (std::string_view label : kTimeLabels) {
    if (!std::string_view(lower).starts_with(label) || lower.size() <= label.size()) continue;
    const char next = lower[label.size()];
    if (next != ':' && next != ' ' && label.back() != ':') continue;
    const size_t digit = paragraph.find_first_of("0123456789");
    return digit != std::string_view::npos && digit <= label.size() + 16;
  }
  if (lower.empty() || lower[0] < '0' || lower[0] > '9') return false;
  for (std::string_view label : {"aktualisiert", "updated", "mis à jour", "actualizado", "aggiornato"})
    if (lower.find(label) != std::string::npos) return true;
  return false;
}

// The paragraph without the dashes, colons, bullets and spaces around it.
std::string_view bare(std::string_view text) {
  constexpr std::string_view kAround = " -:|\xC2\xBB\xE2\x80\x93\xE2\x80\x94\xE2\x80\xA2";  // space - : | » – — •
  const size_t first = text.find_first_not_of(kAround);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kAround) + 1 - first);
}

// The text after leading punctuation and spaces (". Imagen: Télam" -> "imagen: télam").
std::string_view bare_start(std::string_view text) {
  const size_t first = text.find_first_not_of(" .,;");
  return first == std::string_view::npos ? std::string_view() : text.substr(first);
}

}  // namespace

bool is_boilerplate_paragraph(std::string_view paragraph) {
  const size_t length = text::utf8_length(paragraph);
  if (length > 400) return false;
  // Lower-cased once: every rule below reads it (at most 400 characters).
  const std::string lower = lower_prefix(paragraph, paragraph.size());
  // A rights notice may run long ("© 2022, Example.com. This article is the copyrighted property
  // of ... Written permission must be obtained before reprint ...").
  if (contains_any(lower, kRightsNotices)) return true;
  if (length <= 300 && starts_with_any(lower, kReaderAppeals)) return true;
  if (contains_any(lower, kPublisherNotices)) return true;
  if (length <= 120 && contains_any(lower, kOfferPromises)) return true;
  // A link to the forum thread about the article: "Alkohol beim Angeln – Diskussion im Forum".
  if (length <= 80 && ends_with_any(lower, kForumLinks)) return true;
  // Sign-up forms' prompts: "Enter your email below to receive future announcements direct to
  // your inbox", "Einfach hier klicken und für das digitale DHB registrieren!".
  if (contains_any(lower, kEmailAsks) && contains_any(lower, kSignUpPromises)) return true;
  if (length <= 150 && contains_any(lower, kClickHere) && contains_any(lower, kRegisterWords)) return true;
  // A listing's count: "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!"
  if (length <= 100 && lower.find("von insgesamt") != std::string::npos && lower.find("angezeigt") != std::string::npos)
    return true;
  // A magazine's plug for its print issue: "Die aktuelle Ausgabe der L-MAG jetzt an jedem Bahnhofskiosk".
  if (length <= 200 && contains_any(lower, kCurrentIssue) && contains_any(lower, kIssueOutlets)) return true;
  if (length <= 300 && (starts_with_any(bare_start(lower), kPostFooters) || is_figure_caption(lower) ||
                        is_server_error(lower) || has_homoglyph_words(paragraph)))
    return true;
  // A line about a newsletter asks for a sign-up: any short one ("Smart is sexy - get our
  // newsletter:"), a longer one when the newsletter is the publisher's own.
  if (length <= 250 && lower.find("newsletter") != std::string::npos && (length <= 80 || contains_any(lower, kOwnNewsletter)))
    return true;
  if (length > 200) return false;
  // Set after a caption's last sentence, a credit may open with its full stop (". Imagen: Télam").
  if (length <= 120 && starts_with_any(bare_start(lower), kCreditPrefixes))
    return true;
  if (length <= 30) {
    const std::string_view label = bare(lower);
    for (std::string_view chrome : kChromeLabels)
      if (label == chrome) return true;
    // A time label with its time elsewhere ("Last Modified:").
    for (std::string_view time_label : kTimeLabels)
      if (label == bare(time_label)) return true;
  }
  if (length <= 100 && starts_with_any(lower, kFeedbackPrompts)) return true;
  if (contains_any(lower, kDisclaimers)) return true;
  // Ad markers before a sponsored line: "ANZEIGE - Heute mal ausgehen?".
  if (length <= 120 && starts_with_any(lower, kAdMarkers)) return true;
  if (length <= 40 && contains_any(lower, kReadingTimeWords) && lower.find_first_of("0123456789") != std::string::npos)
    return true;
  // A short line naming a picture's source: "Stau © aremac / Clipdealer".
  if (length <= 80 && paragraph.find("\xC2\xA9") != std::string_view::npos) return true;
  if (length <= 100 && is_time_line(lower, paragraph)) return true;
  if (paragraph.back() == ')' && starts_with_any(lower, kVersionNotes)) return true;
  // Bytes, not characters: a paragraph of Japanese ending "(c)AFP/Aminu ABUBAKAR" is prose.
  if (paragraph.size() <= 160 && contains_any(lower, kPictureCredits)) return true;
  if (paragraph.size() <= 160 &&
      contains_any(std::string_view(lower).substr(lower.size() > kCreditTailBytes ? lower.size() - kCreditTailBytes : 0),
                   kPictureLibraries))
    return true;
  if (contains_any(lower, kSubscribeWords) && contains_any(lower, kPaywallPromises)) return true;
  if (contains_any(lower, kFollowCalls) && contains_any(lower, kNetworks)) return true;
  if (length <= 150 && contains_any(lower, kLoginWords) && contains_any(lower, kDiscussionWords)) return true;
  if (length <= 150 && starts_with_any(bare_start(lower), kSupportPleas)) return true;
  if (length <= 150 && lower.find(": unterstützen sie") != std::string::npos) return true;
  // "Get the latest news straight to your phone with the VI Consortium app."
  if (length <= 150 && lower.find(" app") != std::string::npos &&
      (lower.find("to your phone") != std::string::npos || lower.find("on your phone") != std::string::npos))
    return true;
  if (lower.find("download") != std::string::npos && lower.find("app") != std::string::npos && contains_any(lower, kAppStores))
    return true;
  return starts_with_any(lower, kReadMorePrefixes);
}

bool is_lead_in(std::string_view paragraph) {
  if (paragraph.empty() || text::utf8_length(paragraph) > 60) return false;
  const char last = paragraph.back();
  return last != '.' && last != '!' && last != '"';
}

}  // namespace storyline::extract
