"""What kind of answer a question asks for, and whether a passage holds one where it
matches (issue 12: decline near misses).

«كم عمر لافروف؟» and «متى ولد كيم؟» name what the coverage names; the passage they
reach holds the names but no age and no birth date. A question word says what shape the
answer has: كم/قديش/ما عدد/ما مدة ask for an amount (a number, a count, a duration), متى/
امتى/في أي عام ask for a time. Who, where and what have no general shape to look for and
are left alone. decide.py weighs whether the passage's best-matching sentence holds a
candidate of the asked type (`holds`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from .analysis import analyze, normalize, tokenize
from .passages import split_sentences
from .questions import bounded, clean_question

__all__ = ["NUMBER", "SAYING", "TIME", "YES_NO", "answer_type", "decision_type", "holds",
           "matching_sentences"]

NUMBER, TIME, SAYING, YES_NO = "number", "time", "saying", "yes_no"


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_ASKS = {**dict.fromkeys(_forms("كم بكم لكم قديش قديه قدي كام عدد"), NUMBER),
         **dict.fromkeys(_forms("متى امتى إمتى ايمتى إيمتى امتا إيمتا وقتيش"), TIME)}
_WHICH = _forms("أي اي ما في بأي باي")
_TIME_NOUNS = _forms("عام سنة يوم شهر تاريخ ساعة وقت العام السنة اليوم الشهر التاريخ "
                     "الساعة الوقت")
_NUMBER_NOUNS = _forms("مدة المدة نسبة مقدار حجم")

# Words that state an amount: cardinals and their tens, fractions, vague counts, and the
# dual of a unit (ساعتين: two hours) — besides digits.
_AMOUNT_WORDS = _forms(
    "واحد واحدة اثنان اثنين اثنتين اثنتان ثلاث ثلاثة ثلاثين ثلاثون أربع أربعة أربعين "
    "أربعون خمس خمسة خمسين خمسون ست ستة ستين ستون سبع سبعة سبعين سبعون ثمان ثماني ثمانية "
    "ثمانين ثمانون تسع تسعة تسعين تسعون عشر عشرة عشرين عشرون عشرات مئة مائة مئات مئتين "
    "ألف آلاف ألفين مليون ملايين مليار مليارات نصف ربع ثلث بضع بضعة")
_DUAL_UNITS = re.compile(normalize(
    "^(ساعت|يوم|شهر|عام|سنت|أسبوع|دقيقت)(ين|ان)$"))
_TIME_WORDS = _forms(
    "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين السبت الأحد الاثنين الإثنين "
    "الثلاثاء الأربعاء الخميس الجمعة أمس أمسية اليوم غدا غداة الليلة صباح مساء فجر ظهر "
    "عندما حين أثناء منذ")
# «ماذا قال X؟» asks for words X said: a passage that only names X (in a list of those
# present, as someone met) does not answer. Question words that ask it, verbs of saying
# asked about, and the verbs and marks by which a passage reports speech.
_WHAT = _forms("ماذا ما شو ايش إيش وش شنو بماذا بما")
_SAID = _forms("قال قالت قالوا يقول تقول صرح صرحت حكى حكت علق علقت رد ردت")
_SPEECH = _forms(
    "قال قالت قالوا يقول تقول قائلا قائلة أضاف أضافت مضيفا أكد أكدت مؤكدا أعلن أعلنت "
    "صرح صرحت تصريح تصريحات أشار أشارت مشيرا أوضح أوضحت حذر حذرت محذرا أفاد أفادت "
    "ذكر ذكرت لفت لفتت شدد شددت نفى نفت أعرب أعربت دعا دعت وصف وصفت وصفتها "
    "اعتبر اعتبرت رأى يرى كتب كتبت بيان البيان تحدث تحدثت وتحدثت")
_WHETHER = _forms("هل وهل فهل")  # a yes/no question: a yes needs all of it said
_QUOTES = re.compile("[\"«»“”:]")
_CLITICS = tuple(normalize(c) for c in ("و", "ف", "ب", "ل"))
_ARTICLE = normalize("ال")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(19|20)\d\d")


def answer_type(text: str) -> str | None:
    """What a question asks for, read from its first words: NUMBER (كم، قديش، ما عدد، ما
    مدة: an amount, a count, a duration), TIME (متى، امتى، في أي عام/يوم: a date or a
    time), or None (who, where, what, yes/no: no general shape to look for)."""
    tokens = tokenize(normalize(bounded(clean_question(text))))[:6]
    for i, token in enumerate(tokens):
        if token in _ASKS:
            return _ASKS[token]
        if i and tokens[i - 1] in _WHICH:
            if token in _TIME_NOUNS:
                return TIME
            if token in _NUMBER_NOUNS:
                return NUMBER
    return None


def decision_type(text: str) -> str | None:
    """What the decline decision checks a passage for: `answer_type`'s NUMBER or TIME,
    else SAYING when the question asks what someone said (ماذا قال، شو قال، ايش صرح),
    else YES_NO for هل (a passage answers «هل التقى كيم برئيس الصين؟» only if it says
    all of it: decide.py checks every content word). The reranker keeps to
    `answer_type`: any passage may report speech."""
    kind = answer_type(text)
    if kind is not None:
        return kind
    tokens = tokenize(normalize(bounded(clean_question(text))))[:4]
    if any(t in _SAID and i and tokens[i - 1] in _WHAT for i, t in enumerate(tokens)):
        return SAYING
    return YES_NO if tokens and tokens[0] in _WHETHER else None


def _bare(token: str) -> tuple[str, ...]:
    """The token, without a leading conjunction/preposition, and without the article."""
    forms = [token]
    if len(token) > 3 and token.startswith(_CLITICS):
        forms.append(token[1:])
    forms += [f[len(_ARTICLE):] for f in forms if f.startswith(_ARTICLE) and len(f) > 4]
    return tuple(forms)


def _is_candidate(token: str, kind: str) -> bool:
    if kind == SAYING:
        return any(f in _SPEECH for f in _bare(token))
    if kind == TIME:
        return bool(_DIGIT.search(token)) or any(f in _TIME_WORDS for f in _bare(token))
    if _DIGIT.search(token):
        return not _YEAR.fullmatch(token)  # «منذ عام 2019» states no amount
    forms = _bare(token)
    return any(f in _AMOUNT_WORDS or _DUAL_UNITS.match(f) for f in forms)


def matching_sentences(text: str, weights: Mapping[str, float],
                       aliases: Mapping[str, Collection[str]], before: bool = False
                       ) -> list[str]:
    """The sentences of `text` that hold the most of the question's weight (ties all);
    `before`: each with the sentence before it («وأضاف كيم: ...» then the words said)."""
    scored = []
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        held = set(analyze(sentence))
        scored.append((sum(w for t, w in weights.items()
                           if t in held or not held.isdisjoint(aliases.get(t, ()))),
                       " ".join(sentences[max(i - 1, 0):i + 1]) if before else sentence))
    top = max((w for w, _ in scored), default=0.0)
    return [s for w, s in scored if w == top and w > 0]


def holds(text: str, kind: str, weights: Mapping[str, float],
          aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the sentence of `text` that best matches the question holds a candidate
    answer of `kind` (NUMBER: digits other than a year's, number words, a unit's dual;
    TIME: digits, months, weekdays, yesterday/today, when-clauses; SAYING: a verb of
    saying or a quotation, in it or the sentence before)."""
    return any((kind == SAYING and _QUOTES.search(sentence)) or any(
        _is_candidate(token, kind) for token in tokenize(normalize(sentence)))
        for sentence in matching_sentences(text, weights, aliases, kind == SAYING))
