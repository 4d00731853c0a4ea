"""Questions that name an outlet: «ماذا قالت سكاي نيوز عن الهدايا؟», «حسب الجزيرة …».

A reader who names an outlet expects that outlet's passages, said as such; an outlet the
coverage does not hold is named as missing before other outlets' passages are shown; an
outlet that has nothing on the subject is said to have nothing, never covered up by another
outlet's words. Break pass: «ماذا قالت سكاي نيوز عن الهدايا؟» was declined with passages
of an unknown outlet; «ماذا قالت الجزيرة عن الزيارة؟» showed other outlets' words as if
the coverage answered it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from botapi_server import BotAPIServer, parse_html, private_chat
from test_cli import marsad
from test_telegram import ALICE, TOKEN, Bot, make_config, plain, running

from bot import telegram_render
from bot.render import render_answer
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.outlet_scope import find_scope

OUTLETS = ["الوطن الليبية", "أخبار القاهرة", "بوابة الوسط", "هسبريس", "قناة النبأ"]

ARTICLES = [
    Article("w1", "الفيضانات تضرب درنة", "الوطن الليبية", dt.date(2023, 9, 12), (
        "قال رئيس بلدية درنة إن عدد الضحايا قد يصل إلى عشرين ألفا بعد انهيار السدين.",
        "وأضاف أن فرق الإنقاذ تواصل انتشال الجثث من البحر قرب الميناء.",
    )),
    Article("c1", "مصر ترسل مساعدات إلى ليبيا", "أخبار القاهرة", dt.date(2023, 9, 13), (
        "أرسلت مصر طائرات عسكرية محملة بالمساعدات وفرق الإنقاذ إلى مدينة درنة المنكوبة.",
        "وقال المتحدث العسكري إن الفرق المصرية ستساعد في انتشال الضحايا من تحت الأنقاض.",
    )),
    Article("m1", "الأمم المتحدة: السدان لم يخضعا للصيانة", "بوابة الوسط", dt.date(2023, 9, 14), (
        "قالت الأمم المتحدة إن السدين في درنة لم يخضعا للصيانة منذ سنوات طويلة.",
        "وأضافت المنظمة أن معظم الضحايا كان يمكن تجنبهم لو عملت أنظمة الإنذار المبكر.",
    )),
    Article("h1", "المغرب يفوز بكأس العرب", "هسبريس", dt.date(2025, 12, 18), (
        "فاز المنتخب المغربي بكأس العرب بعد تغلبه على الأردن في المباراة النهائية.",
    )),
]


# -- reading the outlet out of the question ---------------------------------------------------

@pytest.mark.parametrize(("question", "outlet", "rest_words"), [
    ("ماذا قالت الوطن الليبية عن الضحايا؟", "الوطن الليبية", ["ماذا", "الضحايا"]),
    ("حسب أخبار القاهرة، ماذا أرسلت مصر؟", "أخبار القاهرة", ["ماذا", "أرسلت", "مصر"]),
    ("بحسب بوابة الوسط من المسؤول عن انهيار السدين؟", "بوابة الوسط", ["السدين"]),
    ("وفقاً لبوابة الوسط، هل خضع السدان للصيانة؟", "بوابة الوسط", ["السدان"]),
    ("كيف غطت بوابة الوسط الفيضانات؟", "بوابة الوسط", ["الفيضانات"]),
    ("ماذا نشرت قناة النبأ عن درنة", "قناة النبأ", ["درنة"]),
    ("نقلا عن هسبريس، من فاز بكأس العرب؟", "هسبريس", ["فاز"]),
    ("الضحايا في أخبار القاهرة", "أخبار القاهرة", ["الضحايا"]),
    # dialect verbs of saying, and one carrying its object (newcomer pass: not read)
    ("إيه اللي قالته الوطن الليبية عن الضحايا؟", "الوطن الليبية", ["الضحايا"]),
    ("شنو گالت قناة النبأ عن درنة؟", "قناة النبأ", ["درنة"]),
    ("شو حكت بوابة الوسط عن السدين؟", "بوابة الوسط", ["السدين"]),
    ("ماذا نشرته قناة النبأ عن درنة؟", "قناة النبأ", ["درنة"]),
])
def test_an_outlet_of_the_coverage_named_in_the_question(question: str, outlet: str,
                                                         rest_words: list[str]) -> None:
    scope = find_scope(question, OUTLETS)
    assert scope is not None and scope.outlets == (outlet,) and scope.missing is None
    assert outlet.split()[-1] not in scope.rest  # the name is not searched for
    assert all(w in scope.rest for w in rest_words)
    # the attribution, a verb of reporting included, is the outlet's, not the topic's
    assert not any(cue in scope.rest.split()
                   for cue in ("حسب", "بحسب", "وفقاً", "نقلا", "قالت", "غطت", "نشرت", "قالته",
                               "گالت", "حكت", "نشرته"))


@pytest.mark.parametrize(("question", "held"), [
    ("حسب AFP ماذا أهدى بوتين؟", "العربي - أ ف ب"),
    ("ماذا قالت فرانس برس عن الهدايا؟", "العربي - أ ف ب"),
    ("ماذا قالت Sky News عن الهدايا؟", "سكاي نيوز عربية"),
    ("حسب BBC ماذا حدث؟", "بي بي سي عربي"),
    # a one-word agency at the end of the coverage's name (review: said رويترز was missing)
    ("ماذا نقلت رويترز عن الجولة المقبلة؟", "قناة الأفق - رويترز"),
    ("حسب الجزيرة من يرعى الجولة؟", "الجزيرة نت"),
])
def test_a_known_outlet_is_found_under_the_name_the_coverage_gives_it(question: str,
                                                                      held: str) -> None:
    """Break pass: «حسب AFP …» said فرانس برس was missing though «العربي - أ ف ب» is there."""
    scope = find_scope(question, ["العربي - أ ف ب", "سكاي نيوز عربية", "بي بي سي عربي",
                                  "قناة الأفق - رويترز", "الجزيرة نت"])
    assert scope is not None and scope.outlets == (held,) and scope.missing is None


@pytest.mark.parametrize(("question", "outlets", "missing"), [
    ("ماذا قالت الوطن الليبية وأخبار القاهرة عن الضحايا؟", ("الوطن الليبية", "أخبار القاهرة"),
     None),
    ("كيف غطت بوابة الوسط وقناة النبأ وهسبريس الفيضانات؟",
     ("بوابة الوسط", "قناة النبأ", "هسبريس"), None),
    ("ماذا قالت الجزيرة وأخبار القاهرة عن الضحايا؟", ("أخبار القاهرة",), "الجزيرة"),
    ("حسب الوطن الليبية والاتحاد الأوروبي، كم عدد الضحايا؟", ("الوطن الليبية",), None),
])
def test_outlets_joined_by_and_are_all_taken(question: str, outlets: tuple[str, ...],
                                             missing: str | None) -> None:
    scope = find_scope(question, OUTLETS)
    assert scope is not None and scope.outlets == outlets and scope.missing == missing
    for outlet in outlets:
        assert outlet.split()[-1] not in scope.rest


@pytest.mark.parametrize(("question", "missing"), [
    ("حسب سي إن إن، كم عدد الضحايا؟", "سي إن إن"),  # «إن» goes on the name here
    ("ماذا قالت الجزيرة عن الفيضانات؟", "الجزيرة"),
    ("حسب بي بي سي كم عدد الضحايا؟", "بي بي سي"),
    ("ماذا قالت CNN عن درنة", "سي إن إن"),
    ("بحسب رويترز، هل خضع السدان للصيانة؟", "رويترز"),
    ("كيف غطت قناة العربية الفيضانات؟", "العربية"),
])
def test_a_known_outlet_the_coverage_lacks_is_reported_missing(question: str,
                                                               missing: str) -> None:
    scope = find_scope(question, OUTLETS)
    assert scope is not None and scope.outlets == () and scope.missing == missing
    held = find_scope(question, [*OUTLETS, missing])  # once ingested, it is no longer missing
    assert held is not None and held.outlets == (missing,) and held.missing is None


@pytest.mark.parametrize("question", [
    "ماذا قال رئيس بلدية درنة عن الضحايا؟",  # a person after «قال»
    "حسب المتحدث العسكري، ماذا أرسلت مصر؟",
    "ماذا قال الاتحاد الأوروبي عن الفيضانات؟",  # a name that merely starts like one
    "ماذا قالت الأمم المتحدة عن السدين؟",
    "ماذا قالت القاهرة عن الفيضانات؟",  # Cairo, the government, not «أخبار القاهرة»
    "ما موقف الاتحاد من الفيضانات؟",  # one common word where no outlet goes
    "ماذا حدث في النبأ العاجل عن درنة",
    "أخبار روسيا اليوم",  # Russia's news today, not the channel
    "ما الذي حدث في شبه الجزيرة الكورية؟",
    "ماذا حدث في درنة؟",
])
def test_a_question_that_names_no_outlet_is_left_as_it_is(question: str) -> None:
    assert find_scope(question, [*OUTLETS, "صحيفة الاتحاد"]) is None


# -- answering ---------------------------------------------------------------------------------

@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


@pytest.mark.parametrize(("question", "outlet"), [
    ("ماذا قالت الوطن الليبية عن الضحايا؟", "الوطن الليبية"),
    ("ماذا قالت أخبار القاهرة عن الضحايا؟", "أخبار القاهرة"),
    ("حسب بوابة الوسط، ماذا عن الضحايا؟", "بوابة الوسط"),
])
async def test_the_answer_cites_only_the_outlet_named(newsroom: Marsad, question: str,
                                                      outlet: str) -> None:
    """Three outlets wrote about the victims: each question gets its outlet's words."""
    answer = await newsroom.answer(question, k=3)
    assert answer.outlets == (outlet,)
    assert answer.hits and {h.source for h in answer.hits} == {outlet}
    assert "الضحايا" in answer.hits[0].text
    shown = render_answer(answer)
    assert shown.startswith(f"من تغطية {outlet}:") or outlet in shown.splitlines()[0]
    assert answer.to_json()["outlets"] == [outlet]


