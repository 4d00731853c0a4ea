"""Arabic text analysis for BM25: normalize -> tokenize -> stop words -> light stem.

Built like a Lucene analysis chain: each step is a small function that can be tested
alone, and `analyze` composes them in one place. Index and query text must go through
the same chain, so any change here requires re-indexing.

Decisions (measured on the ARCD train split, see design.md):
- Hamza on waw/yeh carriers is folded to a bare hamza (ؤ, ئ -> ء), pyarabic's "uniform"
  choice: the press spells the same word both ways (مسؤول / مسئول, شؤون / شئون) and
  writers also put it on the line (قاءد / قائد). Folding to و / ي instead would keep
  مسوول and مسيول apart. All three options score the same on ARCD (P@1 0.700).
- ة -> ه and ى -> ي, so "الشمالية" and "الشماليه" meet.
- Stop words include question words (ما ماذا متى كم ...) so a question's interrogative
  never outweighs its content words, and their common typed misspellings (ذ as د:
  مادا، لمادا، مند؛ هاذا): as unknown words they would weigh the most. Likewise the
  dialect question and function words readers type (شو، وين، ليش، إزاي، قديش، امتى، اللي،
  رح، مش): the news is written in MSA, so they never match and would only weigh.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pyarabic.araby as araby

__all__ = [
    "STOPWORDS",
    "accepting_text",
    "analyze",
    "analyze_question",
    "analyze_token",
    "char_ngrams",
    "derived_verbal_noun",
    "join_thousands",
    "normalize",
    "read_accepting",
    "remove_stopwords",
    "stem",
    "surface",
    "tokenize",
]

# --------------------------------------------------------------------------- normalize


def _build_table() -> dict[str, str]:
    """Character -> replacement ("" deletes). The single source of truth for folding."""
    table: dict[str, str] = {}
    # Harakat, shadda, superscript alef, Quranic annotation marks, small waw/yeh.
    for ch in (*araby.DIACRITICS, *araby.TASHKEEL, *araby.SMALL, araby.TATWEEL):
        table[ch] = ""
    for cp in range(0x06D6, 0x06EE):  # every Quranic mark, not only pyarabic's subset
        if unicodedata.category(chr(cp)) == "Mn":
            table[chr(cp)] = ""
    # Zero-width and bidi controls: invisible, but they split or glue words.
    for cp in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[chr(cp)] = ""
    table["\ufeff"] = ""  # BOM / zero-width no-break space
    table["\u061c"] = ""  # ARABIC LETTER MARK
    table["\u00ad"] = ""  # soft hyphen
    # Letter folding.
    for ch in (araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_MADDA,
               araby.ALEF_WASLA):
        table[ch] = araby.ALEF
    table[araby.ALEF_MAKSURA] = araby.YEH
    table[araby.TEH_MARBUTA] = araby.HEH
    table[araby.WAW_HAMZA] = araby.HAMZA
    table[araby.YEH_HAMZA] = araby.HAMZA
    # Urdu and Persian keyboards type their own code points for Arabic letters.
    for ch in ("\u06cc", "\u06d2", "\u06d0"):  # Farsi yeh, yeh barree, Pashto yeh (ی ے ې)
        table[ch] = araby.YEH
    table["\u06d3"] = araby.HAMZA  # yeh barree with hamza (ۓ), as ئ folds
    for ch in ("\u06a9", "\u06aa"):  # keheh, swash kaf (ک ڪ)
        table[ch] = araby.KAF
    # Letters for sounds MSA lacks: Iraqi and Gulf writers type گ for the ق they say as g
    # (گال = قال); ڤ and پ are a v and a p the press writes ف and ب.
    table["\u06af"] = "\u0642"
    table["\u06a4"] = "\u0641"
    table["\u067e"] = "\u0628"
    for ch in ("\u06c1", "\u06be", "\u06c2", "\u06d5", "\u06c0", "\u06c3"):  # ہ ھ ۂ ە ۀ ۃ
        table[ch] = araby.HEH  # heh goal, doachashmee, ae, heh+yeh, and teh marbuta goal
    # Digits: Arabic-Indic and Persian (Extended Arabic-Indic) -> ASCII.
    for i, ch in enumerate(araby.NUMBERS_EAST):
        table[ch] = str(i)
    for i, ch in enumerate(araby.NUMBERS_PERS):
        table[ch] = str(i)
    return table


_TABLE = _build_table()
# Marks to delete are sparse: one regex pass. The letters to fold are few: str.replace
# per letter is a C loop and ~5x faster than str.translate with a dict on Arabic text.
# No replacement target is itself a source, so the order of replacements is irrelevant.
_DELETE_RE = re.compile("[" + re.escape("".join(c for c, r in _TABLE.items() if not r)) + "]")
_REPLACEMENTS: tuple[tuple[str, str], ...] = tuple((c, r) for c, r in _TABLE.items() if r)


def normalize(text: str) -> str:
    """Fold spelling variants so that the same word always yields the same string.

    NFKC first (presentation forms and ligatures such as ﻻ become plain letters), then
    drop diacritics, tatweel and invisible controls; fold alef forms, ى, ة, hamza
    carriers (ؤ ئ -> ء), the Urdu/Persian letters for yeh, kaf and heh/teh marbuta
    (ی ک ہ ۃ ە ۀ ھ ے ۓ), گ ڤ پ (ق ف ب) and digits; lowercase Latin.
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _DELETE_RE.sub("", text)
    for src, dst in _REPLACEMENTS:
        if src in text:
            text = text.replace(src, dst)
    return text.lower()


