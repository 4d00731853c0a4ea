"""A restart answers from what the database keeps, loading only what answering needs: no page
or feed parsing, no fetching, no ingest workers, no Telegram (issue 13: restart to first
answer)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from test_cli import GIFT, marsad

# what `marsad ask` must not load: parsing, fetching, ingest workers, the Telegram bot
NOT_FOR_ANSWERING = ("trafilatura", "lxml", "feedparser", "httpx", "multiprocessing",
                     "concurrent.futures.process", "retrieval.articles", "retrieval.ingest",
                     "retrieval.web", "retrieval.html_pages", "retrieval.feeds",
                     "retrieval.fetching", "telegram")


def loaded_by(*args: str, cwd, db) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `marsad ARGS` as a user does, and the modules it imported (-X importtime)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env |= {"PYTHONIOENCODING": "utf-8", "MARSAD_STORAGE_DB": str(db)}
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "bot", *args], cwd=cwd,
                            env=env, capture_output=True, text=True, encoding="utf-8",
                            timeout=60)
    modules = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
               if line.startswith("import time:")}
    return result, modules


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules
            if any(m == name or m.startswith(name + ".") for name in NOT_FOR_ANSWERING)}


def test_an_answer_after_a_restart_loads_no_parsing_fetching_or_ingest(tmp_path):
    db = tmp_path / "marsad.db"
    assert marsad("sources", cwd=tmp_path, db=db).returncode == 0  # built from the seeds
    result, modules = loaded_by("ask", GIFT, "--json", cwd=tmp_path, db=db)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["answered"]
    assert "retrieval.engine" in modules and "numpy" in modules  # the list is real
    assert heavy(modules) == set()
    for args in (["sources", "--json"], ["timeline", "--json"], ["compare", "قفاز"]):
        result, modules = loaded_by(*args, cwd=tmp_path, db=db)
        assert result.returncode == 0 and heavy(modules) == set(), args


def test_an_ingest_of_jsonl_and_txt_files_loads_no_page_or_feed_parsing(tmp_path):
    """Page and feed parsing (trafilatura, lxml, feedparser) load for .html pages, feeds and
    URLs only: a JSONL or .txt ingest starts without them (~0.1-0.3 s of the user's wait)."""
    db = tmp_path / "marsad.db"
    jsonl, txt = tmp_path / "new.jsonl", tmp_path / "page.txt"
    jsonl.write_text(json.dumps({"id": "n1", "title": "زيارة", "source": "وكالة",
                                 "date": "2024-05-01", "text": "وصل كيم إلى موسكو.\n\n"
                                 "والتقى بوتين في الكرملين."}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    txt.write_text("قمة في الشرق\nتاريخ النشر: 2024-05-02\nالتقى الزعيمان في فوستوشني.\n"
                   "المصدر: صحيفة\n", encoding="utf-8")
    for path in (jsonl, txt):
        result, modules = loaded_by("ingest", str(path), cwd=tmp_path, db=db)
        assert result.returncode == 0 and "1 passage indexed" in result.stdout, result.stderr
        assert "retrieval.ingest" in modules  # the list is real
        assert not {"trafilatura", "lxml", "feedparser"} & {m.split(".")[0] for m in modules}
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>قمة</title></head><body><article><h1>قمة</h1><p>"
                    "التقى الزعيمان في قاعدة فوستوشني الفضائية في الشرق الأقصى الروسي."
                    "</p></article></body></html>", encoding="utf-8")
    result, modules = loaded_by("ingest", str(html), cwd=tmp_path, db=db)
    assert result.returncode == 0 and "trafilatura" in modules  # met: loaded


def test_passages_a_killed_ingest_did_not_compare_are_compared_on_the_next_open(tmp_path):
    """The one case an open loads ingest's machinery: links still to find."""
    db = tmp_path / "marsad.db"
    assert marsad("sources", cwd=tmp_path, db=db).returncode == 0
    before = json.loads(marsad("ask", GIFT, "--json", cwd=tmp_path, db=db).stdout)
    assert any(h["also_reported_by"] for h in before["hits"])
    with sqlite3.connect(db) as conn:  # as if killed after committing, before the links
        conn.execute("DELETE FROM corroborations")
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'corroborated_upto'")
    result, modules = loaded_by("ask", GIFT, "--json", cwd=tmp_path, db=db)
    assert "retrieval.ingest" in modules
    assert json.loads(result.stdout) == before
    result, modules = loaded_by("ask", GIFT, "--json", cwd=tmp_path, db=db)
    assert heavy(modules) == set() and json.loads(result.stdout) == before


async def test_the_vocabulary_reads_back_as_written_whatever_its_ids_or_terms(tmp_path):
    from retrieval.store import Store

    cases = {"plain": ["كيم", "جونغ", "بوتين", "", "x1"],
             "a term holding a newline": ["كيم", "a\nb", "بوتين"]}
    for i, (name, terms) in enumerate(cases.items()):
        store = await Store.open(tmp_path / f"{i}.db")
        try:
            await store.add_terms(0, terms)
            await store.commit()
            assert await store.vocabulary() == terms, name
        finally:
            await store.close()
    store = await Store.open(tmp_path / "gaps.db")  # ids with a gap (never written so)
    try:
        await store.add_terms(0, ["كيم", "جونغ"])
        await store.add_terms(3, ["بوتين"])
        await store.commit()
        assert await store.vocabulary() == ["كيم", "جونغ", "", "بوتين"]
    finally:
        await store.close()
    store = await Store.open(tmp_path / "empty.db")
    try:
        assert await store.vocabulary() == []
    finally:
        await store.close()
