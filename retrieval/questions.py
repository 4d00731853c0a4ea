"""Questions as they arrive from anyone: bounded in cost and safe to echo.

A bot in public groups gets pasted articles, 4096-character spam, a 20,000-letter "word",
lone UTF-16 surrogates from broken clients. None of it may raise, and none of it may cost
more than an ordinary question: analysis reads a bounded prefix, keeps a bounded number of
terms, and drops "words" no language has (their spelling-variant search is quadratic in
their length).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .analysis import (
    STOPWORDS,
    analyze_question,
    analyze_token,
    derived_verbal_noun,
    normalize,
    surface,
    tokenize,
)

MAX_QUESTION_CHARS = 1000  # analysis reads at most this much of a question
MAX_QUESTION_TERMS = 64  # and keeps at most this many terms (in order)
MAX_TERM_CHARS = 40  # a longer letter run is not a word; searching its variants is quadratic

_SURROGATE = re.compile("[\ud800-\udfff]")
_MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")


def clean_question(text: str) -> str:
    """`text` with lone surrogates (unencodable anywhere) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


ZERO_WIDTH_SPACE = "\u200b"
# the word touching a zero width space on either side (letters, digits, harakat, tatweel)
_WORD_BEFORE = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+$")
_WORD_AFTER = re.compile(r"^[\w\u064b-\u065f\u0670\u0640]+")


def read_zero_width_spaces(text: str, known: Callable[[str], bool]) -> str:
    """`text` with each zero width space (U+200B) read as what its writer meant: a space
    between two words («ماذا​أهدى»: a phone or a copied page glued them), or nothing inside
    one word («بو​تين»: a name split by an invisible mark). Joined when the joined word is
    `known` (a term of the index), or when neither side is a word of its own; split when
    either side is a function or question word (STOPWORDS: «ماذا», «من»), or both sides
    are known words. `known(word)`: is the word, as typed, a term of the coverage."""
    if ZERO_WIDTH_SPACE not in text:
        return text
    pieces = text.split(ZERO_WIDTH_SPACE)
    read = pieces[0]
    for piece in pieces[1:]:
        before, after = _WORD_BEFORE.search(read), _WORD_AFTER.match(piece)
        if before is None or after is None:  # beside a space or a mark: it is nothing
            read += piece
            continue
        left, right = before.group(), after.group()
        if known(left + right):
            read += piece
        elif _function_word(left) or _function_word(right) or (known(left) and known(right)):
            read += " " + piece
        else:
            read += piece
    return read


def _function_word(word: str) -> bool:
    """A function or question word standing alone («ماذا», «من», «عن»), not a letter or the
    article a word was cut after («و», «ال»)."""
    form = normalize(word)
    return len(form) >= 2 and form != "ال" and form in STOPWORDS


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


# «في أي يوم من الأسبوع …؟», «في أي شهر من السنة …؟»: the span a day or a month is counted
# in frames the time asked, it is no content to match. Searched, «الأسبوع» (which the
# coverage never writes) weighed as a subject the coverage is silent on, and the answer
# («الأربعاء») was declined. The unit asked («يوم», «شهر») stays: answer_types reads it.
_TIME_FRAME = re.compile(
    r"(?<!\w)([أاإ]ي\s+(?:يوم|شهر|ساع[ةه]|وقت|فصل|سن[ةه]|عام|[أا]سبوع))"
    r"\s+(?:من|في)\s+(?:[أا]يام\s+)?(?:ال[أا]سبوع|السن[ةه]|العام|الشهر|اليوم|النهار)(?!\w)")
