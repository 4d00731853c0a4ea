"""What kind of answer a question asks for, and whether a passage holds one where it
matches (issue 12: decline near misses).

«كم عمر لافروف؟» and «متى ولد كيم؟» name what the coverage names; the passage they
reach holds the names but no age and no birth date. A question word says what shape the
answer has: كم/قديش/ما عدد/ما مدة ask for an amount (a number, a count, a duration), متى/
امتى/في أي عام ask for a time. Who, where and what have no general shape to look for and
are left alone. decide.py weighs whether the passage's best-matching sentence holds a
candidate of the asked type (`holds`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

from .aliases import PERSON_HEADS
from .analysis import analyze_token, normalize, tokenize
from .countries import nation
from .passages import sentences_of
from .questions import bounded, clean_question
from .synonyms import related, unglued

__all__ = [
    "MEASURE_VERBS",
    "NAME",
    "NAME_TERMS",
    "NUMBER",
    "PROPERTY_TERMS",
    "SAID_TERMS",
    "SAYING",
    "TIME",
    "UNIT_TERMS",
    "YES_NO",
    "amount_given",
    "answer_type",
    "asks_count",
    "asks_next",
    "continues_speaker",
    "decision_type",
    "holds",
    "holds_near",
    "later_unsaid",
    "looks_ahead",
    "matching_sentences",
    "names_beside",
    "next_unsaid",
    "owner_asked",
    "priced",
    "speaker",
    "speaks",
    "time_grain",
    "with_article",
    "year_unsaid",
    "years",
]

NUMBER, TIME, SAYING, YES_NO, NAME = "number", "time", "saying", "yes_no", "name"
NEAR_WORDS = 6  # an amount or a time answers when this close to the words asked about
NAME_WORDS = 2  # how many other words may stand between a noun asked about and its name
NAME_BEFORE = 4  # letters of a name written before the noun it names


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_ASKS = {**dict.fromkeys(_forms("كم بكم لكم قديش قديه قدي كام عدد"), NUMBER),
         **dict.fromkeys(_forms("متى امتى إمتى ايمتى إيمتى امتا إيمتا وقتيش"), TIME)}
_WHICH = _forms("أي اي ما في بأي باي")
_TIME_NOUNS = _forms("عام سنة يوم شهر تاريخ ساعة وقت العام السنة اليوم الشهر التاريخ "
                     "الساعة الوقت")
# «في أي عام ...؟»: the time noun frames the question; a year beside it is no answer
_TIME_TERMS = frozenset(t for w in _TIME_NOUNS if (t := analyze_token(w)))
_NUMBER_NOUNS = _forms("مدة المدة نسبة مقدار حجم")
# «في أي شهر …؟» asks a month, «في أي يوم/تاريخ …؟» a day: a time of a coarser grain
# («هذا العام», «منذ سنوات») or a bare count («مرتين») does not say it
# («في أي ساعة …؟» an hour: a clock time or a part of the day, not «الأربعاء»)
MONTH, DAY, HOUR = f"{TIME}:month", f"{TIME}:day", f"{TIME}:hour"
# («في أي شهرين / تاريخين …؟» asks two of them: months, days)
_ASKED_TWO = _forms("عامين سنتين يومين شهرين تاريخين ساعتين")
_GRAINS = {**dict.fromkeys(_forms("شهر الشهر شهرين"), MONTH),
           **dict.fromkeys(_forms("يوم اليوم تاريخ التاريخ يومين تاريخين"), DAY),
           **dict.fromkeys(_forms("ساعة الساعة ساعتين"), HOUR)}
# words telling the time of day: «صباح الأربعاء», «عند الظهر», «مساء»
_HOURS = _forms("صباحا صباح الصباح صباحاً ظهرا ظهر الظهر ظهراً عصرا عصر العصر مساء المساء "
                "مساءً ليلا ليل الليل ليلاً فجرا فجر الفجر منتصف")
_CLOCK = _forms("الساعة ساعة بالساعة")
_MONTHS = _forms(
    "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين")
_DAYS = _forms("السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة أمس أمسية "
               "اليوم غدا غداة الليلة البارحة")

# Words that state an amount: cardinals and their tens, fractions, vague counts, and the
# dual of a unit (ساعتين: two hours) — besides digits.
_AMOUNT_WORDS = _forms(
    "واحد واحدة اثنان اثنين اثنتين اثنتان ثلاث ثلاثة ثلاثين ثلاثون أربع أربعة أربعين "
    "أربعون خمس خمسة خمسين خمسون ست ستة ستين ستون سبع سبعة سبعين سبعون ثمان ثماني ثمانية "
    "ثمانين ثمانون تسع تسعة تسعين تسعون عشر عشرة عشرين عشرون عشرات مئة مائة مئات مئتين "
    "ألف آلاف ألفين مليون ملايين مليار مليارات نصف ربع ثلث بضع بضعة")
_TIME_DUAL = "(ساعت|يوم|شهر|عام|سنت|أسبوع|دقيقت)(ين|ان)"
_DUAL_UNITS = re.compile(normalize(f"^({_TIME_DUAL}|مرت(ين|ان))$"))
_TIME_DUALS = re.compile(normalize(f"^{_TIME_DUAL}$"))  # يومين: a span, not a count
# months and weekdays: a calendar date
_CALENDAR = _forms(
    "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين السبت الأحد الاثنين الإثنين "
    "الثلاثاء الأربعاء الخميس الجمعة")
_TIME_WORDS = _CALENDAR | _forms(
    "أمس أمسية اليوم غدا غداة الليلة صباح مساء فجر ظهر "
    "عندما حين أثناء منذ المقبل المقبلة القادم القادمة الماضي الماضية "
    # ... and their duals, which close a span of two units («للشهر والنصف الماضيين»,
    # «خلال اليومين المقبلين»)
    "الماضيين الماضيتين المقبلين المقبلتين القادمين القادمتين")
# Spans of time, plural: «خلال أسابيع», «منذ سنوات» tell when as a dual does («يومين»)
_SPANS = _forms("أيام أسابيع أشهر شهور سنوات أعوام ساعات دقائق عقود عقودا")
# The unit an amount or a time is asked in («كم سنة …», «كم يوما …», «كم مرة …», «في أي
# عام …»): it frames the question; the event asked of comes after it
UNIT_TERMS = _TIME_TERMS | frozenset(
    t for w in (*_SPANS, *_forms("يوما أياما مرة مرات المرة دقيقة دقائق أسبوع أسبوعا"))
    if (t := analyze_token(w)))
# Verbs that only frame an amount or a time, naming no event of their own: what it
# reached or became, how long it took or lasted («كم بلغ معدل التضخم؟», «كم أصبح سعر
# الفائدة؟», «كم استغرقت المصافحة؟»): the event asked of is the noun after them
MEASURE_VERBS = frozenset(t for w in _forms(
    "بلغ بلغت تبلغ يبلغ أصبح أصبحت يصبح تصبح صار صارت استغرق استغرقت "
    "يستغرق تستغرق دام دامت يدوم تدوم استمر استمرت يستمر تستمر طال طالت يطول تطول مر "
    "مرت يمر تمر مضى مضت يمضي كان كانت يكون تكون"
) if (t := analyze_token(w)))
# Units of time an amount may be counted in («للشهر والنصف», «ثلاثة أيام», «40 ثانية»):
# such an amount is a span of time, which answers how long, not how many («كم قذيفة …؟»)
_TIME_UNITS = frozenset(t for w in (*_TIME_NOUNS, *_SPANS, *_forms(
    "ثانية ثوان ثواني دقيقة أسبوع أسبوعا يوما أياما شهرا عاما سنوات أعوام ساعة")
) if (t := analyze_token(w)))
# «كم عدد …», «ما عدد …» ask how many; so does «كم» before the counted noun, which is
# written in the accusative («كم قذيفة», «كم قمرا», «كم مرة»), not a verb («قديش ضلوا»,
# «كم استمرة» mistyped)
_COUNT_WORDS = _forms("عدد")
_COUNTED_ENDINGS = tuple(normalize(e) for e in ("ة", "ا"))
_VERB_ENDS, _VERB_STARTS = normalize("وا"), normalize("است")
# «ماذا قال X؟» asks for words X said: a passage that only names X (in a list of those
# present, as someone met) does not answer. Question words that ask it, verbs of saying
# asked about, and the verbs and marks by which a passage reports speech.
_WHAT = _forms("ماذا ما شو ايش إيش وش شنو بماذا بما")
# a preposition before the question word governs it («ضد ماذا قال الهادفي …؟»: against
# what): no speaker put in front
_GOVERNS_WHAT = _forms("ضد عن مع حول بشأن تجاه نحو إلى على في")
_SAID = _forms("قال قالت قالوا يقول تقول صرح صرحت حكى حكت علق علقت رد ردت أكد أكدت "
                "أوضح أوضحت")
SAID_TERMS = frozenset(t for w in _SAID if (t := analyze_token(w)))
_SPEECH = _forms(
    "قال قالت قالوا يقول تقول قائلا قائلة أضاف أضافت مضيفا أكد أكدت مؤكدا أعلن أعلنت "
    "صرح صرحت تصريح تصريحات أشار أشارت مشيرا أوضح أوضحت حذر حذرت محذرا أفاد أفادت "
    "ذكر ذكرت لفت لفتت شدد شددت نفى نفت أعرب أعربت دعا دعت وصف وصفت وصفتها "
    "اعتبر اعتبرت رأى يرى كتب كتبت بيان البيان تحدث تحدثت وتحدثت")
# Verbs by which a passage reports who speaks: «قال X», «وأضاف X», «صرح X» (a noun such
# as «البيان» or «تصريحات» names no speaker after it).
_SAYS = _forms(
    "قال قالت قالوا يقول تقول أضاف أضافت يضيف أكد أكدت يؤكد أعلن أعلنت صرح صرحت أشار "
    "أشارت أوضح أوضحت أفاد أفادت حذر حذرت ذكر ذكرت شدد شددت نفى نفت أعرب أعربت دعا دعت وصف وصفت "
    "اعتبر اعتبرت كتب كتبت تابع تابعت ختم ختمت رد ردت علق علقت أبلغ أبلغت أخبر أخبرت")
SPEAKER_WORDS = 6  # words a verb of saying and its speaker's name may stand apart (titles)
ASKED_SPEAKER_WORDS = 3  # a question's speaker: «ماذا قال كيم جونغ أون لبوتين» stops at أون
# What ends the speaker's phrase in a question («ماذا قال كيم عن روسيا؟») or in a passage
# («قال بوتين إن كيم ...»: Kim is spoken of, not speaking)
_THAT = _forms("إن أن ان")
_PREPOSITIONS = _forms("من في على عن إلى الى مع ومن وفي وعلى وعن وإلى والى ومع")
_SPEECH_MARKS = re.compile(r"\w+|[:«\"“.،,؛;!?؟]")
# «ما اسم X؟», «من هو X؟», «مين الـX؟» ask for the name of what X is: a passage that
# holds X with no name beside it («على متن قطاره المدرع») does not say it. So do «ما
# طراز/موديل/ماركة X؟»: a model or a make is the name of a thing's kind («بندقية
# كلاشنيكوف»), which «أعطى كيم بندقية» does not give.
_NAME_NOUN = _forms("اسم أسماء طراز موديل ماركة")  # «ما أسماء …؟» asks names too
# ... the name nouns as terms: what they ask about is the noun after them (decide.py)
NAME_TERMS = frozenset(t for w in _NAME_NOUN if (t := analyze_token(w)))
_WHO = _forms("من مين منو شكون")
_HE = _forms("هو هي هم هما هن")  # «من هم الخبراء …؟» asks their names too
# Properties of a person or a thing that news of an event seldom states: age, birth,
# family, looks, price and measures, schooling, weather. «كم عمر بوتين؟», «ما اسم زوجة
# كيم؟», «ما لون القطار؟», «كم بلغت تكلفة القاعدة؟» name what the coverage names and
# ask one of these: a passage lacking the property word does not answer them.
_PROPERTY_WORDS = """
عمر عمره عمرها سن ولد ولدت مولد ميلاد مواليد توفي توفيت وفاة زوجة زوجته زوج زوجها
ابن ابنه ابنة ابنته بنت بنته أبناء ابناء أولاد اولاد والدة والدته أم أمه أخ أخت شقيق شقيقة
شقيقه أشقاء عائلة أسرة جنسية ديانة دين هواية هوايات طول وزن لون ألوان حجم
ارتفاع سرعة مساحة سعر ثمن تكلفة كلفة كلف تكلف راتب ثروة ميزانية عيار
درس دراسة تخرج جامعة شهادة طقس الطقس جو الجو حرارة مطر أمطار طعام أكل عشاء غداء
"""
PROPERTY_TERMS = frozenset(t for w in _PROPERTY_WORDS.split()
                           if (t := analyze_token(normalize(w))))
_WHETHER = _forms("هل وهل فهل")  # a yes/no question: a yes needs all of it said
_QUOTES = re.compile("[\"«»“”:]")
_CLITICS = tuple(normalize(c) for c in ("و", "ف", "ب", "ل"))
_ARTICLE = normalize("ال")
_TO_WHOM = normalize("ل")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(19|20)\d\d")


def answer_type(text: str) -> str | None:
    """What a question asks for, read from its first words: NUMBER (كم، قديش، ما عدد، ما
    مدة: an amount, a count, a duration), TIME (متى، امتى، في أي عام/يوم: a date or a
    time), or None (who, where, what, yes/no: no general shape to look for)."""
    tokens = tokenize(normalize(bounded(clean_question(text))))[:6]
    for i, token in enumerate(tokens):
        if token in _ASKS:
            # «مين بيقرر قديش بيضل الوفد؟» asks who; the amount is the clause it decides
            # («من كم يوم …»: since how many days, «من» a preposition there)
            if any(t in _WHO for t in tokens[:max(i - 1, 0)]):
                return None
            return _ASKS[token]
        if i and tokens[i - 1] in _WHICH:
            if token in _TIME_NOUNS or token in _ASKED_TWO:
                return TIME
            if token in _NUMBER_NOUNS:
                return NUMBER
    return None


def time_grain(text: str) -> str | None:
    """The grain of the time a question asks («في أي شهر …؟» -> MONTH, «في أي يوم …؟»,
    «في أي تاريخ …؟» -> DAY), TIME for any other time question («متى …؟», «في أي عام
    …؟»), None when it asks no time."""
    tokens = tokenize(normalize(bounded(clean_question(text))))[:6]
    kind = answer_type(text)
    if kind != TIME:
        return None
    return next((_GRAINS[t] for i, t in enumerate(tokens)
                 if i and tokens[i - 1] in _WHICH and t in _GRAINS), TIME)


def decision_type(text: str) -> str | None:
    """What the decline decision checks a passage for: `answer_type`'s NUMBER or TIME,
    else SAYING when the question asks what someone said or who said it (ماذا قال، شو
    قال، ايش صرح، من قال إن …),
    else YES_NO for هل (a passage answers «هل التقى كيم برئيس الصين؟» only if it says
    all of it: decide.py checks every content word). The reranker keeps to
    `answer_type`, and for SAYING to `speaker`/`speaks` (whether the one asked about
    speaks): any passage may report speech."""
    kind = answer_type(text)
    if kind is not None:
        return kind
    tokens = tokenize(normalize(bounded(clean_question(text))))[:4]
    if _asks_name(tokens):
        return NAME
    # «ماذا قال X؟» asks what X said, «من قال إن …؟» who said it: either way words said
    # («من الذي قال إن …؟» too: who said it)
    if any(t in _SAID and i and (tokens[i - 1] in _WHAT or tokens[i - 1] in _WHO or (
            i > 1 and tokens[i - 1] in _RELATIVE and tokens[i - 2] in _WHO))
           for i, t in enumerate(tokens)):
        return SAYING
    return YES_NO if tokens and tokens[0] in _WHETHER else None


def _asks_name(tokens: list[str]) -> bool:
    """«ما اسم ...», «من هو ...», «مين الـ...», «مين وزير ...»: a name asked for by what it
    is (a role, a title, a thing), not «من زار بوتين؟» nor «من الذي زار بوتين؟» (who did
    something; a verb written
    with ال of its own, «من التقى بوتين؟», is read as a role: names_beside then looks
    beside the verb)."""
    if len(tokens) < 2:
        return False
    # «ما اسم X؟», «ما هو طراز X؟»: a pronoun may stand between
    if tokens[0] in _WHAT and (tokens[1] in _NAME_NOUN or (
            tokens[1] in _HE and len(tokens) > 2 and tokens[2] in _NAME_NOUN)):
        return True
    if tokens[0] not in _WHO:
        return False
    if tokens[1] in _HE:  # «من هو قائد الأسطول؟»: a noun follows هو, never a verb
        return len(tokens) > 2 and not _a_person(tokens[2:])
    if tokens[1] in _RELATIVE:  # «من الذي قال/زار …»: who did something, no role named
        return False
    # the article leaves a noun of three letters or more: «من ألف كتاب …» (who wrote)
    # and «من ألقى …» start with the letters of the article and are verbs
    return (tokens[1].startswith(_ARTICLE) and len(tokens[1]) >= len(_ARTICLE) + 3) \
        or analyze_token(tokens[1]) in PERSON_HEADS


_RELATIVE = _forms("الذي التي اللي الي")


def _a_person(tokens: list[str]) -> bool:
    """Whether the words after «من هو» are a person's name, not a title: a bare word that
    is no title head, at the question's end or followed by another bare word or a relative
    pronoun («من هو بيسكوف؟», «من هو دينيس مانتوروف؟», «من هو لوكاشينكو الذي التقاه
    بوتين؟»). Such a question asks who the person is (a title beside the name answers
    it), not for a name; a title is followed by its owner («من هو مدرب الترجي؟»)."""
    first = tokens[0]
    return (not first.startswith(_ARTICLE) and analyze_token(first) not in PERSON_HEADS
            and (len(tokens) == 1 or tokens[1] in _RELATIVE
                 or not tokens[1].startswith(_ARTICLE)))


def _bare(token: str) -> tuple[str, ...]:
    """The token, without a leading conjunction/preposition, and without the article."""
    forms = [token]
    if len(token) > 3 and token.startswith(_CLITICS):
        forms.append(token[1:])
    forms += [f[len(_ARTICLE):] for f in forms if f.startswith(_ARTICLE) and len(f) > 4]
    return tuple(forms)


def speaker(text: str) -> tuple[str, ...]:
    """The words naming whom a SAYING question asks about, as stems: those after its verb
    of saying up to the first function word or the one spoken to («ماذا قال كيم عن
    روسيا؟» -> (كيم,); «ماذا قال لافروف لكيم؟» -> (لافروف,); «شو قال الرئيس الروسي؟» ->
    (رئيس, روسي)); () when the question is no SAYING question."""
    tokens = tokenize(normalize(bounded(clean_question(text))))
    for i, token in enumerate(tokens[:4]):
        if token in _SAID and i and tokens[i - 1] in _WHAT:
            front = [analyze_token(t) for t in tokens[:i - 1]]
            if front and all(front) and tokens[i - 2] not in _GOVERNS_WHAT:
                # «كيم شن قال بيصير …؟», «بيسكوف ايش قال عن …؟»: the one asked about
                # put before the question word; what follows the verb is what was said
                return tuple(t for t in front if t)
            who = []
            for after in tokens[i + 1:i + 1 + ASKED_SPEAKER_WORDS]:
                term = analyze_token(after)
                if term is None or (who and after.startswith(_TO_WHOM)
                                    and not after.startswith(_ARTICLE) and len(after) > 3):
                    break  # «ماذا قال لافروف لكيم؟»: Kim is spoken to
                who.append(term)
            return tuple(who)
    return ()


def speaks(text: str, who: Collection[str], aliases: Mapping[str, Collection[str]],
           wide: bool = False) -> bool:
    """Whether `text` reports `who` (`speaker`'s stems) speaking: named within
    SPEAKER_WORDS words after a verb of saying, before any punctuation, quotation, «إن» or
    function word ends the speaker's phrase («قال الرئيس الروسي فلاديمير بوتين»، «وأفاد
    الناطق باسم الكرملين دميتري بيسكوف»), or right before a verb of saying or a colon
    («بيسكوف قال إنها»، «كيم: ...»; not a quotation mark: «سيحضر كيم "عرضًا"»). A name
    after another's verb («قال بوتين إن كيم ...»، «وقال بوتين وهو يصافح كيم») or a noun
    («وجاء في البيان أن بوتين») is spoken of, not speaking. `wide` (the decision, not the
    reranker, whose order it would change): «لفت» is a verb of saying too, and a country
    asked as the speaker, nothing more («ماذا قالت أمريكا؟»), speaks by its people or
    officials named by its adjective («ولفت مسؤولون أميركيون إلى أن …») or by its capital
    or seat of power (synonyms.related: واشنطن)."""
    if not who:
        return False
    # «ماذا قال الرئيس التركي أردوغان؟»: a title or a nation («وقالت الإدارة التركية») is
    # not the one asked about when the question names more (a name): that one must speak
    countries = wide and all(nation(w) for w in who)
    who = [w for w in who if w not in PERSON_HEADS and nation(w) is None] or (
        # ... and «ماذا قال الرئيس الأمريكي؟» asks the title, which «مسؤولون أميركيون»
        # is not (wide: «ولفت مسؤولون أميركيون» would speak for him)
        [w for w in who if w in PERSON_HEADS] if wide and not countries else []) or who
    nations = {nation(f) for w in who for f in (w, *related(w))} - {None} if countries \
        else set()
    seats = {f for w in who for f in related(w)} if countries else set()
    says = _says_widely if wide else _says
    marks = _SPEECH_MARKS.findall(normalize(text))
    after_verb = 0  # words left in which a name is the last verb's speaker
    for i, mark in enumerate(marks):
        term = analyze_token(mark) if mark[0].isalnum() else None
        if term is None or mark in _THAT:  # punctuation, a quotation, a function word
            after_verb = 0
            continue
        if says(mark):
            after_verb = SPEAKER_WORDS
            continue
        following = marks[i + 1] if i + 1 < len(marks) else ""
        # «من جانبه أبلغ …»: a preposition's object is not who speaks after it
        subject = not (i and marks[i - 1] in _PREPOSITIONS)
        if (_has(term, who, aliases) or term in seats or nation(term) in nations) and (
                after_verb or following == ":" or (subject and says(following))
                or _relative_says(marks[i + 1:i + 1 + SPEAKER_WORDS], says)):
            return True
        after_verb = max(after_verb - 1, 0)
    return False


def continues_speaker(text: str) -> bool:
    """Whether `text` opens with a verb of saying and no speaker («وقال، عندما سئل …»،
    «وأضاف أن …»، «وتابع: …»): it quotes someone named in the passage before it, who may
    be the one a question asks about (decide.py does not read it as silent; the reranker
    credits no one with it)."""
    marks = _SPEECH_MARKS.findall(normalize(text))[:2]
    return len(marks) == 2 and _says(marks[0]) and (
        not marks[1][0].isalnum() or analyze_token(marks[1]) is None or marks[1] in _THAT)


def _relative_says(marks: list[str], says: Callable[[str], bool] | None = None) -> bool:
    """Whether `marks` (what follows a name) reach «التي/الذي» + a verb of saying before
    anything but words and commas: «وكالة الأنباء الرسمية لكوريا الشمالية، التي قالت
    إن …» reports the agency speaking."""
    for mark, following in pairwise(marks):
        if mark in _RELATIVE:
            return (says or _says)(following)
        if not (mark[0].isalnum() or mark in "،,"):
            return False
    return False


# «ولفت خبراء … إلى أن …», «بيسكوف الذي لفت إلى أن …»: pointed out (`speaks`, wide)
_POINTED = _forms("لفت لفتت ولفت ولفتت")


def _says_widely(token: str) -> bool:
    """`_says`, or «لفت» (pointed out), which the decision reads as saying."""
    return token in _POINTED or _says(token)


# Per word form, cached: words recur across the 30 candidates a «كم»/«متى»/«ماذا قال»
# question checks token by token.
@lru_cache(maxsize=1 << 16)
def _says(token: str) -> bool:
    """A verb of saying, also with an object pronoun after it, the token bare of a
    conjunction only (a verb takes no article nor preposition): «وصفها بوتين»، «اعتبرهم»;
    not «ه» (ة once normalized: «بالإضافة» is no «أضاف»)."""
    verbs = (token, token[1:]) if len(token) > 4 and token.startswith(_AND) else (token,)
    return any(f in _SAYS for f in _bare(token)) or any(
        v.endswith(p) and v[:-len(p)] in _SAYS for v in verbs for p in _OBJECTS)


_OBJECTS = _forms("ها هم")
_AND = tuple(normalize(c) for c in ("و", "ف"))


@lru_cache(maxsize=1 << 16)
def _is_candidate(token: str, kind: str) -> bool:
    if kind == SAYING:
        return any(f in _SPEECH for f in _bare(token))
    if kind == MONTH:  # a month's name, or a date in digits other than a year
        return (bool(_DIGIT.search(token)) and not _YEAR.fullmatch(token)) or any(
            f in _MONTHS for f in _bare(token))
    if kind == HOUR:  # a part of the day (a clock time: `_candidates`)
        return any(f in _HOURS for f in _bare(token))
    if kind == DAY:  # a weekday, yesterday/today, or a day's number
        return (bool(_DIGIT.search(token)) and not _YEAR.fullmatch(token)) or any(
            f in _DAYS for f in _bare(token))
    if kind == TIME:  # a date, or how long from now («مغلقة لمدة يومين»: when it reopens;
        # «مرتين» is how often, no time)
        return bool(_DIGIT.search(token)) or any(
            f in _TIME_WORDS or f in _SPANS or _TIME_DUALS.match(f) for f in _bare(token))
    if _DIGIT.search(token):
        return not _YEAR.fullmatch(token)  # «منذ عام 2019» states no amount
    forms = _bare(token)
    return any(f in _AMOUNT_WORDS or _DUAL_UNITS.match(f) for f in forms)


def asks_count(question: str) -> bool:
    """Whether an amount question asks how many: «كم عدد …», «ما عدد …», or «كم» before
    the counted noun («كم قذيفة أرسلت …؟», «كم قمرا …», «كم مرة …»), of something other
    than time (not «كم عدد الأيام …», «كم ساعة …»). A span of time does not answer it:
    «بقذائف مدفعية للشهر والنصف الماضيين» tells for how long, not how many. Any other
    amount question may ask how long («كم استمرت …», «قديش رح تطول …», «كم كان عمره …»)."""
    tokens = tokenize(normalize(bounded(clean_question(question))))
    for i, t in enumerate(tokens):
        if not (t in _COUNT_WORDS or _ASKS.get(t) == NUMBER):
            continue
        # the noun counted: right after «كم», «عدد» or «كم عدد» (a time noun elsewhere
        # only scopes the count: «كم قذيفة سلمت خلال الشهر الماضي؟» asks how many)
        after = tokens[i + 1:i + 3]
        unit = next((a for a in after if a not in _COUNT_WORDS), None)
        if unit is not None and analyze_token(unit) in _TIME_UNITS:
            return False
        if t in _COUNT_WORDS or (after and after[0] not in _COUNT_WORDS
                                 and _counted(after[0])):
            return True
    return False


def _counted(token: str) -> bool:
    """A noun counted after «كم»: in the accusative (قذيفة، قمرا), not a verb, nor a
    country that ends so (روسيا، كوريا): «كم كوريا ترسل قذائف …؟», the dialect's «شكد
    صارلها» (how long has it been) read, names what acts, no unit counted."""
    return token.endswith(_COUNTED_ENDINGS) and not token.endswith(_VERB_ENDS) \
        and not token.startswith(_VERB_STARTS) and nation(token) is None


COUNT_BEFORE = 2  # words a number may stand before the noun it counts («3 ملايين طن»)
_ACCUSATIVE = normalize("ا")


def counted_noun(question: str) -> frozenset[str]:
    """The terms of the noun «كم» counts, when it counts a thing, not time («كم طنا …؟»
    -> طن, «كم قائدا …؟» -> قائد; «كم يوما …؟», «كم تبرع …؟»: none): the accusative
    alif of the indefinite noun counted (تمييز) dropped (not «كم عدد الضحايا»: definite,
    no noun counted in the accusative), as the coverage writes the noun after a number
    («3 ملايين طن», «خمسة قادة»)."""
    tokens = tokenize(normalize(bounded(clean_question(question))))
    for i, token in enumerate(tokens[:-1]):
        following = tokens[i + 1]
        if _ASKS.get(token) == NUMBER and _counted(following) \
                and not following.startswith(_ARTICLE) \
                and (term := analyze_token(following)) \
                and term not in _TIME_UNITS and term not in UNIT_TERMS:
            bare = analyze_token(following[:-1]) if following.endswith(_ACCUSATIVE) else None
            return frozenset(t for t in (term, bare) if t)
    return frozenset()


def count_printed(text: str, counts: Callable[[str], bool], weights: Mapping[str, float],
                  aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether a sentence of `text` that best matches the question prints a number right
    before (at most COUNT_BEFORE words) a noun `counts` accepts (the noun «كم» counts, in
    a form or a word of its class): «ويستهلك المغرب نحو 3 ملايين طن» answers «كم طنا
    …؟», «شارك خمسة رؤساء دول» answers «كم قائدا …؟» — the strongest sign of an amount
    answered, wherever the question's other words stand."""
    for sentence in matching_sentences(text, weights, aliases):
        tokens, terms = _sentence_terms(sentence)
        numbers = [j for j, token in enumerate(tokens) if _is_candidate(token, NUMBER)]
        if any(term is not None and counts(term) and any(0 < i - j <= COUNT_BEFORE
                                                         for j in numbers)
               for i, term in enumerate(terms)):
            return True
    return False


