"""The rerank reads its costly text cues (answer type, place, cause, speaker, means) only
for the candidates that can still reach the groups shown (issue 13): the settled entries
are the full rerank's own, the others carry bounds of their scores, and an answer built
from them is the answer built from every score, also when the settled are too few and the
engine reranks in full."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import retrieval.engine as engine_module
from retrieval import grouping
from retrieval.engine import RERANK_DEPTH
from retrieval.grouping import EQUALLY_RELEVANT, Group, settled_by

# every text cue, and questions with none
PREFIXES = ["كم", "متى", "ماذا قال", "أين", "كيف", "لماذا", "كيف وصل", "هل", ""]


def _questions(data_dir: Path) -> list[str]:
    plain = [json.loads(line)["q"] for line in
             (data_dir / "seeds-questions.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    words = ["بوتين كيم القطار", "الأقمار الصناعية روسيا", "الكرملين الزيارة"]
    return plain[:40] + [f"{p} {w}".strip() for p in PREFIXES for w in words]


async def test_the_settled_entries_are_the_full_reranks_and_the_rest_bounded(
        engine, data_dir: Path) -> None:
    pruned = 0
    for question in _questions(data_dir):
        asked = engine._analyse(question)
        if asked is None:
            continue
        found = engine._read(engine._top(asked.query, RERANK_DEPTH))
        full = engine._rerank(question, asked, found)
        score = {p.id: s for p, s in full}
        for exact in (1, 3, 6):
            best, settled = engine._rerank_best(question, asked, found, exact)
            assert [(p.id, s) for p, s in best[:settled]] == \
                [(p.id, s) for p, s in full[:settled]], question
            assert sorted(p.id for p, _ in best) == sorted(score)
            assert all(s >= score[p.id] for p, s in best[settled:]), question
            assert settled >= min(exact, len(full)) or settled == len(full)
            pruned += settled < len(full)
    assert pruned > 20  # the text cues are left unread somewhere


@pytest.mark.parametrize("k", [1, 3, 9])
async def test_answers_are_those_of_the_full_rerank_even_when_too_few_are_settled(
        engine, data_dir: Path, monkeypatch: pytest.MonkeyPatch, k: int) -> None:
    """With one settled entry asked for, groups often start past the settled ones: the
    engine then reranks every candidate; the answers stay those of the full rerank."""
    questions = _questions(data_dir)
    full_rerank = engine_module.rerank_best

    def every_score(question, candidates, exact, **context):
        order = engine_module.rerank(question, candidates, **context)
        return order, len(order)

    monkeypatch.setattr(engine_module, "rerank_best", every_score)
    want = [(await engine.answer(q, k)).to_json() for q in questions]

    checks: list[bool] = []

    def counted(groups, ranked, settled):
        checks.append(settled_by(groups, ranked, settled))
        return checks[-1]

    def one_settled(question, candidates, exact, **context):
        return full_rerank(question, candidates, 1, **context)

    monkeypatch.setattr(engine_module, "rerank_best", one_settled)
    monkeypatch.setattr(grouping, "settled_by", counted)
    got = [(await engine.answer(q, k)).to_json() for q in questions]
    assert got == want
    assert not all(checks)  # the full rerank was needed, and the answers held
    monkeypatch.setattr(engine_module, "rerank_best", full_rerank)
    assert [(await engine.answer(q, k)).to_json() for q in questions] == want


def _group(first: int, members: list[tuple[object, float]], equivalent: list) -> Group:
    return Group(members, [p for p, _ in members[1:]], equivalent, first=first)


def test_groups_are_settled_only_when_they_start_among_the_settled_and_no_bound_competes(
        ) -> None:
    a, b, c, d = (object() for _ in range(4))
    ranked = [(a, 10.0), (b, 9.0), (c, 8.5), (d, 3.0)]  # a, b settled; c, d bounds
    assert settled_by([_group(0, [(a, 10.0), (d, 3.0)], [d])], ranked, 2)
    # c might score 9.0 >= 0.9 x 10: it could be shown in a's place
    assert not settled_by([_group(0, [(a, 9.5), (c, 8.6)], [c])], ranked, 2)
    assert 8.6 >= EQUALLY_RELEVANT * 9.5 > 8.5
    assert settled_by([_group(0, [(a, 9.5), (c, 8.5)], [c])], ranked, 2)
    # carried but not equivalent: never shown in its place, only credited
    assert settled_by([_group(0, [(a, 9.5), (c, 9.4)], [])], ranked, 2)
    # a group starting past the settled
    assert not settled_by([_group(0, [(a, 10.0)], []), _group(2, [(c, 8.5)], [])],
                          ranked, 2)
    assert settled_by([_group(0, [(a, 10.0)], []), _group(2, [(c, 8.5)], [])], ranked, 4)


async def test_settled_entries_hold_under_negative_text_cue_weights(
        engine, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Weights may be set (benchmarks fit them): a text cue weighing against a candidate
    is bounded at 0, not at its weight, and the settled entries stay the full rerank's."""
    from dataclasses import replace

    from retrieval import rerank as rerank_module

    monkeypatch.setattr(rerank_module, "WEIGHTS", replace(
        rerank_module.WEIGHTS, answer_type=-2.0, place_means=-1.0, cause=-1.5, speaker=-3.0,
        means=-3.0))
    for question in _questions(data_dir):
        asked = engine._analyse(question)
        if asked is None:
            continue
        found = engine._read(engine._top(asked.query, RERANK_DEPTH))
        full = engine._rerank(question, asked, found)
        best, settled = engine._rerank_best(question, asked, found, 3)
        assert [(p.id, s) for p, s in best[:settled]] == \
            [(p.id, s) for p, s in full[:settled]], question


async def test_every_text_cue_stays_within_the_bound_the_rerank_assumes(
        engine, data_dir: Path) -> None:
    """rerank_best leaves a candidate's text cues unread when even their ceilings (1, or
    the speaker's share) could not lift it: a cue changed to give more would settle the
    wrong passages. Every text cue over every candidate of these questions, read in full,
    stays in [0, its ceiling]."""
    from retrieval import rerank as rerank_module
    from retrieval.rerank import Candidate, _fused, _TextCue

    seen = 0
    for question in _questions(data_dir):
        asked = engine._analyse(question)
        if asked is None:
            continue
        found = engine._read(engine._top(asked.query, RERANK_DEPTH))
        candidates = [Candidate(p.title, p.text, s, p.terms, p.title_terms or 0, p.furniture,
                                p.words) for p, s in found]
        _, steps = _fused(question, candidates, index=engine.index, vmap=engine.variants,
                          vocab={t: i for i, t in enumerate(engine.terms)},
                          idf=asked.weights, aliases=asked.aliases, named=asked.named,
                          weights=rerank_module.WEIGHTS, titles=())
        for _, cue in steps:
            if isinstance(cue, _TextCue):
                values = cue.read(list(range(len(candidates))))
                ceiling = 1.0 if cue.ceiling is None else cue.ceiling
                assert np.all((values >= 0) & (values <= ceiling)), question
                seen += int(values.any())
    assert seen > 10
