"""How-many questions: the passage that counts what was asked comes first.

«كم عدد قتلى زلزال الحوز؟» asks a count of the dead. Every passage on the quake holds a
number (a magnitude, 7 درجات; a distance, 71 كيلومترا), so holding one (the answer-type cue)
tells little; the passage that answers prints a number before the counted noun or a word of
its class («خلّف 820 قتيلا», «لقي 29 شخصا حتفهم»: tolls.toll), or says «عدد القتلى … بلغ
11300». A cue for the reranker (rerank.py), never a reason to decline.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import NamedTuple

from .analysis import analyze_token, normalize, tokenize
from .answer_types import NUMBER, TIME, answer_type, count_printed, counted_noun
from .passages import sentences_of
from .questions import bounded, clean_question
from .synonyms import kin
from .tolls import cue_category, toll

__all__ = ["Counted", "asked_count", "asked_toll", "states_count", "tells_toll"]

NUMBER_AFTER = 6  # words a number may stand after «عدد N» («عدد قتلى الفيضانات في درنة بلغ 11300»)


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_HOW_MANY = _forms("كم بكم لكم قديش قديه كام")
# People are counted in persons and souls: «11300 شخص», «1.3 مليار نسمة» count the dead
# or the inhabitants asked about as well as «820 قتيلا» does
_PEOPLE = frozenset(t for w in _forms(
    "سكان مواطن مواطنين لاجئ لاجئين مهاجر مهاجرين طالب طلاب عامل عمال جندي جنود موظف "
    "موظفين مشجع مشجعين زائر زوار سائح سياح ركاب أطفال طفل معتقل أسرى أسير ضحايا")
    if (t := analyze_token(w)) is not None)
_COUNTERS = frozenset(t for w in _forms("نسمة شخص شخصا أشخاص فرد فردا أفراد")
                      if (t := analyze_token(w)) is not None)
_COUNT_TERM = analyze_token(normalize("عدد"))


class Counted(NamedTuple):
    """What a how-many question counts: the noun's terms with the words of its class
    (synonyms.kin; persons and souls for people), and the toll categories the question asks
    (tolls.cue_category of any of its words: «قتلى», «توفي» -> dead)."""

    terms: frozenset[str]
    tolls: frozenset[str]


def asked_count(question: str) -> Counted | None:
    """What a how-many question counts: the noun after «عدد» («كم/ما عدد قتلى …», «عدد
    الضحايا»), a noun counted after «كم» in the accusative («كم قتيلا …»), or a toll's
    noun after «كم» as dialect writes it («كم نازح …»). None when the question asks no
    amount or counts nothing named («كم بلغ التضخم»: a figure, not a count)."""
    if answer_type(question) != NUMBER:
        return None
    found = set(counted_noun(question))
    tokens = tokenize(normalize(bounded(clean_question(question))))
    terms = [analyze_token(t) for t in tokens]
    for word, term in zip(tokens, terms[1:], strict=False):
        if found:
            break
        if term is not None and term != _COUNT_TERM and (
                analyze_token(word) == _COUNT_TERM
                or (word in _HOW_MANY and cue_category(term) is not None)):
            found.add(term)
    if not found:
        return None
    found |= {k for t in found for k in kin(t)}
    tolls = frozenset(c for t in (*found, *terms) if t and (c := cue_category(t)) is not None)
    if not tolls and found <= _COUNTERS:
        return None  # «كم شخصا …» of what befell them: any number of persons is no count
    if tolls or not _PEOPLE.isdisjoint(found):
        found |= _COUNTERS
    return Counted(frozenset(found), tolls)


def states_count(text: str, counted: Counted, weights: Mapping[str, float],
                 aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether a sentence of `text` holding a word of the question counts what it asks
    (`asked_count`): a number follows «عدد» + the noun («عدد قتلى الفيضانات … بلغ 11300
    شخص»); for a toll asked, the sentence states a toll of that category (tolls.toll: «820
    قتيلا», «مقتل 29 شخصا»; «أصيب 22 شخصا» counts no dead); otherwise a number stands right
    before the noun or a word of its class (answer_types.count_printed: «3 ملايين طن»,
    «1.3 مليار نسمة»). Every such sentence, not only the best-matching one: «… ومع ما يقرب
    من 4,462 مليار نسمة» counts Asia's inhabitants in a sentence that does not name Asia.
    `weights`: the question's terms -> idf; `aliases`: their spellings in the corpus."""
    for sentence, _ in sentences_of(text):
        tokens = tokenize(normalize(sentence))
        terms = [analyze_token(t) for t in tokens]
        if any(terms[i] == _COUNT_TERM and terms[i + 1] in counted.terms and any(
                t.isdigit() for t in tokens[i + 2:i + 2 + NUMBER_AFTER])
               for i in range(len(tokens) - 1)):
            return True
        if counted.tolls:
            if not counted.tolls.isdisjoint(c for c, _ in toll(sentence)):
                return True
        elif count_printed(sentence, counted.terms.__contains__, weights, aliases):
            return True
    return False


# Verbs of dying the toll cues do not list as written («في احد مات بالزلزال؟», the dialect's
# «فيه ناس ماتوا» read into MSA)
_DYING = frozenset(t for w in _forms("مات ماتت يموت تموت") if (t := analyze_token(w)))
# Words that deny a toll: «عدم تسجيل أي وفيات», «لم تسفر عن قتلى», «دون وقوع إصابات»
_DENYING = _forms("عدم لم لا ولا ولم دون بدون")
DENIED_WITHIN = 4  # words from the denial to the toll's word


def asked_toll(question: str) -> frozenset[str]:
    """The toll categories a question asks of without asking how many (tolls.cue_category
    of its words, a verb of dying for the dead): «هل سقط قتلى في الزلزال؟», «في احد مات
    بالزلزال؟», «كيف أصيب معظم الجرحى؟». Empty for a how-many question (`asked_count`
    weighs its count), a when-question and one naming no toll."""
    if asked_count(question) is not None or answer_type(question) == TIME:
        return frozenset()  # «متى توفي جبران؟» asks when one man died, of no toll
    terms = [analyze_token(t) for t in tokenize(normalize(bounded(clean_question(question))))]
    return frozenset("dead" if t in _DYING else c for t in terms
                     if t and (t in _DYING or (c := cue_category(t)) is not None))


def tells_toll(text: str, categories: Collection[str]) -> bool:
    """Whether a sentence of `text` states a toll of one of `categories` (tolls.toll: «إصابة
    18 شخصا») or denies one (a denial, then a word of that category within DENIED_WITHIN
    words: «عدم تسجيل أي وفيات»): what a question asking whether or how people died or were
    hurt is answered by, not the quake's magnitude told with every word of it."""
    for sentence, _ in sentences_of(text):
        if not {c for c, _ in toll(sentence)}.isdisjoint(categories):
            return True
        tokens = tokenize(normalize(sentence))
        for i, token in enumerate(tokens):
            if token in _DENYING and any(
                    _toll_word(w, categories) for w in tokens[i + 1:i + 1 + DENIED_WITHIN]):
                return True
    return False


def _toll_word(word: str, categories: Collection[str]) -> bool:
    """Whether `word` names a toll of one of `categories` (tolls.cue_category: «وفيات»,
    «قتلى», «إصابات»; a verb of dying for the dead)."""
    term = analyze_token(word)
    return term is not None and (cue_category(term) in categories
                                 or ("dead" in categories and term in _DYING))
