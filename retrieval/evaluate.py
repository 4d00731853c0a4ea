"""Measuring Marsad: retrieval on SQuAD-format sets (ARCD), answers on question files.

Both return plain dicts of figures; frontends print them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis import normalize
from .engine import Marsad
from .model import Article


class EvalError(ValueError):
    """The evaluation file cannot be read; the message names it."""


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
    return articles, questions


async def eval_squad(engine: Marsad, questions: list[SquadQuestion]) -> dict[str, Any]:
    """P@1, R@5 and MRR@10 of the paragraph each question was written about."""
    p1 = r5 = rr = 0.0
    for q in questions:
        ranked: list[str] = []
        for passage, _ in await engine.ranked(q.question, 30):
            if passage.article_id not in ranked:
                ranked.append(passage.article_id)
        rank = ranked.index(q.gold) + 1 if q.gold in ranked else None
        p1 += rank == 1
        r5 += rank is not None and rank <= 5
        rr += 1 / rank if rank is not None and rank <= 10 else 0
    n = len(questions) or 1
    return {"questions": len(questions), "P@1": p1 / n, "R@5": r5 / n, "MRR@10": rr / n}


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """`{"q", "keys"}` or `{"q", "abstain": true}` lines."""
    items = []
    lines = _read(path).splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("q"), str):
                raise ValueError("needs a string field q")
            if not item.get("abstain") and not item.get("keys"):
                raise ValueError("needs keys or abstain")
        except ValueError as exc:
            raise EvalError(f"{path}:{n}: {exc}") from None
        items.append(item)
    return items


def _contains(text: str, keys: list[str]) -> bool:
    text = normalize(text)
    return any(normalize(k) in text for k in keys)


async def eval_questions(engine: Marsad, items: list[dict[str, Any]]) -> dict[str, Any]:
    """answer@1/@3 (answered, and a key in the top 1/3 hits), declines, abstentions."""
    answerable = [i for i in items if not i.get("abstain")]
    abstain = [i for i in items if i.get("abstain")]
    at1 = at3 = declined = 0
    failures = []
    for item in answerable:
        answer = await engine.answer(item["q"], k=3)
        texts = [h.text for h in answer.hits]
        ok1 = answer.answered and bool(texts) and _contains(texts[0], item["keys"])
        ok3 = answer.answered and any(_contains(t, item["keys"]) for t in texts)
        at1 += ok1
        at3 += ok3
        declined += not answer.answered
        if not ok1:
            failures.append(item["q"])
    abstained = 0
    for item in abstain:
        answer = await engine.answer(item["q"], k=3)
        forbidden = item.get("forbid") or []
        leaked = answer.answered and forbidden and any(
            _contains(h.text, forbidden) for h in answer.hits)
        abstained += not answer.answered and not leaked
        if answer.answered:
            failures.append(item["q"])
    n = len(answerable) or 1
    return {
        "questions": len(items),
        "answerable": len(answerable),
        "answer@1": at1 / n,
        "answer@3": at3 / n,
        "declined": declined,
        "abstain": len(abstain),
        "abstained": abstained,
        "failures": failures,
    }
