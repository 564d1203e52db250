#include "storyline/summarize/speech_words.h"

#include <initializer_list>

#include "storyline/core/ascii.h"

namespace storyline::summarize {

bool is_reporting_verb(std::string_view word) {
  return word_in({"said", "says", "told", "tells", "stated", "claimed", "claims", "announced", "insisted", "warned", "warns",
                  "argued", "confirmed", "denied", "noted", "asserted", "declared", "stressed", "added"},
                 word);
}

bool is_quote_verb(std::string_view word) {
  return is_reporting_verb(word) ||
         word_in({"wrote",       "writes",       "explained",  "tweeted",    "posted",     "replied",   "countered",
                  "remarked",    "acknowledged", "emphasised", "emphasized", "urged",      "continued", "adds",
                  "asked",       "responded",    "recalled",   "conceded",   "say",        "observed",  "concluded",
                  "quipped",     "joked",        "complained", "admitted",   "boasted",    "vowed",     "predicted",
                  "suggested",   "wondered",     "exclaimed",  "shouted",    "reported",   "reports",   "echoed",
                  "cautioned",   "charged",      "explains",   "notes",      "argues",     "asks",      "continues",
                  "concedes",    "insists",      "recalls",    "recounted",  "lamented",   "scoffed",   "interjected",
                  "interrupted", "chimed",       "answered",   "demanded",   "proclaimed", "pleaded",   "mused",
                  "offered",     "testified",    "wrote",      "added",      "barked",     "snapped",   "retorted",
                  "reads",       "gushed",       "fumed",      "chided",     "sniped",     "opined",    "marveled",
                  "marvelled",   "scolded"},
                 word);
}

bool is_role_noun(std::string_view word) {
  return word_in({"spokesperson", "spokesman",  "spokeswoman",    "spokespeople", "official",   "officials",  "minister",
                  "secretary",    "president",  "leader",         "envoy",        "ambassador", "diplomat",   "source",
                  "sources",      "delegation", "representative", "adviser",      "advisor",    "aide",       "chief",
                  "executive",    "commander",  "negotiator",     "director",     "chairman",   "chairwoman", "senator",
                  "governor",     "mayor",      "analyst",        "expert",       "premier",    "chancellor", "prosecutor",
                  "lawyer",       "attorney",   "witness",        "general",      "head",       "ceo",        "founder",
                  "king",         "queen",      "emir",           "mullah",       "police",     "government", "ministry",
                  "department",   "embassy",    "council",        "agency",       "army",       "military",   "court",
                  "coach",        "manager",    "captain",        "economist",    "professor",  "researcher", "scientist",
                  "doctor",       "judge",      "mediator",       "mediators"},
                 word);
}

bool is_role_modifier(std::string_view word) {
  return word_in({"supreme",  "foreign",  "interior", "information", "defense", "defence", "finance", "prime",
                  "vice",     "former",   "deputy",   "acting",      "senior",  "top",     "chief",   "special",
                  "national", "security", "state",    "of",          "u.s.",    "us"},
                 word);
}

bool is_message_noun(std::string_view word) {
  return word_in({"message", "statement", "letter", "post", "tweet", "communique", "announcement", "declaration", "video",
                  "note", "speech", "address", "decree"},
                 word);
}

bool is_clause_boundary(std::string_view word) {
  return word_in({"while", "and",     "but",   "however", "although", "though",    "as", "when",
                  "after", "because", "since", "where",   "whereas",  "meanwhile", "so", "then",
                  "that",  "which",   "who",   "also",    "if",       "before"},
                 word);
}

bool is_embedding_verb(std::string_view word) {
  return is_quote_verb(word) ||
         word_in({"called",   "calls",    "described",  "describes",     "referred",      "refers",   "pledged",
                  "pledges",  "promised", "promises",   "vowed",         "vows",          "derided",  "blasted",
                  "slammed",  "praised",  "praises",    "accused",       "accuses",       "dubbed",   "labeled",
                  "labelled", "branded",  "criticized", "criticised",    "hailed",        "mocked",   "decried",
                  "touted",   "predicts", "warned",     "urged",         "urges",         "told",     "tells",
                  "groused",  "defended", "dismissed",  "characterized", "characterised", "insisted", "maintained",
                  "believes", "thinks",   "thought",    "believed"},
                 word);
}

bool is_title_abbreviation(std::string_view word) {
  return word_in({"mr", "mrs", "ms",   "dr",   "rep",  "reps", "sen",  "sens", "gov", "gen",
                  "lt", "col", "sgt",  "capt", "cmdr", "adm",  "prof", "rev",  "st",  "jr",
                  "sr", "hon", "pres", "atty", "supt", "insp", "det",  "mt",   "ft"},
                 word);
}

}  // namespace storyline::summarize
