"""Ingest as a newcomer meets it: a folder that holds no article file says why nothing went
in, and a broken JSON line says where it breaks."""

from __future__ import annotations

import json

from test_cli import marsad

from retrieval.articles import iter_articles
from retrieval.model import Article

STORY = ("أعلنت بلدية المدينة الساحلية إغلاق السوق القديم أسبوعين لترميم سقفه، وقال رئيس "
         "البلدية إن التجار سينقلون إلى ساحة مؤقتة قرب الميناء.")


def _errors(paths) -> list[str]:
    return [str(item) for item in iter_articles(paths) if not isinstance(item, Article)]


def test_a_folder_of_other_documents_names_what_it_holds(tmp_path):
    """Word files and Markdown notes are no articles: `added 0` alone left the reader
    guessing; the folder is named with what it holds and what ingest reads."""
    folder = tmp_path / "drafts"
    (folder / "week").mkdir(parents=True)
    (folder / "market.md").write_text(f"# السوق\n\n{STORY}\n", encoding="utf-8")
    (folder / "week" / "market.docx").write_bytes(b"PK\x03\x04")
    result = marsad("ingest", str(folder), cwd=tmp_path, db=tmp_path / "news.db")
    assert result.returncode == 1  # something given was skipped
    assert "drafts: no article files in it" in result.stderr
    assert ".md" in result.stderr and ".docx" in result.stderr and ".txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_of_json_archives_says_to_name_them(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "march.json").write_text(json.dumps([{"id": "m1", "text": STORY}]),
                                       encoding="utf-8")
    [error] = _errors([folder])
    assert "only .json" in error and "*.json" in error
    assert [a.id for a in iter_articles([folder / "march.json"])] == ["m1"]  # named: read


def test_an_empty_folder_is_no_failure(tmp_path):
    (tmp_path / "incoming").mkdir()
    result = marsad("ingest", str(tmp_path / "incoming"), cwd=tmp_path, db=tmp_path / "n.db")
    assert result.returncode == 0 and "added 0" in result.stdout


def test_other_files_beside_articles_are_left_out_quietly(tmp_path):
    """A saved page's images and scripts sit beside it: no message for those."""
    folder = tmp_path / "saved"
    (folder / "page_files").mkdir(parents=True)
    (folder / "market.txt").write_text(f"السوق القديم يغلق للترميم\n\n{STORY}\n",
                                       encoding="utf-8")
    (folder / "page_files" / "logo.png").write_bytes(b"\x89PNG")
    assert _errors([folder]) == []


def test_hidden_files_alone_are_an_empty_folder(tmp_path):
    folder = tmp_path / "stick"
    (folder / ".Trashes").mkdir(parents=True)
    (folder / ".DS_Store").write_bytes(b"\x00")
    (folder / ".Trashes" / "old.md").write_text("x", encoding="utf-8")
    assert _errors([folder]) == []


def test_a_broken_jsonl_line_says_at_which_column(tmp_path):
    path = tmp_path / "wire.jsonl"
    good = json.dumps({"id": "w1", "title": "السوق", "text": STORY}, ensure_ascii=False)
    path.write_text(f'{good}\n{{"id": "w2", "text": "بلا نهاية\n', encoding="utf-8")
    [error] = _errors([path])
    assert error.startswith(f"{path}:2: not valid JSON (Unterminated string")
    assert error.endswith("starting at column 22)")  # its opening quote, not "at)"


def test_a_broken_json_archive_says_at_which_line(tmp_path):
    path = tmp_path / "archive.json"
    path.write_text('[{"id": "a1", "text": "نص"},\n {"id": "a2" "text": "نص"}]', encoding="utf-8")
    [error] = _errors([path])
    assert "not valid JSON (Expecting ',' delimiter at line 2, column" in error


def test_an_address_copied_without_its_scheme_is_told_how_to_give_it(tmp_path):
    """«www.site.com/news/1» is no file here: said so, with the address ingest fetches."""
    errors = _errors(["www.example-news.com/local/market", "example-news.com/2025/03/market"])
    assert errors == [
        "www.example-news.com/local/market: no such file or folder; a web page is fetched "
        "by its whole address: https://www.example-news.com/local/market",
        "example-news.com/2025/03/market: no such file or folder; a web page is fetched "
        "by its whole address: https://example-news.com/2025/03/market"]


def test_a_missing_file_gets_no_web_hint(tmp_path):
    errors = _errors([str(tmp_path / "market.txt"), "drafts/market.txt", "market.jsonl"])
    assert all(e.endswith(": no such file or folder") for e in errors)
