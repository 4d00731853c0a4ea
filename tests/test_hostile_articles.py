"""Hostile articles: a truncated file, Windows-1256, UTF-16 (with and without a BOM), empty files,
JSONL lines that are not JSON or lack text, a 50 MB article. Each is reported by name (and line),
skipped or handled, and the rest of the batch goes in: through the API and through `marsad ingest`.

The 50 MB article: one article is at most `MAX_ARTICLE_BYTES` (2 MB). A bigger .txt is refused
from its size alone (never read); a bigger JSONL line is skipped while the file is streamed, so
memory stays bounded by one article whatever the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.articles import MAX_ARTICLE_BYTES, ArticleError, iter_articles
from retrieval.engine import Marsad

GOOD = """ناسا تطلق مسباراً جديداً نحو المشتري
تاريخ النشر: 2024-03-05
أطلقت وكالة الفضاء الأمريكية ناسا مسباراً جديداً لدراسة أقمار كوكب المشتري الجليدية.

وقال مدير البعثة إن المسبار سيصل بعد ست سنوات من الرحلة عبر النظام الشمسي.
المصدر: وكالة الأنباء
"""
CP1256 = """مهرجان التمور يفتتح في الأحساء
افتتح أمير المنطقة مهرجان التمور السنوي بمشاركة مئات المزارعين من مختلف المحافظات.

وشهد اليوم الأول بيع أكثر من ألف طن من التمور الفاخرة.
"""
UTF16 = """سباق الهجن يعود إلى العلا
عاد سباق الهجن التراثي إلى محافظة العلا بعد غياب ثلاث سنوات بمشاركة واسعة.

وتنافس أكثر من مئتي مشارك على الجوائز الكبرى للسباق.
"""
TRUNCATED = """انقطاع الكهرباء في مدينة الموصل
شهدت مدينة الموصل انقطاعاً واسعاً للتيار الكهربائي استمر ساعات طويلة بسبب عطل فني.

