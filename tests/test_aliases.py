"""A question may name someone by a title or an epithet the coverage gives only once, by
apposition («رئيس الوزراء النرويجي يوناس ستوره»), while the passage that answers names him
(«أهدى ستوره ضيفه…»). The title -> name pairs are mined from the indexed passages
(retrieval/aliases.py), so it works for any corpus: the corpora here are invented."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from test_cli import marsad

from retrieval.aliases import AliasTable, count_pairs, mine
from retrieval.analysis import analyze, normalize, tokenize
from retrieval.model import Article
from retrieval.questions import question_terms

# A state visit to Oslo, invented: titles given once, by apposition, then names alone.
OPENING = ("استقبل رئيس الوزراء النرويجي يوناس ستوره، الرئيسة التنزانية سامية حسن في العاصمة "
           "النرويجية أوسلو صباح الاثنين في زيارة رسمية تستمر يومين.")
GIFT = "وأهدى ستوره ضيفته مجسما خشبيا لسفينة فايكنغ مصنوعا يدويا في ورشة محلية."
THANKS = "وشكرت حسن مضيفها على حفاوة الاستقبال ودعته إلى زيارة دار السلام في الربيع."
SPOKESMAN = ("وقال المتحدث باسم الحكومة النرويجية إريك هولم إن البلدين وقعا مذكرة لتبادل "
             "الطلاب.")
STUDENTS = "وأوضح هولم أن المذكرة تتيح لمئتي طالب تنزاني الدراسة في جامعة برغن كل عام."
HARBOUR = "وتفقد الضيوف ميناء أوسلو القديم قبل عشاء رسمي في القصر الملكي."
FISH = "وارتفعت صادرات السلمون إلى أفريقيا بنسبة ثلاثين في المئة خلال العام الماضي."


def _visit() -> list[Article]:
    return [
        Article("oslo-1", "زيارة رسمية إلى أوسلو", "وكالة الشمال", dt.date(2025, 3, 3),
                (OPENING, GIFT, THANKS)),
        Article("oslo-2", "مذكرة تعليم بين البلدين", "صحيفة الفيورد", dt.date(2025, 3, 4),
                (SPOKESMAN, STUDENTS, HARBOUR)),
        Article("trade", "تجارة الأسماك", "صحيفة الفيورد", dt.date(2025, 3, 5), (FISH,)),
    ]


@pytest.fixture
async def visit(engine_over):
    return await engine_over(_visit())


def _terms(words: str) -> tuple[str, ...]:
    return tuple(analyze(words))


# -- mining ---------------------------------------------------------------------------------
def test_apposition_gives_title_and_name():
    table = AliasTable.of(count_pairs([OPENING, SPOKESMAN]))
    assert table.titles[_terms("رئيس الوزراء النرويجي")] == [_terms("يوناس ستوره")]
    assert table.titles[_terms("الرئيسة التنزانية")] == [_terms("سامية حسن")]
    assert table.titles[_terms("المتحدث باسم الحكومة النرويجية")] == [_terms("إريك هولم")]
    # mined: the words after the title, the name among them (AliasTable.of keeps it)
    assert (_terms("العاصمة النرويجية"), _terms("أوسلو صباح")) in mine(OPENING)


def test_a_title_followed_by_a_particle_or_a_phrase_names_no_one():
    assert mine("وقال رئيس الوزراء النرويجي إن الزيارة ناجحة.") == []
    assert mine("وأكد الرئيس الفرنسي، بأن الاتفاق قريب.") == []
    # «ووزير» / «للرئيس»: the head with a clitic still heads a title
    assert mine("ووزير الخارجية الهندي سوبرامنيام جايشانكار")[0][1] == _terms(
        "سوبرامنيام جايشانكار")


def test_the_name_is_what_the_mentions_agree_on():
    texts = ["وصل الرئيس الكيني وليام روتو إلى المطار.",
             "وقال الرئيس الكيني وليام روتو اليوم إن بلاده مستعدة.",
             "وأكد الرئيس الكيني وليام روتو خلال المؤتمر أن التعاون مستمر.",
             "من جهته رحب الرئيس الكيني ببيان القمة."]  # once: «ببيان القمة» is no name
    table = AliasTable.of(count_pairs(texts))
    assert table.titles[_terms("الرئيس الكيني")] == [_terms("وليام روتو")]


def _expand(table: AliasTable, question: str) -> list[set[str]]:
    return [set(names) for _, names in table.expand(
        question_terms(question), tokenize(normalize(question)))]


def test_a_question_title_stands_for_the_mined_name():
    table = AliasTable.of(count_pairs([OPENING, SPOKESMAN]))
    storeh, hassan = set(_terms("يوناس ستوره")), set(_terms("سامية حسن"))
    assert _expand(table, "ماذا أهدى رئيس الوزراء النرويجي لضيفته؟") == [storeh]
    assert _expand(table, "بماذا وعدت الرئيسة التنزانية مضيفها؟") == [hassan]
    # another noun for the person, with the coverage's modifier: «الضيفة التنزانية»
    assert _expand(table, "ماذا قالت الضيفة التنزانية؟") == [hassan]
    assert _expand(table, "ماذا قال الناطق باسم الحكومة النرويجية؟") == [
        set(_terms("إريك هولم"))]
    # the name already asked: nothing to add; a title the coverage never gives: nothing
    assert _expand(table, "ماذا أهدى ستوره رئيس الوزراء النرويجي؟") == []
    assert _expand(table, "ماذا قال رئيس الوزراء السويدي؟") == []


def test_an_epithet_is_resolved_through_the_mined_titles():
    table = AliasTable.of(count_pairs(["التقى الرئيس الروسي فلاديمير بوتين نظيره."]))
    assert _expand(table, "أين التقى سيد الكرملين نظيره؟") == [set(_terms("فلاديمير بوتين"))]
    # a place epithet stands for its name even when no title is mined
    assert _expand(AliasTable(), "ماذا يصدر أرض الكنانة؟") == [set(_terms("مصر"))]


def test_a_dual_stands_for_the_titled_persons():
    table = AliasTable.of(count_pairs([OPENING, OPENING]))
    both = set(_terms("يوناس ستوره")) | set(_terms("سامية حسن"))
    assert _expand(table, "أين التقى الزعيمان؟") == [both]
    assert _expand(table, "ماذا قال الزعيم؟") == []  # a singular with no modifier: no one


# -- answering ------------------------------------------------------------------------------
@pytest.mark.parametrize("question, passage", [
    ("ماذا أهدى رئيس الوزراء النرويجي لضيفته؟", GIFT),
    ("بماذا شكرت الرئيسة التنزانية مضيفها؟", THANKS),
    ("ماذا قالت الضيفة التنزانية لمضيفها؟", THANKS),
    ("كم طالبا تتيح المذكرة بحسب الناطق باسم الحكومة النرويجية؟", STUDENTS),
])
async def test_a_title_in_the_question_reaches_the_passage_naming_the_person(
        visit, question, passage):
    answer = await visit.answer(question)
    assert passage in [h.text for h in answer.hits[:2]]
    asked = visit._analyse(question)
    named = {t for names in asked.aliases.values() for t in names}
    assert named & set(_terms("يوناس ستوره سامية حسن إريك هولم"))


async def test_an_epithet_reaches_the_person_the_coverage_titles(engine_over):
    coverage = await engine_over([Article(
        "summit", "قمة في موسكو", "وكالة الشرق", dt.date(2025, 6, 1), (
            "استقبل الرئيس الروسي فلاديمير بوتين نظيره البرازيلي في موسكو.",
            "وأهدى بوتين ضيفه ساعة جدارية صنعت في مصنع تاريخي.",
            "وناقش الوفدان تجارة الحبوب والأسمدة."))])
    answer = await coverage.answer("ماذا أهدى سيد الكرملين لضيفه؟")
    assert answer.answered
    assert answer.hits[0].text == "وأهدى بوتين ضيفه ساعة جدارية صنعت في مصنع تاريخي."


async def test_a_new_title_is_learned_when_the_corpus_grows_and_forgotten_when_it_shrinks(
        visit):
    question = "ماذا قال وزير الصيد النرويجي عن السلمون؟"
    await visit.answer(question)
    assert not any(visit._titles.expand(visit._analyse(question).terms))
    await visit.ingest([Article(
        "fish-2", "وزير الصيد يزور السوق", "وكالة الشمال", dt.date(2025, 3, 6),
        ("وزار وزير الصيد النرويجي ماريان سيفيرتسن أسواق السمك في الميناء.",
         "وقالت سيفيرتسن إن السلمون النرويجي يصل الآن إلى اثني عشر بلدا أفريقيا."))])
    answer = await visit.answer(question)
    assert answer.answered and normalize("سيفيرتسن إن السلمون") in normalize(
        answer.hits[0].text)
    await visit.remove(["fish-2"])
    await visit.answer(question)
    assert not any(visit._titles.expand(visit._analyse(question).terms))


def test_the_cli_answers_a_title_question_over_an_ingested_corpus(tmp_path: Path):
    corpus = tmp_path / "visit.jsonl"
    corpus.write_text("\n".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
        "text": a.text}, ensure_ascii=False) for a in _visit()), encoding="utf-8")
    db = tmp_path / "visit.db"
    assert marsad("ingest", str(corpus), cwd=tmp_path, db=db).returncode == 0
    run = marsad("ask", "--json", "ماذا أهدى رئيس الوزراء النرويجي لضيفته؟", cwd=tmp_path,
                 db=db)
    line = json.loads(run.stdout)
    assert line["answered"] and line["hits"][0]["text"] == GIFT


def test_mined_pairs_count_each_mention():
    assert count_pairs([OPENING, OPENING])[(_terms("الرئيسة التنزانية"),
                                            _terms("سامية حسن"))] == 2
    assert sum(count_pairs([FISH]).values()) == 0 and Counter() == count_pairs([])


async def test_the_mined_pairs_are_kept_with_the_database_and_a_damaged_copy_is_mined_again(
        tmp_path: Path, monkeypatch):
    from retrieval.aliases import Mined
    from retrieval.engine import TITLES_KEY, Marsad

    mined: list[int] = []  # passages mined, call by call
    add = Mined.add
    monkeypatch.setattr(Mined, "add", lambda self, rows, sign=1: (
        mined.append(len(rows)), add(self, rows, sign)))
    question = "ماذا أهدى رئيس الوزراء النرويجي لضيفته؟"
    async with await Marsad.open(tmp_path / "kept.db") as engine:
        await engine.ingest(_visit())  # mined and kept by the ingest
        first = await engine.answer(question)
        saved = await engine.store.meta(TITLES_KEY)
    assert saved and "ستور" in normalize(saved)
    read = sum(mined)  # the ingest worker mines each passage as it analyses it
    async with await Marsad.open(tmp_path / "kept.db") as engine:
        again = await engine.answer(question)  # read back, not mined again
        await engine.store.set_meta(TITLES_KEY, '{"version": 1, "pairs": [[1]]}')
        await engine.store.commit()
    assert sum(mined) == read
    assert [h.text for h in again.hits] == [h.text for h in first.hits]
    async with await Marsad.open(tmp_path / "kept.db") as engine:
        damaged = await engine.answer(question)  # a damaged copy: mined afresh, not saved
        assert await engine.store.meta(TITLES_KEY) == '{"version": 1, "pairs": [[1]]}'
        # the pairs the ingest counted batch by batch are those of all passages mined at once,
        # in the same order (the alias table reads them in order)
        assert list(engine._mined.pairs.items()) == list(Mined.loads(saved).pairs.items())
    assert [h.text for h in damaged.hits] == [h.text for h in first.hits]
    assert sum(mined) > read


@pytest.mark.parametrize("replaced", [False, True])
async def test_pairs_counted_batch_by_batch_in_the_workers_are_those_mined_at_once(
        tmp_path: Path, monkeypatch, replaced: bool):
    """The ingest workers mine each passage indexed under a head term as they analyse it,
    and the engine counts a batch's pairs in once it is written; an ingest that replaces
    articles leaves the pairs to be mined again. Either way the pairs kept are those of
    the stored passages mined at once, in the same order."""
    import retrieval.ingest
    from retrieval.aliases import Mined
    from retrieval.engine import TITLES_KEY, Marsad

    monkeypatch.setattr(retrieval.ingest, "BATCH_ARTICLES", 2)  # several batches: workers
    articles = [dataclasses.replace(a, id=f"{a.id}-{n}", source=f"{a.source} {n}")
                for n in range(3) for a in _visit()]
    path = tmp_path / "batches.db"
    async with await Marsad.open(path) as engine:
        await engine.ingest(articles[:4])
        if replaced:
            articles[1] = dataclasses.replace(articles[1], paragraphs=(GIFT, OPENING))
        await engine.ingest(articles)
        saved = Mined.loads(await engine.store.meta(TITLES_KEY))
        afresh = await engine._mine(Mined())
        assert saved.size == afresh.size == (engine._covers, engine.index.n_docs)
    assert afresh.docs == sum(len(a.paragraphs) for a in articles)
    assert list(saved.pairs.items()) == list(afresh.pairs.items())
    # OPENING gives it: once in each copy of the visit, and again in the replaced article
    assert saved.pairs[(_terms("رئيس الوزراء النرويجي"), _terms("يوناس ستوره"))] == 3 + replaced


async def test_removing_an_article_takes_its_pairs_out_and_keeps_the_rest(visit):
    question = "ماذا قال المتحدث باسم الحكومة النرويجية؟"
    await visit.answer(question)
    assert visit._titles.titles[_terms("المتحدث باسم الحكومة النرويجية")]
    await visit.remove(["oslo-2"])  # the spokesman's apposition goes with it
    await visit.answer(question)
    assert _terms("المتحدث باسم الحكومة النرويجية") not in visit._titles.titles
    assert visit._titles.titles[_terms("رئيس الوزراء النرويجي")] == [_terms("يوناس ستوره")]
    assert visit._mined.docs == visit.index.n_docs == 4


def test_the_one_spokesman_the_coverage_names_is_the_spokesman_whatever_his_office():
    holm = set(_terms("إريك هولم"))
    table = AliasTable.of(count_pairs([SPOKESMAN]))
    assert _expand(table, "ماذا قال المتحدث الحكومي عن الطلاب؟") == [holm]
    assert _expand(table, "ماذا قال الناطق الرسمي؟") == [holm]
    assert _expand(table, "ماذا قال المتحدث الفرنسي؟") == []  # another country's
    two = AliasTable.of(count_pairs([
        SPOKESMAN, "وقال المتحدث باسم الخارجية التنزانية يوسف مكامبا إن الزيارة ناجحة."]))
    assert _expand(two, "ماذا قال المتحدث الحكومي؟") == []  # which one: no guess
    # a leader's title alone may be anyone's
    assert _expand(AliasTable.of(count_pairs([OPENING])), "ماذا قال الرئيس الجديد؟") == []


async def test_title_and_epithet_questions_over_the_seeds(engine, data_dir):
    """tests/data/seeds-aliases.jsonl: 18 questions over the seeds that name Putin, Kim,
    Peskov or Pyongyang by a title or an epithet (سيد الكرملين، الضيف الكوري، المتحدث
    الرئاسي، الزعيمان), written with this module. Measured: answer@1 0.722, answer@3
    0.889, none declined (main before it: 0.556, 0.667, 3 declined)."""
    from retrieval.evaluate import eval_questions, load_questions

    result = await eval_questions(engine, load_questions(data_dir / "seeds-aliases.jsonl"))
    assert result["answerable"]["answer@1"] >= 0.7, result["failures"]
    assert result["answerable"]["answer@3"] >= 0.8, result["failures"]  # 0.833 all merged
    assert result["answerable"]["false_declines"] <= 2, result["failures"]


async def test_a_name_in_the_question_is_held_by_a_passage_giving_only_the_title(engine_over):
    embassy = ("وأعلن رئيس الوزراء النرويجي أن بلاده ستفتح سفارة في دار السلام العام "
               "المقبل.")
    coverage = await engine_over([*_visit(), Article(
        "oslo-3", "سفارة جديدة", "وكالة الشمال", dt.date(2025, 3, 7),
        (embassy, "وتفتح السفارة أبوابها في حي المدينة القديمة."))])
    answer = await coverage.answer("أين سيفتح ستوره سفارة؟")
    assert answer.hits[0].text == embassy  # «رئيس الوزراء النرويجي» is Støre here
    assert (await coverage.answer("ماذا أعلن ستوره عن السفارة؟")).answered


async def test_questions_asked_at_once_mine_the_corpus_once(tmp_path: Path, monkeypatch):
    import asyncio

    from retrieval.aliases import Mined
    from retrieval.engine import TITLES_KEY, Marsad

    async with await Marsad.open(tmp_path / "once.db") as engine:
        await engine.ingest(_visit())
        await engine.store.set_meta(TITLES_KEY, "")  # as a database made before aliases.py
        await engine.store.commit()
    mined: list[int] = []
    add = Mined.add
    monkeypatch.setattr(Mined, "add", lambda self, rows, sign=1: (
        mined.append(len(rows)), add(self, rows, sign)))
    async with await Marsad.open(tmp_path / "once.db") as engine:
        answers = await asyncio.gather(*(engine.answer(q) for q in (
            "ماذا أهدى رئيس الوزراء النرويجي لضيفته؟", "ماذا قالت الرئيسة التنزانية؟",
            "ماذا قال الناطق باسم الحكومة النرويجية؟")))
    assert len(mined) == 1 and all(a.hits for a in answers)


def test_a_big_archive_leaves_out_what_it_gives_once(monkeypatch) -> None:
    """A big archive's appositions seen once are mostly a title before words that are no
    name: left out (the table is built at every restart), the names it repeats kept; a
    small coverage keeps every pair."""
    from retrieval import aliases

    title = ("رييس", "روس")
    pairs = Counter({(title, ("فلاديمير", "بوت")): 3,
                     **{(("وزير", f"كلم{i}"), (f"اسم{i}",)): 1 for i in range(5)}})
    assert len(aliases.AliasTable.of(pairs).titles) == 6  # small: every pair
    monkeypatch.setattr(aliases, "MAX_SINGLES", 3)
    table = aliases.AliasTable.of(pairs)
    assert list(table.titles) == [title] and table.titles[title] == [("فلاديمير", "بوت")]
