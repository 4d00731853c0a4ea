"""A hit never stands for a passage printing a number it does not print (grouping.py):
«لقي 29 شخصا حتفهم» is not credited to an outlet that said 27, whatever the digits' script
or the letters glued to them, while outlets printing the same figures are."""

from __future__ import annotations

import datetime as dt

from retrieval.model import Article

DAY = dt.date(2024, 8, 12)
FLOOD = ("أعلن الدفاع المدني في ولاية كسلا أن {n} شخصا لقوا حتفهم في الفيضانات التي ضربت "
         "الولاية شرق السودان وأن مئات المنازل انهارت بعد انهيار سد أربعات.")
BUDGET = ("أقر مجلس النواب الموازنة العامة للدولة بنفقات تبلغ {n} مليار دينار وعجز متوقع "
          "بعد المنح الخارجية وفق ما أعلنه وزير المالية في جلسة الأحد.")


def flood(article_id: str, outlet: str, toll: str) -> Article:
    return Article(article_id, "فيضانات كسلا", outlet, DAY, (FLOOD.format(n=toll),))


async def credited_by_hit(engine, question: str) -> dict[str, set[str]]:
    """article shown -> the articles its hit credits, for every hit of the answer."""
    answer = await engine.answer(question, k=6)
    return {h.article_id: {c.article_id for c in h.also_reported_by} for h in answer.hits}


async def test_a_different_toll_is_its_own_hit_and_the_same_toll_is_credited(engine):
    await engine.ingest([flood("toll-27-a", "الجزيرة نت", "27"),
                         flood("toll-27-b", "سكاي نيوز عربية", "27"),
                         flood("toll-29-a", "عمون", "29"),
                         flood("toll-29-b", "العربي الجديد", "٢٩")])  # Arabic-Indic digits
    hits = await credited_by_hit(engine, "كم شخصا لقوا حتفهم في فيضانات كسلا؟")
    shown = {a for a in hits if a.startswith("toll-")}
    assert len(shown) == 2  # one hit per toll
    [said_27] = [a for a in shown if a.startswith("toll-27")]
    [said_29] = [a for a in shown if a.startswith("toll-29")]
    assert hits[said_27] == {"toll-27-a", "toll-27-b"} - {said_27}
    assert hits[said_29] == {"toll-29-a", "toll-29-b"} - {said_29}


async def test_numbers_glued_to_letters_count_as_printed(engine):
    # «ب18» and «ب81»: a prefix glued to the figure, as Arabic writes it
    await engine.ingest([
        Article("budget-a", "الموازنة", "صحيفة الغد", DAY, (BUDGET.format(n="ب18"),)),
        Article("budget-b", "الموازنة", "رؤيا نيوز", DAY, (BUDGET.format(n="ب81"),)),
        Article("budget-c", "الموازنة", "عمون", DAY, (BUDGET.format(n="ب18"),))])
    hits = await credited_by_hit(engine, "بكم أقر مجلس النواب نفقات الموازنة العامة؟")
    shown = {a for a in hits if a.startswith("budget-")}
    assert len(shown) == 2
    [printed_81] = [a for a in shown if a == "budget-b"]
    assert hits[printed_81] == set()
    [printed_18] = shown - {printed_81}
    assert hits[printed_18] == {"budget-a", "budget-c"} - {printed_18}
