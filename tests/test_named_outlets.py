"""A question that names an outlet is answered from that outlet's coverage alone.

«ماذا قالت سكاي نيوز عن الهدايا؟» used to search for the words سكاي and نيوز, which no
article uses about itself, and every such question was declined or led with another
outlet's passage. The corpus here is invented: three outlets on one negotiation, one of
them also on a football match.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.render import render_answer
from bot.telegram_render import render_answer as telegram_answer
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.outlets import aliases, named_in
from tests.test_cli import marsad

NILE = "وكالة الأنباء النيلية"
MORNING = "صحيفة الصباح الجديد"
HORIZON = "قناة الأفق - رويترز"
OUTLETS = [NILE, MORNING, HORIZON]

ARTICLES = [
    Article("nile-1", "استئناف مفاوضات السد", NILE, dt.date(2025, 3, 2), (
        "أعلنت وزارة الري أن المفاوضات حول السد ستستأنف في العاصمة الأسبوع المقبل بمشاركة "
        "خبراء فنيين من البلدين.",
        "وأوضحت الوزارة أن جدول الأعمال يتضمن قواعد الملء والتشغيل في سنوات الجفاف.")),
    Article("morning-1", "تعثر مفاوضات السد", MORNING, dt.date(2025, 3, 3), (
        "قال وزير الخارجية إن المفاوضات حول السد تعثرت بسبب الخلاف على قواعد الملء في سنوات "
        "الجفاف الممتدة.",
        "وأضاف الوزير أن بلاده لن تقبل أي اتفاق لا يضمن حصتها التاريخية من المياه.")),
    Article("morning-2", "فوز النادي الأهلي في المباراة النهائية", MORNING, dt.date(2025, 3, 4), (
        "فاز النادي الأهلي في المباراة النهائية للكأس بهدفين نظيفين أمام جمهور غفير في "
        "الملعب الكبير.",
        "وسجل المهاجم الشاب الهدفين في الشوط الثاني من المباراة.")),
    Article("horizon-1", "الاتحاد الأفريقي يرعى جولة جديدة", HORIZON, dt.date(2025, 3, 5), (
        "ذكرت مصادر دبلوماسية أن الاتحاد الأفريقي سيرعى الجولة المقبلة من المفاوضات حول "
        "السد في أديس أبابا.",
        "وقالت المصادر إن المراقبين الدوليين سيحضرون الجولة للمرة الأولى.")),
]


# -- which words name an outlet ---------------------------------------------------------

@pytest.mark.parametrize("question, outlet, rest", [
    ("ماذا قالت صحيفة الصباح الجديد عن المفاوضات؟", MORNING, "ماذا عن المفاوضات؟"),
    ("ماذا قالت الصباح الجديد عن المفاوضات؟", MORNING, "ماذا عن المفاوضات؟"),  # no «صحيفة»
    ("المفاوضات حول السد حسب وكالة الأنباء النيلية", NILE, "المفاوضات حول السد"),
    ("بحسب الأنباء النيلية متى تستأنف المفاوضات؟", NILE, "متى تستأنف المفاوضات؟"),
    ("ماذا نقلت رويترز عن الجولة المقبلة؟", HORIZON, "ماذا عن الجولة المقبلة؟"),  # a part
    ("نقلا عن قناة الأفق، من يرعى الجولة؟", HORIZON, "من يرعى الجولة؟"),
    ("ما الذي ذكرته للأنباء النيلية وزارة الري؟", NILE, "ما الذي ذكرته وزارة الري؟"),
])
def test_a_question_names_an_outlet_by_its_name_or_a_part(question, outlet, rest):
    found = named_in(question, OUTLETS)
    assert found is not None and found.outlets == (outlet,)
    assert found.rest == rest


@pytest.mark.parametrize("question", [
    "ماذا قال الاتحاد الأفريقي عن المفاوضات؟",  # a body, not «الاتحاد» the newspaper
    "ماذا قال الوزير عن الاتحاد في القمة؟",  # «عن X» is the topic
    "وفق الاتحاد الأفريقي متى تبدأ الجولة؟",  # a cue, but the name goes on: not the paper
    "هل تغطي الصباح الباكر الأخبار؟",  # «الصباح» alone, with no source cue: the morning
    "ما أهمية السد للعالم العربي؟",
    "متى تستأنف المفاوضات؟",
])
def test_common_words_that_are_part_of_a_name_do_not_name_the_outlet(question):
    outlets = [*OUTLETS, "صحيفة الاتحاد", "العربي - أ ف ب"]
    assert named_in(question, outlets) is None


def test_two_outlets_named_together_are_both_kept():
    found = named_in("ماذا قالت رويترز والأنباء النيلية عن السد؟", OUTLETS)
    assert found is not None and set(found.outlets) == {HORIZON, NILE}


def test_aliases_drop_the_kind_of_outlet_and_split_at_separators():
    assert ("الافق",) in aliases(HORIZON) and ("رويترز",) in aliases(HORIZON)
    assert ("سكاي", "نيوز") in aliases("سكاي نيوز عربية")
    assert ("ا", "ف", "ب") in aliases("العربي - أ ف ب")


# -- answers from the named outlet alone ------------------------------------------------

@pytest.fixture
async def newsroom(tmp_path: Path):
    engine = await Marsad.open(tmp_path / "m.db")
    report = await engine.ingest(ARTICLES)
    assert report.added == len(ARTICLES)
    try:
        yield engine
    finally:
        await engine.close()


async def test_the_named_outlet_answers_with_its_own_passages(newsroom):
    plain = await newsroom.answer("ماذا قيل عن تعثر المفاوضات حول السد؟", k=5)
    assert len({h.source for h in plain.hits}) > 1  # several outlets cover it
    for outlet in (MORNING, NILE, HORIZON):
        name = outlet.split(" - ")[0]
        answer = await newsroom.answer(f"ماذا قالت {name} عن المفاوضات حول السد؟", k=5)
        assert answer.outlets == (outlet,)
        assert answer.hits and {h.source for h in answer.hits} == {outlet}


async def test_an_outlet_that_never_covered_the_topic_is_said_to_have_nothing(newsroom):
    answer = await newsroom.answer("ماذا نقلت رويترز عن المباراة النهائية؟")
    assert answer.outlets == (HORIZON,) and not answer.answered and not answer.hits
    assert "لم أجد في تغطية قناة الأفق - رويترز" in render_answer(answer)
    assert "لم أجد في تغطية قناة الأفق - رويترز" in telegram_answer(answer)
    covered = await newsroom.answer("ماذا كتبت صحيفة الصباح الجديد عن المباراة النهائية؟")
    assert covered.answered and covered.hits[0].source == MORNING


async def test_an_outlet_name_alone_is_searched_as_typed(newsroom):
    answer = await newsroom.answer("رويترز")
    assert answer.outlets == ()


async def test_removing_an_outlet_forgets_its_name(newsroom):
    assert (await newsroom.answer("حسب رويترز من يرعى الجولة؟")).outlets == (HORIZON,)
    await newsroom.remove(outlet=HORIZON)
    assert (await newsroom.answer("حسب رويترز من يرعى الجولة؟")).outlets == ()


def test_the_cli_json_names_the_outlets_asked_about(tmp_path: Path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text("\n".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
        "text": "\n\n".join(a.paragraphs)}, ensure_ascii=False) for a in ARTICLES),
        encoding="utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", str(pages), cwd=tmp_path, db=db).returncode == 0
    out = marsad("ask", "--json", "ماذا قالت الأنباء النيلية عن جدول الأعمال؟",
                 cwd=tmp_path, db=db)
    answer = json.loads(out.stdout)
    assert answer["outlets"] == [NILE]
    assert {h["source"] for h in answer["hits"]} == {NILE}
    text = marsad("ask", "ماذا نقلت رويترز عن المباراة النهائية؟", cwd=tmp_path, db=db)
    assert "لم أجد في تغطية قناة الأفق - رويترز" in text.stdout
