"""Fit the decline decision (retrieval/decide.py) and report its held-out figures.

    python -m benchmarks.fit_decision [--arcd PATH] [--folds 6] [--drop SIGNAL...] [--write]

Examples, each the `Answer.signals` of `Marsad.answer()` (questions with no hit at all are
declined whatever the model says, and left out):
- in coverage: every ARCD train question over ARCD's paragraphs; the answerable seed
  questions of tests/data whose best passage holds one of their keys (the decision asks
  whether the best passage answers: an answerable question reaching a wrong passage is
  no example of a passage that answers, and answering it would mislead) (`FITTED`:
  seeds-questions.jsonl, seeds-dev.jsonl, seeds-properties.jsonl, seeds-roles.jsonl,
  seeds-events.jsonl, seeds-names.jsonl, seeds-spread.jsonl, seeds-readers5.jsonl,
  seeds-decide6.jsonl;
  questions in another
  language, detected or of kind "foreign", are left out: they are never answered from
  Arabic passages, and an English question naming Putin may be read as undetermined);
- out of coverage: every ARCD question over the seeds; the near-miss and off-topic seed
  questions (seeds-near-misses.jsonl and the `FITTED` files after it).
- the twenty development sets written blind (`BLIND`: seeds-unseen.jsonl,
  seeds-blind2.jsonl, seeds-blind3.jsonl, seeds-blind4.jsonl, seeds-blind5.jsonl,
  seeds-blind6.jsonl, seeds-blind7.jsonl, seeds-blind8.jsonl, seeds-blind9.jsonl,
  seeds-blind10.jsonl, seeds-blind11.jsonl, seeds-blind12.jsonl, seeds-blind13.jsonl,
  seeds-blind14.jsonl, seeds-blind15.jsonl, seeds-blind16.jsonl, seeds-blind17.jsonl,
  seeds-blind18.jsonl, seeds-blind19.jsonl, seeds-blind20.jsonl, each by another writer who
  read only the five articles): answerable ones whose best passage holds a key, and
  their near misses and off-topic questions, each set a cross-validation fold of its own
  (`folds`), so that its held-out figure is that of a writer the model never saw. By
  writer rather than by passage: what failed to carry over is the writer (gains held out
  on one writer's own halves did not reach the others' sets), and grouping by passage
  keeps a writer's habits of phrasing on both sides of the split. Printed per set.
seeds-heldout.jsonl and the other *-heldout.jsonl files are never fitted on (nor
seeds-blind21.jsonl and the later blind sets): `marsad eval` measures them. A set
added to `BLIND` is held out honestly only by the constants fitted before it: each run
also prints every writer's figures as decide.py's constants (those at the start of the
run) score them.
- over another coverage than the seeds (tests/data/newsroom8/: fifteen articles on five
  events, questions.jsonl its fitted half, three events; questions-heldout.jsonl, two
  events, is never fitted on): its answerable questions whose best passage holds a key,
  its near misses and off-topic questions as out of coverage, grouped by event; and
  the same of tests/data/newsroom10/ (fourteen articles on three events: a train crash,
  a cup final, Jordan's elections; questions.jsonl, all of it fitted, its events fold
  groups of their own, reported apart), and of tests/data/newsroom12/ (thirteen articles on
  three stories: Morocco's butane price, the Latakia wildfires, the Baghdad Arab summit;
  the same way), and of tests/data/newsroom14/ (22 articles, six outlets, four stories:
  the Derna floods, the Al Haouz earthquake, Egypt's rates and inflation, the Jeddah
  talks on Sudan; the same way), and of tests/data/newsroom16/ (six articles, five outlets
  and agencies, one trade story: the Algerian-Tunisian joint commission, its articles a
  folder of raw .txt wire copy, HTML pages and a JSONL feed, ingested as `marsad ingest`
  reads a folder; its questions grouped by the strand of the story they ask about: the
  agreement, energy, the free zone, olive oil).
ARCD in coverage, ARCD over the seeds, the question files' answerable questions and their
out-of-coverage ones (seeds and newsroom8 pooled), the blind sets' answerable questions and
their out-of-coverage ones weigh the same in the fit (near misses are few but matter most;
the blind pools pooled with the seed files' separated them less well held out, AUC 0.926
against 0.932).
The newsroom8 questions are fitted, not capped: with 51 answerable examples a 5% cap
(two questions) set the threshold at 0.09 and the seed near misses declined fell from
78% to 51% held out.

Logistic regression in numpy (Newton's method, L2 penalty, signals standardized). Held-out
figures come from k-fold cross-validation with folds grouped so that near-duplicate
questions never straddle a fold: ARCD by article title, seed questions by the passage
their keys point to, near misses in runs of five. The threshold is chosen on the
out-of-fold probabilities for the stated trade-off: at most 2% of ARCD questions (its
test split's target is 3%: the margin is for questions never seen) and at most 5% of
the answerable seed questions declined (the readers' target is 1 in 27; at 15% the
threshold rose until the ARCD cap bound, and questions nobody tuned for were declined
more often for few more near misses), then as many out-of-coverage questions declined
as possible. (A declined question still shows its closest passages, labelled, so
a false decline no longer hides the passage; a wrong answer misleads; the table printed
shows the other trade-offs, and the AUC says how well the signals separate in-coverage
from out-of-coverage questions at any threshold: compare signals by it.) Prints the
figures and the constants; `--write` puts the
constants into retrieval/decide.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import numpy as np

from retrieval import decide
from retrieval.articles import read_articles
from retrieval.engine import Marsad
from retrieval.evaluate import SQUAD_DEPTH, holds_key, load_questions, load_squad

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
ARCD = Path(os.environ.get("MARSAD_ARCD", DATA / "arcd-train.json"))
SEEDS = REPO / "seeds"
(IN_ARCD, IN_SEEDS, OUT_ARCD, OUT_SEEDS, IN_NEWSROOM, OUT_NEWSROOM, IN_BLIND,
 OUT_BLIND, IN_NEWSROOM10, OUT_NEWSROOM10, IN_NEWSROOM12, OUT_NEWSROOM12, IN_NEWSROOM14,
 OUT_NEWSROOM14, IN_NEWSROOM16, OUT_NEWSROOM16) = range(16)
SET_NAMES = ("ARCD over ARCD (in coverage)", "seed questions (answerable)",
             "ARCD over the seeds (out of coverage)", "seed near misses (out of coverage)",
             "newsroom8 questions (answerable)", "newsroom8 near misses and off-topic",
             "blind questions (answerable)", "blind near misses and off-topic",
             "newsroom10 questions (answerable)", "newsroom10 near misses and off-topic",
             "newsroom12 questions (answerable)", "newsroom12 near misses and off-topic",
             "newsroom14 questions (answerable)", "newsroom14 near misses and off-topic",
             "newsroom16 questions (answerable)", "newsroom16 near misses and off-topic")
# other coverages than the seeds: (folder, its answerable set, its fold groups' prefix)
NEWSROOMS = ((DATA / "newsroom8", IN_NEWSROOM, "newsroom:"),
             (DATA / "newsroom10", IN_NEWSROOM10, "newsroom10:"),
             (DATA / "newsroom12", IN_NEWSROOM12, "newsroom12:"),
             (DATA / "newsroom14", IN_NEWSROOM14, "newsroom14:"),
             (DATA / "newsroom16", IN_NEWSROOM16, "newsroom16:"))
MAX_DECLINED = {IN_ARCD: 0.02, IN_SEEDS: 0.05}
# a question file's negatives
OUT_OF = {IN_SEEDS: OUT_SEEDS, IN_NEWSROOM: OUT_NEWSROOM, IN_BLIND: OUT_BLIND,
          IN_NEWSROOM10: OUT_NEWSROOM10, IN_NEWSROOM12: OUT_NEWSROOM12,
          IN_NEWSROOM14: OUT_NEWSROOM14, IN_NEWSROOM16: OUT_NEWSROOM16}
# weighed together (weights_for)
POOL = {IN_NEWSROOM: IN_SEEDS, OUT_NEWSROOM: OUT_SEEDS, IN_NEWSROOM10: IN_SEEDS,
        OUT_NEWSROOM10: OUT_SEEDS, IN_NEWSROOM12: IN_SEEDS, OUT_NEWSROOM12: OUT_SEEDS,
        IN_NEWSROOM14: IN_SEEDS, OUT_NEWSROOM14: OUT_SEEDS, IN_NEWSROOM16: IN_SEEDS,
        OUT_NEWSROOM16: OUT_SEEDS}
# seed question files fitted on (the *-heldout.jsonl files are not: they measure
# questions the fit never saw)
FITTED = ("seeds-questions.jsonl", "seeds-dev.jsonl", "seeds-near-misses.jsonl",
          "seeds-properties.jsonl", "seeds-roles.jsonl", "seeds-events.jsonl",
          "seeds-names.jsonl", "seeds-spread.jsonl", "seeds-readers5.jsonl",
          "seeds-decide6.jsonl")
# seed question sets written blind, each by its own writer who read only the five
# articles: one cross-validation fold each, so that a set's held-out figure is that of a
# writer the model never saw (seeds-blind21.jsonl and later are never fitted on)
BLIND = ("seeds-unseen.jsonl", "seeds-blind2.jsonl", "seeds-blind3.jsonl",
         "seeds-blind4.jsonl", "seeds-blind5.jsonl", "seeds-blind6.jsonl",
         "seeds-blind7.jsonl", "seeds-blind8.jsonl", "seeds-blind9.jsonl",
         "seeds-blind10.jsonl", "seeds-blind11.jsonl", "seeds-blind12.jsonl",
         "seeds-blind13.jsonl", "seeds-blind14.jsonl", "seeds-blind15.jsonl",
         "seeds-blind16.jsonl", "seeds-blind17.jsonl", "seeds-blind18.jsonl",
         "seeds-blind19.jsonl", "seeds-blind20.jsonl")
L2 = 1e-2
REPEATS = 5  # random assignments of the groups to folds the held-out figures average


async def collect(arcd: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                                       dict[int, int]]:
    """(signals, label, set, group) of every example that has a hit, and how many ARCD
    questions have none or are read as another language (declined whatever the model
    says: `marsad eval` counts them)."""
    articles, squad = load_squad(arcd)
    rows: list[tuple[tuple[float, ...], int, int, str]] = []
    unhit = {IN_ARCD: 0}
    with tempfile.TemporaryDirectory() as tmp:
        async with await Marsad.open(Path(tmp) / "arcd.db") as engine:
            await engine.ingest(articles)
            titles = {a.id: a.title for a in articles}
            for q in squad:  # as `marsad eval` asks them, whose declines the cap bounds
                answer = await engine.answer(q.question, k=SQUAD_DEPTH)
                if answer.hits and answer.language in ("ar", "und"):
                    rows.append((answer.signals, 1, IN_ARCD, "arcd:" + titles[q.gold]))
                else:  # no hit, or read as another language: declined whatever the model says
                    unhit[IN_ARCD] += 1
        async with await Marsad.open(Path(tmp) / "seeds.db", seeds=SEEDS) as engine:
            for q in squad:
                answer = await engine.answer(q.question, k=3)
                if answer.hits:
                    rows.append((answer.signals, 0, OUT_ARCD, "arcd:" + titles[q.gold]))
            for name in FITTED:
                if (DATA / name).exists():
                    rows += await examples(engine, load_questions(DATA / name), IN_SEEDS,
                                           lambda n, item, name=name: (
                                               f"miss:{name}:{n // 5}" if item.get("abstain")
                                               else "key:" + item["keys"][0]))
            for name in BLIND:
                rows += await examples(engine, load_questions(DATA / name), IN_BLIND,
                                       lambda n, item, name=name: "blind:" + name)
        for folder, answerable, prefix in NEWSROOMS:
            async with await Marsad.open(Path(tmp) / f"{folder.name}.db") as engine:
                # a folder of pages in their own formats (newsroom16), or one JSONL file
                await engine.ingest(read_articles([
                    folder / "articles" if (folder / "articles").is_dir()
                    else folder / "articles.jsonl"]))
                # grouped by event (off-topic questions in runs of five): the held-out
                # figure is that of events the fold never saw, as another newsroom's is
                rows += await examples(
                    engine, load_questions(folder / "questions.jsonl"), answerable,
                    lambda n, item, prefix=prefix: prefix + (
                        item.get("event") or f"off:{n // 5}"))
    x = np.array([r[0] for r in rows], dtype=float)
    label = np.array([r[1] for r in rows])
    kind = np.array([r[2] for r in rows])
    return x, label, kind, np.array([r[3] for r in rows]), unhit


Row = tuple[tuple[float, ...], int, int, str]


async def examples(engine: Marsad, items: list[dict], answerable: int,
                   group: Callable[[int, dict], str]) -> list[Row]:
    """(signals, label, set, group) of question-file `items` asked over `engine`:
    answerable ones (set `answerable`) whose best passage holds a key, and out-of-coverage
    ones (the set after it); questions with no hit or in another language are left out."""
    rows = []
    for n, item in enumerate(items):
        answer = await engine.answer(item["q"], k=3)
        if (not answer.hits or answer.language not in ("ar", "und")
                or item.get("kind") == "foreign"):
            continue
        if item.get("abstain"):
            rows.append((answer.signals, 0, OUT_OF[answerable], group(n, item)))
        elif holds_key(answer.hits[0].text, item["keys"]):
            rows.append((answer.signals, 1, answerable, group(n, item)))
    return rows


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                                 np.ndarray, float]:
    """(means, scales, coefficients, intercept): weighted L2 logistic regression."""
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    z = np.hstack([(x - means) / scales, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = L2 * np.eye(z.shape[1])
    penalty[-1, -1] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -50, 50)))
        grad = z.T @ (w * (p - y)) + penalty @ beta * w.sum()
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + penalty * w.sum()
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return means, scales, beta[:-1], float(beta[-1])


def probabilities(x: np.ndarray, model: tuple[np.ndarray, np.ndarray, np.ndarray, float]
                  ) -> np.ndarray:
    means, scales, coef, intercept = model
    return 1 / (1 + np.exp(-np.clip(((x - means) / scales) @ coef + intercept, -50, 50)))


def weights_for(kind: np.ndarray) -> np.ndarray:
    """Each of four pools weighs as much in total: ARCD in coverage, ARCD over the seeds,
    the answerable questions of the question files (seeds and newsroom8 together) and
    their out-of-coverage ones. (Six sets weighing the same diluted the seed near misses:
    the role and word-order signals, fitted on few of them, lost half their weight.)"""
    pool = np.array([POOL.get(int(k), int(k)) for k in kind])
    counts = np.bincount(pool, minlength=len(SET_NAMES)).astype(float)
    return (len(kind) / np.count_nonzero(counts)) / counts[pool]


def threshold(p: np.ndarray, kind: np.ndarray, unhit: dict[int, int] | None = None,
              caps: dict[int, float] | None = None) -> float:
    """The highest threshold that declines no more in-coverage questions than allowed:
    the lowest, over the capped sets, of the probability of the first question past the
    cap (below it, exactly as many are declined as the cap allows). `unhit`: questions
    of a set with no hit, declined anyway, which count against its cap (`marsad eval`
    declines them). An interpolated quantile let one question more than the cap be
    declined (2.02% of ARCD). `caps`: set -> share allowed (MAX_DECLINED)."""
    def first_past(s: int, limit: float) -> float:
        chosen = np.sort(p[kind == s])
        missed = (unhit or {}).get(s, 0)
        allowed = max(int(np.floor(limit * (len(chosen) + missed) + 1e-9)) - missed, 0)
        return float(chosen[min(allowed, len(chosen) - 1)])
    return float(np.floor(min(first_past(s, limit)
                              for s, limit in (caps or MAX_DECLINED).items()) * 1e4) / 1e4)


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Chance that an in-coverage question gets a higher probability than an
    out-of-coverage one (ties half): how well the model separates them, at any threshold."""
    if not len(positive) or not len(negative):
        return float("nan")
    diff = positive[:, None] - negative[None, :]
    return float((diff > 0).mean() + 0.5 * (diff == 0).mean())