# «ماذا فعل بوتين بدلا من مرافقة ضيفه؟», «عوضا عن مواصلة الجولة», «بدل ما يكمّل»: what
# follows «instead of» is the action *not* done, which the passage answering need not
# hold (it says «وبدلا من ذلك، استضاف …»); searched, it led with the passage telling
# that very action. Read only when an action follows (a verbal noun of the derived forms
# or of form III, مرافقة، مواصلة، استقبال; or «ما / أن» and a verb): «بدلا من الورق»
# asks of a thing, which the passage must name. The marker stays, as «بدلا».
_INSTEAD = re.compile(
    r"(?<!\w)[وف]?(?:بدل|عوض)(?:اً|ًا|ا)?(?:\s+(?:من|عن))?\s+(?P<rest>[^\W\d_][^؟?.!؛،,\n]*)")
_ACTION_CLAUSE = frozenset(normalize(w) for w in ("ما", "أن"))


def _instead(match: re.Match[str]) -> str:
    """The «instead of» phrase `match` (_INSTEAD) as «بدلا», when an action follows."""
    first = normalize(match.group("rest").split()[0])
    bare = first.removeprefix(_ARTICLE)
    if first in _ACTION_CLAUSE or derived_verbal_noun(bare) or _form_three(bare):
        return " بدلا "
    return match.group(0)


def _form_three(word: str) -> bool:
    """A verbal noun of form III or VI shape, مفاعلة (مرافقة، مواصلة، متابعة، مشاركة)."""
    return len(word) == 6 and word[0] == normalize("م") and word[2] == normalize("ا") \
        and word[-1] == normalize("ة")


# Words that frame what a question asks without naming anything its answer holds, each
# read only in the shape where it does: «أي قطعة من عتاد …» (which piece of) is «أي عتاد
# …»; «في مجال التكنولوجيا» (in the field of) is «في التكنولوجيا» («في أي مجال …؟» asks
# the field: kept); «بأي عبارة قدّم …» (in what phrase) is «كيف قدّم …» («بأي كلمات …»
# stays: «كلمة» is a speech too); «الإعلام الموالي للكرملين» (loyal to) is «الإعلام …
# الكرملين», the press naming its camp by whom it backs; «الوقوف في صف / مع X» and «جنبا
# إلى جنب مع X» (in X's ranks, side by side) are «إلى جانب X», as the press writes it.
# Each word, searched, weighed as a subject the coverage never names (it writes none).
_FRAME_WORDS = (
    (re.compile(r"(?<!\w)(?:ال)?قطع[ةه]\s+من\s+"), ""),
    (re.compile(r"(?<!\w)(في|ب)\s+مجال(?:ات)?\s+(?=ال)"), r"\1 "),
    (re.compile(r"(?<!\w)ب[أا]ي\s+(?:عبار[ةه]|عبارات|[أا]لفاظ)(?!\w)"), "كيف"),
    (re.compile(r"(?<!\w)(?:ال)?موالي(?:[ةه]|ين|ون)?\s+(?=ل)"), ""),
    (re.compile(r"(?<!\w)[وب]?(?:ال)?وقوف\s+(?:في\s+صف|[إا]لى\s+جانب|بجانب|مع)(?!\w)"),
     "إلى جانب"),
    (re.compile(r"(?<!\w)جنب(?:اً|ًا|ا)?\s+[إا]لى\s+جنب(?!\w)"), "إلى جانب"),
)


def reframed(text: str) -> str:
    """The question without the words that frame what it asks but name nothing a passage
    answering it holds: the span a time asked is counted in (`_TIME_FRAME`: «أي يوم من
    الأسبوع» -> «أي يوم»), the action done «instead» (`_INSTEAD`: «بدلا من مرافقة ضيفه»
    -> «بدلا»), the words that frame it only (`_FRAME_WORDS`: «أي قطعة من», «في مجال»).
    The engine searches and judges the question as this reads it."""
    text = _INSTEAD.sub(_instead, _TIME_FRAME.sub(r"\1", text))
    for pattern, replacement in _FRAME_WORDS:
        text = pattern.sub(replacement, text)
    return text


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
صحيح بشأن بشان هيك كتير هلق هلأ لسا لسه يعني طيب انشغل ينشغل انشغال منشغلا منشغل
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
