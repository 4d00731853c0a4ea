"""Who reported what: compare, timeline, outlets, feedback — the library, the CLI, the console."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SKY, ARABY, ITTIHAD, SAHWA = "سكاي نيوز عربية", "العربي - أ ف ب", "صحيفة الاتحاد", "صحوة نيوز"
ALL_OUTLETS = {SKY, ARABY, ITTIHAD, SAHWA, None}

COMPARE = {  # topic -> (outlets that covered it, silent ones)
    "الهدايا": ({SKY, ARABY, None}, {ITTIHAD, SAHWA}),
    "الأقمار الاصطناعية": ({SKY, ARABY, ITTIHAD, SAHWA}, {None}),
    "الذخيرة": ({ARABY, None}, {SKY, ITTIHAD, SAHWA}),
}


# -- the library ---------------------------------------------------------------------------

@pytest.mark.parametrize("topic", COMPARE)
async def test_compare_gives_each_outlet_once_and_lists_the_silent(engine, topic):
    covered, silent = COMPARE[topic]
    comparison = await engine.compare(topic)
    assert {v.source for v in comparison.outlets} == covered
    assert set(comparison.silent) == silent
    assert len(comparison.outlets) == len(covered)  # one passage per outlet
    for view in comparison.outlets:
        article = await engine.article(view.article_id)
        assert (article.source, article.date) == (view.source, view.date)
        assert view.text in article.text or view.in_title


async def test_compare_on_the_ammunition_quotes_the_ammunition(engine):
    comparison = await engine.compare("الذخيرة")
    assert all("الذخيرة" in v.sentence for v in comparison.outlets)
    assert {v.date for v in comparison.outlets} == {dt.date(2024, 7, 27), None}


async def test_compare_of_nothing_searchable(engine):
    comparison = await engine.compare("؟؟ 🙂")
    assert not comparison.searchable and comparison.outlets == []
    assert set(comparison.silent) == ALL_OUTLETS


async def test_timeline_orders_dated_articles_and_keeps_undated_apart(engine):
    timeline = await engine.timeline()
    dates = [s.date for s in timeline.dated]
    assert dates == sorted(dates) and None not in dates
    assert dates[-1] == dt.date(2024, 7, 27)
    assert {s.source for s in timeline.undated} == {SAHWA, None}
    assert all(s.date is None for s in timeline.undated)


async def test_outlets_count_articles_dates_and_statements_others_carried(engine):
    by_name = {o.source: o for o in await engine.outlets()}
    assert set(by_name) == ALL_OUTLETS
    assert by_name[SKY].articles == 1 and by_name[SKY].first_date == dt.date(2023, 9, 14)
    assert by_name[SAHWA].undated == 1 and by_name[SAHWA].first_date is None
    assert by_name[SKY].corroborated >= 3  # the Kim quote, the gift statement, ...
    assert by_name[SAHWA].corroborated >= 1 and by_name[ARABY].corroborated >= 2
    assert by_name[ITTIHAD].corroborated == 0


async def test_feedback_is_updated_not_duplicated_and_worst_comes_first(engine):
    def rate(user, message, question, rating):
        return engine.record_feedback(chat_id=1, message_id=message, user_id=user,
                                      question=question, passage_id=None, article_id="a",
                                      passage="نص", rating=rating)
    await rate(7, 10, "سؤال جيد", 1)
    await rate(8, 10, "سؤال جيد", 1)
    await rate(7, 11, "سؤال سيئ", 1)
    await rate(7, 11, "سؤال سيئ", -1)  # the same reader changes their mind
    await rate(9, 11, "سؤال سيئ", -1)
    summary = await engine.feedback_summary()
    assert [(r.question, r.up, r.down) for r in summary] == [("سؤال سيئ", 0, 2),
                                                            ("سؤال جيد", 2, 0)]


# -- the CLI, as a user runs it ---------------------------------------------------------------

def marsad(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = "utf-8"
    env["MARSAD_STORAGE_DB"] = str(cwd / "marsad.db")
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A working folder whose database the first run builds from the seeds."""
    path = tmp_path_factory.mktemp("coverage")
    assert marsad("sources", cwd=path).returncode == 0
    return path


def test_cli_compare_json(folder):
    result = marsad("compare", "الذخيرة", "--json", cwd=folder)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["topic"] == "الذخيرة"
    assert {o["source"] for o in data["outlets"]} == {ARABY, None}
    assert set(data["silent"]) == {SKY, ITTIHAD, SAHWA}
    for o in data["outlets"]:
        assert {"source", "article_id", "title", "date", "text", "sentence"} <= o.keys()
        assert o["date"] in {"2024-07-27", None}


def test_cli_compare_text_shows_outlets_dates_and_the_silent(folder):
    out = marsad("compare", "الأقمار", "الاصطناعية", cwd=folder).stdout
    for name in (SKY, ARABY, ITTIHAD, SAHWA):
        assert name in out
    assert "14 سبتمبر 2023" in out and "تاريخ غير معروف" in out
    assert "لم تتناوله: مصدر غير معروف" in out


def test_cli_timeline_json_and_text(folder):
    data = json.loads(marsad("timeline", "--json", cwd=folder).stdout)
    assert [a["date"] for a in data["dated"]] == ["2023-09-14", "2023-09-14", "2024-07-27"]
    assert [a["date"] for a in data["undated"]] == [None, None]
    assert {a["source"] for a in data["undated"]} == {SAHWA, None}
    out = marsad("timeline", cwd=folder).stdout
    assert out.index("14 سبتمبر 2023") < out.index("27 يوليو 2024") < out.index("دون تاريخ")
    undated = out[out.index("دون تاريخ"):]
    assert SAHWA in undated and "2023" not in undated and "2024" not in undated


def test_cli_sources_keeps_its_list_and_adds_outlets_on_request(folder):
    articles = json.loads(marsad("sources", "--json", cwd=folder).stdout)
    assert isinstance(articles, list) and len(articles) == 5
    assert set(articles[0]) == {"id", "title", "source", "date", "url", "passages"}
    outlets = json.loads(marsad("sources", "--outlets", "--json", cwd=folder).stdout)
    sky = next(o for o in outlets if o["source"] == SKY)
    assert sky["articles"] == 1 and sky["first_date"] == "2023-09-14"
    assert sky["corroborated"] >= 3
    assert "نقلتها مصادر أخرى" in marsad("sources", "--outlets", cwd=folder).stdout


def test_cli_feedback_when_nobody_rated(folder):
    assert json.loads(marsad("feedback", "--json", cwd=folder).stdout) == []
    assert "لا تقييمات" in marsad("feedback", cwd=folder).stdout


def test_console_compare_timeline_and_sources(folder):
    stdin = ":compare الهدايا\n:timeline\n:sources\n:compare\n:quit\n"
    result = marsad(cwd=folder, stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "«الهدايا»" in out and "لم تتناوله:" in out  # :compare
    assert ITTIHAD in out[out.index("لم تتناوله:"):]
    assert "المقالات بترتيب تاريخ النشر" in out and "دون تاريخ منشور" in out  # :timeline
    assert "نقلتها مصادر أخرى" in out  # :sources with the outlets' numbers
    assert "اكتب موضوعاً للمقارنة" in out  # :compare without a topic
    assert ":compare" in marsad(cwd=folder, stdin=":help\n").stdout
