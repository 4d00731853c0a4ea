"""A question that names an outlet asks what that outlet reported.

«ماذا قالت سكاي نيوز عن الهدايا؟», «الهدايا حسب صحيفة الاتحاد», «ماذا نقلت أ ف ب عن
البندقية؟»: the reader wants that outlet's passages on the topic, not passages that mention
the outlet's name (no article calls itself by name), and neither the name's words nor the
verb of reporting before it («قالت»، «نقلت»، «حسب») are part of the topic: searched as
words they made every such question decline. `named_in` finds the
outlets of the coverage that a question names and returns the question without them; the
engine then answers the rest from those outlets' articles alone.

An outlet is named by its whole name or by a part of it: a part around a separator
(«العربي - أ ف ب» → «أ ف ب»), the name without a leading kind of outlet («صحيفة الاتحاد» →
«الاتحاد») or a trailing «عربية» («سكاي نيوز عربية» → «سكاي نيوز»). A part of one word is
often a common word as well («الاتحاد الأوروبي», «العالم العربي»), so it names the outlet
only where a reader introduces a source: after a kind of outlet («صحيفة»), «حسب/وفق/نقلا
عن», or a verb of reporting in the feminine, as outlets are spoken of («قالت، ذكرت، نقلت»).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .analysis import normalize, tokenize

__all__ = ["Named", "aliases", "named_in"]


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_KINDS = _forms("صحيفة جريدة موقع وكالة وكالات قناة شبكة مجلة إذاعة تلفزيون راديو منصة")
_TRAILING = _forms("عربية العربية عربي نت")
# Words that introduce a source: a one-word name counts right after one of them.
_CUES = _KINDS | _forms(
    "حسب بحسب وفق وفقا وفقاً نقلا نقلاً وبحسب وحسب ووفق "
    "قالت ذكرت نقلت أوردت نشرت كتبت أفادت روت أكدت وصفت تناولت غطت أعلنت بثت "
    "تقول تذكر تنقل تورد تنشر تكتب تفيد")
_ABOUT = normalize("عن")
_DEFINITE = normalize("ال")
_CLITICS = tuple(normalize(c) for c in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"))
_SEPARATORS = re.compile(r"\s+[-–—|/:،,]\s+|\s*[|/،,]\s*")


@dataclass(frozen=True)
class Named:
    """The outlets a question names (as stored), and the question without their names."""

    outlets: tuple[str, ...]
    rest: str


def _words(text: str) -> list[str]:
    return tokenize(normalize(text))


def aliases(outlet: str) -> set[tuple[str, ...]]:
    """The word sequences (normalized) that name `outlet` in a question."""
    found: set[tuple[str, ...]] = set()
    for part in [outlet, *_SEPARATORS.split(outlet)]:
        words = tuple(_words(part))
        while words:
            found.add(words)
            if len(words) > 1 and words[0] in _KINDS:
                words = words[1:]
            elif len(words) > 1 and words[-1] in _TRAILING:
                words = words[:-1]
            else:
                break
    return {a for a in found if a and not (len(a) == 1 and len(a[0]) < 3)}


def _bare(word: str) -> list[str]:
    """The word and what it may be under a clitic: لسكاي → سكاي, وبحسب → بحسب, للجزيرة →
    الجزيرة (ل + الجزيرة)."""
    forms = [word] + [word[len(c):] for c in _CLITICS if word.startswith(c) and len(word) > len(c)]
    if word.startswith("لل") and len(word) > 3:
        forms.append("ال" + word[2:])
    return forms


@functools.lru_cache(maxsize=8)
def _table(outlets: tuple[str, ...]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Each alias under its first word, longest first: one dict lookup per question word."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for outlet in outlets:
        for alias in aliases(outlet):
            table.setdefault(alias[0], []).append((alias, outlet))
    for entries in table.values():
        entries.sort(key=lambda ao: (-len(ao[0]), ao[1]))
    return table


def _is_cue(word: str) -> bool:
    return any(form in _CUES for form in _bare(word))


def _one_word_name(words: list[str], at: int) -> bool:
    """Word `at` names an outlet by itself: right after a source cue («حسب X», «قالت X»,
    «صحيفة X», «نقلا عن X»; «عن X» alone is the topic's: «ماذا قال بوتين عن الاتحاد»),
    and not going on into a longer name («وفق الاتحاد الأفريقي»: a definite word after it)."""
    if at + 1 < len(words) and words[at + 1].startswith(_DEFINITE):
        return False
    if at > 1 and words[at - 1] == _ABOUT and _is_cue(words[at - 2]):
        return True
    return at > 0 and _is_cue(words[at - 1])


def named_in(question: str, outlets: Iterable[str | None]) -> Named | None:
    """The outlets of `outlets` that `question` names, with the question's other words
    (None: it names none). At each word the longest name wins; a one-word name only
    after a cue."""
    table = _table(tuple(sorted({o for o in outlets if o})))
    if not table:
        return None
    words = question.split()
    normal = [" ".join(_words(w)) for w in words]
    taken = [False] * len(words)
    chosen: list[str] = []
    for i in range(len(words)):
        if taken[i]:
            continue
        for first in _bare(normal[i]):
            match = next((ao for ao in table.get(first, ())
                          if tuple(normal[i + 1:i + len(ao[0])]) == ao[0][1:]
                          and (len(ao[0]) > 1 or _one_word_name(normal, i))), None)
            if match is None:
                continue
            alias, outlet = match
            taken[i:i + len(alias)] = [True] * len(alias)
            # the cue is the source's, not asked: «ماذا قالت X», «بحسب X», «نقلا عن X»
            cue = [i - 2, i - 1] if i > 1 and normal[i - 1] == _ABOUT else [i - 1]
            if cue[0] >= 0 and not any(taken[j] for j in cue) and _is_cue(normal[cue[0]]):
                for j in cue:
                    taken[j] = True
            if outlet not in chosen:
                chosen.append(outlet)
            break
    if not chosen:
        return None
    return Named(tuple(chosen), " ".join(w for w, t in zip(words, taken, strict=True) if not t))
