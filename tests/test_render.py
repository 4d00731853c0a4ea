"""Terminal rendering: what a console user sees under each answer."""

import datetime as dt

import pytest

from bot.render import (
    ARTICLES,
    BOLD,
    NOT_DIRECTLY,
    OUTLETS,
    PASSAGES,
    PLAIN,
    corpus_size,
    count,
    render_answer,
    render_sources,
)
from retrieval.model import Answer, Citation, Hit
from retrieval.store import SourceInfo


def _hit(**kw) -> Hit:
    fields = dict(rank=1, score=2.0, text="أهدى بوتين كيم بندقية. وقبل الدعوة بسرور.",
                  article_id="a", title="t", source="سكاي نيوز عربية",
                  date=dt.date(2023, 9, 14), sentence="وقبل الدعوة بسرور.")
    fields.update(kw)
    return Hit(**fields)


def test_every_passage_is_followed_by_outlet_and_arabic_date():
    text = render_answer(Answer("q", True, [_hit(), _hit(rank=2, source=None, date=None)]))
    assert "— سكاي نيوز عربية، 14 سبتمبر 2023" in text
    assert "— مصدر غير معروف، تاريخ غير معروف" in text


def test_other_outlets_that_carried_the_statement_are_credited():
    hit = _hit(also_reported_by=[Citation("b", "العربي - أ ف ب", dt.date(2024, 7, 27))])
    assert "نقلته أيضاً: العربي - أ ف ب، 27 يوليو 2024" in render_answer(Answer("q", True, [hit]))


def test_an_outlet_that_carried_the_statement_twice_is_credited_once_at_its_first_date():
    from bot import telegram_render

    hit = _hit(also_reported_by=[Citation("b1", "هسبريس", dt.date(2024, 1, 12)),
                                 Citation("c", "العربي - أ ف ب", dt.date(2024, 1, 20)),
                                 Citation("b2", "هسبريس", dt.date(2024, 2, 11)),
                                 Citation("d", None, None), Citation("e", None, None)])
    console = render_answer(Answer("q", True, [hit]))
    telegram = telegram_render.also_html(hit)
    for shown in (console, telegram):
        assert shown.count("هسبريس") == 1 and "12 يناير 2024" in shown
        assert "11 فبراير 2024" not in shown and "العربي" in shown
    assert len(Answer("q", True, [hit]).to_json()["hits"][0]["also_reported_by"]) == 5


def test_the_best_sentence_is_bold_only_when_asked_for():
    answer = Answer("q", True, [_hit()])
    assert f"{BOLD}وقبل الدعوة بسرور.{PLAIN}" in render_answer(answer, bold=True)
    assert BOLD not in render_answer(answer)


def test_a_declined_answer_with_related_passages_shows_them_labelled_as_closest():
    """Declined while passages on the subject exist: "does not answer this directly", then
    the closest passages with their citations; the reader never loses a passage."""
    text = render_answer(Answer("q", False, [_hit(), _hit(rank=2, text="وصل كيم بالقطار.")]))
    assert text.startswith(NOT_DIRECTLY)
    assert "مباشرة" in text and "directly" in text
    assert "بندقية" in text and "وصل كيم بالقطار." in text
    assert "— سكاي نيوز عربية، 14 سبتمبر 2023" in text


def test_a_declined_answer_with_nothing_related_says_the_coverage_does_not_answer():
    text = render_answer(Answer("q", False, []))
    assert "لا تجيب التغطية" in text and "مباشرة" not in text


def test_a_question_in_another_language_is_told_to_ask_in_arabic_not_shown_closest():
    text = render_answer(Answer("What did Putin give?", False, [_hit()], language="en"))
    assert "Arabic" in text and NOT_DIRECTLY not in text


# -- counts: the noun agrees with the number, everywhere one is shown --------------------

