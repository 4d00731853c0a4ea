"""Names Arabic news outlets and wire agencies print of themselves: data, not logic.

A raw page copied from a site opens with the site's name (its masthead: «هسبريس», «BBC
News عربي», «سكاي نيوز عربية - أبوظبي») and credits a dateline to it («دبي - العربية.نت»,
«الرياض - واس»). Alone on a line such a name is neither the headline nor article text, and
as a masthead it tells the reader which outlet published the page. A name that is also a
common word («الخليج», «الرياض», «الغد») counts only where a masthead or dateline stands,
never in prose. Add names here as newsrooms bring new outlets; `articles.py` reads them.
"""

from __future__ import annotations

# As printed, one spelling a line; prefixes such as «صحيفة», «جريدة», «موقع», «وكالة»,
# «بوابة» before a name are understood (see articles._outlet_name).
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
    "الأناضول", "وكالة الأناضول", "رويترز", "Reuters", "فرانس برس", "أ ف ب", "أ.ف.ب", "AFP",
    "أسوشيتد برس", "د ب أ", "شينخوا", "تاس", "نوفوستي", "واس", "وام", "قنا", "كونا", "بنا",
    "سانا", "ومع", "واف", "بترا", "وفا", "أ ش أ", "وكالات",
)  # fmt: skip

# Words that say what kind of outlet follows, printed before its name.
OUTLET_PREFIXES = ("صحيفة", "جريدة", "موقع", "وكالة", "بوابة", "قناة", "شبكة", "مجلة")
