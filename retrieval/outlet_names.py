"""Names Arabic news outlets and wire agencies print of themselves: data, not logic.

A raw page copied from a site opens with the site's name (its masthead: «هسبريس», «BBC
News عربي», «سكاي نيوز عربية - أبوظبي») and credits a dateline to it («دبي - العربية.نت»,
«الرياض - واس»). Alone on a line such a name is neither the headline nor article text, and
as a masthead it tells the reader which outlet published the page. A name that is also a
common word («الخليج», «الرياض», «الغد») counts only where a masthead or dateline stands,
never in prose. Add names here as newsrooms bring new outlets; `articles.py` reads them.
"""

from __future__ import annotations

# As printed; prefixes such as «صحيفة», «جريدة», «موقع», «وكالة», «بوابة» before a name are
# understood (see articles.outlet_name). A name that is also a city datelines print (عمان،
# القدس) is left out: `عمان- الغد` must read as a place and an outlet.
OUTLETS = (
    "الجزيرة", "الجزيرة نت", "الجزيرة.نت", "الجزيرة مباشر", "Al Jazeera",
    "BBC News عربي", "BBC عربي", "بي بي سي عربي", "بي بي سي نيوز عربي", "BBC Arabic",
    "العربية", "العربية.نت", "العربية نت", "الحدث", "Al Arabiya",
    "سكاي نيوز عربية", "Sky News Arabia", "الشرق الأوسط", "الشرق للأخبار", "Asharq Al-Awsat",
    "الأهرام", "بوابة الأهرام", "الأهرام أونلاين", "اليوم السابع", "Youm7",
    "المصري اليوم", "الشروق", "الوفد", "مصراوي", "الوطن", "الدستور", "الأخبار", "أخبار اليوم",
    "هسبريس", "Hespress", "الصباح", "الشروق أونلاين", "الخبر", "النهار", "النهار العربي",
    "القدس العربي", "العربي الجديد", "عربي21", "عربي 21", "العربي", "إرم نيوز",
    "العين الإخبارية", "فرانس 24", "France 24", "مونت كارلو الدولية", "RT", "RT Arabic",
    "RT عربي", "روسيا اليوم", "سبوتنيك", "سبوتنيك عربي", "DW عربية", "دويتشه فيله",
    "يورونيوز", "الحرة", "CNN Arabic", "CNN بالعربية", "سي إن إن بالعربية",
    "اندبندنت عربية", "إندبندنت عربية", "Independent Arabia", "الخليج", "البيان", "الاتحاد",
    "الإمارات اليوم", "الرياض", "عكاظ", "الوطن السعودية", "المدينة", "سبق", "الراية",
    "الشرق", "القبس", "الرأي", "الجريدة", "الأيام", "الوسط", "الغد", "عمون", "رؤيا",
    "المدن", "الأخبار اللبنانية", "لبنان 24", "النشرة", "الميادين", "المنار", "عنب بلدي",
    "السومرية نيوز", "شفق نيوز", "روداو", "الشرق القطرية", "العرب", "المصدر أونلاين",
    "دنيا الوطن", "معا", "وكالة معا", "سما", "قدس برس", "فلسطين أون لاين", "الحياة الجديدة",
    "الأيام الفلسطينية", "البوابة", "البوابة نيوز", "صدى البلد", "فيتو", "الفجر",
    "القاهرة 24", "الجمهورية", "روز اليوسف", "المساء", "الشروق التونسية", "الصباح نيوز",
    "النهار الجزائرية", "الشروق الجزائرية", "اليوم 24", "العمق المغربي", "Le360", "تلفزيون سوريا",
    "الوطن السورية", "ليبانون ديبايت", "الجديد", "LBCI", "البلاد", "الأنباء", "السياسة",
    "أخبار الخليج", "الوطن البحرينية", "الشبيبة", "الرؤية", "العرب القطرية", "لوسيل",
    "سبأ", "المشهد اليمني", "عدن الغد", "الموقع بوست", "سودان تريبيون", "الراكوبة", "باج نيوز",
    "الوسط الليبية", "بوابة الوسط", "ليبيا الأحرار", "إيلاف", "الخليج أونلاين", "العربي بوست",
    "الأناضول", "وكالة الأناضول", "رويترز", "Reuters", "فرانس برس", "أ ف ب", "أ.ف.ب", "AFP",
    "أسوشيتد برس", "د ب أ", "شينخوا", "تاس", "نوفوستي", "واس", "وام", "قنا", "كونا", "بنا",
    "سانا", "ومع", "واف", "بترا", "وفا", "أ ش أ", "وكالات",
)  # fmt: skip

# Words that say what kind of outlet follows, printed before its name.
OUTLET_PREFIXES = ("صحيفة", "جريدة", "موقع", "وكالة", "بوابة", "قناة", "شبكة", "مجلة")

# One outlet's names, as its own pages and others print them: its Arabic and Latin
# mastheads and its site's names (outlet_identity reads them). Spellings that differ only
# by hamza, dots, spaces or «نت» after need no row: «الجزيرة نت» is «الجزيرة» already.
# Names sharing only a word are other outlets: no row joins them.
SAME_OUTLET = (
    ("الجزيرة", "Al Jazeera", "الجزيرة مباشر", "Aljazeera.net"),
    ("العربية", "Al Arabiya", "Alarabiya.net"),
    ("هسبريس", "Hespress"),
    ("BBC News عربي", "BBC عربي", "بي بي سي عربي", "بي بي سي نيوز عربي", "BBC Arabic",
     "بي بي سي"),
    ("سكاي نيوز عربية", "Sky News Arabia", "سكاي نيوز"),
    ("الشرق الأوسط", "Asharq Al-Awsat", "Aawsat"),
    ("اليوم السابع", "Youm7"),
    ("فرانس 24", "France 24", "فرانس24"),
    ("RT عربي", "RT Arabic", "RT", "روسيا اليوم", "آر تي"),
    ("سبوتنيك عربي", "سبوتنيك", "Sputnik Arabic", "Sputnik"),
    ("DW عربية", "دويتشه فيله", "DW Arabic", "DW"),
    ("CNN بالعربية", "CNN Arabic", "سي إن إن بالعربية"),
    ("اندبندنت عربية", "إندبندنت عربية", "Independent Arabia"),
    ("عربي21", "Arabi21"),
    ("العربي الجديد", "The New Arab", "Alaraby"),
    ("القدس العربي", "Al-Quds Al-Arabi", "Alquds Alarabi"),
    ("المصري اليوم", "Almasry Alyoum", "Al-Masry Al-Youm"),
    ("مصراوي", "Masrawy"),
    ("الأهرام", "Al-Ahram", "Ahram"),
    ("الشروق", "Shorouk News"),
    ("الشروق أونلاين", "Echorouk", "الشروق الجزائرية"),
    ("العين الإخبارية", "Al Ain"),
    ("إرم نيوز", "Erem News"),
    ("عنب بلدي", "Enab Baladi"),
    ("الميادين", "Al Mayadeen"),
    ("الخليج أونلاين", "Alkhaleej Online"),
    ("مونت كارلو الدولية", "Monte Carlo Doualiya", "MCD"),
    ("الحرة", "Alhurra"),
    ("يورونيوز", "Euronews"),
    ("سبق", "Sabq"),
    ("عكاظ", "Okaz"),
    ("اليوم 24", "Alyaoum 24", "Alyaoum24"),
    ("Le360", "لو360"),
)  # fmt: skip