@pytest.mark.parametrize(("question", "outlet"), [
    # the outlet wrote about Derna and the victims, never about who the mayor blamed
    ("حسب أخبار القاهرة ماذا قال رئيس بلدية درنة؟", "أخبار القاهرة"),
    ("ماذا قالت بوابة الوسط عن فرق الإنقاذ المصرية؟", "بوابة الوسط"),
    ("حسب الوطن الليبية ماذا أرسلت مصر إلى درنة؟", "الوطن الليبية"),
])
async def test_an_outlet_that_did_not_report_what_is_asked_is_not_said_to(
        newsroom: Marsad, question: str, outlet: str) -> None:
    """Review: one outlet's best passage was answered with confidence (0.72-0.75 over the
    seeds) though it held none of what was asked: the decision's comparisons with the
    whole coverage's candidates mean little among one outlet's. Shown as closest only."""
    answer = await newsroom.answer(question, k=3)
    assert answer.outlets == (outlet,) and not answer.answered
    assert all(h.source == outlet for h in answer.hits)
    plain = await newsroom.answer(question.replace(outlet, "").replace("حسب", ""), k=3)
    assert plain.answered and plain.hits[0].source != outlet  # another outlet said it


@pytest.mark.parametrize(("question", "outlet"), [
    # words that frame what is asked (about, according to his words) hold nothing of it
    ("ماذا نقلت بوابة الوسط بشأن صيانة السدين؟", "بوابة الوسط"),
    ("ماذا قالت الوطن الليبية بخصوص فرق الإنقاذ؟", "الوطن الليبية"),
    ("حسب أخبار القاهرة، ماذا أرسلت مصر بحسب قوله؟", "أخبار القاهرة"),
])
async def test_an_outlets_answer_is_not_lost_to_words_that_frame_the_question(
        newsroom: Marsad, question: str, outlet: str) -> None:
    """Fifth round: «ماذا نقلت صحيفة الاتحاد بشأن …» was declined with its right passage
    first: بشأن, بحسب, قوله counted as words the passage had to hold."""
    answer = await newsroom.answer(question, k=3)
    assert answer.outlets == (outlet,) and answer.answered
    assert answer.hits[0].source == outlet


