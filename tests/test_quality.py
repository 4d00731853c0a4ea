"""Retrieval quality: spelling variants, question words, best sentence, declining, ARCD."""

from __future__ import annotations

import json

import pytest

from retrieval.analysis import analyze, analyze_question
from retrieval.decide import coverage, similarity
from retrieval.engine import Marsad, best_sentence
from retrieval.evaluate import eval_questions, eval_squad, load_questions, load_squad
from retrieval.index import BM25Index
from retrieval.passages import split_sentences
from retrieval.rerank import rerank
from retrieval.variants import VariantMap, skeleton

# --------------------------------------------------------------------------- variants

VARIANT_SETS = [
    ["فوستوشني", "فوستوتشني"],
    ["بيونغيانغ", "بيونج يانج", "بيونغ يانغ"],
    ["جونغ", "جونج"],
    ["أقمار صناعية", "أقمار اصطناعية"],
    ["قاعدة فوستوشني الفضائية", "قاعدة فوستوتشني الفضائية"],
    ["زيارة بيونغيانغ", "زيارة بيونج يانج"],
    ["كيم جونغ أون", "كيم جونج أون"],
]


@pytest.mark.parametrize("a, b", [("فوستوشن", "فوستوتشن"), ("جونغ", "جونج"),
                                  ("بيونغيانغ", "بيونجيانج"), ("اصطناع", "صناع")])
