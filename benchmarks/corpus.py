"""A deterministic synthetic Arabic news corpus, for benchmarks.

Word forms and their frequencies come from the bundled seed articles and, when present, the
ARCD paragraphs (../shared/data/arcd-train.json or $MARSAD_ARCD). Words are drawn from that
Zipf-like distribution with a fixed seed: paragraphs of 30-80 words, articles of 3-8
paragraphs, so a passage is a paragraph (the passage splitter keeps paragraphs under 120
words whole) and N passages means N paragraphs.

    python -m benchmarks.corpus --passages 100k > corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from retrieval.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARCD = Path(os.environ.get("MARSAD_ARCD", ROOT.parent / "shared" / "data" / "arcd-train.json"))
SOURCES = ("الجزيرة", "العربية", "بي بي سي عربي", "سكاي نيوز عربية", "الشرق الأوسط",
           "القدس العربي", "الأهرام", "النهار", "الخليج", "هسبريس")
_WORD = re.compile(r"[^\W\d_]{2,}")  # Arabic (or any) letters only, no digits


def parse_size(text: str) -> int:
    """'10k' -> 10000, '1M' -> 1000000, '2500' -> 2500."""
    text = text.strip()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:].lower(), 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def source_texts(use_arcd: bool = True) -> Iterator[str]:
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    if use_arcd and ARCD.exists():
        data = json.loads(ARCD.read_text(encoding="utf-8"))
        for doc in data["data"]:
            yield doc.get("title", "")
            for para in doc["paragraphs"]:
                yield para["context"]


class Vocabulary:
    """Word forms, most frequent first, and the probability of drawing each."""

    def __init__(self, words: list[str], counts: np.ndarray) -> None:
        self.words = np.array(words, dtype=object)
        self.p = counts / counts.sum()
        self.cdf = np.cumsum(self.p)
        self.cdf[-1] = 1.0

    @classmethod
    def from_sources(cls, use_arcd: bool = True) -> Vocabulary:
        counts: Counter[str] = Counter()
        for text in source_texts(use_arcd):
            counts.update(w for w in _WORD.findall(text) if not w.isascii())
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return cls([w for w, _ in ranked], np.array([c for _, c in ranked], dtype=np.float64))

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.searchsorted(self.cdf, rng.random(n), side="right")


def generate(passages: int, seed: int = 0, vocabulary: Vocabulary | None = None
             ) -> Iterator[Article]:
    """Articles totalling exactly `passages` paragraphs (= passages once ingested)."""
    vocab = vocabulary or Vocabulary.from_sources()
    rng = np.random.default_rng(seed)
    words = vocab.words
    start = dt.date(2015, 1, 1)
    made, number = 0, 0
    while made < passages:
        n_paras = min(int(rng.integers(3, 9)), passages - made)
        lengths = rng.integers(30, 81, size=n_paras)
        title_len = int(rng.integers(4, 11))
        drawn = vocab.draw(rng, title_len + int(lengths.sum()))
        title = " ".join(words[drawn[:title_len]])
        paragraphs, at = [], title_len
        for length in lengths:
            paragraphs.append(" ".join(words[drawn[at:at + length]]) + ".")
            at += length
        yield Article(
            id=f"synth-{seed}-{number:07d}",
            title=title,
            source=SOURCES[int(rng.integers(len(SOURCES)))],
            date=start + dt.timedelta(days=int(rng.integers(0, 3650))),
            paragraphs=tuple(paragraphs),
        )
        made += n_paras
        number += 1


def queries(n: int, seed: int = 1, vocabulary: Vocabulary | None = None,
            top: int = 20_000) -> list[str]:
    """Questions of 2-5 words drawn by frequency from the corpus's most common forms."""
    vocab = vocabulary or Vocabulary.from_sources()
    rng = np.random.default_rng(seed)
    top = min(top, len(vocab.words))
    p = vocab.p[:top] / vocab.p[:top].sum()
    return [" ".join(vocab.words[rng.choice(top, size=int(rng.integers(2, 6)), p=p)])
            for _ in range(n)]


def to_json(article: Article) -> str:
    return json.dumps({"id": article.id, "title": article.title, "source": article.source,
                       "date": article.date.isoformat() if article.date else None,
                       "text": article.text}, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", default="10k", help="e.g. 10k, 100k, 1M")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for article in generate(parse_size(args.passages), args.seed):
        sys.stdout.write(to_json(article) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
