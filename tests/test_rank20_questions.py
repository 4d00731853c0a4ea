"""The passage that answers first (issue 12, twentieth round), each kind with siblings over an
invented coverage (tests/data/rank20: a central bank's cut, a prime minister's visit, the
price of bread, a sand storm):

- a why-question leads with the cause told as «يعود إلى» (is due to), «جاء بعد/إثر» (a
  decision that came after what brought it), an occasion («في ذكرى», «بمناسبة») or what
  one is thanked for («شكر X Y على …»), not the passage restating what happened:
  causes.py; «لم», the negation, asks no why («كم منتجا لم يعد عليه رسوم؟»);
- a question asking whether or how people died or were hurt («هل سقط قتلى …؟», «في احد
  مات …؟») leads with the passage telling that toll or that there was none («عدم تسجيل
  أي وفيات»), not with the storm's wind speed: counts.asked_toll / tells_toll.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import ask_json, ingested

from retrieval.analysis import analyze
from retrieval.causes import asks_cause, states_cause
from retrieval.counts import asked_toll, tells_toll
from retrieval.evaluate import holds_key


@pytest.fixture(scope="module")
def coverage(tmp_path_factory, data_dir: Path) -> tuple[Path, Path]:
    articles = data_dir / "rank20" / "articles.jsonl"
    return ingested(tmp_path_factory.mktemp("rank20"), articles,
                    sum(1 for _ in articles.open(encoding="utf-8")))


CAUSES = [  # not «ارتفعت أسعار الخبز في تونس بنسبة 20% خلال أسبوع واحد»
    ("علاش غلا الخبز في تونس؟", ["يعود إلى زيادة كلفة القمح"]),
    ("ليش غليت أسعار الخبز بتونس؟", ["يعود إلى زيادة كلفة القمح"]),
    ("ليش الخبز صار غالي بتونس؟", ["يعود إلى زيادة كلفة القمح"]),
    ("ليش شكر رئيس الوزراء العراقي الكويت؟", ["على مساعدة بلاده"]),
]
TOLLS = [  # not «بلغت سرعة الرياح 90 كيلومترا», nor the schools closed
    ("هل سقط قتلى في عاصفة ورقلة؟", ["عدم تسجيل أي وفيات"]),
    ("هل خلفت العاصفة الرملية قتلى؟", ["عدم تسجيل أي وفيات"]),
    ("فيه حدا مات بالعاصفة الرملية؟", ["عدم تسجيل أي وفيات"]),
    ("هل أصيب أحد في عاصفة ورقلة؟", ["12 شخصا أصيبوا"]),
]


@pytest.mark.parametrize(("question", "keys"), CAUSES + TOLLS)
def test_the_passage_answering_comes_first(coverage, question: str, keys: list[str]) -> None:
    [answer] = ask_json(coverage, question, k=1)
    assert answer["hits"] and holds_key(answer["hits"][0]["text"], keys), (question, answer)


@pytest.mark.parametrize(("question", "why"), [
    ("لمَ زار الوزير بغداد؟", True),
    ("لماذا زار الوزير بغداد؟", True),
    ("كم منتجا لم يعد عليه رسوم في تونس؟", False),  # «لم يعد»: the negation
    ("من لم يحضر القمة؟", False),
])
def test_lam_asks_why_only_where_it_opens(question: str, why: bool) -> None:
    assert asks_cause(question) is why


@pytest.mark.parametrize(("text", "cause"), [
    ("وقال البنك إن القرار جاء بعد تراجع معدل التضخم", True),
    ("ويرى خبراء أن ارتفاع الأسعار يعود إلى كلفة القمح", True),
    ("والأزمة ترجع إلى الجفاف", True),
    ("وقال إن الأزمة وتعود إلى الجفاف أيضا", True),  # و glued to the pair's first word
    ("وزار الوزير العاصمة في ذكرى الاستقلال", True),
    ("وشكر الوزير نظيره على دعوته", True),
    ("وانتقدت المعارضة الحكومة على تأخر الرواتب", True),
    ("وجلس الوزير على الكرسي بعد الاجتماع", False),  # على after no verb of thanking
    ("وعاد الوزير إلى العاصمة بعد الاجتماع", False),  # بعد alone is any time after
])
def test_cause_markers(text: str, cause: bool) -> None:
    weights = {t: 1.0 for t in analyze(text)}  # the one sentence is the best-matching
    assert states_cause(text, weights, {}) is cause


@pytest.mark.parametrize(("question", "categories"), [
    ("هل سقط قتلى في الزلزال؟", {"dead"}),
    ("في احد مات بالزلزال؟", {"dead"}),  # «فيه ناس ماتوا» read into MSA
    ("كيف أصيب معظم الجرحى؟", {"injured"}),
    ("كم عدد قتلى الزلزال؟", set()),  # a count: counts.asked_count weighs it
    ("متى وقع الزلزال؟", set()),
    ("متى توفي الشاعر؟", set()),  # when one man died: no toll
])
def test_what_toll_a_question_asks(question: str, categories: set[str]) -> None:
    assert asked_toll(question) == categories


@pytest.mark.parametrize(("text", "categories", "told"), [
    ("وأكد الوزير عدم تسجيل أي وفيات حتى الآن.", {"dead"}, True),
    ("ولم تسفر العاصفة عن قتلى.", {"dead"}, True),
    ("وأصيب 12 شخصا بجروح طفيفة.", {"injured"}, True),
    ("وأصيب 12 شخصا بجروح طفيفة.", {"dead"}, False),  # the injured are no dead
    ("وبلغت سرعة الرياح 90 كيلومترا في الساعة.", {"dead"}, False),
])
def test_a_toll_told_or_denied(text: str, categories: set[str], told: bool) -> None:
    assert tells_toll(text, categories) is told
