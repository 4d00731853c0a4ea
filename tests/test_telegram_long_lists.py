"""/timeline over a newsroom's database: past what one reply shows, the reader sees the
most recent articles and is told how many older ones are not shown.

Break pass: /timeline over 10,000 articles sent the 300 oldest (all of 10 January 2024)
and stopped there without a word, as if the coverage ended on that day.
"""

from __future__ import annotations

import datetime as dt

import pytest
from botapi_server import parse_html

from bot.render import ARTICLES, count
from bot.telegram_render import MAX_MESSAGE, render_timeline
from retrieval.coverage import Timeline
from retrieval.store import SourceInfo


def articles(n: int, dated: bool = True) -> list[SourceInfo]:
    start = dt.date(2024, 1, 1)
    return [SourceInfo(f"a{i}", f"نبأ رقم {i}", f"وكالة {i % 3}",
                       start + dt.timedelta(days=i // 10) if dated else None, 1)
            for i in range(n)]


def shown(messages: list[str]) -> str:
    for message in messages:
        assert len(message) <= MAX_MESSAGE
    return "\n".join(parse_html(m)[0] for m in messages)


@pytest.mark.parametrize(("n", "limit"), [(1000, 300), (301, 300), (50, 20)])
def test_the_latest_are_shown_and_the_older_counted(n: int, limit: int) -> None:
    text = shown(render_timeline(Timeline(articles(n), []), max_articles=limit))
    assert f"نبأ رقم {n - 1}" in text  # the most recent article is there
    assert f"نبأ رقم {n - limit - 1}\n" not in text + "\n"
    assert f"… و{count(n - limit, ARTICLES)} أقدم لا تُعرض هنا" in text


def test_a_timeline_that_fits_says_nothing_of_more() -> None:
    text = shown(render_timeline(Timeline(articles(30), articles(5, dated=False))))
    assert "أقدم" not in text and "غيرها" not in text
    assert "نبأ رقم 0" in text and "نبأ رقم 29" in text


def test_undated_ones_past_the_limit_are_counted() -> None:
    text = shown(render_timeline(Timeline(articles(5), articles(40, dated=False)),
                                 max_articles=10))
    assert "30 مقالاً غيرها دون تاريخ" in text