def _candidates(tokens: Sequence[str], kind: str, spans: bool) -> list[int]:
    """The positions of `tokens` that may answer a question of `kind` (`_is_candidate`);
    for an amount asked that is no span of time (`spans` False: `asks_count`), not an
    amount of time: a unit's dual (يومين) or an amount beside a unit of time (الشهر
    والنصف، ثلاثة أيام)."""
    at = [i for i, token in enumerate(tokens) if (_is_candidate(token, kind) or (
        kind == NUMBER and spans and _untold(tokens, i)))
          and not _whereas(tokens, i)]
    if kind == HOUR:  # a clock time: digits after «الساعة» («الساعة 10:30»), not «40 ثانية»
        at += [i for i, token in enumerate(tokens) if i and _DIGIT.search(token)
               and tokens[i - 1] in _CLOCK]
    if kind != NUMBER or spans:
        return at
    terms = [analyze_token(t) for t in tokens]
    return [i for i in at if not any(_TIME_DUALS.match(f) for f in _bare(tokens[i]))
            and terms[max(i - 1, 0)] not in _TIME_UNITS
            and (i + 1 >= len(terms) or terms[i + 1] not in _TIME_UNITS)]


_IN = normalize("في")
_WHILE = normalize("حين")
# «لم أكن متأكدا من المدة», «من دون تحديد»: the coverage says the amount is not known,
# which answers how long (readers' keys hold it: «كم ستستمر الزيارة؟» -> «لم أكن متأكداً
# من المدة»)
_UNFIXED = _forms("مسمى محدد معلوم معروف واضح")
_NOT = _forms("غير")
_FIXING = _forms("تحديد")
_WITHOUT = _forms("دون بدون عدم")
_SURE = _forms("متأكد متأكدا متأكدة متأكدين")
_NEGATIONS = _forms("لم لست ليس لسنا غير لا")


