"""`marsad` as a user runs it: a subprocess, no config file, the database in a temp folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

GIFT = "ماذا أهدى بوتين لكيم؟"
ARABIC_MONTHS = ("يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|"
                 "ديسمبر")
CITATION = re.compile(rf"— .+، (\d{{1,2}} ({ARABIC_MONTHS}) \d{{4}}|تاريخ غير معروف)")

SEEDS = {  # design.md's table: what a careful reader concludes from each seed file
    "000_3709f080d7caa3b5": ("سكاي نيوز عربية", "2023-09-14"),
    "001_6abf5aa8ef46f725": ("العربي - أ ف ب", "2024-07-27"),
    "002_8bd87385d959e3d9": ("صحيفة الاتحاد", "2023-09-14"),
    "003_81250df353619dc4": ("صحوة نيوز", None),
    "004_2dc0d43aa74d0617": (None, None),
}


def marsad(*args: str, cwd: Path, db: Path | None = None, stdin: str = "",
           ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = "utf-8"
    # never the user's own database: a test without `db` names one with --db, or gets this
    env["MARSAD_STORAGE_DB"] = str(db if db is not None else cwd / "default-unused.db")
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def ask_json(corpus: tuple[Path, Path], *questions: str, k: int = 3) -> list[dict]:
    """`marsad ask --json -k K` over `corpus` = (folder, database): one answer a question."""
    folder, db = corpus
    result = marsad("ask", "--json", "-k", str(k), cwd=folder, db=db,
                    stdin="".join(q + "\n" for q in questions))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def eval_json(corpus: tuple[Path, Path], questions: Path) -> dict:
    """`marsad eval QUESTIONS --json` over `corpus` = (folder, database): its report."""
    folder, db = corpus
    result = marsad("eval", str(questions), "--json", cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ingested(folder: Path, articles: Path, count: int) -> tuple[Path, Path]:
    """(folder, database) after `marsad ingest ARTICLES` added `count` articles."""
    db = folder / "news.db"
    result = marsad("ingest", str(articles), cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    assert f"added {count}" in result.stdout
    return folder, db


def jsonl_ingested(folder: Path, articles: list[dict]) -> tuple[Path, Path]:
    """(folder, database) after `marsad ingest` of `articles` written to folder/articles.jsonl."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8")
    return ingested(folder, path, len(articles))


