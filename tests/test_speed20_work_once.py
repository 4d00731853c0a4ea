"""An answer's work done once (issue 12's answer path must be fast): what the reader sees
is unchanged, and the work that was repeated or wasted is gone:

- the agencies a hit's passages credit are found once per passage and answer: the
  decision's lead passage and the hits cited read the same copies (engine._Copies), not
  each their own, twice per passage;
- the who-is cue (rerank.presenting) reads a candidate's text terms as stored at ingest,
  not analysing its text again;
- the grouping reads a passage's toll only when its stored terms hold a toll's words (a
  cue word's; or a count's beside a cue analysis drops as a stop word, «فقد»): every
  passage of the newsroom corpora that states a toll is among those read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from test_cli import ingested

from retrieval import engine as engine_module
from retrieval import grouping, rerank
from retrieval.analysis import analyze
from retrieval.corroborate import stored_title_terms
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.rerank import Candidate, presenting
from retrieval.tolls import stop_cue_in, toll, toll_words

DATA = Path(__file__).resolve().parent / "data"
DAY = dt.date(2026, 3, 4)


def _article(i: int, source: str, *paragraphs: str, agency: str | None = None) -> Article:
    return Article(f"speed20-{i}", f"خبر {i}", source, DAY, tuple(paragraphs), agency=agency)


FROST = [
    _article(1, "الجزيرة", "أعلنت وزارة الزراعة الفرنسية الثلاثاء خطة لدعم مزارعي الكروم "
             "المتضررين من موجة الصقيع تشمل قروضا ميسرة وإعفاءات ضريبية.",
             agency="فرانس برس"),
    _article(2, "العربية", "أعلنت وزارة الزراعة الفرنسية الثلاثاء خطة لدعم مزارعي الكروم "
             "المتضررين من موجة الصقيع تشمل قروضا ميسرة وإعفاءات ضريبية، وفق وكالة "
             "الأنباء الفرنسية."),
    _article(3, "سكاي نيوز عربية", "قالت الحكومة الإيطالية إن موجة الصقيع أتلفت نصف محصول "
             "الزيتون في الجنوب هذا العام."),
    _article(4, "الشرق الأوسط", "افتتح معرض الكتاب في الرياض أبوابه للزوار بمشاركة "
             "ألف دار نشر من ثلاثين بلدا."),
]


async def test_each_passage_s_agencies_are_found_once_an_answer(engine_over,
                                                                monkeypatch) -> None:
    engine = await engine_over(FROST)
    found: Counter[int] = Counter()
    credited = engine_module.credited_agencies

    def counted(passage):
        found[passage.id] += 1
        return credited(passage)

    monkeypatch.setattr(engine_module, "credited_agencies", counted)
    for question in ("ما خطة وزارة الزراعة الفرنسية لدعم مزارعي الكروم؟",
                     "ماذا أتلف الصقيع في إيطاليا؟"):
        found.clear()
        answer = await engine.answer(question, k=3)
        assert answer.hits, question
        assert found and max(found.values()) == 1, (question, found)
    answer = await engine.answer("ما خطة وزارة الزراعة الفرنسية لدعم مزارعي الكروم؟", k=3)
    assert "فرانس برس" in answer.hits[0].agencies  # the credit the reader sees is kept


def _candidates(texts: list[str], vocab: dict[str, int]) -> list[Candidate]:
    """Passages as stored: a title's terms, then the text's, by id."""
    out = []
    for text in texts:
        title = [vocab.setdefault(t, len(vocab)) for t in analyze("بيان الجيش")]
        body = [vocab.setdefault(t, len(vocab)) for t in analyze(text)]
        out.append(Candidate("بيان الجيش", text, 1.0, np.array(title + body, np.int64),
                             len(title)))
    return out


def test_the_who_is_cue_reads_the_stored_terms_not_the_text(monkeypatch) -> None:
    titles = [(tuple(analyze("المتحدث باسم الجيش")), ("نادر",))]
    texts = ["وبحسب نادر فإن القوات انسحبت من المعبر.",  # named in passing
             "وأكد المتحدث باسم الجيش العقيد نادر سليم أن القوات انسحبت.",
             "وقال الناطق باسم الجيش نادر سليم إن القوات انسحبت.",  # a word of its class
             "وأفاد المتحدث باسم الشرطة بأن نادر وصل."]  # another body's spokesman
    vocab: dict[str, int] = {}
    candidates = _candidates(texts, vocab)
    read: list[str] = []
    analysed = rerank.analyze

    def recorded(text: str) -> list[str]:
        read.append(text)
        return analysed(text)

    monkeypatch.setattr(rerank, "analyze", recorded)
    assert presenting("من هو نادر؟", candidates, titles, vocab).tolist() == [0, 1, 1, 0]
    assert presenting("مين نادر", candidates, titles, vocab).tolist() == [0, 1, 1, 0]
    assert presenting("ماذا قال نادر؟", candidates, titles, vocab).tolist() == [0, 0, 0, 0]
    assert not set(read) & set(texts)


TOLLS = [
    _article(11, "الجزيرة", "لقي ثلاثة أشخاص مصرعهم وأصيب 14 آخرون في انهيار مبنى بمدينة "
             "سطيف فجر الأربعاء."),
    _article(12, "الخبر", "فقد 7 صيادين في عرض البحر قبالة سواحل عنابة بعد انقلاب قاربهم."),
    _article(13, "الشروق", "فقد أعلنت البلدية عن خطة لترميم المباني القديمة في وسط المدينة."),
    _article(14, "النهار", "افتتحت البلدية مكتبة جديدة في وسط المدينة تضم آلاف الكتب."),
]


async def test_a_toll_is_read_where_its_words_are_and_only_there(engine_over,
                                                                 monkeypatch) -> None:
    engine = await engine_over(TOLLS)
    read: list[str] = []

    def recorded(text: str):
        read.append(text)
        return toll(text)

    monkeypatch.setattr(grouping, "toll", recorded)
    answer = await engine.answer("ماذا حدث في وسط المدينة؟", k=3)
    assert answer.hits
    assert not any("مكتبة" in text or "ترميم" in text for text in read)  # no toll word
    read.clear()
    answer = await engine.answer("كم عدد الصيادين المفقودين قبالة عنابة؟", k=3)
    assert answer.hits and "عنابة" in answer.hits[0].text
    assert any("عنابة" in text for text in read)  # «فقد» (a stop word) and a count: read
    read.clear()
    answer = await engine.answer("كم عدد قتلى انهيار المبنى في سطيف؟", k=3)
    assert answer.hits and "سطيف" in answer.hits[0].text
    assert any("سطيف" in text for text in read)


def _may_tell(passage, vocabulary) -> bool:
    """What grouping._tolls reads a passage's toll on: its own stored terms."""
    return _told(passage.text, [vocabulary[i] for i in
                                passage.terms[stored_title_terms(passage):].tolist()])


