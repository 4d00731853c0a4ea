"""Corroboration: which outlets carried the same statement, found at ingest, shown once."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pytest

from retrieval import corroborate, grouping
from retrieval.analysis import analyze
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.store import SCHEMA_VERSION

SKY, ARABY, ITTIHAD, SAHWA = "000_3709f080d7caa3b5", "001_6abf5aa8ef46f725", \
    "002_8bd87385d959e3d9", "003_81250df353619dc4"
UNKNOWN = "004_2dc0d43aa74d0617"


def similarity(engine: Marsad, a: str, b: str) -> float:
    weight = corroborate.idf_weight(engine.index, engine.vocab)
    return corroborate.same_statement(frozenset(analyze(a)), frozenset(analyze(b)), weight)


MUST_MATCH = [
    pytest.param(  # the gift statement: Sky News one sentence, Al-Araby two
        'وأفاد الناطق باسم الكرملين دميتري بيسكوف بأن بوتين "أعطى كيم بندقية من إنتاجنا تعد '
        'من أفضل نوعية، تلقى في المقابل، بندقية مصنوعة في كوريا الشمالية"، مضيفا أن بوتين '
        'أهدى كيم أيضا "قفازا يعد جزءا من بزة استُخدمت في الفضاء مرّات عدة".',
        'وأفاد الناطق باسم الكرملين دميتري بيسكوف الصحافيين بأن بوتين "أعطى (كيم) بندقية من '
        'إنتاجنا تعد من أفضل نوعية.', id="gift-statement"),
    pytest.param(  # the Kim quote: one paragraph in Sky News, a line of its own in Sahwa News
        "سندعم دائما قرارات الرئيس بوتين والقيادة الروسية، سنخوض معا الحرب ضد الإمبريالية.",
        "سندعم دائما قرارات الرئيس بوتين والقيادة الروسية، سنخوض معا الحرب ضد الإمبريالية.",
        id="kim-quote"),
    pytest.param(  # reworded: the invitation accepted "بسرور"
        'وبحسب بيسكوف قبل بوتين "بسرور" دعوة كيم لزيارة كوريا الشمالية، لافتا إلى أن زيارة '
        'كيم إلى روسيا ستستمر "بضع أيام أخرى".',
        'وقبل بوتين "بسرور" دعوة كيم لزيارة كوريا الشمالية، بحسب بيسكوف الذي لفت إلى أن زيارة '
        'الزعيم الكوري الشمالي إلى روسيا ستستمر "بضع أيام أخرى".', id="invitation"),
]

MUST_NOT_MATCH = [
    pytest.param(
        "مقطع فيديو يرصد لحظة استقبال بوتين لزعيم كوريا الشمالية كيم جونغ أون في قاعدة "
        "فوستوتشني الفضائية (الصورة: غيتي)",
        "التقى الرئيس الروسي فلاديمير بوتين وزعيم كوريا الشمالية كيم جونغ أون، الأربعاء، في "
        "قاعدة مطار فوستوتشني الفضائية الواقعة في مقاطعة آمور الروسية.", id="meeting-vs-video"),
    pytest.param(
        "وكان بوتين أول رئيس روسي يزور كوريا الشمالية في العام 2000، عندما كان يرأسها كيم "
        "جونغ إيل، والد الزعيم الحالي.",
        "ويزور زعيم كوريا الشمالية كيم جونغ أون، روسيا للمرة الأولى منذ عام 2019، ووصل إلى "
        "روسيا عبر قطار مدرّع.", id="two-visits"),
    pytest.param(
        'أهدى كل من الرئيس الروسي، فلاديمير بوتين، والزعيم الكوري الشمالي، كيم جونغ أون، الآخر '
        'بندقية بعد الاجتماع الذي عقداه في أقصى شرق روسيا، وفق ما أعلن الكرملين الخميس.',
        "وقال الرئيس الروسي: إن الزعيم الكوري الشمالي سيزور أيضًا مصانع معدات طيران \"مدنية "
        "وعسكرية\" في الشرق الأقصى.", id="rifles-vs-factories"),
]


@pytest.mark.parametrize(("a", "b"), MUST_MATCH)
async def test_the_same_statement_matches(engine, a, b):
    assert similarity(engine, a, b) >= corroborate.SAME_STATEMENT
    assert similarity(engine, b, a) >= corroborate.SAME_STATEMENT


@pytest.mark.parametrize(("a", "b"), MUST_NOT_MATCH)
async def test_different_statements_sharing_names_do_not(engine, a, b):
    # both in the corpus, as when corroboration compares them (a caption, e.g., no longer is)
    await engine.ingest([Article(f"statement-{i}", "خبر", None, None, (text,))
                         for i, text in enumerate((a, b))])
    assert similarity(engine, a, b) < corroborate.SAME_STATEMENT


async def linked_articles(engine: Marsad) -> set[frozenset[str]]:
    rows = await engine.store.db.execute_fetchall(
        "SELECT pa.article_id, pb.article_id FROM corroborations c "
        "JOIN passages pa ON pa.id = c.passage JOIN passages pb ON pb.id = c.other")
    return {frozenset(r) for r in rows}


async def test_ingest_links_the_seed_statements_other_outlets_carried(engine):
    linked = await linked_articles(engine)
    assert frozenset({SKY, ARABY}) in linked  # gift statement, invitation
    assert frozenset({SKY, SAHWA}) in linked  # the Kim quote
    assert frozenset({SKY, ITTIHAD}) not in linked
    assert all(len(pair) <= 2 for pair in linked)


def sources_credited(hit) -> set[str | None]:
    return {hit.source} | {c.source for c in hit.also_reported_by}


async def test_the_gift_statement_credits_sky_news_and_al_araby(engine):
    answer = await engine.answer("ماذا قال بيسكوف عن البندقية التي أعطاها بوتين لكيم؟")
    hit = next(h for h in answer.hits if "من إنتاجنا" in h.text)
    assert {"سكاي نيوز عربية", "العربي - أ ف ب"} <= sources_credited(hit)
    assert [c.date for c in hit.also_reported_by if c.date] == sorted(
        c.date for c in hit.also_reported_by if c.date)


@pytest.mark.parametrize("question", ["ماذا قال كيم عن الإمبريالية؟",
                                      "ماذا قال كيم عن العلاقة مع روسيا والتقنيات الفضائية؟"])
async def test_the_kim_quote_credits_sky_news_and_sahwa_news(engine, question):
    answer = await engine.answer(question)
    assert answer.answered
    assert {"سكاي نيوز عربية", "صحوة نيوز"} <= sources_credited(answer.hits[0])
    assert {c.date for c in answer.hits[0].also_reported_by} <= {None, dt.date(2023, 9, 14)}


def carried(mine: frozenset[str], theirs: frozenset[str], weight) -> float:
    """The share of `mine`'s idf weight that `theirs` holds, term by term (near forms count
    in proportion to their trigram similarity): the slow definition grouping.py computes."""
    total = sum(weight(t) for t in mine)
    if total <= 0:
        return 0.0
    held = 0.0
    for term in mine:
        if term in theirs:
            held += weight(term)
            continue
        best = max((similarity_of(term, other) for other in theirs), default=0.0)
        if best >= corroborate.SOFT_TERM:
            held += weight(term) * best
    return held / total


def similarity_of(a: str, b: str) -> float:
    from retrieval.decide import similarity as trigram_similarity

    return trigram_similarity(a, b)


def hidden_statement(a, b, weight, question_terms: set[str]) -> bool:
    """Would hit `b` (ranked after `a`) be collapsed into `a`: `a` carries b's statement
    and b holds no question term that a lacks."""
    mine, theirs = frozenset(analyze(b.text)), frozenset(analyze(a.text))
    if min(len(mine), len(theirs)) < corroborate.MIN_TERMS:
        return False
    limit = grouping.SAME_ARTICLE_DUPLICATE if a.article_id == b.article_id else \
        grouping.NEAR_DUPLICATE
    return carried(mine, theirs, weight) >= limit and not (question_terms & mine) - theirs


@pytest.mark.parametrize("question", [
    "ماذا أهدى بوتين لكيم؟", "ماذا قال بيسكوف عن البندقية؟", "ماذا قال كيم عن الإمبريالية؟",
    "هل قبل بوتين دعوة كيم لزيارة كوريا الشمالية؟", "قاعدة فوستوشني الفضائية",
    "أشاد الرئيس الروسي بتعزيز علاقات التعاون والصداقة", "ثقة كيم بأن موسكو ستحقق نصرا كبيرا",
])
async def test_no_hit_repeats_what_an_earlier_hit_already_carries(engine, question):
    hits = (await engine.answer(question, k=6)).hits
    weight = corroborate.idf_weight(engine.index, engine.vocab)
    asked = set(analyze(question))
    for i, a in enumerate(hits):
        for b in hits[i + 1:]:
            assert not hidden_statement(a, b, weight, asked), (a.text[:60], b.text[:60])
        assert a.article_id not in {c.article_id for c in a.also_reported_by}


async def test_the_same_article_saying_the_gift_twice_is_shown_once(engine):
    hits = (await engine.answer("ماذا أهدى بوتين لكيم؟", k=5)).hits
    glove_and_rifle = [h for h in hits if h.article_id == UNKNOWN and "قفاز" in h.text
                       and "أهدى فلاديمير بوتين" in h.text]
    assert len(glove_and_rifle) == 1


STATEMENT = ("أعلنت وزارة الزراعة أن محصول القمح هذا العام بلغ أربعة ملايين طن بزيادة عشرين "
             "بالمئة عن العام الماضي بفضل الأمطار الغزيرة في الشمال.")


async def test_the_best_instance_has_a_known_outlet_and_date(engine):
    anonymous = Article("wheat-a", "محصول القمح", None, None, (STATEMENT,))
    known = Article("wheat-b", "محصول قياسي من القمح", "وكالة الحصاد", dt.date(2024, 6, 1),
                    (STATEMENT.replace("أعلنت", "وأعلنت"),))
    await engine.ingest([anonymous, known])
    answer = await engine.answer("كم بلغ محصول القمح هذا العام؟")
    wheat = [h for h in answer.hits if h.article_id.startswith("wheat-")]
    assert len(wheat) == 1
    assert (wheat[0].source, wheat[0].date) == ("وكالة الحصاد", dt.date(2024, 6, 1))
    assert [c.article_id for c in wheat[0].also_reported_by] == ["wheat-a"]


async def test_links_follow_articles_replaced_and_added_later(engine):
    first = Article("wheat-a", "محصول القمح", "صحيفة الحقول", dt.date(2024, 6, 1), (STATEMENT,))
    await engine.ingest([first])
    later = Article("wheat-b", "القمح", "إذاعة السنابل", dt.date(2024, 6, 2),
                    ("وقالت الإذاعة: " + STATEMENT,))
    await engine.ingest([later])  # a later ingest finds the earlier article
    assert frozenset({"wheat-a", "wheat-b"}) in await linked_articles(engine)
    changed = Article("wheat-b", "القمح", "إذاعة السنابل", dt.date(2024, 6, 2),
                      ("تساقطت الثلوج على قمم الجبال في أول أيام الشتاء مبكرا هذا العام.",))
    await engine.ingest([changed])  # replaced: its old links are gone with its passages
    assert frozenset({"wheat-a", "wheat-b"}) not in await linked_articles(engine)


@pytest.mark.parametrize("added", [
    "، مضيفا أن الصادرات ستتضاعف خلال الموسم المقبل",
    " وسط توقعات المزارعين بانخفاض أسعار الخبز والطحين",
    "، وهو أعلى رقم تسجله المديرية منذ تأسيسها قبل عقدين",
])
@pytest.mark.parametrize("together", [True, False])
async def test_a_later_copy_adding_words_credits_the_earlier_outlet(engine, added, together):
    """An outlet that carries a statement and adds words of its own to the same sentence is
    credited with the earlier outlet's copy whether both arrive in one ingest or in two (as
    `marsad follow` brings them): its rarest words are the added ones, which no older
    passage holds, and they must not be what the older copy is looked for by."""
    first = Article("wheat-a", "محصول القمح", "صحيفة الحقول", dt.date(2024, 6, 1), (STATEMENT,))
    longer = STATEMENT.removesuffix(".") + added + "."
    later = Article("wheat-b", "القمح", "إذاعة السنابل", dt.date(2024, 6, 2), (longer,))
    if together:
        await engine.ingest([first, later])
    else:
        await engine.ingest([first])
        await engine.ingest([later])
    assert frozenset({"wheat-a", "wheat-b"}) in await linked_articles(engine)


async def test_a_version_1_database_gains_the_tables_and_the_links(seeds_copy, tmp_path):
    path = tmp_path / "old.db"
    engine = await Marsad.open(path, seeds=seeds_copy)
    await engine.close()
    db = sqlite3.connect(path)  # what a database from before corroboration looks like
    db.executescript("DROP TABLE corroborations; DROP TABLE feedback; "
                     "DELETE FROM meta WHERE key = 'corroborated_upto'; "
                     "UPDATE meta SET value = '1' WHERE key = 'schema_version';")
    db.close()
    reopened = await Marsad.open(path)
    try:
        assert await reopened.store.meta("schema_version") == str(SCHEMA_VERSION)
        assert frozenset({SKY, SAHWA}) in await linked_articles(reopened)
        assert await reopened.feedback_summary() == []
    finally:
        await reopened.close()


def test_unrelated_passages_are_never_compared():
    """Candidates come from shared rare terms: passages sharing only common words are not
    candidates of each other (so nothing is compared all-pairs)."""
    from retrieval.index import BM25Index

    index = BM25Index()
    common = list(range(10))  # words every passage has
    docs = [np.array(common + [100 + 10 * i + j for j in range(8)], "int32")
            for i in range(50)]
    index.add(list(range(1, 51)), docs)
    texts = [" ".join(f"w{t}" for t in d) for d in docs]
    assert corroborate.candidates(index, list(range(1, 51)), texts, np.concatenate(docs),
                                  [len(d) for d in docs], [0] * 50) == {}
    # a passage repeating another's rare words is a candidate of it
    copy = np.array(list(docs[7]), "int32")
    index.add([51], [copy])
    found = corroborate.candidates(index, [51], [texts[7]], copy, [len(copy)], [0])
    assert found == {(51, 0): [8]}


def reference_groups(ranked, k, weight, question: str):
    """grouping.group_duplicates as defined: term by term, passage by passage (the slow
    way): a passage joins the first group whose first passage carries its statement and
    holds every question term it holds."""
    groups, firsts = [], []
    asked = set(analyze(question))
    for passage, score in ranked:
        for group, first in zip(groups, firsts, strict=True):
            if hidden_statement(first, passage, weight, asked):
                group.members.append((passage, score))
                group.credited.append(passage)
                if hidden_statement(passage, first, weight, set()):
                    group.equivalent.append(passage)
                break
        else:
            if len(groups) < k:
                groups.append(grouping.Group([(passage, score)], [], []))
                firsts.append(passage)
    return groups


@pytest.mark.parametrize("question", ["ماذا أهدى بوتين لكيم؟", "ماذا قال كيم عن الإمبريالية؟",
                                      "قاعدة فوستوشني الفضائية"])
async def test_grouping_all_pairs_at_once_equals_comparing_term_by_term(engine, question):
    ranked = await engine.ranked(question, 36)
    weight = corroborate.idf_weight(engine.index, engine.vocab)
    asked = engine._analyse(question)
    for k in (3, 9):
        fast = grouping.group_duplicates(ranked, k, engine.index, engine.terms,
                                         asked.query.groups_by_term())
        slow = reference_groups(ranked, k, weight, question)
        assert [([p.id for p, _ in g.members], [p.id for p in g.credited],
                 [p.id for p in g.equivalent]) for g in fast] == \
            [([p.id for p, _ in g.members], [p.id for p in g.credited],
              [p.id for p in g.equivalent]) for g in slow]


async def seed_sentences(engine: Marsad) -> list[frozenset[str]]:
    rows = await engine.store.db.execute_fetchall("SELECT text FROM passages ORDER BY id")
    return [t for (text,) in rows for _, t in corroborate.sentences_of(text)
            if len(t) >= corroborate.MIN_TERMS]


async def test_scoring_all_pairs_at_once_equals_comparing_term_by_term(engine):
    sentences = await seed_sentences(engine)
    weight = corroborate.idf_weight(engine.index, engine.vocab)
    a = [x for x in sentences for _ in sentences]
    b = [y for _ in sentences for y in sentences]
    fast = corroborate._pair_scores(a, b, weight)
    slow = [corroborate.containment(x, y, weight) for x, y in zip(a, b, strict=True)]
    assert fast == pytest.approx(slow, abs=1e-9)
    assert (fast >= corroborate.SAME_STATEMENT).sum() > len(sentences)  # not only a == b


def test_work_per_sentence_is_bounded(monkeypatch):
    """However many passages share a sentence's rare words, it is compared with at most
    MAX_CANDIDATES of them (their sentences each); two anchors shared by chance are not
    enough to be compared at all."""
    from retrieval.index import BM25Index

    index = BM25Index()
    common, statement = [0, 1, 2, 3], [100, 101, 102, 103]  # the statement's words: rare
    n = 3 * corroborate.MAX_CANDIDATES
    docs = [np.array(common + statement + [1000 + 10 * i + j for j in range(6)], "int32")
            for i in range(n)]
    # passages holding two of the statement's words, by chance
    docs += [np.array(common + statement[2:] + [5000 + 10 * i + j for j in range(6)],
                      "int32") for i in range(n)]
    index.add(list(range(1, 2 * n + 1)), docs)
    copy = np.array(common + statement, "int32")
    index.add([2 * n + 1], [copy])
    # and passages on other subjects: no word here is in every passage
    index.add(list(range(2 * n + 2, 3 * n + 2)),
              [np.array([9000 + 10 * i + j for j in range(8)], "int32") for i in range(n)])
    found = corroborate.candidates(index, [2 * n + 1], ["x"], copy, [len(copy)], [0])
    assert list(found) == [(2 * n + 1, 0)]
    others = found[(2 * n + 1, 0)]
    assert len(others) == corroborate.MAX_CANDIDATES
    assert all(o <= n for o in others)  # the chance sharers are never candidates
    alone = BM25Index()  # ... even when no better candidate is there
    alone.add(list(range(n + 1, 2 * n + 2)), [*docs[n:], copy])
    assert corroborate.candidates(alone, [2 * n + 1], ["x"], copy, [len(copy)], [0]) == {}

    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    words = [a + b + c for a in letters[:8] for b in letters[8:16] for c in letters[16:]]
    sentence = " ".join(words[:8]) + "."
    texts = {slot: f"{sentence} {' '.join(words[10 * slot:10 * slot + 8])}."
             for slot in range(1, 2 * n + 2)}
    compared = []
    score = corroborate._pair_scores
    monkeypatch.setattr(corroborate, "_pair_scores",
                        lambda a, b, w: compared.append(len(a)) or score(a, b, w))
    links = corroborate.find_links(found, texts, lambda term: 1.0)
    assert compared == [2 * corroborate.MAX_CANDIDATES]  # 2 sentences per candidate
    assert {(x.sentence, x.other_sentence) for x in links} == {(0, 0)}
    assert len(links) == corroborate.MAX_CANDIDATES


WHEAT_OUTLETS = ["وكالة الحصاد", "صحيفة الحقول", "إذاعة السنابل", "قناة البيادر", "موقع الغلال",
                 "صحيفة المواسم", "وكالة الري", "إذاعة الوادي", "صحيفة السهل"]
STORAGE = ("ارتفعت أسعار القمح في الأسواق وانخفضت المخزونات لدى التجار واستوعبت الصوامع "
           "المحصول كاملا وتضاعفت الصادرات إلى الخارج واكتملت عمليات الحصاد في المحافظات "
           "الشمالية.")
# the same statement, its verbs in near forms (ارتفع for ارتفعت ...): carried only through
# them
STORAGE_NEAR = " ".join(w[:-1] if w in ("ارتفعت", "وانخفضت", "واستوعبت", "وتضاعفت", "واكتملت")
                        else w for w in STORAGE.split())


@pytest.mark.parametrize("k", [1, 3])
async def test_groups_starting_far_down_the_ranking_are_found_as_defined(engine, k):
    """The first statement printed by more outlets than the near forms are first searched
    for (k + LEAD_SPARE passages): the next statement's group starts further down, its
    copy spelled with near forms is still credited to it, as the slow definition does."""
    await engine.ingest(
        [Article(f"wheat-{i}", "محصول القمح", outlet, dt.date(2024, 6, 1), (STATEMENT,))
         for i, outlet in enumerate(WHEAT_OUTLETS)]
        + [Article("storage-a", "صوامع القمح", "صحيفة الغد", dt.date(2024, 6, 2), (STORAGE,)),
           Article("storage-b", "صوامع القمح", "رؤيا نيوز", dt.date(2024, 6, 3),
                   (STORAGE_NEAR,))])
    question = "كم بلغ محصول القمح هذا العام؟"
    ranked = await engine.ranked(question, 36)
    weight = corroborate.idf_weight(engine.index, engine.vocab)
    asked = engine._analyse(question)
    fast = grouping.group_duplicates(ranked, k + 1, engine.index, engine.terms,
                                     asked.query.groups_by_term())
    slow = reference_groups(ranked, k + 1, weight, question)
    assert [([p.id for p, _ in g.members], [p.id for p in g.credited],
             [p.id for p in g.equivalent]) for g in fast] == \
        [([p.id for p, _ in g.members], [p.id for p in g.credited],
          [p.id for p in g.equivalent]) for g in slow]
    assert len(fast[0].members) == len(WHEAT_OUTLETS)  # one statement, nine outlets
    assert fast[1].first >= k + 1 + grouping.LEAD_SPARE
    storage = [g for g in fast if g.members[0][0].article_id.startswith("storage-")]
    assert [len(g.members) for g in storage] == [2]
