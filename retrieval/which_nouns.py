"""«في أي مكان …؟», «في أي عام …؟», «ما المدة التي …؟»: the noun that names the answer's type.

After a which-word (أي، بأي، لأي) or «ما» the question may name what kind of thing it asks
for: a place (مكان، منطقة، مدينة…), a time (عام، يوم، شهر…) or an amount (مدة، عدد، نسبة).
That noun is no word of what was asked about: «في أي منطقة تقع القاعدة؟» is answered by
«في مقاطعة آمور», not by «والوضع في المنطقة»; «في أي مكان جرى اللقاء؟» by «في قاعدة
فوستوشني», not by «وبالإشارة إلى مكان انعقاد الاجتماع». The reranker (rerank.py) leaves it
out of the words a passage is matched on and looks, instead, for an answer of its type
(answer_types.py for times and amounts, place_means.py for places).
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import analyze_token, normalize, tokenize
from .questions import bounded, clean_question

__all__ = ["AMOUNT", "PLACE", "TIME", "Framing", "framing"]

PLACE, TIME, AMOUNT = "place", "time", "amount"
QUESTION_WORDS = 6  # the type noun stands this near the question's start


def _terms(words: str) -> frozenset[str]:
    return frozenset(t for w in words.split() if (t := analyze_token(normalize(w))))


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_TYPES = {
    **dict.fromkeys(_terms("مكان موقع منطقة"), PLACE),
    **dict.fromkeys(_terms("وقت"), TIME),
    **dict.fromkeys(_terms("مدة"), AMOUNT),
}
# Only nouns that name nothing but the type. Not these: a noun the passage writes beside the
# answer («ولد في مدينة القاهرة», «في عام 1990», «عاصمتها باريس», «يبلغ عدد سكانها»):
# left out of the match, مدينة دولة بلد قارة ولاية عام سنة يوم شهر تاريخ cost ARCD train
# P@1 0.779 -> 0.776 (`marsad eval`), a place cue for them 0.779 -> 0.775, both 0.775.
_WHICH = _forms("أي اي بأي باي لأي لاي وأي واي")
_WHAT = _forms("ما وما")
_PRONOUN = _forms("هو هي هى")
_HOW_MUCH = _forms("كم")  # «كم من الوقت»
_OF = normalize("من")
_ARTICLE = normalize("ال")


@dataclass(frozen=True)
class Framing:
    """The type noun of a question: its analysed term, and the type it names."""

    term: str
    kind: str  # PLACE, TIME or AMOUNT


def framing(question: str) -> Framing | None:
    """The noun naming the answer's type, when one follows a which-word («في أي منطقة»,
    «بأي مدينة»), «ما [هي]» with the article or in a construct («ما المدة التي», «ما مدة
    المصافحة»), or «كم من» («كم من الوقت»); None for any other question."""
    tokens = tokenize(normalize(bounded(clean_question(question))))[:QUESTION_WORDS]
    for i, token in enumerate(tokens[1:], 1):
        kind = _TYPES.get(analyze_token(token) or "")
        if kind is None:
            continue
        before = tokens[i - 1]
        if before == _OF and i > 1 and tokens[i - 2] in _HOW_MUCH:
            before = tokens[i - 2]
        asked = (before in _WHICH or (before in _HOW_MUCH and tokens[i - 1] == _OF)
                 or ((before in _WHAT or (before in _PRONOUN and i > 1
                                          and tokens[i - 2] in _WHAT))
                     and (token.startswith(_ARTICLE) or i + 1 < len(tokens))))
        if asked:  # «كم من الوقت» asks how long: an amount
            return Framing(analyze_token(token) or token,
                           AMOUNT if before in _HOW_MUCH else kind)
    return None
