"""Other outlets' pages as users meet them: how much page furniture is indexed as passages,
and how many titles, dates and outlets are wrong.

    python -m benchmarks.pages_quality [FOLDER]

FOLDER (default tests/data/pages2) holds raw .txt pages, saved .html pages and feed files,
each with a JSON file beside it saying what a careful reader expects: `title`, `source`,
`date` (YYYY-MM-DD or null), `url` and `passages` (the lines that are article text, as
indexed); a feed's JSON has `items`, one such object per item in feed order, or
`{"error": …}` for an item that is no article (a teaser with no page). Every page is read
as `marsad ingest` reads it (`iter_articles`, passages by `split_passages`).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.articles import ArticleError, iter_articles
from retrieval.model import Article
from retrieval.passages import split_passages

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages2"
FIELDS = ("title", "source", "date", "url")


def _got(article: Article | ArticleError) -> dict[str, object]:
    if isinstance(article, ArticleError):
        return {"error": str(article)}
    return {"title": article.title, "source": article.source,
            "date": article.date.isoformat() if article.date else None, "url": article.url,
            "passages": split_passages(article.paragraphs)}


def read_page(path: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """(what a reader expects, what Marsad reads) for one page or feed file, one dict per
    article: the fields of FIELDS and `passages`, or `error`."""
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    wanted = expected.get("items", [expected])
    return wanted, [_got(article) for article in iter_articles([path])]


def pages(folder: Path) -> list[Path]:
    """The page and feed files of `folder` that have an expectation beside them."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix != ".json" and p.with_suffix(".json").exists())


@dataclass
class Tally:
    """Counts over a corpus: articles, wrong fields, passages indexed, furniture among them
    (indexed lines that are no expected passage) and article text left out."""

    articles: int = 0
    wrong: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    indexed: int = 0
    furniture: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, name: str, wanted: dict[str, object], got: dict[str, object]) -> None:
        self.articles += 1
        if "error" in wanted or "error" in got:
            if ("error" in wanted) != ("error" in got):
                self.wrong["title"].append(f"{name}: {got.get('error') or 'read, not refused'}")
            return
        for name_ in FIELDS:  # a field the expectation leaves out (url) is not judged
            if name_ in wanted and got[name_] != wanted[name_]:
                self.wrong[name_].append(f"{name}: {got[name_]!r} (expected {wanted[name_]!r})")
        passages, expected = list(got["passages"]), list(wanted["passages"])
        self.indexed += len(passages)
        self.furniture += [f"{name}: {p}" for p in passages if p not in expected]
        self.missed += [f"{name}: {p}" for p in expected if p not in passages]


def measure(folder: Path) -> Tally:
    tally = Tally()
    for path in pages(folder):
        wanted, got = read_page(path)
        got += [{"error": "missing"}] * (len(wanted) - len(got))
        for want, have in zip(wanted, got, strict=False):
            tally.add(path.name, want, have)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every fault")
    args = parser.parse_args()
    tally = measure(args.folder)
    share = len(tally.furniture) / tally.indexed if tally.indexed else 0.0
    print(f"pages: {len(pages(args.folder))} files, {tally.articles} articles")
    print(f"furniture indexed as passages: {len(tally.furniture)} of {tally.indexed} "
          f"({share:.1%}); article passages missed: {len(tally.missed)}")
    for name in FIELDS:
        print(f"wrong {name}: {len(tally.wrong[name])} of {tally.articles}")
    if args.verbose:
        for line in [*tally.furniture, *(f"MISSED {m}" for m in tally.missed),
                     *(f"WRONG {n} {w}" for n in FIELDS for w in tally.wrong[n])]:
            print("  ", line)


if __name__ == "__main__":
    main()
