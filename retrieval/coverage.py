"""Who reported what: outlets compared on a topic, the articles in date order, each outlet's
record. Plain data for the frontends to render; nothing here prints.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .agencies import agencies_of, credited_agencies
from .decide import ANSWER_COVERAGE, coverage
from .store import SourceInfo, StoredPassage

__all__ = ["COMPARE_DEPTH", "Comparison", "OutletSummary", "OutletView", "Timeline",
           "article_agencies", "compare", "outlet_summaries", "outlets", "timeline"]

COMPARE_DEPTH = 200  # ranked passages searched for each outlet's best one


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


@dataclass(frozen=True)
class OutletView:
    """One outlet's most relevant passage on a topic."""

    source: str | None
    article_id: str
    title: str
    date: dt.date | None
    text: str
    sentence: str
    score: float
    passage_id: int
    url: str | None = None
    in_title: bool = False  # only the headline is on the topic: `sentence` is the headline
    # the wire agencies the passage came from (its article's dateline, its own attributions:
    # agencies.credited_agencies), cited beside the outlet as an answer's hit is (issue 12)
    agencies: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "article_id": self.article_id, "title": self.title,
                "date": _iso(self.date), "text": self.text, "sentence": self.sentence,
                "score": round(self.score, 6), "url": self.url,
                "matched": "title" if self.in_title else "text",
                "agencies": list(self.agencies)}


@dataclass(frozen=True)
class Comparison:
    """Each outlet's take on a topic, most relevant first; `silent`: outlets with nothing."""

    topic: str
    outlets: list[OutletView]
    silent: list[str | None]
    searchable: bool = True
    outlet: str | None = None  # the topic was only an outlet's name: nothing was compared

    def to_json(self) -> dict[str, Any]:
        return {"topic": self.topic, "outlets": [o.to_json() for o in self.outlets],
                "silent": list(self.silent),
                **({"outlet_not_topic": self.outlet} if self.outlet is not None else {})}


def _outlet_order(names: Sequence[str | None]) -> list[str | None]:
    """Named outlets alphabetically, the unknown one last."""
    return sorted({n for n in names if n is not None}) + ([None] if None in names else [])


def outlets(sources: Sequence[SourceInfo]) -> list[str | None]:
    return _outlet_order([s.source for s in sources])


def compare(topic: str, ranked: Sequence[tuple[StoredPassage, float]],
            all_outlets: Sequence[str | None], weights: Mapping[str, float],
            aliases: Mapping[str, frozenset[str]] | None,
            sentence_of: Callable[[str], str]) -> Comparison:
    """Each outlet's best-ranked passage that covers the topic (as an answer must: decide.py).

    An outlet whose passages never do, but whose headline does, is shown by that headline
    (its framing) over its best-ranked passage; an outlet with neither is silent."""
    views: dict[str | None, OutletView] = {}
    for in_title in (False, True):  # passages first; a headline only for outlets left over
        for passage, score in ranked:
            shown = passage.title if in_title else passage.text
            if passage.source in views or coverage(shown, weights, aliases) < ANSWER_COVERAGE:
                continue
            views[passage.source] = OutletView(
                passage.source, passage.article_id, passage.title, passage.date, passage.text,
                shown if in_title else sentence_of(shown), score, passage.id, passage.url,
                in_title=in_title, agencies=credited_agencies(passage))
    silent = [o for o in _outlet_order(list(all_outlets)) if o not in views]
    return Comparison(topic, list(views.values()), silent)


@dataclass(frozen=True)
class Timeline:
    """Articles in date order; undated ones apart (never given a date). `agencies`: article
    id -> the wire agencies it came from (`article_agencies`; absent: none), cited beside
    the outlet."""

    dated: list[SourceInfo]
    undated: list[SourceInfo]
    agencies: Mapping[str, list[str]] = field(default_factory=dict)

    def agencies_of(self, article: SourceInfo) -> list[str]:
        """The agencies `article` came from; [] for an outlet's own story."""
        return list(self.agencies.get(article.id, ()))

    def to_json(self) -> dict[str, Any]:
        def item(s: SourceInfo) -> dict[str, Any]:
            return {"id": s.id, "title": s.title, "source": s.source, "date": _iso(s.date),
                    "agencies": self.agencies_of(s)}
        return {"dated": [item(s) for s in self.dated],
                "undated": [item(s) for s in self.undated]}


