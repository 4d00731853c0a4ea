"""Read news articles: raw pages saved as .txt, JSONL records, saved HTML pages and feed
files (html_pages.py, feeds.py), into clean `Article`s.

A saved news page carries more than the article: date and source lines, share buttons,
tag lines, ads, subscription promos, captions repeated with a photo credit and, after
`إقرأ أيضاً`, other articles entirely. Only the article's own text may be indexed, or a
question about Macron gets answered from a Putin–Kim report it was pasted under.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import hashlib
import html
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.agencies import (
    DATELINE_LINES,
    agency_named,
    article_agency,
    dateline_agency,
    signoff_agency,
    split_dateline,
)
from retrieval.dates import (
    find_date,
    fold,
    is_date_line,
    is_null_stamp,
    is_relative_stamp,
    named_day,
    stated_date,
    unless_placeholder,
)
from retrieval.model import Article
from retrieval.outlet_names import OUTLET_PREFIXES, OUTLETS
from retrieval.passages import clean_text


class ArticleError(ValueError):
    """An article that cannot be read; the message names the file (and line)."""


# --- line classification -------------------------------------------------------------

HEADER_LINES = 5  # a bare date or dateline counts as metadata only near the top
MAX_SOURCE_WORDS = 10
MAX_PROMO_WORDS = 60


@functools.lru_cache(maxsize=4096)  # a line is compared several times (cut, drop, repeat)
def _key(text: str) -> str:
    """Comparison form: hamza/tashkeel folded, ة→ه, lower case, no edge punctuation."""
    folded = fold(clean_text(text)).replace("ة", "ه")
    return folded.strip(" \t.:!؟?،,;؛-–—|•*»«\"'”“()[]")


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(_key(p) for p in phrases)


# On `_key`s (hamza and tanween folded): `اقرأ أيضاً`, `إقرأ أيضًا`, `شاهد أيضاً`, `يهمك أيضاً`,
# `قد يهمك`, `قد يعجبك`, `لا تفوتك`, `الخبر التالي`, `ذات صلة:`, and `للمزيد:` / `اقرأ
# المزيد:` (only with their colon: «للمزيد من المعلومات…» is prose, and a bare `اقرأ المزيد`
# is a button, dropped as such).
_CUT = re.compile(
    r"^(?:(?:اقرا|شاهد|طالع|يهمك|تابع)\s+(?:ايضا|كذلك)|قد (?:يهمك|يعجبك)(?:\s+ايضا)?|ذات صله"
    r"|ننصحك بقراءه|لا تفوتك|مواضيع قد تهمك|اخترنا لكم?|(?:الخبر|المقال) (?:التالي|السابق)"
    r"|(?:للمزيد|اقرا المزيد|المزيد)(?=\s*:))(?!\w)|^(?:read|see) also\b"
    r"|^(?:[àa] )?lire (?:aussi|[ée]galement)\b|^voir aussi\b"
    r"|^(?:next|previous) (?:article|story)\b")
# A byline: `بقلم: سامر الخطيب`, `كتب - محمد علي`, `كتبت: ريم`, `إعداد: …`, `By Jane Doe`.
# `بقلم` always introduces one; the others need their separator (`كتب الرئيس رسالة` is prose).
# Labels also come in pairs: `إعداد وتحرير:`, `ترجمة وإعداد -`. `تقرير:` / `حوار:` also open
# headlines («تقرير: الأمم المتحدة تحذر من مجاعة»), so after them only a name (≤ 4 words).
_BYLINE_WORD = (r"(?:كتب|كتبت|كتبه|كتبها|اعداد|إعداد|تحرير|متابعه|متابعة|ترجمه|ترجمة"
                r"|بواسطه|بواسطة|تقرير|حوار|مراجعه|مراجعة|تدقيق|المحرر|المحررة|محرر|الكاتب|الكاتبة|اعد|أعد|اعده|أعده|اعدته|أعدته)")
_BYLINE = re.compile(
    rf"^(?:بقلم\s*[:\-–—ـ/]?|{_BYLINE_WORD}(?:\s+و\s*{_BYLINE_WORD})*\s*[:\-–—ـ|/]|by\s*:?)"
    r"\s*\S+(?:\s+\S+){0,7}$",
    re.IGNORECASE,
)
_BYLINE_START = re.compile(rf"^(?:بقلم|{_BYLINE_WORD}|by)(?!\w)", re.IGNORECASE)
_SHORT_BYLINE = re.compile(r"^(?:تقرير|حوار)\s*[:\-–—ـ|/]\s*\S+(?:\s+\S+){0,3}$")
_DROP_LINES = _keys(
    "شارك", "شارك عبر", "شارك على", "شارك القصة", "شارك المقال", "شارك الخبر",
    "شارك هذا المقال", "مشاركة",
    "تابع القراءة", "اقرأ المزيد", "المزيد", "إغلاق", "أغلق", "طباعة", "إعلان",
    "تابعونا", "الرئيسية", "الصفحة الرئيسية", "home", "homepage", "accueil",
    "فيسبوك", "فيس بوك", "تويتر", "إكس", "واتساب", "واتس اب",
    "تلغرام", "تيليجرام", "لينكدإن", "نسخ الرابط", "facebook", "twitter", "whatsapp",
    "telegram", "linkedin", "email", "copy link",
    "عاجل", "حجم الخط", "تكبير الخط", "تصغير الخط", "a a a", "a a", "a- a a+", "a+ a-",
    "close", "share", "share this", "like this", "print", "read more", "continue reading",
    "advertisement", "source link", "comments are closed", "related", "related posts",
    # buttons and boxes: save, skip link, font size, cookie consent, newsletter sign-up
    "حفظ", "تخطى إلى المحتوى", "انتقل إلى المحتوى", "skip to content", "a+", "a", "a-",
    "موافق", "أوافق", "قبول", "أقبل", "accept", "ok", "النشرة البريدية", "النشرة الإخبارية",
    "النشرات البريدية", "بريدك الإلكتروني", "البريد الإلكتروني", "اشترك", "اشترك الآن",
    "سجل الآن", "newsletter", "your email",
    # an old site's action row (`طباعة الخبر | أرسل لصديق | عودة للخلف`), a live page's labels
    "طباعة الخبر", "طباعة المقال", "اطبع", "اطبع هذه الصفحة", "نسخة للطباعة",
    "نسخة قابلة للطباعة", "النسخة المطبوعة", "إغلاق النافذة", "print this page", "imprimer",
    "version imprimable", "أرسل لصديق", "أرسل إلى صديق", "إرسال لصديق",
    "أرسل الخبر", "عودة للخلف", "عودة", "رجوع", "العودة للأعلى", "أعلى الصفحة", "تحميل المزيد",
    "ملخص", "الملخص", "أبرز النقاط", "أهم النقاط", "مباشر", "بث مباشر", "live",
    "تابعونا على", "تابعونا عبر", "الفيديو", "فيديو", "بالفيديو", "read in english",
    # a player or a script still loading
    "جار التحميل", "جاري التحميل", "جارِ التحميل", "يرجى الانتظار", "loading", "please wait",
    # follow and comment prompts, ribbons, copy and bookmark buttons, an audio player
    "تابعنا", "تابعنا على", "تابعنا عبر", "follow us", "نرحب بتعليقاتكم", "شارك برأيك",
    "ما رأيك", "رأيك يهمنا", "أخبار عاجلة", "الأخبار العاجلة", "هام", "ترند", "تريند",
    "الأكثر تداولا", "نسخ", "تم نسخ الرابط", "تم النسخ", "إضافة للمفضلة", "أضف للمفضلة",
    "حفظ في المفضلة", "استمع", "استمع للمقال", "استمع إلى المقال", "استمع إلى هذا المقال",
    "استمع للخبر", "listen to this article", "تحميل التطبيق", "حمل التطبيق",
    # ad slots and sponsorship labels, "scroll on" prompts, a wire story's end marks
    "إعلانات", "مساحة إعلانية", "محتوى مدفوع", "محتوى ممول", "محتوى برعاية", "برعاية",
    "sponsored", "sponsored content", "advertisement - scroll to continue",
    "scroll to continue", "scroll to continue with content", "تابع القراءة أدناه",
    "تابع القراءة بالأسفل", "يتبع", "انتهى", "/انتهى/", "النهاية", "-انتهى-",
    # a story's update flags, alone on their line
    "محدث", "تحديث", "تحديث مستمر", "تم تحديث هذا الخبر", "تم تحديث الخبر",
    "تم تحديث هذا المقال", "updated", "live updates",
)  # fmt: skip
# Notes around the article that are not its text, on `_key`s of short lines: an opinion
# page's disclaimer (`الآراء الواردة في هذا المقال تعبر عن رأي كاتبها ولا تعكس بالضرورة موقف
# الموقع`), the starred note on its writer (`* كاتب وصحفي مصري`), a wire service's credit in
# brackets (`(إعداد: محمد علي للنشرة العربية - تحرير سيف الدين حمدان)`, on the line itself),
# a wire agency's note that its site carries a summary of what subscribers get (Anadolu's
# `… abonelere sunulan haberler, özetlenerek yayımlanmaktadır`, `… للمشتركين عبر نظام تدفق
# الأخبار …`).
_NOTE_ON_ARTICLE = re.compile(
    r"abonelere sunulan haberler|للمشتركين عبر نظام تدفق الاخبار|"
    # an aggregator's disclaimer on what it copies: `هذا الخبر منقول من موقع آخر ونحن غير
    # مسؤولين عن محتواه`, `تنويه: الموقع لا يتحمل مسؤولية …`, `إخلاء مسؤولية: …`
    r"^(?:تنويه\s*:?\s*)?(?:هذا|هذه) (?:الخبر|المقال|الماده|المحتوي) (?:منقول|منقوله|تم نقله"
    r"|تم نقلها|نقل|نقلت|مقدم|مقدمه)(?!\w)|^(?:اخلاء (?:ال)?مس[ؤوئ]وليه)\s*:"
    r"|(?:الموقع|الصحيفه|البوابه|المنصه|نحن|ونحن|اداره الموقع) (?:غير مس[ؤوئ]ول|غير مس[ؤوئ]ولين"
    r"|لا يتحمل|لا تتحمل|لا نتحمل)(?!\w)|"
    r"^(?:جميع\s+|كل\s+)?(?:الاراء|المقال(?:ات)?|ما ورد|ما ينشر|ما نشر|المحتوي|المواد|هذا المقال)"
    r".{0,60}?(?:تعبر|يعبر|تعكس|يعكس)\s+(?:بالضروره\s+)?(?:الا\s+)?عن\s+(?:راي|اراء|وجهه نظر|موقف"
    r"|سياسه).{0,60}(?:كاتب|كتاب|صاحب|اصحاب|الموقع|الصحيفه|الجريده|القناه|المؤسسه|الشبكه"
    r"|التحرير|الوكاله|المنصه)")
# Calls to act, on `_key`s of short lines: `لمزيد من الأخبار اضغط هنا`, `تابع آخر أخبار مصر
# على جوجل نيوز`, `يمكنكم متابعة آخر الأخبار عبر حسابنا على منصة إكس`, `اقرأ المقال كاملاً على
# الموقع`, `هذا المقال متوفر أيضاً باللغة الإنجليزية`, `للتواصل مع المحرر: editor@…`.
_CALL_TO_ACTION = re.compile(
    r"(?:اضغط|انقر|اضغطوا|انقروا)\s+(?:هنا|علي الرابط)"
    r"|^(?:تابع|تابعوا|يمكنكم متابعه|يمكنك متابعه|لمتابعه|لا تنسي متابعه|لا تنسوا متابعه"
    r"|ندعوكم لمتابعه|ندعوك لمتابعه)\s.{0,80}(?:جوجل نيوز|google news"
    r"|حسابنا|صفحتنا|قناتنا|منصه (?:اكس|إكس|x)|تطبيق)"
    r"|^اقرا (?:المقال|الخبر|القصه|التقرير) (?:كاملا|كامله|كاملاً)"
    r"|^هذا (?:المقال|الخبر|التقرير) (?:متوفر|متاح) (?:ايضا )?(?:باللغه|بالانجليزيه|بالفرنسيه)"
    r"|^(?:للتواصل|راسلونا|راسلنا|تواصل معنا|للاعلان|للمراسله)\s.{0,60}"
    r"(?:@|email|بريد|واتساب|واتس اب)"
    # a tip line: `هل لديك معلومة أو قصة؟ راسلنا عبر البريد`, `لديك خبر؟ أرسله لنا على واتساب`
    r"|^(?:هل )?(?:لديك|لديكم|عندك|عندكم) (?:معلومه|معلومات|خبر|قصه|صوره|صور|فيديو|شكوي"
    r"|مشكله|تعليق|ملاحظه)(?!\w).{0,40}?(?:راسلنا|راسلونا|تواصل|شاركنا|شاركها|ارسل|اتصل)")
_WRITER_NOTE = re.compile(
    r"^\s*\*+\s*(?:ال)?(?:كاتب|كاتبه|كاتبة|صحفي|صحفيه|صحفية|صحافي|صحافيه|صحافية|باحث|باحثه|باحثة"
    r"|اكاديمي|أكاديمي|استاذ|أستاذ|محلل|محللة|خبير|خبيرة|اعلامي|إعلامي|اعلاميه|إعلامية|رئيس|سفير"
    r"|وزير|مدير|دبلوماسي|روائي|روائية|شاعر|شاعرة)(?!\w)")
_WIRE_CREDIT_NOTE = re.compile(
    r"^\(\s*(?:إعداد|اعداد|تغطية صحفية|تغطيه صحفيه|شارك في التغطية|كتابة|تحرير)\s*[:\-–]"
    r"[^()]{0,160}\)$")
# A row of such buttons on one line: every part, between `|` or `•`, is one of them.
_BUTTON_ROW = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
# A comment box's prompts: `لا تعليقات. كن أول من يعلق!`, `لا توجد تعليقات بعد`, `أضف تعليقك`,
# `اكتب تعليقك هنا`, `0 تعليق`, `Be the first to comment`. On the `_key` of a short line,
# the whole line (a spokesman's «لا تعليق لدينا على القرار» is prose).
_COMMENT_PROMPT = re.compile(
    r"^(?:(?:لا (?:توجد |يوجد )?تعليقات(?: بعد)?|كن (?:اول|اوّل) من (?:يعلق|يعلّق|يضيف تعليقا)"
    r"(?: علي (?:هذا|هذه) \S+)?|(?:اضف|اكتب|اترك|ارسل|شاركنا) (?:تعليقك|تعليقا|تعليق|رايك)"
    r"(?: هنا)?|\d+ (?:تعليق|تعليقات)|be the first to comment|no comments(?: yet)?"
    r"|leave a (?:comment|reply))[.!؟?،,\s]*)+$")
_DROP_PATTERNS = re.compile(
    r"^\[?ad_\d+\]?$|^\d+$"  # an ad slot; a counter (views, comments) alone
    r"|^[^\W\d](?:\s*[./]\s*[^\W\d]){1,3}$"  # an editor's initials alone: `ع.م`, `م/ع`
    r"|^تحديث\s*\d{1,2}$"  # `تحديث 2`
    # what an embedded post leaves in a copied page: a link alone, a tweet's signature
    # (`— وزارة الخارجية (@KSAMOFA) April 18, 2023`), Instagram's and Getty's labels, BBC's
    # `تخطى منشورات تويتر, 1` … `نهاية منشورات تويتر, 1` and its consent prompt
    r"|^(?:https?://|pic\.twitter\.com/)\S+$|^[^()]{1,60}\(@\w+\)(?:[^()]{0,30}\d{4})?$"
    r"|^(?:view this post on instagram|a post shared by .{1,80}|embed from getty images"
    r"|عرض هذا المنشور علي \S+|تمت مشاركه منشور بواسطه .{1,80})$"
    r"|^(?:تخطي|تجاوز|نهايه) (?:منشورات|منشور|محتوي) \S+(?:\s*[,،]\s*\d+)?$"
    r"|^اسمح بمحتوي \S+$|^المحتوي غير متاح$"
    r"|^\d+\s*(?:/|من|of)\s*\d+$"  # a gallery's photo counter: `3 / 8`, `3 من 8`
    r"|^list (?:of \d+ items|\d+ of \d+)$"  # a copied list box's screen-reader labels
    r"|^#[^\s#]+(?:\s*#[^\s#]+)*$"  # a line of hashtags: `#الشلف #زلزال`
    # a clock time alone (a stamp's second line, a live entry's time): `10:45 ص`
    r"|^(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:ص|م|صباحا|مساء|am|pm|gmt|utc|بتوقيت \S+))?$"
    r"|^(?:كلمات دلاليه|الكلمات الدلاليه|كلمات مفتاحيه|الكلمات المفتاحيه|الوسوم|وسوم|tags)"
    r"(?:\s*:|\s|$)"
    # WordPress's feed footer: «The post X appeared first on Y.», «ظهرت المقالة X أولاً على Y.»
    r"|^the post .{1,300} appeared first on "
    r"|^(?:ظهرت?\s+)?(?:المقاله|المقال|التدوينه)\s.{1,300}\s(?:ظهرت?\s+)?اولا (?:علي|في)\s"
)
# The site's rights notice (`© 2023 الرأي. جميع الحقوق محفوظة`, `حقوق النشر محفوظة لـ…`,
# `All rights reserved`, a Maghreb site's `Tous droits réservés`, Turkish `Tüm hakları
# saklıdır`), searched in the `_key` of a short line.
_RIGHTS = re.compile(
    r"(?:جميع|كل|كافه|كافة)\s+الحقوق\s+(?:محفوظه|محفوظة)|حقوق\s+(?:النشر|الطبع|الطبع والنشر"
    r"|الملكيه|الملكية)(?:\s+\S+)?\s+(?:محفوظه|محفوظة)|الحقوق\s+محفوظه|all rights reserved"
    r"|tous droits r[ée]serv[ée]s|t[üu]m haklar[ıi] sakl[ıi]d[ıi]r"
    r"|^(?:©|\(c\)|copyright)\s*\d{4}")
_PROMO = re.compile(
    r"(?:جرب|جرّب|اشترك|سجل)\S*\s.{0,80}مجان"
    r"|قم بتوسيع افاقك|free trial|subscribe (?:now|today|to)"
)
# Each alternative of _PROMO holds one of these: a line with none is no promo (a quick test).
_PROMO_WORDS = ("مجان", "قم بتوسيع افاقك", "free trial", "subscribe ")
_RELATED_PREFIX = re.compile(r"^\s*(?:أخبار|اخبار|مواضيع|مقالات) ذات صلة\s*:?\s*")

_DATE_LABEL = re.compile(
    r"^[\s|•·/–—-]*(?:تاريخ النشر|تاريخ التحديث|آخر تحديث|اخر تحديث|نشر في|نُشر في|نشر بتاريخ"
    r"|نشر يوم|نُشر يوم|نشرت يوم|نُشرت يوم"
    r"|نشرت في|نُشرت في|تم النشر|published(?: on)?|updated(?: on)?"
    r"|publié le|publiée le|mis à jour le|mise à jour le"
    r"|(?P<bare>التاريخ|تاريخ|date|نشر|نُشر|نشرت|نُشرت|تحديث))\s*:?\s*",
    re.IGNORECASE,
)
_SOURCE_LABEL = re.compile(r"^\s*(?:المصدر|المصادر|مصدر الخبر|sources?)\s*:\s*(?P<value>.*)$",
                           re.I)
_SOURCE_GLUED = re.compile(
    r"^(?P<before>.*[.!?؟…»\"”)\]])\s*(?:المصدر|المصادر)\s*:\s*(?P<value>[^.!?؟:]+)$"
)
_GLUED_HINT = "المص"  # both labels of _SOURCE_GLUED start so: no hint, no glued source


def _glued_source(line: str) -> re.Match[str] | None:
    return _SOURCE_GLUED.match(line) if _GLUED_HINT in line else None


_MONITORED_BY = re.compile(r"^\s*رصد\s*:\s*(?P<value>.+)$")
_CREDIT = re.compile(r"^\s*[-–—|(/]\s*\S+(?:\s+\S+){0,3}\)?$")
# A photo credit at the end of a caption: ` – STR/KCNA عبر AFP عبر Getty Images`, `(الصورة: غيتي)`.
_PHOTO_CREDIT = re.compile(
    r"\s*(?:[-–—|]\s*[^-–—|]{0,60}(?:getty|غيتي|غيتى|afp|reuters|رويترز|epa|ap photo|"
    r"shutterstock|images|أ ف ب|ا ف ب|أ\.ف\.ب|الأناضول|الاناضول|أسوشيتد برس|د ب أ)"
    r"[^-–—|]{0,20}"
    r"|[-–—|]\s*(?:تصوير|عدسه|عدسة|الصوره|الصورة|photo|credit)\s*[:/]\s*[^-–—|:]{1,40}"
    r"|\(\s*(?:الصوره|الصورة|صوره|صورة|الصور|تصوير|عدسه|عدسة|photo|photos|credit)\s*[:/-]"
    r"[^()]{0,60}\)|\(\s*(?:صوره\s+|صورة\s+)?(?:أرشيفية|ارشيفية|أرشيفيه|ارشيفيه)\s*\)"
    r"|©\s*[^©]{1,40})\s*$",
    re.IGNORECASE,
)
# Every credit above starts at one of these: a line without them has none (a quick test first).
_CREDIT_MARKS = re.compile(r"[-–—|(/©]")
_AGENCY = (r"(?:getty images|getty|غيتي|غيتى|afp|reuters|رويترز|epa|ap|shutterstock|أ ف ب|ا ف ب"
           r"|أ\.ف\.ب|ا\.ف\.ب|الأناضول|الاناضول|أسوشيتد برس|د ب أ|وكالات)")
# A photo's credit or caption label on a line of its own: `تصوير: …`, `(الصورة: غيتي)`,
# `مصدر الصورة، Getty Images` / `التعليق على الصورة، …` (BBC), `© رويترز`, `AFP via Getty`,
# a tag alone in brackets (`(أ.ف.ب)`, `(ع.م)`), `صورة أرشيفية`.
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:مصدر|حقوق|التعليق على)\s+)?(?:الصوره|الصورة|صوره|صورة|تصوير|عدسه|عدسة"
    r"|الصور|صور|المصور|المصوره|المصورة|ت|photo|photos|credit|photographer)"
    r"(?:\s+(?:من|ل|لـ|by))?\s*[:/،,-][^()]{0,60}\)?$"
    r"|^التعليق على (?:الصوره|الصورة)\s*[:،,]"
    rf"|^(?:©|\(c\))?\s*{_AGENCY}(?:\s*(?:via|عبر|/|-)\s*{_AGENCY})*$"
    r"|^(?:©|\(c\))\s*\S+(?:\s+\S+){0,3}$"
    r"|^\(\s*[^()]{1,25}\)$"
    r"|^\(?(?:صوره|صورة)\s+(?:أرشيفية|ارشيفية|أرشيفيه|ارشيفيه)\)?$",
    re.IGNORECASE,
)
# Calls to follow the outlet elsewhere (`تابعونا على فيسبوك`, `حمّل تطبيق الجزيرة`) and page
# counters (`وقت القراءة: 3 دقائق`, `عدد القراءات: 1520`), on `_key`s of short lines.
_SOCIAL = re.compile(
    r"^(?:حمل|حملوا|نزل|نزلوا|حمّل)\s+(?:الان\s+)?(?:ال)?تطبيق"
    # an app's store badges, a "click here" call: `متوفر على App Store و Google Play`
    r"|^.{0,80}(?:app store|google play|اب ستور|جوجل بلاي|غوغل بلاي|قوقل بلاي)"
    r"|^(?:اضغط|انقر|اضغطوا)\s+هنا"
    # a share label: `شارك هذا الخبر`, `شارك المقال عبر:`
    r"|^(?:شارك|شاركوا|مشاركه)\s+(?:هذا\s+|هذه\s+)?(?:المقال|الخبر|القصه|الموضوع|الصفحه"
    r"|التقرير)?\s*(?:عبر|على|علي|في|via)?\s*$"
    r"|^(?:تابعونا|تابعوا|اشترك|اشتركوا|انضم|انضموا|لمتابعه|للاشتراك)\S*\s.{0,80}"
    r"(?:تيليجرام|تيلجرام|تلغرام|تليجرام|telegram|فيسبوك|فيس بوك|تويتر|يوتيوب|انستغرام"
    r"|انستجرام|انستقرام|سناب شات|واتساب|واتس اب|تيك توك|قناتنا|تطبيق|جوجل نيوز|google news"
    r"|منصه (?:اكس|x)|حسابنا|حساباتنا|صفحتنا|صفحاتنا|منصاتنا)"
    r"|^(?:وقت القراءه|مده القراءه|زمن القراءه|عدد القراءات|عدد المشاهدات|القراءات|المشاهدات"
    r"|قراءات|مشاهدات|reading time|views)\s*:?\s*[\d\s\w.,٬]{0,20}$"
    r"|^(?:\d+\s+)?(?:دقيقه|دقائق|دقيقتان|دقيقتين|min|mins|minutes?)"
    r"(?:\s+(?:قراءه|للقراءه|read))?$"
    # a newsletter box: `اشترك في نشرتنا البريدية ليصلك أهم الأخبار`
    r"|^(?:اشترك|اشتركوا|سجل|انضم)\S*\s+(?:الان\s+)?(?:في|الي|ب)?\s*(?:النشره|نشرتنا|نشره"
    r"|النشرات|القائمه البريديه)"

    r"|^[\d.,٬]+\s*(?:[km]|الف|مليون)?\s*(?:تعليق|تعليقات|مشاهده|مشاهدات|قراءه|قراءات|مشاركه"
    r"|مشاركات|views"
    r"|comments|shares)$"
    # a share row: `Facebook Twitter WhatsApp`, `شارك على فيسبوك تويتر واتساب`
    r"|^(?:(?:شارك|مشاركه|share)\s*(?:على|علي|عبر|via|on)?\s*)?(?:(?:فيسبوك|فيس بوك|تويتر|اكس"
    r"|واتساب|واتس اب|تيليجرام|تلغرام|لينكدان|لينكد ان|بريد|ايميل|نسخ الرابط|facebook|twitter"
    r"|x|whatsapp|telegram|linkedin|email|messenger|pinterest|reddit)\s*[|,،/•-]?\s*){2,}$"
    # breadcrumbs and section labels: `الرئيسية > أخبار > سياسة`, `القسم: سياسة`
    r"|^(?:الرئيسيه|home)\s*[>»›/|\\]"
    r"|^[^\s>»›]+(?:\s+[^\s>»›]+){0,2}(?:\s*[>»›]\s*[^\s>»›]+(?:\s+[^\s>»›]+){0,2}){2,}$"
    r"|^(?:القسم|التصنيف|الفئه|التبويب|section|category)\s*:\s*\S+(?:\s+\S+){0,3}$"
    # a menu copied as one line: `أخبار | سياسة | اقتصاد | رياضة`
    r"|^[^|•]{1,25}(?:\s[|•]\s[^|•]{1,25}){3,}$"
)
# A call's lead-in, on `_key`s: `لمزيد من الأخبار`, `ولمتابعة آخر المستجدات،`, `للاطلاع على آخر
# الأخبار` before `تابعونا على …`, `حمّل تطبيق …`, `اشترك في نشرتنا …`: the call is judged
# without it (a sentence after such a clause, «لمزيد من المعلومات قال الوزير …», is no call).
_CALL_LEAD_IN = re.compile(
    r"^و?(?:لمزيد|للمزيد|لمتابعه|للمتابعه|لمعرفه|للاطلاع|لاخر|لكل|لقراءه)(?:\s+\S+){0,5}?"
    r"\s*[،,:]?\s+(?=(?:تابع|اشترك|انضم|حمل|نزل|اضغط|انقر|زوروا|زر)\S*\s)")
# A cookie-consent notice, searched in the `_key` of a line of at most MAX_PROMO_WORDS:
# `نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. باستمرارك في التصفح فإنك توافق`.
_CONSENT = re.compile(r"(?:ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|cookies).{0,160}"
                      r"(?:توافق|موافق|تجرب|سياسه|موقعنا|accept|agree|experience|our site)")
_CONSENT_WORDS = ("الارتباط", "كوكيز", "cookie")  # a line with none is no consent notice
MAX_CAPTION_WORDS = 40  # a credited line longer than this is a paragraph, its credit cut
SHORT_LINE_WORDS = 16  # bylines, time stamps and credit lines are shorter than this
_DATELINE = re.compile(r"^[^\W\d]+(?:\s+[^\W\d]+){0,2}\s*\([^()]{2,25}\)$")


def _read_also(key: str) -> str | None:
    """For a line's `_key`: None when it is no `إقرأ أيضاً` line; "" for the marker alone
    (everything from here on is other articles); else the teased headline."""
    match = _CUT.match(key)
    return None if match is None else _key(key[match.end() :])


def is_read_also_marker(text: str) -> bool:
    """True when `text` is only a read-also marker (`اقرأ أيضاً:`, `ذات صلة`), no headline."""
    return _read_also(_key(text)) == ""


def _is_byline(line: str) -> bool:
    match = _BYLINE.match(line)
    return bool(match) and (not re.match(r"(?:تقرير|حوار)\s*[:\-–—ـ|/]", line)
                            or bool(_SHORT_BYLINE.match(line)))


# `شاهد:` / `شاهد بالفيديو:` before an embedded video's title: a label, not article text.
# So are `فيديو:` / `بالفيديو:` before a video's title, and a TV site's `فيديو | …` caption
# over its player. (A ticker's `عاجل | …` is left: a flash or a channel's post opens so,
# and is the news itself.)
_WATCH = re.compile(r"^(?:شاهد(?:\s+(?:بالفيديو|الفيديو|فيديو))?|فيديو|بالفيديو|video)"
                    r"\s*(?:[:|]|$)")


def _is_boilerplate(line: str) -> bool:
    """Page furniture that is never article text (share, tags, ads, promos, bylines,
    relative time stamps, photo credits)."""
    key = _key(line)
    if key in _DROP_LINES or _DROP_PATTERNS.match(key) or _COMMENT_PROMPT.match(key):
        return True
    parts = _BUTTON_ROW.split(key)
    if len(parts) > 1 and all(_key(part) in _DROP_LINES for part in parts):
        return True
    if line.count(" ") < SHORT_LINE_WORDS and _WATCH.match(key):
        return True
    if line.count(" ") < SHORT_LINE_WORDS and _CALL_TO_ACTION.search(key):
        return True
    if _WRITER_NOTE.match(line) or _WIRE_CREDIT_NOTE.match(line.strip()) or (
            line.count(" ") < 2 * SHORT_LINE_WORDS and _NOTE_ON_ARTICLE.search(key)):
        return True
    if line.count(" ") < SHORT_LINE_WORDS and (
            _is_byline(line) or is_relative_stamp(line) or _CREDIT_LINE.match(line)
            or _SOCIAL.match(key) or _RIGHTS.search(key)):
        return True
    call = _CALL_LEAD_IN.sub("", key) if line.count(" ") < SHORT_LINE_WORDS else key
    if call != key and (_SOCIAL.match(call) or _CALL_TO_ACTION.search(call)):
        return True
    if len(line.split()) > MAX_PROMO_WORDS:
        return False
    return bool((any(word in key for word in _PROMO_WORDS) and _PROMO.search(key))
                or (any(word in key for word in _CONSENT_WORDS) and _CONSENT.search(key)))


def _source_value(value: str) -> str | None:
    """A plausible outlet name (short, not a sentence), tidied; else None."""
    value = clean_text(value).strip(" ()[]«»\"'“”.:،,")
    if not value or len(value.split()) > MAX_SOURCE_WORDS:
        return None
    return value


_STAMP_PARTS = re.compile(r"\s*[،,]\s+|\s+[|•·/]\s+|\s+[-–—]\s+|\s*[()]\s*")
MAX_PLACE_WORDS = 2
# A wire dateline's credit: `(رويترز)`, `(أ ف ب)`, `(وكالات)`; no digits (that is a date).
_WIRE_CREDIT = re.compile(r"\(\s*([^()\d]{2,25}?)\s*\)")


def _is_stamp(line: str) -> bool:
    """True for a date stamp, also when it is built of parts: `الأحد 10 مارس 2024 - منذ 3
    ساعات`, `10 مارس 2024 | 5 دقائق قراءة`, `بيروت - الأحد 10 مارس 2024` (a place or the
    outlet's name, at most one, beside a printed day: `سكاي نيوز عربية - 12 أغسطس 2024`),
    and a wire dateline, which adds its agency in parentheses and a trailing dash: `موسكو -
    13 سبتمبر 2023 (رويترز) -`.
    Metadata, never title or passage."""
    if is_date_line(line):
        return True
    if line.count(" ") >= SHORT_LINE_WORDS:  # a paragraph: no need to split it
        return False
    credits = [match[1] for match in _WIRE_CREDIT.finditer(line)]
    parts = [part for part in _STAMP_PARTS.split(line) if part.strip(" -–—:،,")]
    dated = [part for part in parts if is_date_line(part) or is_relative_stamp(part)]
    rest = [part for part in parts if part not in dated and not _SOCIAL.match(_key(part))
            and not is_read_also_marker(part) and not _labelled_date(part)[0]]
    if len(credits) == 1 and credits[0] in rest:
        rest.remove(credits[0])
    places = [part for part in rest if (len(part.split()) <= MAX_PLACE_WORDS
              and not re.search(r"\d", part)) or outlet_name(part)]
    return len(parts) >= 2 and bool(dated) and len(rest) == len(places) <= 1


def wire_dateline(line: str) -> dt.date | None:
    """The day of a wire dateline, `موسكو - 13 سبتمبر 2023 (رويترز) -`: a stamp crediting
    an agency is the article's own, never a site's "today" bar. None for any other line."""
    if len(_WIRE_CREDIT.findall(line)) != 1:
        return None
    line = _PLACE_THEN_DAY.sub(r"\1 - ", line, count=1)  # `الخرطوم 12-08-2024 (سونا) -`
    return find_date(line) if _is_stamp(line) else None


# A dateline's place glued to the day after it, no dash between: `الخرطوم 12-08-2024`.
_WEEKDAY_WORDS = ("الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء",
                  "الخميس", "الجمعة", "الجمعه", "السبت")
# A weekday may stand between them (`الرياض الأحد 13 يوليو 2025 (واس) -`, `جدة يوم الخميس
# 3-7-2025`): it belongs to the day, not to the place.
_PLACE_THEN_DAY = re.compile(
    r"^((?:[^\W\d]|[\u064B-\u065F\u0670])+(?:\s+(?:[^\W\d]|[\u064B-\u065F\u0670])+){0,2}?)"
    r"\s*[،,]?\s+(?:(?:يوم|في)\s+)?(?=(?:(?:" + "|".join(_WEEKDAY_WORDS) + r")\s*[،,]?\s+)?\d)")


# Where a wire dateline glued to its first paragraph ends: its credit's `)` and a dash.
_WIRE_LEAD_END = re.compile(r"\)\s*[-–—]+\s*")
WIRE_LEAD_CHARS = 80  # a dateline is short; a later `) -` is the paragraph's own


def wire_lead(line: str) -> tuple[str, str] | None:
    """A wire dateline glued to the paragraph it opens, as wire copy prints it: `موسكو - 13
    سبتمبر 2023 (رويترز) - أعلنت …` → (`موسكو - 13 سبتمبر 2023 (رويترز) -`, `أعلنت …`), with
    no dash after the credit too (`… (رويترز) أعلنت …`: agencies.split_dateline).
    None when the line opens with none (`wire_dateline` decides what one is)."""
    match = _WIRE_LEAD_END.search(line, 0, WIRE_LEAD_CHARS)
    if match is None:  # `موسكو - 13 سبتمبر 2023 (رويترز) قال …`: no dash after the credit
        dateline = split_dateline(line)
        if dateline is None or not dateline[1].strip():
            return None
        lead = line[:len(line) - len(dateline[1])].strip()
        return (lead, dateline[1]) if wire_dateline(lead) else None
    if not line[match.end():].strip():
        return None
    lead = line[:match.end()].strip()
    return (lead, line[match.end():]) if wire_dateline(lead) else None


def wire_date(blocks: Sequence[str]) -> dt.date | None:
    """The day a wire dateline among an article's first blocks prints, alone on its line or
    glued to the first paragraph (`الرياض الأحد 13 يوليو 2025 (واس) - أعلنت …`); None when
    there is none: an article's own printed day, never a guess."""
    for block in blocks[:DATELINE_LINES]:
        if date := wire_dateline(block) or ((lead := wire_lead(block)) and wire_dateline(lead[0])):
            return date
    return None


# An undated dateline opening the first paragraph: a place of up to three words, perhaps its
# agency's credit, and a dash (`تونس (وات) - قضت …`, `عمّان - أقر …`).
_PLACE_WORD = r"(?:[^\W\d]|[\u064B-\u065F\u0670])+"  # letters and their harakat (عمّان)
_PLACE_LEAD = re.compile(
    rf"^{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}(?:\s*\([^()\d]{{2,25}}\))?\s*[-–—]+\s+")
PLACE_LEAD_REST_WORDS = 6  # what follows is a paragraph, not a `روسيا - أوكرانيا` heading
PARENTHESIS_WORDS = 10  # a second dash this close closes a parenthesis the first opened
_DASH_ONLY = re.compile(r"[-–—]+")
_AGENCY_CREDIT = re.compile(r"(?P<name>[^\d:\-–—«»]{2,30}?)\s*[:\-–—]\s+")
# `عمان- «القدس العربي»: أطلقت …`, `لندن - «الشرق الأوسط» + وكالات:`, `«عنب بلدي» وأ ف ب -`
_SELF_CREDIT = re.compile(r"^«[^«»\d]{2,30}»(?:\s*(?:\+|،|و)\s*(?P<also>[^\d:«»\-–—+]{2,25}?))?"
                          r"\s*(?::|[-–—]\s)\s*")


def place_lead(line: str) -> str | None:
    """The first paragraph without the undated wire dateline it opens with (`عمّان - مرر
    مجلس النواب …` → `مرر مجلس النواب …`): a cited passage starts with the news. None when
    the line opens with none."""
    dateline = split_dateline(line)
    if dateline and dateline[0] and len(dateline[1].split()) >= PLACE_LEAD_REST_WORDS:
        return dateline[1]  # `أنقرة/ الأناضول - ضرب …`, `دمشق-سانا …`: an agency's dateline
    match = _PLACE_LEAD.match(line)
    if match is None or len(rest := line[match.end():].split()) < PLACE_LEAD_REST_WORDS:
        return None
    if any(_DASH_ONLY.fullmatch(word) for word in rest[:PARENTHESIS_WORDS]):
        return None  # `قال الرئيس - في كلمة له - إن …`: a dash-parenthesis, no dateline
    text = line[match.end():]
    own = _SELF_CREDIT.match(text)
    if own and (not own["also"] or own["also"] in ("وكالات", "الوكالات")
                or agency_named(own["also"])):
        text = text[own.end():]
    credit = _AGENCY_CREDIT.match(text)
    if credit and agency_named(credit["name"]):
        text = text[credit.end():]  # `اللاذقية - أ ف ب: تمكنت …`: the agency's credit too
    if ":" in " ".join(text.split()[:2]):
        return None  # `روسيا - أوكرانيا: جولة …`: a two-sided lead, no place
    return text


def _dateline_alone(line: str) -> bool:
    """True for a line that is only a dateline: `دمشق-سانا`, `بيروت ـ «أ ف ب»`, `الرباط (و م ع)`."""
    dateline = split_dateline(line)
    return dateline is not None and not dateline[1].strip()


BYLINE_NAME_WORDS = 4  # `كتب` and a name of up to three words


def dated_byline(line: str) -> dt.date | None:
    """The date of a byline that carries one: `بقلم: سالم العبيدي — ١٣ سبتمبر ٢٠٢٣`, `كتب:
    أحمد علي | الأحد 13 سبتمبر 2023`, `بقلم فلان - 28 صفر 1445هـ الموافق 13 سبتمبر 2023`
    (the Gregorian day when both are printed). The article's own metadata, like a
    `تاريخ النشر:` line; None for any other line."""
    if not _BYLINE_START.match(line) or not re.search(r"\d", line):
        return None
    parts = [part for part in _STAMP_PARTS.split(line) if part.strip()]
    words = line.split()  # or no separator at all: `كتب: أحمد علي الخميس 14-03-2024 10:45`
    for pieces, bare in ((parts, False), (words, True)):
        for cut in range(1, len(pieces)):
            head, tail = " ".join(pieces[:cut]), " ".join(pieces[cut:])
            # `كتب أحمد علي` needs no separator when a date stamp follows the name
            named = bare and cut <= BYLINE_NAME_WORDS and not re.search(r"\d", head)
            if (_is_byline(head) or named) and is_date_line(tail):
                return find_date(tail)
    return None


_PUBLISHED_LABEL = re.compile(
    r"(?<!\w)(?:(?:تاريخ النشر|نشرت? (?:في|يوم)|نُشرت? (?:في|يوم)|نشر بتاريخ|تم النشر"
    r"|published(?: on)?|publiée? le)\s*:?|(?:نشر|نُشر|نشرت|نُشرت)\s*:)",
    re.IGNORECASE)
_UPDATE_LABEL = re.compile(
    r"^[\s|•·/–—-]*(?:تاريخ التحديث|آخر تحديث|اخر تحديث|تحديث(?=\s*:)|updated|mise? à jour)",
    re.IGNORECASE)


def is_update_line(line: str) -> bool:
    """True for a line that dates an update (`آخر تحديث: 17 سبتمبر 2024`, `تحديث: 17.09.2024`,
    `Updated …`): never the publication date."""
    return bool(_UPDATE_LABEL.match(line) or re.match(r"^[\s|•·/–—-]*تحديث\s*:", line))


_LINE_PARTS = re.compile(r"\s+[|—–]\s+|\s+-\s+(?=\S+\s*:)")


def _labelled_date(line: str) -> tuple[bool, dt.date | None, bool]:
    """(is a `تاريخ النشر:`-style line, the date it gives, whether that is only the date of
    an update). `آخر تحديث: 15 مارس | نشر في: 10 مارس` gives the publication, 10 March; a
    dateline before the label (`القاهرة: «الشرق الأوسط» — نُشر: 17 أبريل 2025`) is set aside."""
    if not _DATE_LABEL.match(line) and len(line.split()) < 2 * SHORT_LINE_WORDS:
        for cut in _LINE_PARTS.finditer(line):
            head, rest = line[:cut.start()], line[cut.end():]
            if not _DATE_LABEL.match(rest) or _DATE_LABEL.match(head):
                continue
            found = _one_labelled_date(rest)
            # `الثلاثاء 12 مارس 2024 | آخر تحديث: الأربعاء 13 مارس` (or `| 10:45 م`): the
            # stamp before an update's label is the publication
            if (found[2] or found[1] is None) and _is_stamp(head) and (day := find_date(head)):
                return True, day, False
            if found[1] is not None:
                return found
            break
    return _one_labelled_date(line)


def _one_labelled_date(line: str) -> tuple[bool, dt.date | None, bool]:
    match = _DATE_LABEL.match(line)
    # a bare `التاريخ:` label counts only before a date and nothing else («التاريخ: يعيد نفسه»),
    # or before a date and a publication's labelled date (`تحديث: 20/02/2025 - نشرت: 18/02/2025`)
    needs_date = match and (match["bare"] or ":" not in match.group())
    published = _PUBLISHED_LABEL.search(line, match.end()) if match else None
    if not match or (needs_date and not _is_stamp(line[match.end() :]) and not (
            published and _is_stamp(line[published.end() :])
            and _is_stamp(line[match.end() : published.start()].strip(" |-–—•·/")))):
        return False, None, False
    published = _PUBLISHED_LABEL.search(line)
    if published:
        return True, find_date(line[published.end() :]), False
    return True, find_date(line[match.end() :]), bool(_UPDATE_LABEL.match(line))


# --- the page, line by line ------------------------------------------------------------


# A heading after which the page holds other stories, comments or the tag list, never more
# of the article: `الأكثر قراءة`, `المزيد حول هذه القصة` (BBC), `موضوعات متعلقة`, `تعليقات
# الزوار`, a bare `الكلمات الدلالية` over one tag a line. On `_key`s, the whole line.
_END_LINES = _keys(
    "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تداولاً", "الأكثر شعبية",
    "الأكثر قراءة اليوم", "المزيد حول هذه القصة", "المزيد من الأخبار", "المزيد من المقالات",
    "قصص مقترحة", "مقترحات", "اخترنا لك", "موضوعات متعلقة", "مواضيع متعلقة", "أخبار متعلقة",
    "موضوعات ذات صلة", "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة",
    "المواضيع المرتبطة", "مواضيع مرتبطة", "أخبار مرتبطة", "آخر الأخبار", "عن الكاتب",
    "نبذة عن الكاتب", "عن المؤلف", "مقالات الكاتب", "مقالات أخرى للكاتب", "about the author",
    "أحدث الأخبار", "تعليقات", "التعليقات", "تعليقات الزوار", "تعليقات القراء", "أضف تعليقك",
    "أضف تعليق", "اترك تعليقا", "اترك تعليقاً", "الكلمات الدلالية", "كلمات دلالية", "الوسوم",
    "وسوم", "كلمات مفتاحية", "الكلمات المفتاحية", "المواضيع", "most read", "more on this story",
    "related stories", "comments", "leave a comment", "tags",
)  # fmt: skip
# A list box copied with its screen-reader labels ends so (Al Jazeera's «اقرأ أيضا»): the
# article goes on after it.
_END_OF_LIST = _keys("end of list", "نهاية القائمة")
LIST_BOX_LINES = 12  # a box of teasers is no longer than this
# A TV or news site's read-also box set inside the body (`اقرأ أيضاً` on its own line, one to
# three teased headlines, then the article goes on): the article resumes at a paragraph that
# can only continue a text, opening with a connective (`وقال`, `وبموجب`, `ويعبر`, `كما`,
# `من جهته`) that no other story's lead opens with. On `_key`s (hamza folded).
BOX_TEASERS = 3
_CONTINUES = re.compile(
    r"^(?:و(?:قال|قالت|اكد|اكدت|اضاف|اضافت|اوضح|اوضحت|اشار|اشارت|ذكر|ذكرت|لفت|شدد|كان|كانت"
    r"|في|من|على|عن|مع|لم|لا|قد|الى|ب[^\W\d_]{2,}|[يت][^\W\d_]{2,})"
    r"|كما|فيما|الى ذلك|من جهته|من جهتها|في المقابل|يذكر ان|يشار الى|وتجدر)\s")
RESUMING_WORDS = 10  # a paragraph the article resumes with is no teased headline


def _lines(text: str) -> list[str]:
    """Non-empty, whitespace-normalised lines up to the `إقرأ أيضاً` block (other articles)
    or a heading of other stories, comments or tags (`_END_LINES`).

    A one-line teaser (`اقرأ أيضاً: عنوان`) is dropped and the article goes on, unless the
    teased headline comes next: then the other article starts there. A read-also box that
    says where it ends (`end of list`) is dropped and the article goes on after it.
    """
    raw = [line for line in map(clean_text, text.splitlines()) if line]
    lines: list[str] = []
    teased: str | None = None
    number = 0
    while number < len(raw):
        line = raw[number]
        number += 1
        key = _key(line)
        if teased is not None and key == teased:
            break  # the teased story itself follows: the article ended at the teaser
        teased = _read_also(key)
        if teased == "":
            ends = [n for n in range(number, min(number + LIST_BOX_LINES, len(raw)))
                    if _key(raw[n]) in _END_OF_LIST]
            if ends:
                number, teased = ends[0] + 1, None
            elif lines and (resumes := _box_resumes(raw, number)) is not None:
                number, teased = resumes, None
            else:
                break
        elif key in _END_LINES:
            break
        elif teased is None:
            lines.append(line)
    return lines


def _box_resumes(raw: list[str], start: int) -> int | None:
    """Where the article goes on after a read-also marker at `start` - 1 that stands inside
    its body: the line after one to BOX_TEASERS teased headlines (short, no full stop) when
    it is a paragraph continuing a text (`_CONTINUES`); None when the marker opens the
    list of other articles that ends the page."""
    for n in range(start + 1, min(start + BOX_TEASERS + 1, len(raw))):
        teaser = raw[n - 1]
        if len(teaser.split()) > SHORT_LINE_WORDS or teaser.rstrip().endswith("."):
            return None
        line = raw[n]
        if len(line.split()) >= RESUMING_WORDS and _CONTINUES.match(_key(line)):
            return n
    return None


def _is_title_candidate(line: str) -> bool:
    """No date, source, dated byline, breadcrumb, credited caption or furniture line."""
    return not (_is_stamp(line) or _labelled_date(line)[0] or _is_boilerplate(line)
                or _SOURCE_LABEL.match(line) or _MONITORED_BY.match(line) or dated_byline(line)
                or _caption(line) is not None)


def publication_date(lines: list[str], bare_on_top: bool = True,
                     header_end: int = HEADER_LINES) -> dt.date | None:
    """From a `تاريخ النشر:` line, or (`bare_on_top`) a bare date line at the top; never
    from prose, nor a CMS's placeholder (1970-01-01). A web page's top lines may be its
    site's "today" bar, hence `bare_on_top` False for HTML: there only a labelled line
    counts. The top is the first `header_end` lines (at least HEADER_LINES): a raw page's
    date line may stand under its headline, below the site's name and sections."""
    return unless_placeholder(_printed_date(lines, bare_on_top, max(header_end, HEADER_LINES)))


# A wire dateline that prints the day and month and no year: `موسكو - 13 سبتمبر (رويترز) -`,
# `القاهرة، الخميس 5 يوليو (أ ف ب)`: a place of up to three words, perhaps a weekday, the
# day, its month, one credit
_YEARLESS_DATELINE = re.compile(
    r"^\s*(?:[^\W\d]|[\u064B-\u065F\u0670])+(?:\s+(?:[^\W\d]|[\u064B-\u065F\u0670])+){0,2}"
    r"\s*[-–—،,:]?\s*(?:يوم\s+)?(?:(?:"
    + "|".join(_WEEKDAY_WORDS) + r")\s*[،,]?\s+)?(?P<day>\d{1,2}\s+[^\W\d]+)\s*"
    r"\(\s*[^()\d]{2,25}?\s*\)")


def yearless_dateline(lines: Sequence[str]) -> dt.date | None:
    """The day of a wire dateline among the first lines that prints no year (`موسكو - 13
    سبتمبر (رويترز) - …`), its year taken from the full dates the article prints elsewhere
    (`في 2 مارس 2023`): when they all fall in one year and none after the dateline's day
    in it (a report tells what came before it); else None — never a guessed year."""
    for line in lines[:DATELINE_LINES]:
        match = _YEARLESS_DATELINE.match(line)
        named = named_day(match["day"]) if match else None
        if named is None or named[2] is not None:
            continue
        month, day = named[0], named[1]
        others = {d for other in lines if (d := find_date(other)) is not None}
        years = {d.year for d in others}
        if len(years) != 1:
            return None
        try:
            date = dt.date(years.pop(), month, day)
        except ValueError:
            return None
        return date if all(d <= date for d in others) else None
    return None


def _printed_date(lines: list[str], bare_on_top: bool, header_end: int) -> dt.date | None:
    updated = None  # an update's date stands in only when no publication date is printed
    for number, line in enumerate(lines):
        labelled, date, update = _labelled_date(line)
        if labelled and update:
            updated = updated or date
        elif labelled:
            return date
        elif bare_on_top and number < header_end and _is_stamp(line) and find_date(line):
            return find_date(line)
        elif number < header_end and (byline := dated_byline(line) or wire_dateline(line)):
            return byline  # the article's own
        elif number < header_end and (lead := wire_lead(line)):
            return wire_dateline(lead[0])  # glued to the first paragraph
    return updated or yearless_dateline(lines)


def _source_on(lines: list[str], number: int) -> str | None:
    """The outlet named by line `number`, if it is a source line."""
    line = lines[number]
    match = _SOURCE_LABEL.match(line) or _MONITORED_BY.match(line)
    if match and match.group("value").strip():
        return _source_value(match.group("value"))
    if match:
        return _source_value(lines[number + 1]) if number + 1 < len(lines) else None
    glued = _glued_source(line)
    return _source_value(glued.group("value")) if glued else None


def _source(lines: list[str]) -> str | None:
    """From `المصدر:`/`المصادر:` (same or next line, or glued to a sentence) or `رصد:`."""
    found = (_source_on(lines, number) for number in range(len(lines)))
    return next((source for source in found if source), None)


_CREDIT_START = re.compile(r"\s*[-–—|(/]")


def _is_repeat(line: str, seen: set[str]) -> bool:
    """Same as an earlier line, or an earlier line plus a short credit (` - غيتي`).

    Linear in the line, whatever the number of earlier lines: only the prefixes that end
    where a credit could start are looked up (a huge article must not cost quadratic time).
    """
    key = _key(line)
    if key in seen:
        return True
    if not _CREDIT_MARKS.search(key):
        return False
    for match in _CREDIT_START.finditer(key):
        earlier = key[: match.start()]
        if earlier and earlier in seen and _CREDIT.match(key[match.start() :]):
            return True
    return False


_TWEET_LINK = re.compile(r"\s*(?:https?://t\.co|pic\.twitter\.com)/\S+")
STAMP_WORDS = 10  # a date stamp alone is short: weekday, day, month, year, time, zone


def _strip_metadata(line: str, number: int, body_started: bool) -> str | None:
    """The line's article text with metadata removed; None when nothing is left."""
    if _labelled_date(line)[0] or (number < HEADER_LINES and (
            _is_stamp(line) or dated_byline(line))):
        return None
    if len(line.split()) <= STAMP_WORDS and is_date_line(line):
        return None  # a date alone, wherever it stands (`10/5/2024` under a standfirst)
    if _SOURCE_LABEL.match(line) or _MONITORED_BY.match(line):
        return None
    glued = _glued_source(line)
    if glued and _source_value(glued.group("value")):
        line = glued.group("before")
    if not body_started and (_DATELINE.match(line) or ("/" in line and _dateline_outlet(line))
                             or _dateline_alone(line)):
        return None  # `موسكو (وكالات)`, `القاهرة/ محمد علي/ الأناضول`: a dateline, no paragraph
    if not body_started and (lead := wire_lead(line)):
        line = lead[1]  # `موسكو - 13 سبتمبر 2023 (رويترز) - أعلنت …`: the paragraph alone
    elif not body_started and (rest := place_lead(line)):
        line = rest  # `عمّان - مرر مجلس النواب …`: undated, the paragraph alone
    line = _RELATED_PREFIX.sub("", line)
    if "t.co/" in line or "pic.twitter.com/" in line:  # an embedded tweet's photo link
        line = _TWEET_LINK.sub("", line).strip()
    if _CREDIT_MARKS.search(line):
        line = _PHOTO_CREDIT.sub("", line)
    return line or None


def clean_paragraphs(lines: Iterable[str], title: str = "") -> list[str]:
    """Article paragraphs from page lines: boilerplate, metadata and repeats removed.

    Lines are taken up to the first `إقرأ أيضاً`. A lone `المصدر:` label also drops the
    outlet name on the line after it.
    """
    kept: list[str] = []
    seen = {_key(title)} if title.strip() else set()
    skip_next = False
    for number, line in enumerate(_lines("\n".join(lines))):
        if skip_next:
            skip_next = False
            if _source_value(line):
                continue
        label = _SOURCE_LABEL.match(line)
        if label and not label.group("value").strip():
            skip_next = True
        if _is_boilerplate(line):
            continue
        caption = _caption(line)
        if caption is not None:  # a photo's caption, not article text; nor is its repeat
            if kept and _key(kept[-1]) == _key(caption):
                kept.pop()
            seen.add(_key(caption))
            continue
        text = _strip_metadata(line, number, body_started=bool(kept))
        if text is None or _is_repeat(text, seen):
            continue
        if kept and kept[-1].count(" ") >= NOTE_WORDS and _key(text).startswith(_key(kept[-1])):
            kept.pop()  # a standfirst the first paragraph opens with: that paragraph alone
        kept.append(text)
        seen.add(_key(text))
    return kept


MAX_CREDITED_CAPTION_WORDS = 12
# A short line ending in an outlet's or agency's name in brackets: `جنود في أم درمان (أ.ف.ب)`.
_NAME_CREDIT = re.compile(r"\s*\(([^()]{2,25})\)$")


def _caption(line: str) -> str | None:
    """The caption's text when `line` is a photo caption ending in its credit
    (`… (الصورة: غيتي)`, `… - غيتي`, `… (تصوير: وكالة الأنباء)`, `… © رويترز`, a short
    line ending `(الأناضول)`); else None."""
    if line.count(" ") >= MAX_CAPTION_WORDS:
        return None
    credit = _PHOTO_CREDIT.search(line)
    if credit is None and line.count(" ") < MAX_CREDITED_CAPTION_WORDS and line.endswith(")"):
        named = _NAME_CREDIT.search(line)
        credit = named if named and outlet_name(named[1]) else None
    return None if credit is None else line[: credit.start()]


def uncredited(line: str) -> str:
    """A caption without its photo credit (`… (تصوير: أحمد معروف)` → `…`); any other line
    as it is. For a page that is only photos, whose captions are its text."""
    caption = _caption(line)
    return caption.strip() if caption and caption.strip() else line


# --- the outlet and the headline of a raw page ---------------------------------------

def _outlet_key(text: str) -> str:
    """`_key` with inner commas and dots as spaces: `BBC News, عربي` is `BBC News عربي`,
    `العربية.نت` is `العربية نت`."""
    return " ".join(re.sub(r"[,،.]", " ", _key(text)).split())


_OUTLET_KEYS = {_outlet_key(name) for name in OUTLETS}
_OUTLET_PREFIX = re.compile("^(?:" + "|".join(map(_key, OUTLET_PREFIXES)) + r")\s+")
_QUOTED = re.compile(r"^[«\"“](?P<name>[^«»\"“”]{2,40})[»\"”]$")
# Where a dateline's place and outlet meet: `دبي - العربية.نت`, `أنقرة/ الأناضول`, `لندن:
# «الشرق الأوسط»`, `هسبريس من الرباط`, `سكاي نيوز عربية - أبوظبي`.
_DATELINE_JOIN = re.compile(r"\s*[-–—/:،,]\s*|\s+من\s+")
MAX_PLACE_NAME_WORDS = 3
MAX_PREFIXED_NAME_WORDS = 2  # `صحيفة الغد الأردنية`: any short name a publication's word opens
# Words only a publication's name opens with (`قناة السويس`, `وكالة الطاقة`, `شبكة الكهرباء`
# are no outlets: those prefixes count only before a name in outlet_names).
_PUBLICATION = re.compile(r"^(?:صحيفه|جريده|موقع)\s+")


def outlet_name(text: str) -> str | None:
    """`text` as printed when it is only an outlet's or agency's name (`outlet_names`, with
    or without `صحيفة`/`جريدة`…; or any name of one or two words after `صحيفة`, `جريدة`,
    `موقع`) or a name in «quotes»; else None."""
    text = text.strip(" :")
    quoted = _QUOTED.match(text)
    if quoted:  # `«الخليج»`; a longer quotation is someone's words
        name = quoted["name"].strip()
        return name if name.count(" ") < MAX_PLACE_NAME_WORDS else None
    key = _outlet_key(text)
    unprefixed = _OUTLET_PREFIX.sub("", key)
    named = (_PUBLICATION.match(key) is not None
             and 0 < unprefixed.count(" ") + 1 <= MAX_PREFIXED_NAME_WORDS)
    return text if key in _OUTLET_KEYS or unprefixed in _OUTLET_KEYS or named else None


_TITLE_PARTS = re.compile(r"\s+[-–—|:]\s+|\s*[|]\s*")


def site_outlet(title: str | None) -> str | None:
    """The outlet a feed's title or a page's site name names: `اليوم السابع - أخبار عاجلة`,
    `Hespress - هسبريس جريدة إلكترونية مغربية` → the part that is a known outlet's name
    (`outlet_name`); else the title as it is."""
    if not title:
        return None
    parts = _TITLE_PARTS.split(title)
    named = [name for name in map(outlet_name, parts) if name] if len(parts) > 1 else []
    return named[0] if named else title


def _reporter(text: str) -> bool:
    """A reporter's name between a dateline's place and its agency: a few words, no digits."""
    return 0 < len(text.split()) <= BYLINE_NAME_WORDS + 1 and not re.search(r"\d", text)


def _dateline_outlet(line: str) -> str | None:
    """The outlet a place-and-outlet dateline credits (`عمان- الغد` → الغد) or a date stamp
    names beside its day (`هسبريس - الخميس 03/07/2025`), or the name when `line` is only an
    outlet's name (a masthead); None for any other line."""
    name = outlet_name(line)
    if name:
        return name
    if _is_stamp(line):  # `هسبريس - الخميس 03/07/2025`: the outlet's name beside the day
        return next(filter(None, map(outlet_name, _STAMP_PARTS.split(line))), None)
    if line.count(" ") > 2 * MAX_PLACE_NAME_WORDS:
        return None
    parts = [part for part in _DATELINE_JOIN.split(line.strip(" :")) if part]
    if len(parts) == 3 and "/" in line and _reporter(parts[1]):
        parts = [parts[0], parts[2]]  # `الجزائر/ عبد الرزاق بن عبد الله/ الأناضول`
    if len(parts) != 2:
        return None
    for outlet, place in (parts, parts[::-1]):  # a place (or a reporter's name) has no digits
        name = outlet_name(outlet)
        if name and len(place.split()) <= MAX_PLACE_NAME_WORDS and not (
                outlet_name(place) or re.search(r"\d", place)):
            return name
    return None


def _rights_outlet(line: str) -> str | None:
    """The outlet a rights notice names: `© 2024 بوابة الأهرام. جميع الحقوق محفوظة`."""
    if line.count(" ") >= SHORT_LINE_WORDS or not _RIGHTS.search(_key(line)):
        return None
    words = re.findall(r"[^\s.,،:©()\-–—|]+", line)  # `لمؤسسة الأهرام - 2024`: no dash
    for size in (4, 3, 2, 1):
        for at in range(len(words) - size + 1):
            phrase = " ".join(words[at : at + size])
            for name in (phrase, re.sub(r"^[لب](?=[^\W\d])", "", phrase)):
                if _outlet_key(name) in _OUTLET_KEYS:
                    return name
    return None


TITLE_MIN_WORDS = 4  # a shorter line above the headline is the site's name or a section
MAX_TITLE_WORDS = 30
_PARAGRAPH_END = re.compile(r"(?<!\.)\.[\"'»”’)\]]*\s*$")  # one period: a sentence


def _headline(lines: list[str], candidates: list[int]) -> int:
    """The index of the page's headline among its title `candidates`: the first line of at
    least TITLE_MIN_WORDS that ends no sentence, above the body; the site's name, a
    dateline and section or breadcrumb words above it are no headline («هسبريس», «سكاي
    نيوز عربية - أبوظبي», «أخبار العالم العربي» is a section too, and three words).
    Without such a line, or with no body below it, the first candidate that is no
    masthead (short headlines exist)."""
    own = [n for n in candidates
           if not (_dateline_outlet(lines[n]) or _dateline_alone(lines[n]))] or candidates
    words = {n: len(re.findall(r"[^\W_]+", lines[n])) for n in own}
    body = [n for n in own if words[n] > MAX_TITLE_WORDS or _ENDS_SENTENCE.search(lines[n])]
    for n in own:
        if not body or n >= body[0]:
            break  # no body under it: `عنوان` above one line of text is that text's title
        if words[n] >= TITLE_MIN_WORDS and not _PARAGRAPH_END.search(lines[n]):
            return n
    return own[0]


_TAB_SEPARATORS = (" | ", " - ", " – ", " — ")


def _without_outlet(title: str) -> tuple[str, str | None]:
    """A headline copied with the browser tab's outlet name (`… | الجزيرة نت`, `اليوم
    السابع - …`): (the headline, that outlet); else (`title`, None)."""
    for separator in _TAB_SEPARATORS:
        parts = title.split(separator)
        if len(parts) < 2:
            continue
        for rest, end in ((parts[:-1], parts[-1]), (parts[1:], parts[0])):
            name = outlet_name(end.strip())
            if name and len(" ".join(rest).split()) >= TITLE_MIN_WORDS:
                return separator.join(rest).strip(), name
    return title, None


def _outlet(lines: list[str], title_at: int) -> str | None:
    """The outlet a raw page names: its `المصدر:` line, else its masthead (the first line
    above the headline, when an outlet's name), else a date stamp or dateline crediting
    one near the headline, else its rights notice."""
    labelled = _source(lines)
    if labelled:
        return labelled
    above = [line for line in lines[:title_at] if _is_title_candidate(line)]
    stamps = [line for line in lines[:title_at] if _is_stamp(line)]
    near = lines[title_at + 1 : title_at + HEADER_LINES]
    found = (_dateline_outlet(line) for line in [*above[:1], *stamps, *near])
    rights = (_rights_outlet(line) for line in lines)
    return next((name for name in (*found, *rights) if name), None) or (
        _masthead_in_rights(above[0], lines) if above else None)


MASTHEAD_WORDS = 4


def _masthead_in_rights(masthead: str, lines: list[str]) -> str | None:
    """The masthead of a site no list knows, when its rights notice names it too (`موزاييك
    أف أم` on top, `حقوق النشر محفوظة لموزاييك أف أم 2024` below): two places agree, no
    guess. None otherwise."""
    key = _outlet_key(masthead)
    if not key or masthead.count(" ") >= MASTHEAD_WORDS or re.search(r"\d", masthead):
        return None
    for line in lines:
        if line.count(" ") < SHORT_LINE_WORDS and _RIGHTS.search(_key(line)) and re.search(
                rf"(?<!\w)[لب]?{re.escape(key)}(?=\s*(?:$|\d|©|جميع|كل|كافه|حقوق|الحقوق|all))",
                _outlet_key(line)):
            return masthead
    return None


NOTE_WORDS = 6
_ENDS_SENTENCE = re.compile(r"[.!?؟…][\"'»”’)\]]*\s*$")


def _is_note(paragraph: str) -> bool:
    return paragraph.count(" ") < NOTE_WORDS and not _ENDS_SENTENCE.search(paragraph)


def without_notes(paragraphs: list[str]) -> list[str]:
    """`paragraphs` without the short lines that end no sentence before the first paragraph
    and after the last: an author's name and title, a caption, a dateline (`عمان- الغد`,
    `أبوظبي: «الخليج»`), a credit (`فرانس24/ أ ف ب`), tags, font-size buttons. Left as
    they are when no paragraph ends a sentence (a page written without punctuation)."""
    if not any(_ENDS_SENTENCE.search(p) for p in paragraphs):
        return paragraphs
    start, end = 0, len(paragraphs)
    while start < end and _is_note(paragraphs[start]):
        start += 1
    while end > start and _is_note(paragraphs[end - 1]):
        end -= 1
    return paragraphs[start:end]


# --- public parsers ---------------------------------------------------------------------


WRAPPED_LINE_WORDS = 6  # a line wrapped at a width holds at least this many words


def _unwrapped(text: str) -> str:
    """`text` with each blank-line separated block that was wrapped at a width (every line
    but its last long and ending no sentence) joined back into one line: a page saved from
    a mail or a terminal. Blocks of short lines (a masthead, a section, a date) stay."""
    if "\n\n" not in text.replace("\r", ""):
        return text
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    joined = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        joined.append(" ".join(lines) if _wrapped(lines) else block)
    return "\n\n".join(joined)


WRAP_SPREAD = 0.7  # lines wrapped at a width are at least this share of the widest


def _wrapped(lines: list[str]) -> bool:
    """True for the lines of one paragraph wrapped at a width: every line but the last
    long, ending mid-sentence on a word or a comma, about as long as the others, and the
    last no longer than the width (a caption over its paragraph is shorter than it)."""
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines[:-1])
    return len(lines[-1]) <= width + WRAPPED_LINE_WORDS and all(
        len(line.split()) >= WRAPPED_LINE_WORDS and len(line) >= WRAP_SPREAD * width
        and re.search(r"[\w،,]$", line) for line in lines[:-1])


