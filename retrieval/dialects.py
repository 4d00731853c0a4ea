"""Dialect Arabic in questions, put in the MSA that news prose is written in (issue 12).

Readers type «وين راح بوتين بعد ما خلص مع كيم؟» or «رح يتقابلوا مرة تانية؟»; the coverage
says «توجه بوتين … بعد انتهاء المحادثات» and «لقاءات أخرى». Only questions are rewritten
(passages are news prose already), so nothing is re-indexed. Two parts:

- a lexicon of the common verbs, nouns, adverbs, particles and question words of Egyptian,
  Levantine, Gulf, Iraqi and Maghrebi Arabic, each mapped to the MSA word the press uses
  (راح -> ذهب, شاف -> شاهد, اتقابلوا -> التقوا, تانية -> أخرى, امبارح -> أمس, وين -> أين,
  بره -> خارج). A word may list several MSA forms: the first the corpus uses is taken
  (راح: ذهب, توجه, انتقل, سافر). Verbs
  are listed once and inflected here: the past with ت and وا/و, the present with the
  Egyptian/Levantine بـ (بيقول), the Moroccan كـ (كيقول), the future حـ/هـ (هيحصل ->
  سيحصل) and the plural -وا (يتقابلوا -> يلتقون).
- rules for dialect verb forms no list holds, tried only on a word the corpus never uses
  and kept only when they give one it does (`known`): those prefixes and the plural -وا
  on any verb, and the negation ما…ش (ماقالش -> قال). Letters alone are not rewritten
  (ت for ث, د for ذ, a final hamza dropped): on MSA words the corpus lacks they made other
  MSA words (الغداء -> الغذاء, lunch -> food), so the lexicon lists كتير, تانية, كدب.

Verbs of wanting (بدها، عايز، يبي، بغى) are the question's verb when nothing follows them
(«كيم بغى إيه من روسيا؟» -> أراد, which synonyms.py widens to رغبة، يسعى): mapped so,
seeds dialect answer@1 0.770 -> 0.787 (held out 0.778 -> 0.833). Before another verb they
only frame it and are dropped («إيش اللي يبي كيم يسويه؟»: what he does is asked; mapped
to يريد there they drew passages on what someone else wants).

Other kinds read here: how-long questions («قد إيه/أد إيه» -> كم, «خدت قد إيه» took, «چم»,
«شگد»، «قديش»، «شحال»); the Iraqi and Gulf «ش» glued to the verb asked about (شسوى، شيريد،
شحجى -> ماذا + the verb); چ typed for ك (چم، چان) or for تش in a name; Maghrebi pasts
written with ا and plurals in -او (مشا، تلاقاو), ف glued to a name (فروسيا -> في روسيا);
fillers that weigh nothing (بالزبط، هيك، شي، من جيهة، فبلاصتها، بيناتهم); Arabizi
(shu a3ta Putin la Kim?: the digits 3 7 2 for ع ح ء, transliterate.arabizi_spellings) and
names the press translates (KCNA: وكالة الأنباء المركزية الكورية, transliterate.TRANSLATED).
A lexicon verb whose MSA form the corpus lacks takes the tense or bare form it uses
(يذهب -> ذهب, صافح -> يصافح, أعطاها -> أعطى); a function word (مين -> من) is never bent.

Phone typing (round 6): a letter held (شووو، ليييش -> شو، ليش), a hamza left out or typed
as its seat (فضا -> فضاء, قذايف -> قذائف), ق typed as ء (اتئابلوا، ئال); each tried only
on a word the corpus lacks and kept when it gives one it has. A dialect verb whose MSA the
press says as a verbal noun takes it (تبعت -> ترسل -> إرسال; forms IV and VIII); light
verbs that only say something happened or was done (صار، حصل، عمل إيه، سوّى) are dropped
when the corpus lacks their MSA; a future particle gives the future (غادي يبقى -> سيبقى);
«بيعرف/بيقدر» before a verb (can) frames it.

How the tables were written: from general knowledge of the five dialect families (the
commonest spoken verbs, question words, particles and fillers, and how they are typed on
phones and social media, Persian letters and Arabizi included), one entry per word of the
language, never copied from an evaluation set. tests/data/seeds-dialect3.jsonl was written
with them (fitted on); seeds-dialect3-heldout.jsonl, seeds-unseen.jsonl, seeds-blind2.jsonl
and seeds-blind3.jsonl were only measured. Round 6 wrote tests/data/seeds-dialect4.jsonl
first (five speakers, split by a hash of the question before any was measured), grouped
the fitted half's failures into kinds and added the rules above and words of the same
families (ساب، دز، بلش، سالى، لاقى، انهي/اشمن، ياهو، شني، جوانتي، تران، فشك...) from
knowledge; seeds-dialect4-heldout.jsonl and the blind sets were only measured.

Round 8 wrote tests/data/seeds-dialect5.jsonl first, as speakers no earlier set imitated
(Sudanese, Yemeni, Libyan, Palestinian, Khaleeji youth, Moroccan Darija in Latin letters, a
learner of Arabic, an Urdu/Persian keyboard), split by md5 of the question before any was
measured, and read only the fitted half's failures. Kinds added, each from knowledge of the
dialects, not from the set's strings: idioms of several words (`_IDIOMS`: «قبل وقتها»
early, «ماسك يد» shaking hands, «كان حاضر» and «قاعد بالاجتماع» took part,
«على الطاولة» the agenda; tags «ولا
لأ», vocatives «يا جماعة», «في الموضوع ده» dropped); a verb of going before a country is a
visit (`_visit`: «رح يروح على كوريا» -> زيارة, the past زار; not when how is asked); Libyan
شن (what, unless an attack follows), Sudanese «قدر شنو» (how much), Gulf and Yemeni «حق»
(of) before a name, Yemeni با- (future), Libyan بيش; passives with ان/ات (انلغى -> إلغاء);
گ and و of a Persian keyboard in a name (جونگ -> جونغ, ووستوچنی -> فوستوتشني); the words of
each speaker (يشتي، ذلحين، داير، هسي، هلبا، متاع، الزوز، هاظ، هلقيت، فش، صج، حيل، شكثر…);
Arabizi typed without digits (chhal, dyal, ghadi, hwa, kan), the Maghrebi article glued to
a word (l7arb, lmo7adatat, fel liqa) and French loanwords in Darija (lgant:
transliterate.LOANWORDS). seeds-dialect5-heldout.jsonl and the blind sets were only measured.

Round 16 (issue 12): phrases a reader uses where the press says one word, read as it
(`_IDIOMS`): «حلّ X ضيفا على Y» (X visited Y: زار, the subject kept), «السلام باليد»
(a handshake: المصافحة), «وصوله إلى الحكم / تسلم السلطة» (taking office: توليه منصب),
«يوقف معهم / واقفة مع» (standing with someone is backing them: دعم; never «وقف الحرب مع»,
a ceasefire); the Iraqi «كال» typed for «گال» (said). Each measured with every seed
question file (lexicon.py's sixteenth round).

Round 17 (issue 12): «قعدة» (a sit-down) is read as the talks first (محادثات, then اجتماع,
جلسة): two dialect questions gained their passage (lexicon.py's seventeenth round); and
content words written from knowledge, none in a development question: waiting (استنى),
ignoring (طنش), cancelling (كنسل، اتكنسل), finishing (فنش), fighting (Gulf اتهاوش,
Egyptian اتعارك), making peace (اتصالح), a pistol (طبنجة), a car (كرهبة، طوموبيل), planes,
a helicopter, children (عيال، بزورة، دراري), an appointment (معاد), straight away (دغري).

Round 19 (dialect19, issue 12): the dialect questions of every dev set that failed, grouped by
cause; the kinds that were the reading's, written for all the dialects that say them so:
سأل typed without its hamza (سألوه: asked him, read as Maghrebi سالى, finished; the press's
«سُئل» where the corpus says it); ما … ش written apart (ما كملش); the Iraqi and Gulf «مال»
(of); frames and tags («حد يعرف»، «لو لا»); «ما عادش» (no longer), «لحد إمتى» (until when),
«كم واحد» (how many people), «مية» before what is counted (a hundred), «هيفضل» (will
stay), «طلع برّا» (went out, abroad); words read as dialect only in a spoken question, one
with another lexicon word (جان كان، هواية a lot، زينة good، إله له، «القطر» the train,
Maghrebi «دا» took); and question words no earlier round listed. Near misses declined,
ARCD and every other row unchanged; refitting the decision on the moved questions declined
one near miss fewer on four blind sets, so decide.py is unchanged.

Round 21 (para21, issue 12): words of blind15/16's unread dialect questions, written for
every dialect that says them so: Gulf «الياي/الياية» (next), Gulf and Yemeni «لوّل» (the
first) and «ذي» (this), Maghrebi and Libyan «ش» alone (what: «ش گال»), Egyptian
«صحوبية» (friendship), and «بالذات» (specifically) a filler. Development dialect +5,
paraphrase +1 (an MSA «بالذات»), near misses unchanged.

Words that are also MSA words with another meaning are never mapped (`HOMOGRAPHS`:
أدى performed, جاب roamed, حط landed, مرة once, زي uniform, طلعة sortie…), nor is any
word the corpus itself uses (it is MSA there: اشتغل). A few words are read by their
neighbours: راح, رح, عم and Maghrebi غادي before a present verb only mark its tense (رح
يجي), else راح is "went"; خلص before إلى is MSA "concluded"; سلّم … على is "greeted";
إدّى is Egyptian "gave" unless what MSA أدّى performs or leads to follows (اليمين، إلى).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .analysis import analyze_token, normalize
from .countries import nation
from .tenses import future_verb
from .transliterate import (
    ARABIZI_PARTICLES,
    EXONYMS,
    LOANWORDS,
    TRANSLATED,
    arabizi_readings,
    hamza_seated,
    is_arabizi,
    unaccented,
)

__all__ = ["HOMOGRAPHS", "LEXICON", "to_msa"]


def _normalized(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


def _readings(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """A dialect word -> its MSA readings, given as «word», «reading|reading»."""
    return {normalize(k): tuple(normalize(c) for c in v.split("|")) for k, v in pairs}


# --------------------------------------------------------------------------- verbs

# dialect past (he), dialect present stem, MSA past (he), MSA present stem; "-" for none.
# A present stem is what follows the person prefix: يروح -> روح, يلتقي -> لتقي. The
# passives with ات/ان have no present here: يتبنى, يتعين, يتنقل are MSA verbs of their own
# (adopts, it is necessary, moves around), and so are اتصور, اتمسك, اتبنى (أتصور I imagine).
_VERBS = """
راح روح ذهب|توجه|انتقل|سافر ذهب|توجه|نتقل|سافر
شاف شوف شاهد شاهد
حكى حكي قال قول
عطى عطي أعطى عطي
اتقابل تقابل التقى لتقي
اتلاقى تلاقى التقى لتقي
اتلم تلم اجتمع جتمع
اتكلم تكلم تحدث|قال تحدث|قول
اتعمل تعمل جرى جري
انعمل نعمل جرى جري
- سوي - فعل
خلص خلص انتهى نتهي
زعل زعل غضب غضب
اتفرج تفرج شاهد شاهد
اتأخر تأخر تأخر تأخر
اتقتل - قتل -
انقتل - قتل -
اتسجن - سجن -
انسجن - سجن -
اتحبس - اعتقل -
اتخطف - اختطف -
انخطف - اختطف -
اتولد - ولد -
اتوفى - توفي -
اتعين - عين -
اتفتح - افتتح -
اتنشر - نشر -
اتحرق - احترق -
اتسرق - سرق -
اتضرب - ضرب -
انضرب - ضرب -
اتكتب - كتب -
اتصاب - أصيب -
انصاب - أصيب -
اتجرح - جرح -
انجرح - جرح -
اتخانق تخانق تشاجر تشاجر
اتجوز تجوز تزوج تزوج
مشى مشي ذهب|توجه|سافر|غادر ذهب|توجه|سافر|غادر
اتفسح تفسح تجول تجول
اتمشى تمشى تجول تجول
اتمضى - وقع -
انمضى - وقع -
مضى مضي وقع وقع
تلاقى - التقى -
تقابل - التقى -
حجى حجي قال قول
كال كول قال قول
دام دوم استمر ستمر
- طول - ستمر
عاون عاون ساعد ساعد
سولف سولف تحدث تحدث
هضر هضر تحدث تحدث
سيفط سيفط أرسل رسل
اتقال - قيل -
اتعرض - عرض -
انطى نطي أعطى عطي
- اخد - أخذ|تلقى
- قعد - بقي
- ضل - بقي|ستمر
كمل كمل أكمل|انتهى|استمر كمل|نتهي|ستمر
جزع جزع مر مر
قابل - التقى -
- بعت - رسل
انعلن - أعلن -
صار - جرى|حدث -
ساب سيب ترك|غادر ترك|غادر
دز دز أرسل رسل
بلش بلش بدأ بدأ
سأل سأل سأل سأل
سالى سالي انتهى نتهي
لاقى لاقي وجد|التقى جد|لتقي
اتناقش - ناقش -
داز - جرى|مر -
فرجى فرجي أظهر|عرض ظهر|عرض
ورى وري أظهر|عرض ظهر|عرض
رجع رجع عاد عود
بص بص نظر نظر
خش خش دخل دخل
لف لف تجول تجول
اتجول - تجول -
شرا شري اشترى شتري
سنيا سني وقع وقع
سينيا سيني وقع وقع
سار سير ذهب|توجه|سافر ذهب|توجه|سافر
وفى وفي انتهى نتهي
استنى استنى انتظر نتظر
طنش طنش تجاهل تجاهل
كنسل كنسل ألغى لغي
اتكنسل - ألغي -
فنش فنش انتهى|أنهى نتهي|نهي
اتهاوش تهاوش تقاتل|اشتبك تقاتل|شتبك
اتعارك - تقاتل|اشتبك -
اتصالح - تصالح -
حوس حوس بحث بحث
فضل فضل بقي|استمر بقي|ستمر
"""

# Present prefixes of the dialects (before the person prefix ي ت ن), and what MSA writes.
# بيقول (Egypt, Levant), كيقول (Morocco), دتحارب (Iraq): present
_PRESENT = ("ب", "ك", "عم", "د")
_FUTURE = ("ح", "ه", "با")  # حيقول, هيقول (Egypt, Levant), بايسير (Yemen): MSA سـ
_PERSON = ("ي", "ت", "ن")  # he, she, we


def _past_forms(past: str) -> dict[str, str]:
    """he, she, they of a past stem (defective حكي: حكت, حكوا)."""
    base = past[:-1] if past.endswith("ي") else past
    return {"": past, "ت": base + "ت", "وا": base + "وا"}


def _verb_entries(line: str) -> dict[str, tuple[str, ...]]:
    """Dialect form -> MSA choices of one `_VERBS` line (MSA columns may hold choices
    separated by |, paired in order: ذهب|توجه with ذهب|توجه)."""
    d_past, d_stem, m_pasts, m_stems = (normalize(w) for w in line.split())
    out: dict[str, tuple[str, ...]] = {}
    if d_past != "-" and m_pasts != "-":
        msa = [_past_forms(m) for m in m_pasts.split("|")]
        for ending, form in _past_forms(d_past).items():
            out[form] = tuple(m[ending] for m in msa)
            if ending == "وا":
                out[form[:-1]] = out[form]  # Egyptian قالو, راحو
    if d_stem == "-" or m_stems == "-":
        return out
    m_stems_ = m_stems.split("|")
    d_plural = (d_stem[:-1] if d_stem.endswith("ي") else d_stem) + "وا"
    m_plurals = [(m[:-1] if m.endswith("ي") else m) + "ون" for m in m_stems_]
    he = _PERSON[0]
    # he, she, we; and they (يروحوا, Egyptian يروحو -> يذهبون)
    forms = [(p + d_stem, tuple(p + m for m in m_stems_)) for p in _PERSON] + [
        (he + d_plural, tuple(he + m for m in m_plurals)),
        (he + d_plural[:-1], tuple(he + m for m in m_plurals))]
    for dialect, msa_forms in forms:
        out[dialect] = msa_forms
        for prefix in _PRESENT:
            out[prefix + dialect] = msa_forms
        for prefix in _FUTURE:
            out[prefix + dialect] = tuple("س" + m for m in msa_forms)
    return out


# --------------------------------------------------------------------------- words

# MSA word(s) = dialect forms. Several MSA choices separated by | : the first the corpus
# uses is taken. `_` joins the words of a multi-word MSA form (لا_يوجد).
_WORDS = """
ذهب = رحت رحنا
ذاهب = رايح ماشي
ذاهبة = رايحة ماشية
ذاهبون = رايحين ماشين
وصل|جاء = اجا إجا جه جا
وصلت|جاءت = اجت إجت جت
وصلوا|جاؤوا = اجو إجو اجوا إجوا جاو
يصل|يأتي = ييجي بييجي بيجي حييجي هييجي
تصل|تأتي = تيجي بتيجي
هناك = كاين كاينة اكو
بعضهم = بعضياتهم بعضاهم
تبادلوا_الهدايا = تهادوا تهادو تهاداو
يتبادلون_الهدايا = يتهادوا يتهادو
متن|استقل = راكب راكبة راكبين
ليس_هناك = ماكو مافي مفيش ماكاينش مكاينش مافماش فش فيش
هم = هوما هما
هل = واش
يصل = يوصل بيوصل
نصل = نوصل
أعطى = عطا
أرسلت = بعتت
يريد = عايز عاوز يبي يبغى يبغي بده كيبغي يشتي داير خاصو خصو باغي يبا
تريد = بدها عايزة عاوزة تبي تبغى تبغي تشتي دايرة دايره باغية باغيه تبا
يريدون = بدهم عايزين عاوزين يبون يبغون يبغيو يشتوا يشتو دايرين
أراد|يريد = بغى بغا
أرادت|تريد = بغات
أرادوا|يريدون = بغاو
استمرت = طولت
انتهت = سالات
انتهوا = سالاو ساليو
كانت = جانت
كانوا = جانوا جانو
استمروا = طولوا
أخذ|تلقى = خذا خدا
أخذها|تلقاها = خدها
أخذه|تلقاه = خده
أخذهم|تلقاهم = خدهم
معا = سوا
الأولى = اللولة اللولى
الأول = اللول لول لوّل
بعد = بعدين عقب
قليلا = شوي شوية شويه شوي_شوي
زوجته = مراته مرته
زوجها = جوزها
جدا = اوي أوي حيل
الآن = هسا هلأ هلق هلء هلئ دلوقتي دلوقت دحين الحين هلحين توا دابا دروك هسه هسع هسي
الآن = ذلحين دلحين هلقيت اسا تو
أمس = امبارح إمبارح مبارح البارح
غدا = بكرا بكرى باكر باجر
لا_شيء = والو
حتى_متى = لامتى ليمتى لمتى
أي = انهي انهو اشمن شمن ياتو
اليوم = النهارده النهاردة اليومة
المقبل = الجاي الجاي_ده الياي
المقبلة = الجاية الجايه اليايه الياية
الماضي = اللي_فات الفايت
الماضية = الفايتة
مبكرا = بدري بكير
بعد = لسه لسا لساته لسة
خارج = بره برة
داخل = جوه جوة
أمام = قدام
وراء = ورا
هنا = هون هنيه هني
هناك = هنيك هناك
مثل = متل بحال
مباشرة = دغري طوالي
مع = ويا
معه = وياه معاه
معهم = وياهم
كل = قاع
جدا = كلش
أيضا = برضه برضو برضك
فقط = بس
نعم = ايوه إيوه ايوا أيوه اه
لا = لأ لع
ليس = مش مو مب موش ماهوش
أحد = حدا
لا_أحد = ماحدا محدش ماحد
شيء = شي إشي اشي
ماذا = شو ايش إيش وش ويش شكو شنو اشنو شنهو اشنهو شنهي اشنهي شني شنوة اش آش ايه إيه واشنو ش
لماذا = ليش ليه علاش علاه لويش لوش لشنو لاش لواش اعلاش
أين = وين فين وينه فينه فاين وينك فوين افاين
من_أين = منين منوين
إلى_أين = لوين لفين علوين
متى = متين امتى إمتى ايمتى إيمتى امتا إمتا وقتاش وقتيش فوقاش فاش شوكت وينتا وينتى
كم = اشقد قديش قداش قديه شقد شكد اشكد كام اشكثر شحال اديش أديش شكثر قداه اشحال
كيف = ازاي إزاي كيفاش شلون اشلون شلونه كيفش كيفن كيفاه
من = مين منو شكون منهو ياهو اشكون أشكون
الذي = اللي يلي
له = إلو الو
لها = إلها
لهم = إلهم الهن إلهن
هذا = هاد هادا هيدا هدا ده دا هاظ هاظا هادشي
هذه = هادي هيدي دي هاي هذي هاظي ذي
هؤلاء = هدول هيدول هدولا هذول ديل ذولا ذولاك هظول
ذلك = هداك داك داكا
تلك = هديك ذيك ذيج ديك
بدلا = بدل
بشأن|حول = بخصوص
لأن = عشان علشان مشان منشان لأنو لانو حيت
أن = انو إنو
حتى = لحتى لين
لكي = باش
ثلاث = تلات
ثلاثة = تلاتة تلاته
ثلاثين = تلاتين
اثنين = اتنين زوز
اثنان = اتنان
الاثنان = الزوز
ثمانية = تمانية تمنية
ثمانين = تمانين
المرأة = المرا
الصباح = الصبح
ليلا = بالليل
يكذب = بيكدب
"""

# Nouns and adjectives: also found after the article and its prepositions (الوزرا,
# بالكتير, للزلمة), and a final hamza the dialects drop (وزرا, زعما) written.
_NOUNS = """
كثير = كتير وايد برشا بزاف هلبا
كثيرة = كتيرة
كثيرون = كتار
غاضب = زعلان
متعب = تعبان
سعيد = فرحان
غرفة = أوضة اوضه
حقيبة = شنطة شنطه
رئيس = ريس
جيد = منيح مليح كويس مزيان باهي خوش
جيدة = منيحة مليحة كويسة مزيانة باهية
سيئ = خايب
قادم = جاي
قادمة|مقبلة = جاية جايه
آخر|ثاني = تاني
أخرى|ثانية = تانية تانيه
ثالث = تالت
ثالثة = تالتة
أموال = مصاري فلوس
رجل = زلمة زلمه راجل
شخص = زول
رجال = رجالة
امرأة = مرا
أولاد = ولاد
عائلة = عيلة عيله
هاتف = تلفون تليفون موبايل
صغير = زغير صغنن
صغيرة = زغيرة
كذب = كدب
وزراء = وزرا
زعماء = زعما
رؤساء = رؤسا
سفراء = سفرا
شهداء = شهدا
أصدقاء = اصدقا صحاب
أطباء = اطبا
أقرباء = اقربا
أغنياء = اغنيا
فقراء = فقرا
ماء = موية مويه
طائرة = طيارة طياره
موضوعات = مواضيع
يد = إيد
مكان = بلاصة بلاصه
قفاز = جوانتي
قفازات = جوانتيات كفوف
هدية = كادو
هدايا = كادوات كادويات
بندقية = مكحلة تفكة تفقة
شرطة = بوليس
غذاء|طعام = اكل
معركة|قتال = عركة
صفقة|عقد = كونطرا
قطار = تران ترين
رحلة = سفرية سفريه
صداقة = صحوبية صحوبيه صحوبيت
محادثات|اجتماع|جلسة = قعدة قعده
محادثات|حديث = هدرزة هدرزه هضرة هضره هدرة هدره سوالف
ذخيرة = فشك
أميركيون|أمريكيون = امريكان أمريكان اميركان
مقاطعة|منطقة|إقليم = محافظة
مباراة = ماتش
مباريات = ماتشات
كرة = كورة كوره
أهداف = أجوال
مستشفى = سبيطار صبيطار
بلد = ديرة ديره
مسدس = طبنجة
سيارة = كرهبة كرهبه طوموبيل طونوبيل
سيارات = كراهب طوموبيلات
طائرات = طيارات
مروحية = هليكوبتر هليكبتر
أطفال = عيال بزورة بزوره دراري
موعد = معاد ميعاد
مستشفيات = سبيطارات صبيطارات
جزائر = دزاير
مغرب = مروك
فرنسا = فرانسا
إسبانيا = صبانيا سبانيا
إيطاليا = طاليان
جمارك = ديوانة ديوانه
منتج = منتوج
منتجات = منتوجات
مايو = ماي
يوليو = يوليوز
أغسطس = غشت
سبتمبر = شتنبر
نوفمبر = نونبر
ديسمبر = دجنبر
"""

# MSA words that a dialect uses with another sense: never rewritten, with or without
# clitics (أدى performed/led to, not إدى gave; طلعة an air sortie, not an outing).
HOMOGRAPHS: frozenset[str] = frozenset(normalize(w) for w in """
ادى أدى أداه اداه ادت أدت جاب جابت جابوا يجيب تجيب حط حطت يحط طلع طلعة طلعات يطلع
زي مرة مره ست جو جوا برا خد خدت دور يدور بعت بعتوا ضل ضلت ضلوا لقي لقى بقي بقى خالص
حلو زين حق دار يدير خدم يخدم مية هواية صبية حاجة عربية قعد يقعد تخلص يخلص سوى
كمان فضل شغل قدر يقدر عزم بكرة بكره شال ياسر عم بدو_البدو
يفضل تفضل نفضل يفضلوا فضلت فضلوا بيفضل بتفضل بيفضلوا
""".replace("_", " ").split())


def _build(keep_homographs: bool = False) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in _VERBS.strip().splitlines():
        for form, choices in _verb_entries(line).items():
            table.setdefault(form, choices)
    for line in (*_WORDS.strip().splitlines(), *_NOUNS.strip().splitlines()):
        msa, forms = line.split("=")
        choices = tuple(normalize(c.strip().replace("_", " ")) for c in msa.split("|"))
        for form in forms.split():
            if "_" not in form:  # a multi-word dialect form is only documentation
                table.setdefault(normalize(form), choices)
    for word in () if keep_homographs else HOMOGRAPHS:
        table.pop(word, None)
    # a form that is also MSA keeps its other choices (يكمل: يستمر), for a corpus lacking it
    return {form: others for form, msa in table.items()
            if (others := tuple(c for c in msa if c != form))}


LEXICON: dict[str, tuple[str, ...]] = _build()
# The dialect verbs that are also MSA words (يقعد sits, يضل goes astray): read as dialect
# only after a dialect tense particle (رح يقعد, راح يضل: will stay).
_HOMOGRAPH_VERBS = {form: msa for form, msa in _build(keep_homographs=True).items()
                    if form in HOMOGRAPHS and form.startswith(("ي", "ت", "ن"))}
"""Normalized dialect form -> MSA choices (normalized, first the corpus uses wins)."""
_NOUN_FORMS = frozenset(normalize(f) for line in _NOUNS.strip().splitlines()
                        for f in line.split("=")[1].split()) & LEXICON.keys()
_ARTICLES = tuple(normalize(a) for a in ("وبال", "وال", "بال", "فال", "لل", "ال"))
_WANTING = frozenset(form for form, choices in LEXICON.items()
                     if choices[0] in _normalized("يريد تريد يريدون أراد أرادت أرادوا"))
_T, _TA = normalize("ت"), normalize("ة")  # ة is written ه once normalized
_OBJECTS = tuple(normalize(e) for e in ("ها", "هم", "ه", "ني", "نا"))
_TO_HIM = tuple(normalize(e) for e in ("لهم", "لها", "لنا", "لكم", "له", "لي", "لك"))
_NOUN_ENDINGS = tuple(normalize(e) for e in ("ين", "ان", "ات", "ها", "هم", "ه"))

# --------------------------------------------------------------------------- rules

_CLITICS = ("و", "ف")  # a conjunction glued to a word: وشاف, فراح
_PREPOSITIONS = ("ب", "ل", "ع")  # glued to a noun: لبره, عالبيت (على + ال)
_HE = _PERSON[0]
_THIS, _ARTICLE = normalize("هال"), normalize("ال")
_MIN_STEM = 3  # what a rule leaves must have 3+ letters
# Before a present verb: the future (رح يجي, Iraqi راح, Libyan and Tunisian تو: about to),
# or the Levantine progressive عم
_VERB_PARTICLES = frozenset(normalize(w) for w in (
    "راح", "رح", "رايح", "حا", "ها", "عم", "غادي", "غادية", "غادين", "غا", "بيش", "باش",
    "تو"))
_TO = frozenset(normalize(w) for w in ("إلى", "الى"))
_WILL = _normalized("رح راح رايح حا ها غادي غادية غادين غا بيش تو")  # future (عم: progressive)
_WILL_MSA = normalize("سوف")  # a stop word: it weighs nothing, only tells the tense
# «بيعرف، بيقدر، قادر» (knows how to, can) before a present verb: the verb is asked.
_CAN = _normalized("""بيعرف بتعرف بيعرفوا بيقدر بتقدر بيقدروا بقدر قادر قادرة قادرين
ناوي ناوية ناويين جاي جاية جايين يمدي يمديه يمديهم""")  # and «ناوي، جاي» (intends to, is coming to)
_CONTEXT = 3  # words after a word that may decide its sense



# Words that only carry the grammar of a dialect: the Maghrebi genitive (الزيارة ديال كيم:
# زيارة كيم), Egyptian/Levantine «بتاع/تاع». Dropped when the corpus lacks them.
_DROPPED = _normalized("""
ديال ديالو ديالها ديالهم ديالي تاع تاعو تاعها بتاع بتاعت بتاعة بتوع متاع متاعه متاعها
متاعهم متاعو حقت حقته حقتها حقتهم حقهم حقها حقه حقو
""")
# «أبي أعرف», «بدي اعرف», «حاب نعرف»: I want to know — neither word is what is asked.
_WANT = _normalized("ابي ابغى ابغي بدي بدنا ودي حاب حابب نبي نبغي بغيت عايز عاوز ممكن")
_KNOW = _normalized("اعرف أعرف نعرف افهم أفهم نفهم")
# «قولي، احكيلي، خبرني» (tell me), «لو سمحت، من فضلك» (please): the question follows.
_TELL_ME = _normalized("قولي قلي قوللي تقولي تقلي احكيلي احكيلنا خبرني خبرنا عرفني")
_PLEASE = {normalize("لو"): _normalized("سمحت سمحتي سمحتو سمحتوا"),
           normalize("من"): _normalized("فضلك فضلكم")}
# A verb whose dialect sense is read by the preposition after it: «سلّم على» greeted
# (MSA سلّم: handed over), «صار على» has passed since («كم سنة صار على التأسيس»).
# Egyptian إدّى (gave), MSA أدّى (performed, led to): MSA when what follows is what one
# performs or where something leads.
_GAVE = {normalize(k): normalize(v) for k, v in (("ادى", "أعطى"), ("إدى", "أعطى"),
                                                  ("ادت", "أعطت"), ("إدت", "أعطت"),
                                                  ("ادوا", "أعطوا"), ("إدوا", "أعطوا"))}
_PERFORMED = _normalized("""إلى الى اليمين القسم دور دورا دوره الصلاة التحية واجب واجبه مهام
مهامه أداء اداء مهمة مهمته زيارة الزيارة""")
_BY_PREPOSITION = {normalize(k): (frozenset(normalize(p) for p in on.split()), normalize(v))
                   for k, on, v in (("سلم", "على عليه عليها عليهم ع", "صافح"),
                                    ("يسلم", "على عليه عليها عليهم ع", "يصافح"),
                                    ("بيسلم", "على عليه عليها عليهم ع", "يصافح"),
                                    ("بسلم", "على عليه عليها عليهم ع", "يصافح"),
                                    ("صار", "على ع", "مر"))}
_FINISHED = normalize("خلص")
# «الهدية حق كيم» (Gulf, Yemeni), «الفضاء مال روسيا» (Iraqi, Gulf): the genitive «of»
_OF = _normalized("حق مال مالت")
_NOT, _NOT_END = _normalized("ما م"), normalize("ش")  # «ما كملش»: ما … ش, written apart
# Words that are dialect only in a spoken question (another word of it is a dialect one):
# Iraqi «جان» (كان typed with ج for چ; elsewhere a name, Jean), Iraqi and Gulf «هواية»
# (a lot; MSA a hobby), «زينة» (good; MSA an ornament), Levantine «إله» (له; MSA a god).
_SPOKEN_ONLY = _readings((
    ("جان", "كان"), ("هواية", "كثيرا|جدا"), ("زينة", "جيدة|مفيدة"), ("زين", "جيد|مفيد"),
    ("إله", "له")))
# Maghrebi «دّا» (took someone somewhere: «علاش بوتين دا كيم لفوستوتشني»), also Egyptian
# «دا» (this): read as took in a Maghrebi question, between a name and what was taken.
_TOOK_ALONG = _readings((
    ("دا", "اصطحب|أخذ"), ("داه", "اصطحبه|أخذه"), ("داها", "اصطحبها|أخذها"),
    ("داهم", "اصطحبهم|أخذهم"), ("داو", "اصطحبوا|أخذوا")))
_MAGHREBI = _normalized("علاش واش كيفاش شكون فاش وقتاش ديال دابا باش بزاف شحال علاه")
# «سألوه، سألوها» (they asked him, her): the press writes «سُئل» (he was asked)
_ASKED = _normalized("سألوه سألوها سألوهم سألوا سألو سألته سألتها سألها سأله")
_WAS_ASKED = normalize("سئل")
# Nouns that are dialect only after the article, in a spoken question: Egyptian, Sudanese
# «القطر» (the train; bare «قطر» is Qatar, MSA «القطر العربي» a country)
_WITH_ARTICLE = {normalize("قطر"): normalize("قطار"), normalize("قطرين"): normalize("قطارين")}
# Fillers that carry no content in a dialect question: «بالزبط» exactly, «هيك/كده» like
# that, «شي» any, «من جيهة» as for, «فبلاصتها» in its place, «بيناتهم» between them,
# «والله، واخا، ترا» (by God, OK, the Gulf presentative), «صرلها» (it has been). Not
# طيب (well; the name in «رجب طيب أردوغان»), طب (medicine) or Maghrebi راه (MSA رآه).
# Dropped even where the corpus has the word (بالضبط there is no more asked).
_FILLERS = _normalized("""
بالزبط بالظبط بالضبط هيك كده كدا شي إشي اشي جيهة جيهه فبلاصتها فبلاصته فبلاصتو فبلاصت
بيناتهم بيناتنا بيناتكم والله بالله واخا ترا صرلها صرله صرلهم صرلي صارلها صارله صارلهم
سالفة سالفته سالفتها سالفتهم السالفة ياخي ياخويا ياخوي بجد بالمختصر باختصار الشي
صرلو صارلو صرلك صرلنا صارلنا
صج صجي عنجد هكي جذي ساي ياخ كدي زعما
بالذات بالزات
""")
# «قعدوا يتفاوضون، ضل يحكي، ظلت تقصف» (kept doing): before a present verb they only say how
# long it went on, which the question word asks; the verb is the content.
_KEPT = _normalized("قعد قعدت قعدوا قعدو ضل ضلت ضلوا ضلو ظل ظلت ظلوا قاعد قاعدة قاعدين")
_WHAT_IS_UP = (normalize("شكو"), normalize("ماكو"))  # Iraqi «شكو ماكو»: what is going on
_MEANS_WORD = normalize("يعني")  # a filler («يعني شنو قال»), but «ماذا يعني» asks a meaning
_WHAT_MEANS = _normalized("ما ماذا شو ايش وش شنو")
# The question words «شو، ايش، وش، شنو، إيه»: before them سوّى is "did", not MSA سوى
# (except), and so is سوا, elsewhere "together" («راحوا سوا»: معا); «قد إيه / أد إيه»
# (Egyptian) is كم; Iraqi and Gulf glue «ش» to the verb asked about (شسوى، شيريد، شحجى).
_QUESTION = _normalized("شو ايش إيش وش شنو اشنو اش ايه إيه ماذا شن")
_HOW_MUCH = _normalized("قد اد أد قدر")  # Sudanese «قدر شنو»: how much
_WHAT_TAIL = _normalized("ايه إيه ايش إيش شنو شن وش")
_HOW_MUCH_MSA, _WHAT_MSA, _WANTS_MSA = normalize("كم"), normalize("ماذا"), normalize("يريد")
_DID = {normalize(k): normalize(v) for k, v in (("سوى", "فعل"), ("سوا", "فعل"), ("سوت", "فعلت"),
                                                ("عمل", "فعل"), ("عملت", "فعلت"),
                                                ("عملوا", "فعلوا"), ("عملو", "فعلوا"),
                                                ("سووا", "فعلوا"), ("سوو", "فعلوا"),
                                                ("دار", "فعل"), ("دارت", "فعلت"),
                                                ("داروا", "فعلوا"), ("دارو", "فعلوا"),
                                                ("يدير", "يفعل"), ("تدير", "تفعل"),
                                                ("يديرو", "يفعلون"))}
_WHAT_GLUED = normalize("ش")
# Libyan «شن» (what: «شن عطى بوتين؟»), also MSA «شنّ» (launched) before an attack or a war.
_WHAT_LIBYAN = normalize("شن")
_LAUNCHED = _normalized("""هجوم هجوما هجومه هجمات هجمه هجمة حرب حربا غاره غارات غارة حمله حملة
حملات عمليه عملية عمليات""")
_GLUED_VERBS = _normalized("""قال قالت قالوا صار صارت كان كانت عمل عملت عملوا يريد تريد يريدون
يقول تقول يقولون يفعل تفعل""")
# «خدت قد إيه/وقت/ساعتين» (Egyptian, Levantine خد: took): took time, whatever MSA خد means;
# «كم ساعة قعدت/ضلت» (Gulf, Levantine: stayed), «فضل قد إيه» (Egyptian: stayed): lasted.
_TOOK = {normalize(k): tuple(normalize(c) for c in v.split("|")) for k, v in (
    ("خد", "استغرق|استمر"), ("خدت", "استغرقت|استمرت"), ("خدوا", "استغرقوا|استمروا"),
    ("اخد", "استغرق|استمر"), ("أخد", "استغرق|استمر"), ("خدو", "استغرقوا|استمروا"),
    ("اخدت", "استغرقت|استمرت"), ("اخدوا", "استغرقوا|استمروا"),
    ("قعد", "استمر|استغرق"), ("قعدت", "استمرت|استغرقت"), ("قعدوا", "استمروا|استغرقوا"),
    ("ضل", "استمر|استغرق"), ("ضلت", "استمرت|استغرقت"), ("ضلوا", "استمروا|استغرقوا"),
    ("ظل", "استمر|استغرق"), ("ظلت", "استمرت|استغرقت"), ("ظلوا", "استمروا|استغرقوا"),
    ("فضل", "استمر|استغرق"), ("فضلت", "استمرت|استغرقت"), ("فضلوا", "استمروا|استغرقوا"),
    ("فضلو", "استمروا|استغرقوا"))}
_TIME = _normalized("قد اد أد قدر كم قديش اديش وقت ساعة ساعتين ساعات يوم يومين أيام دقيقة دقايق")
_HOW_LONG_NEAR = _TIME | _normalized("قداش شحال شقد شكد اشقد")
# Dialect verbs of talking (read as MSA قال، تحدث) asked with how long: «the talks lasted».
_TALKED = _normalized("قال تحدث تحدثوا قالوا يقول يقولون يتحدث يتحدثون")
_TALKS_LASTED = (normalize("المحادثات"), normalize("استمرت"))
# «جاب» (brought; MSA جاب: roamed) with a question word next to it or «معاه» (with him).
_BROUGHT = _normalized("جاب جابت جابوا جابو جابلو جابله جابلها")
_BROUGHT_MSA = tuple(normalize(w) for w in ("أحضر", "قدم", "أهدى"))
_WITH_HIM = _normalized("معاه معه معاها معها معاهم معهم وياه")
_IN, _IN_MSA = normalize("ف"), normalize("في")  # Maghrebi ف glued to a noun: فروسيا
_FROM, _FROM_MSA = normalize("م"), normalize("من")  # مـ glued to the article: مالكرملين
_WANTS = normalize("بدو")  # Levantine "he wants"; also MSA بدو, Bedouins
_CHE = "\u0686"  # چ: Gulf and Iraqi ك (چم، چان), a foreign name's تش
_ON = normalize("على ")  # عالجاي: على الجاي
_ON_THE = normalize("عال")
_LATIN_START = re.compile("[a-z]")
_STRETCHED = re.compile("([\u0621-\u064a])\\1{2,}")
_QAF = "\u0642"
_HAMZA = "\u0621"  # ء: analysis.normalize writes أ إ ؤ ئ as ا ا ء ء


def _affix_forms(word: str) -> list[str]:
    """What a dialect word is in MSA, by its affixes alone (unverified): the present
    بـ/كـ/عم and future حـ/هـ prefixes, the negation ما…ش, the plural -وا and -و, and the
    Levantine هالـ (this: هالزيارة -> الزيارة)."""
    out: list[str] = []
    if word.startswith(_THIS) and len(word) - len(_THIS) >= _MIN_STEM:
        out.append(_ARTICLE + word[len(_THIS):])
    for prefix in (*_PRESENT, *_FUTURE):
        rest = word[len(prefix):]
        if word.startswith(prefix) and rest.startswith(_PERSON) and len(rest) > _MIN_STEM:
            for form in [rest, "س" + rest] if prefix in _FUTURE else [rest]:
                out += [form, *_plural_forms(form)]  # بيبيعوا -> يبيعوا -> يبيعون
    for passive in ("ان", "ات"):  # Egyptian, Levantine passives: انلغى, اتأجل
        rest = word[len(passive):]
        if word.startswith(passive) and len(rest) >= _MIN_STEM and not rest.startswith("ت"):
            out += [rest, "ا" + rest]  # انكتب: كتب; انلغى: ألغى
            if rest.endswith("ي") and len(rest) == _MIN_STEM:  # defective: إلغاء
                out.append("ا" + rest[:2] + "ا" + _HAMZA)
            out += _verbal_nouns("ا" + rest)  # اتأجل: تأجيل is not IV; انعقد: انعقاد
    for neg in ("ما", "م"):  # ماقالش, مقالش
        bare = word[len(neg):-1]
        if word.startswith(neg) and word.endswith("ش") and len(bare) >= _MIN_STEM:
            out.append(bare)
            break
    return out + _plural_forms(word)


def _plural_forms(word: str) -> list[str]:
    """The MSA forms of a verb ending in the dialect plural -وا/-و (and an object pronoun)."""
    for ending in ("وها", "وهم", "وه", "وا", "و"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_STEM:
            if stem.startswith(_PERSON):  # يتقابلوا -> يتقابلون; تبادلوا -> يتبادل
                return [stem + "ون", stem + "وا", stem, stem + "ي", _HE + stem]
            # the past, and its present (تبادلوا -> يتبادل, اجتمعوا -> يجتمع); a
            # defective verb's (التقوا -> التقى)
            return [stem + "وا", stem, _HE + (stem[1:] if stem.startswith("ا") else stem),
                    stem + "ي"]
    return []


@lru_cache(maxsize=1 << 14)
def _in_lexicon(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(glued clitic, MSA choices) of a lexicon word, bare or after و/ف and a preposition;
    a noun also after the article. Cached: a question's words are looked up two or three
    times each (rewritten, counted as spoken, read as a verb of going), and recur."""
    if word in HOMOGRAPHS:
        return None
    if word in LEXICON:
        return "", LEXICON[word]
    for form in _maghrebi_forms(word):
        if form in LEXICON and form not in HOMOGRAPHS:
            return "", LEXICON[form]
    for clitic in ("", *_CLITICS):
        rest = word[len(clitic):]
        if not word.startswith(clitic):
            continue
        if clitic and rest in LEXICON and rest not in HOMOGRAPHS:
            if clitic == _IN and rest in _NOUN_FORMS:  # Maghrebi فيوليوز: في يوليو
                return _IN_MSA + " ", LEXICON[rest]
            return clitic, LEXICON[rest]
        for prep in _PREPOSITIONS:
            bare = rest[len(prep):]
            if rest.startswith(prep) and (len(bare) >= _MIN_STEM or bare in _QUESTION) \
                    and bare in LEXICON \
                    and bare not in HOMOGRAPHS and (prep != "ع" or bare.startswith("ال")):
                return clitic + (_ON if prep == "ع" else prep), LEXICON[bare]
    for article in _ARTICLES:  # الوزرا, بالكتير: a noun after the article
        bare = word[len(article):]
        if word.startswith(article) and bare in _NOUN_FORMS:
            return article, LEXICON[bare]
    bare = word[len(_ON_THE):]
    if word.startswith(_ON_THE) and bare in _NOUN_FORMS:  # عالتلفون: على الهاتف
        return _ON + _ARTICLE, LEXICON[bare]
    for ending in _OBJECTS:  # عطاها, اتقابلوه, انطاه (انطى): a verb and its object pronoun
        bare = word[:len(word) - len(ending)]
        if not word.endswith(ending) or len(bare) < _MIN_STEM or bare in HOMOGRAPHS:
            continue
        for form in (bare, *_maghrebi_forms(bare)):
            if form in LEXICON and form not in _NOUN_FORMS and form not in HOMOGRAPHS:
                return "", tuple(_with_object(c, ending) for c in LEXICON[form] if " " not in c)
    for ending in _TO_HIM:  # جالهم, قالها: a verb and «to them/her» glued to it
        bare = word[:len(word) - len(ending)]
        if not word.endswith(ending) or len(bare) < _MIN_STEM - 1 or bare in HOMOGRAPHS:
            continue
        for form in (bare, *_maghrebi_forms(bare)):  # حكالهم: حكا -> حكى
            if form in LEXICON and form not in _NOUN_FORMS:
                return "", LEXICON[form]
    for article in ("", *_ARTICLES):  # الريسين, شنطتها: a noun's dual, plural or pronoun
        for ending in _NOUN_ENDINGS:
            bare = word[len(article):len(word) - len(ending)]
            if not (word.startswith(article) and word.endswith(ending)):
                continue
            if bare in _NOUN_FORMS:
                return article, tuple(c + ending for c in LEXICON[bare])
            if bare.endswith(_T) and bare[:-1] + _TA in _NOUN_FORMS:  # شنطتها: شنطة + ها
                return article, tuple(c[:-1] + _T + ending if c.endswith(_TA) else c + ending
                                      for c in LEXICON[bare[:-1] + _TA])
    return None


