"""The spelling-variant map of a vocabulary: its skeletons and trigram postings, built at once
or as the vocabulary grows, stored in the database and read back, are the same map."""

from __future__ import annotations

import json
import random
import sqlite3

import numpy as np
import pytest

from benchmarks.corpus import Vocabulary
from retrieval.analysis import analyze, char_ngrams
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.store import Store, StoreError
from retrieval.variants import VariantMap, VariantPart, all_skeletons, skeleton

EDGES = ["", "a", "ab", "abc", "x1", "٣٤٥", "كتاب2", "مرحبا world", "اصطناع", "اصط", "اصطن",
         "اضطرار", "اصطتش", "تشا", "تش", "ت", "فوستوتشني", "بيونغ", "گگگ", "پاريس", "چين",
         "ڤيينا", "ab\ncd", "بيونغ\nيانغ", "ab\0", "ab\0\0", "ك" * 70, "ك" * 69 + "غ"]


def test_skeletons_of_a_vocabulary_equal_skeletons_term_by_term(data_dir):
    data = json.loads((data_dir / "arcd-train.json").read_text(encoding="utf-8"))
    arcd = sorted({t for doc in data["data"] for p in doc["paragraphs"]
                   for t in analyze(doc.get("title", "") + " " + p["context"])})
    synthetic = [t for w in Vocabulary.from_sources().words[:60_000] for t in analyze(w)]
    for terms in (EDGES, arcd, synthetic, EDGES + arcd, arcd + EDGES, []):
        assert all_skeletons(terms) == [skeleton(t) for t in terms]


def _vocabulary(data_dir) -> list[str]:
    """EDGES, ARCD's terms and synthetic ones, each once, in a shuffled order."""
    data = json.loads((data_dir / "arcd-train.json").read_text(encoding="utf-8"))
    arcd = {t for doc in data["data"][:20] for p in doc["paragraphs"]
            for t in analyze(doc.get("title", "") + " " + p["context"])}
    synthetic = {t for w in Vocabulary.from_sources().words[:3000] for t in analyze(w)}
    terms = sorted(arcd | synthetic)
    random.Random(7).shuffle(terms)
    return list(dict.fromkeys([*EDGES[:3], *terms, *EDGES[3:]]))


def assert_is_the_map_of(vmap: VariantMap, terms: list[str]) -> None:
    """Every lookup answers what its definition says, term by term."""
    assert len(vmap) == len(terms)
    by_skeleton: dict[str, list[int]] = {}
    by_gram: dict[str, list[int]] = {}
    for i, term in enumerate(terms):
        by_skeleton.setdefault(skeleton(term), []).append(i)
        for gram in dict.fromkeys(char_ngrams(term, 3)):
            by_gram.setdefault(gram, []).append(i)
    for i, term in enumerate(terms):
        assert vmap.group(term, -1) == by_skeleton[skeleton(term)], term
        assert vmap.group(term, i)[0] == i
    for gram, ids in by_gram.items():
        assert vmap.holding(gram).tolist() == ids, gram
    assert vmap.holding("#\u0635\u0635").tolist() == by_gram.get("#\u0635\u0635", [])
    counts = [len(set(char_ngrams(t, 3))) for t in terms]
    assert vmap.gram_counts(np.arange(len(terms) + 2)).tolist() == [*counts, 0, 0]
    df = np.arange(len(terms)) % 7
    for gram in list(by_gram)[:200]:
        assert vmap.gram_df(gram, df, 10**6) == int(df[by_gram[gram]].sum())


def test_a_map_built_at_once_or_as_the_vocabulary_grows_is_the_map_of_the_terms(data_dir):
    terms = _vocabulary(data_dir)
    at_once = VariantMap()
    at_once.sync(terms)
    assert_is_the_map_of(at_once, terms)
    growing, sizes, end = VariantMap(), random.Random(3), 0
    while end < len(terms):  # one term, a few, a batch: parts are made and merged
        end = min(len(terms), end + sizes.choice([1, 2, 9, 40, 700]))
        growing.sync(terms[:end])
    assert 1 < len(growing.parts) <= 8  # merged as it grew: a handful of parts, not hundreds
    assert_is_the_map_of(growing, terms)
    for term in terms[:300]:  # unknown words find the same near terms either way
        assert growing.near(term + "\u0627", 0.6) == at_once.near(term + "\u0627", 0.6)


def test_a_rolled_back_vocabulary_gives_its_ids_to_other_terms():
    vmap, terms = VariantMap(), ["كيم", "جونغ", "بوتين"]
    vmap.sync(terms)
    vmap.sync([*terms, "بيونغ", "يانغ"])  # a question seen during an ingest
    vmap.forget(3)  # ... that was rolled back; the next one gives ids 3, 4 to other terms
    grown = [*terms, "صاروخ", "جونج"]
    vmap.sync(grown)
    assert_is_the_map_of(vmap, grown)
    assert vmap.group("جونج", 4) == [4, 1]


