"""Measuring what users see: every figure here is computed from `Marsad.answer()`.

Two kinds of evaluation file:

- a SQuAD-format file (ARCD): each paragraph becomes an article; P@1, R@5 and MRR@10 of the
  paragraph each question was written about among the TOP-LEVEL hits of `answer(q, k=10)` (a
  paragraph only credited in another hit's `also_reported_by` is not shown, so not a hit), and
  the share of these in-coverage questions that were declined (`answered` false);
- a question file (JSONL, one object a line) over whatever the engine holds:
  `{"q", "keys": [...], "kind"?, "language"?}` is answerable: right when answered and the top hit
  holds one of the keys; `{"q", "abstain": true, "kind"?}` must be declined. A question whose
  "language" is not "ar" is right when `answer.language` names that language (the reader is told
  the coverage is Arabic, never that it is silent) and no wrong passage is asserted.

The same SQuAD questions asked against another corpus (ARCD against the seeds) are all out of
coverage: `eval_declines` gives their decline rate.

Results are plain dicts (JSON-ready); every failure is listed with what was expected and what came
back (top hit text, `answered`). Frontends print them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import normalize
from .engine import Marsad
from .model import Answer, Article

SQUAD_DEPTH = 10  # hits asked of answer() for P@1 / R@5 / MRR@10
QUESTION_DEPTH = 3  # hits asked of answer() for answer@1 / answer@3
SHOWN_CHARS = 160  # of a hit's text, in a failure


class EvalError(ValueError):
    """The evaluation file cannot be read; the message names it (and the line)."""


@dataclass(frozen=True)
class SquadQuestion:
    question: str
    gold: str  # article id of the paragraph that answers it


def _read(path: str | Path) -> str:
    """The file's text, or an EvalError that says what is wrong with it in plain words."""
    path = Path(path)
    if not path.exists():
        raise EvalError(f"{path}: the file does not exist")
    if path.is_dir():
        raise EvalError(f"{path}: is a folder, not a file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except PermissionError:
        raise EvalError(f"{path}: not allowed to read it (check its permissions)") from None
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise EvalError(f"{path}: cannot read it ({exc.strerror})") from None
    if not text.strip():
        raise EvalError(f"{path}: the file is empty")
    return text


def load_squad(path: str | Path) -> tuple[list[Article], list[SquadQuestion]]:
    """Each paragraph becomes an article titled by its SQuAD article title."""
    text = _read(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                        f"{exc.msg})") from None
    try:
        articles, questions = [], []
        for i, entry in enumerate(data["data"]):
            for j, paragraph in enumerate(entry["paragraphs"]):
                article_id = f"p{i:04d}_{j:03d}"
                articles.append(Article(article_id, entry.get("title", ""), None, None,
                                        (paragraph["context"],)))
                questions.extend(SquadQuestion(qa["question"], article_id)
                                 for qa in paragraph["qas"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise EvalError(f"{path}: not a SQuAD-format file (expected {{\"data\": [{{\"title\", "
                        f"\"paragraphs\": [{{\"context\", \"qas\": [{{\"question\"}}]}}]}}]}}; "
                        f"missing or wrong: {exc})") from None
    if not questions:  # scores over nothing would read as a total failure: 0.000
        raise EvalError(f"{path}: no questions to score (a SQuAD file with "
                        f"{len(articles)} paragraphs and no \"qas\" in them)")
    return articles, questions


def _shown(answer: Answer) -> dict[str, Any]:
    """What the reader got: whether it was answered, and the top hit."""
    top = answer.hits[0] if answer.hits else None
    return {"answered": answer.answered, "language": answer.language,
            "top_hit": top.text[:SHOWN_CHARS] if top else None,
            "top_article": top.article_id if top else None}


def rank_of(gold: str, article_ids: Iterable[str]) -> int | None:
    """1-based rank of the first `gold` among distinct article ids, None when absent."""
    ranked = list(dict.fromkeys(article_ids))
    return ranked.index(gold) + 1 if gold in ranked else None


def rank_figures(ranks: list[int | None]) -> dict[str, float]:
    """P@1, R@5 and MRR@10 of the gold paragraphs' ranks (None: not found)."""
    n = len(ranks) or 1
    return {"P@1": sum(r == 1 for r in ranks) / n,
            "R@5": sum(r is not None and r <= 5 for r in ranks) / n,
            "MRR@10": sum(1 / r for r in ranks if r is not None and r <= SQUAD_DEPTH) / n}


async def eval_squad(engine: Marsad, questions: list[SquadQuestion],
                     articles: Iterable[Article] = ()) -> dict[str, Any]:
    """P@1, R@5, MRR@10 over the top-level hits of `answer(q, k=10)`; share declined.

    A question counts as found at the rank of the first top-level hit from its gold paragraph,
    whether or not it was declined (declines are counted apart: `declined`, a share in [0, 1]).
    `articles` (optional) lets a failure quote the gold paragraph's opening.
    """
    opening = {a.id: a.text[:SHOWN_CHARS] for a in articles}
    ranks = []
    declined = 0
    failures = []
    for q in questions:
        answer = await engine.answer(q.question, k=SQUAD_DEPTH)
        rank = rank_of(q.gold, (h.article_id for h in answer.hits))
        ranks.append(rank)
        declined += not answer.answered
        if rank != 1 or not answer.answered:
            failures.append({"question": q.question, "kind": "in-coverage",
                             "expected": {"article_id": q.gold, "text": opening.get(q.gold)},
                             "rank": rank, **_shown(answer)})
    n = len(questions) or 1
    return {"format": "squad", "questions": len(questions), **rank_figures(ranks),
            "declined": declined / n, "declined_count": declined, "failures": failures}


async def eval_declines(engine: Marsad, questions: Iterable[str]) -> dict[str, Any]:
    """Questions the engine's coverage does not answer: how many are declined (share in [0, 1]).

    Used for ARCD questions asked against the seeds; every one answered is a failure.
    """
    n = declined = 0
    failures = []
    for question in questions:
        answer = await engine.answer(question, k=QUESTION_DEPTH)
        n += 1
        declined += not answer.answered
        if answer.answered:
            failures.append({"question": question, "kind": "out-of-coverage",
                             "expected": "declined", **_shown(answer)})
    return {"questions": n, "declined": declined / (n or 1), "declined_count": declined,
            "failures": failures}


def _check_item(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict) or not isinstance(item.get("q"), str):
        raise ValueError("needs a string field q")
    keys = item.get("keys")
    if keys is not None and (not isinstance(keys, list) or not keys
                             or not all(isinstance(k, str) and k.strip() for k in keys)):
        raise ValueError("keys must be a list of non-empty strings")
    for field in ("kind", "language"):
        if field in item and not isinstance(item[field], str):
            raise ValueError(f"{field} must be a string")
    if not item.get("abstain") and not keys and "language" not in item:
        raise ValueError('needs "keys", "abstain": true, or "language"')
    return item


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """`{"q", "keys", "kind"?, "language"?}` or `{"q", "abstain": true, "kind"?}` lines.

    Raises EvalError naming the file and line of the first malformed one.
    """
    items = []
    lines = _read(path).splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            items.append(_check_item(json.loads(line)))
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            raise EvalError(f"{path}:{n}: {exc}") from None
    return items


def holds_key(text: str, keys: list[str]) -> bool:
    """Whether a passage's `text` holds one of a question's `keys` (normalized): the
    passage answers it."""
    text = normalize(text)
    return any(normalize(k) in text for k in keys)


def kind_of(item: dict[str, Any]) -> str:
    """The item's "kind", else "answerable" / "out-of-coverage"."""
    return item.get("kind") or ("out-of-coverage" if item.get("abstain") else "answerable")


def _outcome(item: dict[str, Any], answer: Answer) -> str:
    """One of: right, right@3, wrong (answered, top hit without a key), declined (falsely),
    declined-right (falsely, though the top hit held a key), correct-decline, answered (an
    out-of-coverage question answered)."""
    if item.get("abstain"):
        return "answered" if answer.answered else "correct-decline"
    keys = item.get("keys") or []
    texts = [h.text for h in answer.hits]
    language = item.get("language", "ar")
    if language != "ar" and answer.language == language:  # the "ask in Arabic" notice
        return "wrong" if answer.answered and keys and not holds_key(texts[0], keys) else "right"
    if not answer.answered:  # a false decline; was the right passage shown first all the same?
        return "declined-right" if texts and holds_key(texts[0], keys) else "declined"
    if texts and holds_key(texts[0], keys):
        return "right"
    return "right@3" if any(holds_key(t, keys) for t in texts) else "wrong"


def _figures(outcomes: list[str]) -> dict[str, Any]:
    n = len(outcomes)
    count = outcomes.count
    if n and all(o in ("answered", "correct-decline") for o in outcomes):
        return {"questions": n, "correct_declines": count("correct-decline"),
                "declined": count("correct-decline") / n, "wrong_answers": count("answered")}
    return {"questions": n, "answer@1": count("right") / (n or 1),
            "answer@3": (count("right") + count("right@3")) / (n or 1),
            "false_declines": count("declined") + count("declined-right"),
            "declined_right_top": count("declined-right"),
            "wrong_answers": count("wrong") + count("right@3")}


async def eval_questions(engine: Marsad, items: list[dict[str, Any]]) -> dict[str, Any]:
    """answer@1/@3, false declines, wrong answers (answerable); correct declines (abstain);
    overall and per `kind`, and every failure.

    answer@1: answered (or, for a foreign-language question, the reader told in their language)
    with a key in the top hit; answer@3: a key in one of the top 3. A wrong answer is answered with
    no key in the top hit; for an out-of-coverage question, any answer. `declined_right_top`
    counts the false declines whose top hit held a key (the decision, not the ranking, failed).
    """
    outcomes: dict[str, list[str]] = {}
    answerable: list[str] = []
    abstain: list[str] = []
    failures = []
    for item in items:
        answer = await engine.answer(item["q"], k=QUESTION_DEPTH)
        outcome = _outcome(item, answer)
        outcomes.setdefault(kind_of(item), []).append(outcome)
        (abstain if item.get("abstain") else answerable).append(outcome)
        if outcome not in ("right", "correct-decline"):
            expected: Any = ("declined" if item.get("abstain") else
                             {"keys": item.get("keys"), "language": item.get("language", "ar")})
            failures.append({"question": item["q"], "kind": kind_of(item), "outcome": outcome,
                             "expected": expected, **_shown(answer)})
    result: dict[str, Any] = {"format": "questions", "questions": len(items)}
    if answerable:
        result["answerable"] = _figures(answerable)
    if abstain:
        result["abstain"] = _figures(abstain)
    result["kinds"] = {kind: _figures(o) for kind, o in outcomes.items()}
    result["failures"] = failures
    return result