def _with_object(verb: str, pronoun: str) -> str:
    """An MSA verb with an object pronoun: the plural's alef dropped (التقوا -> التقوه), a
    past's final ى written ا (أعطى -> أعطاها)."""
    if verb.endswith("وا"):
        return verb[:-1] + pronoun
    if verb.endswith("ي") and not verb.startswith(_PERSON):
        return verb[:-1] + "ا" + pronoun
    return verb + pronoun


def _with_alef(word: str) -> list[str]:
    """`word`, and a past whose final ى is written ا before a suffix (اداله: ادى + له)."""
    return [word, word[:-1] + "ي"] if word.endswith("ا") else [word]


def _maghrebi_forms(word: str) -> list[str]:
    """The lexicon's spelling of a Maghrebi or Levantine past: a final ى written ا
    (مشا -> مشى, حكا -> حكى) and the plural -او (تلاقاو -> تلاقوا, مشاو -> مشوا)."""
    if len(word) < _MIN_STEM:
        return []
    if word.endswith("او"):
        return [word[:-2] + "وا"]
    return [word[:-1] + "ي"] if word.endswith("ا") else []


def _unstretched(word: str, known: Callable[[str], bool] | None) -> str:
    """`word` with each letter typed three times or more written once (شووو -> شو), or
    twice where that is the word the lexicon or the corpus has (كتيير: كتير)."""
    once = _STRETCHED.sub("\\1", word)
    twice = _STRETCHED.sub("\\1\\1", word)
    if once not in LEXICON and (twice in LEXICON or (
            known is not None and not _known_form(once, known) and _known_form(twice, known))):
        return twice
    return once


