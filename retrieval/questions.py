"""Questions as they arrive from anyone: bounded in cost and safe to echo.

A bot in public groups gets pasted articles, 4096-character spam, a 20,000-letter "word",
lone UTF-16 surrogates from broken clients. None of it may raise, and none of it may cost
more than an ordinary question: analysis reads a bounded prefix, keeps a bounded number of
terms, and drops "words" no language has (their spelling-variant search is quadratic in
their length).
"""

from __future__ import annotations

import re

from .analysis import analyze_question, analyze_token, normalize, surface, tokenize

MAX_QUESTION_CHARS = 1000  # analysis reads at most this much of a question
MAX_QUESTION_TERMS = 64  # and keeps at most this many terms (in order)
MAX_TERM_CHARS = 40  # a longer letter run is not a word; searching its variants is quadratic

_SURROGATE = re.compile("[\ud800-\udfff]")
_MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")


def clean_question(text: str) -> str:
    """`text` with lone surrogates (unencodable anywhere) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def without_markup(text: str) -> str:
    """`text` with HTML-like tags (`<b>`, `</i>`, `<br/>`) replaced by spaces: pasted markup
    is not words asked (nor a verb's actor: roles.frame)."""
    return _MARKUP_TAG.sub(" ", text)


def bounded(text: str) -> str:
    """The first MAX_QUESTION_CHARS characters of `text`, cut at a space when one is near."""
    if len(text) <= MAX_QUESTION_CHARS:
        return text
    head = text[:MAX_QUESTION_CHARS]
    space = max(head.rfind(" "), head.rfind("\n"))
    return head[:space] if space > MAX_QUESTION_CHARS * 3 // 4 else head


# «أخبار كسلا», «آخر أخبار الميناء»: the word «news» frames the question, the subject is the
# rest. Searched, it reached «إخبار» (informing) and, one typing slip away, «اختار» (chose):
# a footballer's choice led «أخبار كسلا». Alone («الأخبار») it is the question; other words
# of its root («الإخبارية», «إخبار») are words asked.
_FRAMING = re.compile(r"(?<!\w)[وفب]?(?:ال)?[أا]خبار(?!\w)")


def question_terms(text: str) -> list[str]:
    """The analysed terms of a question, bounded: what the engine searches for. Words a
    reader wraps the question in (`FILLER`: «اشرح لي بالتفصيل», «ما قصة …») are not
    searched, unless nothing else is asked."""
    text = without_markup(bounded(clean_question(text)))  # `<b>` is not a word asked
    terms = [t for t in analyze_question(_FRAMING.sub(" ", text)) or analyze_question(text)
             if len(t) <= MAX_TERM_CHARS]
    return ([t for t in terms if t not in FILLER] or terms)[:MAX_QUESTION_TERMS]


_ARTICLE = normalize("ال")
_FUTURE = tuple(normalize(p) for p in ("سي", "ست", "سن"))  # سيطلق, ستستمر
_IMPERFECT = tuple(normalize(p) for p in ("ي", "ت", "ن"))  # يحكم, تطول: prefix + 3 letters
_NAME_LETTERS = 5  # a bare word this long is rarely a verb of the past: often a name
_VERB_SUFFIXES = tuple(normalize(p) for p in ("ها", "هم", "هما", "تم", "وا", "ني"))
_PLURAL = normalize("ات")
_PAST = normalize("ت")  # اخفقت, اتهمت: ة is ه once normalized, so a final ت is a verb's
# A verb of form VIII whose root starts with ل (التقى، التحق، التزم) begins as a noun with
# the article does; with an object pronoun no noun takes after the article (التقاها،
# التحقوا به، التزمهم), or as the defective التقاه, it is a verb: «الذي التقاه بوتين».
_OBJECT_PRONOUNS = tuple(normalize(p) for p in ("ها", "هم", "هما", "كم", "كما"))
_LAM_VIII = re.compile(normalize("الت") + "[^" + normalize("ا") + "]" + normalize("اه") + "$")
# Words that frame a question without naming its content: verbs that say only that
# something happened, was done, was said or is located (صار، جرى، حصل، فعل، قيل، تقع),
# dialect particles and verbs of wanting (بدها، بدو), "is it true" (صحيح), prepositions
# of topic and source (بشأن، بخصوص، حيال، بحسب، وفق: «بحسب قوله») and «قوله». A
# reader asks «شو صار بمعاهدة الصداقة؟» where a passage says «وُقّعت معاهدة الصداقة»:
# such a word is not evidence that the coverage is silent. decide.py leaves them out.
_LIGHT_WORDS = """
صار صارت يصير بصير جرى جرت يجري تجري حصل حصلت يحصل بيحصل حدث حدثت يحدث تم يتم فعل فعلت
يفعل قام قامت يقوم قيل يقال تقع يقع بتقع بيقع بدو بده بدها بدهم بدي بدك بدنا
صحيح بشأن بشان هيك كتير هلق هلأ لسا لسه يعني طيب
بخصوص حيال إزاء تجاه بحسب حسب وفق وفقا قوله
"""
# The words a reader wraps a question in, which are not searched at all: how much or how
# exactly to tell (بالتفصيل، باختصار، بالضبط، تحديدا، حرفيا، تقريبا، رسميا، فعلا،
# بصراحة), asking and politeness (اشرح، وضح، أريد أن أعرف، هل تعرف، ممكن، أرجو، لو
# تكرمت، لطفا), and nouns that ask for the whole of what follows («ما قصة القفاز؟»، «وش
# سالفة …»، «شو حكاية …»، «ما تفاصيل …»، «ما حقيقة …»). A word the coverage never uses
# is searched as its nearest terms: «قصة» reached a passage on a «رحلة».
_FILLER_WORDS = """
بالتفصيل تفصيلا باختصار بالضبط بالظبط تحديدا بالتحديد حرفيا تقريبا رسميا فعلا حقا
بصراحة اشرح اشرحي وضح أوضح توضح أريد اريد نريد أعرف اعرف تعرف ممكن أرجو أرجوك
ياريت لطفا تكرمت تسمح
قصة قصه سالفة سالفه حكاية حكايه تفاصيل حقيقة
"""
FILLER = frozenset(t for w in _FILLER_WORDS.split() if (t := analyze_token(normalize(w))))
LIGHT = frozenset(t for w in _LIGHT_WORDS.split() if (t := analyze_token(normalize(w)))) \
    | FILLER


# The relative pronouns, which readers often mistype (a letter doubled: اللتى، اللذى; ذ
# written د: الدي). Other function words' slips look like names and nouns (كييف / كيف,
# تملك / تلك), and other slips too (التقى / التي, الدين / الذين, الصين / الذين).
_RELATIVES = frozenset(normalize(w) for w in (
    "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي"))
_THAL, _DAL = normalize("ذ"), normalize("د")


def slipped_function_word(token: str) -> bool:
    """Whether `token` (normalized) is a relative pronoun mistyped: a letter doubled
    (اللتى / التي, اللذى / الذي) or الذي written الدي. Such a word in a question asks
    nothing; decide.py leaves it out when the corpus has no such word."""
    if token in _RELATIVES:
        return False
    if token.replace(_DAL, _THAL) in _RELATIVES and len(token) == 4:
        return True
    return any(token[i] == token[i - 1] and token[:i] + token[i + 1:] in _RELATIVES
               for i in range(1, len(token)))


def word_shapes(text: str) -> dict[str, str]:
    """Each analysed term of a question -> the shape of its word: "definite" (written
    with the article: الصين, والتضخم, a noun naming a subject), "verbal" (an imperfect
    or future prefix, an attached pronoun or a final ت: يحكم, سيطلق, تلقاها, يحتاجه,
    اخفقت: a way of saying something), "light" (a word that frames the question without
    naming its content: صار، جرى، فعل، قيل، بدها; `LIGHT`), "slip" (a function word
    mistyped: اللتى، الدي; `slipped_function_word`), "long" (5+ letters without
    either: ترامب, ماكرون, often a name), or "plain". decide.py weighs words the corpus
    never uses by shape, and leaves light ones out (slips too, when the corpus lacks them)."""
    out: dict[str, str] = {}
    for token in tokenize(normalize(bounded(clean_question(text)))):
        term = analyze_token(token)
        if term is None:
            continue
        bare = surface(token)
        if term in LIGHT:
            shape = "light"
        elif slipped_function_word(token):
            shape = "slip"
        elif token.startswith(_ARTICLE) and len(token) > 5 and (
                token.endswith(_OBJECT_PRONOUNS) or _LAM_VIII.match(token)):
            shape = "verbal"
        elif bare != token and token[:len(token) - len(bare)].endswith(_ARTICLE):
            shape = "definite"
        elif (len(bare) == 4 and bare.startswith(_IMPERFECT)) or (len(bare) >= 4 and (
                bare.startswith(_FUTURE) or bare.endswith(_VERB_SUFFIXES)
                or bare.startswith(_IMPERFECT[0]) or (
                    bare.endswith(_PAST) and not bare.endswith(_PLURAL)))):
            shape = "verbal"
        elif len(bare) >= _NAME_LETTERS:
            shape = "long"
        else:
            shape = "plain"
        if out.get(term, "plain") == "plain":
            out[term] = shape
    return out
