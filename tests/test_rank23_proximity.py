"""The passage where the question's words meet comes first (issue 12, twenty-third round):
the rerank's proximity signal (`rerank.proximity`), over an invented coverage
(tests/data/rank23: a dam after the rains, a port strike, a festival, electric buses).

«مما حذرت الوزارة المزارعين؟» is answered by «وحذرت الوزارة المزارعين من فتح قنوات الري …»,
where the ministry, the warning and the farmers stand in one clause; a shorter passage of
the same article names the ministry in one sentence, the farmers in the next and a warning
by someone else in the third, and led on every other signal. Siblings where the words meet
in the passage that does not answer, or where another passage answers, keep their top.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from test_cli import ask_json, ingested

from retrieval.evaluate import holds_key
from retrieval.rerank import PROXIMITY_WIDTH, proximity


@pytest.fixture(scope="module")
def coverage(tmp_path_factory, data_dir: Path) -> tuple[Path, Path]:
    articles = data_dir / "rank23" / "articles.jsonl"
    return ingested(tmp_path_factory.mktemp("rank23"), articles,
                    sum(1 for _ in articles.open(encoding="utf-8")))


MEETING = [  # not «وعقدت الوزارة اجتماعا … ووصل عدد كبير من المزارعين … وحذرت مصالح الأرصاد»
    ("مما حذرت الوزارة المزارعين؟", ["فتح قنوات الري"]),
    ("من ماذا حذرت الوزارة المزارعين؟", ["فتح قنوات الري"]),
    ("من شو حذرت الوزارة المزارعين؟", ["فتح قنوات الري"]),
]
ELSEWHERE = [  # the words meet in a passage that does not answer: the one that does leads
    ("بماذا طالبت النقابة؟", ["بزيادة الأجور"]),  # not «وطالب الوزير النقابة بتعليق …»
    ("بماذا طالب الوزير النقابة؟", ["بتعليق الإضراب"]),
    ("من ماذا حذرت الأرصاد الجوية؟", ["رياح قوية"]),
    ("متى عقدت الوزارة اجتماعها الطارئ؟", ["يوم الاثنين"]),
]


@pytest.mark.parametrize(("question", "keys"), MEETING + ELSEWHERE)
def test_the_passage_answering_comes_first(coverage, question: str, keys: list[str]) -> None:
    [answer] = ask_json(coverage, question, k=1)
    assert answer["hits"] and holds_key(answer["hits"][0]["text"], keys), (question, answer)


def test_words_within_the_width_count_together() -> None:
    units = [([1], 1.0), ([2], 2.0), ([3, 4], 3.0)]  # a unit: a term's spellings
    together = np.array([9, 1, 2, 4, 9, 9, 9, 9])
    apart = np.array([1, *([9] * PROXIMITY_WIDTH), 2, *([9] * PROXIMITY_WIDTH), 3])
    got = proximity([together, apart, np.array([9, 9]), np.array([], np.int64)], units)
    assert got.tolist() == [6.0, 3.0, 0.0, 0.0]  # apart: its best single word only


def test_a_unit_counts_once_in_a_window() -> None:
    units = [([1], 1.0), ([2], 2.0)]
    assert proximity([np.array([2, 2, 2, 1])], units).tolist() == [3.0]
    assert proximity([np.array([2, 2, 2])], units, width=2).tolist() == [2.0]