def _untold(tokens: Sequence[str], i: int) -> bool:
    """Whether `tokens[i]` says that the amount asked is not known (`_UNFIXED` after
    «غير», «تحديد» after «دون», «متأكد» after a negation within two words): an answer to
    how long («لم أكن متأكدا من المدة»), read only where an amount that may be a span is
    asked (`_candidates`): for when, «من دون تحديد تاريخ» answered near misses asking
    the date of something else in the sentence, and for how many, «كم عدد أفراد الوفد؟»
    met «لم أكن متأكدا من المدة»."""
    forms = _bare(tokens[i])
    before = [f for j in range(max(i - 2, 0), i) for f in _bare(tokens[j])]
    if any(f in _UNFIXED for f in forms):
        return i > 0 and any(f in _NOT for f in _bare(tokens[i - 1]))
    if any(f in _FIXING for f in forms):
        return i > 0 and any(f in _WITHOUT for f in _bare(tokens[i - 1]))
    return any(f in _SURE for f in forms) and any(f in _NEGATIONS for f in before)


def _whereas(tokens: Sequence[str], i: int) -> bool:
    """Whether `tokens[i]` is «حين» in «في حين» (whereas, while): a contrast between two
    clauses, no time («سيكون أول كوري شمالي يصل إلى المدار، في حين تسعى الدولة …» tells
    no year nor day)."""
    return (i > 0 and _WHILE in _bare(tokens[i])
            and _IN in _bare(tokens[i - 1]))