def _without_che(word: str, known: Callable[[str], bool] | None) -> str:
    """`word` with چ written as the Arabic letter it stands for: ك in Gulf and Iraqi
    dialect (چم -> كم, چان -> كان), تش or ش in a foreign name (ڤوستوچني -> فوستوتشني),
    ج in Egyptian typing; the first the lexicon or the corpus has, else ك."""
    for letter in ("ك", "تش", "ش", "ج"):
        for form in _with_v(word.replace(_CHE, letter)):
            if form in LEXICON or (known is not None and _known_form(form, known)):
                return form
    return word.replace(_CHE, "ك")


_GAF = "\u06af"  # گ: the Gulf and Iraqi ق (گال), a foreign name's g on a Persian keyboard
_GAF_WORD = re.compile("[\u0621-\u06d3]*\u06af[\u0621-\u06d3]*")
_HAMZA_YA = "\u0626\u06cc"  # ئی: a Persian keyboard's «oi» in a name (شوئیگو: شويغو)


def _without_gaf(word: str, known: Callable[[str], bool] | None) -> str:
    """`word` (not yet normalized) with گ written as the letter the corpus has: ق in
    dialect (گال: قال, which normalizing gives), غ or ج in a foreign name typed on a
    Persian keyboard (جونگ: جونغ; شوئیگو: شويغو); unchanged when the corpus has none."""
    if known is None:
        return word
    for letter in ("\u0642", "\u063a", "\u062c", "\u0643"):  # ق غ ج ك
        for form in dict.fromkeys((word.replace(_GAF, letter),
                                   word.replace(_GAF, letter).replace(_HAMZA_YA, "ی"))):
            spelled = normalize(form)
            if spelled in LEXICON or _known_form(spelled, known):
                return form
    return word


