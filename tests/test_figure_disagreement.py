"""Two outlets telling one statement with other figures are two hits (grouping never shows
«لقي 29 شخصا حتفهم» for «لقي 27 شخصا حتفهم»), and the reader is told they disagree: each
hit's `disagrees_with` (JSON), a line under its citation (console), a ⚠️ line (bot). Only
when the numbers count the same thing (the dead, a percentage, dollars, a year), never for a
figure one outlet leaves out, for two things counted (27 dead, 29 injured), for one outlet's
later update or another's days later, or for another event with the same figures."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import test_telegram as harness
from botapi_server import private_chat
from test_cli import ask_json, jsonl_ingested, marsad
from test_telegram import ALICE, Bot, plain

from retrieval.engine import Marsad
from retrieval.figures import clashes
from retrieval.model import Article

server, start, bot = harness.server, harness.start, harness.bot

ROAD = "في تصادم حافلتين على الطريق الصحراوي الغربي بمحافظة أسيوط صباح الجمعة"


def _article(id_, source, text, day=14, title="حادث أسيوط"):
    return Article(id_, title, source, dt.date(2025, 3, day), (text,))


@pytest.mark.parametrize(("this", "other", "measure", "figures"), [
    (f"لقي 27 شخصا حتفهم {ROAD}.", f"لقي 29 شخصا حتفهم {ROAD}.", "القتلى", (("27",), ("29",))),
    (f"قتل 27 شخصا وأصيب 40 {ROAD}.", f"أسفر {ROAD} عن مقتل 27 شخصا وإصابة 43 آخرين.",
     "الجرحى", (("40",), ("43",))),
    ("ارتفع التضخم السنوي إلى 13.6% في فبراير.", "ارتفع التضخم السنوي إلى 12.8 في المئة في فبراير.",
     "النسبة المئوية", (("13.6",), ("12.8",))),
    ("خصصت الحكومة 3 مليارات دولار للإعمار.", "خصصت الحكومة 4 مليارات دولار للإعمار.",
     "دولار", (("3 مليار",), ("4 مليار",))),
    ("أوقفت الشرطة 12 شخصا بعد المباراة.", "أوقفت الشرطة 15 شخصا بعد المباراة.",
     "الموقوفين", (("12",), ("15",))),
    ("بدأ بناء المتحف عام 2002.", "بدأ بناء المتحف عام 2005.", "السنة", (("2002",), ("2005",))),
    ("ارتفع منسوب النهر ٣ أمتار.", "ارتفع منسوب النهر 4 أمتار.", "أمتار", (("3",), ("4",))),
    ("لقي 11,300 شخص حتفهم.", "لقي 11,500 شخص حتفهم.", "القتلى", (("11300",), ("11500",))),
])
def test_figures_that_count_the_same_thing_clash(this, other, measure, figures):
    [clash] = clashes(this, other)
    assert (clash.measure, (clash.this, clash.other)) == (measure, figures)


@pytest.mark.parametrize(("this", "other"), [
    (f"لقي 27 شخصا حتفهم {ROAD}.", f"لقي ٢٧ شخصاً حتفهم {ROAD}."),  # the same, other digits
    (f"لقي 27 شخصا حتفهم وأصيب 40 {ROAD}.", f"لقي 27 شخصا حتفهم {ROAD}."),  # one left out
    (f"لقي 27 شخصا حتفهم {ROAD}.", f"أصيب 29 شخصا {ROAD}."),  # dead against injured
    ("قتل 27 شخصا في الهجوم.", "وقع الهجوم عام 2027 في المدينة."),  # a toll against a year
    ("ارتفع التضخم إلى 5% في سبتمبر.", "ارتفع التضخم إلى 5 في المئة في سبتمبر."),
    ("قتل ثلاثة أشخاص في الهجوم.", "قتل 3 أشخاص في الهجوم."),  # a count in words
    # a thousands separator, Latin or Arabic, against none; a decimal comma against a point
    ("لقي 11,300 شخص حتفهم في درنة.", "لقي 11300 شخص حتفهم في درنة."),
    ("بلغ عدد النازحين ٤٠٬٠٠٠ شخص.", "بلغ عدد النازحين 40000 شخص."),
    ("ارتفع التضخم إلى 5,2% في فبراير.", "ارتفع التضخم إلى 5.2% في فبراير."),
])
def test_figures_that_agree_or_count_other_things_do_not(this, other):
    assert clashes(this, other) == []


@pytest.mark.parametrize(("articles", "question"), [
    ([_article("ahram", "الأهرام", f"لقي 27 شخصا حتفهم وأصيب 40 آخرون {ROAD}."),
      _article("jazeera", "الجزيرة نت", f"لقي 29 شخصا حتفهم وأصيب 40 آخرون {ROAD}.")],
     "كم عدد قتلى حادث أسيوط؟"),
    ([_article("awsat", "الشرق الأوسط", "قال الجهاز المركزي للإحصاء إن معدل التضخم السنوي في "
               "المدن المصرية ارتفع إلى 13.6% في فبراير مدفوعا بأسعار الغذاء والنقل."),
      _article("arabiya", "العربية", "قال الجهاز المركزي للإحصاء إن معدل التضخم السنوي في "
               "المدن المصرية ارتفع إلى 12.8 في المئة في فبراير مدفوعا بأسعار الغذاء والنقل.")],
     "ماذا قال الجهاز المركزي للإحصاء عن التضخم في المدن المصرية؟"),
    ([_article("khaleej", "الخليج", "أعلنت الحكومة تخصيص 3 مليارات دولار لإعادة إعمار المناطق "
               "المتضررة من الفيضانات في شرق ليبيا."),
      _article("jazeera", "الجزيرة نت", "أعلنت الحكومة تخصيص 4 مليارات دولار لإعادة إعمار "
               "المناطق المتضررة من الفيضانات في شرق ليبيا.")],
     "كم خصصت الحكومة لإعادة إعمار شرق ليبيا؟"),
    ([_article("hespress", "هسبريس", "أوقفت الشرطة 12 شخصا بعد أعمال شغب أعقبت مباراة الرجاء "
               "والوداد في الدار البيضاء مساء الأحد."),
      _article("arabiya", "العربية", "أوقفت الشرطة 15 شخصا بعد أعمال شغب أعقبت مباراة الرجاء "
               "والوداد في الدار البيضاء مساء الأحد.")],
     "كم شخصا أوقفت الشرطة بعد مباراة الرجاء والوداد؟"),
])
async def test_two_outlets_with_other_figures_are_told_to_disagree(engine_over, articles,
                                                                   question):
    coverage = await engine_over(articles)
    answer = await coverage.answer(question, k=3)
    told = {h.article_id: h for h in answer.hits}
    assert set(told) == {a.id for a in articles}  # two hits, by design
    first, second = (told[a.id] for a in articles)
    assert [(d.article_id, d.rank) for d in first.disagrees_with] == [(second.article_id,
                                                                       second.rank)]
    assert [(d.article_id, d.rank) for d in second.disagrees_with] == [(first.article_id,
                                                                        first.rank)]
    [clash] = first.disagrees_with[0].figures
    assert clash.this != clash.other


@pytest.mark.parametrize("articles", [
    # one outlet's later update: its own figures, no disagreement
    [_article("day1", "الخبر", f"لقي 27 شخصا حتفهم {ROAD}.", day=14),
     _article("day2", "الخبر", f"لقي 29 شخصا حتفهم {ROAD}.", day=15)],
    # another outlet's figures days later: an update as likely as a disagreement
    [_article("day1", "الخبر", f"لقي 27 شخصا حتفهم {ROAD}.", day=14),
     _article("day3", "الجزيرة نت", f"لقي 29 شخصا حتفهم {ROAD}.", day=17)],
    # a figure one outlet leaves out
    [_article("a", "الخبر", f"لقي 27 شخصا حتفهم وأصيب 40 آخرون {ROAD}."),
     _article("b", "الجزيرة نت", f"لقي 27 شخصا حتفهم {ROAD}.")],
    # two things counted: the dead by one, the injured by the other
    [_article("a", "الخبر", f"لقي 27 شخصا حتفهم {ROAD}."),
     _article("b", "الجزيرة نت", f"أصيب 29 شخصا {ROAD}.")],
    # another event with another toll
    [_article("a", "الخبر", f"لقي 27 شخصا حتفهم {ROAD}."),
     _article("b", "القبس", "لقي 29 شخصا حتفهم في حريق اندلع في مستودع بمنطقة الشويخ "
              "الصناعية في الكويت مساء الاثنين.")],
])
async def test_no_disagreement_without_one(engine_over, articles):
    coverage = await engine_over(articles)
    answer = await coverage.answer("كم عدد قتلى حادث أسيوط؟", k=3)
    assert answer.hits
    assert all(not h.disagrees_with for h in answer.hits), [
        (h.article_id, h.disagrees_with) for h in answer.hits]


async def test_a_disagreeing_outlet_ranked_below_the_hits_shown_is_named(engine_over):
    coverage = await engine_over([
        _article("ahram", "الأهرام", f"لقي 27 شخصا حتفهم وأصيب 40 آخرون {ROAD}."),
        _article("jazeera", "الجزيرة نت", f"لقي 29 شخصا حتفهم وأصيب 40 آخرون {ROAD}.")])
    answer = await coverage.answer("كم عدد قتلى حادث أسيوط؟", k=1)
    [hit] = answer.hits
    [other] = hit.disagrees_with
    assert other.rank is None and other.source in {"الأهرام", "الجزيرة نت"} != {hit.source}


# -- the CLI, the console and the bot ----------------------------------------------------------

ARTICLES = [
    {"id": "ahram-bus", "title": "مصرع 27 في حادث أسيوط", "source": "الأهرام",
     "date": "2025-03-14", "text": f"لقي 27 شخصا حتفهم وأصيب 40 آخرون {ROAD}."},
    {"id": "jazeera-bus", "title": "تصادم مروع بأسيوط", "source": "الجزيرة نت",
     "date": "2025-03-14", "text": f"لقي 29 شخصا حتفهم وأصيب 40 آخرون {ROAD}."},
]
QUESTION = "كم عدد قتلى حادث أسيوط؟"


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple[Path, Path]:
    return jsonl_ingested(tmp_path_factory.mktemp("figures"), ARTICLES)


@pytest.fixture
async def engine(coverage):
    async with await Marsad.open(coverage[1]) as opened:
        yield opened


def test_ask_json_names_the_disagreeing_hit_and_its_figures(coverage):
    [answer] = ask_json(coverage, QUESTION)
    hits = {h["article_id"]: h for h in answer["hits"]}
    [told] = hits["ahram-bus"]["disagrees_with"]
    assert told == {"rank": hits["jazeera-bus"]["rank"],
                    "passage_id": hits["jazeera-bus"]["passage_id"],
                    "article_id": "jazeera-bus", "source": "الجزيرة نت", "date": "2025-03-14",
                    "figures": [{"measure": "القتلى", "this": ["27"], "other": ["29"]}]}


def test_the_console_says_the_figures_differ(coverage):
    folder, db = coverage
    result = marsad(cwd=folder, db=db, stdin=f"{QUESTION}\n:quit\n")
    assert result.returncode == 0, result.stderr
    assert re.search(r"تختلف أرقامه عن \[\d\] الجزيرة نت، 14 مارس 2025: القتلى 27 هنا "
                     r"مقابل 29 هناك", result.stdout), result.stdout
    assert re.search(r"تختلف أرقامه عن \[\d\] الأهرام، 14 مارس 2025: القتلى 29 هنا "
                     r"مقابل 27 هناك", result.stdout), result.stdout


async def test_the_bot_says_the_figures_differ(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(ALICE), ALICE, QUESTION))
    assert "⚠️ تختلف أرقامه عن الجزيرة نت، 14 مارس 2025: القتلى 27 هنا مقابل 29 هناك" in text
    assert "⚠️ تختلف أرقامه عن الأهرام، 14 مارس 2025: القتلى 29 هنا مقابل 27 هناك" in text