def matching_sentences(text: str, weights: Mapping[str, float],
                       aliases: Mapping[str, Collection[str]], before: bool = False
                       ) -> list[str]:
    """The sentences of `text` that hold the most of the question's weight (ties all);
    `before`: each with the sentence before it («وأضاف كيم: ...» then the words said)."""
    sentences = sentences_of(text)
    scored = [(sum(w for t, w in weights.items()
                   if t in held or not held.isdisjoint(aliases.get(t, ()))), i)
              for i, (_, held) in enumerate(sentences)]
    top = max((w for w, _ in scored), default=0.0)
    if before:
        return [" ".join(s for s, _ in sentences[max(i - 1, 0):i + 1])
                for w, i in scored if w == top and w > 0]
    return [sentences[i][0] for w, i in scored if w == top and w > 0]


def holds(text: str, kind: str, weights: Mapping[str, float],
          aliases: Mapping[str, Collection[str]], spans: bool = True) -> bool:
    """Whether the sentence of `text` that best matches the question holds a candidate
    answer of `kind` (NUMBER: digits other than a year's, number words, a unit's dual;
    TIME: digits, months, weekdays, yesterday/today, when-clauses; SAYING: a verb of
    saying or a quotation, in it or the sentence before). `spans`: whether a span of
    time answers an amount asked (not when it asks how many: `asks_count`)."""
    return (kind == SAYING and _opens_speech(text)) or any(
        (kind == SAYING and _QUOTES.search(sentence)) or _candidates(
            _sentence_terms(sentence)[0], kind, spans)
        for sentence in matching_sentences(text, weights, aliases, kind == SAYING))


