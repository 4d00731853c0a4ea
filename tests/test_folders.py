"""Ingesting folders as they are found on a newsroom's disk or a USB stick.

Break pass: a folder holding a link to its parent (`sub/loop -> ..`) was walked again and
again until the path grew too long: 4 articles came out as "added 4, … unchanged 160";
a link to a big tree would walk all of it. Hidden entries (`.git`, macOS's `._page.html`
resource copies next to every file) were read as articles too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_cli import marsad

from bot.progress import count_articles

PAGE = ("<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في قاعدة "
        "فوستوتشني الفضائية وبحثا {topic} بين البلدين في جلسة مطولة.</p></body></html>")


def articles_folder(root: Path) -> Path:
    folder = root / "coverage"
    (folder / "sept" / "13").mkdir(parents=True)
    for name, topic in (("sept/a.html", "التعاون العسكري"), ("sept/13/b.html", "الأقمار الصناعية"),
                        ("c.html", "التجارة عبر الحدود")):
        (folder / name).write_text(PAGE.format(title=f"قمة فوستوتشني: {topic}", topic=topic),
                                   encoding="utf-8")
    (folder / "sept" / "13" / "wire.jsonl").write_text(json.dumps(
        {"id": "wire-1", "title": "برقية عن القمة", "source": "وكالة", "date": "2023-09-13",
         "text": "قال الكرملين إن المحادثات بين الزعيمين استمرت أكثر من أربع ساعات."},
        ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("link", ["..", ".", "../..", "sept"])
def test_a_link_back_up_the_tree_is_walked_once(tmp_path, link):
    folder = articles_folder(tmp_path)
    os.symlink(link, folder / "sept" / "13" / "loop")
    result = marsad("ingest", str(folder), cwd=tmp_path, db=tmp_path / "news.db")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added 4, replaced 0, unchanged 0, duplicates 0, failed 0")
    assert count_articles([folder]) == 4  # the progress bar's total: the same walk


def test_hidden_files_and_folders_are_not_articles_unless_named(tmp_path):
    folder = articles_folder(tmp_path)
    (folder / "._c.html").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.txt").write_text("ملاحظات داخلية للتحرير لا تنشر", encoding="utf-8")
    db = tmp_path / "news.db"
    result = marsad("ingest", str(folder), cwd=tmp_path, db=db)
    assert result.returncode == 0 and "failed 0" in result.stdout, result.stderr
    assert "added 4," in result.stdout
    hidden = folder / ".hidden-draft.html"
    hidden.write_text(PAGE.format(title="مسودة", topic="الطاقة"), encoding="utf-8")
    assert "added 1," in marsad("ingest", str(hidden), cwd=tmp_path, db=db).stdout  # named


def test_a_subfolder_that_cannot_be_read_is_reported_and_the_rest_goes_in(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    folder = articles_folder(tmp_path)
    locked = folder / "sept" / "13"
    locked.chmod(0)
    try:
        result = marsad("ingest", str(folder), cwd=tmp_path, db=tmp_path / "news.db")
    finally:
        locked.chmod(0o755)
    assert "added 2," in result.stdout and "cannot read" in result.stderr
