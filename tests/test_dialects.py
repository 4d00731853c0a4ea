"""Issue 12: dialect questions, Latin-typed names and names with clitics reach the passage
that answers. Invented articles and questions (a farm minister, a finance minister
«ميدفيديف»), none from the seeds: each kind of dialect form and of Latin spelling, the
right passage first, and the MSA words a dialect uses otherwise left as they are."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from retrieval.analysis import analyze, normalize
from retrieval.dialects import HOMOGRAPHS, LEXICON, to_msa
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.transliterate import EXONYMS, arabic_spellings, sound_alike_spellings
from retrieval.variants import VariantMap


def words(text: str) -> list[str]:
    return normalize(text).split()


# --------------------------------------------------------------------------- the lexicon

@pytest.mark.parametrize("dialect, msa", [
    # verbs: past (he, she, they), present with بـ (Egypt, Levant) and كـ (Morocco),
    # future with حـ/هـ, the plural -وا, and the Levantine/Iraqi passive with ات/ان
    ("شاف الوزير المعرض", "شاهد الوزير المعرض"),
    ("شافت الوزيرة المعرض", "شاهدت الوزيره المعرض"),
    ("اتقابلوا امبارح", "التقوا امس"),
    ("بيحكي عن القمح", "يقول عن القمح"),
    ("كيحكي عن القمح", "يقول عن القمح"),
    ("هيتقابلوا بكرا", "سيلتقون غدا"),
    ("حيروح على المعرض", "سيذهب علي المعرض"),
    ("عطى الجوائز", "اعطي الجوائز"),
    ("اتقتل جندي", "قتل جندي"),
    ("انخطف صحفي", "اختطف صحفي"),
    # question words of each region
    ("وين المعرض", "اين المعرض"), ("فين المعرض", "اين المعرض"),
    ("إمتى الافتتاح", "متي الافتتاح"), ("قديش السعر", "كم السعر"),
    ("شحال السعر", "كم السعر"), ("ليش استقال", "لماذا استقال"),
    ("علاش استقال", "لماذا استقال"), ("إزاي نجح", "كيف نجح"), ("شلون نجح", "كيف نجح"),
    ("مين الوزير", "من الوزير"), ("شكون الوزير", "من الوزير"), ("شنو قال", "ماذا قال"),
    # adverbs, adjectives, numbers and nouns
    ("هلأ", "الان"), ("دلوقتي", "الان"), ("توا", "الان"), ("هسه", "الان"),
    ("امبارح", "امس"), ("بره البلد", "خارج البلد"), ("كتير", "كثير"), ("برشا", "كثير"),
    ("وايد", "كثير"), ("منيح", "جيد"), ("مزيانة", "جيده"), ("متل الامس", "مثل الامس"),
    ("مرة تانية", "مره اخري"), ("تلاتة ايام", "ثلاثه ايام"), ("الاسبوع الجاي", "الاسبوع المقبل"),
    ("بدري", "مبكرا"), ("مصاري", "اموال"), ("زلمة", "رجل"), ("الريس", "الرئيس"),
    # a conjunction or preposition glued to a dialect word; على written as عـ
    ("وشاف", "وشاهد"), ("لبره", "لخارج"), ("عالجاي", "علي المقبل"),
    # a noun after the article, and the final hamza the dialects drop
    ("الوزرا حضروا", "الوزراء حضروا"), ("بالكتير", "بالكثير"), ("للزلمة", "للرجل"),
    ("المرا", "المرأة"),
    # Maghrebi, Iraqi and Gulf forms: yes/no واش, future غادي, they هوما, there is اكو,
    # the genitive ديال (dropped), the first اللولة, came جه/جا (arrived, as news says it)
    # (غادي's future kept as MSA's سوف)
    ("واش غادي يمشي للمعرض", "هل سوف يذهب للمعرض"), ("شنو هوما الجوائز", "ماذا هم الجوائز"),
    ("اكو جوائز", "هناك جوائز"), ("المعرض ديال الوزير", "المعرض الوزير"),
    ("الزيارة اللولة", "الزياره الاولي"), ("جه الوزير بالطيارة", "وصل الوزير بالطاءرة"),
    ("جا الوفد", "وصل الوفد"), ("كام ساعة طولت الجلسة", "كم ساعه استمرت الجلسه"),
    ("شو المواضيع", "ماذا الموضوعات"), ("اتفسحوا بالمعرض", "تجولوا بالمعرض"),
    # Iraqi شوكت and Maghrebi فاش (when), Levantine أديش (how much), present يوصل
    ("شوكت وصل الوفد", "متي وصل الوفد"), ("فاش جا الوفد", "متي وصل الوفد"),
    ("أديش السعر", "كم السعر"), ("الوفد بيوصل بكرا", "الوفد يصل غدا"),
    # Egyptian إدّى (gave) when nothing MSA أدّى performs or leads to follows
    ("إدّى الوزير المزارعين جوائز", "اعطي الوزير المزارعين جوائز"),
    # a verb with its object pronoun
    ("عطاها الجائزة", "اعطاها الجائزه"), ("اتقابلوه امبارح", "التقوه امس"),
    ("شافها الوزير", "شاهدها الوزير"),
    # «I want to know» says nothing of what is asked
    ("متى افتتح المعرض؟ أبي أعرف", "متي افتتح المعرض؟"),
    ("بدي اعرف مين الوزير", "من الوزير"),
    # wanting: the question's verb when nothing follows, dropped before the verb it frames
    ("شو بدها الحكومة من المزارعين", "ماذا تريد الحكومه من المزارعين"),
    ("الوزير بغى إيه", "الوزير اراد ماذا"), ("عايز الوزير يزور حمص", "الوزير يزور حمص"),
    ("شو يبي الوزير يسوي", "ماذا الوزير يفعل"),
    # a noun's dual, plural or pronoun after a dialect stem
    ("الريسين", "الرئيسين"), ("شنطتها", "حقيبتها"),
    # a verb read by its preposition: سلّم على greeted, صار على has passed
    ("سلّم الوزير على المزارعين", "صافح الوزير علي المزارعين"),
    ("كم سنة صار على التأسيس", "كم سنه مر علي التاسيس"),
    # Maghrebi names of countries and of the customs, Maghrebi «منتوج» (fix17, newsroom16:
    # «واش وقعت الدزاير مع تونس؟» was declined over «وقعت الجزائر وتونس … 14 اتفاقية»)
    ("واش وقعت الدزاير مع تونس", "هل وقعت الجزائر مع تونس"),
    ("شحال التجارة بين تونس والدزاير", "كم التجاره بين تونس والجزائر"),
    ("شنو موقف المروك", "ماذا موقف المغرب"), ("شكون مشا لفرانسا", "من ذهب لفرنسا"),
    ("علاش حبسوها في الديوانة", "لماذا حبسوها في الجمارك"),
    ("قداش من منتوج", "كم من منتج"), ("المنتوجات التونسية", "المنتجات التونسيه"),
])
def test_dialect_words_are_put_in_msa(dialect: str, msa: str) -> None:
    assert words(to_msa(dialect)) == words(msa)


@pytest.mark.parametrize("msa", [
    "أدى الوزير اليمين",  # performed, not Egyptian «إدّى» gave
    "نفذت الطائرات طلعة جوية",  # an air sortie, not an outing
    "حطت الطائرة في المطار",  # landed
    "جاب الوفد الشوارع",  # roamed
    "ارتدى الزي الرسمي",  # the uniform, not Egyptian «زي» like
    "هذه المرة الأولى",  # once, not Levantine «مرا» woman
    "خلص التقرير إلى أن الخطة فشلت",  # concluded, not finished
    "سافر الوفد إلى موسكو",  # إلى is not Gulf «الي» who
    "بقي الوزير في منصبه",  # remained
    "قعد الوزير في مكتبه",
    "عاش البدو في الصحراء",  # Bedouins
    "قدم الوزير عرضا على الكمان",
    "تخلص الجيش من الألغام",
    "اجتمع قادة دول الخليج",  # countries, not Egyptian «دول» these
    "يتعين على الحكومة أن تتبنى الخطة",  # it is necessary; adopts
    "تتمسك روسيا بموقفها",  # holds on to
    "فتح فمه وابتسم",  # his mouth, not Tunisian «فمة» there is
    "سلم الجيش الأسلحة",  # handed over: no على after it
    "أدى القصف إلى مقتل جنديين",  # led to
    "أدت الحكومة الجديدة اليمين",  # took the oath
])
def test_msa_words_a_dialect_uses_otherwise_are_kept(msa: str) -> None:
    assert words(to_msa(msa)) == words(msa)


def test_no_homograph_is_in_the_lexicon_and_every_entry_is_normalized() -> None:
    assert not HOMOGRAPHS & LEXICON.keys()
    assert len(LEXICON) >= 300
    for form, choices in LEXICON.items():
        assert form == normalize(form) and all(c == normalize(c) for c in choices)
        assert form not in choices


def test_future_and_progressive_particles_only_mark_the_tense() -> None:
    # the future kept as MSA writes it apart (سوف, a stop word): the tense cues read it
    assert words(to_msa("رح يسافر الوزير")) == words("سوف يسافر الوزير")
    assert words(to_msa("عم يحكي الوزير")) == words("يقول الوزير")
    assert words(to_msa("راح الوزير على حمص")) == words("ذهب الوزير علي حمص")  # went


# --------------------------------------------------------------------------- rules

CORPUS_TERMS = {analyze(w)[0] for w in ("يصرح", "صرح", "يتناقش", "مشروع", "ستدعم", "قال",
                                        "يتبادل", "اشتغل", "التقى", "تحدث")}


def known(term: str) -> bool:
    return term in CORPUS_TERMS


@pytest.mark.parametrize("dialect, msa", [
    ("بيصرح الوزير", "يصرح الوزير"),  # present بـ on a verb no list holds
    ("كيصرح الوزير", "يصرح الوزير"),  # Moroccan كـ
    ("هتدعم الحكومة", "ستدعم الحكومة"),  # Egyptian future هـ: MSA سـ, as the corpus says it
    ("ماصرحش الوزير", "صرح الوزير"),  # the negation ما…ش
    ("يتناقشوا بالمشروع", "يتناقشون بالمشروع"),  # the plural -وا
    ("تبادلوها", "يتبادل"),  # a past plural with its object: the present the corpus uses
    ("هالمشروع", "المشروع"),  # Levantine هالـ: this
    ("حكوا عن المشروع", "قال عن المشروع"),  # the MSA plural unknown: its stem
    ("وين التقوا", "اين التقي"),  # a defective verb's plural: التقى
])
def test_affix_rules_give_the_form_the_corpus_uses(dialect: str, msa: str) -> None:
    assert words(to_msa(dialect, known)) == words(msa)


def test_affix_rules_leave_a_word_when_the_corpus_lacks_what_they_give() -> None:
    assert words(to_msa("بيغني المطرب")) == words("بيغني المطرب")
    assert words(to_msa("بيغني المطرب", known)) == words("بيغني المطرب")


def test_a_word_the_corpus_uses_is_kept_even_if_a_dialect_says_it() -> None:
    assert words(to_msa("ماذا اشتغل الكاتب", known)) == words("ماذا اشتغل الكاتب")


# --------------------------------------------------------------------------- in answers

DAY = dt.date(2024, 3, 1)
FARM = [
    Article("visit", "جولة وزير الزراعة", "وكالة الأنباء", DAY, (
        "وانتقد وزير الزراعة سامر الخطيب أسعار الجرارات في معرض حمص.",
        "وشاهد وزير الزراعة سامر الخطيب عرضا للجرارات الحديثة في معرض حمص.",
        "وقال الوزير الخطيب إن المزارعين يواجهون صعوبات في تسويق القمح.",
        "وأعطى الوزير الخطيب المزارعين الفائزين جوائز مالية في ختام المعرض.",
        "والتقى الخطيب الخميس وفدا من تجار الحبوب في حمص.",
        "والتقى الخطيب أمس وفدا من مربي الأبقار في حمص.",
        "وقال الخطيب إن المزارعين يبيعون القمح داخل البلاد بسعر مدعوم.",
        "وقال الخطيب إن المزارعين يبيعون القمح خارج البلاد بسعر أعلى.",
    )),
    Article("port", "الوزير في طرطوس", "صحيفة الساحل", DAY, (
        "وعقد الخطيب الاجتماع الأول مع اتحاد المزارعين في حمص صباح الخميس.",
        "وتوجه الخطيب بعد الاجتماع إلى ميناء طرطوس لتفقد شحنات الأسمدة.",
        "وهذه المرة الأولى التي يزور فيها الخطيب طرطوس منذ تعيينه.",
        "ومن المقرر أن يلتقي الخطيب وزير الري مرة ثانية الشهر المقبل لبحث خطة المياه.",
        "وأضاف الخطيب أن الحكومة تبحث مع المزارعين أسعار الأسمدة.",
        "وأكد الخطيب أن الحكومة ستدعم المزارعين الصغار بقروض ميسرة.",
    )),
]


@pytest.mark.parametrize("question, key", [
    ("شو شاف الوزير الخطيب بالمعرض؟", "وشاهد وزير الزراعة"),  # Levantine past
    ("شو عطى الوزير للمزارعين؟", "وأعطى الوزير"),  # Levantine/Gulf عطى
    ("وين راح الخطيب بعد الاجتماع؟", "وتوجه الخطيب"),  # راح: went, as the corpus says it
    ("رح يتقابلوا مرة تانية؟", "مرة ثانية"),  # future particle, plural -وا, تانية
    ("الحكومة هتدعم المزارعين إزاي؟", "ستدعم المزارعين"),  # Egyptian future هـ
    ("إمتى هيتقابل الخطيب ووزير الري؟", "يلتقي الخطيب وزير الري"),  # Egyptian
    ("مين اتقابل الخطيب امبارح؟", "مربي الأبقار"),  # only امبارح (أمس) tells them apart
    ("بقديش بيبيعوا القمح بره البلاد؟", "خارج البلاد"),  # only بره (خارج) does; بـ + -وا
])
async def test_dialect_questions_find_the_passage_that_answers(
        tmp_path: Path, question: str, key: str) -> None:
    async with await Marsad.open(tmp_path / "farm.db") as engine:
        await engine.ingest(FARM)
        answer = await engine.answer(question)
    assert answer.hits and key in answer.hits[0].text, [h.text for h in answer.hits]
    assert answer.answered  # not "the coverage does not say"


MINISTERS = [
    Article("budget", "الميزانية", "وكالة الأنباء", DAY, (
        "قال وزير المالية ديمتري ميدفيديف إن الميزانية ستزيد بنسبة خمسة بالمئة العام المقبل.",
        "وأعلنت وزيرة الصحة أولغا تشيرنوفا خطة لبناء عشرين مستشفى في الأقاليم.",
        "وأشاد الرئيس بميدفيديف وقدم له وسام الاستحقاق في حفل بالعاصمة.",
    )),
    Article("trip", "جولة خارجية", "صحيفة العاصمة", DAY, (
        "وتوجه ميدفيديف الأسبوع الماضي إلى طهران لبحث صادرات القمح.",
        "وانتقد الرئيس الأمريكي دونالد ترامب الاتفاق التجاري بين البلدين.",
        "وقالت الحكومة إن صادرات القمح ارتفعت إلى مستوى قياسي.",
        "وبحث ميدفيديف في القاهرة مع المسؤولين صفقة جديدة للقمح.",
        "وبحث ميدفيديف في موسكو مع المسؤولين صفقة جديدة للأسمدة.",
    )),
]


@pytest.mark.parametrize("question, key", [
    ("ماذا قال Medvedev عن الميزانية؟", "ستزيد"),  # a name never listed anywhere
    ("ماذا أعلنت Chernova؟", "عشرين مستشفى"),  # ch as تش, the e left unwritten
    ("من زار Tehran؟", "طهران"),  # t as ط
    ("ماذا انتقد Trump؟", "الاتفاق التجاري"),  # u as ا
    ("ماذا قدم الرئيس لـMedvedev؟", "وسام الاستحقاق"),  # a preposition glued to it
    ("شو حكى Medvedev عن الميزانية؟", "ستزيد"),  # Latin and dialect in one question
    ("وين راح Medvedev الأسبوع الماضي؟", "طهران"),
    ("ماذا قدم الرئيس لميدفيديف؟", "وسام الاستحقاق"),  # Arabic name with ل glued to it
    ("ماذا بحث Medvedev في Cairo؟", "للقمح"),  # a place the press calls by its own name
    ("ماذا بحث Medvedev في Moscow؟", "للأسمدة"),
    ("ماذا قال Medvédev عن الميزانية؟", "ستزيد"),  # accents typed the French way
    ("من زار Téhéran؟", "طهران"),
    ("ماذا بحث Medvedev في Moscou؟", "للأسمدة"),  # the French name of a place
])
async def test_latin_names_and_names_with_clitics_find_the_passage(
        tmp_path: Path, question: str, key: str) -> None:
    async with await Marsad.open(tmp_path / "ministers.db") as engine:
        await engine.ingest(MINISTERS)
        answer = await engine.answer(question)
    assert answer.hits and key in answer.hits[0].text, [h.text for h in answer.hits]
    assert answer.answered


def test_sound_alike_spellings_hold_the_press_spelling_the_usual_one_misses() -> None:
    for latin, arabic in [("tehran", "طهران"), ("trump", "ترامب"), ("biden", "بايدن"),
                          ("london", "لندن"), ("doha", "دوحه"), ("kyiv", "كييف")]:
        assert arabic not in arabic_spellings(latin)
        assert arabic in sound_alike_spellings(latin), latin
    assert sound_alike_spellings("kim") == []  # too short to bend
    # one departure per three letters plus one: «meeting» is never «متن»
    assert "متن" not in sound_alike_spellings("meeting")
    assert len(sound_alike_spellings("washingtonians")) <= 512


def test_exonyms_are_one_arabic_word_each() -> None:
    assert EXONYMS["cairo"] == EXONYMS["caire"] == "القاهرة"
    assert all(len(analyze(arabic)) == 1 and latin.isascii() and latin.islower()
               for latin, arabic in EXONYMS.items())


def test_the_cli_answers_dialect_and_latin_questions_from_ingested_articles(tmp_path) -> None:
    """As a user runs it: `marsad ingest` a JSONL of articles, then `marsad ask --json`
    with one question per line on stdin (dialect, Latin-typed, both, a clitic)."""
    from test_cli import marsad

    feed = tmp_path / "ministers.jsonl"
    feed.write_text("\n".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
        "text": "\n\n".join(a.paragraphs)}, ensure_ascii=False) for a in MINISTERS) + "\n",
        encoding="utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", str(feed), cwd=tmp_path, db=db).returncode == 0
    asked = {"شو حكى Medvedev عن الميزانية؟": "ستزيد",
             "وين راح ميدفيديف الأسبوع الماضي؟": "طهران",
             "ماذا بحث Medvedev في Cairo؟": "للقمح",
             "ماذا قدم الرئيس لـMedvedev؟": "وسام الاستحقاق"}
    result = marsad("ask", "--json", cwd=tmp_path, db=db, stdin="\n".join(asked) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == list(asked)  # as typed, not rewritten
    for line, key in zip(lines, asked.values(), strict=True):
        assert line["answered"] and key in line["hits"][0]["text"], line


def test_a_glued_preposition_is_dropped_only_towards_a_more_common_word() -> None:
    terms = ["بوت", "لبوت", "كبير", "بير", "كيم"]
    idf = {0: 1.0, 1: 3.0, 2: 1.0, 3: 4.0, 4: 1.2}.__getitem__  # بوتين, كبير common
    vmap = VariantMap()
    vmap.sync(terms)
    assert vmap.bare_of("لبوت", [1], idf) == [0]  # لبوتين: Putin
    assert vmap.bare_of("بكيم", [], idf) == [4]  # a form the corpus never writes
    assert vmap.bare_of("كبير", [2], idf) == []  # big, not «بير» a well
    [(group, _)] = vmap.expand(["لبوت"], [1], idf)
    assert sorted(group) == [0, 1]
