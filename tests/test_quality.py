"""Retrieval quality: spelling variants, question words, best sentence, declining, ARCD."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields

import numpy as np
import pytest

from retrieval.analysis import analyze, analyze_question
from retrieval.articles import iter_articles
from retrieval.decide import coverage, similarity
from retrieval.engine import Marsad, best_sentence
from retrieval.evaluate import (
    SquadQuestion,
    eval_declines,
    eval_questions,
    eval_squad,
    load_questions,
    load_squad,
)
from retrieval.index import BM25Index
from retrieval.model import Article
from retrieval.passages import split_passages, split_sentences
from retrieval.rerank import Candidate, Weights, brevity, rerank
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
    def candidate(title: str, text: str, bm25: float) -> Candidate:
        head = [vocab[t] for t in analyze(title)]
        return Candidate(title, text, bm25, np.array(head + [vocab[t] for t in analyze(text)]),
                         len(head))

    candidates = [candidate("دمشق", "عاصمة سوريا", 1.0), candidate("سوريا", "دمشق عاصمة", 0.9)]
    order = rerank("ما عاصمة سوريا؟", candidates, index=index, vmap=vmap, vocab=vocab, idf=idf)
    assert [i for i, _ in order] == [1, 0]


_FILLER = " وتضم المدينة أسواقا قديمة ومساجد ومتاحف وحدائق عامة ومسارح ومكتبات ومدارس كثيرة."


def _rerank_texts(question: str, texts: list[str], bm25: list[float],
                  weights: Weights | None = None) -> list[int]:
    """Candidate order of `texts` (all titled «سوريا»), indexed with a few other passages."""
    title = "سوريا"
    docs = [analyze(title) + analyze(t) for t in [*texts, "نهر النيل في مصر.", "جبل عال."]]
    vocab: dict[str, int] = {}
    index = BM25Index()
    index.add(range(len(docs)), [[vocab.setdefault(t, len(vocab)) for t in d] for d in docs])
    vmap = VariantMap()
    vmap.sync(list(vocab))
    idf = {t: index.idf(vocab[t]) for t in analyze(question) if t in vocab}
    head = [vocab[t] for t in analyze(title)]
    candidates = [Candidate(title, text, score, np.array(
        head + [vocab[t] for t in analyze(text)]), len(head))
        for text, score in zip(texts, bm25, strict=True)]
    order = rerank(question, candidates, index=index, vmap=vmap, vocab=vocab, idf=idf,
                   weights=weights)
    return [i for i, _ in order]


@pytest.mark.parametrize("extra", [1, 3, 6])
def test_brevity_grows_as_a_passage_is_shorter_than_the_longest(extra: int) -> None:
    texts = ["دمشق عاصمة سوريا.", "دمشق عاصمة سوريا." + _FILLER, "دمشق." + _FILLER * (extra + 1)]
    candidates = [Candidate("عنوان طويل جدا لا يحسب", t, 1.0, np.arange(len(analyze(t)) + 5), 5)
                  for t in texts]
    values = brevity(candidates)
    assert values[2] == pytest.approx(0.0)  # the longest
    assert values[0] > values[1] > 0.0
    assert len(brevity([])) == 0


@pytest.mark.parametrize("question", ["ما عاصمة سوريا؟", "أين تقع دمشق؟", "دمشق"])
def test_of_passages_that_match_alike_brevity_puts_the_shorter_first(question: str) -> None:
    """The same statement, alone or padded with sentences about something else: with the
    other signals off, brevity alone ranks the short one first, whatever BM25 said."""
    texts = ["دمشق عاصمة سوريا وتقع في جنوبها." + _FILLER * 2, "دمشق عاصمة سوريا وتقع في جنوبها."]
    only = Weights(**{f.name: 0.0 for f in fields(Weights)} | {"brevity": 1.0})
    assert _rerank_texts(question, texts, [1.0, 0.5], only) == [1, 0]


@pytest.mark.parametrize("question, answering", [
    ("ما عاصمة سوريا؟", "دمشق عاصمة سوريا وأكبر مدنها."),
    ("متى استقلت سوريا؟", "استقلت سوريا عام 1946 بعد جلاء القوات الفرنسية."),
    ("كم عدد سكان سوريا؟", "يبلغ عدد سكان سوريا نحو 22 مليون نسمة."),
])
def test_a_shorter_passage_does_not_outrank_a_longer_one_that_answers(
        question: str, answering: str) -> None:
    """Brevity breaks near ties; it never lifts a short passage that lacks what is asked
    over a long one that holds it."""
    texts = [answering + _FILLER * 3, "سوريا بلد عربي."]
    assert _rerank_texts(question, texts, [1.0, 0.8])[0] == 0


@pytest.mark.parametrize("question, answering, other", [
    ("ما عاصمة الجمهورية الإيرانية؟", "طهران هي عاصمة إيران.",
     "الجمهورية الجديدة تحمي الجمهورية."),
    ("أين يعيش الشعب اللبناني؟", "يعيش معظم سكان لبنان في المدن الساحلية.",
     "الشعب هو الشعب."),
    ("متى تأسست الدولة العثمانية؟", "تأسست دولة آل عثمان عام 1299 في الأناضول.",
     "الدولة هي الدولة."),
    ("ما اللغة الرسمية السودانية؟", "العربية هي اللغة الرسمية في السودان.",
     "اللغة لغة واللغة لسان."),
])
async def test_a_question_naming_the_adjective_finds_the_passage_naming_the_noun(
        tmp_path, question: str, answering: str, other: str) -> None:
    """«الإيرانية» in a question, «إيران» in the passage that answers: they analyse alike,
    so that passage leads, not one repeating the question's other words."""
    articles = [Article(f"a{i}", "مقال", "وكالة الاختبار", None, (text,))
                for i, text in enumerate([other, answering, "نهر النيل في مصر.", "جبل عال."])]
    async with await Marsad.open(tmp_path / "m.db") as engine:
        await engine.ingest(articles)
        answer = await engine.answer(question, k=3)
    assert answer.hits and answer.hits[0].text == answering, [h.text for h in answer.hits]


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