def parse_raw(text: str, article_id: str, url: str | None = None) -> Article:
    """Parse a saved news page: title, date, source and clean body paragraphs."""
    lines = _lines(_unwrapped(text))
    candidates = [n for n, line in enumerate(lines) if _is_title_candidate(line)]
    if not candidates:
        raise ArticleError(f"{article_id}: no article text")
    start = _headline(lines, candidates)
    title, tab_outlet = _without_outlet(lines[start])
    # above the headline: the site's name, sections, breadcrumbs (no article text)
    header = [line for n, line in enumerate(lines[:start]) if n not in candidates]
    paragraphs = without_notes(clean_paragraphs(header + lines[start + 1 :], title))
    if not paragraphs:
        raise ArticleError(f"{article_id}: no article text after the title")
    return Article(
        id=article_id,
        title=title,
        source=_outlet(lines, start) or tab_outlet,
        date=publication_date(lines, header_end=start + HEADER_LINES),
        paragraphs=tuple(paragraphs),
        url=url,
        agency=(dateline_agency(lines[start + 1:]) or dateline_agency(header[-HEADER_LINES:])
                or signoff_agency(lines[start + 1:])),
    )


_SENTENCE_END = re.compile(r"[.!?؟…»\"”')]\s*$")
LINE_PARAGRAPHS = 0.8  # this share of a block's lines ending a sentence: a line a paragraph