# --------------------------------------------------------------------------- tokenize

# Letters and digits only: \w minus underscore. Arabic punctuation (، ؛ ؟) and quotes
# are not \w, so they can never be glued to a word.
_TOKEN_RE = re.compile(r"[^\W_]+")
_find_tokens = _TOKEN_RE.findall
# «11,300» (and the Arabic thousands separator, «11٬300») is one number, as «11300» is:
# a comma between a digit and exactly three more digits groups thousands. «2,5» (a
# decimal comma) and «2023، 300» (a list) are not grouped.
_THOUSANDS = re.compile(r"(?<=\d)[,\u066c](?=\d{3}(?!\d))")


def join_thousands(text: str) -> str:
    """`text` with thousands separators between digits dropped («11,300» -> «11300»), so a
    number reads the same however an outlet groups its digits."""
    return _THOUSANDS.sub("", text) if "," in text or "\u066c" in text else text



def tokenize(text: str) -> list[str]:
    """Split already normalized text into runs of letters and digits.

    A whitespace-separated chunk that is all letters and digits (`str.isalnum`, the very
    characters the regex matches) is a token as it is; only the others (a word with its
    comma, a number with its sign) go through the regex: half the time on news text."""
    out: list[str] = []
    for chunk in text.split():
        if chunk.isalnum():
            out.append(chunk)
        else:
            out += _find_tokens(join_thousands(chunk))
    return out


# --------------------------------------------------------------------------- stop words
# («ضد», against, is no stop word: «ضد من …؟» asks the side fought, and the passage saying
# «ضد X» answers it. Kept as a term (para21): development paraphrase +4, typo +1, no near
# miss answered, ARCD P@1 unchanged or better.)