وقالت وزارة الكهرباء إن فرق الصيانة تعمل على إصلاح المحطة الرئيسية"""


def jsonl_record(i: int, **extra) -> str:
    record = {"id": f"j-{i}", "title": f"خبر رقم {i} عن معرض الكتاب",
              "source": "صحيفة الاختبار", "date": "2024-01-02",
              "text": f"افتتح معرض الكتاب الدولي دورته رقم {i} بمشاركة دور نشر عربية.\n\n"
                      f"وقال المنظمون إن المعرض يستقبل الزوار لمدة عشرة أيام متتالية."}
    record.update(extra)
    return json.dumps(record, ensure_ascii=False)


def make_batch(folder: Path, huge: bool = True) -> dict[str, str]:
    """A folder of hostile (and a few good) files; returns {name: what must happen}."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "cp1256.txt").write_bytes(CP1256.encode("cp1256"))
    (folder / "utf16_bom.txt").write_bytes(UTF16.encode("utf-16"))
    (folder / "utf16_nobom.txt").write_bytes(UTF16.replace("العلا", "تبوك").encode("utf-16-le"))
    data = TRUNCATED.encode("utf-8")
    (folder / "truncated.txt").write_bytes(data[: len(data) - 1])  # cut inside a letter
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    lines = [
        jsonl_record(1),
        "{this is not json",
        json.dumps({"id": "no-text", "title": "بلا نص"}),
        json.dumps({"id": "empty-text", "text": "   "}),
        "[1, 2, 3]",
        jsonl_record(2, id="SURROGATE-surr").replace("SURROGATE", "\\ud800"),  # escaped
        "[" * 50_000,
        jsonl_record(3),
        jsonl_record(4)[:60],  # truncated last line
    ]
    (folder / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "empty.jsonl").write_bytes(b"")
    if huge:
        body = ("فقرة طويلة جداً عن لا شيء محدد. " * 40 + "\n\n").encode()
        with (folder / "huge.txt").open("wb") as f:
            f.write("مقال ضخم\n".encode())
            for _ in range(50 * 1024 * 1024 // len(body) + 1):
                f.write(body)
        with (folder / "huge_line.jsonl").open("w", encoding="utf-8") as f:
            f.write(jsonl_record(10) + "\n")
            f.write('{"id": "huge", "text": "' + "كلمة " * (11 * 1024 * 1024) + '"}\n')
            f.write(jsonl_record(11) + "\n")
    return {
        "good.txt": "in", "cp1256.txt": "in", "utf16_bom.txt": "in", "utf16_nobom.txt": "in",
        "truncated.txt": "in", "empty.txt": "empty file", "blank.txt": "empty file",
        "binary.txt": "not a text file", "mixed.jsonl:2": "not valid JSON",
        "mixed.jsonl:3": "missing or empty 'text'", "mixed.jsonl:4": "missing or empty 'text'",
        "mixed.jsonl:5": "expected a JSON object", "mixed.jsonl:7": "not valid JSON",
        "mixed.jsonl:9": "not valid JSON", "empty.jsonl": "empty file",
        **({"huge.txt": "too large", "huge_line.jsonl:2": "too large"} if huge else {}),
    }


EXPECTED_IDS = {"good", "cp1256", "utf16_bom", "utf16_nobom", "truncated", "j-1", "j-3",
                "\ufffd-surr"}


def check_errors(errors: list[str], expected: dict[str, str], folder: Path) -> None:
    wanted = {name: why for name, why in expected.items() if why != "in"}
    assert len(errors) == len(wanted), errors
    for name, why in wanted.items():
        where = str(folder / name)
        found = [e for e in errors if e.startswith(where + ":") and why in e]
        assert len(found) == 1, (name, why, errors)


async def test_hostile_files_are_reported_and_the_rest_goes_in(tmp_path) -> None:
    folder = tmp_path / "in"
    expected = make_batch(folder)
    async with await Marsad.open(tmp_path / "marsad.db") as engine:
        report = await engine.ingest(iter_articles([folder]))
        check_errors(report.errors, expected, folder)
        ids = {s.id for s in await engine.sources()}
        assert ids == EXPECTED_IDS | {"j-10", "j-11"}
        # decoded right, not mojibake: the text is answerable in Arabic
        for question, article_id in [("مهرجان التمور في الأحساء", "cp1256"),
                                     ("سباق الهجن في العلا", "utf16_bom"),
                                     ("سباق الهجن في تبوك", "utf16_nobom"),
                                     ("انقطاع الكهرباء في الموصل", "truncated"),
                                     ("مسبار ناسا إلى المشتري", "good")]:
            answer = await engine.answer(question)
            assert answer.answered and answer.hits[0].article_id == article_id, question
        truncated = await engine.article("truncated")
        assert truncated.paragraphs[-1].endswith("الرئيسي")  # only the cut letter is lost
        assert "\ufffd" not in truncated.text
        again = await engine.ingest(iter_articles([folder]))
        assert (again.added, again.replaced, again.unchanged) == (0, 0, len(ids))


def test_a_50_mb_article_is_refused_without_being_read(tmp_path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB of size, never written
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the huge file"))
    (item,) = list(iter_articles([path]))
    assert isinstance(item, ArticleError)
    assert str(item).startswith(f"{path}: too large for one article (50.0 MB")


def test_jsonl_is_streamed_a_huge_line_is_skipped_unread(tmp_path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(jsonl_record(1) + "\n")
        f.write('{"id": "x", "text": "' + "a" * (MAX_ARTICLE_BYTES * 3) + '"}\r\n')
        f.write(jsonl_record(2) + "\r\n")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError", "Article"]
    assert str(items[1]).startswith(f"{path}:2: too large for one article")


CLI_PEAK = """
import resource, sys
from bot.cli import main
code = main(sys.argv[1:])
print("peak_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def run_ingest(tmp_path: Path, folder: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, "-c", CLI_PEAK, "ingest", str(folder), "--db",
         str(tmp_path / f"{folder.name}.db")], cwd=tmp_path, env=env, capture_output=True,
        text=True,
        encoding="utf-8", timeout=120)
    peak = int(result.stderr.rsplit("peak_kb", 1)[1].split()[0])
    return result, peak


def test_marsad_ingest_names_each_bad_file_and_keeps_the_rest(tmp_path) -> None:
    small, big = tmp_path / "small", tmp_path / "big"
    expected = make_batch(big)
    make_batch(small, huge=False)
    _, baseline_peak = run_ingest(tmp_path, small)
    result, peak = run_ingest(tmp_path, big)
    assert result.returncode == 1  # some files failed
    assert "Traceback" not in result.stderr
    skipped = [line.removeprefix("marsad: skipped ") for line in result.stderr.splitlines()
               if line.startswith("marsad: skipped ")]
    check_errors(skipped, expected, big)
    assert f"added {len(EXPECTED_IDS) + 2}," in result.stdout
    # the 50 MB article and the 50 MB line cost (almost) no memory: bounded by one article
    assert peak - baseline_peak < 3 * MAX_ARTICLE_BYTES // 1024, (peak, baseline_peak)
