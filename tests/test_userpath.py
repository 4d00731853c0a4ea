"""The user's-path benchmark (benchmarks/userpath.py) runs end to end on a tiny corpus and
measures what it says: the CLI's ingest of JSONL and of .txt pages, a batch of questions."""

from __future__ import annotations

import importlib.util
import json

from benchmarks import userpath
from benchmarks.corpus import generate


def test_a_page_reads_back_as_the_article_it_was_written_from(tmp_path):
    from retrieval.articles import parse_raw

    for article in generate(40, seed=3):
        got = parse_raw(userpath.page(article), article.id)
        assert (got.title, got.date, got.source, got.paragraphs) == (
            article.title, article.date, article.source, article.paragraphs)


def test_userpath_smoke_run(tmp_path, capsys):
    assert userpath.main(["--smoke", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| 400 |" in out and "`ask --json` batch" in out
    result = json.loads((tmp_path / "userpath-400.json").read_text())
    # every passage indexed, through the CLI, from JSONL and from the pages
    assert result["ingest_jsonl"]["indexed"] == result["ingest_txt"]["indexed"] == 400
    assert result["ingest_jsonl"]["peak_rss_mb"] > 20  # the process tree was sampled
    assert result["ask_batch"]["questions"] == 20  # one JSON line per question
    assert 0 < result["ask_batch"]["per_question_ms"][0] <= result["ask_batch"][
        "per_question_ms"][1]
    assert result["restart_s"] > 0 and result["answer"]["answer_ms"][0] > 0
    assert result["rank_bm25"]["questions"] == 20
    # bm25s is in the `bench` extra only: without it its columns say so instead of failing
    assert ("bm25s" in result) == (importlib.util.find_spec("bm25s") is not None)
