"""The skeletons of a whole vocabulary at once (a restart builds them for every term) are
exactly the skeletons term by term."""

from __future__ import annotations

import json

from benchmarks.corpus import Vocabulary
from retrieval.analysis import analyze
from retrieval.variants import VariantMap, all_skeletons, skeleton

EDGES = ["", "a", "ab", "abc", "x1", "٣٤٥", "كتاب2", "مرحبا world", "اصطناع", "اصط", "اصطن",
         "اضطرار", "اصطتش", "تشا", "تش", "ت", "فوستوتشني", "بيونغ", "گگگ", "پاريس", "چين",
         "ڤيينا", "ab\ncd", "بيونغ\nيانغ"]


def test_skeletons_of_a_vocabulary_equal_skeletons_term_by_term(data_dir):
    data = json.loads((data_dir / "arcd-train.json").read_text(encoding="utf-8"))
    arcd = sorted({t for doc in data["data"] for p in doc["paragraphs"]
                   for t in analyze(doc.get("title", "") + " " + p["context"])})
    synthetic = [t for w in Vocabulary.from_sources().words[:60_000] for t in analyze(w)]
    for terms in (EDGES, arcd, synthetic, EDGES + arcd, arcd + EDGES, []):
        assert all_skeletons(terms) == [skeleton(t) for t in terms]


def test_a_variant_map_built_at_once_groups_as_one_built_term_by_term():
    terms = ["فوستوشن", "بيونج", "يانج", "فوستوتشن", "بيونغيانغ", "اصطناع", "صناع", "x1"]
    at_once, one_by_one = VariantMap(), VariantMap()
    at_once._add_bulk(terms)
    for i, term in enumerate(terms):
        one_by_one.add(i, term)
    for i, term in enumerate(terms):
        assert at_once.group(term, i) == one_by_one.group(term, i)
