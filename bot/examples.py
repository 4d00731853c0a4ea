"""The example question every frontend suggests: one chooser for all of them.

/start and /help, the console's help, the "ask in Arabic" notice and the not-a-question
reply all show an example. Over a newsroom's own coverage the seeds' Putin–Kim question is
one its coverage cannot answer: the example is then the coverage's newest headline (a
headline asked as it is is answered by its article); the seeds' questions only while their
subject is covered (or nothing is yet).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from retrieval.analysis import STOPWORDS, normalize
from retrieval.engine import Marsad
from retrieval.model import Answer
from retrieval.store import SourceInfo

EXAMPLES = ("ماذا أهدى بوتين لكيم جونغ أون؟", "أين التقى بوتين وكيم؟")  # over the seeds
_EXAMPLES_SUBJECT = ("بوتين", "كيم")  # EXAMPLES are answered where a headline names both
COMPARE_TOPIC = "الهدايا"  # the topic a compare prompt suggests over the seeds
_HEADLINE_WORD = re.compile(r"[^\W\d_]{3,}")


def _seeds_subject(sources: Sequence[SourceInfo]) -> bool:
    """True while the seeds' subject is covered."""
    return any(all(w in s.title for w in _EXAMPLES_SUBJECT) for s in sources)


def examples(sources: Sequence[SourceInfo], n: int = 2) -> tuple[str, ...]:
    """Up to `n` questions the coverage answers: the seeds' EXAMPLES while the seeds'
    subject is in it; else the headlines of its `n` newest articles; none over a database
    emptied by `marsad remove` (it is not refilled from the seeds, so the seeds' questions
    would be declined)."""
    if not sources:
        return ()
    if _seeds_subject(sources):
        return EXAMPLES[:n]
    newest = sorted(sources, key=lambda s: (s.date is not None, s.date or dt.date.min),
                    reverse=True)
    return tuple(dict.fromkeys(s.title.strip() for s in newest if s.title.strip()))[:n] \
        or EXAMPLES[:n]


def compare_topic(sources: Sequence[SourceInfo]) -> str | None:
    """The topic a compare prompt suggests («:compare درنة»): the seeds' «الهدايا» while
    their subject is covered; else the word the most headlines share, the coverage's
    biggest story (the newest headline's first such word on a tie); None over no articles."""
    if not sources:
        return None
    if _seeds_subject(sources):
        return COMPARE_TOPIC
    newest = sorted(sources, key=lambda s: (s.date is not None, s.date or dt.date.min),
                    reverse=True)
    counts: Counter[str] = Counter()
    printed: dict[str, str] = {}
    for source in newest:
        words = {normalize(w): w for w in _HEADLINE_WORD.findall(source.title)}
        for key, word in words.items():
            if key not in STOPWORDS:
                counts[key] += 1
                printed.setdefault(key, word)
    return printed[counts.most_common(1)[0][0]] if counts else COMPARE_TOPIC


def example(sources: Sequence[SourceInfo]) -> str | None:
    """The one example a notice or a help line shows (see `examples`); None over no
    articles: the notice then suggests no question."""
    found = examples(sources, 1)
    return found[0] if found else None


async def for_answer(engine: Marsad, answer: Answer) -> str | None:
    """The example a terminal rendering of `answer` shows: only the "ask in Arabic" notice
    has one, so the coverage's articles are read for a question in another language only."""
    if answer.language in ("ar", "und"):
        return EXAMPLES[0]
    return example(await engine.sources())
