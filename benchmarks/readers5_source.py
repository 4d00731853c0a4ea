"""Write tests/data/seeds-readers5.jsonl (fitted) and seeds-readers5-heldout.jsonl.

    python -m benchmarks.readers5_source

Questions over the five seed articles written as a reader who half-remembers each story
asks them (issue 12, fifth round): paraphrases in other words than the passage, a title
for a name, another verb or noun form, five dialect families (Levantine, Egyptian, Gulf,
Iraqi, Maghrebi), one-word and short queries, questions that add a word the articles
never use («رسميا», «بالتفصيل»), typos; and near misses naming what the coverage names
and asking what it never says. Every key must be a substring (normalized) of a seed
article: the script checks it and stops otherwise.

Split by a fixed rule, chosen before any result was seen: an answerable question goes to
the held-out half when the md5 of its fact's first key is odd (so that the questions of
one fact never straddle the halves), a near miss when the md5 of its text is odd.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from retrieval.analysis import normalize

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"

RIFLE = ["أهدى كل من الرئيس الروسي", "بندقية من إنتاجنا", "بندقية مصنوعة في كوريا الشمالية",
         "أهدى فلاديمير بوتين قفاز رائد"]
GLOVE = ["قفازا يعد جزءا من بزة", "أهدى فلاديمير بوتين قفاز رائد", "هدايا بوتين لكيم من قفاز"]
INVITE = ["دعوة كيم لزيارة كوريا الشمالية", "بوتين قبل الدعوة بكل سرور", "ثم رحلة أخرى لبوتين"]
DAYS = ["بضع أيام أخرى"]
PLACE = ["واجتمع الرئيسان، الأربعاء، في قاعدة", "والتقى الزعيمان في قاعدة فوستوتشني",
         "التقى الرئيس الروسي فلاديمير بوتين وزعيم كوريا",
         "استقبل الرئيس الروسي فلاديمير بوتين الزعيم الكوري"]
AMUR = ["مقاطعة آمور"]
SUPPORT = ["دعمها الكامل غير المشروط"]
SPACE_TECH = ["تعاونا فيما يتعلق بتطوير التقنيات الفضائية"]
IMPERIAL = ["ضد السياسات الاستعمارية", "الحرب ضد الإمبريالية"]
VICTORY = ["نصرًا كبيرًا"]
ARRIVED = ["والثلاثاء، وصل كيم إلى روسيا"]
AMMO = ["مهتمة بشراء الذخيرة"]
COSMONAUT = ["إرسال رائد فضاء كوري شمالي", "أول كوري شمالي يصل إلى مدار الأرض"]
SANCTIONS = ["العقوبات الدولية التي تستهدف كوريا الشمالية"]
PLAN = ["خطة للمئة عام المقبلة"]
SINCE_2019 = ["إلى فلاديفوستوك في العام 2019", "للمرة الأولى منذ عام 2019"]
TOUR = ["منشأة جمع مركبات أنغارا", "صالة تجميع الصاروخ الفضائي", "لمشاهدة قاعدة إطلاق الصاروخ"]
TALKS = ["استمرت قرابة ساعتين"]
MINISTERS = ["وشارك في المناقشات وزير الدفاع"]
FLEET = ["لقوات البحرية الروسية في المحيط الهادئ", "وتفقد أسطول المحيط الهادئ"]
FACTORIES = ["مصانع معدات طيران", "مصنع أسلحة قريب"]
SATELLITES = ["احتمال مساعدة بيونغيانغ في بناء أقمار", "مستعدة لمساعدة كوريا الشمالية في بناء",
              "مستعدون لمساعدة بيونج يانج"]
FAILED = ["فشلت كوريا الشمالية أخيرًا مرتين"]
FIRST_2000 = ["أول رئيس روسي يزور كوريا الشمالية", "آخر زيارة لبوتين لكوريا الشمالية في يوليو"]
DUMA = ["مجلس الدوما على معاهدة صداقة"]
SHOIGU = ["زار وزير الدفاع الروسي سيرغي شويغو بيونغيانغ"]
HANDSHAKE = ["يصافح كيم لنحو 40 ثانية"]
ROCKETS = ["اهتمامه الشديد بتكنولوجيا الصواريخ", "يظهر اهتماما كبيرا بتكنولوجيا الصواريخ"]
NO_HASTE = ["من دون أي عجالة"]
THANKS = ["شكر كيم بوتين على دعوته"]
COVID = ["الرحلة الخارجية الأولى له منذ جائحة", "رحلة كيم الأولى خارج كوريا الشمالية منذ"]
AGENDA = ["التعاون الاقتصادي، والقضايا الانسانية"]
ANNIVERSARY = ["مرور 75 عاما على تأسيس كوريا الشمالية"]
TRAIN = ["عبر قطار مدرّع", "على متن قطاره المدرع"]
RECON = ["تطوير أقمار استطلاع عسكرية"]
EARLY = ["لن يكون هناك أي لقاءات أخرى", "والتي يبدو أنها انتهت مبكرا"]
USEFUL = ["جاءت في الوقت المناسب وكانت مفيدة"]
LUKASHENKO = ["لقاء مع ألكسندر لوكاشينكو"]
SHELLS = ["بقذائف مدفعية للشهر والنصف"]
LAVROV = ["لوزير الخارجية الروسي سيرجي لافروف"]
NO_DEALS = ["ولم يتم الإعلان عن أي صفقات"]
SEVEN_MONTHS = ["بعد سبعة أشهر من توليه منصب"]
SECRECY = ["غطت السرية والإجراءات الأمنية"]
FOOD = ["ومساعدات غذائية مقابل الذخيرة"]
PROPAGANDA = ["نجاح دبلوماسي كبير"]
WALL_STREET = ["ضربة لوول ستريت"]
ARCTIC = ["مستقبل روسيا يكمن في القطب الشمالي", "بدأت بنشاط في تنمية القطب الشمالي"]
YOUTH = ["بيوم الشباب الروسي"]
MACRON = ["مستقبل القارة الأوروبية يجب أن يتحدد بها", "الطريق إلى السلام لا يمر عبر"]
CYBER = ["تواصل هجماتها الإلكترونية"]
PESKOV = ["الناطق باسم الكرملين دميتري بيسكوف", "دميتري بيسكوف المتحدث باسم الكرملين"]
FATHER = ["كيم جونغ إيل، والد الزعيم الحالي"]
PURPOSE = ["هذا هو سبب زيارتنا", "الزيارة إلى هذا المكان تهدف لهذه الغاية"]
PROUD = ["فخورة بإنجازات قطاعها الفضائي"]
PRIORITY = ["أولوية للأهمية الاستراتيجية"]
DELEGATION_TOUR = ["سيحظى بفرصة القيام بجولة"]

ANSWERABLE: list[tuple[str, list[str], str]] = [
    # paraphrases: other words than the passage's
    ("ما الذي قدمه الرئيس الروسي هدية لضيفه الكوري؟", RIFLE, "paraphrase"),
    ("بماذا رد كيم على هدية بوتين؟", RIFLE, "paraphrase"),
    ("أي سلاح تبادله الزعيمان؟", RIFLE, "paraphrase"),
    ("هل حصل بوتين على شيء من كيم؟", RIFLE, "paraphrase"),
    ("ما قصة القفاز الذي ناله كيم؟", GLOVE, "paraphrase"),
    ("من أين جاء القفاز الذي أعطي للزعيم الكوري؟", GLOVE, "paraphrase"),
    ("هل وافق سيد الكرملين على زيارة بيونغيانغ؟", INVITE, "paraphrase"),
    ("كيف تعامل بوتين مع الدعوة إلى كوريا الشمالية؟", INVITE, "paraphrase"),
    ("إلى متى يبقى كيم في الأراضي الروسية؟", DAYS, "paraphrase"),
    ("كم ستطول إقامة الزعيم الكوري في روسيا؟", DAYS, "paraphrase"),
    ("أين عقدت القمة بين بوتين وكيم؟", PLACE, "paraphrase"),
    ("في أي مكان جرى لقاء الرئيسين؟", PLACE, "paraphrase"),
    ("في أي إقليم روسي تقع القاعدة التي استضافت اللقاء؟", AMUR, "paraphrase"),
    ("بماذا تعهدت بيونغيانغ لموسكو في حربها؟", SUPPORT, "paraphrase"),
    ("ما مدى مساندة كوريا الشمالية لروسيا؟", SUPPORT, "paraphrase"),
    ("هل يتعاون البلدان في مجال الفضاء مستقبلا؟", SPACE_TECH, "paraphrase"),
    ("ضد من قال كيم إنه سيقاتل مع روسيا؟", IMPERIAL, "paraphrase"),
    ("ما توقعات كيم لنتيجة الحرب الروسية؟", VICTORY, "paraphrase"),
    ("هل يظن كيم أن روسيا ستنتصر؟", VICTORY, "paraphrase"),
    ("في أي يوم دخل كيم روسيا؟", ARRIVED, "paraphrase"),
    ("ماذا يريد الروس أن يشتروا من كوريا الشمالية بحسب الأميركيين؟", AMMO, "paraphrase"),
    ("هل سيطير رائد فضاء من كوريا الشمالية؟", COSMONAUT, "paraphrase"),
    ("ما العرض الروسي لإرسال كوري إلى المدار؟", COSMONAUT, "paraphrase"),
    ("لماذا تخضع بيونغيانغ لعقوبات دولية؟", SANCTIONS, "paraphrase"),
    ("ما الخطة التي تحدث عنها كيم لقرن قادم؟", PLAN, "paraphrase"),
    ("متى كان آخر لقاء بين الرجلين قبل هذا؟", SINCE_2019, "paraphrase"),
    ("ما المنشآت التي تفقدها الزعيمان في القاعدة؟", TOUR, "paraphrase"),
    ("ما الذي شاهده كيم داخل القاعدة الفضائية؟", TOUR, "paraphrase"),
    ("ما مدة المفاوضات بين الجانبين؟", TALKS, "paraphrase"),
    ("من حضر المباحثات من الوزراء الروس؟", MINISTERS, "paraphrase"),
    ("هل سيشاهد كيم استعراضا بحريا؟", FLEET, "paraphrase"),
    ("ما المصانع التي سيزورها الضيف الكوري؟", FACTORIES, "paraphrase"),
    ("هل ستعين روسيا كوريا الشمالية على صنع الأقمار الصناعية؟", SATELLITES, "paraphrase"),
    ("كم مرة أخفقت بيونغيانغ في إطلاق قمر تجسس؟", FAILED, "paraphrase"),
    ("من أول زعيم روسي ذهب إلى كوريا الشمالية؟", FIRST_2000, "paraphrase"),
    ("ما المعاهدة التي أقرها البرلمان الروسي مع كوريا الشمالية؟", DUMA, "paraphrase"),
    ("من المسؤول الروسي الذي سافر إلى بيونغيانغ في الصيف؟", SHOIGU, "paraphrase"),
    ("كم دامت المصافحة بين بوتين وكيم؟", HANDSHAKE, "paraphrase"),
    ("ما الذي يثير اهتمام كيم في التقنيات الروسية؟", ROCKETS, "paraphrase"),
    ("هل كان بوتين مستعجلا في مناقشة الملفات؟", NO_HASTE, "paraphrase"),
    ("لماذا عبر كيم عن امتنانه لبوتين؟", THANKS, "paraphrase"),
    ("هل سافر كيم إلى الخارج منذ انتشار كورونا؟", COVID, "paraphrase"),
    ("ما المواضيع المطروحة على طاولة المحادثات؟", AGENDA, "paraphrase"),
    ("ما الذكرى التي تحتفل بها كوريا الشمالية هذا العام؟", ANNIVERSARY, "paraphrase"),
    ("بأي وسيلة نقل وصل كيم؟", TRAIN, "paraphrase"),
    ("ما الدعم الذي يسعى إليه كيم لأقماره العسكرية؟", RECON, "paraphrase"),
    ("هل انقطعت جولة كيم قبل موعدها؟", EARLY, "paraphrase"),
    ("كيف وصف المتحدث الروسي الزيارة؟", USEFUL, "paraphrase"),
    ("مع من اجتمع بوتين في سوتشي؟", LUKASHENKO, "paraphrase"),
    ("ماذا تتهم أوكرانيا بيونغيانغ بإرساله لموسكو؟", SHELLS, "paraphrase"),
    ("من سيزور بيونغيانغ من الدبلوماسيين الروس الشهر القادم؟", LAVROV, "paraphrase"),
    ("هل أبرمت اتفاقيات خلال الزيارة؟", NO_DEALS, "paraphrase"),
    ("متى تسلم بوتين الرئاسة قبل زيارته الأولى لبيونغيانغ؟", SEVEN_MONTHS, "paraphrase"),
    ("كيف كانت الإجراءات حول رحلة كيم؟", SECRECY, "paraphrase"),
    ("ما الذي يريده كيم في مقابل القذائف بحسب المحللين؟", FOOD, "paraphrase"),
    ("كيف صور الإعلام الروسي الزيارة؟", PROPAGANDA, "paraphrase"),
    ("ما الذي قالته المذيعة الروسية عن الصداقة مع بيونغيانغ؟", WALL_STREET, "paraphrase"),
    ("أين يرى بوتين مستقبل بلاده؟", ARCTIC, "paraphrase"),
    ("متى يحتفل الروس بعيد الشباب؟", YOUTH, "paraphrase"),
    ("ماذا قال الرئيس الفرنسي عن مصير أوروبا؟", MACRON, "paraphrase"),
    ("بماذا يتهم ماكرون روسيا على الإنترنت؟", CYBER, "paraphrase"),
    ("من يتحدث باسم الرئاسة الروسية؟", PESKOV, "paraphrase"),
    ("من كان حاكم كوريا الشمالية عند زيارة بوتين الأولى؟", FATHER, "paraphrase"),
    ("لماذا اختار بوتين القاعدة الفضائية مكانا للقاء؟", PURPOSE, "paraphrase"),
    ("بماذا تفتخر روسيا بحسب بوتين؟", PROUD, "paraphrase"),
    ("كيف تنظر كوريا الشمالية لعلاقتها مع موسكو؟", PRIORITY, "paraphrase"),
    ("هل سيتجول الوفد الكوري في المنشآت الروسية؟", DELEGATION_TOUR, "paraphrase"),
    ("هل بدأ بوتين يفكر في التعاون العسكري مع كيم؟", ["متحدثًا أمام الصحافة عن"],
     "paraphrase"),
    ("مساعدة روسية لبيونغيانغ في صناعة الأقمار", SATELLITES, "paraphrase"),
    ("عدد الساعات التي استغرقتها المحادثات", TALKS, "paraphrase"),
    # dialect: Levantine
    ("شو عطى بوتين لكيم؟", RIFLE + GLOVE, "dialect"),
    ("شو جاب كيم لبوتين هدية؟", RIFLE, "dialect"),
    ("وين التقوا بوتين وكيم؟", PLACE, "dialect"),
    ("قديش رح يضل كيم بروسيا؟", DAYS, "dialect"),
    ("ليش بوتين بدو يساعد كوريا الشمالية بالأقمار؟", SATELLITES + PURPOSE, "dialect"),
    ("شو قال كيم عن الحرب مع روسيا؟", SUPPORT + IMPERIAL, "dialect"),
    ("كيف وصل كيم على روسيا؟", TRAIN, "dialect"),
    ("قديش طولت المحادثات؟", TALKS, "dialect"),
    ("مين الوزرا اللي حضروا الاجتماع؟", MINISTERS, "dialect"),
    ("بوتين رح يزور كوريا الشمالية؟", INVITE, "dialect"),
    ("شو قصة الكفوف اللي أخدها كيم؟", GLOVE, "dialect"),
    ("مين زار بيونغيانغ من الروس بتموز؟", SHOIGU, "dialect"),
    # dialect: Egyptian
    ("بوتين إداله إيه لكيم؟", RIFLE + GLOVE, "dialect"),
    ("اتقابلوا فين بوتين وكيم؟", PLACE, "dialect"),
    ("كيم جه روسيا إزاي؟", TRAIN, "dialect"),
    ("هو كيم هيفضل في روسيا قد إيه؟", DAYS, "dialect"),
    ("بوتين قال إيه عن الأقمار الصناعية؟", SATELLITES + PURPOSE, "dialect"),
    ("الأمريكان قالوا إيه عن الذخيرة؟", AMMO, "dialect"),
    ("امتى كيم وصل روسيا؟", ARRIVED, "dialect"),
    ("ليه الزيارة خلصت بدري؟", EARLY, "dialect"),
    ("هو بوتين هيروح كوريا الشمالية؟", INVITE, "dialect"),
    ("بيسكوف قال إيه على الزيارة؟", USEFUL + EARLY + INVITE + RIFLE + DAYS, "dialect"),
    ("مين اللي هيروح بيونغيانغ الشهر الجاي؟", LAVROV, "dialect"),
    ("كيم عايز إيه من روسيا؟", FOOD + RECON + ROCKETS, "dialect"),
    # dialect: Gulf
    ("وش الهدايا اللي تبادلوها الزعيمين؟", RIFLE + GLOVE, "dialect"),
    ("وين صار الاجتماع بين بوتين وكيم؟", PLACE, "dialect"),
    ("وش قال كيم عن روسيا؟", SUPPORT + IMPERIAL + VICTORY + SPACE_TECH, "dialect"),
    ("كم ساعة طولت المباحثات؟", TALKS, "dialect"),
    ("متى وصل كيم لروسيا؟", ARRIVED, "dialect"),
    ("وش سالفة رائد الفضاء الكوري؟", COSMONAUT, "dialect"),
    ("ليش كيم مهتم بالصواريخ؟", ROCKETS + RECON, "dialect"),
    ("وش يبي بوتين من كوريا؟", AMMO + SHELLS + FOOD, "dialect"),
    ("كيم بيحضر عرض عسكري؟", FLEET, "dialect"),
    ("وش قال ماكرون عن أوروبا؟", MACRON, "dialect"),
    ("وش قال بوتين عن القطب الشمالي؟", ARCTIC, "dialect"),
    # dialect: Iraqi
    ("شنو انطى بوتين لكيم؟", RIFLE + GLOVE, "dialect"),
    ("وين اجتمعوا الرئيسين؟", PLACE, "dialect"),
    ("شكد راح يبقى كيم بروسيا؟", DAYS, "dialect"),
    ("اشلون وصل كيم لروسيا؟", TRAIN, "dialect"),
    ("منو المتحدث باسم الكرملين؟", PESKOV, "dialect"),
    ("منو رئيس روسيا اللي زار كوريا أول مرة؟", FIRST_2000, "dialect"),
    ("شنو موقف كوريا الشمالية من حرب روسيا؟", SUPPORT + VICTORY + IMPERIAL, "dialect"),
    ("شكد دامت المصافحة؟", HANDSHAKE, "dialect"),
    ("ليش بوتين راح لسوتشي؟", LUKASHENKO, "dialect"),
    ("منو حضر المحادثات من الوزراء؟", MINISTERS, "dialect"),
    # dialect: Maghrebi
    ("شنو عطا بوتين لكيم؟", RIFLE + GLOVE, "dialect"),
    ("فين تلاقاو بوتين وكيم؟", PLACE, "dialect"),
    ("كيفاش جا كيم لروسيا؟", TRAIN, "dialect"),
    ("شحال غادي يبقى كيم فروسيا؟", DAYS, "dialect"),
    ("علاش كيم مشا لروسيا؟", ROCKETS + RECON + PURPOSE + FOOD, "dialect"),
    ("واش بوتين غادي يزور كوريا الشمالية؟", INVITE, "dialect"),
    ("شنو قال بيسكوف على الهدايا؟", RIFLE + GLOVE, "dialect"),
    ("شحال دامت المحادثات؟", TALKS, "dialect"),
    ("واش كاين شي اتفاق على السلاح؟", NO_DEALS + AMMO, "dialect"),
    ("شنو قال ماكرون على مستقبل أوروبا؟", MACRON, "dialect"),
    # short and one-word queries
    ("القفاز", GLOVE, "short"),
    ("بندقية", RIFLE, "short"),
    ("الهدايا", RIFLE + GLOVE, "short"),
    ("فوستوشني", PLACE + AMUR + TOUR + HANDSHAKE + RECON + EARLY, "short"),
    ("القطار المدرع", TRAIN, "short"),
    ("لوكاشينكو", LUKASHENKO, "short"),
    ("ماكرون", MACRON + CYBER, "short"),
    ("القطب الشمالي", ARCTIC, "short"),
    ("وول ستريت", WALL_STREET, "short"),
    ("شويغو بيونغيانغ", SHOIGU, "short"),
    ("رائد فضاء كوري", COSMONAUT, "short"),
    ("مدة المحادثات", TALKS, "short"),
    ("دعوة بوتين لبيونغيانغ", INVITE, "short"),
    ("زيارة 2000", FIRST_2000, "short"),
    ("قذائف المدفعية", SHELLS, "short"),
    ("مساعدات غذائية", FOOD, "short"),
    ("الإمبريالية", IMPERIAL, "short"),
    ("مصافحة", HANDSHAKE, "short"),
    ("أنغارا", TOUR, "short"),
    ("الدوما", DUMA, "short"),
    ("يوم الشباب", YOUTH, "short"),
    ("كورونا", COVID, "short"),
    ("أسطول المحيط الهادئ", FLEET, "short"),
    ("سكابييفا", WALL_STREET, "short"),
    # questions adding a word the articles never use
    ("ما الهدايا التي تبادلها بوتين وكيم رسميا؟", RIFLE + GLOVE, "filler"),
    ("اشرح لي بالتفصيل أين التقى الزعيمان", PLACE, "filler"),
    ("ممكن تقولي بالضبط كم استمرت المحادثات؟", TALKS, "filler"),
    ("يعني هل قبل بوتين دعوة كيم فعلا؟", INVITE, "filler"),
    ("لو سمحت، كيف وصل كيم إلى روسيا؟", TRAIN, "filler"),
    ("من فضلك ما الذي أهداه بوتين لكيم تحديدا؟", RIFLE + GLOVE, "filler"),
    ("أريد أن أعرف بشكل دقيق مدة بقاء كيم في روسيا", DAYS, "filler"),
    ("هل صحيح أن روسيا عرضت إرسال رائد فضاء كوري؟", COSMONAUT, "filler"),
    ("هل تعرف من رافق بوتين في المحادثات تقريبا؟", MINISTERS, "filler"),
    ("أخبرني باختصار عن دعم كوريا الشمالية لروسيا", SUPPORT, "filler"),
    ("ما الذي قاله ماكرون حرفيا عن أوكرانيا؟", MACRON, "filler"),
    ("هل أعلن رسميا عن صفقات خلال الرحلة؟", NO_DEALS, "filler"),
    ("بصراحة، لماذا انتهت زيارة كيم مبكرا؟", EARLY, "filler"),
    ("عايز أعرف بالظبط مين زار كوريا الشمالية أول مرة من رؤساء روسيا", FIRST_2000,
     "filler"),
    ("لو تكرمت وضح لي ما قاله بوتين عن القطب الشمالي", ARCTIC, "filler"),
    ("سؤال سريع: كم دامت مصافحة الزعيمين؟", HANDSHAKE, "filler"),
    # typos
    ("ماذا اهدى بوتن لكيم؟", RIFLE + GLOVE, "typo"),
    ("اين اجتمع بوتين و كيم جونج اون؟", PLACE, "typo"),
    ("كم استمرت المحادتات؟", TALKS, "typo"),
    ("هل قبل بوتين الدعوه لزيارة كوريا الشماليه؟", INVITE, "typo"),
    ("كيف وصل كيم الي روسيا؟", TRAIN, "typo"),
    ("ماذا قال بسكوف عن البندقيه؟", RIFLE, "typo"),
    ("من هو لوكاشنكو الذي التقاه بوتين؟", LUKASHENKO, "typo"),
    ("ما قصة القفار؟", GLOVE, "typo"),
    ("ماذا قال ماكرن عن اوروبا؟", MACRON, "typo"),
    ("متي وصل كيم لروسيا؟", ARRIVED, "typo"),
    ("هل ستساعد روسيا كوريا في بناء اقمار صناعيه؟", SATELLITES, "typo"),
    ("من زار بيونغ يانغ من وزراء الدفاع؟", SHOIGU, "typo"),
]

NEAR_MISSES: list[str] = [
    "كم عمر الزعيم الكوري الشمالي كيم جونغ أون؟",
    "متى ولد فلاديمير بوتين؟",
    "كم سعر البندقية التي أهداها بوتين؟",
    "ما نوع البندقية الكورية التي تلقاها بوتين وما طرازها؟",
    "ما موقف اليابان من قمة فوستوشني؟",
    "كيف ردت كوريا الجنوبية على لقاء بوتين وكيم؟",
    "ماذا قال الرئيس الصيني عن زيارة كيم؟",
    "ما اسم زوجة كيم جونغ أون؟",
    "هل رافقت كيم يو جونغ شقيقها في الرحلة؟",
    "كم كيلومترا قطع قطار كيم المدرع؟",
    "كم عربة يضم قطار كيم؟",
    "ما قيمة صفقة الذخيرة بين موسكو وبيونغيانغ بالدولار؟",
    "كم قذيفة أرسلت كوريا الشمالية لروسيا؟",
    "ما اسم رائد الفضاء الكوري الذي سيذهب إلى المدار؟",
    "متى سينطلق أول رائد فضاء كوري شمالي؟",
    "كم كلف بناء قاعدة فوستوشني؟",
    "كم صاروخا أطلق من قاعدة فوستوشني حتى الآن؟",
    "ما حالة الطقس في فوستوشني يوم اللقاء؟",
    "ماذا أكل الزعيمان على مأدبة العشاء؟",
    "ماذا كتب كيم في سجل الزوار؟",
    "كم عدد أعضاء الوفد الكوري الشمالي؟",
    "من قائد أسطول المحيط الهادئ الروسي؟",
    "هل أهدى بوتين كيم سيارة ليموزين؟",
    "ما رد الأمم المتحدة على الزيارة؟",
    "هل فرضت واشنطن عقوبات جديدة بعد القمة؟",
    "ماذا قال زيلينسكي عن لقاء بوتين وكيم؟",
    "كم يبلغ سعر صرف الروبل؟",
    "ما معدل التضخم في روسيا؟",
    "من فاز في الانتخابات الرئاسية الروسية؟",
    "كم عمر ماكرون؟",
    "ماذا رد ترامب على خطاب ماكرون؟",
    "ماذا ناقش بوتين مع لوكاشينكو في سوتشي؟",
    "ما اسم القناة التي تعمل فيها أولغا سكابييفا؟",
    "كم مدة بقاء شويغو في بيونغيانغ؟",
    "ما موقف إيران من التقارب الروسي الكوري؟",
    "هل أجرت كوريا الشمالية تجربة صاروخية أثناء الزيارة؟",
    "كم يبلغ عدد سكان كوريا الشمالية؟",
    "ما عاصمة مقاطعة آمور؟",
    "من صمم صاروخ أنغارا؟",
    "كم تبلغ ميزانية برنامج الفضاء الكوري الشمالي؟",
    "هل زار كيم العاصمة موسكو خلال رحلته؟",
    "كم طول بوتين؟",
    "ما ديانة كيم جونغ أون؟",
    "أين درس كيم جونغ أون؟",
    "متى توفي كيم جونغ إيل؟",
    "كم عدد القتلى في حرب أوكرانيا؟",
    "ما رأي حلف الناتو في تعاون روسيا وكوريا الشمالية؟",
    "هل التقى كيم بالرئيس الصيني بعد عودته؟",
    "كم عدد الدبابات التي سترسلها كوريا لروسيا؟",
    "ما اسم ابنة كيم جونغ أون؟",
    "كم ثمن تذكرة زيارة قاعدة فوستوشني؟",
    "شو قالت الصين عن زيارة كيم؟",
    "قديش عمر بوتين؟",
    "بوتين اتجوز مين؟",
    "كيم عنده كام عيل؟",
    "وش رأي السعودية في القمة؟",
    "شنو قالت تركيا على زيارة كيم لروسيا؟",
    "شحال ثمن القفاز ديال الفضاء؟",
    "منو سفير كوريا الشمالية في موسكو؟",
    "ماذا قال بايدن عن الزيارة؟",
    "ما نتيجة مباراة الأهلي والزمالك؟",
    "كم درجة الحرارة في فلاديفوستوك؟",
    "من هو وزير الصحة الروسي؟",
    "هل عرض كيم على بوتين إرسال جنود كوريين إلى أوكرانيا؟",
]


def _odd(text: str) -> bool:
    return hashlib.md5(text.encode("utf-8")).digest()[0] % 2 == 1


def main() -> int:
    corpus = normalize("\n".join(p.read_text(encoding="utf-8")
                                 for p in sorted((REPO / "seeds").glob("*.txt"))))
    missing = [k for _, keys, _ in ANSWERABLE for k in keys if normalize(k) not in corpus]
    if missing:
        raise SystemExit(f"keys not in the seeds: {missing}")
    fitted, held = [], []
    for q, keys, kind in ANSWERABLE:
        line = {"q": q, "keys": keys, "kind": kind}
        (held if _odd(keys[0]) else fitted).append(line)
    for q in NEAR_MISSES:
        line = {"q": q, "abstain": True, "kind": "near-miss"}
        (held if _odd(q) else fitted).append(line)
    for name, lines in (("seeds-readers5.jsonl", fitted),
                        ("seeds-readers5-heldout.jsonl", held)):
        (DATA / name).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n"
                                         for x in lines), encoding="utf-8")
    print(f"answerable {len(ANSWERABLE)}, near misses {len(NEAR_MISSES)}; fitted "
          f"{len(fitted)}, held out {len(held)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
