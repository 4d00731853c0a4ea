"""The README's Python example runs as written, in a fresh folder, as a newcomer would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_readme_python_example_runs_and_cites(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    script = tmp_path / "example.py"
    script.write_text(example, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env |= {"PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(REPO), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    first, last = result.stdout.splitlines()[0], result.stdout.splitlines()[-1]
    assert first.startswith("1 صحيفة المثال 2024-03-10 ")  # rank, outlet, date, passage
    assert last.startswith("True")  # answered
    assert (tmp_path / "newsroom.db").exists()