def _with_v(word: str) -> list[str]:
    """`word`, and, for a foreign name typed on a Persian or Urdu keyboard, its و read as
    the v Arabic writes ف (ووستوچنی -> فوستوتشني; a first و may be «and»: وولادیمیر)."""
    out = [word]
    for at in (0, 1) if word.startswith("و") else ():
        if len(word) > at + 1 and word[at] == "و":
            out.append(word[:at] + "ف" + word[at + 1:])
    return out


def _usable(choices: tuple[str, ...], known: Callable[[str], bool] | None) -> str:
    """The first of a word's MSA `choices` the corpus uses; else the first whose plural
    stem (قالوا -> قال), other tense (يذهب -> ذهب, صافح -> يصافح), form without its object
    (أعطاها -> أعطى) or verbal noun (ترسل -> إرسال) it uses, as an unknown word would weigh
    against the passage that says it; else the first choice."""
    if known is None or analyze_token(choices[0]) is None:
        return choices[0]  # a function word (مين -> من) weighs nothing: never bent
    for choice in choices:  # «تبادلوا الهدايا»: each word in the form the corpus uses
        if " " in choice and not _known_form(choice, known):
            words = [_usable((w,), known) if analyze_token(w) else w for w in choice.split()]
            if _known_form(" ".join(words), known):
                return " ".join(words)
    for forms in (lambda c: [c], _plural_forms, _other_tenses, _verbal_nouns):
        for choice in choices:
            for form in forms(choice):
                if _known_form(form, known):
                    return form
    return choices[0]