SPEECH_OPENING = 4  # words a passage's speaker and verb of saying open it with


def _opens_speech(text: str) -> bool:
    """Whether the passage opens with a verb of saying and a colon («وأضاف كيم: …»,
    «وقال بيسكوف للصحافيين: …»): all of it, to its last sentence, is the words said."""
    sentences = sentences_of(text)
    if not sentences or ":" not in (first := sentences[0][0]):
        return False
    opening = tokenize(normalize(first.split(":", 1)[0]))
    return len(opening) <= SPEECH_OPENING + 2 and any(
        f in _SAYS for token in opening[:SPEECH_OPENING] for f in _bare(token))


# A number glued by a hyphen to the word before it is part of a name: a rocket's, a
# plane's, a product's or a disease's («سويوز-2», «إف-16», «Soyuz-2», «كوفيد-19»), no
# amount and no date («ومجمع إطلاق سويوز-2» tells neither when nor how many)
_NAMED_NUMBER = re.compile(r"(?<=[^\W\d_])[-‐‑–]\d+\b")


def _sentence_terms(sentence: str) -> tuple[list[str], list[str | None]]:
    """A sentence's tokens, a name's number left out (`_NAMED_NUMBER`), and their terms."""
    tokens = tokenize(normalize(_NAMED_NUMBER.sub("", sentence)))
    return tokens, [analyze_token(t) for t in tokens]


# A preposition glued to a word written with a hamza on its alef («لأغراض», «بأسلحة»,
# «لإطلاق», «وبأمر»): a prepositional phrase begins there, never a name of the noun
# before it (a name that opens with ب ل ك, «بوتين», «لافروف», «كيم», has no hamza after)
_GLUED_HAMZA = re.compile(r"(?<!\w)([وف]?[لبك])(?=[أإ])")
_TO_THE = re.compile(normalize(r"^[وف]?لل\w{2}"))  # «للزعيم», «وللوفد»: to the …


def _glued_prepositions(sentence: str) -> frozenset[int]:
    """The positions, among `_sentence_terms`' tokens, of words a preposition is glued to
    (`_GLUED_HAMZA`): a hamza inserted after it marks them, the tokens otherwise the same
    (one the word has of its own, «طائرات», changes nothing); and لـ with the article
    (`_TO_THE`: «قفاز رائد فضاء وبندقية للزعيم الكوري … كيم»: Kim is named for the
    leader the gift went to, not for the cosmonaut)."""
    plain = _NAMED_NUMBER.sub("", sentence)
    tokens = tokenize(normalize(plain))
    marked = tokenize(normalize(_GLUED_HAMZA.sub(r"\1ء", plain)))
    return frozenset(i for i, (token, other) in enumerate(
        zip(marked, tokens, strict=False)) if token != other) | frozenset(
        i for i, token in enumerate(tokens) if _TO_THE.match(token))