_STOPWORDS_RAW = """
ما ماذا من متى كم هل كيف لماذا لما أين اين أي أية أيه اي ايه ايها أيها ايان كيفما
في على الى إلى عن مع منذ مذ حتى بين عند لدى لدي نحو خلال حول دون عبر تحت فوق
امام أمام وراء خلف قبل بعد بعض كل غير سوى مثل لدى الا إلا حيث حين بينما
و ف ب ل ك ثم او أو أم ام بل لكن لكنه لكنها لان لأن إن ان أن إنه انه أنه انها أنها
كان كانت يكون تكون كانوا يكونوا ليس ليست لست قد لقد لم لن لا سوف س
هو هي هم هن هما انت أنت انا أنا نحن انتم أنتم
هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك أولئك هناك هنا هنالك
الذي التي الذين اللذين اللتين اللاتي اللواتي اللذان اللتان
عليه عليها عليهم فيه فيها فيهم منه منها منهم له لها لهم به بها بهم اليه إليه اليها إليها
عنه عنها عنهم
إذ اذ إذا اذا لو لولا كلما كما أيضا ايضا فقط جدا
وهو وهي وهم وقد ولم ولا وما ومن وفي وعلى وإلى والى وعن ومع وبين وان وأن وإن وكان وكانت
وهذا وهذه وذلك وتلك والذي والتي والذين فقد
التى الذى
ماهو ماهي ماهى ماهم بماذا لماذا وماذا وما فما فمن بما مما عما ممن عمن لمن كيفية
ال تم وكذلك كذلك
بأي بأية لأي لأية وأي وأية فأي وأين وكيف ومتى وكم بكم وهل فهل ولماذا فماذا ومنذ
مادا لمادا بمادا ومادا هاذا هاذه بهاذا مند
يا أيا رجاء رجاءً فضلك فضلكم لو سمحت سمحتم أخبرني اخبرني أخبرنا قل لي لنا
شو ايش إيش وش شنو شنهو وين فين وينه فينه منين ليش ليه ازاي إزاي كيفاش كام قديش قداش
امتى إمتى ايمتى إيمتى مين إيه ايه اللي الي هاد هادا هادي هيدا هيدي دا دي دول عشان علشان
رح راح حيكون بدي بدو مش مو موش مب ماهي مافي
شكد شقد قديه شلون شلونه اكو ماكو هسه هسع هيج لويش منو
واش علاش شكون كيفاش شحال فوقاش فاش اش آش غادي غادية ديال بزاف دابا
يبي تبي يبغى ابغى أبغى وايد
عايز عايزة عاوز عاوزة ده كده كدا بتاع بتاعة اوي أوي برضه برضو لسه
هلق هلأ هيك كتير بدها بدهم بدك شي مشان منشان لسا
"""

# The particles أنّ/إنّ/لكنّ/كأنّ with a pronoun or a preposition glued to them (بأنها، لأنه،
# فإنهم، وكأنها): function words in every form, but too many to list. A form that,
# normalized, is also a name or a noun stays a word: بأن is بان (بان كي مون), بأنك is
# بانك (سيتي بانك).
_PARTICLES = ("أن", "إن", "لكن", "كأن")
_PARTICLE_PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_PARTICLE_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم", "كما", "ي")
_NAMES_TOO = ("بان", "بانك", "بانكم", "كاني")
_GLUED_PARTICLES = {normalize(p + a + s) for p in _PARTICLE_PREFIXES for a in _PARTICLES
                    for s in ("", *_PARTICLE_PRONOUNS)} - set(_NAMES_TOO)

STOPWORDS: frozenset[str] = frozenset(
    {normalize(w) for w in _STOPWORDS_RAW.split()} | _GLUED_PARTICLES)
"""Function and question words, in normalized form; they carry no topic."""


def remove_stopwords(tokens: list[str]) -> list[str]:
    """Drop tokens that are stop words (tokens must already be normalized)."""
    return [t for t in tokens if t not in STOPWORDS]


# --------------------------------------------------------------------------- stemming

# Article and article+preposition prefixes, longest first: the first match wins.
ARTICLE_PREFIXES: tuple[str, ...] = ("وبال", "وكال", "وفال", "ولل", "وال", "بال", "كال", "فال",
                                     "لل", "ال")
# Applied in order, each at most once (ية and ة are already يه and ه after normalize).
_SUFFIXES: tuple[str, ...] = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_MIN_PREFIX_STEM = 2  # الحج -> حج, as in Lucene
# كال "like the" is rare and وكالة (agency) common: وكالات is not و + كال + ات
_LIKE_THE = frozenset(("\u0643\u0627\u0644", "\u0648\u0643\u0627\u0644"))  # كال وكال
_MIN_SUFFIX_STEM = 3  # but سكان stays سكان, not سك (measured: +0.4 P@1 points on ARCD)
_WAW = "\u0648"
_TA = "\u062a"
_TA_PRONOUN = ("\u062a\u0647", "\u062a\u0647\u0627")  # ته، تها
_MIN_TA_STEM = 4  # زيارت -> زيار, رحلت -> رحل; بيته, وقته, صوته keep their ت
# A four-letter stem in و whose و is the root's, not «and»: stripped, it would leave a
# two-letter stem plus ت (وقعت -> قعت, never meeting وقع) or, under a feminine ending, a
# hollow verb (وزارة -> زار «visited», وكالة -> كال). Measured on ARCD train and every
# seed set: unchanged (the seeds' top passages, P@1 0.781); a guard on every feminine ending
# lost 11 seed questions (وتوجه, a verb, ends in ه as ة does once normalized).
_ROOT_WAW = 4
_ALEF = "\u0627"
_FEMININE = ("\u0647", "\u0627\u062a")  # ة (normalized ه) and ات
# The same, for stemming at speed (ingest stems every new word form): the prefixes of each
# length, longest first (at most one of a length can match), and the suffixes' last letters.
_PREFIXES_BY_LENGTH = tuple(
    (n, frozenset(p for p in ARTICLE_PREFIXES if len(p) == n))
    for n in sorted({len(p) for p in ARTICLE_PREFIXES}, reverse=True))