# Verbs that only say something happened or was done («وين صار الاجتماع»: where did it
# take place; «وش سوا بوتين»: what did he do): the rest of the question says what.
_LIGHT_VERBS = _normalized("جرى جرت حدث حدثت فعل فعلت فعلوا")
# Egyptian «حصل» (happened: «الاجتماع حصل فين؟»), light too; MSA «حصل على» (obtained) is kept.
_HAPPENED = _normalized("حصل حصلت بيحصل هيحصل حيحصل يحصل")
_ON_WORDS = _normalized("على علي عليه عليها عليهم ع")


def _light(choice: str, known: Callable[[str], bool] | None) -> str:
    """`choice`, or "" for a light verb (happened, did) the corpus never uses: as an unknown
    word it would only weigh against every passage."""
    if choice in _LIGHT_VERBS and known is not None and not _known_form(choice, known):
        return ""
    return choice


def _other_tenses(verb: str) -> list[str]:
    """Other forms of an MSA verb the corpus may use instead: the past of a present or
    future (سيذهب, يذهب -> ذهب; يتوجه -> توجه; تستمر -> استمر), the future of a present
    and the present of a future (يبقى -> سيبقى), the present of a past
    (صافح -> يصافح, التقى -> يلتقي), the verb without its object (أعطاها -> أعطى)."""
    if " " in verb or len(verb) < _MIN_STEM:
        return []
    out: list[str] = []
    for ending in _OBJECTS:
        bare = verb[:len(verb) - len(ending)]
        if verb.endswith(ending) and len(bare) >= _MIN_STEM:
            out.append(bare[:-1] + "ي" if bare.endswith("ا") else bare)
    present = verb[1:] if verb.startswith("س") and verb[1:].startswith(_PERSON) else verb
    if present.startswith(_PERSON) and present.endswith("ون") and len(present) > _MIN_STEM + 2:
        return [*out, *_other_tenses(present[:-2]), present[:-2]]  # يقولون -> قال, يقول
    stem = present[1:]
    if present.startswith(_PERSON) and len(stem) >= _MIN_STEM:
        hollow = []  # يقول -> قال, تقول -> قالت, يزور -> زار: a hollow verb's past
        if len(stem) == _MIN_STEM and stem[1] in "وي":
            past = stem[0] + "ا" + stem[2]
            hollow = [past + "ت", past] if present.startswith("ت") else [past]
        return [*out, *hollow, stem, "ا" + stem, present if present != verb else "س" + verb]
    return [*out, _HE + (verb[1:] if verb.startswith("ا") else verb)]


