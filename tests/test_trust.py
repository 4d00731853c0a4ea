"""Issue 12: answers users can trust on questions nobody tuned for.

Analysis (article and clitics, Urdu/Persian letters, Latin-typed names), ranking (page
furniture never leads), grouping (never hides a passage that says more), the calibrated
decision, and what a declined answer shows. Each issue example is a test, with siblings.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import marsad

from bot import telegram_render
from bot.render import NOT_DIRECTLY, render_answer
from retrieval import decide
from retrieval.analysis import analyze, normalize
from retrieval.articles import iter_articles
from retrieval.engine import Marsad
from retrieval.evaluate import load_questions
from retrieval.kinds import is_furniture
from retrieval.model import Answer, Article, Citation, Hit
from retrieval.transliterate import arabic_spellings
from retrieval.variants import skeleton

STAGES = ["analyse", "retrieve", "rerank", "group", "decide", "cite"]


def holds(text: str, *keys: str) -> bool:
    folded = normalize(text)
    return any(normalize(k) in folded for k in keys)


# --------------------------------------------------------------------------- analysis

@pytest.mark.parametrize("typed, arabic", [
    ("وزارۃ الصحۃ", "وزارة الصحة"),  # teh marbuta goal (Urdu)
    ("وزارہ الصحہ", "وزارة الصحة"),  # heh goal
    ("وزارە الصحە", "وزارة الصحة"),  # ae (Kurdish, Persian)
    ("کیم جونغ أون", "كيم جونغ أون"),  # keheh
    ("روسی", "روسي"),  # Farsi yeh
    ("زیارۀ", "زيارة"),  # heh with yeh above
    ("ھدیہ", "هدية"),  # heh doachashmee
])
def test_urdu_and_persian_letters_fold_to_their_arabic_letters(typed: str, arabic: str) -> None:
    assert analyze(typed) == analyze(arabic)


@pytest.mark.parametrize("question", ["ماذا قالت وزارۃ الصحۃ؟", "ماذا قالت وزارہ الصحہ؟",
                                      "ماذا قالت وزارة الصحة؟", "بيان وزارۃ الصحۃ"])
async def test_urdu_keyboard_questions_find_the_health_ministry(
        tmp_path: Path, data_dir: Path, question: str) -> None:
    async with await Marsad.open(tmp_path / "urdu.db") as engine:
        await engine.ingest(iter_articles([data_dir / "urdu-keyboard.jsonl"]))
        answer = await engine.answer(question)
    assert answer.hits and answer.hits[0].article_id == "health", question
    assert answer.answered


@pytest.mark.parametrize("written", [
    ("القفاز", "قفاز", "والقفاز", "بالقفاز"),
    ("الولايات", "ولايات", "والولايات"),
    ("الوفدين", "الوفد", "وفد", "للوفد"),
    ("الوزير", "وزير", "والوزير", "للوزير"),
])
def test_forms_with_and_without_article_and_clitics_analyse_alike(written) -> None:
    assert len({tuple(analyze(w)) for w in written}) == 1, [analyze(w) for w in written]


@pytest.mark.parametrize("with_article, without", [("القفاز", "قفاز"), ("البندقية", "بندقية"),
                                                   ("القطار", "قطار")])
async def test_a_word_with_or_without_its_article_finds_the_same_passage(
        engine: Marsad, with_article: str, without: str) -> None:
    first = await engine.answer(with_article, k=2)
    second = await engine.answer(without, k=2)
    assert {h.passage_id for h in first.hits} == {h.passage_id for h in second.hits}
    assert holds(first.hits[0].text, without) and holds(second.hits[0].text, without)
    assert first.answered and second.answered


# --------------------------------------------------------------------------- Latin names

@pytest.mark.parametrize("latin, spellings", [
    ("Putin", ["بوتين"]), ("Peskov", ["بيسكوف"]), ("Lavrov", ["لافروف"]),
    ("Shoigu", ["شويغو"]), ("Pyongyang", ["بيونغيانغ", "بيونغ يانغ", "بيونج يانج"]),
    ("Moscow", ["موسكو"]), ("Kremlin", ["الكرملين"]), ("Vostochny", ["فوستوتشني", "فوستوشني"]),
    ("Manturov", ["مانتوروف"]), ("Vladivostok", ["فلاديفوستوك"]),
])
async def test_a_name_typed_in_latin_letters_reaches_its_arabic_spelling(
        engine: Marsad, latin: str, spellings: list[str]) -> None:
    for question in (latin, f"ماذا عن {latin}؟"):
        answer = await engine.answer(question)
        assert answer.hits and holds(answer.hits[0].text, *spellings), question


@pytest.mark.parametrize("question", ["ماذا أهدى Putin لـ Kim؟", "ماذا أهدى putin ل kim",
                                      "ماذا أهدى بوتين لـ Kim Jong Un؟"])
async def test_the_gift_question_with_latin_names_is_answered(engine, question) -> None:
    answer = await engine.answer(question)
    assert answer.answered
    assert holds(answer.hits[0].text, "قفاز", "بندقية")


NAMES = [  # none of them in the seeds: the mapping is general, not a list of names
    Article("merkel", "ميركل في برلين", "وكالة أ", dt.date(2024, 1, 2),
            ("قالت المستشارة السابقة أنغيلا ميركل إن أوروبا تحتاج إلى وحدة أكبر.",)),
    Article("erdogan", "أردوغان يزور أنقرة", "وكالة ب", dt.date(2024, 1, 3),
            ("أعلن الرئيس رجب طيب أردوغان افتتاح جسر جديد فوق المضيق.",)),
    Article("zelensky", "زيلينسكي", "وكالة ج", dt.date(2024, 1, 4),
            ("طالب الرئيس فولوديمير زيلينسكي بمزيد من أنظمة الدفاع الجوي.",)),
]


@pytest.mark.parametrize("latin, article", [("Merkel", "merkel"), ("Erdogan", "erdogan"),
                                            ("Zelensky", "zelensky")])
async def test_latin_names_reach_names_the_corpus_spells_in_arabic(
        tmp_path: Path, latin: str, article: str) -> None:
    async with await Marsad.open(tmp_path / "names.db") as engine:
        await engine.ingest(NAMES)
        answer = await engine.answer(f"ماذا قال {latin}؟")
    assert answer.hits and answer.hits[0].article_id == article


def test_transliteration_spells_sounds_as_the_arabic_press_does() -> None:
    assert "بوتين" in arabic_spellings("putin")
    assert skeleton("فوستوتشني") in {skeleton(s) for s in arabic_spellings("vostochny")}
    assert "كرملين" in arabic_spellings("kremlin")  # the short vowel left unwritten
    assert arabic_spellings("x") == [] and arabic_spellings("2023") == []


# --------------------------------------------------------------------------- furniture

@pytest.mark.parametrize("text", [
    "مقطع فيديو يرصد لحظة استقبال بوتين لزعيم كوريا الشمالية",
    "بوتين يلتقي بكيم في ظل تكهنات بشأن اتفاق للأسلحة - غيتي",
    "الزعيمان خلال جولة في القاعدة (الصورة: رويترز)",
    "كلمات دلالية: بوتين كيم روسيا",
    "أشاد الرئيس الروسي بتعزيز علاقات التعاون مع بيونغيانغ",  # a heading line
    "اقرأ أيضاً: ماكرون يزور الجزائر",
    '"تعزيز علاقات التعاون والصداقة مستقبلًا"',  # pull quotes set as subheadings
    "«نصر كبير على الأعداء»", "“خطة للمئة عام المقبلة”",
])
def test_captions_credits_tags_teasers_and_headings_are_furniture(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "وأضاف كيم: العلاقة مع روسيا ستشهد تعاونا فيما يتعلق بتطوير التقنيات الفضائية.",
    "وقال بوتين للصحفيين إن روسيا فخورة بإنجازات قطاعها الفضائي، وإن التعاون سيستمر "
    "في مجالات عدة تشمل الفضاء والطاقة والزراعة والنقل والتعليم بين البلدين الجارين",
    '"سنساعد كوريا الشمالية في بناء الأقمار الاصطناعية."',  # a quoted statement
    'وقال المتحدث إن "الزيارة كانت مثمرة"',
])
def test_body_paragraphs_are_not_furniture(text: str) -> None:
    assert not is_furniture(text)


GIFTS = Article("gifts", "قمة الهدايا", "وكالة الأنباء", dt.date(2023, 9, 14), (
    "مقطع فيديو يرصد لحظة تبادل الهدايا بين بوتين وكيم في القاعدة",
    "بوتين وكيم يتبادلان الهدايا في القاعدة - غيتي",
    "تبادل الهدايا بين بوتين وكيم",
    "وتبادل الزعيمان الهدايا خلال اللقاء، إذ أهدى بوتين ضيفه قفازا وبندقية، وقدم كيم "
    "لمضيفه بندقية محلية الصنع.",
    "وقال الكرملين إن المحادثات تناولت التعاون في مجالات الفضاء والطاقة.",
    "ووصل كيم إلى القاعدة صباح الأربعاء في قطار مدرع قادما من الحدود.",
))


@pytest.mark.parametrize("question", ["تبادل الهدايا بين بوتين وكيم", "هدايا بوتين وكيم",
                                      "ماذا تبادل بوتين وكيم من هدايا؟"])
async def test_the_body_paragraph_that_answers_outranks_captions_and_credits(
        tmp_path: Path, question: str) -> None:
    async with await Marsad.open(tmp_path / "gifts.db") as engine:
        await engine.ingest([GIFTS])
        answer = await engine.answer(question, k=3)
    assert holds(answer.hits[0].text, "قفازا وبندقية")
    assert not any(is_furniture(h.text) for h in answer.hits)


async def test_no_furniture_in_the_top_three_of_any_seed_question(engine, data_dir) -> None:
    items = [i for i in load_questions(data_dir / "seeds-questions.jsonl")
             if i.get("language", "ar") == "ar"]
    leading = []
    for item in items:
        answer = await engine.answer(item["q"], k=3)
        leading += [(item["q"], h.text[:50]) for h in answer.hits if is_furniture(h.text)]
    assert leading == []


@pytest.mark.parametrize("question", ["ما تفاصيل المشروع؟", "شو تفاصيل المشروع الجديد؟",
                                      "ما ردود الفعل على المشروع؟"])
async def test_headings_never_fill_the_hits_beside_a_body_passage(tmp_path, question) -> None:
    # each outlet's page carries its sub-headings as lines: they hold the question's words
    # but say nothing; shown beside the body paragraph they read as noise, once per outlet
    body = ("أعلنت وزارة النقل تفاصيل المشروع الجديد لتوسعة الطريق الساحلي بكلفة مليار "
            "دولار، على أن يبدأ التنفيذ مطلع العام المقبل، وسط ردود فعل مرحبة من السكان.")
    articles = [Article(f"p{i}", "توسعة الطريق الساحلي", outlet, dt.date(2024, 3, i + 1),
                        ("تفاصيل المشروع", body if i == 0 else "وقال مسؤول إن العمل سيستمر "
                         "ثلاث سنوات في مراحل متتابعة حتى اكتمال الطريق بالكامل.",
                         "ردود فعل", "آراء الخبراء"))
                for i, outlet in enumerate(["صحيفة أ", "صحيفة ب", "صحيفة ج"])]
    async with await Marsad.open(tmp_path / "h.db") as engine:
        await engine.ingest([*articles, *NAMES, GIFTS])
        answer = await engine.answer(question, k=3)
        assert answer.hits and answer.hits[0].article_id == "p0"
        assert not [h.text for h in answer.hits if is_furniture(h.text)]
        alone = await engine.answer("آراء الخبراء", k=3)  # nothing else matches: offered
        assert alone.hits and all(is_furniture(h.text) for h in alone.hits[:1])


# --------------------------------------------------------------------------- grouping

AGENCY = "قال المتحدث باسم الوزارة إن الاجتماع بين الوفدين كان بناء ومثمرا وصريحا."
LONGER = ("قال المتحدث باسم الوزارة إن الاجتماع بين الوفدين كان بناء ومثمرا وصريحا، واستمر "
          "قرابة ساعتين في القصر الرئاسي، وتناول ملفات الطاقة والحدود والتجارة.")


async def grouped(tmp_path: Path, question: str, *texts: str, outlets=None):
    outlets = outlets or [f"صحيفة {i}" for i in range(len(texts))]
    articles = [Article(f"a{i}", "اجتماع الوفدين", outlets[i], dt.date(2024, 5, i + 1),
                        (t,)) for i, t in enumerate(texts)]
    async with await Marsad.open(tmp_path / "group.db") as engine:
        await engine.ingest([*articles, *NAMES, GIFTS])  # other news around them
        return await engine.answer(question, k=3)


@pytest.mark.parametrize("question", ["ماذا قال المتحدث عن الاجتماع بين الوفدين؟",
                                      "كم استمر الاجتماع بين الوفدين؟",
                                      "أين عقد الاجتماع بين الوفدين؟"])
async def test_a_passage_that_says_more_than_the_shown_one_stays_a_hit(tmp_path, question):
    answer = await grouped(tmp_path, question, AGENCY, LONGER)
    shown = {h.article_id for h in answer.hits}
    assert "a1" in shown, "the passage with the duration and the place is never hidden"


async def test_a_copy_of_the_shown_statement_is_credited_not_shown_twice(tmp_path) -> None:
    copy = AGENCY.replace("قال", "وقال")
    answer = await grouped(tmp_path, "ماذا قال المتحدث عن الاجتماع بين الوفدين؟", AGENCY, copy)
    copies = [h for h in answer.hits if h.article_id in ("a0", "a1")]
    assert len(copies) == 1
    assert [c.article_id for c in copies[0].also_reported_by] == \
        [{"a0": "a1", "a1": "a0"}[copies[0].article_id]]


LONGER_FIRST = "كم استمر الاجتماع بين الوفدين في القصر الرئاسي؟"


@pytest.mark.parametrize("outlets", [["صحيفة 0", "صحيفة 0"], [None, None], ["صحيفة 0", None]],
                         ids=["one outlet", "unknown outlets", "one unknown"])
async def test_a_shorter_passage_is_credited_only_to_another_known_outlet(tmp_path, outlets):
    # the longer passage carries all the shorter says: crediting it tells the reader who
    # else said it only when that is another, known outlet; otherwise both are shown
    answer = await grouped(tmp_path, LONGER_FIRST, LONGER, AGENCY, outlets=outlets)
    assert [h.article_id for h in answer.hits][:2] == ["a0", "a1"]


async def test_a_shorter_passage_of_another_outlet_is_credited_to_it(tmp_path) -> None:
    answer = await grouped(tmp_path, LONGER_FIRST, LONGER, AGENCY)
    assert answer.hits[0].article_id == "a0"
    assert "a1" not in {h.article_id for h in answer.hits}
    assert "a1" in {c.article_id for h in answer.hits for c in h.also_reported_by}


async def test_also_reported_by_names_other_outlets_only(tmp_path) -> None:
    # the outlet's own copy of its story is not another outlet carrying it
    copy = LONGER.replace("قال", "وقال")
    answer = await grouped(tmp_path, LONGER_FIRST, LONGER, copy, LONGER,
                           outlets=["صحيفة 0", "صحيفة 0", "صحيفة 2"])
    hit = answer.hits[0]
    assert hit.source in ("صحيفة 0", "صحيفة 2")
    credited = [c.source for c in hit.also_reported_by]
    assert hit.source not in credited and credited, credited


# --------------------------------------------------------------------------- decision

def test_the_decision_weighs_each_signal_it_names() -> None:
    assert len(decide.SIGNALS) == len(decide.MEANS) == len(decide.SCALES) == \
        len(decide.COEFFICIENTS)
    covered = [0.0] * len(decide.SIGNALS)
    covered[decide.SIGNALS.index("held")] = 1.0
    covered[decide.SIGNALS.index("held_known")] = 1.0
    missing = list(covered)
    missing[decide.SIGNALS.index("held")] = 0.2
    missing[decide.SIGNALS.index("unknown")] = 0.8
    assert decide.probability(covered) > decide.probability(missing)  # type: ignore[arg-type]


async def test_a_paraphrase_the_seeds_never_word_so_is_answered_with_its_passage(engine) -> None:
    """«انتقل» is a word the seeds never use; it says what «وصل» says (synonyms.py), so the
    question is answered, with the train passage first (issue 12: declined on main)."""
    answer = await engine.answer("كيف انتقل كيم إلى روسيا؟")
    assert answer.answered and holds(answer.hits[0].text, "قطار")


async def test_a_declined_paraphrase_still_shows_the_passage_that_answers_first(engine) -> None:
    """«من يتحدث رسميا نيابة عن الرئاسة» words the spokesman as the seeds never do (three
    words they never use): declined until decide8, and the reader still got Peskov's
    passage first, labelled as the closest (issue 12: never lose the passage that was
    right); answered since decide8's refit on the blind sets, with that passage first."""
    answer = await engine.answer("من يتحدث رسميا نيابة عن الرئاسة الروسية؟")
    # answered outright since decide8's refit on the blind sets (their paraphrases)
    assert (answer.answered or answer.related) and holds(answer.hits[0].text, "بيسكوف")