_SUFFIX_ENDS = frozenset(s[-1] for s in _SUFFIXES)
_ARABIC_LETTERS = "".join(map(chr, range(0x621, 0x64B)))  # \u0621-\u064a


def _is_arabic_word(token: str) -> bool:
    """Only stem Arabic letters: digits and Latin words stay as they are."""
    return not token.strip(_ARABIC_LETTERS)


def _strip_article(token: str) -> str:
    for n, prefixes in _PREFIXES_BY_LENGTH:
        head = token[:n]
        if head in prefixes and len(token) - n >= _MIN_PREFIX_STEM + (head in _LIKE_THE):
            return token[n:]
    return token


def _strip_waw(token: str) -> str:
    # Bare و (conjunction), also after an article: otherwise وزير -> زير but
    # الوزير -> وزير and the two never meet.
    return token[1:] if token.startswith(_WAW) and len(token) > 3 else token


def surface(token: str) -> str:
    """A word form without its article (and a preposition or و before it: القفاز,
    والقفاز, بالقفاز -> قفاز), its ending kept. Input must be normalized."""
    if len(token) <= _MIN_PREFIX_STEM or not _is_arabic_word(token):
        return token
    return _strip_article(token)


def stem(token: str) -> str:
    """Light stemming (Larkey-style, like Lucene's ArabicStemmer).

    Strips one article/preposition prefix, then common suffixes in turn, then a bare و
    from what is left if 4+ letters remain; a prefix only if 2 letters remain, a suffix
    only if 3 do, so short words and names survive. The suffixes are stripped again while
    a pass strips one, so that an adjective in ي/يه meets its noun (الإيرانية: ايران, then
    اير as إيران; العثمانية as عثمان; رواياته as روايات); a later pass never leaves fewer
    than three letters besides a leading و (ومدينة stays مدينة's مدين). The و goes last
    so that a word whose root starts with it analyses alike whatever its ending (الوفد,
    الوفدين -> وفد; taken first, الوفدين lost its و and became فدين). Digits and Latin are
    left alone. Input must be normalized.
    """
    if len(token) <= _MIN_PREFIX_STEM or not _is_arabic_word(token):
        return token
    token = _strip_article(token)
    # a noun in ة with a pronoun: زيارته, رحلتها -> زيارة, رحلة (ة is ه once normalized)
    pronoun = token.endswith(_TA_PRONOUN)
    feminine = token.endswith(_FEMININE)
    least = _MIN_SUFFIX_STEM
    previous = None
    # again while a pass strips (الايرانيه -> ايران -> اير) and a suffix may end the word
    while previous != token and token[-1] in _SUFFIX_ENDS:
        previous = token
        for s in _SUFFIXES:
            if token.endswith(s) and len(token) - len(s) >= least:
                token = token[: -len(s)]
        least = _MIN_SUFFIX_STEM + token.startswith(_WAW)  # ومدينه stays مدين
    if pronoun and token.endswith(_TA) and len(token) >= _MIN_TA_STEM:
        token = token[:-1]
    if len(token) == _ROOT_WAW and token.startswith(_WAW):
        if token.endswith(_TA):  # وقعت, وصلت, وجدت: و + a 2-letter stem + ت is a verb in و
            return token[:-1]
        if feminine and token[2] == _ALEF:  # وزارة, وكالات: not و + زار (visited)
            return token
    return _strip_waw(token)


# --------------------------------------------------------------------------- «قبل» the verb