def _verbal_nouns(verb: str) -> list[str]:
    """The verbal noun of an MSA verb of the derived forms IV and VIII, which news prose
    often says instead of the verb (ترسل، أرسلت -> إرسال; يجتمع -> اجتماع; سينتقل -> انتقال)."""
    present = verb[1:] if verb.startswith("س") and verb[1:].startswith(_PERSON) else verb
    if present.startswith(_PERSON):
        stem = present[1:]
    elif verb.startswith("ا"):  # a past: أرسل, أرسلت, أرسلوا
        stem = next((verb[1:len(verb) - len(e)] for e in ("وا", "ت") if verb.endswith(e)
                     and len(verb) - len(e) > _MIN_STEM), verb[1:])
    else:
        return []
    if len(stem) == 3:  # IV: أفعل, يفعل -> إفعال
        return ["ا" + stem[:2] + "ا" + stem[2]]
    if len(stem) == 4 and stem[1] in "تطد":  # VIII: افتعل, يفتعل -> افتعال
        return ["ا" + stem[:3] + "ا" + stem[3]]
    return []


def _known_form(word: str, known: Callable[[str], bool]) -> bool:
    """Whether the corpus uses `word` (a normalized form, one or more words): every content
    word of it analyses to a term the corpus has."""
    terms = [t for w in word.split() if (t := analyze_token(w)) is not None]
    return bool(terms) and all(map(known, terms))


def _glued_question(word: str, following: list[str],
                    known: Callable[[str], bool] | None) -> str:
    """«شسوى، شيريد، شحجى، شقال» (Iraqi, Gulf): the question word ش glued to the verb,
    as «ماذا» and the verb in MSA; "" when the word is not so made (شمال, شكر)."""
    rest = word[len(_WHAT_GLUED):]
    if not word.startswith(_WHAT_GLUED) or len(rest) < _MIN_STEM:
        return ""
    if rest in _DID:
        return _WHAT_MSA + " " + _DID[rest]
    if rest in _GLUED_VERBS or rest in LEXICON or any(f in LEXICON for f in _maghrebi_forms(rest)):
        return _WHAT_MSA + " " + _rewrite(rest, following, known, _WHAT_MSA)
    if rest.startswith(_PERSON) and len(rest) > _MIN_STEM:
        verb = _rewrite(rest, following, known, _WHAT_MSA)
        if verb != rest or (known is not None and _known_form(rest, known)):
            return _WHAT_MSA + " " + verb
    return ""


def _rewrite(word: str, following: list[str], known: Callable[[str], bool] | None,
             previous: str = "") -> str:
    """The MSA form of one normalized word (itself when nothing applies); `following`:
    the next few words, `previous`: the word before."""
    if _CHE in word:
        return _rewrite(_without_che(word, known), following, known, previous)
    if _STRETCHED.search(word):  # شووو، ليييش، كتييير: a letter held on a phone
        return _rewrite(_unstretched(word, known), following, known, previous)
    if _HAMZA in word and word not in LEXICON and (
            known is None or not _known_form(word, known)):
        spoken = word.replace(_HAMZA, _QAF)  # Egyptian, Levantine ق typed as ء (اتئابلوا، ئال)
        if spoken in LEXICON or (known is not None and _known_form(spoken, known)):
            return _rewrite(spoken, following, known, previous)
    if word in _FILLERS or word in _TELL_ME or (word in _WHAT_TAIL and previous in _HOW_MUCH):
        return ""
    if word in _ARTICLES and following and _LATIN_START.match(following[0]):
        return ""  # «بالـ Angara»: the article typed apart from a Latin name
    if word in _KEPT and following and len(following[0]) > _MIN_STEM \
            and following[0].startswith(_PERSON):
        return ""  # «قعدوا يتفاوضون»: kept negotiating
    if (previous, word) == _WHAT_IS_UP:
        return ""
    if word == _MEANS_WORD and previous not in _WHAT_MEANS:
        return ""  # «يعني شنو قال»: I mean
    if word in _PLEASE.get(previous, ()):
        return ""  # لو سمحت, من فضلك
    if word in _HOW_MUCH and following and following[0] in _WHAT_TAIL:
        return _HOW_MUCH_MSA  # قد إيه: how much, how long
    if word == _WHAT_LIBYAN and _LAUNCHED.isdisjoint(following):
        return _WHAT_MSA
    if word in _TOOK and (_TIME.intersection(following[:2]) or previous in _TIME):
        return _usable(_TOOK[word], known)  # «المحادثات خدت قد إيه؟»: took how long
    if word in _BROUGHT and (previous in _QUESTION or _QUESTION.intersection(following[:1])
                             or _WITH_HIM.intersection(following[:2])):
        return _usable(_BROUGHT_MSA, known)  # «جاب معاه إيه؟»: brought, not MSA roamed
    if word in _HAPPENED and _ON_WORDS.isdisjoint(following) \
            and (known is None or not _known_form(word, known)):
        return ""  # «الاجتماع حصل فين؟»: where did the meeting take place
    if word in _DID and (previous in _QUESTION or (following[:1] and following[0] in _QUESTION)):
        return _light(_usable((_DID[word],), known), known)  # «ايش سوى بوتين، عمل إيه»: did
    if word == _WANTS and (previous in _QUESTION or following[:1] == [_WANTS_MSA]):
        return _usable((_WANTS_MSA,), known)  # «شو بدو بوتين»
    if word == _WANTS and following and len(following[0]) >= _MIN_STEM \
            and following[0].startswith(_PERSON):
        return ""  # «بدو يروح»: wanting frames the verb asked about
    if word in _VERB_PARTICLES and following and following[0].startswith(_PERSON):
        # رح يجي, عم يحكي: the verb says what is asked; a future particle's tense is MSA's
        # «سوف» (the future cue and the actor cue read it: tenses.asks_future)
        return _WILL_MSA if word in _WILL else ""
    if word in _CAN and following and len(following[0]) > _MIN_STEM \
            and following[0].startswith(_PERSON):
        return ""  # «بيعرف يساعد»: can help; the verb is asked
    if previous in _WILL and word.startswith(_PERSON) and known is not None \
            and not _known_form(word, known) and _known_form("س" + word, known):
        return "س" + word  # «غادي يبقى»: سيبقى, as the corpus says it
    if (word in _WANT and following and following[0] in _KNOW) or (
            word in _KNOW and previous in _WANT):
        return ""  # أبي أعرف: the question follows
    bare = word[1:] if word.startswith(_CLITICS) and word[1:] in _BY_PREPOSITION else word
    if bare in _BY_PREPOSITION and _BY_PREPOSITION[bare][0].intersection(following[:2]) \
            and (known is None or not _known_form(word, known)):  # «سلم بوتين على كيم»
        return word[:len(word) - len(bare)] + _usable((_BY_PREPOSITION[bare][1],), known)
    if word.endswith(_FINISHED) and _TO.intersection(following):
        return word  # خلص التقرير إلى: MSA "concluded"
    gave = next((f for e in ("", *_TO_HIM) if word.endswith(e)
                 for f in _with_alef(word[:len(word) - len(e)]) if f in _GAVE), None)
    if gave is not None and following and _PERFORMED.isdisjoint(following) \
            and (known is None or not _known_form(word, known)):
        return _GAVE[gave]  # «إدّى(له) كيم إيه؟»: Egyptian gave; «أدى اليمين/إلى» is MSA
    if word in _OF and previous.startswith(_ARTICLES) and following \
            and not following[0].startswith(_ARTICLE):
        return ""  # Gulf, Yemeni «الهدية حق كيم»: كيم's gift (MSA «حق التصويت»: a right)
    if previous in _NOT and word.endswith(_NOT_END) and len(word) > _MIN_STEM \
            and (known is None or not _known_form(word, known)):
        return _rewrite(word[:-1], following, known, previous)  # «ما كملش»: ما كمل
    if word in _ASKED and known is not None and not _known_form(word, known) \
            and _known_form(_WAS_ASKED, known):
        return _WAS_ASKED  # «لما سألوه»: when he was asked, as the press says it
    if word in _HOMOGRAPH_VERBS and previous in _VERB_PARTICLES:
        return _usable(_HOMOGRAPH_VERBS[word], known)  # «راح يگعد»: will stay
    if word in HOMOGRAPHS:
        return word
    if known is not None and _known_form(word, known):
        return word  # the corpus writes it: an MSA word too (اشتغل), in its MSA sense
    if word in _DROPPED or (word in _WANTING and any(
            len(w) > _MIN_STEM and w.startswith(_PERSON) for w in following[:2])):
        return ""  # «يبي (كيم) يسوي»: wanting before a verb only frames it; the verb is asked
    found = _in_lexicon(word)
    if found is not None:
        clitic, choices = found
        choice = _light(_usable(choices, known), known)
        if clitic in _CLITICS and analyze_token(choice) is None:
            return choice  # فهاد -> هذا: a function word weighs nothing, with و/ف or not
        return clitic + choice
    glued = _glued_question(word, following, known)
    if glued:
        return glued
    if known is None or analyze_token(word) is None:
        return word
    rest = word[len(_IN):]
    if word.startswith(_IN) and len(rest) > _MIN_STEM and _known_form(rest, known):
        return _IN_MSA + " " + rest  # Maghrebi «فروسيا»: في روسيا
    rest = word[len(_FROM):]
    if word.startswith(_FROM + _ARTICLE) and len(rest) > _MIN_STEM + 1 \
            and _known_form(rest, known):
        return _FROM_MSA + " " + rest  # Levantine, Iraqi «مالكرملين»: من الكرملين
    candidates = _affix_forms(word)
    for candidate in candidates:
        if candidate in LEXICON:
            return LEXICON[candidate][0]
        if _known_form(candidate, known):
            return candidate
    for candidate in candidates:  # بيقول -> يقول, unknown; قال, known
        for form in _other_tenses(candidate):
            if _known_form(form, known):
                return form
    for candidate in candidates:  # بيعرض -> يعرض, unknown; تعرض (she offers), known
        if candidate.startswith(_PERSON) and len(candidate) > _MIN_STEM:
            for form in (p + candidate[1:] for p in _PERSON if p != candidate[0]):
                if _known_form(form, known):
                    return form
    return next((form for form in _hamza_forms(word) if _known_form(form, known)), word)


