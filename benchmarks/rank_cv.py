"""The rerank's weights under grouped cross-validation, and candidate signals measured alike.

    python -m benchmarks.rank_cv [--arcd PATH] [--folds 5] [--repeats 6] [--cache PATH]
                                 [--k1 1.5] [--b 0.75]

For every ARCD train question over ARCD's paragraphs (and every answerable seed question
over the seeds, never tuned on), the RERANK_DEPTH candidates `answer()` reranks are taken
with each rerank signal alone (`Weights` with one signal on), so the fused score of any
weights is a dot product. Weights are then fitted on 4/5 of ARCD's articles (folds grouped
by SQuAD title, as benchmarks/fit_decision.py groups them) and scored on the fifth:
held-out P@1 and MRR@10 of the gold paragraph on ranked lists (before grouping and the
decision; `marsad eval` measures those), for

- the weights in `rerank.WEIGHTS` (in-sample: they were fitted on all of ARCD);
- a listwise ranker in numpy (`fit_listwise`: the softmax likelihood that the gold
  candidate comes first, L2 penalty), over the rerank's signals, with each one left out,
  and with each signal of `EXTRAS` (tried, not kept) added;
and the seeds' "top passage holds a key" of each, per kind, with weights fitted on all of
ARCD. Prints a table, then the weights fitted on all of ARCD (rerank.py's `Weights`).
`--cache` keeps the collected signals in a pickle, to refit without collecting again.
`--repeats` averages the held-out figures over that many assignments of articles to
folds: one assignment moves P@1 by +-0.4 points (3 questions), as much as most signals.
`--k1`/`--b` set the stemmed field's BM25 parameters (the index's `BM25Params`).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path

import numpy as np

from retrieval import engine as engine_module
from retrieval import rerank as rerank_module
from retrieval.analysis import analyze, normalize, surface, tokenize
from retrieval.answer_types import matching_sentences
from retrieval.corroborate import title_terms
from retrieval.engine import Marsad
from retrieval.evaluate import kind_of, load_questions, load_squad
from retrieval.index import BM25Params
from retrieval.passages import split_sentences
from retrieval.questions import word_shapes
from retrieval.rerank import Candidate, Weights, _counts, _grams, _membership, _query
from retrieval.variants import VariantMap

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
ARCD = Path(os.environ.get("MARSAD_ARCD", DATA / "arcd-train.json"))
BASE = tuple(f.name for f in fields(Weights))
# Signals tried on top of the rerank's, none kept (see rerank.py's docstring):
EXTRAS = ("sentence_share", "predicate_share", "question_bigrams", "first_sentence_share",
          "where_cue", "who_cue", "focus_held", "definition_cue", "proximity",
          "soft_coverage")
SIGNALS = BASE + EXTRAS
FURNITURE = BASE.index("furniture")  # a rule, not fitted: kept at the module's weight
# The answer-type cue fires on few ARCD questions (كم، متى) and matters most for dialect
# questions over the seeds, so it is not refitted on ARCD: it keeps the share of the five
# matching signals' weight it was measured at (0.3 against 1 + 1 + 1 + 0.7 + 2).
ANSWER_TYPE = BASE.index("answer_type")
# The speaker cue (ماذا قال X) fires on no ARCD question: a rule at the module's weight.
SPEAKER = BASE.index("speaker")
# The actor cue (roles.frame: «متى زار بوتين …؟») fires on 9 of ARCD's 693: a rule too.
ACTING = BASE.index("acting")
# The means cue (كيف وصل X؟) fires on a handful of ARCD questions: a rule too.
MEANS = BASE.index("means")
# The cause cue (لماذا، ما سبب: causes.py) fires on a few dozen: a rule too.
CAUSE = BASE.index("cause")
# The pairs cue (هل questions: rerank.said_together) fires on 18 of ARCD's 693: a rule too.
TOGETHER = BASE.index("together")
# The who-is cue («من هو X؟», a name alone: rerank.presenting) fires on none: a rule too.
PRESENTING = BASE.index("presenting")
# The future cue («هل سيجتمع …؟»: tenses.asks_future) fires on few ARCD questions: a rule too.
FUTURE = BASE.index("future")
# The earlier-occasion cue («هل سبق أن …؟»: tenses.asks_before) fires on one: a rule too.
BEFORE = BASE.index("before")
RULES = (FURNITURE, ANSWER_TYPE, SPEAKER, ACTING, MEANS, CAUSE, TOGETHER, PRESENTING, FUTURE,
         BEFORE)
MATCHING = tuple(BASE.index(n) for n in ("bm25", "stem_grams", "word_grams", "exact", "title"))
ANSWER_TYPE_SHARE = 0.3 / 5.7
L2 = 1e-2


def _alone(name: str) -> Weights:
    return Weights(**{f: (1.0 if f == name else 0.0) for f in BASE})


def _held(terms: set[str], weights: dict, aliases: dict) -> float:
    return sum(w for t, w in weights.items()
               if t in terms or not terms.isdisjoint(aliases.get(t, ())))


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_WHERE = _forms("أين اين وين فين وينه فينه منين")
_WHICH = _forms("أي اي بأي باي")
_PLACE_NOUNS = _forms("مدينة دولة مكان منطقة بلد قارة موقع محافظة ولاية جامعة")
_PLACE_WORDS = _forms(
    "تقع يقع وقعت مدينة دولة قارة منطقة محافظة ولاية إقليم عاصمة جزيرة بلد قرية شمال جنوب "
    "شرق غرب وسط جنوبي شمالي شرقي غربي ساحل بحر نهر جبل حدود مقر جامعة شمالا جنوبا شرقا غربا")
_WHO = _forms("من مين منو منهو")
_PERSON_WORDS = _forms(
    "بن ابن بنت أبو أم الملك ملك الرئيس رئيس السلطان سلطان الخليفة خليفة الشيخ شيخ الإمام "
    "إمام الأمير أمير الملكة ملكة القائد قائد والده والدته زوجته زوجها")


def _asks(question: str) -> str | None:
    """'where' (أين، وين، في أي مدينة), 'who' (من/مين first), or None."""
    tokens = tokenize(normalize(question))[:6]
    for i, token in enumerate(tokens):
        if token in _WHERE or (i and tokens[i - 1] in _WHICH and token in _PLACE_NOUNS):
            return "where"
    return "who" if len(tokens) > 1 and tokens[0] in _WHO else None


_WHAT = {normalize(w) for w in ("ما", "ماهو", "ماهي", "ماهى", "مالذي")}
_PRONOUN = {normalize(w) for w in ("هو", "هي", "هى")}


def _defined(question: str) -> list[str]:
    """«ما هو X؟» / «ما هي X؟»: the terms of X (a definition is asked), else []."""
    tokens = tokenize(normalize(question))
    if len(tokens) > 1 and tokens[0] == normalize("ما") and tokens[1] in _PRONOUN:
        rest = tokens[2:]
    elif tokens and tokens[0] in _WHAT - {normalize("ما")}:
        rest = tokens[1:]
    else:
        return []
    return analyze(" ".join(rest)) if 1 <= len(rest) <= 2 else []


def extras(question: str, found: list, asked: object) -> np.ndarray:
    """Candidates x EXTRAS: the signals tried and not kept."""
    weights, aliases = asked.weights, asked.aliases
    mass = sum(weights.values()) or 1.0
    terms = [t for t in asked.terms if t in weights]
    bigrams = list(itertools.pairwise(terms))
    asks = _asks(question)
    out = np.zeros((len(found), len(EXTRAS) - 2))  # the last two: signal_matrix
    shapes = word_shapes(question)
    focus = next((t for t in weights if shapes.get(t) != "light"), None)
    defined = _defined(question)
    for i, (p, _) in enumerate(found):
        if defined:
            opening = set(analyze(" ".join(p.text.split()[:3])))
            out[i, 7] = all(t in opening or not opening.isdisjoint(aliases.get(t, ()))
                            for t in defined[:1])
        if focus is not None:
            have = set(analyze(p.title)) | set(analyze(p.text))
            out[i, 6] = focus in have or not have.isdisjoint(aliases.get(focus, ()))
        shares = [_held(set(analyze(s)), weights, aliases) / mass
                  for s in split_sentences(p.text) or [p.text]]
        title = set(analyze(p.title))
        predicate = {t: w for t, w in weights.items()
                     if t not in title and title.isdisjoint(aliases.get(t, ()))}
        text = analyze(p.text)
        held = sum(predicate.values())
        out[i, 0] = max(shares)
        out[i, 1] = _held(set(text), predicate, aliases) / held if held else 0.0
        if bigrams:
            adjacent = set(itertools.pairwise(text))
            out[i, 2] = sum(b in adjacent for b in bigrams) / len(bigrams)
        out[i, 3] = shares[0]
        if asks:
            vocab = _PLACE_WORDS if asks == "where" else _PERSON_WORDS
            out[i, 4 if asks == "where" else 5] = any(
                token in vocab or surface(token) in vocab
                for s in matching_sentences(p.text, weights, aliases)
                for token in tokenize(normalize(s)))
    return out


PROXIMITY_WIDTH = 8  # terms (stop words dropped): about one clause


def proximity(ids: list[np.ndarray], units: list[tuple[list[int], float]],
              width: int = PROXIMITY_WIDTH) -> np.ndarray:
    """Per id array, the most idf weight of distinct query units (term ids, weight) found
    within `width` consecutive terms: the answer sentence holds the question's words close.
    Widths 4, 6, 12, 16 and 24 measured alike."""
    out = np.zeros(len(ids))
    values = np.array([v for _, v in units], np.float64)
    for d, t in enumerate(ids):
        hits = np.stack([np.isin(t, u) for u, _ in units], axis=1).astype(np.int64)
        if not hits.any():
            continue
        running = np.vstack([np.zeros((1, len(units)), np.int64), np.cumsum(hits, axis=0)])
        span = min(width, len(t))
        out[d] = float((((running[span:] - running[:-span]) > 0) @ values).max())
    return out


SOFT_FLOOR = 0.5  # trigram Jaccard under which a near form counts nothing (0.3, 0.7 alike)


def soft_coverage(question: str, ids: list[np.ndarray], vmap: VariantMap, asked: object
                  ) -> np.ndarray:
    """Per id array, the idf weight of the question's words it holds, each counted at the
    trigram Jaccard similarity of its nearest stem there (1 when held; 0 under SOFT_FLOOR)."""
    distinct, counts = _counts(ids)
    present = counts > 0
    sizes = vmap.gram_counts(distinct)
    out = np.zeros(len(ids))
    for term, weight in asked.weights.items():
        best = np.zeros(len(distinct))
        for form in asked.aliases.get(term) or (term,):
            grams = sorted(set(_grams(form)))
            shared = _membership(distinct, grams, vmap).sum(axis=1)
            best = np.maximum(best, shared / np.maximum(len(grams) + sizes - shared, 1.0))
        best[best < SOFT_FLOOR] = 0.0
        out += weight * (present * best).max(axis=1, initial=0.0)
    return out


def signal_matrix(question: str, found: list, engine: Marsad, asked: object) -> np.ndarray:
    """Candidates x SIGNALS: each signal's contribution at weight 1 (furniture: -1)."""
    candidates = [Candidate(p.title, p.text, s, p.terms, title_terms(p.title)) for p, s in found]
    out = np.zeros((len(found), len(SIGNALS)))
    for j, name in enumerate(BASE):
        order = rerank_module.rerank(
            question, candidates, index=engine.index, vmap=engine.variants, vocab=engine.vocab,
            idf=asked.weights, aliases=asked.aliases, weights=_alone(name),
            titles=engine._titles.titles_of(asked.terms))
        for i, score in order:
            out[i, j] = score
    out[:, len(BASE):len(SIGNALS) - 2] = extras(question, found, asked)
    _, units, _, _ = _query(question, asked.weights, asked.aliases, engine.vocab)
    mass = sum(v for _, v in units) or 1.0
    ids = [np.asarray(c.terms, np.int64) for c in candidates]
    text = [t[c.title_terms:] for t, c in zip(ids, candidates, strict=True)]
    out[:, SIGNALS.index("proximity")] = proximity(text, units) / mass
    out[:, SIGNALS.index("soft_coverage")] = soft_coverage(
        question, ids, engine.variants, asked) / sum(asked.weights.values() or [1.0])
    return out