QUESTION_KINDS = {"plain", "paraphrase", "dialect", "latin", "typo", "short", "keyboard",
                  "foreign"}


def _seed_passages(seeds_dir) -> list[str]:
    """The passage texts Marsad indexes from the seeds (article text, no furniture it drops)."""
    return [text for a in iter_articles([seeds_dir]) if isinstance(a, Article)
            for text in split_passages(a.paragraphs)]


def test_every_key_of_the_seed_questions_is_in_a_seed_passage(seeds_dir, data_dir) -> None:
    passages = _seed_passages(seeds_dir)
    items = load_questions(data_dir / "seeds-questions.jsonl")
    assert len(items) >= 150
    missing = [(i["q"], k) for i in items for k in i["keys"] if not any(k in p for p in passages)]
    assert not missing, missing
    kinds = Counter(i["kind"] for i in items)
    assert set(kinds) == QUESTION_KINDS, kinds
    foreign = [i for i in items if i["kind"] == "foreign"]
    assert len(foreign) >= 15 and {i.get("language") for i in foreign} == {"en", "fr"}
    assert all("language" not in i for i in items if i["kind"] != "foreign")
    assert len({i["q"] for i in items}) == len(items), "a question is listed twice"


def test_near_misses_are_all_to_be_declined(data_dir) -> None:
    items = load_questions(data_dir / "seeds-near-misses.jsonl")
    assert len(items) >= 80
    assert all(i.get("abstain") is True and not i.get("keys") for i in items)
    assert Counter(i["kind"] for i in items).keys() == {"near-miss", "off-topic"}
    answerable = {i["q"] for i in load_questions(data_dir / "seeds-questions.jsonl")}
    assert not answerable & {i["q"] for i in items}


async def test_seeds_dev_set(engine: Marsad, data_dir) -> None:
    result = await eval_questions(engine, load_questions(data_dir / "seeds-dev.jsonl"))
    assert result["answerable"]["answer@1"] >= 0.9, result["failures"]
    assert result["answerable"]["answer@3"] == pytest.approx(1.0), result["failures"]
    assert result["abstain"]["correct_declines"] == result["abstain"]["questions"]
    assert result["answerable"]["false_declines"] <= 1


async def test_seed_questions_top_passage(engine: Marsad, data_dir) -> None:
    """seeds-questions.jsonl through answer(): the top passage holds a key (answered) for
    0.856 of its 187 questions when measured (issue 12, the actor and means cues in
    rerank.py; 0.824 before them); floors just under."""
    result = await eval_questions(engine, load_questions(data_dir / "seeds-questions.jsonl"))
    # 0.831 all merged; 0.843 with the fifth round's type-noun, cause and pairs cues
    assert result["answerable"]["answer@1"] >= 0.84, result["failures"]
    assert result["kinds"]["plain"]["answer@1"] >= 0.92, result["failures"]
    assert result["kinds"]["latin"]["answer@1"] >= 0.75, result["failures"]  # 0.788 merged


HEALTH = Article("health", "بيان رسمي", "وكالة أ", None,
                 ("قالت وزارة الصحة إن عدد الإصابات بالحمى ارتفع إلى مئة حالة في المدينة.",))
BRIDGE = Article("bridge", "افتتاح", "وكالة ب", None,
                 ("افتتحت البلدية جسرا جديدا فوق النهر يختصر الطريق إلى السوق بنصف ساعة.",))


