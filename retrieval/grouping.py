"""Answer time: one hit per statement, and never a hidden answer (issue 12, item 4).

A ranked passage joins an earlier hit's group (and is credited in its `also_reported_by`)
only when the passage shown carries its statement: the share of the passage's idf weight
that the shown one holds reaches NEAR_DUPLICATE (SAME_ARTICLE_DUPLICATE within one
article; near forms count in proportion to their trigram similarity, as `containment`
in corroborate.py). Containment is checked both ways: a passage that holds the shown one
but says more stays a hit of its own, and only an instance holding as much as the first
(mutual containment) may be shown in its place. A passage holding a question term that
the shown one lacks (in no near form either: بأسيوط holds أسيوط) also stays its own hit.
Overlap alone (shared names and places) never collapses two passages: when in doubt, both
are shown; but the same toll told in other words («3 قتلى و41 جريحا», «مقتل ثلاثة أشخاص
وإصابة 41 آخرين»: tolls.py) of the same event, by another outlet, is the same statement.
A passage printing a number the shown
one does not print (a toll of 29 beside one of 27) is never carried by it.

Everything works on the term ids stored at ingest (`StoredPassage.terms`), the title's
first; every pair is compared at once with a few small matrix products.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from types import MappingProxyType

import numpy as np

from .blas import one_thread
from .corroborate import (
    _INNER_END,
    MIN_TERMS,
    NUMBER,
    SAME_STATEMENT,
    SOFT_TERM,
    _term_trigrams,
    near_pairs,
    numbers,
    stored_title_terms,
)
from .decide import similarity
from .index import BM25Index, unique, unique_inverse
from .term_grams import TermGrams
from .tolls import (
    asks_toll,
    cue_category,
    reporting_term,
    stop_cue_in,
    toll,
    toll_clause,
    toll_term,
    toll_words,
)

__all__ = [
    "EQUALLY_RELEVANT",
    "NEAR_DUPLICATE",
    "SAME_ARTICLE_DUPLICATE",
    "Group",
    "best_instance",
    "carries_linked",
    "group_duplicates",
    "idfs",
    "settled_by",
    "toll_credits",
]

# Shares of a passage's weight the shown one must carry. ARCD train through answer(k=10):
# at 0.6 / 0.45 (the thresholds used before, with plain overlap also collapsing), 47
# questions saw their answering paragraph collapsed into another hit; at 0.75 / 0.6, 38
# (R@5 0.909 -> 0.922, P@1 equal); at 0.9 / 0.7, 26, but then one outlet's restatement
# of another's sentence with a few words added (the seeds' accepted invitation, carried
# at 0.78) is shown twice.
NEAR_DUPLICATE = 0.75  # passage in passage, two articles
SAME_ARTICLE_DUPLICATE = 0.6  # passage in passage of one article (it restates itself)
MIN_WEIGHT = 1e-3  # the least a term weighs in containment
EQUALLY_RELEVANT = 0.9  # instances scoring within 10% of the best are equally relevant
# Shares of a passage's weight the shown one must hold, once the words of the toll are
# left out of both (`_event_shares`), when it states the same toll in other words:
# pages4's Chlef earthquake told by El Khabar and Al Jazeera, newsroom10's arrests after
# the Tunisian cup final told by Sky News Arabia and Al Jazeera (0.35) pass; passages
# that tell mostly something else beside the toll (a prosecutor's inquiry: 0.14, a debate
# on rail safety: 0.08) stay apart, as do other events with the same figures.
TOLL_SHARE = 0.2
TOLL_SHARE_ONE = 0.3
LEAD_SPARE = 3  # passages beyond k whose near forms are searched first (group_duplicates)


@dataclass
class Group:
    """Ranked passages that say one thing: the first, and the others in rank order."""

    members: list[tuple[object, float]]
    credited: list  # members whose statement the first carries (credited as other outlets)
    equivalent: list  # credited members that also carry the first's statement
    first: int = 0  # the first member's position in the ranking
    # ranked passages (other groups' firsts, or passages ranked below the groups) that
    # tell the first's statement but print other figures (27 dead against 29, another
    # outlet's): shown apart, and the reader told they differ
    disputed: list = field(default_factory=list)

    def score_of(self, passage: object) -> float:
        return next(s for p, s in self.members if p is passage)


def idfs(index: BM25Index, term_ids: np.ndarray) -> np.ndarray:
    """rank_bm25's idf of each term id (0 for a term in no live passage), vectorized."""
    from .rerank import doc_freqs

    df_all, n = doc_freqs(index)
    ids = np.asarray(term_ids, np.int64)
    df = np.zeros(len(ids))
    known = (ids >= 0) & (ids < len(df_all))
    df[known] = df_all[ids[known]]
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = np.log(n - df + 0.5) - np.log(df + 0.5)
    raw = np.where(raw < 0, index.params.epsilon * index.average_idf, raw)
    return np.where(df > 0, raw, 0.0)