# «قبل» is the preposition «before» (a stop word) and the verb «accepted»: «وقبل بوتين
# الدعوة»، «قبلت الحكومة العرض». Where it is the verb, the form is read as `ACCEPTED`, the
# accepting class's present (lexicon.py: وافق، قبول، لبى), so «هل وافق X على …؟» meets it.
# A form with a subject's ending (قبلت، قبلوا) is always the verb; the bare form is the verb
# before a name (a word no article, pronoun, feminine ending or verbal-noun pattern marks
# as a noun the preposition governs: «قبل بوتين» but not «قبل بدء»، «قبل وصوله»، «قبل
# انطلاق»، «قبل يومين») or before a definite noun of someone who accepts or something
# accepted («قبل الرئيس»، «قبل الدعوة»; not «قبل الزيارة»، «قبل الحرب»).
ACCEPTED = "يقبل"
_QABL = "قبل"
_BARE_QABL = frozenset(p + _QABL for p in ("", "و", "ف"))
_VERB_QABL = frozenset(p + _QABL + s for p in ("", "و", "ف") for s in ("ت", "وا"))
# Indefinite nouns a preposition «قبل» governs that no pattern below marks: spans of time
# and the shortest verbal nouns of beginning, ending, coming and going.
_AFTER_BEFORE_RAW = """
يوم يومين أيام ساعة ساعتين ساعات دقيقة دقيقتين دقائق ثانية ثوان أسبوع أسبوعين أسابيع
شهر شهرين أشهر شهور عام عامين أعوام سنة سنتين سنوات سنين عقد عقدين عقود
قرن قرنين قرون لحظة لحظات قليل فترة مدة وقت أوان موعد حوالي زهاء بدء
بداية نهاية سفر غزو عرض رحيل مجيء موت مقتل فوات إجراء انتهاء مطلع منتصف
أواخر أوائل نحو عشية ليلة صباح مساء ظهر فجر سن ثلاث ثلاثة أربع أربعة خمس خمسة
ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر عشرة عشرين مئة مائة مئات ألف
آلاف نصف ربع ثلث بضع بضعة عدة أكثر أقل
"""
_AFTER_BEFORE = frozenset(normalize(w) for w in _AFTER_BEFORE_RAW.split())
# Definite nouns after a verb «قبل»: who accepts (its subject) or what is accepted (its
# object), as the press writes them; «قبل» before any other definite noun is «before».
_ACCEPTS_RAW = """
الرئيس الزعيم الملك الأمير الوزير الحكومة البرلمان المجلس الطرفان الطرفين الجانب المستشار
الرئيسان الوفد الحزب الاتحاد النادي اللاعب المدرب الشركة المحكمة القاضي الدعوة الدعوات
العرض العروض الاقتراح المقترح الطلب الطلبات المبادرة الهدية الاستقالة الشروط الشرط الوساطة
التسوية العضوية المنصب التعيين الاعتذار التحدي النتيجة النتائج القرار الخطة الصفقة الهدنة
التفويض الترشيح العطاء التبرع المساعدة المساعدات
"""
_ACCEPTS_OR_ACCEPTED = frozenset(stem(normalize(w)) for w in _ACCEPTS_RAW.split())
_PRONOUN_ENDS = tuple(normalize(s) for s in ("ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم"))
_BY = frozenset(("من", "ومن", "فمن"))  # «من قبل X» is «by X» (and «من قبل» «before»)


def derived_verbal_noun(word: str) -> bool:
    """Whether a bare normalized word (no article, no pronoun) has the shape of a verbal
    noun of the derived forms (اجتماع، انطلاق، استقبال، إعلان، توقيع), which is no name:
    after «قبل» it is what a preposition governs, after لـ a purpose («لتطويرها»), not
    the one an action is for."""
    n = len(word)
    return ((n == 6 and word[0] == "ا" and word[4] == "ا" and word[2] in "تط")  # اجتماع
            or (n == 6 and word.startswith("ان") and word[4] == "ا")  # انطلاق
            or (n == 7 and word.startswith("است") and word[5] == "ا")  # استقبال
            or (n == 5 and word[0] == "ا" and word[3] == "ا")  # إعلان
            or (n == 5 and word[0] == "ت" and word[3] == "ي"))  # توقيع


def _noun_governed(word: str) -> bool:
    """Whether an indefinite word after «قبل» looks like the noun a preposition governs
    (a verbal noun, a span of time, a noun with a pronoun) rather than a name."""
    return (word in _AFTER_BEFORE or word.endswith(_PRONOUN_ENDS) or not word.isalpha()
            or derived_verbal_noun(word)
            or (len(word) == 4 and word[2] in "وا"))  # وصول، دخول، بناء


