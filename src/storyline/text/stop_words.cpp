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
      // Languages of a real stream that had none: without them every document of one language
      // shares its function words and one language's news ran together into one story.
      {"uk", {"і", "й", "в", "у", "на", "з", "із", "зі", "що", "не", "до", "та", "це", "як", "за", "для", "по",
              "від", "він", "вона", "воно", "вони", "ми", "ви", "але", "або", "також", "при", "про", "який", "яка",
              "яке", "які", "щоб", "після", "під", "між", "вже", "ще", "так", "там", "тут", "бути", "було", "був",
              "була", "були", "є", "його", "її", "їх", "цей", "ця", "ці", "той", "ті", "а", "же", "б", "би", "ж",
              "чи", "коли", "тому", "через", "через", "усі", "всі", "свої", "свого", "своєї", "році", "року"}},
      {"ar", {"في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "التي", "الذي", "الذين", "هذا", "هذه",
              "ذلك", "تلك", "مع", "كان", "كانت", "قد", "لا", "ما", "لم", "لن", "هو", "هي", "هم", "كما", "أو", "او",
              "ثم", "بين", "بعد", "قبل", "عند", "كل", "حتى", "وقد", "وفي", "ومن", "وعلى", "أي", "إذا", "انه", "أنه",
              "فيه", "منه", "عليه", "به", "لها", "له", "بها", "فى", "و", "يا", "وهو", "وهي", "لم", "ولا", "أما",
              "إلا", "الا", "غير", "حيث", "خلال", "منذ", "ضد", "لدى", "نحو", "عبر", "وقال", "قال", "وأضاف",
              "يكون", "تكون", "أيضا", "أيضاً", "كذلك", "هناك", "اليوم"}},
      {"fa", {"و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "تا", "بر", "هم",
              "نیز", "شد", "شده", "می", "کرد", "کند", "بود", "های", "ها", "خود", "او", "ما", "شود", "باید", "پس",
              "اما", "اگر", "یا", "چه", "همه", "دیگر", "ای", "وی", "اند", "کرده", "هر", "بین", "پیش", "نمی", "دارد",
              "داد", "گفت", "کنند", "هستند", "بوده", "اینکه", "روز", "سال"}},
      {"zh", {"的", "了", "在", "是", "和", "有", "也", "就", "都", "而", "及", "与", "着", "或", "一个", "没有",
              "我们", "你们", "他们", "她们", "是否", "这", "那", "之", "其", "中", "对", "为", "以", "于", "上",
              "下", "不", "等", "被", "从", "但", "将", "把", "并", "这个", "已经", "还", "又", "很", "给", "让",
              "向", "他", "她", "它", "我", "你", "会", "说", "到", "年", "月", "日", "後", "們", "這", "與", "對",
              "為", "於", "從", "將", "並", "個", "會", "說", "還"}},
      {"ja", {"の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "さ", "ある", "いる", "も", "する",
              "から", "な", "こと", "として", "い", "や", "れる", "など", "なっ", "ない", "この", "ため", "その",
              "あっ", "よう", "また", "もの", "という", "あり", "まで", "られ", "なる", "へ", "か", "だ", "これ",
              "によって", "により", "おり", "より", "による", "ず", "なり", "られる", "において", "ば", "なかっ",
              "なく", "しかし", "について", "せ", "だっ", "できる", "それ", "う", "ので", "なお", "のみ", "でき",
              "き", "つ", "における", "および", "いう", "さらに", "でも", "ら", "たり", "に関する", "たち", "ます",
              "ん", "なら", "です", "でした", "ました", "年", "月", "日"}},
      {"ko", {"이", "그", "저", "것", "수", "등", "들", "및", "에", "의", "가", "을", "를", "은", "는", "로",
              "으로", "에서", "와", "과", "도", "만", "한", "할", "하는", "있는", "있다", "했다", "하고", "밝혔다",
              "위해", "대한", "통해", "이번", "또", "더", "지난", "년", "월", "일"}},
      {"ta", {"ஒரு", "என்று", "மற்றும்", "இந்த", "இது", "என்ற", "கொண்டு", "என்பது", "பல", "ஆகும்", "அல்லது",
              "அவர்", "நான்", "உள்ள", "அந்த", "இவர்", "என", "முதல்", "என்ன", "இருந்து", "சில", "என்", "போன்ற",
              "வேண்டும்", "வந்து", "இதன்", "அது", "அவன்", "தான்", "மேலும்", "பின்னர்", "கொண்ட", "இருக்கும்",
              "தனது", "உள்ளது", "போது", "என்றும்", "அதன்", "தன்", "பிறகு", "அவர்கள்", "வரை", "அவள்", "நீ",
              "ஆகிய", "இருந்தது", "உள்ளன", "வந்த", "இருந்த", "மிகவும்", "இங்கு", "மீது", "ஓர்", "இவை", "பற்றி",
              "வரும்", "வேறு", "இரு", "இதில்", "போல்", "இப்போது", "அவரது", "மட்டும்", "எனும்", "மேல்", "பின்",
              "இன்னும்", "அன்று", "ஒரே", "மிக", "அங்கு", "பல்வேறு", "விட்டு", "பெரும்", "அதை", "பற்றிய", "அதிக",
              "இதனால்", "அவை", "அதே", "ஏன்", "முறை", "யார்", "என்பதை", "எல்லாம்", "மட்டுமே", "அதில்", "நாம்",
              "அதற்கு", "எனவே", "பிற", "மற்ற", "விட", "எந்த", "எனினும்", "அடுத்த", "இதனை", "இதை", "இதற்கு",
              "அதனால்", "தவிர", "போல"}},
      {"bn", {"এই", "ও", "এবং", "থেকে", "করে", "জন্য", "সঙ্গে", "হয়", "হয়েছে", "তার", "তিনি", "একটি", "এক", "না",
              "কি", "যে", "সে", "এর", "কথা", "বলেন", "করা", "হবে", "আর", "করতে", "নিয়ে", "পর", "দিয়ে", "মধ্যে",
              "ছিল", "তাদের", "আমি", "আমরা", "এ", "কোনো", "কিন্তু", "বা", "তবে", "যা", "হয়", "হয়েছে", "নিয়ে",
              "দিয়ে", "গত", "বছর"}},
      {"hi", {"के", "का", "की", "है", "में", "और", "को", "से", "एक", "यह", "पर", "भी", "नहीं", "कि", "था", "हैं",
              "तो", "ने", "हो", "इस", "वह", "कर", "लिए", "गया", "थे", "थी", "रहा", "रही", "रहे", "किया", "करने",
              "साथ", "बाद", "अपने", "कहा", "जो", "या", "तक", "वे", "उन्होंने", "इसके", "उनके"}},
      {"he", {"של", "את", "על", "עם", "זה", "לא", "הוא", "היא", "כי", "גם", "או", "אם", "כל", "מה", "יש", "אבל",
              "אני", "הם", "אשר", "זאת", "היה", "הייתה", "כך", "רק", "עוד", "אחרי", "לפני", "בין", "אל", "מן"}},
      {"tr", {"ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "en", "gibi", "ama", "ya", "ne",
              "o", "şu", "kadar", "sonra", "olan", "ise", "her", "ki", "mi", "değil", "veya", "ancak", "göre", "tarafından"}},
      {"el", {"και", "το", "η", "ο", "να", "του", "της", "στο", "στην", "με", "για", "από", "που", "τα", "οι", "των",
              "σε", "είναι", "θα", "δεν", "ένα", "μια", "τον", "την", "στη", "στον", "στα", "ότι", "αλλά", "ή", "ως"}},
      {"th", {"ที่", "และ", "ใน", "การ", "ของ", "ได้", "เป็น", "มี", "ไม่", "จะ", "ว่า", "ให้", "ก็", "กับ", "แต่",
              "นี้", "ไป", "มา", "ความ", "โดย", "จาก", "แล้ว", "อยู่", "ซึ่ง", "หรือ", "เพื่อ", "คือ", "ถึง", "ต้อง"}},
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