@pytest.mark.parametrize("question, keys", [
    ("كيف سافر كيم إلى روسيا؟", ["قطار"]),
    ("شو أهدى بوتين لكيم؟", ["قفاز", "بندقية"]),  # a dialect question word never declines
    ("القفاز", ["قفاز"]),
])
async def test_answerable_questions_with_words_the_corpus_never_uses_are_answered(
        engine, question, keys) -> None:
    answer = await engine.answer(question)
    assert answer.answered, question
    assert holds(answer.hits[0].text, *keys)


@pytest.mark.parametrize("question", ["ما هي نسبة التضخم في روسيا؟", "كم عمر بوتين؟"])
async def test_questions_about_what_the_coverage_never_says_are_declined(engine, question):
    answer = await engine.answer(question)
    assert not answer.answered
    assert answer.related == bool(answer.hits)


@pytest.mark.parametrize("question", ["ماذا أهدى ترامب لكيم؟", "ماذا أهدى ماكرون لكيم؟"])
async def test_a_question_about_someone_the_coverage_never_names_is_declined(engine, question):
    assert not (await engine.answer(question)).answered


# Near misses: the passage reached holds the question's names, not the amount or the time
# it asks for (issue 12, second round). Siblings of «كم عمر لافروف؟» and «متى ولد كيم؟».
@pytest.mark.parametrize("question", [
    "كم عمر لافروف؟", "كم سعر البندقية التي أهداها بوتين لكيم؟",
    "كم وزن القفاز الذي أهداه بوتين لكيم؟", "متى ولد بيسكوف؟",
    "متى ولد لافروف؟"])