def _split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks, each joined into one line (text wrapped at a width) —
    unless its lines end sentences, as scrapers write one paragraph a line with no blank
    line between: then each line is a paragraph."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        ended = sum(1 for line in lines if _SENTENCE_END.search(line))
        if len(lines) > 1 and ended >= LINE_PARAGRAPHS * len(lines):
            paragraphs.extend(lines)
        elif lines:
            paragraphs.append(" ".join(lines))
    return paragraphs


_AMBIGUOUS_DAY = re.compile(r"(0?[1-9]|1[0-2])[/.-](0?[1-9]|1[0-2])[/.-]\d{2,4}")


def _json_date(value: object, where: str) -> dt.date | None:
    """`YYYY-MM-DD`, or what a scraper wrote: an ISO date-time (its own day), `14/09/2023`,
    a printed Arabic or Hijri date (`١٤ سبتمبر ٢٠٢٣`, `28 صفر 1445هـ`); null or "" for
    none. Anything else (`yesterday`, a number, `3/5/2024` which reads both ways) is an
    ArticleError that says what is accepted."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    date = stated_date(value) if isinstance(value, str) else None
    if date is None and isinstance(value, str) and is_null_stamp(value):
        return None  # `0000-00-00 00:00:00`: the export's way of saying it has no date
    if date is None:
        both = isinstance(value, str) and _AMBIGUOUS_DAY.fullmatch(value.strip())
        why = " (it reads both as day/month and month/day)" if both else ""
        raise ArticleError(f"{where}: date {value!r} cannot be read{why}; give YYYY-MM-DD (or "
                           "an ISO date-time, a day-first date such as 14/09/2023, or a printed "
                           "date such as 14 سبتمبر 2023), or null")
    return unless_placeholder(date)  # a scraper's 1970-01-01 is no date


# A record's fields under the names scrapers and archive exports give them, the contract's
# own first: `{"headline", "body", "published_at", "publisher", "link"}` is an article too.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "_id", "article_id", "uuid", "doc_id"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "articleBody", "article_body", "article",
             "full_text", "fulltext", "content_text", "content_html"),
    "source": ("source", "publisher", "outlet", "site", "site_name", "source_name",
               "newspaper", "channel"),
    "date": ("date", "published", "published_at", "publishedAt", "pubDate", "pub_date",
             "datePublished", "date_published", "publish_date", "publication_date"),
    "url": ("url", "link", "href", "canonical_url", "permalink"),
}


def _field(record: dict[str, object], name: str) -> object:
    """The record's value of `name` under the first of its FIELD_NAMES it holds (a
    publisher given as JSON-LD's `{"name": …}` is that name); None when it holds none."""
    for key in FIELD_NAMES[name]:
        value = record.get(key)
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            value = value["name"]
        if value is not None and value != "":
            return value
    return None