async def test_question_outcomes_right_wrong_declined_and_foreign(tmp_path) -> None:
    said = HEALTH.paragraphs[0]
    items = [
        {"q": said, "keys": ["الإصابات"], "kind": "plain"},
        {"q": said, "keys": ["جسرا جديدا"], "kind": "plain"},  # answered, top hit lacks the key
        {"q": "من فاز بكأس العالم لكرة القدم؟", "abstain": True, "kind": "off-topic"},
        {"q": "What did the health ministry say about the fever?", "keys": ["الإصابات"],
         "language": "en", "kind": "foreign"},  # the reader is told to ask in Arabic: right
        {"q": "What did the health ministry say about the fever?", "keys": ["الإصابات"],
         "language": "fr", "kind": "foreign"},  # another language expected: a silent decline
    ]
    async with await Marsad.open(tmp_path / "m.db") as engine:
        await engine.ingest([HEALTH, BRIDGE])
        result = await eval_questions(engine, items)
    plain, foreign = result["kinds"]["plain"], result["kinds"]["foreign"]
    assert plain["answer@1"] == pytest.approx(0.5) and plain["wrong_answers"] == 1
    assert plain["false_declines"] == 0
    assert foreign["answer@1"] == pytest.approx(0.5) and foreign["false_declines"] == 1
    assert result["kinds"]["off-topic"]["correct_declines"] == 1
    assert result["answerable"]["questions"] == 4 and result["abstain"]["questions"] == 1
    failures = {(f["kind"], f["outcome"]) for f in result["failures"]}
    assert failures == {("plain", "wrong"), ("foreign", "declined")}, result["failures"]


async def test_a_passage_credited_under_another_hit_is_not_a_hit(engine: Marsad,
                                                                 data_dir) -> None:
    """The seeds carry the same statements in several outlets: the copies are credited in
    `also_reported_by`, never shown, so an evaluation must not count them as found."""
    credited_only = []
    for item in load_questions(data_dir / "seeds-questions.jsonl")[:40]:
        answer = await engine.answer(item["q"], k=10)
        shown = {h.article_id for h in answer.hits}
        credited_only += [SquadQuestion(item["q"], c.article_id)
                          for h in answer.hits for c in h.also_reported_by
                          if c.article_id not in shown]
    assert credited_only, "expected statements the seeds carry in more than one outlet"
    result = await eval_squad(engine, credited_only)
    assert result["R@5"] == pytest.approx(0) and result["MRR@10"] == pytest.approx(0)
    assert len(result["failures"]) == len(credited_only)
    assert all(f["rank"] is None for f in result["failures"])


async def test_arcd_questions_are_declined_against_the_seeds(engine: Marsad, data_dir):
    _, questions = load_squad(data_dir / "arcd-train.json")
    result = await eval_declines(engine, (q.question for q in questions))
    assert result["questions"] == len(questions)
    # measured through answer(): 677 of 693 declined (0.977) with the calibrated decision
    # and its answer-type and predicate signals (675, 0.974, before them; decide.py states
    # its trade-off; the coverage-share rule it replaced declined 0.991; 686, 0.990, with
    # the sixth round's signals; 678, 0.978, on lead10's merge and after decide12's refit)
    # (as a count: 677 / 693 is 0.97691, under the 0.977 it was rounded to)
    assert result["declined_count"] >= 677, [f["question"] for f in result["failures"]][:10]
    assert len(result["failures"]) == result["questions"] - result["declined_count"]


async def test_arcd_retrieval(data_dir, tmp_path) -> None:
    """What users see on ARCD train: top-level hits of answer(q, k=10), declines counted."""
    articles, questions = load_squad(data_dir / "arcd-train.json")
    async with await Marsad.open(tmp_path / "arcd.db") as engine:
        await engine.ingest(articles)
        result = await eval_squad(engine, questions, articles)
    # measured 0.776 / 0.952 / 0.855, 1.9% declined (2.0% with aliases.py's titles; rerank
    # weights fitted listwise under grouped 5-fold CV, benchmarks/rank_cv.py); ARCD test
    # targets P@1 >= 0.78 (sixth round's decision: 0.779 / 0.952 / 0.857, 1.6% declined),
    # MRR@10 >= 0.85, <= 3% declined; the sixth round merged: 0.781 / 0.952 / 0.857, 2.0%
    # declined (14 of 693: the decision's 2% ARCD cap binds held out, 2.0% there)
    figures = {k: result[k] for k in ("P@1", "R@5", "MRR@10", "declined")}
    assert result["P@1"] >= 0.775, figures
    assert result["R@5"] >= 0.95, figures
    assert result["MRR@10"] >= 0.85, figures
    assert result["declined"] <= 0.025, figures
    assert all(f["expected"]["text"] for f in result["failures"]), "the gold paragraph quoted"