def _body_terms(passages: Sequence[object]) -> tuple[np.ndarray, np.ndarray]:
    """(owner, term): the distinct term ids of each stored passage's own text (its title's
    left out), owner ascending and terms ascending within it; all passages at once."""
    bodies = [p.terms[stored_title_terms(p):] for p in passages]  # type: ignore[attr-defined]
    lengths = np.fromiter(map(len, bodies), np.int64, len(bodies))
    flat = np.concatenate(bodies).astype(np.int64) if bodies else np.zeros(0, np.int64)
    size = int(flat.max()) + 1 if len(flat) else 1
    pairs = unique(np.repeat(np.arange(len(bodies), dtype=np.int64), lengths) * size + flat)
    return pairs // size, pairs % size


def group_duplicates(ranked: Sequence[tuple[object, float]], k: int, index: BM25Index,
                     vocabulary: Sequence[str],
                     query: Sequence[Sequence[int]] = (),
                     grams: TermGrams | None = None,
                     question_terms: Sequence[str] = ()) -> list[Group]:
    """The first k groups, in rank order. `ranked`: (stored passage, score) best first;
    `vocabulary`: term id -> term; `query`: for each question term, the term ids that
    count as it; `grams`: the vocabulary's terms' trigrams and numbers kept from earlier
    calls (else worked out here); `question_terms`: the question's terms (a toll asked:
    see the module). A passage joins the first group whose shown passage
    carries it (see the module docstring); one that joins no group starts one while fewer
    than k exist."""
    if not ranked:
        return []
    owner, flat = _body_terms([p for p, _ in ranked])
    lengths = np.bincount(owner, minlength=len(ranked))
    distinct, inv = unique_inverse(flat)
    rows = np.zeros((len(ranked), len(distinct)))
    rows[owner, inv] = 1.0
    # a term in (nearly) every passage of a tiny corpus has no positive idf: it still
    # counts a little, so two copies are still found to carry each other
    weights = np.maximum(idfs(index, distinct), MIN_WEIGHT)
    if grams is None:
        terms = _terms(vocabulary, distinct)
        trigrams, printing = _term_trigrams(terms), _numbers_of(terms)
        told = toll_words(terms)
    else:
        trigrams, printing = grams.trigrams(distinct), grams.numbers(distinct)
        told = grams.toll_words(distinct)
    articles = _labels([p.article_id for p, _ in ranked])  # type: ignore[attr-defined]
    same_article = articles[:, None] == articles[None, :]
    # Crediting a passage in another hit tells the reader who else said it: that needs a
    # known outlet other than the shown one's. Two articles of one outlet (or of unknown
    # outlets) are collapsed only when each carries the other (a copy); otherwise the
    # shorter one may hold what the question asks, and both are shown.
    known = np.array([p.source is not None for p, _ in ranked])  # type: ignore[attr-defined]
    outlets = _labels([p.source or "" for p, _ in ranked])  # type: ignore[attr-defined]
    credits = known[:, None] & known[None, :] & (outlets[:, None] != outlets[None, :])
    tolls = _tolls([p for p, _ in ranked], rows, *told)
    figures = _same_figures(owner, inv, printing, len(distinct), len(ranked), tolls)
    asked = np.zeros((len(ranked), len(query)), bool)  # which question terms each holds
    asked_cols = []
    for j, ids in enumerate(query):
        cols = np.searchsorted(distinct, ids)
        ok = cols < len(distinct)
        cols = cols[ok]
        cols = cols[distinct[cols] == np.asarray(ids)[ok]]
        asked_cols.append(cols)
        asked[:, j] = rows[:, cols].any(axis=1)
        # «كم عدد القتلى؟» is held by «مقتل ثلاثة أشخاص» as by «3 قتلى»: the count asked
        categories = {c for i in ids if (c := cue_category(vocabulary[i])) is not None}
        if categories:
            asked[:, j] |= [any(c in categories for c, _ in t) for t in tolls]
    # the same toll is the same statement only to a question asking it: to «أين وقع
    # الحادث؟» a passage telling the toll and the place is not one telling the toll alone
    asking = any(map(asks_toll, question_terms)) or any(
        asks_toll(vocabulary[i]) for ids in query for i in ids)
    same_toll = _toll_shares(tolls) if asking and sum(map(bool, tolls)) > 1 else None
    titles = _title_shares([p for p, _ in ranked], index, vocabulary) \
        if same_toll is not None else None
    long_enough = np.minimum(lengths[:, None], lengths[None, :]) >= MIN_TERMS
    limit = np.where(same_article, SAME_ARTICLE_DUPLICATE, NEAR_DUPLICATE)
    one_thread()
    # Only pairs with a group's first passage are ever read, and the firsts are nearly
    # always among the best few: the near forms are searched for those passages' terms
    # first (most of the pairs of terms are then never verified), and for all of them
    # only when a group starts further down.
    for lead in sorted({min(len(ranked), k + LEAD_SPARE), len(ranked)}):
        near = near_pairs(len(distinct), *trigrams,
                          rows[:lead].any(axis=0) if lead < len(ranked) else None)
        soft = _soft_rows(rows, near)
        held = (rows * weights) @ soft.T  # held[a, b]: a's weight that b holds
        # a question term a passage holds in a near form (بأسيوط for أسيوط) is held by it
        near_asked = asked.copy()
        for j, cols in enumerate(asked_cols):
            if len(cols):
                near_asked[:, j] |= soft[:, cols].max(axis=1) >= SOFT_TERM
        total = rows @ weights
        with np.errstate(divide="ignore", invalid="ignore"):
            inside = np.where(total[:, None] > 0,
                              held / np.where(total > 0, total, 1)[:, None],
                              0.0)  # inside[a, b]: share of a's statement b carries
        carried = long_enough & (inside >= limit)  # carried[a, b]: b carries a's statement
        if same_toll is not None:
            # the same toll in other words («3 قتلى و41 جريحا», «مقتل ثلاثة أشخاص وإصابة
            # 41») of the same event (`_event_shares`) is the same statement
            event = np.maximum(_event_shares(rows, weights, near, distinct, vocabulary),
                               titles if titles is not None else 0.0)
            carried |= long_enough & (np.maximum(event, event.T) >= same_toll) & credits
        carried &= credits | same_article | carried.T
        carried &= figures
        groups = _grouped(ranked, k, carried, asked, near_asked, lead)
        if groups is not None:
            if not figures.all():
                _disputes(groups, ranked, _figure_free_shares(rows, weights, soft, printing)
                          >= limit, long_enough & credits & ~(figures & figures.T))
            return groups
    raise AssertionError("every passage may start a group once all pairs are known")


