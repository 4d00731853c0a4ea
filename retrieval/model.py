"""The records that flow through Marsad: articles in, answers out.

Frontends render `Answer`; its `to_json()` is the public `ask --json` contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article after parsing: metadata plus clean body paragraphs."""

    id: str
    title: str
    source: str | None
    date: dt.date | None
    paragraphs: tuple[str, ...]
    url: str | None = None
    # the wire agency its dateline credits (`موسكو (رويترز) -`: agencies.dateline_agency),
    # whose copy the outlet republished
    agency: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class IngestReport:
    """What an ingest did: articles added, replaced, unchanged (same content, same id),
    duplicates (same content under another id, not stored twice), passages indexed, and
    the errors of the articles skipped."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    passages: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Citation:
    """Who carried a statement, and when."""

    article_id: str
    source: str | None
    date: dt.date | None
    # the wire agencies this article's copy of the statement carried (its dateline's, its
    # text's): credited beside this outlet, not beside the hit's
    agencies: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "source": self.source,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass(frozen=True)
class Disagreement:
    """A passage telling a hit's statement, from another outlet, with other figures: its
    rank among the hits (None: ranked below those shown), citation and passage id, and
    what each counts differently (figures.Clash: measure, this hit's figures, the other's)."""

    rank: int | None
    passage_id: int
    article_id: str
    source: str | None
    date: dt.date | None
    figures: tuple[Any, ...]

    def to_json(self) -> dict[str, Any]:
        return {"rank": self.rank, "passage_id": self.passage_id,
                "article_id": self.article_id, "source": self.source,
                "date": self.date.isoformat() if self.date else None,
                "figures": [f.to_json() for f in self.figures]}


@dataclass
class Hit:
    """A ranked passage with its citation."""

    rank: int
    score: float
    text: str
    article_id: str
    title: str
    source: str | None
    date: dt.date | None
    url: str | None = None
    sentence: str = ""
    passage_id: int = -1
    also_reported_by: list[Citation] = field(default_factory=list)
    # the wire agencies the passage came from (its article's dateline, its own attribution
    # «بحسب ما أوردته رويترز»): credited beside the outlet that printed it
    agencies: list[str] = field(default_factory=list)
    # those of `agencies` the hit's own outlet's copies carried (the others are credited
    # beside the outlets in `also_reported_by` whose copies carried them); None: `agencies`
    source_agencies: list[str] | None = None
    # other hits of the same statement whose outlets print other figures (27 dead against
    # 29): shown apart by design, the reader told they disagree
    disagrees_with: list[Disagreement] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.source_agencies is None:  # a hit of one copy: its agencies are its outlet's
            self.source_agencies = list(self.agencies)

    def credited_outlets(self) -> list[Citation]:
        """`also_reported_by` with each known outlet once, its earliest article (the list
        is in date order) with the agencies any of its articles' copies carried: what a
        reader is told. The JSON keeps every article."""
        first: dict[str, int] = {}
        out: list[Citation] = []
        for c in self.also_reported_by:
            if c.source is not None and c.source in first:  # its agencies join the first's
                at = first[c.source]
                out[at] = replace(out[at], agencies=tuple(dict.fromkeys(
                    (*out[at].agencies, *c.agencies))))
                continue
            if c.source is not None:
                first[c.source] = len(out)
            out.append(c)
        return out

    def agency_credits(self) -> list[dict[str, Any]]:
        """Which outlet's copy carried which agency: `{"article_id", "source", "agencies"}`
        for the hit's own article (its outlet's copies), then each article of
        `also_reported_by` whose copy carried one; [] when none did."""
        carried = [(self.citation, self.source_agencies or []),
                   *((c, c.agencies) for c in self.also_reported_by)]
        return [{**c.to_json(), "agencies": list(agencies)} for c, agencies in carried
                if agencies]

    @property
    def citation(self) -> Citation:
        return Citation(self.article_id, self.source, self.date)

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "text": self.text,
            "sentence": self.sentence,
            "article_id": self.article_id,
            "title": self.title,
            "source": self.source,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "passage_id": self.passage_id,
            "also_reported_by": [c.to_json() for c in self.also_reported_by],
            "agencies": list(self.agencies),
            "agency_credits": self.agency_credits(),
            **({"disagrees_with": [d.to_json() for d in self.disagrees_with]}
               if self.disagrees_with else {}),
        }


@dataclass
class Answer:
    """What every frontend renders. `hits` are returned even when not `answered`."""

    question: str
    answered: bool
    hits: list[Hit]
    searchable: bool = True  # False: nothing in the question to search for (empty, emoji...)
    language: str = "ar"  # the question's language (language.py); not "ar": the reader is told
    # that the coverage is Arabic, in their language, never that it is silent
    confidence: float = 0.0  # the decision's probability that hit 1 answers (decide.py)
    signals: tuple[float, ...] = ()  # what the decision weighed (decide.SIGNALS), for eval
    # The question named outlets («ماذا قالت سكاي نيوز عن …»): `outlets`, those of the
    # coverage it named, the only ones its hits come from; `outlet_not_covered`, a known
    # outlet it named that the coverage lacks (its hits then come from the others).
    outlets: tuple[str, ...] = ()
    outlet_not_covered: str | None = None
    # «ماذا حدث في 13 سبتمبر؟»: the day asked (`2023-09-13`, or `09-13` for any year); the
    # hits are then the openings of the articles published that day or the next
    published_on: str | None = None
    # «ماذا نشرت سكاي نيوز؟»: the outlets' latest articles' openings (no subject asked)
    latest: bool = False

    @property
    def related(self) -> bool:
        """Declined, yet passages on the subject exist: frontends say the coverage does
        not answer this directly and show them, labelled as the closest passages."""
        return (not self.answered and self.searchable and bool(self.hits)
                and self.language in ("ar", "und"))

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "language": self.language,
            "hits": [h.to_json() for h in self.hits],
            **({"outlets": list(self.outlets)} if self.outlets else {}),
            **({"outlet_not_covered": self.outlet_not_covered}
               if self.outlet_not_covered else {}),
            **({"published_on": self.published_on} if self.published_on else {}),
            **({"latest": True} if self.latest else {}),
        }