def test_skeleton_joins_transliteration_variants(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b", [("علوم", "عالم"), ("كتاب", "كتب"), ("2023", "2024")])
def test_skeleton_keeps_different_words_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


def test_variant_map_groups_spellings_and_splits_compounds() -> None:
    vmap = VariantMap()
    vmap.sync(["فوستوشن", "بيونج", "يانج", "فوستوتشن", "بيونغيانغ"])
    [(group, _)] = vmap.expand(["فوستوشن"], [0])
    assert sorted(group) == [0, 3]
    # one word in the question, two in the corpus (and the one-word spelling too)
    [(group, _)] = vmap.expand(["بيونغيانغ"], [4])
    assert sorted(group) == [1, 2, 4]
    # two words in the question, one in the corpus: one unit covering both positions
    [(group, positions)] = vmap.expand(["بيونج", "يانج"], [1, 2])
    assert sorted(group) == [1, 2, 4] and positions == (0, 1)


def test_variant_map_follows_a_growing_vocabulary() -> None:
    vmap, terms = VariantMap(), ["جونغ"]
    vmap.sync(terms)
    terms.append("جونج")
    vmap.sync(terms)
    assert len(vmap) == 2
    assert sorted(vmap.group("جونج", 1)) == [0, 1]
    vmap.sync(["كيم"])  # a different (rebuilt) vocabulary: the map starts over
    assert len(vmap) == 1 and vmap.group("جونغ", -1) == []


@pytest.mark.parametrize("spellings", VARIANT_SETS, ids=lambda s: " / ".join(s))
async def test_every_spelling_returns_the_same_top_passage(engine: Marsad,
                                                           spellings: list[str]) -> None:
    tops = []
    for question in spellings:
        answer = await engine.answer(question, k=3)
        assert answer.hits, question
        tops.append(answer.hits[0].passage_id)
    assert len(set(tops)) == 1, dict(zip(spellings, tops, strict=True))


async def test_a_spelling_the_corpus_does_not_use_still_finds_the_place(engine: Marsad):
    answer = await engine.answer("قاعدة فوستوچني الفضائية", k=3)  # چ: Persian-style "ch"
    assert answer.answered
    assert any(s in answer.hits[0].text for s in ("فوستوشني", "فوستوتشني"))


def test_near_terms_come_most_similar_first() -> None:
    vmap = VariantMap()
    vmap.sync(["ينتقل", "زوج", "تزوج", "كتاب"])
    near = vmap.near("يتزوج", 0.5)
    assert near[0] == 2 and 3 not in near


@pytest.mark.parametrize("typo, written", [("فلاديفستوك", "فلاديفوستوك"),
                                           ("الامبرالية", "الإمبريالية")])
async def test_a_misspelled_word_finds_the_passage_with_the_right_spelling(
        engine: Marsad, typo: str, written: str) -> None:
    answer = await engine.answer(typo, k=3)
    assert answer.hits, typo
    assert written in answer.hits[0].text


def test_a_title_naming_the_subject_lifts_its_passage() -> None:
    """Two passages hold the same words with their titles, and one scores a little higher
    on BM25; the other comes from the article about what was asked: it comes first."""
    docs = [analyze(t) for t in ("عاصمة سوريا دمشق", "عاصمة مصر القاهرة", "نهر النيل في مصر",
                                 "مدينة قديمة على النهر", "سوق المدينة", "جبل عال")]
    vocab: dict[str, int] = {}
    index = BM25Index()
    index.add(range(len(docs)), [[vocab.setdefault(t, len(vocab)) for t in d] for d in docs])
    vmap = VariantMap()
    vmap.sync(list(vocab))
    idf = {t: index.idf(vocab[t]) for t in analyze("عاصمة سوريا")}
    candidates = [("دمشق", "عاصمة سوريا", 1.0), ("سوريا", "دمشق عاصمة", 0.9)]
    order = rerank("ما عاصمة سوريا؟", candidates, index=index, vmap=vmap, idf=idf)
    assert [i for i, _ in order] == [1, 0]


# --------------------------------------------------------------------------- question words


@pytest.mark.parametrize("word", ["ما", "ماذا", "من", "متى", "كم", "هل", "كيف", "لماذا",
                                  "أين", "أي", "بأي", "لأي", "وكيف", "ومتى"])
def test_question_words_weigh_nothing(word: str) -> None:
    assert analyze(word) == []
    assert analyze(f"{word} الاجتماع؟") == analyze("الاجتماع")


@pytest.mark.parametrize("question, kept", [
    ("ما اسم القاعدة؟", ["قاعد"]),
    ("كم عدد السكان؟", ["سكان"]),
    ("ما هو اسم الصاروخ؟", ["صاروخ"]),
    ("اسم القاعدة", ["اسم", "قاعد"]),  # not a question frame: "اسم" is content here
])
def test_an_answer_type_noun_after_a_question_word_weighs_nothing(question, kept) -> None:
    assert analyze_question(question) == kept


async def test_a_question_word_alone_is_not_searchable(engine: Marsad) -> None:
    answer = await engine.answer("ماذا؟", k=3)
    assert not answer.searchable and not answer.answered


# --------------------------------------------------------------------------- best sentence


async def test_the_sentence_field_is_the_best_sentence_of_the_hit(engine: Marsad) -> None:
    question = "ماذا قال كيم عن الإمبريالية؟"
    answer = await engine.answer(question, k=3)
    hit = answer.hits[0]
    assert hit.sentence and hit.sentence in split_sentences(hit.text)
    assert "الإمبريالية" in hit.sentence
    assert hit.to_json()["sentence"] == hit.sentence


def test_best_sentence_counts_a_variant_spelling() -> None:
    text = "وصل الزعيم بالقطار. عقد الاجتماع في فوستوتشني."
    weights = {"فوستوشن": 3.0, "اجتماع": 1.0}
    assert best_sentence(text, weights) == "عقد الاجتماع في فوستوتشني."
    assert best_sentence("وصل الزعيم. زار فوستوتشني.", {"فوستوشن": 3.0},
                         {"فوستوشن": frozenset({"فوستوشن", "فوستوتشن"})}) == "زار فوستوتشني."


# --------------------------------------------------------------------------- declining


@pytest.mark.parametrize("question", [
    "ما هي توقعات الطقس غدا في القاهرة؟",
    "من هو مدرب ريال مدريد؟",
    "ما موقف فرنسا من الحرب في أوكرانيا؟",
    "ما هي عاصمة أستراليا؟",
    "متى ولد نابليون بونابرت؟",
])
async def test_out_of_coverage_questions_are_declined(engine: Marsad, question: str) -> None:
    answer = await engine.answer(question, k=3)
    assert not answer.answered
    assert answer.searchable


@pytest.mark.parametrize("question", [
    "ماذا أهدى بوتين إلى كيم؟",
    "بماذا وصفت الدعاية الروسية زيارة كيم؟",
    "ما اسم القاعدة الفضائية التي عقد فيها الاجتماع؟",
])
async def test_covered_questions_are_answered(engine: Marsad, question: str) -> None:
    assert (await engine.answer(question, k=3)).answered


def test_coverage_gives_partial_credit_to_a_near_form() -> None:
    assert similarity("دعا", "دعاء") >= 0.5
    weights = {"دعا": 1.0, "مدريد": 1.0}
    assert coverage("القنوات الدعائية", weights) == pytest.approx(similarity("دعا", "دعاء") / 2)
    assert coverage("ريال مدريد", {"مدريد": 2.0, "مدرب": 2.0}) == pytest.approx(0.5)


# --------------------------------------------------------------------------- committed sets


async def test_seeds_dev_set(engine: Marsad, data_dir) -> None:
    path = data_dir / "seeds-dev.jsonl"
    result = await eval_questions(engine, load_questions(path))
    assert result["answer@1"] >= 0.9, result["failures"]
    assert result["answer@3"] == 1.0, result["failures"]
    assert result["abstained"] == result["abstain"]
    assert result["declined"] <= 1


async def test_arcd_questions_are_declined_against_the_seeds(engine: Marsad, data_dir):
    path = data_dir / "arcd-train.json"
    _, questions = load_squad(path)
    answered = [q.question for q in questions if (await engine.answer(q.question, 3)).answered]
    assert len(answered) <= 0.05 * len(questions), answered[:10]


async def test_arcd_retrieval(data_dir, tmp_path) -> None:
    path = data_dir / "arcd-train.json"
    articles, questions = load_squad(path)
    async with await Marsad.open(tmp_path / "arcd.db") as engine:
        await engine.ingest(articles)
        result = await eval_squad(engine, questions)
    # measured 0.768 / 0.977 / 0.861; the floors are issue 4's targets
    assert result["P@1"] >= 0.76, json.dumps(result)
    assert result["R@5"] >= 0.97, json.dumps(result)
    assert result["MRR@10"] >= 0.85, json.dumps(result)