async def _collect(engine: Marsad, questions: list[str]) -> list[tuple[np.ndarray, list]]:
    """Per question: (signal matrix, candidate passages) as `answer()` sees them."""
    captured: list = []
    original = Marsad._rerank

    def spy(self, question, asked, found):
        captured.append((signal_matrix(question, found, self, asked), [p for p, _ in found]))
        return original(self, question, asked, found)

    Marsad._rerank = spy
    out = []
    try:
        for q in questions:
            captured.clear()
            await engine.ranked(q, engine_module.RERANK_DEPTH)
            out.append(captured[0] if captured else (np.zeros((0, len(SIGNALS))), []))
    finally:
        Marsad._rerank = original
    return out


async def collect(arcd: Path, params: BM25Params | None = None) -> dict:
    """Signals and gold flags of every ARCD and seed question's candidates; `params`: the
    stemmed field's BM25 parameters (None: the index's defaults)."""
    articles, squad = load_squad(arcd)
    titles = {a.id: a.title for a in articles}
    data: dict = {"arcd": [], "seeds": []}
    with tempfile.TemporaryDirectory() as tmp:
        async with await Marsad.open(Path(tmp) / "arcd.db", params=params) as engine:
            await engine.ingest(articles)
            for q, (x, passages) in zip(squad, await _collect(engine, [q.question for q in squad]),
                                        strict=True):
                gold = np.array([p.article_id == q.gold for p in passages], bool)
                data["arcd"].append((x, gold, titles[q.gold], q.question))
        async with await Marsad.open(Path(tmp) / "seeds.db", seeds=REPO / "seeds",
                                     params=params) as engine:
            items = [i for i in load_questions(DATA / "seeds-questions.jsonl")
                     if i.get("keys") and kind_of(i) != "foreign"]
            for item, (x, passages) in zip(items, await _collect(engine, [i["q"] for i in items]),
                                           strict=True):
                keys = [normalize(k) for k in item["keys"]]
                gold = np.array([any(k in normalize(p.text) for k in keys) for p in passages],
                                bool)
                data["seeds"].append((x, gold, kind_of(item), item["q"]))
    return data


