"""A JSONL record's text as scrapers leave it: inline HTML inside a paragraph (`<b>`,
`<strong>`, `<a href>`, `<span>`) and entities (`&amp;`, `&quot;`). Before, only block tags
(`<p>`, `<br>`, `<div>`) made the text read as HTML: a paragraph holding `<b>…</b>` or
`<strong>…</strong>` was cut as page furniture (its statement never answerable), `<a>` and
`<i>` stayed in the passage as typed, and `&amp;` was cited as «&amp;»."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import marsad

from retrieval.articles import parse_json_record

OPENING = ("افتتحت السلطة المحلية في محافظة إب أول مكتبة عامة حديثة تضم عشرين ألف كتاب، وقال "
           "المحافظ إن المكتبة ستفتح أبوابها يومياً حتى العاشرة مساءً.")
SAID = "وأضاف أن الدخول مجاني للطلاب والباحثين."


def paragraphs(text: str) -> tuple[str, ...]:
    record = {"id": "lib-1", "title": "افتتاح مكتبة عامة في إب", "source": "موقع إب نيوز",
              "date": "2025-02-20", "text": text}
    return parse_json_record(record, "news.jsonl:1").paragraphs


@pytest.mark.parametrize("marked", [
    "وأضاف أن <b>الدخول مجاني</b> للطلاب والباحثين.",
    "وأضاف أن <strong>الدخول مجاني</strong> للطلاب والباحثين.",
    "وأضاف أن <em>الدخول</em> مجاني للطلاب والباحثين.",
    'وأضاف أن <a href="https://ib.example/lib">الدخول مجاني</a> للطلاب والباحثين.',
    'وأضاف أن <span style="color:red">الدخول مجاني</span> للطلاب والباحثين.',
    "وأضاف أن <B>الدخول مجاني</B> للطلاب والباحثين.",
])
def test_inline_markup_keeps_the_paragraph_without_its_tags(marked):
    assert paragraphs(f"{OPENING}\n\n{marked}") == (OPENING, SAID)


@pytest.mark.parametrize("escaped, read", [
    ("للطلاب &amp; الباحثين", "للطلاب & الباحثين"),
    ("وصفها بأنها &quot;خطوة مهمة&quot;", 'وصفها بأنها "خطوة مهمة"'),
    ("&#1575;لدخول مجاني", "الدخول مجاني"),
])
def test_entities_in_a_text_without_tags_are_read(escaped, read):
    assert paragraphs(f"{OPENING}\n\nوأضاف {escaped} في المكتبة.")[-1] == \
        f"وأضاف {read} في المكتبة."


@pytest.mark.parametrize("plain", [
    "وقال إن درجة الحرارة < 5 درجات في الليل و> 20 في النهار.",
    "وقال إن شركة AT&T وشركة P&G تبرعتا بالكتب.",
])
def test_text_that_only_looks_like_markup_stays_as_written(plain):
    assert paragraphs(f"{OPENING}\n\n{plain}") == (OPENING, plain)


def test_the_marked_statement_is_answered_and_shown_plain(tmp_path: Path):
    line = json.dumps({"id": "lib-1", "title": "افتتاح مكتبة عامة في إب",
                       "source": "موقع إب نيوز", "date": "2025-02-20",
                       "text": f"{OPENING}\n\nوأضاف أن <b>الدخول مجاني</b> للطلاب &amp; "
                               "الباحثين."}, ensure_ascii=False)
    (tmp_path / "news.jsonl").write_text(line + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    assert marsad("ingest", "news.jsonl", cwd=tmp_path, db=db).returncode == 0
    asked = marsad("ask", "--json", "هل الدخول مجاني للطلاب في مكتبة إب؟", cwd=tmp_path, db=db)
    answer = json.loads(asked.stdout)
    texts = [hit["text"] for hit in answer["hits"]]
    assert "وأضاف أن الدخول مجاني للطلاب & الباحثين." in texts
    assert not any("<b>" in t or "&amp;" in t for t in texts)


@pytest.mark.parametrize("field, given, shown", [
    ("title", "<b>افتتاح</b> سوق &amp; معرض في عدن", "افتتاح سوق & معرض في عدن"),
    ("title", 'افتتاح <a href="/tag/aden">سوق</a> جديد', "افتتاح سوق جديد"),
    ("source", "عدن &quot;الغد&quot;", 'عدن "الغد"'),
    ("source", "<span>موقع إب نيوز</span>", "موقع إب نيوز"),
    ("title", "شركة AT&T تفتتح مكتباً في عدن", "شركة AT&T تفتتح مكتباً في عدن"),
])
def test_title_and_outlet_are_cited_without_markup(field, given, shown):
    """`sources`, `timeline` and every citation print the title and outlet: before, as
    the scraper left them («عدن &quot;الغد&quot;»)."""
    record = {"id": "t1", "title": "افتتاح سوق في عدن", "source": "عدن الغد",
              "date": "2025-07-01", "text": OPENING} | {field: given}
    article = parse_json_record(record, "news.jsonl:1")
    assert getattr(article, field) == shown
