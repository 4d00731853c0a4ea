"""benchmarks/rank_failures.py (issue 12, twenty-first round): a question whose key the
coverage holds but whose top passage lacks it is a ranking failure, answered or declined;
one whose key no passage holds is no ranking failure (the ranking cannot fail it); a right
top passage counts whether or not the question was answered. Invented coverage."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from test_cli import jsonl_ingested

from benchmarks.rank_failures import Outcome, outcomes, report

ARTICLES = [
    {"id": "oman-port-1", "title": "افتتاح ميناء الدقم الجديد", "source": "الرؤية",
     "date": "2025-03-02",
     "text": "افتتح وزير النقل العماني ميناء الدقم الجديد يوم الأحد بحضور سفراء عدة دول.\n\n"
             "وتبلغ طاقة الميناء الاستيعابية مليوني حاوية في السنة، بحسب بيان الوزارة.\n\n"
             "وأهدى الوزير السفراء نماذج خشبية لسفن عمانية تقليدية في ختام الحفل."},
    {"id": "oman-rain-1", "title": "أمطار غزيرة في ظفار", "source": "الرؤية",
     "date": "2025-03-05",
     "text": "هطلت أمطار غزيرة على محافظة ظفار يوم الأربعاء وأغلقت عدة طرق جبلية.\n\n"
             "وقالت هيئة الطيران المدني إن الأمطار ستستمر حتى نهاية الأسبوع."},
]


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    return jsonl_ingested(tmp_path_factory.mktemp("rank21"), ARTICLES)[1]


def _questions(folder: Path, lines: list[dict]) -> Path:
    path = folder / "questions.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                    encoding="utf-8")
    return path


def test_right_top_and_ranking_failures_told_apart(database: Path, tmp_path: Path) -> None:
    path = _questions(tmp_path, [
        {"q": "كم تبلغ طاقة ميناء الدقم؟", "keys": ["مليوني حاوية"]},
        {"q": "متى افتتح ميناء الدقم؟", "keys": ["يوم الأحد"]},
        # the key is in the coverage, but not in the passage this question's words lead to
        {"q": "ماذا قالت هيئة الطيران عن أمطار ظفار؟", "keys": ["أغلقت عدة طرق"]},
        # no passage says it: not the ranking's failure
        {"q": "كم بلغت تكلفة ميناء الدقم؟", "keys": ["مليار ريال"]},
        {"q": "ما الهدايا التي قدمها وزير النقل للسفراء؟", "abstain": True},
        {"q": "Who opened the port?", "keys": ["وزير النقل"], "language": "en"},
    ])
    found = asyncio.run(outcomes(database, path))
    assert [o.question for o in found] == [
        "كم تبلغ طاقة ميناء الدقم؟", "متى افتتح ميناء الدقم؟",
        "ماذا قالت هيئة الطيران عن أمطار ظفار؟", "كم بلغت تكلفة ميناء الدقم؟"]
    capacity, opened, rain, cost = found
    assert capacity.right_top and "مليوني حاوية" in capacity.top
    assert opened.right_top and not opened.ranking_failure
    assert rain.in_coverage and not rain.right_top and rain.ranking_failure
    assert "ستستمر" in rain.top  # the passage the question's words lead to
    assert not cost.in_coverage and not cost.ranking_failure
    figures = report({"file": found})["files"]["file"]
    assert figures == {"questions": 4, "right_top": 2, "ranking_failures": 1}


def test_leaders_count_the_wrong_top_passages() -> None:
    wrong = Outcome("س", "نص خاطئ يتصدر", answered=False, right_top=False, in_coverage=True)
    right = Outcome("س", "نص صحيح", answered=True, right_top=True, in_coverage=True)
    unseen = Outcome("س", "نص آخر", answered=True, right_top=False, in_coverage=False)
    got = report({"a": [wrong, right, unseen], "b": [wrong]})
    assert got["leaders"] == [("نص خاطئ يتصدر", 2)]
    assert got["files"]["a"] == {"questions": 3, "right_top": 1, "ranking_failures": 1}