def _tolls(passages: Sequence[object], rows: np.ndarray, cue: np.ndarray, count: np.ndarray
           ) -> list[frozenset[tuple[str, int]]]:
    """Each passage's toll (`tolls.toll`), its text read only where one may be told: its
    own terms (`rows`) hold a cue word's (`cue`, per distinct term: `tolls.toll_words`),
    or a count's (`count`) and its text a cue analysis drops (`tolls.stop_cue_in`). Most
    candidates hold neither, and reading every one's text was a third of the grouping."""
    cued = rows[:, cue].any(axis=1).tolist()
    counted = rows[:, count].any(axis=1).tolist()
    return [toll(p.text) if c or (n and stop_cue_in(p.text))  # type: ignore[attr-defined]
            else frozenset() for p, c, n in zip(passages, cued, counted, strict=True)]


def _figure_free_shares(rows: np.ndarray, weights: np.ndarray, soft: np.ndarray,
                        printing: Mapping[int, object]) -> np.ndarray:
    """share[a, b]: the share of a's weight b holds, the terms that print numbers left out
    of both: «لقي 27 شخصا حتفهم» and «لقي 29 شخصا حتفهم» tell one statement."""
    plain = weights.copy()
    plain[list(printing)] = 0.0
    total = rows @ plain
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total[:, None] > 0, ((rows * plain) @ soft.T)
                        / np.where(total > 0, total, 1)[:, None], 0.0)


def _disputes(groups: list[Group], ranked: Sequence[tuple[object, float]],
              shares: np.ndarray, apart: np.ndarray) -> None:
    """Record, for each group, the ranked passages whose statement its first tells or
    which tell its first's (`shares`, either way), by other outlets (`apart`: and with
    other figures): `Group.disputed`, in rank order."""
    for g in groups:
        said = apart[g.first] & (shares[g.first] | shares[:, g.first])
        g.disputed = [ranked[j][0] for j in np.flatnonzero(said).tolist()]


