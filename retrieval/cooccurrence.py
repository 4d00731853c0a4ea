"""Where a question's words meet in a passage: in one sentence, within a few words (issue
12: decline near misses).

A passage can hold every content word of a question and still not say what it asks:
«هل سافر بوتين إلى بيونغيانغ على متن قطار مدرع؟» reaches a passage in which Kim travels
by armoured train and Putin is named in another sentence; «متى زار شويغو فلاديفوستوك؟» one
where Shoigu visits Pyongyang and Vladivostok is where Kim went in 2019. What answers
holds the question's words together: its predicate with its names in one sentence, close
to one another. decide.py weighs the share of the question's idf weight that one sentence
(`sentence_share`) and one run of WINDOW_WORDS words (`window_share`) of the passage hold.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from .analysis import analyze_token, normalize, tokenize
from .passages import sentences_of
from .synonyms import synonyms

__all__ = ["WINDOW_WORDS", "sentence_share", "window_share"]

WINDOW_WORDS = 8  # a run this long holds a short clause: verb, actor, object, place
_CLITICS = tuple(normalize(c) for c in ("ب", "ل", "و", "ف", "ك"))


@lru_cache(maxsize=1 << 14)
def _positions(text: str) -> tuple[str | None, ...]:
    """The analysed term of each word of `text`, in order (None for a stop word or
    punctuation): positions, so that distances count the words a reader sees."""
    return tuple(analyze_token(token) for token in tokenize(normalize(text)))


def _matcher(weights: Mapping[str, float], aliases: Mapping[str, Collection[str]]
             ) -> dict[str, str]:
    """Passage term -> the question term it says: itself, one of its corpus spellings, a
    word of its class (synonyms.py: منح / أهدى), or either with a preposition or
    conjunction the stemmer keeps (بقيمة holds قيمة). A passage term saying two question
    terms says the weightier."""
    says: dict[str, str] = {}
    for term in sorted(weights, key=weights.__getitem__):
        forms = {term, *aliases.get(term, ()), *synonyms(term)}
        for form in forms:
            says[form] = term
            for clitic in _CLITICS:
                says[clitic + form] = term
    return says


def _share(terms: Collection[str], weights: Mapping[str, float], total: float) -> float:
    return sum(weights[t] for t in terms) / total


def sentence_share(text: str, weights: Mapping[str, float],
                   aliases: Mapping[str, Collection[str]]) -> float:
    """The largest share of `weights` (question term -> idf) that one sentence of `text`
    holds (0..1; 0 for no weight). Below the passage's own share when the words asked
    about are spread over its sentences."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    says = _matcher(weights, aliases)
    return max((_share({says[t] for t in held if t in says}, weights, total)
                for _, held in sentences_of(text)), default=0.0)


def window_share(text: str, weights: Mapping[str, float],
                 aliases: Mapping[str, Collection[str]], width: int = WINDOW_WORDS) -> float:
    """The largest share of `weights` that `width` consecutive words of `text` hold (0..1):
    the question's words close together, as a clause that says them all would hold them
    («وزير الدفاع الروسي سيرغي شويغو» holds «وزير الدفاع الروسي», not «وزير الدفاع
    الكوري الشمالي» whose «كوريا الشمالية» stands sentences away)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    says = _matcher(weights, aliases)
    asked: Sequence[str | None] = [says.get(t) if t else None for t in _positions(text)]
    best = 0.0
    for start, term in enumerate(asked):
        if term is None:
            continue  # a run worth weighing starts at a word asked about
        best = max(best, _share({t for t in asked[start:start + width] if t}, weights, total))
    return best
