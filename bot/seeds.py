"""Where the bundled articles are: the checkout's seeds/, or the installed copy."""

from __future__ import annotations

import importlib.util
from pathlib import Path


class SeedsMissing(Exception):
    """The bundled articles are not where the installation put them."""


def seeds_dir() -> Path:
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if checkout.is_dir():
        return checkout
    return installed_seeds_dir()


def installed_seeds_dir() -> Path:
    """`seeds/` is installed as the data-only package `marsad_seeds` (no __init__.py)."""
    spec = importlib.util.find_spec("marsad_seeds")
    locations = spec.submodule_search_locations if spec else None
    for location in locations or ():
        path = Path(location)
        if path.is_dir() and any(path.glob("*.txt")):
            return path
    raise SeedsMissing("the bundled seed articles are not installed; reinstall Marsad "
                       "(pip install .)")
