"""`marsad ingest --help` as a newcomer reads it: a `.json` file that is no JSON Feed is
an archive of article records (README: "a named `.json` file that is no JSON Feed is an
archive of articles"); the help said only "a JSON Feed file", so a newcomer holding a
scraper's `articles.json` did not know it could be given."""

from __future__ import annotations

import json

from test_cli import marsad


def test_ingest_help_says_a_json_archive_is_read(tmp_path):
    text = marsad("ingest", "--help", cwd=tmp_path).stdout
    json_entry = text.split("  .json", 1)[1].split("http(s)://", 1)[0]
    assert "archive" in json_entry and '{"articles": [...]}' in json_entry


def test_the_archive_the_help_describes_is_ingested(tmp_path):
    """The help's promise, kept: `{"articles": [...]}` with a scraper's field names."""
    record = {"headline": "ارتفاع أسعار الخبز في صنعاء", "publisher": {"name": "صنعاء اليوم"},
              "published": "2025-06-01T08:00:00+03:00",
              "body": "<p>ارتفعت أسعار الخبز في العاصمة صنعاء بنسبة عشرين في المئة خلال أسبوع "
                      "واحد بسبب ارتفاع أسعار الدقيق.</p>"}
    (tmp_path / "articles.json").write_text(json.dumps({"articles": [record]},
                                                       ensure_ascii=False), encoding="utf-8")
    result = marsad("ingest", "articles.json", cwd=tmp_path, db=tmp_path / "news.db")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added 1,")