def _json_text(record: dict[str, object], name: str, where: str) -> str:
    value = _field(record, name)
    if isinstance(value, int) and not isinstance(value, bool) and name == "id":
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        also = "/".join(FIELD_NAMES[name][1:4])
        raise ArticleError(f"{where}: missing or empty {name!r} (or {also})")
    return value


def _json_optional(record: dict[str, object], name: str, where: str) -> str | None:
    value = _field(record, name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArticleError(f"{where}: {name!r} must be a string or null")
    return clean_text(value) or None


_SURROGATE = re.compile("[\ud800-\udfff]")
# A decoded line holds no surrogate (strict decoders never make one): only a JSON escape
# \ud800-\udfff can, and a line without one needs no replacing (most lines).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# A record's text written as HTML: block tags, and the inline ones scrapers keep inside a
# paragraph (`<b>`, `<a href>`, `<span>`): read as HTML, tags dropped and entities read.
# Before, an inline tag stayed in the text, and a paragraph holding `<b>…</b>` was cut as
# page furniture: its statement was never answerable.
_MARKUP = re.compile(
    r"<(?:p|br|div|h[1-6]|b|strong|i|em|u|a|span|font|mark|small|sup|sub|blockquote|ul|ol|"
    r"li|table|figure|img)(?:\s[^<>]*)?/?>", re.IGNORECASE)
# An HTML entity in a text with no tags (`&amp;`, `&quot;`, `&#1575;`): read, not shown
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5});")


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def _plain(value: str | None) -> str | None:
    """A record's title or outlet as a reader sees it: a scraper's tags dropped and its
    entities read («<b>افتتاح</b> سوق &amp; معرض» → «افتتاح سوق & معرض»), not cited as
    typed; None or empty stays as it is."""
    if not value or ("<" not in value and "&" not in value):
        return value
    return clean_text(html.unescape(_TAG.sub(" ", value))) or None


