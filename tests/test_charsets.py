"""Pages and feeds whose declared charset is a template's Latin default over Arabic bytes.

Break pass: a Windows-1256 page whose <meta> said `charset=iso-8859-1` (or windows-1252,
us-ascii: what a CMS writes when nobody set it) was ingested as `ãæÓßæ æÈíæäÛíÇäÛ`, a
title and passages no question ever finds; a feed declaring `encoding="ISO-8859-1"` the
same. A page in French that says Latin-1 and is Latin-1 stays French.
"""

from __future__ import annotations

import pytest

from retrieval.feeds import parse_feed
from retrieval.html_pages import parse_html

TITLE = "موسكو وبيونغيانغ توقعان اتفاقا"
TEXT = ("وقعت روسيا وكوريا الشمالية اتفاقا للتعاون في مجالات الزراعة والتعليم والرياضة خلال "
        "زيارة الزعيم كيم جونغ أون إلى الشرق الأقصى الروسي.")
LATIN_DEFAULTS = ["iso-8859-1", "ISO-8859-1", "windows-1252", "us-ascii", "latin1"]


@pytest.mark.parametrize("charset", LATIN_DEFAULTS)
@pytest.mark.parametrize("meta", ['<meta http-equiv="Content-Type" content="text/html; '
                                  'charset={}">', '<meta charset="{}">'])
def test_an_arabic_page_declaring_a_latin_default_is_read_as_arabic(charset, meta):
    html = (f"<html><head>{meta.format(charset)}<title>{TITLE}</title></head><body>"
            f"<h1>{TITLE}</h1><p>{TEXT}</p></body></html>")
    article = parse_html(html.encode("cp1256"), article_id="old-site")
    assert (article.title, article.paragraphs) == (TITLE, (TEXT,))


@pytest.mark.parametrize("charset", LATIN_DEFAULTS[:3])
def test_an_arabic_feed_declaring_a_latin_default_is_read_as_arabic(charset):
    xml = (f'<?xml version="1.0" encoding="{charset}"?><rss version="2.0"><channel>'
           f"<title>أخبار الشرق</title><item><title>{TITLE}</title><link>https://a.example/1"
           f"</link><description>{TEXT}</description></item></channel></rss>")
    [item] = parse_feed(xml.encode("cp1256"), "feed.xml")
    assert (item.outlet, item.title) == ("أخبار الشرق", TITLE)


def test_a_latin1_page_that_says_so_stays_as_written():
    french = ("Le dirigeant nord-coréen a été reçu à Moscou par le président russe, où ils ont "
              "évoqué la coopération spatiale. À l'Élysée, «Ça inquiète», dit un conseiller.")
    html = ('<html><head><meta charset="iso-8859-1"><title>Le président reçu à Moscou</title>'
            f"</head><body><h1>Le président reçu à Moscou</h1><p>{french}</p></body></html>")
    article = parse_html(html.encode("latin-1"), article_id="fr")
    assert (article.title, article.paragraphs) == ("Le président reçu à Moscou", (french,))