def timeline(sources: Sequence[SourceInfo],
             agencies: Mapping[str, list[str]] | None = None) -> Timeline:
    """`sources` in date order; `agencies` as `article_agencies` reads them."""
    dated = sorted((s for s in sources if s.date is not None),
                   key=lambda s: (s.date, s.source or "", s.id))
    undated = sorted((s for s in sources if s.date is None),
                     key=lambda s: (s.source is None, s.source or "", s.id))
    return Timeline(dated, undated, dict(agencies or {}))


READ_CHUNK = 500  # passages read a query (SQLite's bound parameters are limited)


async def article_agencies(store, crediting: Sequence[int] = ()) -> dict[str, list[str]]:
    """Article id -> the agencies it came from, read as an answer reads a hit's
    (`agencies.agencies_of`): its dateline («موسكو (رويترز) -») first, then those its
    passages `crediting` (the ids of those that may credit one) credit («ونقلت وكالة
    رويترز عن …»), in passage order; never the article's own outlet (an article of
    «وكالة الأناضول» credits no one else)."""
    rows = await store.db.execute_fetchall(
        "SELECT id, source, agency FROM articles WHERE agency IS NOT NULL")
    found = {aid: agencies_of("", source, agency) for aid, source, agency in rows}
    ids = list(crediting)

    def read() -> list[StoredPassage]:
        return [p for start in range(0, len(ids), READ_CHUNK)
                for p in store.passages(ids[start:start + READ_CHUNK]).values()]

    for p in sorted(await asyncio.to_thread(read), key=lambda p: (p.article_id, p.ordinal)):
        found.setdefault(p.article_id, []).extend(agencies_of(p.text, p.source, None))
    return {aid: list(dict.fromkeys(names)) for aid, names in found.items() if names}


@dataclass(frozen=True)
class OutletSummary:
    """One outlet: its articles, their dates, and its statements other outlets carried."""

    source: str | None
    articles: int
    first_date: dt.date | None
    last_date: dt.date | None
    undated: int
    corroborated: int

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "articles": self.articles,
                "first_date": _iso(self.first_date), "last_date": _iso(self.last_date),
                "undated": self.undated, "corroborated": self.corroborated}


# Statements (distinct sentences) of each outlet that another outlet's article also carried.
# Two articles of one named outlet are one outlet; an unnamed one is never the same as another.
_CORROBORATED = """
WITH pairs(p, s, o) AS (
    SELECT passage, sentence, other FROM corroborations
    UNION ALL SELECT other, other_sentence, passage FROM corroborations)
SELECT a.source, COUNT(DISTINCT pairs.p || ':' || pairs.s)
FROM pairs
JOIN passages pp ON pp.id = pairs.p JOIN articles a ON a.id = pp.article_id
JOIN passages po ON po.id = pairs.o JOIN articles b ON b.id = po.article_id
WHERE a.id != b.id AND NOT (a.source IS NOT NULL AND a.source IS b.source)
GROUP BY a.source
"""


async def outlet_summaries(store, sources: Sequence[SourceInfo]) -> list[OutletSummary]:
    carried = {r[0]: r[1] for r in await store.db.execute_fetchall(_CORROBORATED)}
    out = []
    for name in outlets(sources):
        mine = [s for s in sources if s.source == name]
        dates = [s.date for s in mine if s.date is not None]
        out.append(OutletSummary(name, len(mine), min(dates, default=None),
                                 max(dates, default=None), len(mine) - len(dates),
                                 int(carried.get(name, 0))))
    return out
