"""`marsad --version` tells which release is installed (what a bug report needs first)."""

import importlib.metadata
from pathlib import Path

from test_cli import marsad


def test_version_prints_the_installed_release(tmp_path: Path) -> None:
    result = marsad("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"marsad {importlib.metadata.version('marsad')}"