def folds(groups: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """Each example's cross-validation fold (0..k-1) from its group (`collect`): the
    groups spread at random (`seed`) over the folds, except each blind writer's set,
    which is a fold of its own (the i-th of BLIND is fold i), so no model that scores a
    blind question saw any question its writer wrote."""
    ids = np.unique(groups, return_inverse=True)[1]
    fold = np.random.default_rng(seed).permutation(ids.max() + 1)[ids] % k
    for i, name in enumerate(BLIND):
        fold[groups == "blind:" + name] = i % k
    return fold


def report_blind(p: np.ndarray, kind: np.ndarray, groups: np.ndarray, t: float) -> None:
    """Per blind writer (held out, or as the constants in decide.py score them): answerable
    questions (best passage answering) declined, near misses and off-topic questions
    declined, and the AUC between them."""
    for name in BLIND:
        mine = groups == "blind:" + name
        yes, no = p[mine & (kind == IN_BLIND)], p[mine & (kind == OUT_BLIND)]
        print(f"  {name}: answerable {len(yes)}, declined {(yes < t).mean():.1%}; "
              f"out of coverage {len(no)}, declined {(no < t).mean():.1%}; "
              f"AUC {auc(yes, no):.3f}")


def report(p: np.ndarray, kind: np.ndarray, t: float, label: str) -> None:
    print(f"{label} (threshold {t:.4f}):")
    for s, name in enumerate(SET_NAMES):
        chosen = p[kind == s]
        if len(chosen):
            print(f"  {name}: {len(chosen)} questions, declined {(chosen < t).mean():.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arcd", type=Path, default=ARCD)
    # one fold per blind writer: with fewer, two writers share a fold and each is
    # scored by a model that saw one writer fewer
    parser.add_argument("--folds", type=int, default=len(BLIND))
    parser.add_argument("--drop", nargs="*", default=[], choices=decide.SIGNALS,
                        help="leave these signals out (zeroed), to measure what each adds")
    parser.add_argument("--write", action="store_true",
                        help="write the fitted constants into retrieval/decide.py")
    args = parser.parse_args(argv)
    x, y, kind, groups, unhit = asyncio.run(collect(args.arcd))
    x[:, [decide.SIGNALS.index(name) for name in args.drop]] = 0.0
    w = weights_for(kind)
    # averaged over REPEATS assignments of the groups to folds: the threshold is the
    # probability of about the 12th lowest ARCD question, which one assignment alone moved
    # from 0.22 to 0.26 (the blind sets keep their writers' folds in every one)
    held_out = np.zeros(len(y))
    for seed in range(REPEATS):
        fold = folds(groups, args.folds, seed)
        for f in range(args.folds):
            train = fold != f
            held_out[~train] += probabilities(x[~train], fit(x[train], y[train], w[train]))
    held_out /= REPEATS
    # as written into decide.py (four decimals), so the in-sample cap holds for them
    means, scales, coef, intercept = fit(x, y, w)
    model = (np.round(means, 4), np.round(scales, 4), np.round(coef, 4), round(intercept, 4))
    # the caps hold for the questions as the fitted model answers them (`marsad eval` uses
    # it): the held-out quantile alone moved by a third between refits of a few more
    # questions, and once let 2.3% of ARCD be declined in-sample. The seed cap holds held
    # out too; ARCD's only as `marsad eval` measures it: held out, its 2% falls on about
    # the 12th lowest of 693 probabilities, which moved from 0.22 to 0.26 over fold
    # assignments and, with the blind sets fitted, set the threshold 0.04-0.06 under the
    # in-sample cap, where fewer near misses were declined than by the model before them
    # (the held-out ARCD share is printed: 2.3% at 0.2968, the test split's target 3%)
    t = min(threshold(held_out, kind, unhit, {IN_SEEDS: MAX_DECLINED[IN_SEEDS]}),
            threshold(probabilities(x, model), kind, unhit))
    report(held_out, kind, t, f"held out ({args.folds}-fold, grouped)")
    print(f"  AUC held out: answerable seed questions vs near misses "
          f"{auc(held_out[kind == IN_SEEDS], held_out[kind == OUT_SEEDS]):.3f}, "
          f"ARCD vs ARCD over the seeds "
          f"{auc(held_out[kind == IN_ARCD], held_out[kind == OUT_ARCD]):.3f}, "
          f"newsroom8 answerable vs near misses "
          f"{auc(held_out[kind == IN_NEWSROOM], held_out[kind == OUT_NEWSROOM]):.3f}, "
          f"newsroom10 "
          f"{auc(held_out[kind == IN_NEWSROOM10], held_out[kind == OUT_NEWSROOM10]):.3f}, "
          f"newsroom12 "
          f"{auc(held_out[kind == IN_NEWSROOM12], held_out[kind == OUT_NEWSROOM12]):.3f}, "
          f"newsroom14 "
          f"{auc(held_out[kind == IN_NEWSROOM14], held_out[kind == OUT_NEWSROOM14]):.3f}, "
          f"newsroom16 "
          f"{auc(held_out[kind == IN_NEWSROOM16], held_out[kind == OUT_NEWSROOM16]):.3f}, "
          f"blind answerable vs near misses "
          f"{auc(held_out[kind == IN_BLIND], held_out[kind == OUT_BLIND]):.3f}")
    report_blind(held_out, kind, groups, t)
    # a set added to BLIND this round is honestly held out only by the constants fitted
    # before it (those in decide.py when the run starts)
    print(f"as decide.py's constants score them (threshold {decide.THRESHOLD:.4f}):")
    report_blind(np.array([decide.probability(row) for row in x]), kind, groups,
                 decide.THRESHOLD)
    print("other trade-offs, held out: answerable seed questions declined -> near misses, "
          "ARCD over the seeds, ARCD in coverage declined, newsroom8 answerable, "
          "newsroom8 near misses, blind answerable, blind near misses, newsroom10 "
          "answerable, newsroom10 near misses, newsroom12 answerable, newsroom12 near misses, "
          "newsroom14 answerable, newsroom14 near misses, newsroom16 answerable, "
          "newsroom16 near misses")
    for cap in (0.05, 0.10, 0.15, 0.20, 0.30):
        other = float(np.quantile(held_out[kind == IN_SEEDS], cap))
        shares = [(held_out[kind == s] < other).mean() for s in (
            OUT_SEEDS, OUT_ARCD, IN_ARCD, IN_NEWSROOM, OUT_NEWSROOM, IN_BLIND, OUT_BLIND,
            IN_NEWSROOM10, OUT_NEWSROOM10, IN_NEWSROOM12, OUT_NEWSROOM12, IN_NEWSROOM14,
            OUT_NEWSROOM14, IN_NEWSROOM16, OUT_NEWSROOM16)]
        print(f"  {cap:.0%}: threshold {other:.4f} -> " + ", ".join(f"{v:.1%}" for v in shares))
    report(probabilities(x, model), kind, t, "all data (in-sample, for reference)")
    means, scales, coef, intercept = model
    constants = []
    for name, values in (("MEANS", means), ("SCALES", scales), ("COEFFICIENTS", coef)):
        body = textwrap.fill(", ".join(f"{v:.4f}" for v in values), 88,
                             initial_indent="    ", subsequent_indent="    ")
        constants.append((name, f"{name} = np.array([\n{body}])"))
    constants += [("INTERCEPT", f"INTERCEPT = {intercept:.4f}"),
                  ("THRESHOLD", f"THRESHOLD = {t:.4f}")]
    print("\n# retrieval/decide.py constants")
    print("\n".join(text for _, text in constants))
    if args.write:
        path = REPO / "retrieval" / "decide.py"
        source = path.read_text(encoding="utf-8")
        for name, text in constants:
            source = re.sub(rf"^{name} = (np\.array\(\[[^\]]*\]\)|\S+)$", text, source,
                            count=1, flags=re.M)
        path.write_text(source, encoding="utf-8")
    print("\n# signals:", ", ".join(f"{n} {c:+.2f}" for n, c in zip(decide.SIGNALS, coef,
                                                                    strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