async def test_a_question_asking_an_amount_or_a_time_the_passage_lacks_is_declined(
        engine, question) -> None:
    answer = await engine.answer(question)
    assert not answer.answered and answer.hits  # declined, closest passages still shown
    # no amount or time in the passage, or none near what is asked («الشهر المقبل» of
    # Lavrov's trip is a time, not his birth)
    assert 1.0 in (answer.signals[decide.SIGNALS.index("type_missing")],
                   answer.signals[decide.SIGNALS.index("type_far")])


@pytest.mark.parametrize("question, keys", [
    ("كم استمرت المحادثات مع الوفود المرافقة؟", ["ساعتين"]),
    ("كم استمرت المحادثات بين بوتين وكيم؟", ["ساعتين"]),
    ("متى وصل كيم إلى روسيا؟", ["الثلاثاء"]),
    ("متى التقى بوتين وكيم في فوستوتشني؟", ["الأربعاء"]),
])
async def test_a_question_asking_an_amount_or_a_time_the_passage_holds_is_answered(
        engine, question, keys) -> None:
    answer = await engine.answer(question)
    assert answer.answered and holds(answer.hits[0].text, *keys), question
    assert answer.signals[decide.SIGNALS.index("type_missing")] == 0.0


# --------------------------------------------------------------------------- declined

