"""The answer stages computed from arrays and one regex pass (issue 13) give exactly what
the per-word, per-term Python code gave; and BLAS runs one thread once answers start.
Whole answers before and after are compared in test_same_answers.py."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from retrieval.analysis import ARTICLE_PREFIXES, analyze, char_ngrams, surface
from retrieval.corroborate import _near_edges, _term_trigrams
from retrieval.decide import similarity
from retrieval.rerank import (
    Candidate,
    _distinct_counts,
    _found_among,
    _gram_tf,
    _held,
    _same_bare,
    _slots,
    _title_text_presence,
    said_together,
)

ROOT = Path(__file__).resolve().parent.parent

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# words where trigrams repeat or overlap, one-letter words, digits, Latin, a prefix alone
AWKWARD = ["ممممم", "مم", "م", "لالالا", "الال", "2023", "x", "aaa", "abab", "ال", "وال",
           "القفاز", "قفاز", "بالقفاز", "والقفاز"]


def _random_words(rnd: random.Random, n: int) -> list[str]:
    return [rnd.choice(AWKWARD) if rnd.random() < 0.3 else
            "".join(rnd.choice(LETTERS[:6]) for _ in range(rnd.randint(1, 7)))
            for _ in range(n)]


def _tf_word_by_word(words: list[list[str]], grams: list[str]) -> np.ndarray:
    """The rerank's word-trigram counts as they were computed before: each word's
    `char_ngrams`, counted."""
    out = np.zeros((len(words), len(grams)))
    for d, ws in enumerate(words):
        for w in ws:
            for g in char_ngrams(w, 3):
                if g in grams:
                    out[d, grams.index(g)] += 1
    return out


@pytest.mark.parametrize("seed", range(20))
def test_word_trigram_counts_equal_counting_each_words_trigrams(seed: int) -> None:
    rnd = random.Random(seed)
    words = [_random_words(rnd, rnd.randint(0, 40)) for _ in range(rnd.randint(1, 30))]
    asked = _random_words(rnd, rnd.randint(1, 5))
    grams = sorted({g for w in asked for g in char_ngrams(w, 3)})
    assert np.array_equal(_gram_tf(words, grams), _tf_word_by_word(words, grams))


@pytest.mark.parametrize("seed", range(20))
def test_a_questions_trigrams_are_counted_as_numpy_counts_them(seed: int) -> None:
    """The rerank's query trigrams and their counts, in the order (code points, a prefix
    first) and types np.unique gave them: the weights it multiplies are the same."""
    rnd = random.Random(seed)
    words = [*_random_words(rnd, rnd.randint(1, 12)), "\U0001f600x", "x\U0001f600"]
    grams = [g for w in words for g in char_ngrams(w, 3)]
    want, times = np.unique(grams, return_counts=True)
    got, counts = _distinct_counts(grams)
    assert got == want.tolist()
    assert np.array_equal(counts, times) and counts.dtype == times.dtype


@pytest.mark.parametrize("seed", range(20))
def test_title_and_text_presence_and_held_weight_are_those_of_each_part(seed: int) -> None:
    """Which terms each candidate's title and text hold, read from the one sort of all
    their terms, and the idf weight of the units each holds, against sets."""
    rnd = random.Random(seed)
    ids = [np.array([rnd.randrange(60) for _ in range(rnd.randint(0, 30))], np.int64)
           for _ in range(rnd.randint(1, 12))]
    heads = np.array([rnd.randint(0, len(t) + 2) for t in ids], np.int64)
    distinct, column, owner, lens = _slots(ids)
    title, text = _title_text_presence(len(distinct), column, owner, lens, heads)
    units = [([rnd.randrange(-1, 70) for _ in range(rnd.randint(1, 3))], rnd.random())
             for _ in range(rnd.randint(0, 5))]
    for d, (t, h) in enumerate(zip(ids, heads, strict=True)):
        assert set(distinct[title[d]].tolist()) == set(t[:h].tolist())
        assert set(distinct[text[d]].tolist()) == set(t[h:].tolist())
        for part, held in ((t[:h], title), (t[h:], text)):
            want = 0.0
            for unit, value in units:
                if set(unit) & set(part.tolist()):
                    want += value
            assert _held(held, distinct, units)[d] == pytest.approx(want)


def _pairs_one_by_one(asked: list[str], terms: list[np.ndarray], heads: list[int],
                      ids: dict[str, list[int]]) -> list[float]:
    """The share of the asked adjacent pairs each text holds adjacent, candidate by
    candidate and pair by pair, as said_together computed it before."""
    pairs = list(dict.fromkeys((a, b) for a, b in pairwise(asked) if a != b))
    out = []
    for t, h in zip(terms, heads, strict=True):
        text = t[h:].tolist()
        out.append(sum(any(x in ids[a] and y in ids[b] for x, y in pairwise(text))
                       for a, b in pairs) / len(pairs))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_pairs_said_together_are_found_in_each_candidates_own_text(seed: int) -> None:
    """All candidates' texts looked at end to end: a pair across two candidates, or
    across a title and its text, is no pair; a spelling of a term counts as it."""
    rnd = random.Random(seed)
    question = "هل تعاون بوتين مع كيم في تعاون عسكري وتعاون تقني"
    asked = analyze(question)
    vocab = {t: i for i, t in enumerate(dict.fromkeys(asked))}
    aliases = {asked[1]: {asked[1], "spelled"}}
    vocab["spelled"] = len(vocab)
    terms = [np.array([rnd.randrange(len(vocab) + 2) for _ in range(rnd.randint(0, 12))],
                      np.int64) for _ in range(rnd.randint(1, 10))]
    heads = [rnd.randint(0, 3) for _ in terms]
    candidates = [Candidate("", "", 1.0, t, h) for t, h in zip(terms, heads, strict=True)]
    idf = dict.fromkeys(asked, 1.0)
    ids = {t: [vocab[f] for f in aliases.get(t, {t})] for t in asked}
    assert said_together(question, terms, candidates, vocab, idf, aliases).tolist() == \
        _pairs_one_by_one(analyze(question), terms, heads, ids)


@pytest.mark.parametrize("seed", range(20))
def test_codes_are_found_among_the_wanted_as_a_search_finds_them(seed: int) -> None:
    """The hashed table finds each code that is wanted, at its place, and nothing else:
    codes packed as trigrams are, random ones, and sets of wanted codes of every size
    (past the table's largest, 2**16 slots, they are searched)."""
    rnd = random.Random(seed)
    size = rnd.choice([1, 2, 7, 40, 300, 5000, 70000])
    wanted = np.array(rnd.sample(range(1 << 62), size), np.int64)
    codes = np.concatenate([rnd.choices(wanted, k=50),
                            np.array([rnd.randrange(1 << 62) for _ in range(200)], np.int64)])
    rnd.shuffle(codes)
    at, hit = _found_among(codes, wanted)
    where = {int(c): i for i, c in enumerate(wanted)}
    assert hit.tolist() == [int(c) in where for c in codes]
    assert at[hit].tolist() == [where[int(c)] for c in codes[hit]]


def test_overlapping_trigrams_of_repeated_letters_all_count() -> None:
    # "#مممم#" holds "ممم" twice: a plain str.count would see it once
    assert _gram_tf([["مممم"], ["م"], []], ["ممم", "#م#", "#مم"]).tolist() == [
        [2.0, 0.0, 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]


@pytest.mark.parametrize("form", ["القفاز", "قفاز", "بالقفاز", "وللقفاز", "الال", "ال", "قف",
                                  "2023", "abc", "والبيت", "البيت"])
def test_forms_sharing_a_bare_form_are_exactly_those_surface_folds_together(form: str) -> None:
    bare = surface(form)
    pool = {form, bare, *AWKWARD} | {p + w for p in ARTICLE_PREFIXES for w in (form, bare)}
    assert {w for w in pool if surface(w) == bare} == {w for w in pool
                                                        if w in _same_bare(form)}


def test_each_terms_trigrams_are_its_distinct_marked_trigrams() -> None:
    rnd = random.Random(7)
    terms = list(dict.fromkeys(_random_words(rnd, 300) + AWKWARD))
    owner, gram = _term_trigrams(terms)
    # trigrams are numbered in code point order, which is their string order
    number = {g: i for i, g in enumerate(sorted({g for t in terms for g in char_ngrams(t, 3)}))}
    for i, t in enumerate(terms):
        assert gram[owner == i].tolist() == sorted(number[g] for g in set(char_ngrams(t, 3))), t


def test_near_forms_found_are_every_pair_similar_enough() -> None:
    from retrieval.corroborate import SOFT_TERM

    rnd = random.Random(3)
    terms = list(dict.fromkeys(_random_words(rnd, 120) + AWKWARD))
    src, dst, sim = _near_edges(terms)
    found = {(int(a), int(b)): float(s) for a, b, s in zip(src, dst, sim, strict=True)}
    expected = {(a, b): similarity(terms[a], terms[b]) for a in range(len(terms))
                for b in range(len(terms))
                if a != b and similarity(terms[a], terms[b]) >= SOFT_TERM}
    assert found.keys() == expected.keys()
    assert all(abs(found[e] - expected[e]) < 1e-12 for e in expected)


def test_blas_runs_one_thread_for_the_process_once_answers_start(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import asyncio, threading
        from threadpoolctl import threadpool_info
        from retrieval.engine import Marsad

        def blas():
            return sorted({{i["num_threads"] for i in threadpool_info()
                           if i["user_api"] == "blas"}})

        async def main():
            engine = await Marsad.open({str(tmp_path / "m.db")!r}, seeds={str(ROOT / "seeds")!r})
            before = blas()
            await asyncio.gather(*(engine.answer(q) for q in ("متى التقى بوتين كيم؟",
                                                               "أين عقدت القمة؟")))
            after = blas()
            await engine.answer("ما هي الأقمار الصناعية؟")
            print(before, after, blas())
            await engine.close()

        asyncio.run(main())
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True).stdout.split("] [")
    before, after, later = (s.strip("[]\n ") for s in out)
    if not before:  # no BLAS library loaded: nothing to limit
        return
    assert after == "1" and later == "1"


def test_the_candidates_holding_each_question_word_are_counted_from_their_ids() -> None:
    """The decision counts the retrieved candidates holding each question word or a
    spelling of it (the question's topic) from their term ids: the count each candidate's
    set of terms gives, with empty and one-term passages, repeated ids, ids past the
    vocabulary, and words and spellings the vocabulary lacks."""
    from types import SimpleNamespace

    from retrieval.decide import _has, _holders, _terms_of

    vocabulary = [f"t{i}" for i in range(40)]
    ids = {t: i for i, t in enumerate(vocabulary)}
    rnd = random.Random(3)
    for _ in range(300):
        passages = [SimpleNamespace(terms=np.array(
            [rnd.randrange(44) for _ in range(rnd.randrange(0, 7))], np.int32))
            for _ in range(rnd.randrange(1, 6))]
        words = {f"t{rnd.randrange(45)}" for _ in range(rnd.randrange(1, 5))}
        aliases = {w: {f"t{rnd.randrange(45)}" for _ in range(rnd.randrange(0, 3))}
                   for w in words if rnd.random() < 0.5}
        held = [_terms_of(p, vocabulary) for p in passages]
        assert _holders(passages, words, aliases, lambda t: ids.get(t, -1)) == {
            w: sum(_has(h, w, aliases) for h in held) for w in words}


async def test_answers_in_parallel_are_the_answers_one_at_a_time(engine, data_dir: Path) -> None:
    """Every stage of an answer runs in one worker thread that reads the store itself
    (Store.fetch): many chats asking at once share that connection and get exactly what
    each would get alone, corroborating outlets included."""
    import asyncio
    import json

    questions = [json.loads(line)["q"] for line in (data_dir / "seeds-dev.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()][:40]
    alone = [(await engine.answer(q, 5)).to_json() for q in questions]
    together = await asyncio.gather(*(engine.answer(q, 5) for q in questions * 3))
    assert [a.to_json() for a in together] == alone * 3
    assert any(h["also_reported_by"] for a in alone for h in a["hits"])
    assert sum(a["answered"] for a in alone) > len(alone) // 2


async def test_an_answer_after_a_removal_cites_no_removed_article(engine) -> None:
    """The worker thread's reads see what was committed: once an article is removed, no
    answer shows it or credits it in also_reported_by."""
    question = "ماذا أهدى بوتين إلى كيم؟"
    before = (await engine.answer(question, 5)).to_json()
    shown = before["hits"][0]["article_id"]
    await engine.remove([shown])
    after = (await engine.answer(question, 5)).to_json()
    assert after["hits"]
    assert shown not in {h["article_id"] for h in after["hits"]}
    assert shown not in {c["article_id"] for h in after["hits"] for c in h["also_reported_by"]}


async def test_sentences_analysed_from_stored_forms_are_the_analysed_sentences(engine) -> None:
    """An answer's passages are split into sentences whose terms come from the word forms
    and terms stored at ingest (passages.note_forms), not from stemming each form again:
    for every passage of the seeds, real text with its punctuation, clitics and digits,
    they are the terms `analyze` gives, and every stored form pairs with its term."""
    from retrieval import passages
    from retrieval.analysis import analyze

    ids = [r[0] for r in await engine.store.db.execute_fetchall("SELECT id FROM passages")]
    stored = engine.store.passages(ids)
    assert len(stored) == len(ids) > 50
    for p in stored.values():
        known = passages._known_forms(p.words, p.terms, engine.terms)
        assert known is not None, p.id  # forms and terms pair up one to one
        sentences = passages.split_sentences(p.text)
        for sentence in sentences:
            assert passages._terms_with(sentence, known) == frozenset(analyze(sentence))
        passages.sentences_of.cache_clear()
        passages.note_forms(p.text, p.words, p.terms, engine.terms)
        assert passages.sentences_of(p.text) == tuple(
            (s, frozenset(analyze(s))) for s in sentences)
        assert p.text not in passages._STORED_FORMS  # used once, then let go


def test_forms_that_do_not_pair_with_terms_are_analysed_as_text() -> None:
    from retrieval import passages
    from retrieval.analysis import analyze

    text = "زار بوتين المدينة. وقال كيم إن الزيارة ناجحة."
    passages.sentences_of.cache_clear()
    passages.note_forms(text, "زار بوتين", np.array([0], np.int32), ["خطأ"])  # one term short
    assert passages.sentences_of(text) == tuple(
        (s, frozenset(analyze(s))) for s in passages.split_sentences(text))
