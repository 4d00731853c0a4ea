"""Who else carried a statement: sentence-level near-duplicates across passages.

At ingest every new sentence looks for older sentences saying the same thing in the same or
nearly the same words (agency copy, a quote printed as one paragraph here and as separate
lines there, a lightly reworded statement); the links are stored and answers use them to
credit every outlet that carried what they show.

The similarity of two sentences is the share of the lighter one's weight that the other
holds: each analysed term (stemmed, stop words dropped) weighs its idf, so shared names
(بوتين، كيم، روسيا) count little and the words that make the statement count much; a term
the other sentence only has in a near form (قفاز / قفازا: most character trigrams shared)
counts in proportion. Tuned on the seeds (tests/test_corroborate.py):

- same statement, other outlet: 0.74 ... 1.00 (the Kim quote 000 <-> 003, the gift
  statement and the "بسرور" invitation 000 <-> 001, a shared sentence about Vostochny);
- different statements sharing names and places: at most 0.47 (and 0.55 for the same
  Putin remark told in other words by two outlets).

So two sentences of at least MIN_TERMS distinct terms corroborate each other from
SAME_STATEMENT = 0.6, provided both print the same numbers (`numbers`): an outlet is never
credited with a figure it did not print.

Finding candidates never compares all pairs: each new sentence takes its ANCHORS rarest
terms (by document frequency in the BM25 index, which already holds the batch) and asks the
index's postings which passages hold them; a passage holding at least MIN_SHARED_ANCHORS of
them is a candidate, and a sentence compares at most MAX_CANDIDATES of them (the most
anchors shared, then the rarest). Two shared anchors are not enough: in a big corpus every
sentence shares two of its rarer words with more and more passages by chance, and the
work per sentence would grow with the corpus. Terms in more than MAX_ANCHOR_DF passages are
never anchors (they say nothing about a statement), so postings read stay short whatever
the corpus size. All of it runs as numpy over a whole batch, and so does the comparison of
the sentence pairs (`_pair_scores`, the same numbers as `containment` term by term).
Page furniture (a heading, caption or credit: kinds.py) is never a statement of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .analysis import analyze
from .decide import similarity
from .index import BM25Index, ranges, run_starts, sort_order, unique, unique_inverse
from .kinds import is_furniture
from .passages import sentence_terms, sentences_of, split_sentences

__all__ = [
    "MIN_TERMS",
    "NUMBER",
    "SAME_STATEMENT",
    "Link",
    "containment",
    "find_links",
    "numbers",
    "sentence_terms",
    "sentences_of",
]

MIN_TERMS = 5  # a sentence needs this many distinct terms to be a statement
SAME_STATEMENT = 0.6  # sentence vs sentence: the same statement
SOFT_TERM = 0.6  # trigram similarity from which a near form of a term counts
ANCHORS = 4  # rarest terms per sentence used to find candidates
MIN_SHARED_ANCHORS = 3
MAX_ANCHOR_DF = 2000  # a term in more passages than this is never an anchor
MAX_CANDIDATES = 20  # candidate passages compared per sentence (the most anchors shared)

# A sentence end inside a passage (passages.py splits at these followed by a space).
_MARKS = ".!?؟…"
_INNER_END = re.compile(f"[{_MARKS}][\"'»”’)\\]]*\\s")


@dataclass(frozen=True)
class Link:
    """Sentence `sentence` of passage `passage` says what `other_sentence` of `other` says."""

    passage: int
    sentence: int
    other: int
    other_sentence: int
    score: float

    def normalized(self) -> Link:
        if (self.passage, self.sentence) <= (self.other, self.other_sentence):
            return self
        return Link(self.other, self.other_sentence, self.passage, self.sentence, self.score)


NUMBER = re.compile(r"\d+")


def numbers(terms: Iterable[str]) -> frozenset[str]:
    """The numbers that analysed terms print (`27`, `ب18` → 18, `0.8` → 0 and 8): two
    statements that print different numbers are not the same statement («لقي 27 شخصا
    حتفهم» and «لقي 29 شخصا حتفهم» differ in what a reader asks them for)."""
    return frozenset(n for term in terms for n in NUMBER.findall(term))


def containment(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """Share of the lighter set's weight that the other holds (near forms count partly)."""
    wa = sum(weight(t) for t in a)
    wb = sum(weight(t) for t in b)
    if wa > wb:
        a, b, wa = b, a, wb
    if wa <= 0:
        return 0.0
    held = 0.0
    for term in a:
        w = weight(term)
        if term in b:
            held += w
            continue
        best = max((similarity(term, other) for other in b), default=0.0)
        if best >= SOFT_TERM:
            held += w * best
    return held / wa


