"""Pages drawn in the browser from Next.js data: the story is in `__NEXT_DATA__`, not in the
HTML. The saved pages are in tests/data/pages3/next-data-*.html (their expected title, outlet,
date and passages beside them, checked by test_pages3); here, what a reader asking about them
sees, and the shapes of data a site may use."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from newsroom_server import NewsroomSite
from test_cli import marsad

from retrieval.articles import ArticleError
from retrieval.html_pages import parse_html
from retrieval.next_data import next_data_article

DATA = Path(__file__).parent / "data"
PARAGRAPHS = [
    "أعلنت وزارة الموارد المائية العراقية أن مناسيب نهر دجلة ارتفعت بنحو متر ونصف المتر خلال"
    " يومين بعد الأمطار الغزيرة التي شهدتها المحافظات الشمالية، وأن سد الموصل استقبل أكبر"
    " كمية من المياه منذ خمس سنوات.",
    "وقال المتحدث باسم الوزارة إن فرق الطوارئ رفعت جاهزيتها في بغداد وسامراء، وإن السدود"
    " قادرة على استيعاب الموجة من دون فتح المنافذ المخصصة للفيضانات.",
]
TITLE = "ارتفاع مناسيب دجلة بعد أمطار غزيرة في الشمال"


def _shell(data: object, main: str = '<div class="spinner">جار التحميل...</div>') -> str:
    return (f'<html lang="ar"><head><title>{TITLE} | شبكة الرافدين</title>'
            '<meta property="og:site_name" content="شبكة الرافدين"></head><body><div id="__next">'
            '<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>'
            f'<main>{main}</main></div><script id="__NEXT_DATA__" type="application/json">'
            f'{json.dumps(data, ensure_ascii=False)}</script></body></html>')


HTML_BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


@pytest.mark.parametrize("data", [
    {"props": {"pageProps": {"article": {"title": TITLE, "body": HTML_BODY,
                                         "publishedAt": "2024-03-17T09:30:00+03:00"}}}},
    {"props": {"pageProps": {"post": {"headline": TITLE, "publishDate": "2024-03-17",
                                      "content": [{"type": "paragraph", "text": p}
                                                  for p in PARAGRAPHS]}}}},
    {"props": {"pageProps": {"data": {"node": {"name": TITLE, "date": "2024-03-17T06:30:00Z",
                                               "body": {"value": "\n".join(PARAGRAPHS)}}}}}},
    {"props": {"pageProps": {"__APOLLO_STATE__": {
        "Tag:3": {"title": "طقس", "__typename": "Tag"},
        "Story:81": {"title": TITLE, "bodyHtml": HTML_BODY, "first_published_at": "2024-03-17",
                     "related": [{"title": "خبر آخر", "text": "سطر قصير"}]}}}}},
], ids=["html-body", "content-blocks", "drupal-node", "apollo-cache"])
def test_a_page_drawn_from_its_data_gives_its_story_with_title_and_date(data):
    article = parse_html(_shell(data), url="https://rafidain.example/news/4411")
    assert (article.title, article.source, article.date.isoformat()) == (
        TITLE, "شبكة الرافدين", "2024-03-17")
    assert list(article.paragraphs) == PARAGRAPHS


def test_the_pages_json_ld_wins_over_its_data_for_what_both_state():
    data = {"props": {"pageProps": {"article": {"title": TITLE, "body": HTML_BODY,
                                                "publishedAt": "2024-03-15"}}}}
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "' + TITLE
          + '", "datePublished": "2024-03-17"}</script>')
    article = parse_html(_shell(data).replace("</head>", ld + "</head>"),
                         url="https://rafidain.example/news/4411")
    assert article.date.isoformat() == "2024-03-17"
    assert list(article.paragraphs) == PARAGRAPHS


def test_a_page_whose_html_holds_the_story_is_read_from_its_html():
    other = {"props": {"pageProps": {"article": {"title": "خبر آخر تماما", "body": "كلمة " * 60}}}}
    article = parse_html(_shell(other, main=f"<article><h1>{TITLE}</h1>{HTML_BODY}</article>"),
                         url="https://rafidain.example/news/4411")
    assert list(article.paragraphs) == PARAGRAPHS  # not the other story's 60 words


@pytest.mark.parametrize("data", [
    {"props": {"pageProps": {"items": [{"title": f"عنوان الخبر {i}", "excerpt": "مقتطف قصير"}
                                       for i in range(8)]}}},
    {"props": {"pageProps": {}}},
    "not an object",
])
def test_data_with_no_story_in_it_gives_nothing(data):
    tree = lxml.html.fromstring(_shell(data))
    assert next_data_article(tree) == {}
    with pytest.raises(ArticleError, match="no article text"):
        parse_html(_shell(data), url="https://rafidain.example/economy")


def test_broken_data_is_no_story_and_no_crash():
    page = _shell({}).replace("{}</script>", '{"props": {"pageProps": {"article": </script>')
    assert next_data_article(lxml.html.fromstring(page)) == {}


def test_a_section_page_of_a_nextjs_site_is_no_article():
    page = (DATA / "next-section-shell.html").read_bytes()
    with pytest.raises(ArticleError, match="no article text"):
        parse_html(page, url="https://almamlaka.example/economy")


def test_asking_about_a_story_a_site_drew_from_its_data_cites_the_outlet_and_date(tmp_path):
    site = NewsroomSite().start()
    try:
        for name in ("next-data-content-blocks", "next-data-apollo-cache"):
            site.page(f"/news/{name}", (DATA / "pages3" / f"{name}.html").read_bytes(),
                      content_type="text/html; charset=utf-8")
        (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
        db = tmp_path / "m.db"
        result = marsad("ingest", f"{site.url}/news/next-data-content-blocks",
                        f"{site.url}/news/next-data-apollo-cache", cwd=tmp_path, db=db)
        assert result.returncode == 0, result.stderr
    finally:
        site.stop()
    tents = json.loads(marsad("ask", "كم خيمة وزع الهلال الأحمر في الحوز؟", "--json",
                              cwd=tmp_path, db=db).stdout)
    assert tents["answered"]
    assert (tents["hits"][0]["source"], tents["hits"][0]["date"]) == ("هسبريس", "2023-09-16")
    assert "ثلاثة آلاف خيمة" in tents["hits"][0]["text"]
    mps = json.loads(marsad("ask", "لماذا انتقد النواب قرار الكهرباء؟", "--json",
                            cwd=tmp_path, db=db).stdout)
    assert mps["answered"]
    assert "وانتقد نواب في البرلمان" in mps["hits"][0]["text"]  # a paragraph the page never drew
    assert (mps["hits"][0]["source"], mps["hits"][0]["date"]) == ("قناة المملكة", "2024-05-02")