async def test_an_outlet_with_nothing_on_it_is_said_to_have_nothing(newsroom: Marsad) -> None:
    answer = await newsroom.answer("ماذا قالت هسبريس عن انهيار السدين في درنة؟", k=3)
    assert answer.outlets == ("هسبريس",)
    assert all(h.source == "هسبريس" for h in answer.hits)  # never another outlet's words
    assert not answer.answered
    assert render_answer(answer).splitlines()[0].startswith(
        "لم تتناول هسبريس" if not answer.hits else "لا تجيب تغطية هسبريس")


async def test_two_outlets_are_named_joined_by_and(newsroom: Marsad) -> None:
    answer = await newsroom.answer("ماذا قالت الوطن الليبية وأخبار القاهرة عن الضحايا؟", k=5)
    assert set(answer.outlets) == {"الوطن الليبية", "أخبار القاهرة"}
    assert {h.source for h in answer.hits} <= {"الوطن الليبية", "أخبار القاهرة"}
    assert render_answer(answer).startswith(
        f"من تغطية {answer.outlets[0]} و{answer.outlets[1]}:")


async def test_a_missing_outlet_beside_a_covered_one_is_said_first(newsroom: Marsad) -> None:
    answer = await newsroom.answer("ماذا قالت الجزيرة وأخبار القاهرة عن الضحايا؟", k=3)
    assert answer.outlets == ("أخبار القاهرة",) and answer.outlet_not_covered == "الجزيرة"
    assert {h.source for h in answer.hits} == {"أخبار القاهرة"}
    assert render_answer(answer).startswith(
        "لا تضم التغطية مقالات من الجزيرة؛ من تغطية أخبار القاهرة:")