async def test_a_declined_question_keeps_its_closest_passages_everywhere(engine) -> None:
    answer = await engine.answer("كم عمر لافروف؟")
    assert not answer.answered and answer.related and answer.hits
    console = render_answer(answer)
    assert console.startswith(NOT_DIRECTLY) and answer.hits[0].text[:30] in console
    telegram = telegram_render.render_answer(answer)
    assert "مباشرة" in telegram and "أقرب المقاطع" in telegram
    assert telegram_render.citation_html(answer.hits[0]) in telegram
    assert answer.to_json()["answered"] is False and answer.to_json()["hits"]


def test_ask_prints_the_closest_passages_labelled_and_json_keeps_answered_false(
        seeded_db, tmp_path) -> None:
    question = "كم عمر لافروف؟"
    text = marsad("ask", question, cwd=tmp_path, db=seeded_db)
    assert text.returncode == 0, text.stderr
    assert "لا تجيب التغطية المتوفرة عن هذا السؤال مباشرة" in text.stdout
    assert "— " in text.stdout  # every closest passage is cited
    line = json.loads(marsad("ask", question, "--json", cwd=tmp_path, db=seeded_db).stdout)
    assert line["answered"] is False and line["hits"]


# --------------------------------------------------------------------------- stages

async def test_answer_reports_the_time_of_each_stage_and_the_same_answer(engine) -> None:
    question = "ماذا أهدى بوتين لكيم؟"
    timings: dict[str, float] = {}
    timed = await engine.answer(question, 3, timings=timings)
    plain = await engine.answer(question, 3)
    assert list(timings) == STAGES
    assert all(v >= 0 for v in timings.values())
    assert [h.passage_id for h in timed.hits] == [h.passage_id for h in plain.hits]
    assert timed.answered == plain.answered


