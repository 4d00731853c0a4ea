"""Paraphrases in the words a news reader uses reach the passage that answers (issue 12,
eleventh round): the lexicon's meaning classes (lexicon.py: judging and foreseeing,
accompanying, supplying, wanting and using, cancelling, office, places, time words) and
its general words that name kinds (lexicon.HYPERNYMS: a weapon for a pistol, a vehicle
for a train, summer for July, parliament for its council, the media for its papers).
The corpus is invented; the questions are not those of the blind sets the classes were
studied on (seeds-unseen, -blind2..4), and the seed-level floors are measured on them."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.engine import Marsad
from retrieval.evaluate import eval_questions, load_questions
from retrieval.model import Article
from retrieval.synonyms import synonyms


def _term(word: str) -> str:
    return analyze(word)[0]


# --------------------------------------------------------------------------- the lexicon

@pytest.mark.parametrize("general, kind", [
    ("سلاح", "مسدس"), ("أسلحة", "بنادق"), ("سلاح", "دبابة"), ("مركبة", "قطار"),
    ("مركبة", "مروحية"), ("الصيف", "يوليو"), ("الصيف", "تموز"), ("الشتاء", "يناير"),
    ("الخريف", "أكتوبر"), ("البرلمان", "الدوما"), ("البرلمان", "الكونغرس"),
    ("الإعلام", "الصحف"), ("الإعلام", "القنوات"), ("مسؤول", "وزير"), ("مسؤولين", "السفير"),
    ("يوم", "الأربعاء"), ("الجهة", "الوكالة"), ("الجهة", "الوزارة"), ("الدبلوماسيين", "السفير"),
])
def test_a_general_word_reaches_the_kinds_it_names(general: str, kind: str) -> None:
    assert _term(kind) in synonyms(_term(general))


@pytest.mark.parametrize("kind, other", [
    ("بندقية", "سلاح"),  # a passage saying «سلاح» does not say which weapon
    ("بندقية", "مسدس"),  # nor is one kind another
    ("يوليو", "الصيف"), ("يوليو", "يناير"), ("قطار", "طائرة"), ("الدوما", "الكونغرس"),
])
def test_a_kind_does_not_reach_its_general_word_nor_its_sibling(kind: str, other: str) -> None:
    assert _term(other) not in synonyms(_term(kind))


# («يلبي» meets «قبول», no longer «يقبل»: «يقبل» is what the verb «قبل» is read as since the
# fourteenth round, and «… تلبية لدعوة بوتين؟» near misses then met «قبل بوتين الدعوة»)
@pytest.mark.parametrize("asked, said", [
    ("تنبأ", "توقع"), ("يبشر", "يتوقع"), ("يشاهد", "رؤية"), ("استعراض", "عرض"),
    ("تقابل", "التقى"), ("اصطحب", "رافق"), ("ترحيب", "استقبال"), ("يلبي", "قبول"),
    ("يوفر", "يزود"), ("تذكار", "هدية"), ("يطمح", "يريد"),
    ("استعمال", "استخدام"), ("شطب", "إلغاء"), ("مستعجل", "عجالة"), ("تقاتل", "قتال"),
    ("الإمبريالية", "الاستعمار"), ("غريم", "خصم"), ("يتقلد", "يتولى"),
    ("ترأس", "رئيس"), ("أقر", "صادق"), ("مراقبون", "محللون"),
    ("إقليم", "محافظة"), ("منصة", "مجمع"), ("إقلاع", "إطلاق"), ("مدار", "الفضاء"),
    ("فنية", "تقنية"),
    ("نشوء", "إقامة"), ("السابقة", "الماضي"), ("زمن", "وقت"),
    ("يفسر", "يشرح"), ("تدابير", "إجراءات"), ("صارمة", "مشددة"), ("مخطط", "خطة"),
    ("نجل", "ابن"),
])
def test_words_of_one_meaning_class_say_one_another(asked: str, said: str) -> None:
    assert _term(said) in synonyms(_term(asked))
    assert _term(asked) in synonyms(_term(said))


@pytest.mark.parametrize("word, other", [
    ("تسلم", "تولى"),  # received / took office
    ("قدم", "زود"),  # presented, offered / supplied: «ما الهدية التي قدمها …» is no supply
    ("الرئاسية", "رئيس"),  # «الانتخابات الرئاسية» asks no president's words
    ("غرض", "غاية"),  # «لأي غرض» and «لهذه الغاية» answered different questions
    ("الشهر", "يوليو"),  # «الشهر القادم» asks no month's name
    ("القادم", "المقبل"),  # «متى … القادم؟» near misses then met «الشهر المقبل»
])
def test_words_measured_to_mislead_stay_out_of_a_class(word: str, other: str) -> None:
    assert _term(other) not in synonyms(_term(word))


# --------------------------------------------------------------------------- answering

PISTOL = "وأهدى وزير الدفاع التركي نظيره المصري مسدسا مطليا بالذهب صنع في مصانع أنقرة."
JULY = "وكان رئيس الأركان التركي قد زار القاهرة في يوليو لحضور احتفالات عيد الجيش."
NEXT = "ومن المقرر أن يصل وزير الخارجية التركي إلى القاهرة الشهر المقبل لمتابعة الملفات."
RATIFIED = "وصادق مجلس النواب المصري على اتفاقية التعاون الدفاعي بأغلبية كبيرة."
PAPERS = "ووصفت الصحف التركية الزيارة بأنها تاريخية وتفتح صفحة جديدة بين البلدين."
TRAIN = "وانتقل الوفد من القاهرة إلى الإسكندرية على متن قطار خاص صباح الخميس."
HURRY = "وقال الوزير التركي للصحافيين: لسنا في عجالة من أمرنا، والمفاوضات تأخذ وقتها."
GAS = "وتسعى أنقرة إلى شراء الغاز المصري المسال لاستخدامه في محطات توليد الكهرباء."
REGION = "وعقدت المحادثات في مدينة العلمين الجديدة التابعة لمحافظة مطروح على الساحل."
OFFICE = "وكانت زيارة الوزير الأولى للقاهرة بعد شهرين من توليه منصبه في حكومة أنقرة."
SHOW = "ويحضر الضيف عرضا لقوات البحرية المصرية قبالة ميناء الإسكندرية يوم السبت."
OTHER = [  # each holds the other words of a question above, not what it asks
    "وزار رئيس الأركان التركي القاهرة في يناير الماضي لبحث التعاون العسكري.",
    "وانتقل الوفد بعد ذلك إلى فندق في وسط الإسكندرية.",
    "وتسعى أنقرة إلى زيادة صادراتها من الغاز إلى أوروبا.",
    "وقال الوزير المصري إن البلدين يعملان على زيادة التبادل التجاري إلى 15 مليار دولار.",
    "وتجري القوات المصرية والتركية تدريبات مشتركة في البحر المتوسط منذ سنوات.",
    "وأكد المتحدث باسم الخارجية التركية أن العلاقات مع القاهرة تشهد تحسنا كبيرا.",
]


@pytest.fixture
async def visit(engine_over):
    return await engine_over([
        Article("ankara-cairo", "وزير الدفاع التركي في القاهرة", "وكالة الأناضول",
                dt.date(2025, 9, 4), (PISTOL, JULY, NEXT, TRAIN, HURRY, REGION, OFFICE,
                                      SHOW, *OTHER)),
        Article("echo", "أصداء الزيارة", "صحيفة النهار", dt.date(2025, 9, 6),
                (RATIFIED, PAPERS, GAS)),
    ])


@pytest.mark.parametrize("question, passage", [
    ("أي سلاح قدمه الوزير التركي لنظيره؟", PISTOL),  # سلاح: مسدس
    ("ما نوع العتاد الذي أهداه وزير الدفاع التركي؟", PISTOL),  # عتاد: مسدس
    ("هل زار رئيس الأركان التركي القاهرة في الصيف؟", JULY),  # الصيف: يوليو
    ("ماذا أقر البرلمان المصري؟", RATIFIED),  # أقر / صادق, البرلمان: مجلس
    ("كيف تناول الإعلام التركي الزيارة؟", PAPERS),  # الإعلام: الصحف
    ("بأي مركبة انتقل الوفد إلى الإسكندرية؟", TRAIN),  # مركبة: قطار
    ("هل الوزير التركي مستعجل؟", HURRY),  # مستعجل / عجالة
    ("لماذا تطمح أنقرة إلى استعمال الغاز المصري؟", GAS),  # يطمح / تسعى, استعمال / استخدام
    ("في أي إقليم عقدت المحادثات؟", REGION),  # إقليم / محافظة
    ("متى تقلد الوزير التركي منصبه؟", OFFICE),  # تقلد / تولى
    ("أي استعراض بحري سيشاهده الضيف؟", SHOW),  # استعراض / عرض
])
async def test_a_reader_paraphrase_reaches_the_passage_that_answers_it(visit, question, passage):
    """Before this round's lexicon the summer, parliament, media, vehicle and hurry questions
    led with another passage (January's visit, the hotel, the gift...); the others
    are kept as guards of what the earlier classes already reached. NEXT stays in the
    corpus as a passage no question asks: «القادم / المقبل» was left out of the lexicon."""
    answer = await visit.answer(question)
    assert answer.hits[0].text == passage


# --------------------------------------------------------------------------- over the seeds

# paraphrase answer@1 per development set, just under what was measured (before this
# round -> after: unseen 6 -> 9 of 35, blind2 12 -> 15 of 28, blind3 20 -> 24 of 40,
# blind4 21 -> 25 of 40)
FLOORS = {
    "seeds-unseen.jsonl": 0.25,
    "seeds-blind2.jsonl": 0.53,
    "seeds-blind3.jsonl": 0.59,
    "seeds-blind4.jsonl": 0.62,
}


async def test_blind_paraphrases_over_the_seeds(seeded_db, data_dir) -> None:
    """The four development blind sets (readers of the seed articles wrote them; studied
    this round, not tuned question by question). Measured through `answer()` (`marsad
    eval`), paraphrase answer@1 before this round / after: see FLOORS' comment."""
    async with await Marsad.open(seeded_db) as seeded:
        for name, floor in FLOORS.items():
            found = await eval_questions(seeded, load_questions(data_dir / name))
            assert found["kinds"]["paraphrase"]["answer@1"] >= floor, (name, found["failures"])