async def test_an_outlet_not_covered_is_named_before_the_others(newsroom: Marsad) -> None:
    answer = await newsroom.answer("ماذا قالت الجزيرة عن انهيار السدين؟", k=3)
    assert answer.outlets == () and answer.outlet_not_covered == "الجزيرة"
    assert answer.hits and "السدين" in answer.hits[0].text  # the others' coverage, shown
    assert render_answer(answer).startswith("لا تضم التغطية مقالات من الجزيرة")
    assert answer.to_json()["outlet_not_covered"] == "الجزيرة"
    plain_question = await newsroom.answer("ماذا عن انهيار السدين؟", k=3)
    assert "outlets" not in plain_question.to_json()
    assert "outlet_not_covered" not in plain_question.to_json()


async def test_an_outlet_ingested_later_is_found(newsroom: Marsad) -> None:
    question = "ماذا قالت صحيفة المسار عن الضحايا؟"
    assert (await newsroom.answer(question)).outlets == ()
    await newsroom.ingest([Article("s1", "درنة بعد الكارثة", "صحيفة المسار", None, (
        "قالت الصحيفة إن الضحايا دفنوا في مقابر جماعية خارج المدينة.",))])
    answer = await newsroom.answer(question)
    assert answer.outlets == ("صحيفة المسار",) and answer.hits[0].article_id == "s1"


def test_ask_json_and_text_name_the_outlet(tmp_path: Path) -> None:
    pages = tmp_path / "articles.jsonl"
    pages.write_text("\n".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
        "text": "\n\n".join(a.paragraphs)}, ensure_ascii=False) for a in ARTICLES) + "\n",
        encoding="utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", str(pages), cwd=tmp_path, db=db).returncode == 0
    out = marsad("ask", "--json", "ماذا قالت أخبار القاهرة عن الضحايا؟", cwd=tmp_path, db=db)
    got = json.loads(out.stdout)
    assert got["outlets"] == ["أخبار القاهرة"]
    assert {h["source"] for h in got["hits"]} == {"أخبار القاهرة"}
    text = marsad("ask", "حسب فرانس 24 كم عدد الضحايا؟", cwd=tmp_path, db=db).stdout
    assert text.startswith("لا تضم التغطية مقالات من فرانس 24")