PLURALS = {  # n: (articles, passages, outlets), as an Arabic reader expects them
    0: ("0 مقالات", "0 مقاطع", "0 مصادر"),
    1: ("مقال واحد", "مقطع واحد", "مصدر واحد"),
    2: ("مقالان", "مقطعان", "مصدران"),
    3: ("3 مقالات", "3 مقاطع", "3 مصادر"),
    10: ("10 مقالات", "10 مقاطع", "10 مصادر"),
    11: ("11 مقالاً", "11 مقطعاً", "11 مصدراً"),
    20: ("20 مقالاً", "20 مقطعاً", "20 مصدراً"),
    99: ("99 مقالاً", "99 مقطعاً", "99 مصدراً"),
    100: ("100 مقال", "100 مقطع", "100 مصدر"),
    101: ("101 مقال", "101 مقطع", "101 مصدر"),
    102: ("102 مقال", "102 مقطع", "102 مصدر"),
    103: ("103 مقالات", "103 مقاطع", "103 مصادر"),
    111: ("111 مقالاً", "111 مقطعاً", "111 مصدراً"),
    1000: ("1000 مقال", "1000 مقطع", "1000 مصدر"),
    2010: ("2010 مقالات", "2010 مقاطع", "2010 مصادر"),
}


@pytest.mark.parametrize("n", sorted(PLURALS))
def test_arabic_counts_follow_the_number(n):
    assert (count(n, ARTICLES), count(n, PASSAGES), count(n, OUTLETS)) == PLURALS[n]


def _source(i: int, source: str | None, passages: int = 4) -> SourceInfo:
    return SourceInfo(f"a{i}", f"عنوان {i}", source, dt.date(2023, 9, 14), passages)


def test_the_unknown_outlet_is_not_counted_as_a_source():
    sources = [_source(0, "سكاي نيوز عربية"), _source(1, "صحوة نيوز"), _source(2, None),
               _source(3, "  "), _source(4, "سكاي نيوز عربية")]
    assert corpus_size(sources) == "5 مقالات نشرها مصدران"
    assert corpus_size(sources[:1]) == "مقال واحد نشره مصدر واحد"
    assert corpus_size([_source(i, f"outlet {i}") for i in range(12)]) == (
        "12 مقالاً نشرها 12 مصدراً")
    assert corpus_size([_source(0, None)]) == "مقال واحد (المصدر غير معروف)"
    assert corpus_size([]) == "0 مقالات"


@pytest.mark.parametrize(("passages", "shown"), [(1, "(مقطع واحد)"), (2, "(مقطعان)"),
                                                 (7, "(7 مقاطع)"), (20, "(20 مقطعاً)")])
def test_sources_show_each_articles_passages_in_agreement(passages, shown):
    assert shown in render_sources([_source(0, "سكاي نيوز عربية", passages)])


def test_telegram_start_sources_stats_and_reload_count_in_agreement():
    from bot import telegram_guard
    from bot import telegram_render as tg
    from retrieval.feedback import QuestionRating

    sources = [_source(i, "سكاي نيوز عربية" if i % 2 else None) for i in range(20)]
    assert "<b>ما أعرفه:</b> 20 مقالاً نشرها مصدر واحد:" in tg.render_help(sources, "bot")
    assert "(10 مقالات)" in tg.render_help(sources, "bot")  # the outlet's line
    assert tg.render_sources(sources)[0].startswith("<b>المصادر</b> — 20 مقالاً نشرها مصدر")
    assert "… و11 مقالاً غيرها." in tg.render_sources(sources, max_articles=9)[-1]
    ratings = [QuestionRating(f"سؤال {i}", 0, 1, "2026-01-01T00:00:00", None, None)
               for i in range(11)]
    assert "11 سؤالاً" in tg.render_stats(ratings)[0]
    assert "أسئلة" not in tg.render_stats(ratings)[0]
    assert telegram_guard.RELOADED.format(articles=count(2, ARTICLES),
                                          passages=count(13, PASSAGES)) == (
        "أُعيد تحميل قاعدة البيانات: مقالان، 13 مقطعاً.")
