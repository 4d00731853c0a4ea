"""A third newsroom's coverage, written for fix11: what Marsad answers over stories nobody tuned.

tests/data/newsroom10/ holds fourteen articles by five outlets (سكاي نيوز عربية، الجزيرة نت،
العربية، بي بي سي عربي، فرانس 24) on three stories the seeds, pages4, newsroom6 and
newsroom8 never cover: a train collision in Minya (October 2025, an early toll and a later
one told in other words by each outlet), the Tunisian cup final (June 2025, arrests after
it) and Jordan's parliamentary elections (September 2024, and an October article on
September's inflation). questions.jsonl asks them as readers do (plain, paraphrase,
dialect, Latin-typed names, numbers, dates and months) with near misses and off-topic
questions. From decide12 it is fitted by benchmarks/fit_decision.py (its events fold
groups of their own, reported held out apart); its floors are measured, just under
what was seen (base: answer@1 0.732, 8 declined, 18 of 26 out-of-coverage declined;
fix11: 0.761, 7, 18; decide12: 0.775, 5, 20). What still fails is listed in the fix11
report, not hidden here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from question_files import check_newsroom
from test_cli import ask_json as ask
from test_cli import eval_json, ingested

DATA = Path(__file__).parent / "data" / "newsroom10"
OUTLETS = {"سكاي نيوز عربية", "الجزيرة نت", "العربية", "بي بي سي عربي", "فرانس 24"}


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> tuple[Path, Path]:
    """(folder, database) holding the fourteen articles, ingested as a user does."""
    return ingested(tmp_path_factory.mktemp("newsroom10"), DATA / "articles.jsonl", 14)


def test_the_question_file_keys_are_in_the_coverage():
    check_newsroom(DATA, OUTLETS, {
        "paraphrase", "dialect", "latin", "number", "date", "near-miss", "off-topic"})


def test_floors_over_the_question_file(newsroom):
    report = eval_json(newsroom, DATA / "questions.jsonl")
    assert report["answerable"]["questions"] == 71
    # decide12 (newsroom10 fitted, next_unsaid, year_unsaid): 0.775, 5, 20; decide13
    # (eight blind writers fitted, threshold 0.2938): 0.761, 6, 20 («تعويضات ضحايا
    # القطار» at p 0.292, just under it); round 23 (decide23, twenty writers, threshold
    # 0.2953): 0.789, 7, 22 (a wrong answer, «مين ربح الانتخابات بالأردن؟», now declined;
    # «متى آخر لقب للنادي الإفريقي …» declined with its passage first)
    assert report["answerable"]["answer@1"] >= 0.76, report["failures"]
    assert report["answerable"]["false_declines"] <= 7, report["failures"]
    assert report["abstain"]["correct_declines"] >= 19, report["failures"]


@pytest.mark.parametrize(("question", "key", "source"), [
    # the month is the event's; the article reporting it is dated a month later, while
    # the month's own articles (the elections) say nothing of inflation
    ("كم بلغ التضخم في الأردن في سبتمبر؟", "1.9% في سبتمبر", "العربية"),
    ("لماذا ارتفعت الأسعار في الأردن في سبتمبر 2024؟", "زيادة أسعار الإيجارات", "العربية"),
    ("كم كان معدل التضخم في أغسطس 2024؟", "1.6% في أغسطس", "العربية"),
])
def test_a_month_asked_reaches_the_later_article_that_reports_it(newsroom, question, key,
                                                                 source):
    [answer] = ask(newsroom, question)
    assert answer["hits"], answer
    assert key in answer["hits"][0]["text"]
    assert (answer["hits"][0]["source"], answer["hits"][0]["date"]) == (source, "2024-10-10")


@pytest.mark.parametrize(("question", "outlets"), [
    ("كم مشجعا اعتقل بعد النهائي؟", {"سكاي نيوز عربية", "الجزيرة نت"}),
    ("كم عدد قتلى تصادم قطاري المنيا؟", {"الجزيرة نت", "العربية"}),
])
def test_the_same_toll_told_by_two_outlets_is_one_hit_crediting_both(newsroom, question,
                                                                     outlets):
    [answer] = ask(newsroom, question, k=5)
    first = answer["hits"][0]
    assert {first["source"], *(r["source"] for r in first["also_reported_by"])} >= outlets


def test_the_early_toll_is_never_credited_with_the_later_one(newsroom):
    """Sky News Arabia's early count (6 dead, 30 injured) is its own hit, never credited
    in the hit telling 9 and 54."""
    [answer] = ask(newsroom, "ما حصيلة تصادم القطارين في سمالوط؟", k=5)
    for hit in answer["hits"]:
        credited = {r["source"] for r in hit["also_reported_by"]}
        if "54" in hit["text"]:
            assert "سكاي نيوز عربية" not in credited
    assert any("قتل 6 أشخاص" in h["text"] for h in answer["hits"])


def test_a_toll_passage_that_also_tells_the_place_is_not_hidden(newsroom):
    """«أين وقع تصادم القطارين؟» is not a toll question: Al Jazeera's passage naming
    «مركز سمالوط» is never folded into Al Arabiya's that tells the same toll only."""
    [answer] = ask(newsroom, "أين وقع تصادم القطارين؟", k=3)
    assert any("سمالوط" in h["text"] for h in answer["hits"])
