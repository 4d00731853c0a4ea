"""Readers' 👍/👎 on answers: stored with the question and the cited passage, summarised
worst-rated first so whoever tunes Marsad knows which questions to look at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["QuestionRating", "record", "summary"]


@dataclass(frozen=True)
class QuestionRating:
    question: str
    up: int
    down: int
    last: str  # ISO time of the latest press
    article_id: str | None  # the passage cited by the latest rated answer
    passage: str | None

    @property
    def score(self) -> int:
        return self.up - self.down

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "up": self.up, "down": self.down,
                "score": self.score, "last": self.last, "article_id": self.article_id,
                "passage": self.passage}


async def record(store, *, chat_id: int, message_id: int, user_id: int, question: str,
                 passage_id: int | None, article_id: str | None, passage: str | None,
                 rating: int) -> None:
    """One reader's rating of one answer; pressing again changes it, never adds a second."""
    if rating not in (-1, 1):
        raise ValueError("rating is 1 or -1")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    await store.db.execute(
        "INSERT INTO feedback(chat_id, message_id, user_id, question, passage_id, article_id, "
        "passage, rating, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(chat_id, message_id, user_id) DO UPDATE SET rating = excluded.rating, "
        "at = excluded.at",
        (chat_id, message_id, user_id, question, passage_id, article_id, passage, rating, now))
    await store.commit()


async def summary(store, limit: int | None = None) -> list[QuestionRating]:
    """Questions by rating, worst first (most net 👎, then most 👎, then latest)."""
    rows = await store.db.execute_fetchall(
        "SELECT question, SUM(rating = 1), SUM(rating = -1), MAX(at) FROM feedback "
        "GROUP BY question ORDER BY SUM(rating) ASC, SUM(rating = -1) DESC, MAX(at) DESC, "
        "question" + (f" LIMIT {int(limit)}" if limit else ""))
    out = []
    for question, up, down, last in rows:
        cited = await (await store.db.execute(
            "SELECT article_id, passage FROM feedback WHERE question = ? "
            "ORDER BY at DESC LIMIT 1", (question,))).fetchone()
        out.append(QuestionRating(question, int(up), int(down), last,
                                  cited[0] if cited else None, cited[1] if cited else None))
    return out
