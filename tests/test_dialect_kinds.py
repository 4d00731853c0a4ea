"""Issue 12, dialect and Latin-typed questions by kind: how-long questions («قد إيه»،
«شگد»، «قديش»، «شحال»), spoken verbs (talk, meet, sign, come, go, see, help, do) with their
prefixes and plurals, fillers that must weigh nothing, Persian letters typed in Iraq and the
Gulf, Maghrebi forms, Latin names in German, French and Dutch spellings, names the press
translates (KCNA), and Arabizi. Invented articles and questions (a trade minister
«العبيدي», a prime minister «تشيرنيشوف»), none from the seeds or the question sets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from retrieval.analysis import analyze, normalize
from retrieval.dialects import to_msa
from retrieval.engine import Marsad
from retrieval.language import question_language
from retrieval.model import Article
from retrieval.transliterate import TRANSLATED, arabic_spellings, arabizi_spellings, is_arabizi


def words(text: str) -> list[str]:
    return normalize(text).split()


# --------------------------------------------------------------------------- the rewrite

@pytest.mark.parametrize("dialect, msa", [
    # (a future particle or prefix gives MSA's «سوف» before the verb: rank18)
    # how long, how much: Egyptian «قد إيه/أد إيه», Iraqi «شگد/چم», Levantine «قديش»
    ("الجلسة خدت قد إيه", "الجلسه استغرقت كم"),
    ("الاجتماع طول أد إيه", "الاجتماع طول كم"),
    ("چم ساعة طولت الجلسة", "كم ساعه استمرت الجلسه"),
    ("شگد دامت الجلسة", "كم استمرت الجلسه"),
    ("قديش رح تطول الجلسة", "كم سوف تستمر الجلسه"),
    ("شحال دامت الجلسة", "كم استمرت الجلسه"),
    # spoken verbs: talk, meet, sign, do, help
    ("شنو حجى الوزير", "ماذا قال الوزير"),
    ("شحجى الوزير", "ماذا قال الوزير"),  # Iraqi ش glued to the verb
    ("وين تلاقوا الوزيرين", "اين التقوا الوزيرين"),
    ("فين تلاقاو الوزيرين", "اين التقوا الوزيرين"),  # Maghrebi plural -او
    ("مضوا على الاتفاقية", "وقعوا علي الاتفاقيه"),
    ("اتمضى الاتفاق امبارح", "وقع الاتفاق امس"),
    ("شسوى الوزير", "ماذا فعل الوزير"),
    ("ايش سوى الوزير", "ماذا فعل الوزير"),  # سوّى after a question word: did
    ("شنو دار الوزير", "ماذا فعل الوزير"),  # Maghrebi دار after a question word: did
    ("شو بدو الوزير من المزارعين", "ماذا يريد الوزير من المزارعين"),
    ("بدو يروح الوزير", "يذهب الوزير"),  # wanting before a verb frames it
    ("فين مشا الوزير", "اين ذهب الوزير"),  # a Maghrebi past written with ا
    ("الحكومة هتعاون المزارعين", "الحكومه ستساعد المزارعين"),
    ("الوزير شاف إيه", "الوزير شاهد ماذا"),  # Egyptian إيه: what
    ("شيريد الوزير", "ماذا يريد الوزير"),
    # fillers weigh nothing
    ("شو قال الوزير بالزبط", "ماذا قال الوزير"),
    ("هيك قال الوزير", "قال الوزير"),
    ("صار شي اتفاق بيناتهم", "جري اتفاق"),
    ("شنو قال من جيهة الاتفاق", "ماذا قال من الاتفاق"),
    ("فهاد الاجتماع", "هذا الاجتماع"),  # ف glued to a function word
    ("لو سمحت قولي شو حكى الوزير", "لو ماذا قال الوزير"),  # please, tell me
    ("من فضلك ممكن اعرف وين راح الوزير", "من اين ذهب الوزير"),
    ("يعني شنو هضر الوزير", "ماذا تحدث الوزير"),  # I mean; Maghrebi هضر: talked
    ("والله الوزير سولف وياهم", "الوزير تحدث معهم"),  # Gulf/Iraqi سولف, Iraqi ويا
    ("علاه جا الوزير", "لماذا وصل الوزير"),  # Algerian علاه
    ("واخا الوزير سيفط الرسالة", "الوزير ارسل الرساله"),  # Moroccan
    ("كم ساعة قعدوا يتفاوضون", "كم ساعه يتفاوضون"),  # kept doing: the verb is asked
    ("ضل يحكي الوزير", "يقول الوزير"),
    ("شكو ماكو بالوزارة", "ماذا بالوزاره"),  # Iraqi: what is going on
    ("قديش صرلها الحكومة", "كم الحكومه"),  # Levantine: it has been
    ("مشا الوزير فيوليوز", "ذهب الوزير في يوليو"),  # Moroccan month, ف: in
    ("الجنود اللي بعتتهم الحكومة", "الجنود الذي ارسلتهم الحكومه"),  # sent them
    # Persian letters: چ is ك in Iraqi and Gulf speech, گ is ق
    ("چان الوزير هناك", "كان الوزير هناك"),
    ("گال الوزير", "قال الوزير"),
    # Maghrebi: شكون, علاش, كيفاش, واش, غادي, ديال
    ("شكون هو الوزير ديال التجارة", "من هو الوزير التجاره"),
    ("علاش جا الوزير", "لماذا وصل الوزير"),
    ("كيفاش وصل الوزير", "كيف وصل الوزير"),
    ("واش الوزير غادي يمشي", "هل الوزير سوف يذهب"),
    # Iraqi and Gulf انطى (gave), Egyptian/Levantine خد (took) with its object
    ("شنو انطى الوزير للمزارعين", "ماذا اعطي الوزير للمزارعين"),
    ("الوزير خدها", "الوزير اخذها"),
    ("الوزير بياخد الجائزة", "الوزير ياخذ الجائزه"),
    # a verb that is MSA too (يقعد sits) is dialect after a tense particle: will stay
    ("راح يگعد الوزير", "سوف يبقي الوزير"),
    ("قديش بدو يضل الوزير", "كم يبقي الوزير"),
])
def test_dialect_kinds_are_put_in_msa(dialect: str, msa: str) -> None:
    assert words(to_msa(dialect)) == words(msa)


@pytest.mark.parametrize("msa", [
    "كم يبلغ طول الجسر",  # طول: length, not «طوّل» lasted
    "خد الطفل",  # a cheek, with no time after it
    "تمسك الوزير بموقفه",
    "شكر الوزير المزارعين",  # ش that starts a word is not «شو»
    "شمال البلاد",
    "عاش البدو في الصحراء",  # Bedouins: nothing asked before it
    "سوى ذلك",  # except: no question word before it
    "ماذا يعني مصطلح الاشتراكية",  # يعني asks a meaning after a question word
    "من سمحت له الحكومة بالسفر",  # سمحت only drops after لو
    "متى كان رجب طيب أردوغان رئيسا",  # طيب is a name here, not «well»
    "كلية الطب",
    "ظل الوزير في منصبه",  # remained: no verb after it
])
def test_msa_words_like_the_new_dialect_forms_are_kept(msa: str) -> None:
    assert words(to_msa(msa)) == words(msa)


CORPUS_TERMS = {analyze(w)[0] for w in ("توجه", "يصافح", "أعطى", "روسيا", "فوستوتشني",
                                        "يمن", "صرح", "سيبقى", "وصل")}


def known(term: str) -> bool:
    return term in CORPUS_TERMS


@pytest.mark.parametrize("dialect, msa", [
    ("مين بيروح", "من توجه"),  # no MSA present the corpus uses: its past
    ("سلم الوزير على الضيف", "يصافح الوزير علي الضيف"),  # the present the corpus uses
    ("عطاها الجائزة", "اعطي الجائزه"),  # the verb without its object
    ("وصل فروسيا", "وصل في روسيا"),  # Maghrebi ف glued to a name
    ("وين تقع ڤوستوچني", "اين تقع فوستوتشني"),  # چ in a name: تش
    ("مين استقل الطائرة", "من استقل الطائرة"),  # a function word is never bent (يمن)
    ("مين قال", "من قال"),
    ("راح يضل الوزير", "سيبقي الوزير"),  # the future the corpus uses (سيبقى)
    ("جالهم الوزير", "وصل الوزير"),  # «to them» glued to a verb
    ("بيصرح الوزير", "صرح الوزير"),  # بـ + a present the corpus lacks: its past
])
def test_a_verb_or_name_takes_the_form_the_corpus_uses(dialect: str, msa: str) -> None:
    assert words(to_msa(dialect, known)) == words(msa)


# --------------------------------------------------------------------------- Latin letters

def test_german_french_and_dutch_spellings_read_like_english_ones() -> None:
    assert arabic_spellings("poetin")[0] == "بوتين"  # Dutch oe
    assert set(arabic_spellings("wostotschny")) & set(arabic_spellings("wostochny"))
    assert arabic_spellings("tchernychov") == arabic_spellings("chernychov")  # French tch


def test_other_languages_names_of_places_and_the_german_genitive() -> None:
    from retrieval.variants import VariantMap

    terms = [analyze(w)[0] for w in ("روسيا", "موسكو", "بوتين", "كوريا")]
    vmap = VariantMap()
    vmap.sync(terms)
    assert [terms[i] for i in vmap.latin("russland")] == [terms[0]]  # German
    assert [terms[i] for i in vmap.latin("moskva")] == [terms[1]]  # Russian
    assert [terms[i] for i in vmap.latin("coree")] == [terms[3]]  # French
    assert [terms[i] for i in vmap.latin("putins")] == [terms[2]]  # Putins Geschenk
    assert vmap.latin("kims") == []  # too short for a genitive


def test_names_the_press_translates_are_asked_in_its_words() -> None:
    assert words(to_msa("ماذا قالت KCNA؟")) == words("ماذا قالت وكالة الأنباء المركزية الكورية؟")
    assert words(to_msa("ماذا قال البيت Maison Blanche")) == words("ماذا قال البيت البيت الأبيض")
    assert words(to_msa("ماذا قالت Corée du Nord؟")) == words("ماذا قالت كوريا الشمالية؟")
    assert all(k == k.lower() and k.isascii() for k in TRANSLATED)
    assert words(to_msa("ماذا قالت KCNAA؟")) == words("ماذا قالت kcnaa؟")  # whole words only


@pytest.mark.parametrize("arabizi, msa", [
    ("shu a3ta el wazir?", "ماذا أعطى الوزير?"),  # the other words of the question too
    ("wein ra7 Obeidi?", "اين ذهب obeidi?"),
    ("leish ra7 3ala ma3rad?", "لماذا ذهب علي معرض?"),
    ("ezzay wesel?", "كيف wesel?"),
    ("shu 2al bel ma3rad?", "ماذا قال بالمعرض?"),  # bel: بالـ
])
def test_arabizi_words_are_read_in_arabic_letters(arabizi: str, msa: str) -> None:
    corpus = {analyze(w)[0] for w in ("معرض", "أعطى", "الوزير", "قال")}
    assert analyze(to_msa(arabizi, corpus.__contains__)) == analyze(msa)


def test_arabizi_is_told_from_names_and_models() -> None:
    assert all(map(is_arabizi, ["3ala", "ma3a", "ra7", "et2abalo", "shu", "wein", "7aka"]))
    assert not any(map(is_arabizi, ["f35", "g7", "su57", "mig29", "putin", "kim"]))
    assert "حكا" in arabizi_spellings("7aka")
    assert question_language("shu a3ta Putin la Kim?") == "ar"
    assert question_language("wein et2abalo?") == "ar"
    assert question_language("What did Putin give Kim?") == "en"
    assert question_language("Did the F35 fly?") == "en"


# --------------------------------------------------------------------------- in answers

DAY = dt.date(2024, 5, 2)
VISIT = [
    Article("trade", "وزير التجارة في بلغراد", "وكالة الأنباء", DAY, (
        "ووقع وزير التجارة حسان العبيدي ونظيره الصربي اتفاقية لتصدير الزيتون إلى بلغراد.",
        "واستمرت المحادثات بين الوفدين قرابة ثلاث ساعات في قصر الضيافة.",
        "ووصل الوزير العبيدي إلى العاصمة على متن قطار خاص.",
        "والتقى العبيدي رئيس الوزراء ميخائيل تشيرنيشوف في مقر الحكومة.",
        "وقال العبيدي إن الزيارة كانت مثمرة وإن الجانبين سيتعاونان في مجال الطاقة.",
        "وتوجه العبيدي بعد المحادثات إلى مدينة نيش لزيارة مصنع للأدوية.",
    )),
    Article("fair", "المعرض الزراعي", "صحيفة العاصمة", DAY, (
        "وذكرت وكالة الأنباء المركزية الكورية أن الوفد الكوري غادر المعرض مبكرا.",
        "وأعلنت وكالة الفضاء الروسية إطلاق قمر اصطناعي للاتصالات من قاعدة فضائية في الشمال.",
        "وساعدت الحكومة المزارعين على تصدير الفائض من القمح.",
        "وشاهد الوزير عرضا للمنتجات الزراعية في المعرض.",
        "وقالت وزارة الخارجية إن العلاقات بين البلدين تشهد تطورا ملحوظا.",
        "وزار وفد من رجال الأعمال المعرض الزراعي في العاصمة.",
    )),
]


@pytest.mark.parametrize("question, key", [
    ("المحادثات خدت قد إيه؟", "ثلاث ساعات"),  # Egyptian
    ("قديش طولت المحادثات بين الوفدين؟", "ثلاث ساعات"),  # Levantine
    ("چم ساعة طولت المحادثات؟", "ثلاث ساعات"),  # Iraqi, Persian letter
    ("كم ساعة طوّلوا بالمحادثات؟", "ثلاث ساعات"),  # Gulf
    ("شحال دامت المحادثات بيناتهم؟", "ثلاث ساعات"),  # Maghrebi, a filler
    ("شو مضى العبيدي مع نظيره الصربي؟", "لتصدير الزيتون"),
    ("شنو مضاو مع الصرب؟", "لتصدير الزيتون"),
    ("العبيدي اتقابل مع مين؟", "تشيرنيشوف"),
    ("فين تلاقاو العبيدي ورئيس الوزراء؟", "مقر الحكومة"),
    ("العبيدي جه العاصمة بإيه؟", "قطار خاص"),
    ("كيفاش جا الوزير للعاصمة؟", "قطار خاص"),
    ("فين مشا العبيدي من بعد المحادثات؟", "نيش"),
    ("شحجى العبيدي عن الزيارة؟", "مثمرة"),
    ("شو حكى العبيدي عن الزيارة بالزبط؟", "مثمرة"),
    ("الحكومة عاونت المزارعين في إيه؟", "تصدير الفائض"),
    ("وش شاف الوزير في المعرض؟", "عرضا للمنتجات"),
    ("ماذا ذكرت KCNA عن الوفد الكوري؟", "غادر المعرض مبكرا"),
    ("ماذا أطلقت Roscosmos؟", "قمر اصطناعي للاتصالات"),
    ("أين التقى العبيدي Tschernyschow؟", "مقر الحكومة"),  # German
    ("أين التقى العبيدي Tchernychov؟", "مقر الحكومة"),  # French
])
async def test_dialect_and_latin_questions_of_each_kind_find_the_passage(
        tmp_path: Path, question: str, key: str) -> None:
    async with await Marsad.open(tmp_path / "visit.db") as engine:
        await engine.ingest(VISIT)
        answer = await engine.answer(question)
    assert answer.hits and key in answer.hits[0].text, [h.text for h in answer.hits]
    assert answer.answered


# --------------------------------------------------------------------------- the seeds

async def test_dialect3_questions_over_the_seeds(seeds_dir, data_dir, tmp_path) -> None:
    """tests/data/seeds-dialect3.jsonl (fitted on: the tables were written against it) and
    seeds-dialect3-heldout.jsonl (never tuned on). Measured with this round's tables:
    fitted dialect answer@1 0.695 of 131 (its three batches, each measured fresh before
    the tables were extended for it: 0.672 of 61, 0.51 of 45, 0.44 of 25), Latin 0.808
    of 26, 14 of 15 near misses declined; held out dialect 0.667 of 30, Latin 0.667 of
    9 (main before: held out 0.500, 0.556)."""
    from retrieval.evaluate import eval_questions, load_questions

    async with await Marsad.open(tmp_path / "seeds.db", seeds=seeds_dir) as engine:
        fitted = await eval_questions(engine, load_questions(data_dir / "seeds-dialect3.jsonl"))
        held = await eval_questions(
            engine, load_questions(data_dir / "seeds-dialect3-heldout.jsonl"))
    assert fitted["kinds"]["dialect"]["answer@1"] >= 0.74, fitted["failures"]  # 0.748 round 7
    assert fitted["kinds"]["latin"]["answer@1"] >= 0.75, fitted["failures"]  # 0.769 merged
    # 13 of 15 with decide8's refit on the blind sets (14 before)
    assert fitted["kinds"]["near-miss"]["declined"] >= 0.85, fitted["failures"]
    assert held["kinds"]["dialect"]["answer@1"] >= 0.7, held["failures"]  # 0.733 round 7
    assert held["kinds"]["latin"]["answer@1"] >= 0.6, held["failures"]


def test_the_cli_answers_arabizi_and_maghrebi_questions(tmp_path) -> None:
    """As a user runs it: `marsad ingest` a JSONL, then `marsad ask --json` with an
    Arabizi, a Maghrebi and an Iraqi question on stdin."""
    from test_cli import marsad

    feed = tmp_path / "visit.jsonl"
    feed.write_text("\n".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
        "text": "\n\n".join(a.paragraphs)}, ensure_ascii=False) for a in VISIT) + "\n",
        encoding="utf-8")
    db = tmp_path / "v.db"
    assert marsad("ingest", str(feed), cwd=tmp_path, db=db).returncode == 0
    asked = {"shu 7aka el Obeidi 3an el ziyara?": "مثمرة",
             "فين مشا العبيدي من بعد المحادثات؟": "نيش",
             "چم ساعة طولت المحادثات؟": "ثلاث ساعات"}
    result = marsad("ask", "--json", cwd=tmp_path, db=db, stdin="\n".join(asked) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    for line, key in zip(lines, asked.values(), strict=True):
        assert line["answered"] and key in line["hits"][0]["text"], line
