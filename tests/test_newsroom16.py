"""Another coverage, as a newsroom ingests and asks it (fix17: tests/data/newsroom16/).

Six articles on one trade story (the Algerian-Tunisian joint commission of October 2026)
from five outlets and agencies, each in its own shape: the APS wire copied as a raw page
(.txt, its masthead, sections and `المصدر:` line), TAP's wire (.txt, `تاريخ النشر:`),
Echorouk's HTML page repeating the APS wire under its own lead, Sky News Arabia's TV page
(HTML: JSON-LD date, a photo caption, an «اقرأ أيضاً» box and a «فيديو |» caption in the
body) and Asharq Al-Awsat's JSONL feed (an ISO date-time and a 23/10/2026 date). Its 60
questions (questions.jsonl) were written before any was asked; what failed is in the
report of that round. The tests state what a reader of those pages expects.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import ask_json, eval_json, ingested, marsad

OUTLETS = {
    "aps-commission": ("وكالة الأنباء الجزائرية", "2026-10-20"),
    "tap-preferential": ("وكالة تونس أفريقيا للأنباء", "2026-10-20"),
    "echoroukonline.com": ("الشروق أونلاين", "2026-10-20"),
    "skynewsarabia.com": ("سكاي نيوز عربية", "2026-10-21"),
    "aawsat-oum-teboul": ("الشرق الأوسط", "2026-10-21"),
    "aawsat-olive-oil": ("الشرق الأوسط", "2026-10-23"),
}


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, data_dir: Path) -> tuple[Path, Path]:
    """(folder, database): the folder of articles ingested as a user does."""
    return ingested(tmp_path_factory.mktemp("newsroom16"), data_dir / "newsroom16" / "articles",
                    len(OUTLETS))


def test_each_article_keeps_its_outlet_and_day(newsroom):
    folder, db = newsroom
    result = marsad("sources", "--json", cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    got = {row["id"]: (row["source"], row["date"]) for row in json.loads(result.stdout)}
    assert len(got) == len(OUTLETS)
    for key, expected in OUTLETS.items():
        [found] = [v for k, v in got.items() if key in k]
        assert found == expected


@pytest.mark.parametrize(("question", "said"), [
    ("سوناطراك", "15 بالمئة"),  # after the «اقرأ أيضاً» box
    ("ترانسميد", "رسوما للعبور"),  # after the box and the «فيديو |» caption
    ("بأي نسبة ستزيد سوناطراك الغاز الذي تبيعه لتونس؟", "15 بالمئة"),
])
def test_the_tv_page_s_paragraphs_after_its_read_also_box_are_answered(newsroom, question,
                                                                       said):
    [answer] = ask_json(newsroom, question)
    assert answer["answered"]
    top = answer["hits"][0]
    assert top["source"] == "سكاي نيوز عربية" and said in top["text"]


def test_no_passage_shown_is_page_furniture(newsroom):
    questions = ["ماذا قالت سكاي نيوز عربية عن الغاز؟", "ما قدرة خط الربط الكهربائي الثاني؟",
                 "ماذا نشرت الشروق عن الاتفاقيات؟", "ما أهمية أنبوب ترانسميد لتونس؟"]
    for answer in ask_json(newsroom, *questions, k=5):
        for hit in answer["hits"]:
            assert not hit["text"].startswith(("فيديو", "اقرأ أيضا", "الجزائر ترفع صادرات")), hit


@pytest.mark.parametrize("question", [
    "واش وقعت الدزاير مع تونس؟", "شنو وقعت الدزاير وتونس؟", "شنوة وقعت تونس مع الدزاير؟"])
def test_an_algerian_asking_in_darija_is_answered(newsroom, question):
    """«الدزاير» is Algeria as Algerians say it (dialects.py)."""
    [answer] = ask_json(newsroom, question)
    assert answer["answered"] and "14 اتفاقية" in answer["hits"][0]["text"]


def test_a_maghrebi_name_typed_the_french_way_finds_its_speaker(newsroom):
    """French spelling writes و as «ou»: Ouartani is الورتاني (transliterate.py)."""
    [answer] = ask_json(newsroom, "ماذا قال Ouartani عن زيت الزيتون؟")
    assert answer["answered"] and "حاتم الورتاني" in answer["hits"][0]["text"]


def test_other_names_typed_the_french_way_find_theirs(tmp_path):
    """The same over another coverage, of other names (Algerian, Ivorian)."""
    rows = [{"id": "oran", "title": "الوهراني يعلن خطة للنقل", "source": "الخبر",
             "date": "2026-03-02",
             "text": "أعلن والي وهران كمال الوهراني إطلاق خطة لتوسيع شبكة الترامواي بطول 12 "
                     "كيلومترا قبل نهاية العام المقبل."},
            {"id": "abidjan", "title": "واتارا يفتتح جسرا جديدا", "source": "فرانس 24",
             "date": "2026-03-05",
             "text": "افتتح الرئيس الإيفواري الحسن واتارا جسرا جديدا في أبيدجان بطول 1.5 "
                     "كيلومتر، قائلا إنه سيخفف الازدحام في العاصمة الاقتصادية."}]
    path = tmp_path / "names.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    corpus = ingested(tmp_path, path, 2)
    ouahrani, ouattara = ask_json(corpus, "ماذا أعلن Ouahrani عن الترامواي؟",
                                  "ماذا افتتح Ouattara في أبيدجان؟")
    assert "كمال الوهراني" in ouahrani["hits"][0]["text"] and ouahrani["answered"]
    assert "الحسن واتارا" in ouattara["hits"][0]["text"] and ouattara["answered"]


def test_the_questions_as_users_see_them(newsroom, data_dir):
    """Floors for what this round fixed (measured before any fix: answer@1 0.600, 12 of 40
    declined, near misses 12 of 15 declined)."""
    report = eval_json(newsroom, data_dir / "newsroom16" / "questions.jsonl")
    assert report["answerable"]["answer@1"] >= 0.7
    assert report["kinds"]["short"]["answer@1"] == 1.0  # Sonatrach, Transmed
    assert report["kinds"]["outlet"]["answer@3"] == 1.0  # the outlet's passages, all of them
    assert report["kinds"]["off-topic"]["declined"] == 1.0
    assert report["kinds"]["near-miss"]["declined"] >= 0.8


def test_dates_are_the_pages_own(newsroom):
    """No page's date is read from its text (2027, 2028, 2030 are named in it)."""
    folder, db = newsroom
    result = marsad("timeline", "--json", cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    days = {dt.date.fromisoformat(d) for d in _dates(json.loads(result.stdout))}
    assert days == {dt.date(2026, 10, 20), dt.date(2026, 10, 21), dt.date(2026, 10, 23)}


def _dates(timeline: object) -> list[str]:
    """Every "date" value in `marsad timeline --json`'s output, however nested."""
    if isinstance(timeline, dict):
        return [v for k, v in timeline.items() if k == "date" and isinstance(v, str)] + [
            d for v in timeline.values() for d in _dates(v)]
    if isinstance(timeline, list):
        return [d for v in timeline for d in _dates(v)]
    return []
