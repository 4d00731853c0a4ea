"""Pipes, sockets and devices among the files given to `marsad ingest`.

A named pipe called `late.txt` in a folder hung the whole ingest (reading it waits for a
writer forever); `/dev/zero` linked as `page.txt` was read whole, past the 2 MB limit the
README promises, until a MemoryError traceback: that limit trusted stat's size, which a
device or pipe does not report.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
from pathlib import Path

import pytest
from test_cli import marsad

from retrieval.articles import ArticleError, iter_articles, read_text_file
from retrieval.feeds import read_feed_file

ARTICLE = ("افتتاح خط القطار الجديد\n\nأعلنت وزارة النقل افتتاح خط جديد للقطارات بين "
           "المدينتين الشهر المقبل بعد ثلاث سنوات من الأعمال.\n")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")


def _folder_with(tmp_path: Path, make_special) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "train.txt").write_text(ARTICLE, encoding="utf-8")
    make_special(folder)
    return folder


@needs_fifo
@pytest.mark.parametrize("name", ["late.txt", "feed.jsonl", "page.html", "wire.xml"])
def test_a_named_pipe_in_a_folder_is_left_out_and_named_the_rest_goes_in(tmp_path,
                                                                         name) -> None:
    folder = _folder_with(tmp_path, lambda f: os.mkfifo(f / name))
    try:
        done = marsad("ingest", str(folder), cwd=tmp_path, db=tmp_path / "m.db")
    except subprocess.TimeoutExpired:
        pytest.fail("ingest waited on the pipe")
    assert done.returncode == 1 and "added 1," in done.stdout
    assert f"{name}: not a regular file" in done.stderr and "Traceback" not in done.stderr


@needs_zero
@pytest.mark.parametrize("name", ["zero.txt", "zero.htm", "zero.rss"])
def test_a_link_to_a_device_in_a_folder_is_left_out(tmp_path, name) -> None:
    folder = _folder_with(tmp_path, lambda f: (f / name).symlink_to("/dev/zero"))
    found = list(iter_articles([folder]))
    errors = [str(e) for e in found if isinstance(e, ArticleError)]
    assert [a.title for a in found if not isinstance(a, ArticleError)] == [
        "افتتاح خط القطار الجديد"]
    assert len(errors) == 1 and f"{name}: not a regular file" in errors[0]


def test_a_unix_socket_in_a_folder_is_left_out(tmp_path) -> None:
    folder = _folder_with(tmp_path, lambda f: None)
    path = folder / "s.txt"
    if len(str(path)) > 100:
        pytest.skip("socket path too long here")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        errors = [str(e) for e in iter_articles([folder]) if isinstance(e, ArticleError)]
    assert len(errors) == 1 and "s.txt: not a regular file" in errors[0]


@needs_zero
@pytest.mark.parametrize("name", ["zero.txt", "zero.html"])
def test_a_device_named_on_the_command_line_is_read_no_further_than_the_limit(
        tmp_path, name) -> None:
    (tmp_path / name).symlink_to("/dev/zero")
    done = marsad("ingest", name, cwd=tmp_path, db=tmp_path / "m.db")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{name}: too large for one article (over " in done.stderr


@needs_zero
def test_reading_helpers_stop_at_their_limit(tmp_path) -> None:
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(ArticleError, match="too large for one article"):
        read_text_file(zero, limit=1000)
    feed = tmp_path / "zero.xml"
    feed.symlink_to("/dev/zero")
    with pytest.raises(ArticleError, match="too large for a feed"):
        read_feed_file(feed)


@needs_fifo
def test_a_pipe_named_on_the_command_line_is_still_read(tmp_path) -> None:
    pipe = tmp_path / "live.txt"
    os.mkfifo(pipe)

    def write() -> None:
        pipe.write_text(ARTICLE, encoding="utf-8")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        [article] = list(iter_articles([pipe]))
    finally:
        writer.join(timeout=10)
    assert not isinstance(article, ArticleError) and article.title == "افتتاح خط القطار الجديد"


def test_a_big_regular_file_still_says_its_size(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (3 * 1024 * 1024))
    with pytest.raises(ArticleError, match=r"\(3\.0 MB; the limit is 2 MB"):
        read_text_file(big)