def stdout_of(corpus: tuple[Path, Path], *args: str, stdin: str = "") -> str:
    """What `marsad ARGS` prints over `corpus` = (folder, database); it must exit 0."""
    folder, db = corpus
    result = marsad(*args, cwd=folder, db=db, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    """A database built from the seeds by the first run (shared by read-only tests)."""
    folder = tmp_path_factory.mktemp("seeded")
    db = folder / "marsad.db"
    result = marsad("sources", cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    return db


def test_ask_prints_the_gift_passage_with_its_citation(seeded_db, tmp_path):
    result = marsad("ask", GIFT, cwd=tmp_path, db=seeded_db)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "بندقية" in out or "قفاز" in out
    citations = [line.strip() for line in out.splitlines() if line.strip().startswith("—")]
    assert citations, out
    assert all(CITATION.fullmatch(c) for c in citations), citations
    assert "14 سبتمبر 2023" in out
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out), "dates are shown in Arabic, not ISO"


def test_ask_json_follows_the_contract(seeded_db, tmp_path):
    result = marsad("ask", "--json", "-k", "2", GIFT, cwd=tmp_path, db=seeded_db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["question"] == GIFT and data["answered"] is True
    assert 1 <= len(data["hits"]) <= 2
    for rank, hit in enumerate(data["hits"], 1):
        assert {"rank", "score", "text", "article_id", "title", "source", "date", "url",
                "also_reported_by"} <= hit.keys()
        assert hit["rank"] == rank and isinstance(hit["score"], float)
        assert hit["article_id"] in SEEDS
        assert (hit["source"], hit["date"]) == SEEDS[hit["article_id"]]
    assert "بندقية" in data["hits"][0]["text"] or "قفاز" in data["hits"][0]["text"]


def test_ask_reads_one_question_per_line_and_writes_json_lines_in_order(seeded_db, tmp_path):
    questions = [GIFT, "من هو مدرب ريال مدريد؟", "😀", "من هو المتحدث باسم الكرملين؟"]
    result = marsad("ask", cwd=tmp_path, db=seeded_db, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions
    assert [a["answered"] for a in answers] == [True, False, False, True]


def test_sources_json_gives_the_seed_metadata(seeded_db, tmp_path):
    result = marsad("sources", "--json", cwd=tmp_path, db=seeded_db)
    assert result.returncode == 0, result.stderr
    sources = json.loads(result.stdout)
    assert {s["id"]: (s["source"], s["date"]) for s in sources} == SEEDS
    for s in sources:
        assert s["title"] and s["passages"] > 0


def write_articles(folder: Path) -> None:
    folder.mkdir()
    (folder / "harbour_2024.txt").write_text(
        "افتتاح ميناء جديد للصيادين\n"
        "افتتح المحافظ ميناء الصيادين الجديد بعد ثلاث سنوات من الأشغال.\n\n"
        "وقال إن الميناء سيستقبل مئتي قارب.\n"
        "المصدر: صحيفة التجربة\n", encoding="utf-8")
    good = {"id": "zoo-1", "title": "وصول الزرافات إلى حديقة الحيوان",
            "source": "وكالة الاختبار", "date": "2024-05-02", "url": "https://example.org/z",
            "text": "استقبلت الحديقة ثلاث زرافات من كينيا.\n\nوستفتح للزوار بعد أسبوعين."}
    (folder / "feed.jsonl").write_text(
        json.dumps(good, ensure_ascii=False) + "\n{\"id\": \"broken\", \"text\": \n",
        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")


def test_ingest_takes_the_good_files_and_names_the_bad_ones(tmp_path):
    db = tmp_path / "news.db"
    write_articles(tmp_path / "incoming")
    result = marsad("ingest", "incoming", cwd=tmp_path, db=db)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "empty.txt" in result.stderr
    assert "feed.jsonl:2" in result.stderr
    assert "harbour_2024.txt" not in result.stderr and "feed.jsonl:1" not in result.stderr

    listed = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    by_id = {s["id"]: s for s in listed}
    assert set(by_id) == {"harbour_2024", "zoo-1"}  # ingest does not add the seeds
    assert by_id["zoo-1"]["date"] == "2024-05-02"
    assert by_id["harbour_2024"]["source"] == "صحيفة التجربة"

    answer = json.loads(marsad("ask", "--json", "كم زرافة استقبلت الحديقة؟",
                               cwd=tmp_path, db=db).stdout)
    assert answer["answered"] and answer["hits"][0]["article_id"] == "zoo-1"
    assert answer["hits"][0]["url"] == "https://example.org/z"

    again = marsad("ingest", "incoming", cwd=tmp_path, db=db)  # the same folder again
    assert "added 0" in again.stdout and "unchanged 2" in again.stdout
    assert "failed 2" in again.stdout


def test_ingest_exits_zero_when_every_file_goes_in(in_process, tmp_path, capsys):
    write_articles(tmp_path / "incoming")
    (tmp_path / "incoming" / "empty.txt").unlink()  # the user fixes the bad files
    feed = tmp_path / "incoming" / "feed.jsonl"
    feed.write_text(feed.read_text(encoding="utf-8").splitlines()[0], encoding="utf-8")
    assert in_process(["ingest", "incoming"]) == 0
    out = capsys.readouterr().out
    assert "added 2" in out and "failed 0" in out


def test_the_ingest_report_counts_one_passage_in_the_singular(in_process, tmp_path, capsys):
    (tmp_path / "one.jsonl").write_text(json.dumps(
        {"id": "b1", "title": "جسر جديد", "text": "افتتحت البلدية الجسر الجديد فوق النهر."},
        ensure_ascii=False) + "\n", encoding="utf-8")
    assert in_process(["ingest", "one.jsonl"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("; 1 passage indexed")
    assert in_process(["ingest", "one.jsonl"]) == 0  # nothing new: «0 passages»
    assert capsys.readouterr().out.rstrip().endswith("; 0 passages indexed")


def test_eval_on_the_seeds_dev_set(seeded_db, tmp_path, data_dir):
    result = marsad("eval", str(data_dir / "seeds-dev.jsonl"), cwd=tmp_path,
                    db=seeded_db)
    assert result.returncode == 0, result.stderr
    assert re.search(r"all answerable\s+15\s+[01]\.\d{3}\s+[01]\.\d{3}", result.stdout)
    assert "false declines" in result.stdout and "correct declines" in result.stdout


def squad_file(path: Path) -> Path:
    """A tiny SQuAD-format file: three articles, four questions each with one answer."""
    def paragraph(context, *questions):
        return {"context": context,
                "qas": [{"id": q, "question": q, "answers": []} for q in questions]}

    squad = {"version": "1.1", "data": [
        {"title": "القاهرة", "paragraphs": [
            paragraph("القاهرة عاصمة مصر وأكبر مدنها ويمر بها نهر النيل.",
                      "ما عاصمة مصر؟", "أي نهر يمر بالقاهرة؟")]},
        {"title": "الرباط", "paragraphs": [
            paragraph("الرباط عاصمة المغرب وتقع على ساحل المحيط الأطلسي.",
                      "على أي محيط تقع الرباط؟")]},
        {"title": "الخوارزمي", "paragraphs": [
            paragraph("الخوارزمي عالم رياضيات وضع أسس علم الجبر في بغداد.",
                      "من وضع أسس علم الجبر؟")]},
    ]}
    path.write_text(json.dumps(squad, ensure_ascii=False), encoding="utf-8")
    return path


def test_eval_on_a_squad_file(tmp_path):
    path = squad_file(tmp_path / "tiny-squad.json")
    result = marsad("eval", str(path), cwd=tmp_path, db=tmp_path / "unused.db")
    assert result.returncode == 0, result.stderr
    assert re.search(r"P@1\s+1\.000", result.stdout), result.stdout
    assert "R@5" in result.stdout and "MRR@10" in result.stdout
    assert re.search(r"declined\s+0\.000", result.stdout), result.stdout
    assert re.search(r"questions\s+4", result.stdout), result.stdout
    assert not (tmp_path / "unused.db").exists(), "eval must not fill the news database"


def test_eval_scores_the_seed_sets_as_users_see_them(seeded_db, tmp_path, data_dir):
    """The answerable and the near-miss sets in one run, per kind; floors that hold today
    (measured in the sixth round, where the words meet, other countries, titles unnamed,
    word order, fitted on answerable questions whose best passage answers: answer@1 0.835,
    answer@3 0.895, 15 of 248 falsely declined, near misses 88 of 104, off-topic 34 of 34;
    main then 0.831, 12 of 248, 83 of 104. In the fifth round,
    roles and a 5% cap on answerable questions declined:
    answer@1 0.829, 7 of 187 falsely declined; near misses 74 of 104, off-topic 34 of 34;
    with everything of the fourth round merged, unknown words searched as their
    synonym class and the decision refitted: answer@1 0.818, 8 of 187 falsely declined,
    dialect 0.81, paraphrase 0.53; near misses 76 of 104, off-topic 33 of 34. Before, with
    the decision's property signals alone: answer@1 0.786, 12 of
    187 falsely declined; near misses and off-topic declined 0.826, near misses alone 80 of
    104. Before them, with the decision's light words, focus, synonyms, what-was-said and
    yes/no signals, at its trade-off of 2% of ARCD declined, refitted on the fitted rerank
    weights: answer@1 0.781, answer@3 0.845, 12 of 187 falsely declined, dialect 0.667,
    latin 0.714; near misses and off-topic declined 0.790, near misses alone 75 of 104. Before those
    signals, at the 15% trade-off: 0.723 / 0.791, 25 of 177 falsely declined; near misses
    56 of 77. First round: 0.729 / 0.836, 14 falsely declined; 0.676, near misses 42 of 77. The
    coverage-share rule before it: 0.542 / 0.599, 67 falsely declined, 0.793 declined;
    decide.py states the trade-off)."""
    files = [data_dir / "seeds-questions.jsonl", data_dir / "seeds-near-misses.jsonl"]
    result = marsad("eval", "--json", *map(str, files), cwd=tmp_path, db=seeded_db)
    assert result.returncode == 0, result.stderr
    answerable, near = map(json.loads, result.stdout.splitlines())
    assert [answerable["file"], near["file"]] == [str(f) for f in files]
    assert answerable["answerable"]["questions"] >= 150 and "abstain" not in answerable
    assert answerable["answerable"]["answer@1"] >= 0.83  # measured 0.835
    assert answerable["answerable"]["answer@3"] >= 0.89  # 0.895
    assert answerable["answerable"]["false_declines"] <= 17  # 16 of 248 merged (main: 12)
    kinds = answerable["kinds"]
    assert kinds["plain"]["answer@1"] >= 0.9 and kinds["typo"]["answer@1"] >= 0.9  # 0.913
    assert kinds["latin"]["answer@1"] >= 0.75 and kinds["keyboard"]["answer@1"] >= 0.95  # 0.758, 1
    assert kinds["dialect"]["answer@1"] >= 0.74 and kinds["paraphrase"]["answer@1"] >= 0.5  # 0.783
    assert kinds["foreign"]["answer@1"] >= 0.9  # told, in their language, to ask in Arabic
    assert near["abstain"]["declined"] >= 0.77 and "answerable" not in near
    # 86 of 104 with decide7 (refit pooling newsroom8 with the seed questions; main: 87);
    # 84 with decide8 (the blind sets fitted); 83 with lex13's lexicon (the presidency
    # reaches «منصب»: «من سيخلف بوتين في رئاسة روسيا؟» answered)
    assert near["kinds"]["near-miss"]["declined"] >= 0.79
    assert near["kinds"]["off-topic"]["declined"] >= 0.9
    assert set(near["kinds"]) == {"near-miss", "off-topic"}
    for report in (answerable, near):  # every question that is not right is a failure
        right = sum(round(f.get("answer@1", f.get("declined", 0)) * f["questions"])
                    for f in report["kinds"].values())
        assert len(report["failures"]) == report["questions"] - right
    assert all(f["outcome"] == "answered" and f["expected"] == "declined"
               for f in near["failures"])


def test_eval_json_lists_every_failure_with_what_came_back(seeded_db, tmp_path):
    gift = ("أهدى كل من الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون "
            "الآخر بندقية")
    lines = [
        {"q": gift, "keys": ["بندقية"], "kind": "plain"},
        {"q": gift, "keys": ["عبارة لا ترد في أي مقال"], "kind": "plain"},
        {"q": gift, "abstain": True, "kind": "near-miss"},
        {"q": "Where did Putin and Kim meet?", "keys": ["فوستوشني"], "language": "en",
         "kind": "foreign"},
    ]
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                    encoding="utf-8")
    result = marsad("eval", "--json", str(path), cwd=tmp_path, db=seeded_db)
    assert result.returncode == 0, result.stderr
    [report] = map(json.loads, result.stdout.splitlines())
    failures = {f["expected"] if isinstance(f["expected"], str) else f["expected"]["keys"][0]:
                f for f in report["failures"]}
    assert set(failures) == {"عبارة لا ترد في أي مقال", "declined"}, report["failures"]
    missed, answered = failures["عبارة لا ترد في أي مقال"], failures["declined"]
    assert missed["question"] == gift and missed["kind"] == "plain"
    assert missed["outcome"] == "wrong" and missed["answered"] is True
    assert "بندقية" in missed["top_hit"]
    assert answered["outcome"] == "answered" and answered["kind"] == "near-miss"
    assert report["kinds"]["foreign"]["answer@1"] == pytest.approx(1.0)
    text = marsad("eval", str(path), cwd=tmp_path, db=seeded_db).stdout
    assert re.search(rf"wrong +\[plain\] {gift[:30]}", text), text  # failures listed as text too


def test_eval_squad_and_question_files_in_one_run(seeded_db, tmp_path, data_dir):
    squad = squad_file(tmp_path / "tiny-squad.json")
    questions = data_dir / "seeds-dev.jsonl"
    result = marsad("eval", "--json", str(squad), str(questions), cwd=tmp_path, db=seeded_db)
    assert result.returncode == 0, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["file"], r["format"]) for r in reports] == [
        (str(squad), "squad"), (str(questions), "questions")]
    assert reports[0]["paragraphs"] == 3 and reports[0]["P@1"] == pytest.approx(1.0)
    assert reports[1]["questions"] == 18


def test_eval_names_a_missing_file_before_scoring_any(seeded_db, tmp_path, data_dir):
    result = marsad("eval", str(data_dir / "seeds-dev.jsonl"), "no-such-set.jsonl",
                    cwd=tmp_path, db=seeded_db)
    assert result.returncode == 2
    assert "no-such-set.jsonl: the file does not exist" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


# -- user mistakes: a message on stderr, a non-zero exit, never a traceback ---------------

def run_all(commands: dict[str, tuple[list[str], Path | None]], cwd: Path
            ) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run independent `marsad` commands side by side (each is a separate process anyway)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(marsad, *args, cwd=cwd, db=db)
                   for name, (args, db) in commands.items()}
        return {name: future.result() for name, future in futures.items()}


def test_user_mistakes_are_reported_without_a_traceback(seeded_db, tmp_path):
    corrupt = b"this is not a database at all" * 10
    (tmp_path / "bad.db").write_bytes(corrupt)
    (tmp_path / "mine.toml").write_text("[retrieval]\ntopk = 5\n", encoding="utf-8")
    fresh = tmp_path / "m.db"
    cases = {  # name: (arguments, database from the environment), what stderr must name
        "ingest a missing file": ((["ingest", "no-such-folder/article.txt"], fresh),
                                  "article.txt"),
        "ask over a corrupt --db": ((["ask", GIFT, "--db", "bad.db"], None), "bad.db"),
        "ask -k 0": ((["ask", "-k", "0", GIFT], seeded_db), "-k"),
        "unknown config key": ((["ask", GIFT, "--config", "mine.toml"], fresh), "topk"),
    }
    results = run_all({name: command for name, (command, _) in cases.items()}, tmp_path)
    for name, (_, named) in cases.items():
        result = results[name]
        assert result.returncode != 0, name
        assert "Traceback" not in result.stderr + result.stdout, (name, result.stderr)
        assert named in result.stderr, (name, result.stderr)
    assert (tmp_path / "bad.db").read_bytes() == corrupt


@pytest.mark.parametrize(("args", "named"), [
    (["sources", "--db", "bad.db"], "bad.db"),
    (["ingest", ".", "--db", "bad.db"], "bad.db"),
    (["console", "--db", "damaged.db"], "damaged.db"),
    (["ask", GIFT, "--db", "damaged.db"], "damaged.db"),
    (["ask", "-k", "-2", GIFT], "-k"),
    (["ask", GIFT, "--config", "nowhere.toml"], "nowhere.toml"),
    (["ask", GIFT, "--config", "broken.toml"], "broken.toml"),
    (["ask", GIFT, "--config", "section.toml"], "[search]"),
    (["ask", GIFT, "--config", "value.toml"], "top_k"),
    (["eval", "missing.jsonl"], "missing.jsonl"),
    (["eval", "broken.json"], "broken.json"),
    (["eval", "nokeys.jsonl"], "nokeys.jsonl:1"),
])
def test_more_user_mistakes(in_process, tmp_path, capsys, args, named):
    (tmp_path / "bad.db").write_bytes(b"not a database" * 50)
    (tmp_path / "damaged.db").write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    (tmp_path / "broken.toml").write_text("[retrieval\nk1 = ", encoding="utf-8")
    (tmp_path / "section.toml").write_text("[search]\nk = 1\n", encoding="utf-8")
    (tmp_path / "value.toml").write_text('[retrieval]\ntop_k = "many"\n', encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "nokeys.jsonl").write_text('{"q": "سؤال بلا مفاتيح"}\n', encoding="utf-8")
    code = in_process(args)
    err = capsys.readouterr().err
    assert code != 0
    assert named in err


def test_config_file_in_the_working_folder_is_read(in_process, seeded_db, tmp_path, capsys,
                                                  monkeypatch):
    monkeypatch.setenv("MARSAD_STORAGE_DB", str(seeded_db))
    (tmp_path / "config.toml").write_text("[retrieval]\ntop_k = 1\n", encoding="utf-8")
    assert in_process(["ask", "--json", GIFT]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1


# -- the console --------------------------------------------------------------------------

def test_console_answers_and_understands_its_commands(seeded_db, tmp_path):
    stdin = f"{GIFT}\n:sources\n:help\n:foo\n:quit\nthis line is never read\n"
    result = marsad(cwd=tmp_path, db=seeded_db, stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "بندقية" in out or "قفاز" in out
    assert "— سكاي نيوز عربية، 14 سبتمبر 2023" in out
    for article_id in SEEDS:  # :sources
        assert article_id in out
    assert ":quit" in out  # :help names the commands
    assert ":foo" in out  # the unknown command is named back
    assert "تاريخ غير معروف" in out  # :sources shows 003 and 004 print no date
    assert "Traceback" not in result.stderr


def test_console_builds_the_database_on_first_use_and_ends_at_end_of_input(tmp_path):
    db = tmp_path / "first.db"
    result = marsad("console", cwd=tmp_path, db=db, stdin="من هو المتحدث باسم الكرملين؟\n")
    assert result.returncode == 0, result.stderr
    assert "بيسكوف" in result.stdout
    assert db.is_file()


def test_an_installed_marsad_finds_the_bundled_seeds(seeds_dir):
    """`pip install .` puts seeds/ in site-packages as marsad_seeds; it must resolve there."""
    from bot.seeds import installed_seeds_dir

    installed = installed_seeds_dir()
    names = sorted(p.name for p in installed.glob("*.txt"))
    assert names == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert len(names) == 5