def ranks(rows: list, w: np.ndarray) -> np.ndarray:
    """1-based rank of the first gold candidate under weights w (0: none)."""
    out = np.zeros(len(rows), int)
    for n, (x, gold, *_) in enumerate(rows):
        if not gold.any():
            continue
        score = x @ w
        order = np.lexsort((np.arange(len(score)), -score))
        out[n] = int(np.flatnonzero(gold[order])[0]) + 1
    return out


def figures(r: np.ndarray) -> tuple[float, float]:
    p1 = float(np.mean(r == 1))
    mrr = float(np.mean(np.where((r > 0) & (r <= 10), 1.0 / np.maximum(r, 1), 0.0)))
    return p1, mrr


def damped_newton(loss: Callable[[np.ndarray], float],
                  grad_hess: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]],
                  k: int, iterations: int) -> np.ndarray:
    """Newton's method from zero over `k` weights, a step that raises `loss` halved
    (Newton overshoots on nearly collinear signals: backtrack); stops when the step or
    the gain is negligible."""
    w = np.zeros(k)
    current = loss(w)
    for _ in range(iterations):
        grad, hess = grad_hess(w)
        step = np.linalg.solve(hess, grad)
        while loss(w - step) > current and np.abs(step).max() > 1e-10:
            step /= 2
        w -= step
        previous, current = current, loss(w)
        if np.abs(step).max() < 1e-8 or previous - current < 1e-10 * max(abs(previous), 1):
            break
    return w