def parse_jsonl_line(line: str, where: str) -> Article:
    """One JSONL record `{"id","title","source","date","url","text"}` as an Article."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as error:
        # the column, so "Unterminated string starting at" says where
        reason = (f"{error.msg.removesuffix(' at')} at column {error.colno}"
                  if isinstance(error, json.JSONDecodeError) else "nested too deeply")
        raise ArticleError(f"{where}: not valid JSON ({reason})") from None
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: expected a JSON object")
    return parse_json_record(record, where, surrogates=bool(_SURROGATE_ESCAPE.search(line)))


def parse_json_record(record: dict[str, object], where: str, surrogates: bool = True
                      ) -> Article:
    """One article record as an Article: the contract's fields, or the same under the names
    of FIELD_NAMES; without an id, its url (else a digest of its title and text) is one,
    so the same record ingested again adds nothing. A text written as HTML (`<p>…</p>`)
    gives its paragraphs. `surrogates`: the record may hold lone surrogates (from \\ud800
    escapes), which no database or terminal can encode: replaced."""
    if surrogates:
        record = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v
                  for k, v in record.items()}
    text = _json_text(record, "text", where)
    url = _json_optional(record, "url", where)
    title = _json_optional(record, "title", where)
    if any(key in record for key in FIELD_NAMES["id"]) or not (url or title):
        article_id = clean_text(_json_text(record, "id", where))
    else:
        article_id = url or hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()[:16]
    title = _plain(title) or article_id
    if _MARKUP.search(text):
        from retrieval.feeds import paragraph_lines  # lxml loads only for such a text

        text = "\n\n".join(line for line in map(clean_text, paragraph_lines(text)) if line)
    elif _ENTITY.search(text):
        text = html.unescape(text)
    blocks = _split_blocks(text)
    # a dateline or a credit alone above the first paragraph or under the last is no passage
    paragraphs = without_notes(clean_paragraphs(blocks, title))
    if not paragraphs:
        raise ArticleError(f"{where}: 'text' has no article text after cleaning")
    return Article(
        id=article_id,
        title=title,
        source=_plain(_json_optional(record, "source", where)),
        # no date given: the day its wire dateline prints (`الرياض الأحد 13 يوليو 2025 (واس) -`)
        date=_json_date(_field(record, "date"), where) or wire_date(blocks)
        or yearless_dateline(blocks),
        paragraphs=tuple(paragraphs),
        url=url,
        agency=article_agency(blocks),
    )


# --- files ------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# One article is at most this big (a .txt file, or one JSONL line). Real articles are tens of
# kilobytes; a 50 MB "article" is a dump or an accident, and parsing, passages and analysis
# would hold it in memory several times over. It is reported by name and skipped.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024


def _too_big(where: object, size: int, more: bool = False) -> ArticleError:
    return ArticleError(f"{where}: too large for one article ({'over ' if more else ''}"
                        f"{size / 1048576:.1f} MB; the limit is "
                        f"{MAX_ARTICLE_BYTES // 1048576} MB per article)")


def read_bounded(path: Path, limit: int, too_big: Callable[[Path, int, bool], Exception]
                 ) -> bytes:
    """The file's bytes, at most `limit` of them, else `too_big(path, size, more)`. Its
    size is checked before reading, and the reading itself is bounded too: a device or a
    pipe (`/dev/zero` linked as `page.txt`) reports no size and never ends. OSError
    passes through."""
    size = path.stat().st_size
    if size > limit:
        raise too_big(path, size, False)
    with path.open("rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise too_big(path, len(data), True)
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: Arabic and ASCII text has 0x00 or 0x06 in every high byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        usual = sum(high.count(b) for b in (0x00, 0x06, 0x20, 0xFE, 0xFB))
        if usual >= 0.9 * len(high):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode(data: bytes) -> str | None:
    """UTF-8 / UTF-16 / UTF-32 by BOM, then UTF-8 (a file cut inside its last character
    keeps the rest), UTF-16 without a BOM, then Windows-1256 (old Arabic sites)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return data[: error.start].decode("utf-8")  # truncated mid-character
        return data.decode("cp1256", errors="replace")