def _has(term: str | None, wanted: Collection[str],
         aliases: Mapping[str, Collection[str]]) -> bool:
    return term is not None and any(term == w or term in aliases.get(w, ()) for w in wanted)


def holds_near(text: str, kind: str, weights: Mapping[str, float],
               aliases: Mapping[str, Collection[str]], anchors: Collection[str],
               window: int = NEAR_WORDS, spans: bool = True) -> bool:
    """Whether a candidate answer of `kind` (NUMBER, TIME) stands within `window` words
    of one of the question words `anchors` in the best-matching sentence: «كم عدد أبناء
    بوتين؟» is not answered by a sentence that names Putin and, further on, 40 seconds;
    «متى افتتحت القاعدة؟» not by one where the base and a Wednesday meet, with no opening
    in it. decide.py passes the question's predicate words (not the names that bring
    every candidate) as `anchors`; a time noun framing the question (عام، يوم) is none."""
    if kind in (TIME, MONTH, DAY, HOUR):
        anchors = [a for a in anchors if a not in _TIME_TERMS]
    for sentence in matching_sentences(text, weights, aliases):
        tokens, terms = _sentence_terms(sentence)
        at = [i for i, term in enumerate(terms) if _has(term, anchors, aliases)]
        if any(abs(i - j) <= window for j in _candidates(tokens, kind, spans) for i in at):
            return True
    return False


def with_article(texts: Iterable[str]) -> frozenset[str]:
    """The words `texts` write with the article, without it (الكوري -> كوري): a word
    seen so is a noun or an adjective, not a name (names_beside)."""
    return frozenset(f[len(_ARTICLE):] for text in texts for token in tokenize(normalize(text))
                     for f in _bare(token) if f.startswith(_ARTICLE))


_FUTURE = tuple(normalize(p) for p in ("سي", "ست", "سن"))
_PLURAL_VERB = tuple(normalize(e) for e in ("ان", "ون", "وا"))
_PARTICIPLE = (normalize("م"), normalize("ة"))
# a feminine relative adjective (ـية) agrees with the noun before it, it names nothing:
# «أقمار اصطناعية», «بندقية آلية» (a masculine ـي ends names too: سيرغي، فوستوتشني)
_NISBA_FEMININE = normalize("ية")
# conjunctions that open a clause (the analyser keeps them as words)
_CLAUSE_OPENERS = _forms("بعدما عندما حينما فيما ريثما طالما بينما كلما حيثما")


def _name_like(token: str, term: str | None, common: Collection[str], letters: int = 3) -> bool:
    """A word that may be a name: not a function word, not written with the article (an
    adjective agreeing with the noun asked about: «القطار المدرع»), nor one the coverage
    writes with it elsewhere (`common`: «رائد فضاء كوري» beside «الكوري»), not digits,
    at least `letters` long, nor a participle agreeing with an indefinite noun («بندقية
    مصنوعة»)."""
    return (term is not None and len(token) >= letters and not token.isdigit()
            and not any(f.startswith(_ARTICLE) or f in common for f in _bare(token))
            and not (len(token) > 4 and token.startswith(_PARTICIPLE[0])
                     and token.endswith(_PARTICIPLE[1]))
            and not (len(token) > 4 and token.endswith(_NISBA_FEMININE)))


_PLURALS = tuple(normalize(e) for e in ("ون", "ين", "ات"))


def _coordinated(token: str) -> bool:
    """«والبندقية», «ومسؤولون»: a noun joined by «و» (definite or plural) begins another
    noun's phrase; a name after it names that noun, not the one asked about."""
    rest = token[1:]
    return token.startswith(_AND[0]) and len(rest) >= 4 and (
        rest.startswith(_ARTICLE) or rest.endswith(_PLURALS))


def _verb_of_the_future(token: str) -> bool:
    """«سيقومان», «ستبدأون»: a verb (future, dual or plural), which ends a noun's phrase."""
    return len(token) > 4 and token.startswith(_FUTURE) and token.endswith(_PLURAL_VERB)


def _named_from(tokens: list[str], terms: list[str | None], at: int, step: int,
                asked: Collection[str], aliases: Mapping[str, Collection[str]],
                common: Collection[str], owned: bool = False,
                glued: Collection[int] = ()) -> bool:
    """Whether a name follows (step 1) or precedes (step -1) the word at `at`: passing the
    question's own words and words with the article (its adjectives), then within
    NAME_WORDS other words (a noun before the name: «قاعدة مطار فوستوتشني»), before a
    function word ends the phrase («قطاره المدرع، كان»). A name before the noun is one
    of NAME_BEFORE letters or more, and the noun after it is definite, as a title set
    beside a name is («لوكاشينكو، الزعيم البيلاروسي», «دميتري بيسكوف المتحدث»; not «متن
    قطاره», nor «إرسال رائد فضاء»: a word before an indefinite noun governs it). `owned`:
    the question gives the noun an owner («قائد القطار»): one the question does not ask
    right after it, a country or a definite noun («زعيم كوريا»، «وزير الدفاع»), makes it
    another's, whose name is no answer. `glued`: positions of words a preposition is
    glued to (`_glued_prepositions`): a prepositional phrase, which ends the noun's
    («قمر اصطناعي لأغراض التجسس», «مروحيات بأسلحة خفيفة»: no name there)."""
    if step < 0 and not any(f.startswith(_ARTICLE) for f in _bare(tokens[at])):
        return False
    after = at + 1
    if owned and step > 0 and after < len(tokens) and terms[after] is not None \
            and not _has(terms[after], asked, aliases) and (
                tokens[after].startswith(_ARTICLE) or nation(tokens[after]) is not None):
        return False
    left = NAME_WORDS
    j = at + step
    while 0 <= j < len(tokens) and left:
        token, term = tokens[j], terms[j]
        # «الزعيمين سيقومان بجولة», «أقمار اصطناعية، بعدما فشلت»: a verb or a
        # conjunction opening a clause ends the noun's phrase, and so does a preposition
        if term is None or j in glued or _verb_of_the_future(token) or any(
                f in _CLAUSE_OPENERS for f in _bare(token)):
            return False
        if step > 0 and _coordinated(token):  # «قفاز رائد الفضاء والبندقية»: another noun
            return False
        if not (_has(term, asked, aliases) or any(f.startswith(_ARTICLE) for f in _bare(token))):
            if _name_like(token, term, common, NAME_BEFORE if step < 0 else 3):
                return True
            left -= 1
        j += step
    return False


_NISBA = tuple(normalize(e) for e in ("ي", "ية"))


def owner_asked(question: str, focus: str) -> bool:
    """Whether the question gives the noun it asks a name of (`focus`, a term) an owner
    right after it: a country or a noun, not an adjective of origin nor a relative
    clause («ما اسم قائد القطار؟», «من هو قائد أسطول المحيط؟»; not «ما اسم الزعيم
    البيلاروسي؟», «ما اسم الوزير الذي …؟»)."""
    tokens = tokenize(normalize(bounded(clean_question(question))))
    for token, after in pairwise(tokens):
        if analyze_token(token) != focus:
            continue
        if token.startswith(_ARTICLE):  # «الوزراء الروس»: a noun with the article owns
            return False  # nothing after it (a construct's first noun never takes it)
        term = analyze_token(after)
        return term is not None and after not in _RELATIVE and (
            nation(after) is not None or not after.endswith(_NISBA))
    return False