def test_the_closest_passages_fit_one_telegram_message_whatever_their_length() -> None:
    from botapi_server import parse_html

    long = "قال المتحدث إن الاجتماع كان طويلا جدا " * 400
    hits = [Hit(i + 1, 1.0, long, f"a{i}", "عنوان", "وكالة <أ>", dt.date(2024, 1, 1),
                sentence=long[:900], also_reported_by=[Citation("b", "صحيفة & ب", None)] * 20)
            for i in range(5)]
    message = telegram_render.render_answer(Answer("<سؤال> " * 300, False, hits))
    assert "مباشرة" in message
    assert telegram_render.tg_len(message) <= telegram_render.MAX_MESSAGE
    parse_html(message)


@pytest.mark.parametrize("question", ["قديش طولت المحادثات؟", "قديش دامت المحادثات؟",
                                      "كم من الوقت استغرقت المحادثات؟"])
async def test_the_passage_stating_the_amount_asked_ranks_first(engine, question) -> None:
    # Several passages speak of the talks; the one that says how long they lasted leads
    # (rerank's answer-type cue), though the question's verb is not the passage's.
    answer = await engine.answer(question)
    assert holds(answer.hits[0].text, "ساعتين"), question


async def test_the_decision_and_the_first_hits_do_not_depend_on_k(engine, data_dir) -> None:
    """-k 1 in a script, 3 in the console, 5 inline, 9 in a chat, 10 in eval: the same
    question is answered or declined alike, with the same hits first."""
    questions = [json.loads(line)["q"] for name in ("seeds-questions.jsonl",
                                                    "seeds-near-misses.jsonl")
                 for line in (data_dir / name).read_text(encoding="utf-8").splitlines()[::9]]
    for question in questions:
        answers = {k: await engine.answer(question, k=k) for k in (1, 2, 3, 5, 9, 10)}
        assert len({a.answered for a in answers.values()}) == 1, question
        for k, answer in answers.items():
            assert len(answer.hits) <= k
            assert [h.passage_id for h in answer.hits] == \
                [h.passage_id for h in answers[10].hits[:k]], (question, k)


@pytest.mark.parametrize("text", [
    "صورة الزعيمين في الكرملين - غيتي", "صورة الزعيمين في الكرملين | Reuters",
    "صورة الزعيمين في الكرملين (أ ف ب)", "وصل الوفد إلى موسكو (الصورة: تاس)",
    "  شاهد: لحظة وصول القطار", "اقرأ أيضاً عن القمة",
])
def test_a_credit_or_caption_marker_anywhere_it_may_stand_makes_furniture(text):
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "قال مسؤولون إن الوفدين اتفقا - في ختام اجتماع طويل دام ساعات في العاصمة الروسية - على "
    "متابعة المشاورات بين البلدين في الأسابيع المقبلة بحسب البيان.",
    "أكد المتحدث (وهو مسؤول رفيع) أن المحادثات ستستمر في الأسابيع المقبلة بين الوفدين "
    "وأن النتائج ستعلن قريبا للجميع.",
])
def test_dashes_and_brackets_inside_a_sentence_are_no_credit(text):
    assert not is_furniture(text)
