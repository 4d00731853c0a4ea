"""A question naming an outlet and the agency whose copy it printed is that outlet's account
(issue 12, twenty-fourth round).

«ماذا نقلت الشروق عن رويترز بشأن …», «حسب الوسط نقلاً عن أ ف ب، …»: the outlet
«الشروق - رويترز» prints Reuters' copy, and its name already says so. The question's
«عن رويترز» says whose copy it is, not what was asked: left in the words searched, it was
a topic none of the outlet's passages holds, weighing against the passage that answers
(outlet_scope._without_credits takes it out with the outlet's name). The outlets and the
coverage below are invented. Found by that agency («ماذا ذكر تقرير الشروق نقلا عن رويترز
…»), the outlet's own name said again is taken out too (`_without_own_name`).
"""

from __future__ import annotations

import pytest
from test_cli import ask_json, jsonl_ingested

from retrieval.evaluate import holds_key
from retrieval.outlet_scope import find_scope

OUTLETS = ["الشروق - رويترز", "الوسط - أ ف ب", "الصباح"]


@pytest.mark.parametrize(("question", "rest"), [
    ("ماذا نقلت الشروق عن رويترز بشأن انهيار الجسر؟", "ماذا بشأن انهيار الجسر؟"),
    ("ماذا أوردت الشروق نقلا عن وكالة رويترز عن عدد المصابين؟", "ماذا عن عدد المصابين؟"),
    ("حسب الوسط نقلاً عن أ ف ب، كم عدد المصابين؟", "كم عدد المصابين؟"),
    ("ماذا قال الوالي، كما نقلت الوسط عن وكالة فرانس برس، عن التحقيق؟",
     "ماذا قال الوالي، كما عن التحقيق؟"),
    # found by its agency, the outlet's own name said again is no topic either
    ("ماذا ذكر تقرير الشروق نقلا عن رويترز عن انهيار الجسر؟", "ماذا عن انهيار الجسر؟"),
])
def test_the_agency_the_named_outlet_printed_is_no_topic(question: str, rest: str) -> None:
    scope = find_scope(question, OUTLETS)
    assert scope is not None and scope.rest == rest, scope


@pytest.mark.parametrize(("question", "rest"), [
    # an outlet crediting no agency: «عن» starts the topic
    ("ماذا نقلت الصباح عن وزير النقل؟", "ماذا عن وزير النقل؟"),
    # another agency than the one the outlet printed is a topic
    ("ماذا نقلت الشروق عن وكالة الأناضول؟", "ماذا عن وكالة الأناضول؟"),
    # a word an agency is also called by («الفرنسية») counts only after a credit
    ("ماذا قالت الشروق عن موقف الحكومة الفرنسية؟", "ماذا عن موقف الحكومة الفرنسية؟"),
    # another outlet's name is a topic of one that credits no agency
    ("ماذا قالت الصباح عن موقع الشروق في السوق؟", "ماذا عن موقع الشروق في السوق؟"),
])
def test_other_words_after_the_outlet_stay(question: str, rest: str) -> None:
    scope = find_scope(question, [*OUTLETS, "الخبر - أ ف ب"])
    assert scope is not None and scope.rest == rest, scope


ARTICLES = [
    {"id": "bridge-1", "title": "انهيار جسر للمشاة في سطيف", "source": "الشروق - رويترز",
     "date": "2025-04-06",
     "text": "انهار جسر للمشاة في مدينة سطيف صباح الأحد خلال ساعة الذروة.\n\n"
             "وقال مسؤول في الحماية المدنية إن سبعة أشخاص أصيبوا بجروح ونقلوا إلى "
             "مستشفى المدينة.\n\n"
             "وأعلنت السلطات فتح تحقيق في أسباب انهيار الجسر الذي شيد قبل عشرين عاما."},
    {"id": "bridge-2", "title": "الحكومة تعد بصيانة الجسور", "source": "الصباح",
     "date": "2025-04-07",
     "text": "أعلنت الحكومة خطة لصيانة الجسور في الولاية بتكلفة مليار دينار بعد انهيار "
             "جسر سطيف.\n\n"
             "وقال وزير الأشغال العمومية إن الخطة تشمل ثلاثين جسرا."},
    {"id": "quake-1", "title": "هزة أرضية في ملاطية", "source": "الوسط - أ ف ب",
     "date": "2025-04-08",
     "text": "ضربت هزة أرضية بقوة 4.8 درجات ولاية ملاطية شرقي تركيا فجر الثلاثاء.\n\n"
             "وقال والي ملاطية إن أربعة أشخاص أصيبوا بجروح طفيفة أثناء خروجهم من "
             "منازلهم.\n\n"
             "وأغلقت المدارس في الولاية يوما واحدا لفحص المباني."},
]

ASKED = [  # answered, as the same question without the credit is
    ("كم شخصا أصيب بجروح في انهيار الجسر حسب الشروق نقلا عن وكالة رويترز؟",
     ["سبعة أشخاص أصيبوا"]),
    ("ماذا نقلت الشروق عن وكالة رويترز بشأن تحقيق انهيار الجسر؟", ["فتح تحقيق"]),
    ("ماذا أورد الوسط نقلا عن فرانس برس عن الأشخاص الذين أصيبوا في هزة ملاطية؟",
     ["أربعة أشخاص أصيبوا"]),
]


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple:
    return jsonl_ingested(tmp_path_factory.mktemp("rank24_credit"), ARTICLES)


@pytest.mark.parametrize(("question", "keys"), ASKED)
def test_the_outlets_account_is_answered(coverage, question: str, keys: list[str]) -> None:
    [answer] = ask_json(coverage, question, k=1)
    assert answer["answered"], (question, answer)
    assert answer["hits"] and holds_key(answer["hits"][0]["text"], keys), (question, answer)