async def test_stored_parts_read_back_are_the_same_map(tmp_path, data_dir):
    terms = _vocabulary(data_dir)
    vmap = VariantMap()
    for end in (len(terms) - 300, len(terms) - 5, len(terms)):  # three parts
        vmap.sync(terms[:end])
    store = await Store.open(tmp_path / "marsad.db")
    try:
        await store.save_variant_parts(vmap.parts)
        await store.commit()
        read = VariantMap(await store.variant_parts(len(terms)), terms[0])
    finally:
        await store.close()
    assert [(p.first, p.end) for p in read.parts] == [(p.first, p.end) for p in vmap.parts]
    assert len(read.parts) == 3
    assert_is_the_map_of(read, terms)


def _damaged(part: VariantPart, **change) -> VariantPart:
    fields = {f: getattr(part, f) for f in ("first", "skeletons", "skeleton_ids", "grams",
                                             "indptr", "gram_ids", "lengths")}
    return VariantPart(**{**fields, **change})


async def test_a_damaged_stored_map_is_a_clear_error_and_the_file_is_left_alone(
        tmp_path, data_dir):
    path = tmp_path / "marsad.db"
    words = _vocabulary(data_dir)
    async with await Marsad.open(path) as engine:
        await engine.ingest([Article(f"t{i}", "عنوان", None, None, (" ".join(words[i:i + 20]),))
                             for i in range(0, len(words), 20)])
        terms = list(engine.terms)
    pristine = path.read_bytes()
    cut = len(terms) // 3
    first, second = VariantPart.build(terms[:cut]), VariantPart.build(terms[cut:], cut)
    for parts in ([first, second], [second], [first, VariantPart.build(terms[cut + 1:], cut + 1)],
                  [first, _damaged(second, skeletons=second.skeletons[1:])],
                  [first, _damaged(second, gram_ids=second.gram_ids + len(terms))],
                  [first, _damaged(second, indptr=second.indptr[::-1])],
                  [_damaged(first, skeletons=[1] * cut), second]):
        path.write_bytes(pristine)
        store = await Store.open(path)
        await store.db.execute("DELETE FROM variant_parts")
        await store.save_variant_parts(parts)
        await store.commit()
        await store.close()
        data = path.read_bytes()
        if parts == [first, second]:  # whole: opens, the same map
            async with await Marsad.open(path) as engine:
                assert_is_the_map_of(engine.variants, terms)
            continue
        with pytest.raises(StoreError, match="damaged"):
            await Marsad.open(path)
        assert path.read_bytes() == data


def _articles() -> list[Article]:
    return [Article("a1", "قاعدة فوستوشني", "وكالة", None,
                    ("زار كيم جونغ أون قاعدة فوستوشني الفضائية في الشرق الأقصى.",
                     "وصل القطار إلى بيونغيانغ بعد الزيارة.")),
            Article("a2", "بيونج يانج", "صحيفة", None,
                    ("قال مسؤولون في بيونج يانج إن كيم جونج أون عاد من فوستوتشني.",))]


async def test_an_ingest_stores_the_map_and_a_restart_reads_it_instead_of_rebuilding(tmp_path):
    path = tmp_path / "marsad.db"
    async with await Marsad.open(path) as engine:
        await engine.ingest(_articles())
        before = (await engine.answer("بيونغيانغ فوستوشني", k=3)).to_json()
        terms = list(engine.terms)
    async with await Marsad.open(path) as engine:
        assert engine.variants.parts and len(engine.variants) == len(terms)
        assert_is_the_map_of(engine.variants, terms)
        assert (await engine.answer("بيونغيانغ فوستوشني", k=3)).to_json() == before
        # every term's id found through the map, no term -> id dict built to answer
        assert [engine.term_id(t) for t in terms] == list(range(len(terms)))
        assert engine.term_id("غيرموجودة") == engine.term_id("") == -1
        assert "vocab" not in engine.__dict__
        assert engine.vocab == {t: i for i, t in enumerate(terms)}  # built when asked