def accepting(word: str, after: str) -> bool:
    """Whether normalized token `word` is the verb «قبل» (accepted) and not the
    preposition «before», `after` being the normalized token right after it ("" if none)."""
    if word in _VERB_QABL:
        return True
    if word not in _BARE_QABL or not after or after in STOPWORDS:
        return False
    if after.startswith("ال"):
        return stem(after) in _ACCEPTS_OR_ACCEPTED
    return not _noun_governed(after)


def read_accepting(forms: list[str]) -> list[str]:
    """Whitespace-separated word forms (normalized or raw) with each verb «قبل» replaced
    by `ACCEPTED`; a form with punctuation around «قبل» («قبل،») or after «من» («من قبل
    الاتحاد»: by) is left alone, and so is a list with no such form (the same list is
    returned)."""
    found = [i for i, f in enumerate(forms) if (f in _BARE_QABL or f in _VERB_QABL)
             and not (i and forms[i - 1] in _BY)]
    if not found:
        return forms
    out = list(forms)
    for i in found:
        following = normalize(forms[i + 1]) if i + 1 < len(forms) else ""
        after = _find_tokens(following)
        if after and not following.isalnum() and not after[0].startswith("ال") \
                and forms[i] in _BARE_QABL:
            continue  # «قبل آدم،»: a verb «قبل» goes on to what is accepted
        if accepting(forms[i], after[0] if after else ""):
            out[i] = ACCEPTED
    return out


def accepting_text(text: str) -> str:
    """Normalized `text` with each verb «قبل» read as `ACCEPTED`: what analysis and the
    word-level signals read (the text shown is never changed). Text with no such form is
    returned as it is; otherwise its forms are joined by single spaces."""
    if _QABL not in text:
        return text
    forms = text.split()
    read = read_accepting(forms)
    return text if read is forms else " ".join(read)


# --------------------------------------------------------------------------- chain


@lru_cache(maxsize=1 << 18)
def _analyze_token(token: str) -> str | None:
    """Stop word check plus stem for one word form, cached: word forms repeat a lot."""
    if token in STOPWORDS:
        return None
    return stem(token)


analyze_token = _analyze_token  # one token of normalized text: its term, or None


def analyze(text: str) -> list[str]:
    """The full chain used for both indexing and queries."""
    out: list[str] = []
    for tok in tokenize(accepting_text(normalize(text))):
        term = _analyze_token(tok)
        if term is not None:
            out.append(term)
    return out


def char_ngrams(token: str, n: int = 3) -> list[str]:
    """Character n-grams with boundary markers, for a spelling-tolerant field.

    "#فوستوشني#" shares most trigrams with "#فوستوتشني#", so variants still match.
    Tokens shorter than n yield the whole marked token.
    """
    if n < 1:
        raise ValueError("n must be >= 1")
    marked = f"#{token}#"
    if len(marked) <= n:
        return [marked]
    return [marked[i : i + n] for i in range(len(marked) - n + 1)]


# --------------------------------------------------------------------------- questions

# Answer-type nouns right after a question word ("ما اسم ...؟", "كم عدد ...؟", "ما نوع ...؟")
# name what is asked for, not what it is about: a passage never says "اسم".
_QUESTION_WORDS = frozenset(normalize(w) for w in ("ما", "ماذا", "من", "كم", "أي", "ماهو",
                                                    "ماهي"))
_FRAME_NOUNS = frozenset(normalize(w) for w in ("اسم", "أسماء", "عدد", "نوع"))
# «أسماء الوزراء الذين …»: a request for names opens with the plural noun («اسم القاعدة»
# alone may ask of the word itself: kept, tests/test_quality.py)
_NAMES_ASKED = frozenset(normalize(w) for w in ("أسماء",))


def analyze_question(text: str) -> list[str]:
    """`analyze` for a question: also drops an answer-type noun after a question word, and
    the noun of names opening it («أسماء الوزراء الذين حضروا …»)."""
    out: list[str] = []
    previous = ""
    for tok in _TOKEN_RE.findall(accepting_text(normalize(text))):
        if not ((tok in _FRAME_NOUNS and previous in _QUESTION_WORDS)
                or (tok in _NAMES_ASKED and not previous)):
            term = _analyze_token(tok)
            if term is not None:
                out.append(term)
        if tok not in ("هو", "هي"):  # "ما هو اسم": the question word still leads
            previous = tok
    return out