def _told(text: str, terms: list[str]) -> bool:
    cue, count = toll_words(terms)
    return bool(cue.any()) or (bool(count.any()) and stop_cue_in(text))


@pytest.mark.parametrize(("folder", "count"), [("newsroom10", 14), ("newsroom14", None)])
async def test_every_stored_toll_is_among_the_passages_read(tmp_path, folder: str,
                                                            count: int | None) -> None:
    articles = DATA / folder / "articles.jsonl"
    lines = articles.read_text(encoding="utf-8").splitlines()
    _, db = ingested(tmp_path, articles, count or len([line for line in lines if line]))
    async with await Marsad.open(db) as engine:
        slots = engine.index.live.nonzero()[0].tolist()
        passages = [p for p, _ in engine._read([(s, 0.0) for s in slots])]
    told = [p for p in passages if toll(p.text)]
    assert len(passages) > 30 and told, folder
    assert all(_may_tell(p, engine.terms) for p in told)
    assert sum(_may_tell(p, engine.terms) for p in passages) < len(passages)


@pytest.mark.parametrize("text", [
    "فقد 5 مهاجرين قبالة سواحل ليبيا.",  # the stop-word cue and digits
    "فقد ثلاثة مهاجرين قبالة سواحل ليبيا.",  # ... and a number word
    "وأسفر الحادث عن مقتل أربعة أشخاص وإصابة 22 آخرين.",
    "قتيلان و9 جرحى في حادث سير بالطريق السريع.",
    "أوقفت قوات الأمن 12 مشتبها بهم.",
])
def test_a_toll_s_words_stay_in_the_text_s_analysed_terms(text: str) -> None:
    assert toll(text)
    assert _told(text, analyze(text))


def test_kept_toll_words_follow_the_vocabulary() -> None:
    """TermGrams keeps each term's toll words by id: the same as worked out from the
    strings, for terms added later and for ids forgotten and given to other terms."""
    from retrieval.term_grams import TermGrams

    vocabulary = [t for w in ("مقتل", "كتاب", "ثلاثة", "مصابين", "بلدية") for t in analyze(w)]
    vocabulary += ["2024", "قمة"]
    grams = TermGrams(vocabulary)

    def same(ids: list[int]) -> None:
        kept = grams.toll_words(np.array(ids, np.int64))
        worked = toll_words([vocabulary[i] for i in ids])
        assert [a.tolist() for a in kept] == [a.tolist() for a in worked]

    same(list(range(len(vocabulary))))
    size = len(vocabulary)
    vocabulary.extend(analyze("القتلى الجرحى"))
    same(list(range(len(vocabulary))))
    del vocabulary[size:]  # the ingest that added them rolled back
    grams.forget(size)
    vocabulary.extend(["مكتبة", "ترميم"])  # other terms under those ids
    same(list(range(len(vocabulary))))
    cue, count = grams.toll_words(np.arange(len(vocabulary), dtype=np.int64))
    assert cue[0] and not cue[1] and count[2] and count[5] and not cue[-1] and not count[-1]


@pytest.mark.parametrize("folder", ["newsroom10", "newsroom14"])
def test_every_count_a_toll_reads_is_looked_at(folder: str) -> None:
    """toll reads a word as a count only when it has digits or is a number word's form
    (tolls._COUNT_FORMS): every word of the corpus `_count` reads is among them."""
    from retrieval import tolls
    from retrieval.analysis import join_thousands, normalize

    text = (DATA / folder / "articles.jsonl").read_text(encoding="utf-8")
    words = set(tolls._TOKEN.findall(join_thousands(normalize(text))))
    words |= {"وثلاثة", "والثلاثة", "الثلاثة", "قتيلان", "وقتيلين", "و12", "12_"}
    counted = [w for w in words if tolls._count(w) is not None]
    assert len(counted) > 20
    assert all(w in tolls._COUNT_FORMS or not w.isalpha() for w in counted)