def _grouped(ranked: Sequence[tuple[object, float]], k: int, carried: np.ndarray,
             asked: np.ndarray, near_asked: np.ndarray, lead: int) -> list[Group] | None:
    """The groups in rank order (`group_duplicates`) from `carried` and the question
    terms each passage holds; None when a group would start at or after `lead` (its
    pairs are only known for firsts before it)."""
    groups: list[Group] = []
    for i, (passage, score) in enumerate(ranked):
        for group in groups:
            first = group.first
            if carried[i, first] and not (asked[i] & ~near_asked[first]).any():
                group.members.append((passage, score))
                group.credited.append(passage)
                if carried[first, i]:
                    group.equivalent.append(passage)
                break
        else:
            if len(groups) < k:
                if i >= lead:
                    return None
                groups.append(Group([(passage, score)], [], [], first=i))
    return groups


def _event_shares(rows: np.ndarray, weights: np.ndarray, near: tuple[np.ndarray, ...],
                  distinct: np.ndarray, vocabulary: Sequence[str]) -> np.ndarray:
    """share[a, b]: the share of a's weight b holds once the words a toll is told in are
    left out of both (`tolls.toll_term`): what tells the event (a bus on the western
    desert road in Assiut, not a fire in a Kuwaiti warehouse with the same toll)."""
    keep = np.array([not toll_term(t) for t in _terms(vocabulary, distinct)], bool)
    told = rows * keep
    total = told @ weights
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total[:, None] > 0, (told * weights) @ _soft_rows(told, near).T
                        / np.where(total > 0, total, 1)[:, None], 0.0)


def _title_shares(passages: Sequence[object], index: BM25Index, vocabulary: Sequence[str]
                  ) -> np.ndarray:
    """share[a, b]: the share of the weight of a's article title that b's title holds,
    the words of a toll left out («ارتفاع حصيلة تصادم قطارين في المنيا» and «النيابة
    المصرية تحقق في تصادم قطاري المنيا»: one event), for passages that tell the toll in
    a sentence about something else as well."""
    told = [{t for t in p.terms[:stored_title_terms(p)].tolist()  # type: ignore[attr-defined]
             if not toll_term(vocabulary[t])} for p in passages]
    ids = np.array(sorted(set().union(*told)), np.int64)
    weight = dict(zip(ids.tolist(), np.maximum(idfs(index, ids), MIN_WEIGHT).tolist(),
                      strict=True))
    n = len(passages)
    share = np.zeros((n, n))
    for a in range(n):
        total = sum(weight[t] for t in told[a])
        if total > 0:
            share[a] = [sum(weight[t] for t in told[a] & told[b]) / total for b in range(n)]
    return share


def _toll_shares(tolls: Sequence[frozenset[tuple[str, int]]]) -> np.ndarray:
    """share[a, b]: the share of a's statement b must hold to carry it for stating a's
    toll (`tolls.toll`): TOLL_SHARE when b states every count of a toll of two counts or
    more (dead and injured), TOLL_SHARE_ONE for a single count (a number of dead alone is
    a commoner figure), above 1 (never) when b does not state a's toll."""
    n = len(tolls)
    share = np.full((n, n), 2.0)
    for a in (i for i in range(n) if tolls[i]):
        need = TOLL_SHARE if len(tolls[a]) > 1 else TOLL_SHARE_ONE
        share[a] = [need if tolls[a] <= tolls[b] else 2.0 for b in range(n)]
    return share


def _same_figures(owner: np.ndarray, inv: np.ndarray, printing: dict[int, set[str]] |
                  dict[int, frozenset[str]], n_terms: int, n: int,
                  tolls: Sequence[frozenset[tuple[str, int]]] = ()) -> np.ndarray:
    """ok[a, b]: every number passage a prints, b prints too (corroborate.numbers), so b
    may be shown for a: «لقي 29 شخصا حتفهم» never stands for «لقي 27 شخصا حتفهم», nor
    credits its outlet with 29. `owner`, `inv`: each (passage, distinct term) pair;
    `printing`: distinct term -> the numbers it prints (`_numbers_of`); `tolls`: each
    passage's toll, whose counts it states even in words («ثلاثة قتلى» prints 3)."""
    ok = np.ones((n, n), bool)
    printed: list[set[str]] = [{str(c) for _, c in t} for t in tolls] or [set() for _ in range(n)]
    if not printing and not any(printed):
        return ok
    numeric = np.zeros(n_terms, bool)
    numeric[list(printing)] = True
    for row, col in zip(owner[numeric[inv]].tolist(), inv[numeric[inv]].tolist(),
                        strict=True):
        printed[row] |= printing[col]
    for a in (i for i in range(n) if printed[i]):
        ok[a] = [printed[a] <= printed[b] for b in range(n)]
    return ok


