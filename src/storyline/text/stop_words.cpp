#include "storyline/text/stop_words.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace storyline::text {
namespace {

// Short hand-made lists: Snowball's own lists ship only inside its source tarball, not in
// Debian's libstemmer package. Function words only; content words must stay searchable.
const std::unordered_map<std::string, std::unordered_set<std::string_view>>& stop_lists() {
  static const auto* const kLists = new std::unordered_map<std::string, std::unordered_set<std::string_view>>{
      {"en", {"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
              "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
              "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
              "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
              "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not",
              "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
              "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
              "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
              "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
              "why", "will", "with", "would", "you", "your", "yours", "yourself", "s", "t", "would", "may", "might",
              "must", "shall", "us", "mr", "mrs", "ms", "one", "two", "new", "year", "years", "also", "told", "say"}},
      {"de", {"aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere", "auch",
              "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "daß", "dem", "den", "der",
              "des", "dich", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du",
              "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwas", "für", "gegen", "hab",
              "habe", "haben", "hat", "hatte", "hier", "hin", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "im", "in",
              "ist", "jede", "jedem", "jeden", "jeder", "jetzt", "kann", "kein", "keine", "man", "mich", "mir", "mit",
              "muss", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sein", "seine",
              "sich", "sie", "sind", "so", "soll", "um", "und", "uns", "unter", "vom", "von", "vor", "war", "waren",
              "was", "weil", "wenn", "wer", "werden", "wie", "wieder", "will", "wir", "wird", "wo", "zu", "zum", "zur",
              "über"}},
      {"fr", {"au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et",
              "été", "être", "eu", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me",
              "même", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ont", "ou", "où", "par", "pas", "plus",
              "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "ta", "te", "tes", "toi", "ton", "tu",
              "un", "une", "vos", "votre", "vous", "c", "d", "j", "l", "m", "n", "s", "t", "y", "a", "ai", "avait",
              "comme", "si", "aussi", "entre", "sans", "tout", "tous"}},
      {"es", {"a", "al", "algo", "ante", "antes", "como", "con", "contra", "cual", "cuando", "de", "del", "desde",
              "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso",
              "esta", "está", "este", "esto", "fue", "ha", "han", "hasta", "hay", "la", "las", "le", "les", "lo", "los",
              "más", "me", "mi", "muy", "ni", "no", "nos", "o", "para", "pero", "por", "porque", "que", "qué", "se",
              "ser", "si", "sí", "sin", "sobre", "su", "sus", "también", "te", "tiene", "todo", "tu", "un", "una",
              "uno", "unos", "y", "ya", "yo"}},
      {"it", {"a", "ad", "al", "alla", "alle", "anche", "che", "chi", "ci", "come", "con", "da", "dal", "dalla", "dei",
              "del", "della", "delle", "di", "e", "è", "ed", "gli", "ha", "hanno", "i", "il", "in", "io", "la", "le",
              "lei", "lo", "loro", "lui", "ma", "mi", "ne", "nel", "nella", "non", "o", "per", "più", "quella", "quello",
              "questa", "questo", "se", "si", "sono", "su", "sua", "suo", "tra", "un", "una", "uno"}},
      {"pt", {"a", "ao", "aos", "as", "até", "com", "como", "da", "das", "de", "dela", "dele", "do", "dos", "e", "é",
              "ela", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este", "eu", "foi", "há", "isso",
              "já", "lhe", "mais", "mas", "me", "mesmo", "na", "nas", "não", "nem", "no", "nos", "o", "os", "ou",
              "para", "pela", "pelo", "por", "quando", "que", "se", "sem", "ser", "seu", "sua", "são", "também", "um",
              "uma"}},
      {"ru", {"и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его",
              "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "только", "ее", "её", "мне", "было", "вот",
              "от", "меня", "еще", "ещё", "нет", "о", "из", "ему", "теперь", "когда", "даже", "ну", "ли", "если",
              "уже", "или", "ни", "быть", "был", "него", "до", "вас", "они", "мы", "это", "этот", "этого", "их",
              "чем", "была", "при", "для", "также", "который", "которые", "после"}},
  };
  return *kLists;
}

}  // namespace

bool is_stop_word(std::string_view language, std::string_view folded_word) {
  const auto& lists = stop_lists();
  const auto found = lists.find(std::string(language));
  return found != lists.end() && found->second.contains(folded_word);
}

}  // namespace storyline::text