_SEATS = (("اي", "اء"), ("يي", "ءي"), ("وو", "ءو"))  # قذايف, رييس, مسوول: ئ ؤ typed as ي و


def _hamza_forms(word: str) -> list[str]:
    """`word` with the hamza phones leave out written back (unverified): a final one after
    ا dropped (فضا -> فضاء, الاربعا -> الاربعاء), or one typed as its seat's letter inside
    the word (قذايف -> قذائف, رييس -> رئيس, مسوول -> مسؤول)."""
    out = [word + _HAMZA] if word.endswith("ا") and len(word) >= _MIN_STEM else []
    for typed, seated in _SEATS:
        at = word.find(typed, 1)
        while 0 < at < len(word) - len(typed):
            out.append(word[:at] + seated + word[at + len(typed):])
            at = word.find(typed, at + 1)
    return out


_WORD = re.compile(r"[^\W_]+")
# و ف and ل ب ك glued to a Latin word (لـKim, وPutin once tatweel is gone): written apart
_CLITIC_ON_LATIN = re.compile("(?<![\u0621-\u064a])([\u0648\u0641]?[\u0644\u0628\u0643]?)"
                              "(?<=[\u0621-\u064a])(?=[a-z])")


_LATIN_RUN = re.compile("[a-z\u00c0-\u024f]+")
_TRANSLATED_RE = re.compile("(?<![a-z])(" + "|".join(
    re.escape(k) for k in sorted(TRANSLATED, key=len, reverse=True)) + ")(?![a-z])")
_ARABIZI_TOKEN = re.compile("(?<![\\w'])[a-z0-9']*[a-z][a-z0-9']*")


_GLUED_ARTICLES = tuple((latin, normalize(arabic)) for latin, arabic in (
    ("bal", "بال"), ("fal", "في ال"), ("wal", "وال"), ("lal", "لل"), ("al", "ال"),
    ("el", "ال"), ("l", "ال")))
_SEATED_READINGS = 32  # an Arabizi word's commonest readings also tried with a hamza


def _glued_article(word: str, known: Callable[[str], bool] | None) -> str:
    """The Arabic of an Arabizi word with the article glued to it: Maghrebi l7arb,
    lmo7adatat (الحرب، المحادثات); al/el and a preposition before it once the article is
    joined (fel liqa: falliqa, في اللقاء); "" when what follows it reads as no word."""
    for latin, arabic in _GLUED_ARTICLES:
        rest = word[len(latin):]
        if word.startswith(latin) and len(rest) >= _MIN_STEM and (
                latin != "l" or rest[0] not in "aeiou"):
            read = _arabizi(rest, known, sure=False)
            if read != rest and " " not in read:
                return arabic + (read[len(_ARTICLE):] if read.startswith(_ARTICLE) else read)
            break
    return ""


def _arabizi(word: str, known: Callable[[str], bool] | None, sure: bool = True) -> str:
    """The Arabic word an Arabizi word stands for (a3ta -> اعطي, ra7 -> راح, 3ala -> علي):
    its first reading the dialect lexicon or the corpus has (the corpus: as read or with a
    hamza on a vowel's seat, transliterate.hamza_seated: fayda -> فائدة), else (when `sure` it is
    Arabizi) its first reading that is a function word; the word itself when none is (a
    name typed with a digit, an English word)."""
    if word in LOANWORDS:  # «lgant», «satellite» typed in a Darija question
        return normalize(LOANWORDS[word])
    costed = [(cost, normalize(r)) for cost, r in arabizi_readings(word)]
    readings = [r for _, r in costed]
    for reading in readings:
        if reading in LEXICON or reading in _RULE_WORDS or any(
                f in LEXICON for f in _maghrebi_forms(reading)):
            return reading
        gave = next((f for f in (reading, *_maghrebi_forms(reading))
                     if f in _GAVE or f in _TOOK), None)
        if gave is not None:  # eda, edda: Egyptian إدّى (gave); akhadet: خدت (took)
            return gave
    glued = _glued_article(word, known)
    if glued:
        return glued
    if known is not None:  # fewest departures first, a seated hamza one more: el fayda
        # الفائدة (interest) before الفيضه (flood), hadaya هدايا before هادئة (calm)
        tried = [(cost, n, reading) for n, (cost, reading) in enumerate(costed)] + [
            (cost + 1, n, seated) for n, (cost, reading) in enumerate(costed[:_SEATED_READINGS])
            for seated in (*hamza_seated(reading), *_hamza_forms(reading))]  # liqa: لقاء
        spelled = next((w for _, _, w in sorted(tried, key=lambda t: t[:2])
                        if _known_form(w, known)), None)
        if spelled is not None:
            return spelled
    if not sure:
        return word
    # a function word, else the likeliest reading: in Arabic letters the variant machinery
    # can still match it (mo7adsat: محادسات, the spoken س of محادثات)
    likeliest = next((r for r in readings if word.endswith("a") and r.endswith(_TA)),
                     readings[0] if readings else word)  # sa3a: ساعة, a final a a noun's ة
    return next((r for r in readings if analyze_token(r) is None), likeliest)


# Dialect words the rules read (not the lexicon): an Arabizi word read as one is taken
# (ghadi: غادي before a verb, dyal: ديال, dar: دار with a question word).
_RULE_WORDS = _DROPPED | _normalized("غادي غادية غادين") | set(_DID) | set(_GAVE) | set(_TOOK)

_CAPITALISED = re.compile("(?<![A-Za-z])[A-Z][a-z]+")  # Putin, Obeidi: names, not Arabizi
_ARABIZI_ARTICLE = re.compile("(?<![a-z0-9'])([bflw]?)(?:el|al|il)[- ](?=[a-z0-9'])")


def _latin_in_arabic(text: str, known: Callable[[str], bool] | None,
                     names: frozenset[str] = frozenset()) -> str:
    """Normalized `text` with its Latin words unaccented (Choïgou -> choigou), the names
    the press translates in Arabic (KCNA, White House: transliterate.TRANSLATED) and
    Arabizi words (shu, wein, a3ta) and particles (w, l, b, 3a) written in Arabic letters.
    In a question with an Arabizi word, its other Latin words are Arabizi too (el ziyara ->
    الزيارة) when the lexicon or the corpus has a reading of them, except `names` (typed
    capitalised)."""
    text = _LATIN_RUN.sub(lambda m: unaccented(m.group()), text)
    text = _TRANSLATED_RE.sub(lambda m: normalize(TRANSLATED[m.group()]), text)
    if not any(is_arabizi(w) for w in _ARABIZI_TOKEN.findall(text)):
        return text
    text = _ARABIZI_ARTICLE.sub(
        lambda m: m.group(1) if _ARABIZI_TOKEN.match(text, m.end()).group() in names
        else m.group(1) + "al", text)  # el/bel ziyara: (ب)الزيارة; el Obeidi: the name
    return _ARABIZI_TOKEN.sub(lambda m: m.group() if m.group() in names else (
        ARABIZI_PARTICLES.get(m.group()) or _arabizi(m.group(), known, sure=is_arabizi(m.group()))),
        text)


# Idioms of several words, each put as the press says it (or dropped when it only frames the
# question): «قبل وقتها» before its time (early), «ماسك يد» holding the hand (shaking
# hands), «كان حاضر، كانوا معاهم» was present, was with them (took part), «على الطاولة» on
# the table (on the agenda); the tag «ولا لأ، ولا شنو» (or not), a vocative «يا جماعة، يا
# شباب» (anyone addressed), «مع بعض» (with each other), «في الموضوع ده، بالقصة» (in this
# matter: what the question is about is named elsewhere in it) and the Latin fillers of
# chat (bro, lol, pls). From common knowledge of the dialects; none lists a question's words.
# spans of time, for «مضى» read as passing (`_IDIOMS`)
_SPAN_WORDS = ("سنة|سنه|سنتين|سنتان|سنوات|سنين|عام|عاما|عامين|عامان|أعوام|اعوام|شهر|شهرا|شهرين|"
               "أشهر|اشهر|شهور|يوم|يوما|يومين|أيام|ايام|أسبوع|اسبوع|أسبوعين|أسابيع|ساعة|ساعه|"
               "ساعات|دقيقة|دقائق|عقد|عقود|قرن|وقت")