def _numbers_of(terms: Sequence[str]) -> dict[int, set[str]]:
    """term position -> the numbers it prints (`corroborate.numbers` of it), for the terms
    printing any: one regex scan over the terms laid end to end (a number never spans
    the newline between two), not a Python loop over every term."""
    joined = "\n".join(terms)
    found = list(NUMBER.finditer(joined))
    if not found:
        return {}
    ends = np.cumsum(np.fromiter(map(len, terms), np.int64, len(terms)) + 1)
    owners = np.searchsorted(ends, [m.start() for m in found], side="right").tolist()
    out: dict[int, set[str]] = {}
    for col, match in zip(owners, found, strict=True):
        out.setdefault(col, set()).add(match.group())
    return out


def _labels(values: Sequence[object]) -> np.ndarray:
    """One int per distinct value (equal values, equal ints), for comparing all pairs."""
    seen: dict[object, int] = {}
    return np.fromiter((seen.setdefault(v, len(seen)) for v in values), np.int64, len(values))


def _terms(vocabulary: Sequence[str], ids: np.ndarray) -> list[str]:
    """The terms of term ids (one C-level lookup, not a Python loop)."""
    if len(ids) == 0:
        return []
    found = itemgetter(*ids.tolist())(vocabulary)
    return list(found) if len(ids) > 1 else [found]


def _soft_rows(rows: np.ndarray, near: tuple[np.ndarray, ...]) -> np.ndarray:
    """soft[b, t]: how much row b holds term t, 1 for the term itself, its near forms'
    best similarity otherwise (`containment`'s numerator is (rows * weights) @ soft.T),
    for 0/1 term rows."""
    soft = rows.copy()
    et, eo, es = near
    if len(et):
        by_term = np.argsort(et, kind="stable")
        et, eo, es = et[by_term], eo[by_term], es[by_term]
        firsts = np.flatnonzero(np.concatenate(([True], et[1:] != et[:-1])))
        best = np.maximum.reduceat(rows[:, eo] * es, firsts, axis=1)
        cols = et[firsts]
        soft[:, cols] = np.where(rows[:, cols], 1.0, best)
    return soft


def settled_by(groups: Sequence[Group], ranked: Sequence[tuple[object, float]],
               settled: int) -> bool:
    """Whether `groups`, made from a ranking whose first `settled` entries are exact and
    whose others carry upper bounds of their scores in no particular order
    (rerank.rerank_best), are the groups of the exact ranking: every group starts among
    the settled (the others then join the same groups whatever their order), and no
    other member could be shown in its first's place (`best_instance`: its bound below
    EQUALLY_RELEVANT of the first's score)."""
    if settled >= len(ranked):
        return True
    exact = {id(p) for p, _ in ranked[:settled]}
    for group in groups:
        if group.first >= settled:
            return False
        top = group.members[0][1]
        if any(id(p) not in exact and group.score_of(p) >= EQUALLY_RELEVANT * top
               for p in group.equivalent):
            return False
    return True


def best_instance(group: Group):
    """The passage to show: among the first and the instances carrying all it says and
    equally relevant, one whose outlet and date are known."""
    first, top = group.members[0]
    pool = [first] + [p for p in group.equivalent if group.score_of(p) >= EQUALLY_RELEVANT * top]
    return max(pool, key=lambda p: (p.source is not None, p.date is not None,
                                    group.score_of(p)))


# An outlet telling the shown toll in a passage that holds none of the question's words
# (Hespress's «وفي الجزائر أعلنت الحماية المدنية مقتل ثلاثة أشخاص وإصابة 41 آخرين، فيما
# بعث الملك … برقية تعزية» under a headline on Oujda) is never among the ranked passages:
# `toll_credits` finds it by the toll's counts. Its toll's clause must tell the shown event:
# TOLL_EVENT_SHARE of the clause's weight (the toll's own words and the words of who told it,
# `tolls.reporting_term`, left out) held by the shown
# passage or its title, within TOLL_DAYS of it; a clause of fewer than MIN_EVENT_TERMS
# such terms («لقي شخصان مصرعهما وأصيب 28 آخرون») is judged by its whole passage.
TOLL_EVENT_SHARE = 0.5
TOLL_DAYS = 3
MIN_EVENT_TERMS = 2