def names_beside(text: str, focus: str, weights: Mapping[str, float],
                 aliases: Mapping[str, Collection[str]], common: Collection[str] = (),
                 owned: bool = False) -> bool | None:
    """Whether the best-matching sentence names what `focus` (the noun asked about in «ما
    اسم X؟», «من هو X؟») is: a word after X, passing the question's words and X's
    adjectives, may be a name («قاعدة مطار فوستوتشني», «صالة تجميع الصاروخ الفضائي
    أنغارا»: `_named_from`), or one before it («دميتري بيسكوف المتحدث باسم الكرملين»).
    `common`: words the coverage writes with the article (`with_article`),
    which are no names; `owned`: the question gives X an owner (`owner_asked`). None
    when no matching sentence holds X at all (that is another signal: decide.py's
    `focus_missing`)."""
    asked = set(weights)
    found = None
    for sentence in matching_sentences(text, weights, aliases):
        tokens, terms = _sentence_terms(sentence)
        glued = _glued_prepositions(sentence)
        for i, term in enumerate(terms):
            # ... written with a preposition glued to it too: «لوزير الخارجية الروسي سيرغي
            # لافروف» names the minister (the stemmer strips ل only before the article)
            if not (_has(term, (focus,), aliases)
                    or any(_has(bare, (focus,), aliases) for bare in unglued(term or ""))):
                continue
            found = False
            if any(_named_from(tokens, terms, i, step, asked, aliases, common, owned, glued)
                   for step in (1, -1)):
                return True
    return found


# «ماذا حدث بعد عودة كيم؟», «ما نتائج الزيارة؟», «ما تداعيات القمة؟» ask what followed an
# event: coverage of the event itself answers only where it tells what came next (a
# sequence word: بعد، ثم، عقب، لاحقا...). Words that ask it, and words that tell it.
_LATER = _forms("بعد بعدما بعدها عقب إثر اثر أعقاب لاحقا لاحقاً لاحق التالي التالية "
                "نتيجة نتائج تداعيات عواقب منذئذ")
_SEQUENCE = _LATER | _forms("ثم ثمّ فيما منذ حتى المقبل المقبلة")


def later_unsaid(question: str, text: str, weights: Mapping[str, float],
                 aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the question asks what followed (a word of `_LATER`: بعد، عقب، نتائج،
    تداعيات) and the passage's best-matching sentences tell no sequence at all (no بعد،
    ثم، عقب، لاحقا، منذ...): «ماذا حدث بعد عودة كيم إلى بيونغيانغ؟» over «شكر كيم
    بوتين على دعوته», a passage of the visit itself, not of what came after it."""
    asked = tokenize(normalize(bounded(clean_question(question))))
    if not any(f in _LATER for token in asked for f in _bare(token)):
        return False
    return not any(f in _SEQUENCE for sentence in matching_sentences(text, weights, aliases)
                   for token in tokenize(normalize(sentence)) for f in _bare(token))


# «ما موعد الانتخابات المقبلة؟», «متى الاجتماع القادم؟», «هل سيلتقيان مرة أخرى؟» ask of
# what is still ahead of the coverage: a passage telling the last one answers only where
# its sentence looks ahead (a future verb, «سوف، لن، من المقرر، يعتزم»), and for when, where
# it dates what is ahead («الشهر المقبل», «بحلول», a year after its article's).
_NEXT = _forms("المقبل المقبلة القادم القادمة الجاي الجاية الجايه الآتي الآتية")
_AGAIN = (normalize("مرة"), normalize("أخرى"))
_WHEN = _forms("موعد الموعد متى امتى إمتى ايمتى إيمتى امتا إيمتا وقتيش تاريخ")
_INTENT = _forms("سوف لن المقرر مقرر مقررا يعتزم تعتزم يعتزمون تعتزمان ينوي تنوي ينوون "
                 "يرتقب المرتقب المرتقبة المنتظر المنتظرة قريبا قريباً")
_DATED_AHEAD = _forms("بحلول غدا غداً")
_AHEAD_NOUNS = _forms("العام السنة الشهر الأسبوع الموسم الدورة الجولة اليوم الأيام الأشهر "
                      "الأسابيع الأعوام السنوات عام سنة شهر أسبوع")
_MARKER = re.compile(r"(?<!\d)(?<!\d[.,])((?:19|20)\d\d)(?!\d|[.,]\d|\s*%)")


def _future_verb(token: str) -> bool:
    """«سيعقد», «ستجرى», «سنعمل», «سأزور»: the future prefix before an imperfect verb (not
    a noun that starts so: سيارة، سياسة)."""
    return (len(token) >= 5 and token[0] == normalize("س")[0]
            and token[1] in normalize("يتنا") and not token.endswith(normalize("ة")))


def years(text: str) -> set[int]:
    """The years (1900-2099) `text` writes in digits, not amounts («2024», not «2024.5»)."""
    return {int(y) for y in _MARKER.findall(normalize(text))}


def asks_next(question: str) -> bool:
    """Whether the question asks of the next or coming one («المقبلة، القادم، الجاية،
    مرة أخرى»); not of one coming from somewhere («ضيفه القادم من بيونغيانغ», «الوفد
    الآتي من موسكو»: who arrived, a guest the coverage tells of)."""
    tokens = tokenize(normalize(bounded(clean_question(question))))
    return any(f in _NEXT and not _arriving(f, tokens[i + 1:i + 3])
               for i, token in enumerate(tokens) for f in _bare(token)) or any(
        pair == _AGAIN for pair in pairwise(tokens))


def _arriving(word: str, after: Sequence[str]) -> bool:
    """Whether `word` (a next-word) followed by `after` says arriving from a place: «القادم
    من بيونغيانغ» (a bare name or a country), not «القادمة من المفاوضات» (the next round
    of them)."""
    return (word in _ARRIVING and len(after) == 2 and after[0] == _FROM
            and (not after[1].startswith(_THE) or nation(after[1]) is not None))


_FROM = normalize("من")
_THE = normalize("ال")
# the next-words that also say arriving («القادم من»), not «المقبلة من» (the next … of)
_ARRIVING = _forms("القادم القادمة الآتي الآتية الجاي الجاية الجايه")


def looks_ahead(sentence: str, published: int | None, when: bool) -> bool:
    """Whether `sentence` tells of something ahead of its article (published in the
    year `published`, None: undated): a date ahead (a later year, «بحلول», «غدا», «العام
    المقبل»), or a future verb, «سوف، من المقرر، يعتزم» or the next one named («في
    الانتخابات المقبلة») — beside a date (a month, a weekday, a year) when `when` (the
    question asks when: «اجتماعه المقبل في 18 ديسمبر», not «50% في الانتخابات
    المقبلة»)."""
    tokens = tokenize(normalize(sentence))
    forms = [_bare(token) for token in tokens]
    if published is not None and any(y > published for y in years(sentence)):
        return True
    if any(f in _DATED_AHEAD for fs in forms for f in fs) or any(
            any(f in _AHEAD_NOUNS for f in a) and any(f in _NEXT for f in b)
            for a, b in pairwise(forms)):
        return True
    dated = bool(years(sentence)) or any(f in _CALENDAR for fs in forms for f in fs)
    return (dated or not when) and any(
        _future_verb(f) or f in _INTENT or f in _NEXT for fs in forms for f in fs)


def next_unsaid(question: str, text: str, published: int | None,
                weights: Mapping[str, float], aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the question asks of the next one (`asks_next`) and the passage does not
    look ahead (`looks_ahead`): for «ما موعد …؟», «متى …؟» none of its best-matching
    sentences dates what is ahead («ما موعد الانتخابات المقبلة؟» over «ترتفع إلى 50% في
    الانتخابات المقبلة», which tells the seats, not when); otherwise nothing in it does
    («من سيزور بيونغيانغ الشهر القادم؟» over the visit that ended)."""
    if not asks_next(question):
        return False
    asked = tokenize(normalize(bounded(clean_question(question))))
    when = any(f in _WHEN for token in asked for f in _bare(token))
    told = matching_sentences(text, weights, aliases) if when else [text]
    return not any(looks_ahead(sentence, published, when) for sentence in told)


