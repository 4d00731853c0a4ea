"""Speed work must not change answers: today's rankings, `answered` and `also_reported_by`
equal those recorded from the code before it (tests/data/answers-before.json, written by
`python -m benchmarks.answers_snapshot` on main before issue 13's ingest changes)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks.answers_snapshot import snapshot


@pytest.fixture(scope="module")
def before(data_dir: Path) -> dict:
    return json.loads((data_dir / "answers-before.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def now(seeds_dir: Path, data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    import asyncio

    return asyncio.run(snapshot(seeds_dir, data_dir / "seeds-dev.jsonl",
                                data_dir / "arcd-train.json",
                                tmp_path_factory.mktemp("snapshot")))


def _without_scores(record: dict) -> dict:
    return {**record,
            "hits": [{k: v for k, v in h.items() if k != "score"} for h in record["hits"]],
            "ranked": [r[:2] for r in record["ranked"]]}


def _scores(record: dict) -> list[float]:
    return [h["score"] for h in record["hits"]] + [r[2] for r in record["ranked"]]


@pytest.mark.parametrize("corpus", ["seeds", "arcd"])
def test_answers_are_the_ones_users_got_before(before: dict, now: dict, corpus: str) -> None:
    assert [r["q"] for r in now[corpus]] == [r["q"] for r in before[corpus]]
    for old, new in zip(before[corpus], now[corpus], strict=True):
        assert _without_scores(new) == _without_scores(old), old["q"]
        assert all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
                   for a, b in zip(_scores(new), _scores(old), strict=True)), old["q"]


def test_the_snapshot_holds_what_it_must_compare(before: dict) -> None:
    """Declines, answers and corroborations are all in it, or equality would prove little."""
    for corpus in ("seeds", "arcd"):
        answered = [r["answered"] for r in before[corpus]]
        assert any(answered) and not all(answered)
        assert sum(len(r["ranked"]) >= 10 for r in before[corpus]) > len(answered) // 2
    assert any(h["also_reported_by"] for r in before["seeds"] for h in r["hits"])