def toll_credits(shown: object, others: Sequence[object], vocabulary: Sequence[str],
                 weight: Callable[[str], float], terms_of: Callable[[str], list[str]],
                 told_by: Sequence[object] = ()) -> list:
    """The passages of `others` (stored passages) that state the toll `shown` states, of
    two counts or more (`tolls.toll`: dead and injured…), every count of theirs being
    one of its, of the same event, by another known outlet: who else reported it.
    `weight`: a term's idf; `terms_of`: text -> analysed terms; `told_by`: the passages
    already credited with the shown one's statement (its group), whose words tell the
    event too."""
    told = toll(shown.text)  # type: ignore[attr-defined]
    if len(told) < 2 or shown.source is None:  # type: ignore[attr-defined]
        return []
    held = {vocabulary[i] for p in (shown, *told_by)
            for i in p.terms.tolist()}  # type: ignore[attr-defined]
    printed = numbers(held) | {str(c) for _, c in told}
    out = []
    for other in others:
        if (other.article_id == shown.article_id  # type: ignore[attr-defined]
                or other.source in (None, shown.source)  # type: ignore[attr-defined]
                or _days_apart(shown, other) > TOLL_DAYS):
            continue
        theirs = toll(other.text)  # type: ignore[attr-defined]
        if len(theirs) < 2 or not theirs <= told:
            continue
        clause = terms_of(toll_clause(other.text))  # type: ignore[attr-defined]
        if not numbers(clause) <= printed:
            continue
        event = _event_terms(clause)
        if len(event) < MIN_EVENT_TERMS:
            event = _event_terms(terms_of(other.text))  # type: ignore[attr-defined]
        total = sum(map(weight, event))
        share = sum(weight(t) * _held(t, held) for t in event)
        if total > 0 and share >= TOLL_EVENT_SHARE * total:
            out.append(other)
    return out


def _event_terms(terms: Sequence[str]) -> set[str]:
    """The terms telling which event a toll is of: neither the toll's words, nor who told
    it, nor a number (numbers are compared apart: «و17» is the count 17)."""
    return {t for t in terms if not toll_term(t) and not reporting_term(t)
            and not NUMBER.search(t)}


def _held(term: str, terms: set[str]) -> float:
    """1 for a term `terms` hold, its best near form's similarity from SOFT_TERM, else 0."""
    if term in terms:
        return 1.0
    best = max((similarity(term, t) for t in terms), default=0.0)
    return best if best >= SOFT_TERM else 0.0


def _days_apart(a: object, b: object) -> int:
    """Days between two passages' articles (0 when either date is unknown)."""
    if a.date is None or b.date is None:  # type: ignore[attr-defined]
        return 0
    return abs((a.date - b.date).days)  # type: ignore[attr-defined]


def carries_linked(shown: object, other: object, vocabulary: Sequence[str],
                   weight: Callable[[str], float],
                   asked: Mapping[str, frozenset[str]] = MappingProxyType({})) -> bool:
    """Whether `shown` carries the whole of `other`, a passage whose statement the links
    found at ingest already credit to it (corroborate.py: the same statement in other
    words, by another outlet): `other` is one sentence, SAME_STATEMENT of its weight is
    held by `shown` (near forms in part), every number it prints `shown` prints, and it
    holds no question word (`asked`: term -> its spellings) `shown` lacks. Then it is
    not shown again as a hit of its own: its outlet is credited in `shown`'s."""
    if None in (shown.source, other.source) or \
            shown.source == other.source:  # type: ignore[attr-defined]
        return False  # crediting needs a known outlet other than the shown one's
    text = other.text.strip()  # type: ignore[attr-defined]
    if _INNER_END.search(text):
        return False  # several sentences: it may say more than the linked one
    mine = {vocabulary[i] for i in shown.terms.tolist()}  # type: ignore[attr-defined]
    body = other.terms[stored_title_terms(other):].tolist()  # type: ignore[attr-defined]
    theirs = {vocabulary[i] for i in body}
    if not theirs or not numbers(theirs) <= numbers(mine):
        return False
    for spellings in asked.values():
        if not spellings.isdisjoint(theirs) and spellings.isdisjoint(mine) and not any(
                _held(s, mine) for s in spellings & theirs):
            return False
    total = sum(map(weight, theirs))
    return total > 0 and sum(weight(t) * _held(t, mine) for t in theirs) >= \
        SAME_STATEMENT * total