def listwise_weights(lists: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]], l2: float,
                     iterations: int) -> np.ndarray:
    """Weights over the columns of each question's (standardized signals, fixed part of
    each candidate's score, gold mask) maximising the likelihood that a gold candidate
    comes first: a softmax over each question's candidates, L2 `l2` per question."""
    k = lists[0][0].shape[1]
    penalty = l2 * len(lists)

    def loss(w: np.ndarray) -> float:
        """Negative log-likelihood of the gold candidates coming first, plus the penalty."""
        total = 0.5 * penalty * float(w @ w)
        for x, o, gold in lists:
            s = x @ w + o
            total += np.logaddexp.reduce(s) - np.logaddexp.reduce(s[gold])
        return float(total)

    def grad_hess(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        grad, hess = penalty * w, penalty * np.eye(k)
        for x, o, gold in lists:
            s = x @ w + o
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.where(gold, np.exp(s - s[gold].max()), 0.0)
            q /= q.sum()
            grad += x.T @ (p - q)
            mean = x.T @ p
            hess += (x * p[:, None]).T @ x - np.outer(mean, mean)  # Gauss-Newton: PSD
        return grad, hess

    return damped_newton(loss, grad_hess, k, iterations)


def fit_listwise(rows: list, cols: list[int], l2: float = L2) -> np.ndarray:
    """Weights over `cols` maximising the likelihood that the gold candidate comes first
    (`listwise_weights`, L2 on standardized signals).
    Furniture keeps the module's weight; the result is scaled so that bm25 weighs 1."""
    lists = [(x[:, cols], gold) for x, gold, *_ in rows if gold.any() and not gold.all()]
    scale = np.maximum(np.vstack([x for x, _ in lists]).std(axis=0), 1e-9)
    w = listwise_weights([(x / scale, np.zeros(len(x)), gold) for x, gold in lists], l2, 50)
    out = np.zeros(len(SIGNALS))
    out[cols] = w / scale
    bm25 = out[BASE.index("bm25")]
    if bm25 > 0:
        out /= bm25
    out[FURNITURE] = rerank_module.WEIGHTS.furniture
    out[SPEAKER] = rerank_module.WEIGHTS.speaker
    out[ACTING] = rerank_module.WEIGHTS.acting
    out[MEANS] = rerank_module.WEIGHTS.means
    out[CAUSE] = rerank_module.WEIGHTS.cause
    out[TOGETHER] = rerank_module.WEIGHTS.together
    out[PRESENTING] = rerank_module.WEIGHTS.presenting
    out[FUTURE] = rerank_module.WEIGHTS.future
    out[BEFORE] = rerank_module.WEIGHTS.before
    if ANSWER_TYPE not in cols:  # kept at its share of the matching signals' weight
        out[ANSWER_TYPE] = ANSWER_TYPE_SHARE * out[list(MATCHING)].sum()
    return out


def folds_of(rows: list, k: int, seed: int = 0) -> np.ndarray:
    groups = sorted({r[2] for r in rows})
    rng = np.random.default_rng(seed)
    fold = dict(zip(groups, rng.permutation(len(groups)) % k, strict=True))
    return np.array([fold[r[2]] for r in rows])


def cv(rows: list, k: int, fit, seed: int = 0) -> np.ndarray:
    """Held-out ranks of every question, fit(train_rows) -> weights; `seed` picks the
    assignment of articles to folds."""
    fold = folds_of(rows, k, seed)
    out = np.zeros(len(rows), int)
    for f in range(k):
        train = [r for r, g in zip(rows, fold, strict=True) if g != f]
        test = [n for n, g in enumerate(fold) if g == f]
        w = fit(train)
        out[test] = ranks([rows[n] for n in test], w)
    return out


def seed_line(rows: list, w: np.ndarray) -> str:
    r = ranks(rows, w)
    kinds = sorted({row[2] for row in rows})
    parts = [f"all {np.mean(r == 1):.3f}"]
    for kind in kinds:
        sel = np.array([row[2] == kind for row in rows])
        parts.append(f"{kind} {np.mean(r[sel] == 1):.3f}")
    return "  ".join(parts)


def held_out(rows: list, k: int, cols: list[int], repeats: int) -> tuple[float, float]:
    """Held-out (P@1, MRR@10) of the listwise fit over `cols`, averaged over `repeats`
    assignments of articles to folds."""
    runs = [figures(cv(rows, k, lambda train: fit_listwise(train, cols), seed))
            for seed in range(repeats)]
    return float(np.mean([p for p, _ in runs])), float(np.mean([m for _, m in runs]))


def report(data: dict, k: int, repeats: int = 1) -> None:
    arcd, seeds = data["arcd"], data["seeds"]
    kept = np.zeros(len(SIGNALS))
    for n, name in enumerate(BASE):
        kept[n] = getattr(rerank_module.WEIGHTS, name)
    print(f"{len(arcd)} ARCD questions, {len(seeds)} seed questions; {k}-fold grouped by title"
          f", held out averaged over {repeats} fold assignment(s)")
    print(f"{'':44} P@1    MRR@10 | seeds: top passage holds a key")
    p1, mrr = figures(ranks(arcd, kept))
    print(f"{'rerank.WEIGHTS (in-sample)':44} {p1:.3f}  {mrr:.3f} | {seed_line(seeds, kept)}")
    core = [j for j in range(len(BASE)) if j not in RULES]
    rows = [("listwise fit, rerank's signals", core),
            ("  answer-type cue fitted too", [*core, ANSWER_TYPE])]
    rows += [(f"  - {SIGNALS[j]}", [c for c in core if c != j]) for j in core]
    rows += [(f"  + {SIGNALS[j]}", [*core, j]) for j in range(len(BASE), len(SIGNALS))]
    for name, cols in rows:
        p1, mrr = held_out(arcd, k, cols, repeats)
        w = fit_listwise(arcd, cols)
        print(f"{name + ' (held out)':44} {p1:.3f}  {mrr:.3f} | {seed_line(seeds, w)}")
    w = fit_listwise(arcd, core)
    print("fitted on all of ARCD:",
          json.dumps({s: round(float(v), 2) for s, v in zip(BASE, w, strict=False)}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arcd", type=Path, default=ARCD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1,
                        help="fold assignments the held-out figures are averaged over")
    parser.add_argument("--cache", type=Path, help="pickle of the collected signals (reuse)")
    parser.add_argument("--k1", type=float, default=BM25Params.k1)
    parser.add_argument("--b", type=float, default=BM25Params.b)
    args = parser.parse_args(argv)
    if args.cache and args.cache.exists():
        data = pickle.loads(args.cache.read_bytes())
    else:
        data = asyncio.run(collect(args.arcd, BM25Params(k1=args.k1, b=args.b)))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(data))
    report(data, args.folds, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