async def test_telegram_says_whose_passages_these_are(engine: Marsad, tmp_path: Path) -> None:
    async with BotAPIServer(TOKEN) as server, running(
            make_config(server, tmp_path / "marsad.db"), engine) as app:
        bot = Bot(server, app, engine)
        chat = private_chat(ALICE)
        sent = await bot.ask(chat, ALICE, "ماذا قالت سكاي نيوز عن البندقية؟")
        assert plain(sent).startswith("من تغطية سكاي نيوز عربية:")
        assert "— سكاي نيوز عربية" in plain(sent)
        assert "مصدر غير معروف" not in plain(sent)
        sent = await bot.ask(chat, ALICE, "حسب الجزيرة ماذا أهدى بوتين لكيم؟")
        assert plain(sent).startswith("لا تضم التغطية مقالات من الجزيرة")
        parse_html(telegram_render.render_answer(
            await bot.engine.answer("ماذا قالت صحيفة الاتحاد عن الهدايا؟")))


async def test_a_small_outlet_is_found_under_a_big_ones_stronger_matches(tmp_path: Path) -> None:
    """The outlet's best passage may rank far below other outlets' in the whole corpus:
    it is found all the same (the search goes as deep as it must)."""
    big = [Article(f"b{i}", f"حصيلة الضحايا {i}", "وكالة الأنباء الكبرى", None, (
        f"ارتفعت حصيلة الضحايا والمصابين في الفيضانات إلى {i} بحسب فرق الإنقاذ والضحايا.",
        f"وقالت فرق الإنقاذ إن الضحايا {i} انتشلوا من تحت الأنقاض.")) for i in range(700)]
    small = Article("s1", "نشرة المساء", "نشرة المساء", None, (
        "وفي الشأن المحلي تحدث رئيس البلدية عن الضحايا أمام المجلس البلدي مساء اليوم وعن "
        "خطط إعادة بناء الجسور والطرق والمدارس في الأحياء المتضررة من السيول.",))
    engine = await Marsad.open(tmp_path / "deep.db")
    try:
        await engine.ingest([*big, small])
        answer = await engine.answer("ماذا قالت نشرة المساء عن الضحايا؟", k=3)
        assert answer.outlets == ("نشرة المساء",)
        assert [h.article_id for h in answer.hits] == ["s1"]
    finally:
        await engine.close()


# -- compare: an outlet's name where a topic belongs ------------------------------------------

@pytest.mark.parametrize(("topic", "outlet"), [
    ("بوابة الوسط", "بوابة الوسط"), ("قناة النبأ", "قناة النبأ"), ("هسبريس", "هسبريس"),
    ("أخبار القاهرة", "أخبار القاهرة"), ("الوطن الليبية", "الوطن الليبية"),
])
async def test_compare_of_an_outlets_name_says_how_to_compare_and_how_to_ask_it(
        newsroom: Marsad, topic: str, outlet: str) -> None:
    """Break pass: «:compare سكاي نيوز» said no outlet covers it and listed سكاي نيوز عربية
    among the silent ones."""
    await newsroom.ingest([Article("n1", "النبأ: درنة", "قناة النبأ", None, (
        "قالت القناة إن فرق الإنقاذ وصلت إلى درنة صباح الثلاثاء.",))])
    comparison = await newsroom.compare(topic)
    assert comparison.outlet == outlet and comparison.outlets == [] and comparison.silent == []
    said = render_answer_of(comparison)
    assert f"«{outlet}» مصدر وليس موضوعاً" in said and f"ماذا قالت {outlet} عن" in said
    assert comparison.to_json()["outlet_not_topic"] == outlet
    for text in telegram_render.render_comparison(comparison):
        assert "/compare الهدايا" in parse_html(text)[0]


@pytest.mark.parametrize("topic", ["الضحايا", "القاهرة", "الوطن", "الوسط", "انهيار السدين"])
async def test_compare_of_a_topic_is_a_comparison(newsroom: Marsad, topic: str) -> None:
    comparison = await newsroom.compare(topic)  # «القاهرة» is a city, not «أخبار القاهرة»
    assert comparison.outlet is None and "outlet_not_topic" not in comparison.to_json()