def year_unsaid(question: str, text: str, published: int | None) -> bool:
    """Whether the question names a year that neither the passage nor its article's date
    (`published`, its year) carries: «من فاز بالكأس عام 2024؟» over a 2025 final, «نسبة
    الاقتراع في انتخابات 2020» over the 2024 vote. (The whole passage, not its
    best-matching sentence: «صادق البرلمان … عام 2000» is answered by the sentence after
    the one that dates the visit.) A year the passage writes only after «منذ» counts a span
    from it and tells nothing of that year (`_years_told`), unless the question asks since
    when too."""
    asked = years(question)
    return bool(asked) and published not in asked and asked.isdisjoint(
        years(text) if _since(question) else _years_told(text))


# «منذ عام 2019», «منذ العام 2019», «منذ 2019»: the year a span starts from
_SINCE = re.compile(normalize(r"منذ\s+(?:(?:ال)?عام\s+|(?:ال)?سنة\s+)?((?:19|20)\d\d)"))


def _since(text: str) -> bool:
    """Whether `text` writes a year after «منذ» (since)."""
    return bool(_SINCE.search(normalize(text)))


def _years_told(text: str) -> set[int]:
    """The years `text` dates something in: not one it writes only after «منذ» («رحلته
    الأولى إلى روسيا منذ عام 2019» tells of 2023, and nothing of what happened in 2019;
    «ماذا أهدى بوتين لكيم في قمة عام 2019؟» is not answered by it)."""
    since = [int(y) for y in _SINCE.findall(normalize(text))]
    counted = [int(y) for y in _MARKER.findall(normalize(text))]
    return {y for y in counted if counted.count(y) > since.count(y)}


# A price, a cost or a sum asked («ما سعر الذهب في مصر؟», «كم تكلفة المشروع؟», «قديش
# ثمن التذكرة؟»): only an amount of that thing answers it. A unit or a rate named between
# the price and the thing («سعر كيلو الأرز», «سعر صرف الدولار») frames the thing asked.
# Not «قيمة» (a worth as often as a sum: «ما قيمة الزيارة؟»; «كم قيمة التمويل …؟» of
# ARCD is answered by «موّل … بمبلغ 16 مليون», the thing in its verb).
_PRICE_WORDS = _forms("سعر أسعار ثمن أثمان تكلفة كلفة تكاليف مبلغ")
_PRICE_ASKS = _forms("كم بكم قديش قديه قدي كام قداش ما شو ايش إيش وش شنو")
_PRICE_UNITS = frozenset(t for w in _forms(
    "كيلو كيلوغرام كيلوجرام كيلوغراما غرام جرام لتر برميل طن أونصة أوقية صرف عبوة قنينة "
    "متر الكيلو الغرام الجرام اللتر البرميل الطن الأونصة الأوقية الصرف المتر"
) if (t := analyze_token(w)))


def priced(question: str) -> frozenset[str]:
    """The terms of the thing whose price, cost or sum a question asks, as an amount
    (a question word, then the price word: «ما سعر الذهب …؟» -> ذهب, «كم سعر كيلو الأرز؟»
    -> أرز, the unit passed), or none (not a price asked: «لماذا ارتفع سعر الذهب؟» asks a
    cause, which a passage with no figure may tell)."""
    tokens = tokenize(normalize(bounded(clean_question(question))))
    for i, token in enumerate(tokens[:3]):
        if any(f in _PRICE_WORDS for f in _bare(token)) and (
                i == 0 or tokens[i - 1] in _PRICE_ASKS):
            for following in tokens[i + 1:i + 4]:
                term = analyze_token(following)
                if term is None or term in MEASURE_VERBS:
                    return frozenset()
                if term not in _PRICE_UNITS:
                    return frozenset({term})
            return frozenset()
    return frozenset()


def amount_given(text: str, thing: Collection[str],
                 aliases: Mapping[str, Collection[str]], title: str = "") -> bool:
    """Whether a sentence of `text` names `thing` (the terms `priced` reads, or a
    spelling of them) and states an amount (digits other than a year's, number words):
    «سجل سعر غرام الذهب 298 درهما» gives the price of gold, «رفع البنك أسعار الفائدة»
    beside no figure of gold does not. A `title` naming the thing lets any amount of the
    text give it («الذهب يرتفع»: «سجل الغرام 298 درهما»)."""
    def names(terms: Iterable[str | None]) -> bool:
        return any(_has(term, thing, aliases) for term in terms)

    titled = names(_sentence_terms(title)[1])
    for sentence, _ in sentences_of(text):
        tokens, terms = _sentence_terms(sentence)
        if (titled or names(terms)) and _candidates(tokens, NUMBER, True):
            return True
    return False


# «ماذا قالت X عن Y؟», «كيف علّق X على Y؟», «ماذا قال … تعليقاً على Y؟»: a comment asked
# about a topic. Verbs and nouns of commenting, and the prepositions naming what on.
_COMMENTING = _forms(
    "قال قالت قالوا يقول تقول صرح صرحت حكى حكت علق علقت يعلق تعلق رد ردت يرد ترد "
    "تعليقا تعليقاً تعليق ردا رداً نقل نقلت أورد أوردت كتب كتبت")
_ON = _forms("عن على بشأن حول بخصوص")
# nouns of commenting, which ask a comment wherever they stand («… تعليقاً على Y»)
_COMMENT_NOUNS = _forms("تعليقا تعليقاً تعليق ردا رداً")
_HOW = _forms("كيف")
TOPIC_WORDS = 4  # content words of the topic read after «عن / على»


def comment_topic(question: str) -> tuple[str, ...]:
    """The terms of the topic a comment is asked about («ماذا قالت سكابييفا عن القفاز
    الفضائي؟» -> (قفاز, فضاء); «كيف علّق البيت الأبيض على تبادل البنادق؟» -> (تبادل,
    بنادق)): the first TOPIC_WORDS content words after «عن/على/بشأن/حول» following the
    question's verb of commenting (right after its question word) or a noun of commenting;
    () for any other question. Four words: «على احتمال حصول موسكو على ذخائر» is about
    Moscow's ammunition, not a possibility."""
    tokens = tokenize(normalize(bounded(clean_question(question))))
    seen = False
    for i, token in enumerate(tokens):
        if token in _COMMENT_NOUNS or (token in _COMMENTING and 0 < i <= 3 and (
                tokens[i - 1] in _WHAT or tokens[i - 1] in _HOW)):
            # the question's own verb right after its question word, not a clause's («ما
            # الجهة التي أكدت ما قاله الكرملين عن الزيارات؟» asks who confirmed it)
            seen = True
        elif seen and token in _ON:
            topic = [t for after in tokens[i + 1:i + 1 + 2 * TOPIC_WORDS]
                     if after not in _ON and (t := analyze_token(after))][:TOPIC_WORDS]
            return tuple(topic)
    return ()
