"""The same question gets the same answer in every process: Python salts string hashes per
process (PYTHONHASHSEED), so nothing the answer depends on may follow a set's order. A sum of
idf weights taken in set order once left 1e-15 where 0 was meant, and a question whose every
word the passage says otherwise was answered in one process and declined in the next."""
import json
import os
import subprocess
import sys
from pathlib import Path

QUESTIONS = (
    # every word held only as another word of its class: the case that flipped
    "ما الحصيلة التي خرجت بها زيارة لافروف إلى بيونغيانغ؟",
    "ما الثمار التي خرجت بها زيارة لافروف لبيونغيانغ؟",
    "ما المحصلة التي انتهت إليها زيارة لافروف إلى بيونغيانغ؟",
    "ماذا أهدى بوتين لكيم؟",
    "شو صار بين بوتين وكيم بالقاعدة الفضائية؟",
    "How long did the talks last?",
)


def answers(db: Path, folder: Path, seed: str) -> list[dict]:
    """`marsad ask --json` for every question, in a process whose hash seed is `seed`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env.update(PYTHONHASHSEED=seed, PYTHONIOENCODING="utf-8", MARSAD_STORAGE_DB=str(db))
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--json"], cwd=folder,
                            env=env, input="".join(q + "\n" for q in QUESTIONS),
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_process_gives_the_same_answers(tmp_path):
    db = tmp_path / "marsad.db"
    first = answers(db, tmp_path, "1")  # builds the database from the seeds
    assert len(first) == len(QUESTIONS)
    for seed in ("2", "3", "4"):
        again = answers(db, tmp_path, seed)
        assert [a["answered"] for a in again] == [a["answered"] for a in first], seed
        assert again == first, seed
