"""Saved outlet pages with what a reader expects of each (tests/data/pages3, pages4): the
page beside a JSON file of its title, outlet, date and passages, read as `marsad ingest URL`
reads it from a server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import marsad

from retrieval.articles import ArticleError
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


async def check_served_page(site_url: str, page: Path) -> None:
    """The page served at SITE/news/NAME reads as its JSON file of expectations says."""
    wanted = expected(page)
    [article] = await read_url(f"{site_url}/news/{page.name}")
    assert not isinstance(article, ArticleError), article
    got = as_read(article)
    assert got == {key: wanted[key] for key in got}


def ingest_served_pages(site_url: str, folder: Path, cwd: Path) -> Path:
    """`marsad ingest` of the URLs of the folder's pages with expectations into a new
    database in `cwd`, checked to list each with its title and date; its path."""
    db = cwd / "m.db"
    (cwd / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    pages = pages_with_expectations(folder)
    result = marsad("ingest", *(f"{site_url}/news/{p.name}" for p in pages), cwd=cwd, db=db)
    assert result.returncode == 0, result.stderr
    listed = json.loads(marsad("sources", "--json", cwd=cwd, db=db).stdout)
    assert sorted((s["title"], s["date"]) for s in listed) == sorted(
        (w["title"], w["date"]) for w in map(expected, pages))
    return db