_IDIOMS: tuple[tuple[str, str], ...] = (
    ("قبل (?:وقتها|وقته|وقتهم|الوقت|موعدها|موعده|الموعد|المعاد|معادها)", "مبكرا"),
    ("(?:ماسك|ماسكين|ماسكه|مسك|مسكوا|مسكو|مسكت) (?:يد|ايد|ايده|يده|ايدين|ايدو)", "يصافح"),
    ("(?:كان|كانوا|كانو|كانت) (?:حاضر|حاضرين|حاضره|موجود|موجودين)", "شارك"),
    ("(?:كان|كانوا|كانو) (?:معهم|معاهم|وياهم|معه|معاه|وياه|معاهن)", "شارك"),
    # standing with someone is backing them: «رح يوقف معهن؟», «وقفة بلدو مع روسيا»
    ("(?:وقف|وقفت|وقفوا|يوقف|يوقفوا|واقف|واقفه|واقفين|وقفه) (?:مع|جنب|ويا)"
     "(?:ه|ها|هم|هن|اه|اها|اهم|اهن)?", "دعم"),
    # sitting in a meeting is taking part in it: «مين كان قاعد بالاجتماع؟»
    ("(?:(?:كان|كانوا|كانو|كانت) )?(?:قاعد|قاعدين|قاعده|قاعدات)(?= (?:ب|في |ف)?(?:ال)?"
     "(?:اجتماع|اجتماعات|لقاء|محادثات|مباحثات|مناقشات|مفاوضات|جلسه|جلسات|قمه))", "شارك"),
    # «حلّ ضيفا على X» is the press's «visited X»; «السلام باليد» a handshake
    ("(?:حل|حلت|حلوا|يحل|تحل|سيحل|ستحل) ((?:[^\\s؟?]+ ){0,4})(?:ضيفا|ضيف|ضيفه|ضيوفا|ضيوف) "
     "(?:على|عند)(?:ها|هم|ه|نا)?", r"زار \1"),
    ("(?:ال)?سلام (?:ب)?(?:ال)?(?:يد|ايد|ايدي|يدين)", "المصافحة"),
    # coming to power is taking office: «بعد وصوله إلى الحكم» -> «توليه منصب»
    ("(?:وصل|وصلت|يصل|وصول|وصوله|وصولها|تسلم|تسلمه|استلم|استلامه) (?:(?:الى|إلى) )?"
     "(?:ال)?(?:حكم|سلطه|رءاسه)", "توليه منصب"),
    ("(?:على|ع) ال(?:طاوله|طاولة|ترابيزه)|عالطاوله", "على جدول اعمال"),
    ("ولا (?:لا|لء|لاء|لع|شنو|شن|ايه|ايش|وش|شو|اش|كيف)(?= *[?؟.!]* *$)", ""),
    ("ولا(?= *[?؟]+ *$)", ""),
    ("(?:لو|او) (?:لا|لء|لاء|لع)(?= *[?؟.!]* *$)", ""),  # Iraqi «لو لا»: or not
    # «طلع برّا» (went out: abroad, out of the country; MSA طلع: rose, appeared)
    ("(?:طلع|طلعت|طلعوا|طلعو) (?:ل)?(?:برا|بره|خارج)", "خرج"),
    ("(?:يطلع|تطلع|بيطلع|بتطلع) (?:ل)?(?:برا|بره|خارج)", "يخرج"),
    ("(?:طالع|طالعه|طالعين) (?:ل)?(?:برا|بره|خارج)", "خارج"),
    # «حد يعرف / حدا بيعرف …؟» (does anyone know): a frame, the question follows it
    ("(?<!لا )(?:شي )?(?:حد|حدا|احد|حدن) (?:يعرف|بيعرف|بعرف|عارف|يدري|بيدري|داري|يعلم)", ""),
    # «ما عادش» (Tunisian, Egyptian: no longer), «لحد إمتى» (until when)
    ("(?:ما|م) ?(?:عادش|عدش|عادتش)", "لم يعد"),
    ("لحد(?= (?:امتى|إمتى|ايمتى|متى|امتا|وقتاش|متين|شوكت|فين|وين|هنا|دلوقتي|الآن|هلق))",
     "حتى"),
    # «كم واحد، قديش واحد» (how many people): how many
    ("(?:كم|كام|قديش|قداش|شحال|شقد|شكد|اشكد|جم|چم)(?: من)? (?:واحد|واحده|نفر)(?![\\w])",
     "كم عدد"),
    # «مية» before what is counted is a hundred (مئة; MSA مية: dead, Egyptian water)
    ("(ال|لل|ب|بال)?(?:مية|ميه|مايه|ميت|مايت)(?= (?:عام|عاما|سنة|سنه|سنين|سنوات|يوم|ايام|"
     "ألف|الف|مليون|شخص|واحد|دولار|جنيه|درهم|دينار|ريال|ليرة|متر|كيلو|قتيل|جريح|مصاب|طن|"
     "منتج|سفينة|مقعد|صاروخ|طائرة|ساعة|دقيقة|كيلومتر|بالمية|في المية)(?![\\w]))",
     "\\1" + normalize("مئة")),
    (r"(?<![\w])يا [^\W\d_]+", ""),
    ("مع (?:بعض|بعضهم|بعضيهم|بعضياتهم)", ""),
    ("(?:في|ف|ب) ?(?:ال)?(?:موضوع|حكايه|قصه|سالفه|قضيه) (?:ده|دا|هذا|هذي|هاد|هادا|دي|هاي|هذه)",
     ""),
    ("(?:في|ف|ب) ?(?:ال)(?:موضوع|حكايه|قصه|سالفه)(?= *[?؟.!]* *$)", ""),
    ("(?<![a-z])(?:bro|bruh|lol|lmao|plz|pls|wallah|wlh|yani|ya3ni)(?![a-z])", ""),
    # مضى beside a span of time is MSA «passed» («كم سنة مضت على …», «مضى عامان على …»),
    # not the Egyptian «signed» (مضوا على اتفاق) the verb table maps it to
    ("(كم|" + _SPAN_WORDS + ") (?:مضى|مضت|مضي|مضا|يمضي|تمضي)", r"\1 مر"),
    ("(?:مضى|مضت|مضي|مضا)(?= (?:اكثر من |قرابة |نحو |حوالي )?(?:[^\\s؟?]+ )?(?:"
     + _SPAN_WORDS + ")(?![\\w]))", "مر"),
)
_ARABIC_RUN = re.compile("[\u0621-\u064a]+")
_IDIOM_RES = tuple((re.compile(r"(?<![\w])(?:" + _ARABIC_RUN.sub(
    lambda m: normalize(m.group()), pattern) + r")(?![\w])"), msa) for pattern, msa in _IDIOMS)


def _idioms(text: str) -> str:
    """Normalized `text` with the dialect idioms of several words (`_IDIOMS`) in MSA."""
    for pattern, msa in _IDIOM_RES:
        text = pattern.sub(msa, text)
    return text


_WENT = _normalized("ذهب ذهبت ذهبوا يذهب تذهب يذهبون سيذهب ستذهب سيذهبون")
_GOING_TO = _normalized("ذاهب ذاهبة ذاهبون")  # رايح، ماشي: is going to (will visit)
_BY_WHICH_MEANS = _normalized("كيف بماذا")
_TOWARD_WORDS = _TO | _normalized("على ع ل لل")
_TOWARD = ("", *(normalize(p) for p in ("ل", "ع", "لل")))
# a visit planned or going on is «زيارة» in the press (دعوة لزيارة، زيارة كيم ستستمر)
_VISITS = {"past": normalize("زار"), "present": normalize("زيارة"),
           "future": normalize("زيارة")}


def _visit(word: str, msa: str, following: list[str], previous: str,
           known: Callable[[str], bool] | None) -> str:
    """«بوتين رح يروح على كوريا؟», «مشى روسيا»: a dialect verb of going (راح، مشى، سار)
    before a country is "visit" in the press (زار، يزور، زيارة), in its tense; else `msa`."""
    found = _in_lexicon(word)
    went = found[1][0] if found else msa  # the lexicon's first sense: ذهب, not توجه
    if went not in _WENT | _GOING_TO or msa == word or not following:
        return msa
    place = following[0] if following[0] not in _TOWARD_WORDS else (following[1:2] or [""])[0]
    place = normalize(EXONYMS.get(place, place))  # wach Putin ghadi imchi l Korea
    if not any(place.startswith(p) and nation(place[len(p):]) for p in _TOWARD):
        return msa
    tense = ("future" if went.startswith("س") or previous in _WILL or went in _GOING_TO else
             "present" if went.startswith(_PERSON) else "past")
    return _usable((_VISITS[tense],), known)


def _future_kept(word: str, msa: str) -> str:
    """`msa` with MSA's «سوف» before it when `word` is a dialect future (حـ/هـ/با before a
    present verb: هيزور، حيروح) and `msa` no longer says so (يزور, the form the corpus
    writes; not سيعود). «امتى هيزور بوتين كوريا؟» asks of a visit to come; read as «متى
    يزور …» it was answered by the visit of 2000."""
    clitic = word[:1] if word.startswith(_CLITICS) and len(word) > _MIN_STEM + 3 else ""
    bare, said = word[len(clitic):], msa[len(clitic):] if msa.startswith(clitic) else msa
    future = any(bare.startswith(p) and bare[len(p):].startswith(_PERSON)
                 and len(bare) - len(p) > _MIN_STEM for p in _FUTURE)
    if not future or not said.strip() or msa == word or future_verb(said.split()[0]) \
            or _WILL_MSA in said.split():
        return msa
    return msa[:len(msa) - len(said)] + _WILL_MSA + " " + said


def to_msa(text: str, known: Callable[[str], bool] | None = None) -> str:
    """`text` (a question) normalized, with its dialect words in MSA.

    `known(term)` says whether the corpus has an analysed term: with it, a word the corpus
    uses is kept as it is (it is MSA too there), a lexicon word takes the first of its MSA
    forms the corpus uses, and the affix and spelling rules run on other words the corpus
    lacks, kept only when they give one it has. Without it only the lexicon applies.
    Latin names, digits and punctuation are kept as they are (a clitic glued to a Latin
    word is written apart: لـKim -> ل kim), but a name the press translates (KCNA) is put
    in its Arabic words and Arabizi (shu a3ta Putin la Kim?) in Arabic letters.
    """
    names = frozenset(w.lower() for w in _CAPITALISED.findall(text))
    text = _GAF_WORD.sub(lambda m: _without_gaf(m.group(), known), text)
    text = _CLITIC_ON_LATIN.sub("\\1 ", _latin_in_arabic(normalize(text), known, names))
    text = _idioms(text)
    words = list(_WORD.finditer(text))
    msas = [_rewrite(match.group(), [w.group() for w in words[i + 1:i + 1 + _CONTEXT]], known,
                     words[i - 1].group() if i else "") for i, match in enumerate(words)]
    means = not _BY_WHICH_MEANS.isdisjoint(msas)  # «راح روسيا إزاي»: the journey is asked
    said = [w.group() for w in words]
    spoken = [w for w in said if _in_lexicon(w) is not None
              and (known is None or not _known_form(w, known))]
    for i, word in enumerate(said):
        bare = next((word[len(a):] for a in _ARTICLES if word.startswith(a)), "")
        if word in _SPOKEN_ONLY and spoken:
            msas[i] = _usable(_SPOKEN_ONLY[word], known)  # «منو جان رئيس…»: كان
        elif bare in _WITH_ARTICLE and spoken:  # «جه بالقطر»: بالقطار
            msas[i] = word[:len(word) - len(bare)] + _WITH_ARTICLE[bare]
        elif word in _TOOK_ALONG and not _MAGHREBI.isdisjoint(said) and 0 < i < len(said) - 1 \
                and said[i - 1] not in _QUESTION:
            msas[i] = _usable(_TOOK_ALONG[word], known)  # «علاش بوتين دا كيم لـ…»: took
    out: list[str] = []
    last = 0
    for i, match in enumerate(words):
        following = [w.group() for w in words[i + 1:i + 1 + _CONTEXT]]
        previous = words[i - 1].group() if i else ""
        msa = msas[i] if means else _visit(match.group(), msas[i], following, previous, known)
        msa = _future_kept(match.group(), msa)
        if msa == _WILL_MSA and i + 1 < len(msas) and future_verb(
                (msas[i + 1].split() or [""])[0]):
            msa = ""  # «رح يضل»: سيبقى says the future already
        before = {w.group() for w in words[max(0, i - 2):i]}  # «قديش ضلوا يحكوا»
        if msa in _TALKED and msa != match.group() and (
                before & _HOW_LONG_NEAR or _HOW_LONG_NEAR.intersection(following[:2])):
            msa = " ".join(_usable((c,), known) for c in _TALKS_LASTED)  # «حكيو قديش؟»
        out += [text[last:match.start()], msa]
        last = match.end()
    out.append(text[last:])
    return "".join(out)
