"""A site's rights notice is page furniture, never a passage.

Break pass: `<p>© جميع الحقوق محفوظة لموقع الرأي الأردني</p>` inside a page's <main> was
indexed as the article's third passage (and could be cited as what the outlet reported).
"""

from __future__ import annotations

import pytest

from retrieval.articles import clean_paragraphs, parse_raw
from retrieval.html_pages import parse_html

SAID = ["افتتح وزير المياه الأردني المؤتمر الإقليمي للمياه في عمان بمشاركة خبراء عرب.",
        "وأكد الوزير أن حصة الفرد من المياه تراجعت إلى أقل من مئة متر مكعب سنوياً."]
NOTICES = [
    "© جميع الحقوق محفوظة لموقع الرأي الأردني",
    "© 2023 الرأي. جميع الحقوق محفوظة",
    "جميع الحقوق محفوظة © 2025",
    "حقوق النشر محفوظة لصحيفة الوطن 2024",
    "كافة الحقوق محفوظة لشبكة الأخبار العربية",
    "Copyright 2024 Example News. All rights reserved.",
    "© 2024 الغد",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_rights_notice_in_a_page_is_not_a_passage(notice: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in SAID)
    page = (f"<html lang='ar'><head><meta charset='utf-8'><title>مؤتمر المياه</title></head>"
            f"<body><main><h1>مؤتمر المياه</h1>{body}<p>{notice}</p></main></body></html>")
    assert parse_html(page, "water").paragraphs == tuple(SAID)


@pytest.mark.parametrize("notice", NOTICES)
def test_a_rights_notice_in_a_txt_article_is_not_a_passage(notice: str) -> None:
    text = "\n".join(["مؤتمر المياه", *SAID, notice])
    assert parse_raw(text, "water").paragraphs == tuple(SAID)


def test_a_sentence_about_rights_is_kept() -> None:
    prose = ("وقال المحامي إن جميع الحقوق محفوظة للمتضررين بموجب القانون الجديد الذي أقره "
             "البرلمان الأسبوع الماضي بعد نقاش طويل استمر شهوراً.")
    assert clean_paragraphs([prose, SAID[0]]) == [prose, SAID[0]]