def render_answer_of(comparison) -> str:
    from bot.render import render_comparison

    return render_comparison(comparison)


# -- an outlet and nothing else: its latest articles ------------------------------------------

@pytest.mark.parametrize(("question", "outlet"), [
    ("ماذا قالت الوطن الليبية؟", "الوطن الليبية"),
    ("ماذا نشرت بوابة الوسط", "بوابة الوسط"),
    ("آخر أخبار هسبريس", "هسبريس"),
    ("حسب أخبار القاهرة؟", "أخبار القاهرة"),
])
async def test_an_outlet_alone_gets_its_latest_articles(newsroom: Marsad, question: str,
                                                        outlet: str) -> None:
    """Break pass: «ماذا قالت سكاي نيوز؟» said Sky News had nothing on «this»."""
    await newsroom.ingest([Article("w0", "قديم", "الوطن الليبية", dt.date(2023, 1, 2), (
        "خبر قديم عن الطقس في بنغازي.",))])
    answer = await newsroom.answer(question, k=3)
    assert answer.answered and answer.latest and answer.outlets == (outlet,)
    assert {h.source for h in answer.hits} == {outlet}
    dates = [h.date for h in answer.hits]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert render_answer(answer).startswith(f"أحدث ما نشرته {outlet} في التغطية")
    assert answer.to_json()["latest"] is True


async def test_an_outlet_and_a_day(newsroom: Marsad) -> None:
    answer = await newsroom.answer("ماذا نشرت أخبار القاهرة في 13 سبتمبر 2023؟", k=3)
    assert answer.outlets == ("أخبار القاهرة",) and answer.published_on == "2023-09-13"
    assert [h.article_id for h in answer.hits] == ["c1"]
    assert render_answer(answer).startswith("ما نشرته أخبار القاهرة في 13 سبتمبر 2023")


@pytest.mark.parametrize("question", ["ماذا قالت الجزيرة؟", "حسب الجزيرة", "ماذا نشرت الجزيرة"])
async def test_a_missing_outlet_alone_shows_no_other_outlets_words(newsroom: Marsad,
                                                                  question: str) -> None:
    answer = await newsroom.answer(question, k=3)
    assert answer.outlet_not_covered == "الجزيرة" and answer.hits == []
    assert render_answer(answer).startswith("لا تضم التغطية مقالات من الجزيرة.")



async def test_a_word_only_an_outlets_headline_holds_is_searched_in_other_words(
        engine_over) -> None:
    """Newcomer pass: the README's own «ماذا قالت سكاي نيوز عن الهدايا؟» was declined with
    passages on the meeting: Sky's headline says الهدايا, its passage أهدى. Among one
    outlet's passages a word only their titles hold picks none (each passage carries its
    article's title), so it is searched as its synonym class too; a word the outlet never
    writes at all is not (that outlet did not report it)."""
    engine = await engine_over([
        Article("g1", "هدايا متبادلة في قمة الرباط", "بوابة الوسط", dt.date(2024, 5, 2), (
            "استقبل الملك الرئيس الضيف في القصر وسط إجراءات أمنية مشددة.",
            "وأهدى الملك ضيفه سيفا مرصعا، وقدم الضيف للملك مخطوطة نادرة.",
            "وتناولت المحادثات التعاون الاقتصادي بين البلدين.",
        )),
        Article("g2", "زيارة رسمية إلى الرباط", "هسبريس", dt.date(2024, 5, 2), (
            "وصل الرئيس الضيف إلى الرباط في زيارة رسمية تستمر يومين.",
            "وتناولت المحادثات التعاون الاقتصادي والطاقة.",
        )),
    ])
    for question in ("ماذا قالت بوابة الوسط عن الهدايا؟", "حسب بوابة الوسط، ما الهدايا؟"):
        answer = await engine.answer(question, k=2)
        assert answer.outlets == ("بوابة الوسط",) and answer.answered, question
        assert "سيفا مرصعا" in answer.hits[0].text
    elsewhere = await engine.answer("ماذا قالت هسبريس عن الهدايا؟", k=2)
    assert elsewhere.outlets == ("هسبريس",) and not elsewhere.answered
