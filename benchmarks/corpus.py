"""A deterministic synthetic Arabic news corpus, for benchmarks.

Word forms and their frequencies come from the bundled seed articles and, when present, the
ARCD paragraphs (tests/data/arcd-train.json or $MARSAD_ARCD). Words are drawn from that
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
ARCD = Path(os.environ.get("MARSAD_ARCD", ROOT / "tests" / "data" / "arcd-train.json"))
SOURCES = ("الجزيرة", "العربية", "بي بي سي عربي", "سكاي نيوز عربية", "الشرق الأوسط",
           "القدس العربي", "الأهرام", "النهار", "الخليج", "هسبريس")
_WORD = re.compile(r"[\u0621-\u064a]{2,}")  # Arabic letters only
VOCABULARY = 300_000  # word forms: a large archive's worth; the sources give ~8k
ZIPF_S = 1.0


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
    def from_sources(cls, use_arcd: bool = True, size: int = VOCABULARY) -> Vocabulary:
        """The sources' word forms, most frequent first, then made-up forms spliced from
        them (the rare words of a big archive); frequencies follow Zipf's law by rank."""
        counts: Counter[str] = Counter()
        for text in source_texts(use_arcd):
            counts.update(_WORD.findall(text))
        real = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        words = real + _spliced(real, size - len(real))
        ranks = np.arange(1, len(words) + 1, dtype=np.float64)
        return cls(words, 1.0 / (ranks + 2.7) ** ZIPF_S)

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.searchsorted(self.cdf, rng.random(n), side="right")


def _spliced(real: list[str], n: int) -> list[str]:
    """n new word forms, each the start of one real word and the end of another."""
    if n <= 0:
        return []
    rng = np.random.default_rng(12345)
    known = set(real)
    out: list[str] = []
    while len(out) < n:
        a = rng.integers(len(real), size=n)
        b = rng.integers(len(real), size=n)
        for i, j in zip(a.tolist(), b.tolist(), strict=True):
            x, y = real[i], real[j]
            word = x[: max(2, len(x) // 2)] + y[len(y) // 2:]
            if 3 <= len(word) <= 12 and word not in known:
                known.add(word)
                out.append(word)
                if len(out) == n:
                    break
    return out


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
