#include "storyline/label/name_cues.h"

#include <initializer_list>

#include "storyline/core/ascii.h"

#include "storyline/text/stop_words.h"
#include "storyline/text/tokenize.h"

namespace storyline::label {

// Titles and roles written capitalized before a name; they are cut off and mark a person.
bool is_title_word(std::string_view word) {
  return word_in({"President",    "Vice",
                  "Secretary",    "Minister",
                  "Prime",        "Foreign",
                  "Interior",     "Defense",
                  "Defence",      "Information",
                  "Finance",      "Spokesman",
                  "Spokesperson", "Spokeswoman",
                  "Leader",       "Supreme",
                  "Chief",        "General",
                  "Gen",          "Senator",
                  "Sen",          "Rep",
                  "Gov",          "Governor",
                  "King",         "Queen",
                  "Prince",       "Pope",
                  "Mullah",       "Sheikh",
                  "Mr",           "Mrs",
                  "Ms",           "Dr",
                  "Prof",         "Judge",
                  "Justice",      "Commander",
                  "Ambassador",   "Envoy",
                  "Director",     "Chairman",
                  "Deputy",       "Former",
                  "Special",      "Representative",
                  "Chancellor",   "Mayor",
                  "Sir",          "Lord",
                  "Lady",         "Emir",
                  "Ayatollah",    "Imam",
                  "Colonel",      "Col",
                  "Captain",      "Capt",
                  "Lt",           "Sgt",
                  "Officer",      "Attorney",
                  "Speaker",      "Executive"},
                 word);
}

// Words inside a title phrase after its head: "Secretary of State", "Minister of Information".
bool is_title_filler(std::string_view word) {
  return is_title_word(word) || word_in({"of", "State", "Homeland", "Security", "Affairs", "the", "for"}, word);
}

bool is_organization_suffix(std::string_view word) {
  return word_in({"Council",    "Department",   "Ministry",       "Network",    "Agency",      "Office",     "Party",
                  "Army",       "Police",       "News",           "Times",      "Post",        "Journal",    "Bank",
                  "Fund",       "Organization", "Organisation",   "Union",      "Committee",   "Commission", "Court",
                  "University", "Institute",    "Association",    "Corp",       "Corporation", "Inc",        "Ltd",
                  "Group",      "Company",      "Press",          "Forces",     "Force",       "Federation", "Movement",
                  "Front",      "Emirate",      "Administration", "Parliament", "Senate",      "Congress",   "Service",
                  "Services",   "Board",        "Authority",      "League",     "Club",        "Foundation", "Center",
                  "Centre",     "Airlines",     "Guard",          "Brigade",    "Taliban",     "Reuters",    "Tribune",
                  "Herald",     "Television",   "Radio"},
                 word);
}

// Lower-case words just before a name that make it a person ("spokesman Zabihullah Mujahid").
bool is_person_context_before(std::string_view word) {
  return word_in({"spokesman", "spokesperson", "spokeswoman", "leader",     "officials", "minister", "president",
                  "envoy",     "tourist",      "journalist",  "reporter",   "analyst",   "chief",    "commander",
                  "director",  "secretary",    "ambassador",  "diplomat",   "senator",   "lawmaker", "candidate",
                  "actor",     "actress",      "singer",      "player",     "coach",     "founder",  "ceo",
                  "chairman",  "judge",        "lawyer",      "professor",  "author",    "writer",   "by",
                  "father",    "mother",       "son",         "daughter",   "wife",      "husband",  "mullah",
                  "colleague", "adviser",      "advisor",     "negotiator", "premier",   "striker",  "manager"},
                 word);
}

bool is_speech_verb(std::string_view word) {
  return word_in({"said", "says", "told", "added", "stated", "claimed", "wrote", "argued", "announced", "explained", "noted",
                  "insisted", "warned", "tweeted", "posted", "confirmed", "denied", "asked", "replied"},
                 word);
}

bool is_location_context_before(std::string_view word) {
  return word_in({"in", "to", "from", "near", "capital", "across", "outside", "inside", "into"}, word);
}

// Capitalized words that open sentences or headlines without naming anything.
bool is_common_capitalized(std::string_view word) {
  std::string folded = text::fold_case(word);
  if (text::is_stop_word("en", folded)) return true;
  return word_in({"However",       "Meanwhile", "Despite",  "Although", "Since",     "Last",      "Some",     "Many",
                  "Most",          "During",    "After",    "Before",   "While",     "Going",     "Every",    "Any",
                  "Our",           "Even",      "Still",    "Yet",      "According", "Although",  "Under",    "Over",
                  "Like",          "Unlike",    "Instead",  "Today",    "Yesterday", "Tomorrow",  "Monday",   "Tuesday",
                  "Wednesday",     "Thursday",  "Friday",   "Saturday", "Sunday",    "January",   "February", "March",
                  "April",         "May",       "June",     "July",     "August",    "September", "October",  "November",
                  "December",      "Jan",       "Feb",      "Mar",      "Apr",       "Jun",       "Jul",      "Aug",
                  "Sep",           "Sept",      "Oct",      "Nov",      "Dec",       "Read",      "More",     "Click",
                  "Share",         "Subscribe", "Download", "Submit",   "Leave",     "Reply",     "Scroll",   "Top",
                  "Advertisement", "Photo",     "Image",    "Video",    "Overview",  "Related",   "Comments", "Comment",
                  "Email",         "Follow",    "Sign",     "Log",      "Login"},
                 word);
}

// Lower-case connectors allowed inside a name ("Secretary of State", "Eid al-Adha", "bin Laden").
bool is_name_connector(std::string_view word) {
  return word_in({"of", "al", "bin", "ibn", "de", "la", "le", "von", "van", "der", "den", "del", "da", "du", "el", "ul"},
                 word);
}

// Words after a hyphen that make a name an adjective ("US-led", "Hong Kong-based",
// "President-elect"), not part of a given name.
bool is_hyphen_suffix(std::string_view word) {
  return word_in({"led",        "based",    "backed",   "born",      "run",       "owned",      "made",   "linked",
                  "style",      "era",      "like",     "related",   "wide",      "level",      "free",   "sponsored",
                  "controlled", "held",     "allied",   "aligned",   "friendly",  "speaking",   "bound",  "centric",
                  "funded",     "inspired", "leaning",  "dominated", "occupied",  "registered", "elect",  "designate",
                  "in",         "law",      "year",     "old",       "american",  "born",       "bred",   "educated",
                  "listed",     "flagged",  "brokered", "imposed",   "appointed", "installed",  "minded", "type"},
                 word);
}

}  // namespace storyline::label
