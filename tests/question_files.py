"""Checks shared by the tests of committed question sets over the seeds."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from retrieval.articles import iter_articles
from retrieval.evaluate import load_questions
from retrieval.model import Article
from retrieval.passages import split_passages


def check_question_files(seeds_dir: Path, data_dir: Path, files: Sequence[str],
                         at_least: int) -> None:
    """The questions of `files` (in `data_dir`): at least `at_least`, each with keys found
    in a seed passage, none asked twice, none asked by another seeds-*.jsonl file."""
    passages = [text for a in iter_articles([seeds_dir]) if isinstance(a, Article)
                for text in split_passages(a.paragraphs)]
    items = [i for name in files for i in load_questions(data_dir / name)]
    assert len(items) >= at_least and all(i.get("keys") for i in items)
    missing = [(i["q"], k) for i in items for k in i["keys"] if not any(k in p for p in passages)]
    assert not missing, missing
    asked = [i["q"] for i in items]
    assert len(set(asked)) == len(asked)
    others = {i["q"] for p in data_dir.glob("seeds-*.jsonl") if p.name not in files
              for i in load_questions(p)}
    assert not others & set(asked)


# (database bytes' digest, question) -> the top passage `answer(q, k=3)` shows, or None.
_TOP_PASSAGE: dict[tuple[str, str], str | None] = {}


async def top_passages_right(db: Path, data_dir: Path, files: Sequence[str],
                             kinds: Sequence[str]) -> tuple[int, int]:
    """(right, asked): of the questions of `files` whose kind is one of `kinds`, how many
    have a key in the top passage `answer(q, k=3)` shows, answered or not.

    Several rounds' tests ask the same sets of the same seeded database with different
    floors: each question is answered once per database contents in a process."""
    from retrieval.engine import Marsad
    from retrieval.evaluate import holds_key, kind_of

    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    right = asked = 0
    async with await Marsad.open(db) as engine:
        for name in files:
            for item in load_questions(data_dir / name):
                if kind_of(item) not in kinds:
                    continue
                key = (digest, item["q"])
                if key not in _TOP_PASSAGE:
                    answer = await engine.answer(item["q"], k=3)
                    _TOP_PASSAGE[key] = answer.hits[0].text if answer.hits else None
                top = _TOP_PASSAGE[key]
                asked += 1
                right += top is not None and holds_key(top, item["keys"])
    return right, asked


def check_newsroom(folder: Path, outlets: set[str], kinds: set[str]) -> None:
    """A committed newsroom (`folder`/articles.jsonl, questions.jsonl): its articles are by
    `outlets`, every key is in an article's title or text, every kind of `kinds` is asked,
    no question twice."""
    articles = [json.loads(line) for line in
                (folder / "articles.jsonl").read_text("utf-8").splitlines()]
    assert {a["source"] for a in articles} == outlets
    texts = [a["title"] + "\n" + a["text"] for a in articles]
    items = [json.loads(line) for line in
             (folder / "questions.jsonl").read_text("utf-8").splitlines()]
    missing = [(i["q"], k) for i in items for k in i.get("keys", ())
               if not any(k in t for t in texts)]
    assert not missing, missing
    assert kinds <= {i["kind"] for i in items}
    assert len({i["q"] for i in items}) == len(items)