def read_text_file(path: Path | str, limit: int = MAX_ARTICLE_BYTES) -> str:
    """The file's text, whatever common encoding it is in; binary, empty or over `limit`
    bytes → ArticleError."""
    path = Path(path)
    try:
        data = read_bounded(path, limit, _too_big)
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror or error})") from None
    text = _decode(data)
    if text is None or len(_BINARY.findall(text)) > max(2, len(text) // 100):
        raise ArticleError(f"{path}: not a text file")
    if not text.strip():
        raise ArticleError(f"{path}: empty file")
    return text.lstrip("\ufeff")


@dataclass(frozen=True)
class Unparsed:
    """An article found but not parsed yet: `marsad ingest` parses it in its worker process.

    `parser(*args)` gives the Article or raises ArticleError; `size` (characters) lets a
    batch of them be bounded before they are parsed. Picklable (module-level parsers).
    """

    parser: Callable[..., Article]
    args: tuple[Any, ...]
    size: int

    def parse(self) -> Article:
        return self.parser(*self.args)


def parse_txt_file(path: Path) -> Article:
    """A saved page (.txt) as an Article, its id the file name; errors name the file."""
    try:
        return parse_raw(read_text_file(path), path.stem)
    except ArticleError as error:
        if str(error).startswith(str(path)):
            raise
        raise ArticleError(f"{path}: {error}") from None


def _read_txt(path: Path) -> Iterator[Unparsed | ArticleError]:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # parse_txt_file reports it
    yield Unparsed(parse_txt_file, (path,), size)


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str | ArticleError]]:
    """(line number, text) of a JSONL file, streamed: memory stays bounded by one article.

    A line over MAX_ARTICLE_BYTES is skipped unread (reported); a file in UTF-16/32 (a
    BOM or NUL bytes) is read whole, as `read_text_file` reads it.
    """
    with path.open("rb") as f:
        head = f.read(4)
        if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig") or (
                b"\x00" in head):
            for number, line in enumerate(read_text_file(path).splitlines(), start=1):
                yield number, line
            return
        f.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        number = 0
        while True:
            raw = f.readline(MAX_ARTICLE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_ARTICLE_BYTES and not raw.endswith(b"\n"):
                size = len(raw)
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = f.readline(1 << 20)
                    size += len(raw)
                yield number, _too_big(f"{path}:{number}", size)
                continue
            text = _decode(raw.rstrip(b"\r\n"))
            yield number, (text if text is not None
                           else ArticleError(f"{path}:{number}: not a text line"))


def _read_jsonl(path: Path) -> Iterator[Unparsed | ArticleError]:
    empty = True
    try:
        for number, line in _jsonl_lines(path):
            if isinstance(line, ArticleError):
                empty = False
                yield line
            elif line.strip():
                empty = False
                yield Unparsed(parse_jsonl_line, (line, f"{path}:{number}"), len(line))
        if empty:
            yield ArticleError(f"{path}: empty file")
    except ArticleError as error:
        yield error
    except OSError as error:
        yield ArticleError(f"{path}: cannot read ({error.strerror or error})")


MAX_ARCHIVE_BYTES = 64 * 1024 * 1024  # a .json archive is read whole; JSONL streams
_ARCHIVE_KEYS = ("articles", "items", "data", "results", "posts", "docs", "records", "news")


def _read_json_archive(path: Path) -> Iterator[Unparsed | ArticleError]:
    """A .json file of articles, as archives export them: a list of records, an object
    holding that list (`{"articles": […]}`), or one record; each read as a JSONL line is
    (`parse_json_record`), errors naming `file: article N`."""
    try:
        data = json.loads(read_text_file(path, MAX_ARCHIVE_BYTES))
    except ArticleError as error:
        message = str(error)
        yield ArticleError(message.replace(" per article)", " per .json file; give bigger "
                                           "archives as JSONL, one article a line)"))
        return
    except (json.JSONDecodeError, RecursionError) as error:
        reason = (f"{error.msg.removesuffix(' at')} at line {error.lineno}, column "
                  f"{error.colno}" if isinstance(error, json.JSONDecodeError)
                  else "nested too deeply")
        yield ArticleError(f"{path}: not valid JSON ({reason})")
        return
    if isinstance(data, dict):
        data = next((data[key] for key in _ARCHIVE_KEYS if isinstance(data.get(key), list)),
                    [data])
    if not isinstance(data, list) or not data:
        yield ArticleError(f"{path}: no articles (expected a list of article objects)")
        return
    for number, record in enumerate(data, start=1):
        where = f"{path}: article {number}"
        if not isinstance(record, dict):
            yield ArticleError(f"{where}: expected a JSON object")
            continue
        size = sum(len(v) for v in record.values() if isinstance(v, str))
        if size > MAX_ARTICLE_BYTES:
            yield _too_big(where, size)
            continue
        yield Unparsed(parse_json_record, (record, where), size)


def _read_html(path: Path) -> Iterator[Article | ArticleError]:
    from retrieval.channel_pages import channel_posts  # they build on this module
    from retrieval.html_pages import decode_page, parse_html

    try:  # pages carry scripts and markup besides the text: four articles' worth
        body = read_bounded(path, MAX_ARTICLE_BYTES * 4, _too_big)
        posts = channel_posts(decode_page(body)) if b"tgme_" in body else None
        if posts is not None:  # a Telegram channel's web view: one article a post
            yield from posts or [ArticleError(f"{path}: a channel with no post of text")]
            return
        yield parse_html(body, path.stem)
    except OSError as error:
        yield ArticleError(f"{path}: cannot read ({error.strerror or error})")
    except ArticleError as error:
        message = str(error)
        yield error if message.startswith(str(path)) else ArticleError(f"{path}: {error}")


def _read_feed(path: Path) -> Iterator[Article | ArticleError]:
    """A saved feed, offline: each item's own full text (fetching the items' pages is
    `retrieval.web`'s job, for feed URLs and the feed files named on the command line)."""
    from retrieval.feeds import item_article, read_feed_file

    try:
        items = read_feed_file(path)
    except ArticleError as error:
        yield error
        return
    for number, item in enumerate(items, start=1):
        try:
            yield item_article(item, f"{path}: item {number}")
        except ArticleError as error:
            yield error


_READERS = {".txt": _read_txt, ".jsonl": _read_jsonl, ".html": _read_html, ".htm": _read_html,
            ".xml": _read_feed, ".rss": _read_feed, ".atom": _read_feed}


def folder_files(folder: Path, seen: set[Path] | None = None) -> Iterator[Path | ArticleError]:
    """The article files (.txt, .jsonl, .html, feeds) in a folder and its subfolders, in
    name order: each folder once however many links lead to it (a link to a parent folder
    is no endless loop), hidden entries left out (`.git`, macOS's `._page.html` copies).
    A folder that cannot be read is an ArticleError naming it."""
    seen = set() if seen is None else seen
    try:
        real = folder.resolve()
        entries = sorted(folder.iterdir())
    except OSError as error:
        yield ArticleError(f"{folder}: cannot read ({error.strerror or error})")
        return
    if real in seen:
        return
    seen.add(real)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from folder_files(entry, seen)
        elif entry.suffix.lower() in _READERS:
            yield entry if _regular_or_missing(entry) else ArticleError(
                f"{entry}: not a regular file (a pipe, socket or device), left out")


def _regular_or_missing(path: Path) -> bool:
    """False for a pipe, socket or device (a link to one too): in a folder, reading a pipe
    would wait for a writer forever. A link to nothing is read, and reported, as before."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def _other_files(folder: Path) -> list[str]:
    """The kinds (suffixes) of the files ingest leaves out in `folder` and its subfolders,
    hidden ones aside, commonest first."""
    kinds: collections.Counter[str] = collections.Counter()
    for _root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        kinds.update(Path(name).suffix.lower() or "(no extension)"
                     for name in files if not name.startswith("."))
    return [kind for kind, _ in kinds.most_common()]


def _walk(folder: Path) -> Iterator[Article | Unparsed | ArticleError]:
    found = False
    for entry in folder_files(folder):
        found = True
        if isinstance(entry, ArticleError):
            yield entry
        else:
            yield from _READERS[entry.suffix.lower()](entry)
    if not found and (others := _other_files(folder)):
        # "added 0" alone would leave the reader guessing why a folder of .docx gave nothing
        hint = (f"; .json archives are read when named: marsad ingest {folder / '*.json'}"
                if ".json" in others else "")
        yield ArticleError(f"{folder}: no article files in it, only {', '.join(others[:5])}"
                           f"{' …' if len(others) > 5 else ''} (ingest reads .txt, .jsonl, "
                           f".html, .htm and .xml/.rss/.atom feeds){hint}")


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")  # ftp://, file://: a URL, not a path
# An address copied without its scheme («www.site.com/news/1», «site.com/a»): a host with a
# dot before the first slash, or www.; told how to give it when no such file is there.
_BARE_HOST = re.compile(r"www\.|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?::\d+)?/",
                        re.IGNORECASE)


def read_articles(paths: Iterable[Path | str]) -> Iterator[Article | Unparsed | ArticleError]:
    """What `iter_articles` yields, with the parsing of .txt pages and JSONL lines left to
    the consumer (`Unparsed`): `Marsad.ingest` parses in its worker processes."""
    for item in paths:
        path = Path(item)
        if isinstance(item, str) and _SCHEME.match(item) and not path.exists():
            yield ArticleError(f"{item}: only http:// and https:// addresses are fetched "
                               "(a file on this machine: give its path)")
        elif path.is_dir():
            yield from _walk(path)
        elif not path.exists():
            yield ArticleError(f"{path}: no such file or folder" + (
                f"; a web page is fetched by its whole address: https://{item}"
                if isinstance(item, str) and _BARE_HOST.match(item) else ""))
        elif path.suffix.lower() in _READERS:
            yield from _READERS[path.suffix.lower()](path)
        elif path.suffix.lower() == ".json":  # named only: a folder's .json is no article
            yield from _read_json_archive(path)
        else:
            yield ArticleError(f"{path}: unsupported file type (use .txt, .jsonl, .json, "
                               ".html, .htm, or an .xml/.rss/.atom feed)")


def iter_articles(paths: Iterable[Path | str]) -> Iterator[Article | ArticleError]:
    """Articles from .txt/.jsonl/.html files, feed files and folders of them; problems are
    yielded, not raised."""
    for item in read_articles(paths):
        if isinstance(item, Unparsed):
            try:
                item = item.parse()
            except ArticleError as error:
                item = error
        yield item
