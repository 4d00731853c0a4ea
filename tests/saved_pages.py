"""Saved outlet pages with what a reader expects of each (tests/data/pages3, pages4): the
page beside a JSON file of its title, outlet, date and passages, read as `marsad ingest URL`
reads it from a server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from retrieval.fetching import Fetcher
from retrieval.model import Article
from retrieval.passages import split_passages
from retrieval.web import articles_from_web


def pages_with_expectations(folder: Path) -> list[Path]:
    """The folder's .html pages that have a JSON file of expectations beside them."""
    return sorted(p for p in folder.glob("*.html") if p.with_suffix(".json").exists())


def expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


async def read_url(url: str) -> list:
    """What ingest reads from one URL: its Articles, or the ArticleError of each failure."""
    async with Fetcher(delay=0) as fetcher:
        return [a async for a in articles_from_web([url], fetcher)]


def as_read(article: Article) -> dict:
    """The fields a JSON file of expectations states, as the reader gets them."""
    return {"title": article.title, "source": article.source,
            "date": article.date.isoformat() if article.date else None,
            "passages": split_passages(article.paragraphs)}