async def test_a_word_asked_before_an_ingest_brought_it_is_found_after(tmp_path):
    """`term_id` keeps the ids it found and the words it missed: a miss must not outlive
    the vocabulary it was found in, nor a kept id be read for another word."""
    path = tmp_path / "marsad.db"
    async with await Marsad.open(path) as engine:
        await engine.ingest(_articles()[:1])
    async with await Marsad.open(path) as engine:
        asked = "القطار إلى بيونج يانج"
        assert engine.term_id("يانج") == engine.term_id("يانج") == -1
        first = await engine.answer(asked, k=3)
        assert engine.term_id("قطار") == engine.term_id("قطار") == engine.terms.index("قطار")
        await engine.ingest(_articles()[1:])
        assert engine.term_id("يانج") == engine.terms.index("يانج")
        again = await engine.answer(asked, k=3)
        assert {h.article_id for h in again.hits} == {"a1", "a2"}
        assert {h.article_id for h in first.hits} == {"a1"}


@pytest.mark.parametrize("older", ["3", "2"])
async def test_an_older_database_gains_the_stored_map_and_answers_the_same(tmp_path, older):
    path = tmp_path / "marsad.db"
    async with await Marsad.open(path) as engine:
        await engine.ingest(_articles())
        before = (await engine.answer("كيم جونج اون في فوستوتشني", k=3)).to_json()
    db = sqlite3.connect(path)  # as versions before 4 left it: no stored map
    db.executescript(f"DROP TABLE variant_parts; "
                     f"UPDATE meta SET value = '{older}' WHERE key = 'schema_version';")
    db.close()
    async with await Marsad.open(path) as engine:
        assert (await engine.answer("كيم جونج اون في فوستوتشني", k=3)).to_json() == before
        terms = list(engine.terms)
    db = sqlite3.connect(path)
    stored = db.execute("SELECT SUM(size) FROM variant_parts").fetchone()[0]
    db.close()
    assert stored == len(terms)  # saved on that open: the next one reads it


async def test_terms_of_an_ingest_killed_before_the_map_was_saved_are_mapped_on_open(
        tmp_path):
    path = tmp_path / "marsad.db"
    async with await Marsad.open(path) as engine:
        await engine.ingest(_articles()[:1])
    async with await Marsad.open(path) as engine:
        engine._save_index = _nothing  # killed before the snapshot and the map were saved
        await engine.ingest(_articles()[1:])
        before = (await engine.answer("بيونج يانج", k=3)).to_json()
    async with await Marsad.open(path) as engine:
        assert len(engine.variants) == len(engine.terms)
        assert_is_the_map_of(engine.variants, list(engine.terms))
        assert (await engine.answer("بيونج يانج", k=3)).to_json() == before


async def _nothing(**_: object) -> None:
    return None


@pytest.mark.parametrize("typed, meant", [
    ("مستشفيات", "مستشفات"),  # a letter added
    ("مستشفات", "مستشفيات"),  # a letter left out
    ("مستشفيبت", "مستشفيات"),  # a letter changed (neighbouring keys)
    ("مستفشيات", "مستشفيات"),  # two neighbours swapped
])
def test_a_word_one_slip_from_a_term_reaches_it(typed: str, meant: str) -> None:
    vocabulary = [meant, "مستشار", "مستقبل", "شفاء", "كتاب"]
    vmap = VariantMap()
    vmap.sync(vocabulary)
    assert vmap.one_slip(typed) == [0]


def test_one_slip_leaves_short_words_and_words_two_slips_away() -> None:
    vmap = VariantMap()
    vmap.sync(["سكان", "مكان", "مستشفيات"])
    assert vmap.one_slip("مكاي") == []  # a short word's slip is too often another word
    assert vmap.one_slip("مسشتفيبت") == []  # two slips
    assert vmap.one_slip("kitab") == []


@pytest.mark.parametrize("question, key", [
    ("لماذا سافر الوزير إلى طرحوس؟", "الميناء"),  # a letter changed mid-word
    ("لماذا سافر الوزير إلى طرطسو؟", "الميناء"),  # two letters swapped
    ("لماذا سافر الوزير إلى اللاذقييية؟", "المرفأ"),  # a letter added
])
async def test_a_question_with_a_typo_finds_the_passage(tmp_path, question: str, key: str
                                                        ) -> None:
    """Typos that share too few trigrams with the word meant to count as near it: the
    reranker's character n-grams still rank the passage first, but only a word known to
    be the one meant lets the decision answer."""
    articles = [Article("trips", "جولات الوزير", "وكالة الأنباء", None, (
        "وسافر الوزير إلى طرطوس لتفقد الميناء الجديد.",
        "وسافر الوزير إلى حمص لتفقد المصانع.",
        "وسافر الوزير إلى اللاذقية لتفقد المرفأ.",
        "وسافر الوزير إلى حلب لتفقد المدارس.",
    ))]
    async with await Marsad.open(tmp_path / "typos.db") as engine:
        await engine.ingest(articles)
        answer = await engine.answer(question)
    assert answer.hits and key in answer.hits[0].text, [h.text for h in answer.hits]
    assert answer.answered  # the typo is the word meant, not a word the coverage lacks