def same_statement(a: frozenset[str], b: frozenset[str],
                   weight: Callable[[str], float]) -> float:
    """The similarity of two sentences, or 0 when either is too short to be a statement."""
    if min(len(a), len(b)) < MIN_TERMS:
        return 0.0
    return containment(a, b, weight)


@lru_cache(maxsize=1 << 12)
def title_terms(title: str) -> int:
    """How many terms a title adds in front of each of its passages' terms."""
    return len(analyze(title))


def stored_title_terms(passage: object) -> int:
    """How many of a stored passage's terms are its title's: as stored at ingest, or
    counted again for a row an older Marsad wrote (not filled yet) or another object."""
    stored = getattr(passage, "title_terms", None)
    return title_terms(passage.title) if stored is None else stored  # type: ignore


def sentence_spans(text: str, n_terms: int, title: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` in its passage's term array of `n_terms`
    terms, the title's `title` terms first. A passage of several sentences is shared out
    by words (stop words make it approximate: good enough to pick anchors; the sentences
    themselves are compared exactly)."""
    body = n_terms - title
    if body <= 0:
        return []
    if not _INNER_END.search(text):
        return [(title, n_terms)]
    words = [s.count(" ") + 1 for s in split_sentences(text)]
    total = sum(words)
    spans, at = [], 0
    for w in words:
        lo, hi = title + body * at // total, title + body * (at + w) // total
        spans.append((lo, hi))
        at += w
    return spans


def _postings(index: BM25Index, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position in `terms`, slot) for every live posting of the sorted unique `terms`."""
    owners: list[np.ndarray] = []
    slots: list[np.ndarray] = []
    live = index.live
    for seg in index.segments:
        if not len(seg.terms):
            continue
        pos = np.searchsorted(seg.terms, terms.astype(seg.terms.dtype))
        pos = np.minimum(pos, len(seg.terms) - 1)
        found = np.flatnonzero(seg.terms[pos] == terms)
        if not len(found):
            continue
        lo, hi = seg.indptr[pos[found]], seg.indptr[pos[found] + 1]
        sizes = hi - lo
        ids = seg.doc_ids[ranges(lo, sizes)]
        who = np.repeat(found, sizes)
        if index.dead:  # postings of removed documents are still in the segments
            keep = live[ids]
            who, ids = who[keep], ids[keep]
        owners.append(who)
        slots.append(ids)
    if not owners:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(owners), np.concatenate(slots).astype(np.int64)


def _anchor_pairs(index: BM25Index, owner: np.ndarray, terms: np.ndarray, rank: np.ndarray,
                  width: int) -> np.ndarray:
    """Sorted keys ((sentence * width + slot) * ANCHORS + anchor rank) of every live
    posting of every anchor: anchor i is term `terms[i]` of sentence `owner[i]`."""
    if not len(terms):
        return np.zeros(0, np.int64)
    uniq, inv = np.unique(terms, return_inverse=True)
    who, slots = _postings(index, uniq)
    # the anchors of each term, then each posting once per anchor of its term
    by_term = np.argsort(inv, kind="stable")
    users = np.bincount(inv, minlength=len(uniq))
    if users.max() == 1:  # the usual case: no two sentences share an anchor
        anchor = by_term[who]
    else:
        n = users[who]
        anchor = by_term[ranges((np.cumsum(users) - users)[who], n)]
        slots = np.repeat(slots, n)
    return np.sort((owner[anchor] * width + slots) * ANCHORS + rank[anchor])


def _several(text: str) -> bool:
    """Whether a sentence ends inside `text` (a cheap look for the marks first)."""
    end = len(text) - 1
    return any(text.find(mark, 0, end) >= 0 for mark in _MARKS) and \
        _INNER_END.search(text) is not None


def _sentences(slots: Sequence[int], texts: Sequence[str], lengths: np.ndarray,
               titles: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(slot, ordinal, start, end) of each sentence of at least MIN_TERMS terms, in
    passage order, its terms at start:end of the passages' terms laid end to end."""
    lengths = np.asarray(lengths, np.int64)
    titles = np.asarray(titles, np.int64)
    at = np.cumsum(lengths) - lengths
    slot_arr = np.asarray(slots, np.int64)
    # most passages hold one sentence: the terms after the title
    several = np.fromiter(map(_several, texts), bool, len(texts))
    one = ~several & (lengths - titles >= MIN_TERMS)
    rows = [np.stack((np.flatnonzero(one), np.zeros(int(one.sum()), np.int64),
                      (at + titles)[one], (at + lengths)[one]), axis=1)]
    for i in np.flatnonzero(several).tolist():
        spans = sentence_spans(texts[i], int(lengths[i]), int(titles[i]))
        rows += [np.array([(i, ordinal, at[i] + lo, at[i] + hi)
                           for ordinal, (lo, hi) in enumerate(spans)
                           if hi - lo >= MIN_TERMS], np.int64).reshape(-1, 4)]
    table = np.concatenate(rows)
    table = table[np.lexsort((table[:, 1], table[:, 0]))]
    return slot_arr[table[:, 0]], table[:, 1], table[:, 2], table[:, 3]


def candidates(index: BM25Index, slots: Sequence[int], texts: Sequence[str],
               terms: np.ndarray, lengths: Sequence[int] | np.ndarray,
               titles: Sequence[int]) -> dict[tuple[int, int], list[int]]:
    """(passage slot, sentence ordinal) -> other passages that may carry that sentence.

    `terms`: the passages' term arrays laid end to end, `lengths[i]` terms for passage i,
    of which the first `titles[i]` are its title's."""
    sent_slot, sent_ordinal, lo_arr, hi_arr = _sentences(slots, texts, lengths, titles)
    if not len(sent_slot):
        return {}
    all_terms = np.asarray(terms).astype(np.int64, copy=False)
    lengths = hi_arr - lo_arr
    owner = np.repeat(np.arange(len(sent_slot), dtype=np.int64), lengths)
    terms = all_terms[ranges(lo_arr, lengths)]
    df_all = index.df
    terms = np.where(terms < len(df_all), terms, 0)
    df = df_all[terms]
    # The common words go first (most of the text; a word every passage holds says
    # nothing), and so do the words no other passage holds (df 1: this one's own): as
    # anchors those find nothing, and a sentence adding words to an older one's statement
    # would miss it, its rarest words being the ones it added.
    keep = (df > 1) & (df <= MAX_ANCHOR_DF) & (df < index.n_docs)
    owner, terms, df = owner[keep], terms[keep], df[keep]
    if not len(terms):
        return {}
    # each sentence's distinct terms, rarest first (ties: the later-seen term first)
    span = int(terms.max()) + 1
    key = (owner * (MAX_ANCHOR_DF + 1) + df) * span + (span - 1 - terms)
    key = np.sort(key)
    fresh = np.ones(len(key), bool)
    fresh[1:] = key[1:] != key[:-1]
    key = key[fresh]
    owner = key // span // (MAX_ANCHOR_DF + 1)
    df = key // span % (MAX_ANCHOR_DF + 1)
    terms = span - 1 - key % span
    rank = np.arange(len(owner)) - np.searchsorted(owner, owner)  # rarest is 0
    pick = rank < ANCHORS
    owner, terms, df, rank = owner[pick], terms[pick], df[pick], rank[pick]
    rarity = np.zeros((len(sent_slot), ANCHORS))  # what sharing each anchor says
    rarity[owner, rank] = np.log((MAX_ANCHOR_DF + 1) / df)
    # A passage sharing MIN_SHARED_ANCHORS of a sentence's k anchors misses at most
    # k - MIN_SHARED_ANCHORS of them, so it holds `need` of the `lead` rarest: only those
    # anchors' postings are joined with all sentences, the rest only for the passages
    # found holding `need` (the rarest postings are the shortest, the rest the longest).
    need = min(MIN_SHARED_ANCHORS, 2)
    k = np.bincount(owner, minlength=len(sent_slot))
    lead = np.where(k >= MIN_SHARED_ANCHORS, k - MIN_SHARED_ANCHORS + need, 0)
    first = rank < lead[owner]
    width = len(index.live)  # above every slot
    keys = _anchor_pairs(index, owner[first], terms[first], rank[first], width)
    pair = keys // ANCHORS
    starts = run_starts(pair)
    shared = np.diff(np.append(starts, len(pair)))
    found = pair[starts]
    hit = (shared >= need) & (found % width != sent_slot[found // width])  # not its own
    if not hit.any():
        return {}
    keys, found = keys[np.repeat(hit, shared)], found[hit]
    # the other anchors of the sentences with a passage found, joined with those passages
    wanted = np.zeros(len(sent_slot), bool)
    wanted[found // width] = True
    rest = ~first & wanted[owner]
    more = _anchor_pairs(index, owner[rest], terms[rest], rank[rest], width)
    keys = np.sort(np.concatenate((keys, more[_holds(found, more // ANCHORS)])))
    # each (sentence, passage) with the ranks of the anchors it shares, in rank order
    pair, pair_rank = keys // ANCHORS, keys % ANCHORS
    starts = run_starts(pair)
    shared = np.diff(np.append(starts, len(pair)))
    held = np.zeros((len(starts), ANCHORS))
    held[np.repeat(np.arange(len(starts)), shared), pair_rank] = \
        rarity[pair // width, pair_rank]
    weight = held[:, 0]  # summed in rank order, as over the shared anchors one by one
    for r in range(1, ANCHORS):
        weight = weight + held[:, r]
    good = shared >= MIN_SHARED_ANCHORS
    pair_keys, shared, weight = pair[starts][good], shared[good], weight[good]
    if not len(pair_keys):
        return {}
    # each sentence's best candidates: the most anchors shared, then the rarest, then oldest
    sid, slot = pair_keys // width, pair_keys % width
    order = np.lexsort((slot, -weight, -shared, sid))
    sid, slot = sid[order], slot[order]
    rank = np.arange(len(sid)) - np.searchsorted(sid, sid)
    keep = rank < MAX_CANDIDATES
    out: dict[tuple[int, int], list[int]] = {}
    sid, slot = sid[keep], slot[keep].tolist()
    for s, o, other_slot in zip(sent_slot[sid].tolist(), sent_ordinal[sid].tolist(), slot,
                                strict=True):
        out.setdefault((s, o), []).append(other_slot)
    return out


def find_links(found: Mapping[tuple[int, int], Iterable[int]], texts: Mapping[int, str],
               weight: Callable[[str], float]) -> list[Link]:
    """Compare each sentence with the sentences of its candidate passages.

    All the pairs of a batch are scored at once (`_pair_scores`: the same similarity as
    `same_statement`, as arrays instead of term by term)."""
    sentences: dict[int, tuple[tuple[str, frozenset[str]], ...]] = {}

    def of(slot: int) -> tuple[tuple[str, frozenset[str]], ...]:
        got = sentences.get(slot)
        if got is None:
            got = sentences[slot] = sentences_of(texts[slot])
        return got

    # a heading, caption or credit (kinds.py) restates the story: it is no outlet's statement
    # (asked of the passages met only: most of a batch's `texts` have no candidate)
    statements: dict[int, bool] = {}

    def statement(slot: int) -> bool:
        got = statements.get(slot)
        if got is None:
            text = texts.get(slot)
            got = statements[slot] = text is not None and not is_furniture(text)
        return got
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for (slot, ordinal), others in found.items():
        if not statement(slot):
            continue
        mine = of(slot)
        if ordinal >= len(mine) or len(mine[ordinal][1]) < MIN_TERMS:
            continue
        for other in others:
            if not statement(other):
                continue
            for j, (_, theirs) in enumerate(of(other)):
                if len(theirs) >= MIN_TERMS:
                    left.append((slot, ordinal))
                    right.append((other, j))
    if not left:
        return []
    scores = _pair_scores([of(s)[o][1] for s, o in left], [of(s)[o][1] for s, o in right],
                          weight)
    links: dict[tuple[int, int, int, int], Link] = {}
    for i in np.flatnonzero(scores >= SAME_STATEMENT).tolist():
        (slot, ordinal), (other, j) = left[i], right[i]
        if numbers(of(slot)[ordinal][1]) != numbers(of(other)[j][1]):
            continue  # a toll of 27 and one of 29: each outlet is credited with its own
        link = Link(slot, ordinal, other, j, round(float(scores[i]), 4)).normalized()
        links[(link.passage, link.sentence, link.other, link.other_sentence)] = link
    return list(links.values())


def _pair_scores(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]],
                 weight: Callable[[str], float]) -> np.ndarray:
    """containment(a[i], b[i]) for every i, as arrays: each distinct sentence and term once,
    near forms found by `_near_edges` over the distinct terms, every pair's lighter sentence
    looked up in the other with sorted (sentence, term) keys."""
    ids: dict[frozenset[str], int] = {}
    ia = np.fromiter((ids.setdefault(s, len(ids)) for s in a), np.int64, len(a))
    ib = np.fromiter((ids.setdefault(s, len(ids)) for s in b), np.int64, len(b))
    sets = list(ids)
    vocab: dict[str, int] = {}
    lengths = np.fromiter((len(s) for s in sets), np.int64, len(sets))
    flat = np.fromiter((vocab.setdefault(t, len(vocab)) for s in sets for t in s), np.int64,
                       int(lengths.sum()))
    terms = list(vocab)
    n_terms = len(terms)
    weights = np.fromiter((weight(t) for t in terms), float, n_terms)
    owner = np.repeat(np.arange(len(sets), dtype=np.int64), lengths)
    keys = np.sort(owner * n_terms + flat)  # by sentence, then term
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    s_terms = keys % n_terms
    total = np.bincount(owner, weights=weights[flat], minlength=len(sets))
    # the lighter one's weight held by the other (ties: a, as containment)
    swap = total[ia] > total[ib]
    light, heavy = np.where(swap, ib, ia), np.where(swap, ia, ib)
    cnt = lengths[light]
    pair = np.repeat(np.arange(len(light), dtype=np.int64), cnt)
    at = np.repeat(starts[light] - np.concatenate(([0], np.cumsum(cnt)[:-1])), cnt)
    term = s_terms[at + np.arange(len(pair))]
    value = _holds(keys, heavy[pair] * n_terms + term).astype(float)
    missing = np.flatnonzero(value == 0)
    if len(missing):
        src, dst, sim = _near_edges(terms)
        if len(src):
            order = np.argsort(src, kind="stable")
            src, dst, sim = src[order], dst[order], sim[order]
            lo = np.searchsorted(src, term[missing], side="left")
            n_near = np.searchsorted(src, term[missing], side="right") - lo
            entry = np.repeat(missing, n_near)
            edge = np.repeat(lo - np.concatenate(([0], np.cumsum(n_near)[:-1])), n_near) \
                + np.arange(int(n_near.sum()))
            got = np.where(_holds(keys, heavy[pair[entry]] * n_terms + dst[edge]),
                           sim[edge], 0.0)
            np.maximum.at(value, entry, got)
    held = np.bincount(pair, weights=weights[term] * value, minlength=len(light))
    den = total[light]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, held / np.where(den > 0, den, 1), 0.0)


def _holds(keys: np.ndarray, probe: np.ndarray) -> np.ndarray:
    """Whether each of `probe` is in the sorted `keys`."""
    if not len(keys):
        return np.zeros(len(probe), bool)
    at = np.minimum(np.searchsorted(keys, probe), len(keys) - 1)
    return keys[at] == probe


# -- the store ------------------------------------------------------------------------------

CORROBORATED_UPTO = "corroborated_upto"
CATCH_UP_CHUNK = 20_000  # passages compared per step


async def uncompared(store) -> bool:
    """Whether passages were stored since the last comparison (an ingest killed between
    committing a batch and saving its links): `pending` then lists them."""
    upto = int(await store.meta(CORROBORATED_UPTO) or 0)
    row = await (await store.db.execute(
        "SELECT EXISTS (SELECT 1 FROM passages WHERE id > ?)", (upto,))).fetchone()
    return bool(row[0])


async def pending(store, limit: int = CATCH_UP_CHUNK
                  ) -> tuple[list[int], list[str], list[np.ndarray], list[int]]:
    """Passages not yet compared: ids, texts, term arrays (title first) and how many title
    terms those start with, in id order."""
    from .store import decode_terms

    upto = int(await store.meta(CORROBORATED_UPTO) or 0)
    rows = await store.db.execute_fetchall(
        "SELECT p.id, p.text, p.terms, a.title FROM passages p "
        "JOIN articles a ON a.id = p.article_id WHERE p.id > ? ORDER BY p.id LIMIT ?",
        (upto, limit))
    return ([r[0] for r in rows], [r[1] for r in rows], [decode_terms(r[2]) for r in rows],
            [title_terms(r[3]) for r in rows])


async def texts_of(store, ids: Iterable[int]) -> dict[int, str]:
    ids = list(ids)
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = await store.db.execute_fetchall(
            f"SELECT id, text FROM passages WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        out.update((r[0], r[1]) for r in rows)
    return out


async def save_links(store, links: Sequence[Link], upto: int) -> None:
    """Store links and mark every passage up to `upto` compared; commits."""
    await store.db.executemany(
        "INSERT OR IGNORE INTO corroborations(passage, sentence, other, other_sentence, score) "
        "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM passages WHERE id = ?) "
        "AND EXISTS (SELECT 1 FROM passages WHERE id = ?)",
        [(x.passage, x.sentence, x.other, x.other_sentence, x.score, x.passage, x.other)
         for x in links])
    await store.set_meta(CORROBORATED_UPTO, str(upto))
    await store.commit()


@dataclass(frozen=True)
class Carrier:
    """An article that carried a sentence."""

    passage: int
    article_id: str
    source: str | None
    date: str | None


def carriers(store, sentences: Iterable[tuple[int, int]]
             ) -> dict[tuple[int, int], list[Carrier]]:
    """For each (passage, sentence): the other passages' articles that carried it.

    One query for all the sentences of an answer (the hits' best sentences: a few), not one
    round trip each: the links of their passages both ways, then only theirs kept. Read in
    the calling thread (Store.fetch: an answer's worker thread)."""
    out: dict[tuple[int, int], list[Carrier]] = {key: [] for key in sorted(set(sentences))}
    if not out:
        return out
    pids = sorted({pid for pid, _ in out})
    marks = ",".join("?" * len(pids))
    rows = store.fetch(
        "SELECT c.passage, c.sentence, c.other, a.id, a.source, a.date FROM corroborations c "
        "JOIN passages p ON p.id = c.other JOIN articles a ON a.id = p.article_id "
        f"WHERE c.passage IN ({marks}) "
        "UNION "
        "SELECT c.other, c.other_sentence, c.passage, a.id, a.source, a.date "
        "FROM corroborations c "
        "JOIN passages p ON p.id = c.passage JOIN articles a ON a.id = p.article_id "
        f"WHERE c.other IN ({marks})", pids + pids)
    for pid, ordinal, *carrier in rows:
        if (pid, ordinal) in out:
            out[(pid, ordinal)].append(Carrier(*carrier))
    return out


def idf_weight(index: BM25Index, vocab: Mapping[str, int]) -> Callable[[str], float]:
    """Each term's idf in the index (0 for a term the corpus never uses), memoized."""
    cache: dict[str, float] = {}

    def weight(term: str) -> float:
        w = cache.get(term)
        if w is None:
            i = vocab.get(term, -1)
            w = cache[term] = index.idf(i) if i >= 0 else 0.0
        return w
    return weight


def _near_edges(terms: Sequence[str], touching: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every ordered pair (i, j), i != j, of `terms` whose trigram similarity reaches
    SOFT_TERM, with that similarity: what `containment` would find term by term, found by
    joining the terms' rarest trigrams (prefix filtering: two trigram sets of Dice >= s share
    at least s|x|/(2-s) trigrams, so each set's |x| - that + 1 rarest hold a common one) and
    verified exactly. `touching` (bool per term): only the pairs with a term it marks (the
    rest are never verified)."""
    if len(terms) < 2:
        empty = np.zeros(0, np.int64)
        return empty, empty, np.zeros(0)
    return near_pairs(len(terms), *_term_trigrams(terms), touching)


def near_pairs(n: int, owner: np.ndarray, inv: np.ndarray,
               touching: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`_near_edges` of `n` terms given their trigrams (`_term_trigrams`: owner, gram)."""
    empty = np.zeros(0, np.int64)
    if n < 2:
        return empty, empty, np.zeros(0)
    sizes = np.bincount(owner, minlength=n)
    df = np.bincount(inv)
    n_grams = len(df)
    rank = df[inv] * n_grams + inv  # rarer trigrams first, ties by id
    order = sort_order(owner * (int(rank.max()) + 1) + rank)  # by owner, then rank
    owner_s, gram_s = owner[order], inv[order]
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    pos = np.arange(len(owner_s)) - starts[owner_s]
    need = np.ceil(SOFT_TERM * sizes / (2 - SOFT_TERM) - 1e-9).astype(np.int64)
    prefix = sizes - np.maximum(need, 1) + 1
    keep = pos < prefix[owner_s]
    p_owner, p_gram = owner_s[keep], gram_s[keep]
    by_gram = sort_order(p_gram)  # owners stay in order within each trigram's run
    p_owner, p_gram = p_owner[by_gram], p_gram[by_gram]
    # all pairs of entries within one trigram's run
    run_end = np.searchsorted(p_gram, p_gram, side="right")
    after = run_end - np.arange(len(p_gram)) - 1
    total = int(after.sum())
    if not total:
        return empty, empty, np.zeros(0)
    left = np.repeat(np.arange(len(p_gram)), after)
    firsts = np.concatenate(([0], np.cumsum(after)[:-1]))
    right = left + 1 + (np.arange(total) - np.repeat(firsts, after))
    a, b = p_owner[left], p_owner[right]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    wanted = lo != hi
    if touching is not None:
        wanted &= touching[lo] | touching[hi]
    pair = unique(lo[wanted] * n + hi[wanted])
    lo, hi = pair // n, pair % n
    # exact shared trigrams: lo's trigrams looked up among hi's (all (term, trigram)
    # codes, sorted as _term_trigrams returns them)
    full_sorted = owner * n_grams + inv
    cnt = sizes[lo]
    probe = hi[np.repeat(np.arange(len(lo)), cnt)] * n_grams + inv[ranges(starts[lo], cnt)]
    at = np.minimum(np.searchsorted(full_sorted, probe), len(full_sorted) - 1)
    shared = np.bincount(np.repeat(np.arange(len(lo)), cnt), weights=full_sorted[at] == probe,
                         minlength=len(lo))
    sim = 2 * shared / (sizes[lo] + sizes[hi])
    good = sim >= SOFT_TERM
    lo, hi, sim = lo[good], hi[good], sim[good]
    return np.concatenate((lo, hi)), np.concatenate((hi, lo)), np.concatenate((sim, sim))


def _term_trigrams(terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(owner, gram): each term's distinct boundary-marked trigrams (`char_ngrams(t, 3)`,
    as decide.similarity counts them), owner ascending and grams ascending within it,
    the grams numbered 0.. over all the terms in the order of their codes
    (`trigram_codes`)."""
    owner, gram, _ = _trigrams(terms)
    return owner, gram


def trigram_codes(terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(owner, code): `_term_trigrams` with each gram as its code."""
    owner, gram, codes = _trigrams(terms)
    return owner, codes[gram]


def _trigrams(terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(owner, gram, codes): each term's distinct boundary-marked trigrams, numbered in the
    order of their int64 codes (`codes[gram]`), owner ascending and grams ascending within
    it; equal trigrams, equal codes, whichever terms they come from. A trigram of the
    Basic Multilingual Plane packs its three code points in 16 bits each (below 2**48),
    any other in 21 bits each above 2**48. Vectorized: the marked terms are laid end to end as code
    points, so no per-term Python work."""
    marked = "#" + "##".join(terms) + "#"  # each term marked "#t#", end to end
    points = np.frombuffer(marked.encode("utf-32-le"), np.uint32).astype(np.int64)
    width = np.fromiter(map(len, terms), np.int64, len(terms)) + 2  # marked lengths
    count = np.maximum(width - 2, 1)  # trigrams per term (a 1-letter term: "#x#")
    offset = np.cumsum(width) - width
    owner = np.repeat(np.arange(len(terms), dtype=np.int64), count)
    start = np.repeat(offset - (np.cumsum(count) - count), count) + np.arange(len(owner))
    padded = np.concatenate((points, np.zeros(2, np.int64)))
    first, second, third = padded[start], padded[start + 1], padded[start + 2]
    code = (first << 32) | (second << 16) | third
    if len(points) and int(points.max()) >= 1 << 16:
        wide = (first | second | third) >= 1 << 16
        code[wide] = (1 << 48) + ((first[wide] << 42) | (second[wide] << 21) | third[wide])
    distinct, gram = unique_inverse(code)
    pair = unique(owner * max(len(distinct), 1) + gram)
    return pair // max(len(distinct), 1), pair % max(len(distinct), 1), distinct
