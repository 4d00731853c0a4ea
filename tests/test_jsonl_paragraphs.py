"""JSONL articles whose `text` puts one paragraph on each line, with no blank line between.

Break pass: a scraper's JSONL (`"text": "para 1\\npara 2\\n…"`, the commonest shape) was read
as one paragraph, wrapped text being joined line to line: 30 paragraphs became 5 passages of
~700 characters, and «ماذا أهدى بوتين لكيم؟» was answered with a passage about the visit's
length that held the gift sentence somewhere in its middle. Lines that end sentences are
paragraphs; text wrapped at a width (lines ending mid-sentence) is still joined.
"""

from __future__ import annotations

import json

import pytest
from test_cli import marsad

from retrieval.articles import parse_jsonl_line

FILLER = ["قال المتحدث باسم الكرملين إن الزيارة ستستمر عدة أيام وإن الجانبين سيبحثان ملفات "
          f"كثيرة في المحادثات الجارية منذ الصباح، الجلسة {n}." for n in range(1, 13)]
GIFT = "وأهدى بوتين كيم قفاز رائد فضاء وبندقية صيد من إنتاج روسي فاخر."


def record(text: str) -> str:
    return json.dumps({"id": "s1", "title": "زيارة كيم", "source": "مصدر", "date": "2023-09-13",
                       "text": text}, ensure_ascii=False)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_one_paragraph_a_line_gives_one_passage_a_paragraph(newline):
    lines = [*FILLER[:6], GIFT, *FILLER[6:]]
    article = parse_jsonl_line(record(newline.join(lines)), "a.jsonl:1")
    assert list(article.paragraphs) == lines


def test_a_subheading_among_sentence_lines_stays_its_own_line():
    lines = [*FILLER[:4], "ردود الفعل الدولية", *FILLER[4:8]]  # 8 of 9 lines end a sentence
    assert list(parse_jsonl_line(record("\n".join(lines)), "a.jsonl:1").paragraphs) == lines


def test_text_wrapped_at_a_width_is_joined_back_into_its_paragraphs():
    wrapped = ("قال المتحدث باسم الكرملين إن الزيارة ستستمر\nعدة أيام وإن الجانبين سيبحثان ملفات"
               "\nكثيرة في المحادثات.\n\nوأهدى بوتين كيم قفاز رائد\nفضاء وبندقية صيد.")
    article = parse_jsonl_line(record(wrapped), "a.jsonl:1")
    assert list(article.paragraphs) == [
        "قال المتحدث باسم الكرملين إن الزيارة ستستمر عدة أيام وإن الجانبين سيبحثان ملفات كثيرة "
        "في المحادثات.", "وأهدى بوتين كيم قفاز رائد فضاء وبندقية صيد."]


def test_the_answer_is_the_paragraph_that_says_it(tmp_path):
    (tmp_path / "scraped.jsonl").write_text(
        record("\n".join([*FILLER[:6], GIFT, *FILLER[6:]])) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    assert "13 passages indexed" in marsad("ingest", "scraped.jsonl", cwd=tmp_path, db=db).stdout
    answer = json.loads(marsad("ask", "--json", "ماذا أهدى بوتين لكيم؟", cwd=tmp_path,
                               db=db).stdout)
    assert answer["answered"] and answer["hits"][0]["text"] == GIFT
