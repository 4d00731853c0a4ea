"""Where the bundled articles are: the checkout's seeds/, or the installed copy."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seeds_dir() -> Path:
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("marsad_seeds")))
