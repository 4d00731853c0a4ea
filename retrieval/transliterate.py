"""Latin letters to Arabic ones, for names typed in Latin (Putin, Kim Jong Un, Vostochny).

A reader types «ماذا أهدى Putin لـ Kim؟»; the coverage writes بوتين and كيم. This module
only spells a Latin word in Arabic letters, the way the Arabic press transliterates foreign
names (p -> ب, v -> ف, g -> غ, ch -> تش, a long vowel for each written vowel). Which
spelling the corpus really uses is decided elsewhere: the candidates are matched against
the vocabulary by the spelling-variant machinery (variants.py: skeletons, split compounds,
near terms), so nothing here knows any particular name.

German, French and Dutch spellings are read the English way first (Wostotschny, Vostotchny,
Poetin); an Arabic name's initial ع, which Latin letters cannot write, is a sound-alike
choice (Obeidi -> عبيدي). Names the press translates rather than transliterates (KCNA,
Roscosmos, White House) are in TRANSLATED, and Arabizi (franco-arab: 3ala, ra7, shu) has
its own readings (`arabizi_spellings`; its one- and two-letter particles w, l, b, 3a in
ARABIZI_PARTICLES, and «eh», Egyptian إيه, read as a word; French words typed in a Darija
question, lgant, in LOANWORDS): the tables are general knowledge of how these names and
Arabizi are written, not taken from any evaluation set. A long Arabizi word's readings are
listed fewest departures from the commonest letters first (mo7adatat: محادثات is among
them), not cut in letter order.

Several candidates per word: every vowel written as a long letter (بوتين, لافروف), then
each choice of the short vowels a/e between consonants left unwritten (Kremlin -> كرملين,
Merkel -> ميركل), as Arabic spelling often does.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import combinations, product

__all__ = ["ARABIZI_PARTICLES", "EXONYMS", "LATIN_WORD", "LOANWORDS", "TRANSLATED",
           "arabic_spellings",
           "arabizi_readings", "arabizi_spellings", "hamza_seated", "is_arabizi",
           "sound_alike_spellings", "unaccented"]

LATIN_WORD = re.compile("[a-z]+")  # normalized (lowercased) Latin letters only

# Longest first within each starting letter: tried in this order at each position.
_DIGRAPHS: dict[str, str] = {
    "sh": "ش", "ch": "تش", "kh": "خ", "gh": "غ", "th": "ث", "ph": "ف", "zh": "ج",
    "ts": "تس", "ck": "ك", "qu": "كو", "oo": "و", "ee": "ي", "ou": "و", "ai": "اي",
    "ay": "اي", "ei": "ي", "ey": "ي", "oi": "وي", "oy": "وي", "yu": "يو", "ya": "يا",
    "yo": "يو", "dj": "ج", "oe": "و",  # Dutch oe (Poetin)
}
_LETTERS: dict[str, str] = {
    "a": "ا", "b": "ب", "c": "ك", "d": "د", "e": "ي", "f": "ف", "g": "غ", "h": "ه", "i": "ي",
    "j": "ج", "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "و", "p": "ب", "q": "ق", "r": "ر",
    "s": "س", "t": "ت", "u": "و", "v": "ف", "w": "و", "x": "كس", "y": "ي", "z": "ز",
}
_VOWELS = frozenset("aeiou")
_SHORT = frozenset("ae")  # the vowels Arabic spelling most often leaves unwritten
_SOFT_C = frozenset("eiy")  # c before these sounds as s (Mercedes, Nice)
_ALEF = "ا"
_AIN = "ع"
_MIN_LETTERS = 2
MAX_SPELLINGS = 8


def unaccented(word: str) -> str:
    """`word` with the accents of its Latin letters dropped (Sergueï -> Serguei, Corée ->
    Coree, Pékin -> Pekin), so that a name typed the French or German way is spelled like
    any other; other characters are kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def _spell(word: str, dropped: frozenset[int]) -> str:
    """`word` in Arabic letters, leaving out the short vowels at the positions `dropped`."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if i + 1 < n and word[i + 1] == ch and ch not in _VOWELS:  # ss, ll: one letter
            i += 1
            continue
        pair = word[i:i + 2]
        if i == 0 and ch in _VOWELS:  # a word-initial vowel sits on an alef (Un -> اون)
            out.append(_ALEF)
            if ch in _SHORT and pair not in _DIGRAPHS:
                i += 1
                continue
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        if ch == "w" and i == n - 1 and out:  # Moscow: a final w only lengthens the vowel
            i += 1
            continue
        if i in dropped:
            i += 1
            continue
        if ch == "c" and i + 1 < n and word[i + 1] in _SOFT_C:
            out.append("س")
        else:
            out.append(_LETTERS[ch])
        i += 1
    spelled = "".join(out)
    # a vowel letter doubled by the rules above (Moscow -> موسكوو) is written once
    return re.sub("([اوي])\\1+", "\\1", spelled)


# German and French spellings of a sound English writes with fewer letters (Wostotschny,
# Vostotchny: Vostochny; Schoigu: Shoigu), read the English way.
_GERMAN = (("tsch", "ch"), ("tch", "ch"), ("sch", "sh"))


def _read(word: str) -> str:
    """`word` with its German and French letter groups written the English way."""
    for group, usual in _GERMAN:
        word = word.replace(group, usual)
    return word


def arabic_spellings(word: str) -> list[str]:
    """Arabic-letter spellings of a lowercased Latin word, most literal first: every vowel
    written, then each choice of short vowels (a, e) inside the word left unwritten (at
    most MAX_SPELLINGS). None for a word of fewer than two letters or with other
    characters (digits, accents)."""
    if len(word) < _MIN_LETTERS or not LATIN_WORD.fullmatch(word):
        return []
    word = _read(word)
    inner = [i for i in range(1, len(word) - 1) if word[i] in _SHORT
             and word[i - 1] not in _VOWELS and word[i + 1] not in _VOWELS]
    choices = sorted((frozenset(c) for r in range(len(inner) + 1)
                      for c in combinations(inner, r)), key=len)[:MAX_SPELLINGS]
    spellings = [_spell(word, c) for c in choices]
    if word.startswith("ou") and len(word) >= _OU_LETTERS:
        # French spelling of a Maghrebi or West African name writes و as «ou» (Ouartani
        # الورتاني, Ouahrani الوهراني, Ouattara واتارا); a shorter word (our, out) is no name
        spellings += arabic_spellings("w" + word[2:])[:_OU_SPELLINGS]
    return list(dict.fromkeys(spellings))


_OU_SPELLINGS = 2  # the French «ou» read as و: its most literal spellings
_OU_LETTERS = 5


_HAMZA = "\u0621"  # ء: analysis.normalize writes ؤ and ئ so
_SEAT_PAIR = re.compile("(?=([\u0627\u0648\u064a]{2}))")  # two long-vowel letters side by side
MAX_SEATS = 2  # a spelling with more vowel pairs is no word with a hamza (aiaiai typed)


def hamza_seated(spelling: str) -> list[str]:
    """`spelling` (normalized Arabic letters read from Latin ones) with a hamza where
    Latin letters can only write the vowel of its seat: one letter of two vowel letters
    side by side (ا و ي) made ء, the second first. Fouad -> فواد -> فءاد (فؤاد), Arabizi
    fayda -> فايده -> فاءده (الفائدة), Raouf -> راوف -> رءوف (رؤوف), qa2ed aside. Empty
    when the spelling has no such pair, or more than MAX_SEATS (each costs the caller a
    look-up per reading); which is a word the caller decides."""
    pairs = list(_SEAT_PAIR.finditer(spelling))
    if len(pairs) > MAX_SEATS:
        return []
    out: list[str] = []
    for m in pairs:
        i = m.start()
        out += [spelling[:i + 1] + _HAMZA + spelling[i + 2:],
                spelling[:i] + _HAMZA + spelling[i + 1:]]
    return list(dict.fromkeys(o for o in out if not o.startswith(_HAMZA)))


# --------------------------------------------------------------------------- other choices

# The press's other choices for a Latin letter or group, beside `_spell`'s (costlier later):
# emphatic consonants (Tehran -> طهران, Riyadh -> الرياض, Doha -> الدوحة, Ankara -> أنقرة),
# g and j as ج (Georgia), th as ت or ذ, and vowels written otherwise or not at all
# (Trump -> ترامب, Biden -> بايدن, London -> لندن, Dubai -> دبي).
_OTHER_CONSONANTS: dict[str, tuple[str, ...]] = {
    "t": ("ط",), "d": ("ض",), "s": ("ص", "ز"), "k": ("ق",), "c": ("ق",), "q": ("ك",),
    "h": ("ح", ""), "z": ("ظ", "س", "تس"), "j": ("ي",), "x": ("كس",),
    "th": ("ت", "ذ"), "dh": ("ذ", "ض", "د"), "ch": ("ش", "ك", "خ"), "zh": ("ز",),
    "sch": ("ش",), "ts": ("تز",), "ph": ("ب",), "kh": ("ك",), "gh": ("ج", "غ"),
    "ng": ("ن", "نج"), "w": ("ف",),  # German w (Wladiwostok, Lawrow)
}
_SOFT_G = ("ج",)  # g before e, i, y (George, Georgia); a hard g is never ج here (goal)
_USUAL = {**_DIGRAPHS, **_LETTERS, "sch": "ش", "dh": "ذ", "ng": "نغ", "ie": "ي", "yi": "ي",
          "ea": "ي"}
# Single vowels may go unwritten; long ones (ee, oo, ou, ea) are always written.
_OTHER_VOWELS: dict[str, tuple[str, ...]] = {
    "a": ("", "ي"), "e": ("", "ا"), "i": ("", "اي", "ا"), "o": ("", "ا"), "u": ("", "ا"),
    "y": ("",), "ai": ("ي", ""), "ay": ("ي",), "ei": ("اي",), "ey": ("اي",),
    "ya": ("ي",), "yo": ("ي",), "yu": ("ي",), "ie": ("يي", "اي"), "yi": ("يي",),
    "ea": ("يا",),
}
_FINAL_VOWELS: dict[str, tuple[str, ...]] = {"a": ("ه", ""), "e": ("", "ه"), "y": ("ي",)}
_GROUPS = sorted({*_OTHER_CONSONANTS, *_OTHER_VOWELS, *_DIGRAPHS}, key=len, reverse=True)
MIN_SOUNDS_LETTERS = 4  # shorter words are too ambiguous to spell in other ways
MAX_SOUND_SPELLINGS = 512
_DOUBLED = re.compile("([او])\\1+")  # موسكوو, but كييف keeps its two ي
_LETTERS_PER_DEPARTURE = 3  # a name departs from the usual letters once per 3 letters, + 1


def _segments(word: str) -> list[tuple[str, ...]]:
    """`word` cut into letters and letter groups, each with its Arabic choices: the usual
    one first (as `_spell` writes it), then the others."""
    out: list[tuple[str, ...]] = []
    i, n = 0, len(word)
    while i < n:
        if i + 1 < n and word[i + 1] == word[i] and word[i] not in _VOWELS:  # ss, ll
            i += 1
            continue
        group = next(g for g in (*_GROUPS, word[i]) if word.startswith(g, i))
        usual = _USUAL[group]
        if group == "c" and word[i + 1:i + 2] in _SOFT_C:
            usual = "س"
        others = _OTHER_CONSONANTS.get(group, ()) + _OTHER_VOWELS.get(group, ())
        if group == "g" and word[i + 1:i + 2] in _SOFT_C:
            others = _SOFT_G
        if i + len(group) == n:
            others = _FINAL_VOWELS.get(group, ()) + others
            if group == "w":
                usual = ""
        choices = tuple(dict.fromkeys((usual, *others)))
        if i == 0 and group[0] in _VOWELS:  # a word-initial vowel sits on an alef, or
            # is an Arabic name's ع, which Latin letters cannot write (Obeidi, Omar, Abbas)
            choices = tuple(dict.fromkeys([*(_ALEF + c for c in choices),
                                           *(_AIN + c for c in choices)]))
        out.append(choices)
        i += len(group)
    return out


def sound_alike_spellings(word: str, limit: int = MAX_SOUND_SPELLINGS) -> list[str]:
    """Arabic spellings of a lowercased Latin name beyond `arabic_spellings`', fewest
    departures from the usual letters first (at most `limit`, and one departure per three
    letters plus one: an English word is not bent into some Arabic word, meeting -> متن):
    each letter group may take the press's other choices (طهران, بايدن, لندن, الدوحة).
    For names the usual spelling misses; the vocabulary decides which, if any, is real.
    None under MIN_SOUNDS_LETTERS letters or for other characters."""
    if len(word) < MIN_SOUNDS_LETTERS or not LATIN_WORD.fullmatch(word):
        return []
    word = _read(word)
    segments = _segments(word)
    budget = 1 + len(word) // _LETTERS_PER_DEPARTURE
    open_at = [i for i, s in enumerate(segments) if len(s) > 1]
    out: list[str] = []
    for departures in range(budget + 1):
        for at in combinations(open_at, departures):
            for others in product(*(segments[i][1:] for i in at)):
                letters = [s[0] for s in segments]
                for i, other in zip(at, others, strict=True):
                    letters[i] = other
                out.append(_DOUBLED.sub("\\1", "".join(letters)))
                if len(out) >= limit:
                    return list(dict.fromkeys(out))
    return list(dict.fromkeys(out))


# --------------------------------------------------------------------------- exonyms

# Places the Arabic press calls by a name of its own, not by their sound in English or
# French (Cairo is القاهرة, Beijing بكين, Ukraine أوكرانيا): no spelling rule reaches them.
_EXONYMS = """
egypt egypte مصر | cairo caire القاهرة | alexandria alexandrie الإسكندرية | damascus damas دمشق
syria syrie سوريا | aleppo alep حلب | lebanon liban لبنان | jordan jordanie الأردن
iraq irak العراق | mosul mossoul الموصل | basra bassora البصرة | saudi السعودية
yemen اليمن | morocco maroc المغرب | algeria algerie الجزائر | algiers alger الجزائر
tunisia tunisie تونس | palestine palestine فلسطين | jerusalem jerusalem القدس
mecca mecque مكة | medina medine المدينة | turkey turquie تركيا | greece grece اليونان
athens athenes أثينا | germany allemagne ألمانيا | munich ميونخ | cologne كولونيا
spain espagne إسبانيا | lisbon lisbonne لشبونة | japan japon اليابان | china chine الصين
beijing peking pekin بكين | india inde الهند | ukraine أوكرانيا | england angleterre إنجلترا
netherlands holland hollande هولندا | switzerland suisse سويسرا | austria autriche النمسا
vienna vienne فيينا | sweden suede السويد | norway norvege النرويج | finland finlande فنلندا
poland pologne بولندا | warsaw varsovie وارسو | hungary hongrie المجر | belgium belgique بلجيكا
brussels bruxelles بروكسل | geneva geneve جنيف | rome روما | venice venise البندقية
copenhagen copenhague كوبنهاغن | prague براغ | mexico mexique المكسيك | brazil bresil البرازيل
europe أوروبا | africa afrique أفريقيا | asia asie آسيا | crimea crimee القرم
chechnya tchetchenie الشيشان | azerbaijan azerbaidjan أذربيجان | vatican الفاتيكان
kuwait koweit الكويت | bahrain bahrein البحرين | emirates emirats الإمارات
russia russie russland rusia rossiya روسيا | moscow moscou moskau moskva موسكو
korea coree korea koreas كوريا | washington واشنطن | america amerique amerika أمريكا
britain bretagne بريطانيا | france frankreich فرنسا | pentagon pentagone البنتاغون
nato otan الناتو
"""
EXONYMS: dict[str, str] = {latin: entry.split()[-1] for line in _EXONYMS.strip().splitlines()
                           for entry in line.split("|") for latin in entry.split()[:-1]}
"""Lowercased Latin name (English or French, unaccented) -> the Arabic press's name."""

# Institutions, agencies and places the Arabic press names by a translation, not by their
# sound (KCNA is «وكالة الأنباء المركزية الكورية», a cosmodrome «قاعدة فضائية»): a Latin
# word or phrase of these is replaced by the Arabic words in the question itself.
_TRANSLATED = """
kcna = وكالة الأنباء المركزية الكورية | yonhap = وكالة يونهاب الكورية
roscosmos = وكالة الفضاء الروسية | cosmodrome = قاعدة فضائية | spaceport = قاعدة فضائية
united states = الولايات المتحدة | etats unis = الولايات المتحدة | usa = الولايات المتحدة
white house = البيت الأبيض | maison blanche = البيت الأبيض | state department = الخارجية الأمريكية
north korea = كوريا الشمالية | coree du nord = كوريا الشمالية | nordkorea = كوريا الشمالية
dprk = كوريا الشمالية | south korea = كوريا الجنوبية | coree du sud = كوريا الجنوبية
united nations = الأمم المتحدة | security council = مجلس الأمن | european union = الاتحاد الأوروبي
iaea = الوكالة الدولية للطاقة الذرية | afp = وكالة الصحافة الفرنسية فرانس برس
tass = وكالة تاس | ria novosti = وكالة ريا نوفوستي
pacific fleet = أسطول المحيط الهادئ | red square = الساحة الحمراء
"""
# Arabic given names as they are typed in Latin letters, in their common English and French
# spellings: their sound does not reach the Arabic (Mohammed is not موهاميد, Abdallah two
# words, عبد الله). Written from common usage; names that are also English or French words
# (Said, Ali's «على» twin, Amin) are left out.
_GIVEN_NAMES = """
mohammed = محمد | mohamed = محمد | muhammad = محمد | mohammad = محمد | mohamad = محمد
muhammed = محمد | ahmed = أحمد | ahmad = أحمد | mahmoud = محمود | mahmud = محمود
mustafa = مصطفى | mostafa = مصطفى | moustafa = مصطفى | abdullah = عبد الله
abdallah = عبد الله | abdalla = عبد الله | abdulla = عبد الله | abdulaziz = عبد العزيز
abdelaziz = عبد العزيز | abdel aziz = عبد العزيز | abdul aziz = عبد العزيز
abdulrahman = عبد الرحمن | abdelrahman = عبد الرحمن | abderrahmane = عبد الرحمن
abdel rahman = عبد الرحمن | abdul rahman = عبد الرحمن | abdelfattah = عبد الفتاح
abdel fattah = عبد الفتاح | bin = بن | ibn = ابن | abdulmajid = عبد المجيد
abdelmadjid = عبد المجيد
abdelilah = عبد الإله | abdulkarim = عبد الكريم | abdelkarim = عبد الكريم
abdelkader = عبد القادر | abdulqader = عبد القادر | omar = عمر | umar = عمر
othman = عثمان | osman = عثمان | khaled = خالد | khalid = خالد | youssef = يوسف
yousef = يوسف | yusuf = يوسف | youssouf = يوسف | ibrahim = إبراهيم | brahim = إبراهيم
ismail = إسماعيل | hassan = حسن | hasan = حسن | hussein = حسين | hussain = حسين
husain = حسين | hossein = حسين | houssein = حسين | saleh = صالح | salih = صالح
faisal = فيصل | faysal = فيصل | faycal = فيصل | salman = سلمان | nasser = ناصر
nasir = ناصر | mansour = منصور | mansur = منصور | karim = كريم | kareem = كريم
tarek = طارق | tariq = طارق | walid = وليد | hamad = حمد | tamim = تميم | zayed = زايد
rashid = راشد | rached = راشد | fahd = فهد | sultan = سلطان | khalifa = خليفة
abbas = عباس | hamdan = حمدان | nabil = نبيل | nabih = نبيه | samir = سمير
"""
TRANSLATED: dict[str, str] = {latin.strip(): arabic.strip()
                              for entry in (_TRANSLATED + _GIVEN_NAMES).replace("\n", "|")
                              .split("|")
                              if "=" in entry for latin, arabic in [entry.split("=")]}
"""Lowercased, unaccented Latin name (one or more words) -> the Arabic press's words."""


# --------------------------------------------------------------------------- Arabizi

# Arabizi (franco-arab): dialect typed in Latin letters, digits for the letters Latin lacks
# (3 ع, 7 ح, 2 ء or ق, 5 خ, 6 ط, 8 غ, 9 ق or ص); s, z, t, d also for ث and ذ, which
# Egyptian and Levantine speech says as س، ز، ت، د (mo7adsat: محادثات). Each letter group
# with the Arabic letters it stands for, commonest first; a vowel may be a long letter or
# unwritten. Written from how Arabizi is typed in the Levant, Egypt, the Gulf and the
# Maghreb (ch: ش in Maghrebi).
_ARABIZI: dict[str, tuple[str, ...]] = {
    "3'": ("غ",), "7'": ("خ",), "sh": ("ش",), "ch": ("ش",), "kh": ("خ",), "gh": ("غ",),
    "th": ("ث", "ت"), "dh": ("ذ", "ض"), "aa": ("ا",), "ee": ("ي",), "ii": ("ي",),
    "oo": ("و",), "ou": ("و",), "ei": ("ي",), "ai": ("ي", "اي"), "ay": ("اي", "ي"),
    "2": ("ء", "ق", "ا"), "3": ("ع",), "5": ("خ",), "6": ("ط",), "7": ("ح",), "8": ("غ",),
    "9": ("ق", "ص"), "b": ("ب",), "p": ("ب",), "t": ("ت", "ط", "ث"), "d": ("د", "ض", "ذ"),
    "s": ("س", "ص", "ث"), "z": ("ز", "ظ", "ذ"), "k": ("ك",), "q": ("ق",), "g": ("ج", "ق", "غ"),
    "j": ("ج",), "h": ("ه", "ح"), "r": ("ر",), "l": ("ل",), "m": ("م",), "n": ("ن",),
    "f": ("ف",), "v": ("ف",), "w": ("و",), "y": ("ي",), "x": ("كس",), "c": ("ك",),
    "a": ("ا", ""), "e": ("", "ي", "ا"), "i": ("ي", ""), "o": ("و", ""), "u": ("و", ""),
}
_ARABIZI_GROUPS = sorted(_ARABIZI, key=len, reverse=True)
_ARABIZI_FINAL = {"a": ("ا", "ه", "ي"), "e": ("ه", "ي", "")}
# Arabizi words typed without a digit: the dialects' question words and particles.
_ARABIZI_WORDS = frozenset(re.findall("[a-z0-9]+", """
shu sho shou shoo eish aish esh wein wen fein fen feen leish lesh leh meen mnein ezzay ezay
izzay izay emta imta amta keef kif kifash kifach chno chnou chkoun chkon wach wesh shkad
shgad addesh adesh addeh adeh gaddesh bado biddo baddo bidha ashan 3ashan
eh eih ih shno shnu shlon shloun minu mnu ween wayn
achno achnou ach chnahowa chhal chhall shhal ch7al fin fach imta waqtach dyal dial
dyalo dyalha ghadi ghad bghit bgha bghaw bghat daba bzaf bezzaf walo mnin 3lach 3lash
shin shinu shni shnuwa tawa halba bahi yatu yatoo hasa hassa3 dayir dayer
wesh wish shlonha yabi yabgha abi abgha wayed sij 9a3id gaed ezzai leih keda kedah
ha7a ba3dein ba3den mish msh ma3rafsh eshmeen chkoun chkoune
"""))
# Arabizi words whose letters read better as another word: the pronouns (hwa, hiya: هو،
# هي), «eh» (Egyptian إيه, what; read letter by letter it is آه, yes), the Gulf and
# Maghrebi g of «gal» (قال; Egyptian g is ج), «sar» (صار, happened; not سار, went),
# «merra» (مرة, once; not مرا, woman).
_ARABIZI_READ = {"eh": "ايه", "eih": "ايه", "ih": "ايه", "hwa": "هو", "howa": "هو",
                 "huwa": "هو", "houwa": "هو", "hiya": "هي", "hya": "هي", "heya": "هي",
                 "homa": "هم", "huma": "هم", "houma": "هم", "hna": "هنا", "ach": "اش",
                 "kan": "كان", "kano": "كانوا", "kanu": "كانوا", "kanet": "كانت", "kant": "كانت",
                 "gal": "قال", "galet": "قالت", "galt": "قالت", "galo": "قالوا", "galu": "قالوا",
                 "sar": "صار", "sart": "صارت", "merra": "مرة", "marra": "مرة", "chi": "شي",
                 "kolchi": "كل شيء", "m3a": "مع"}
# French and English words of the news that Maghrebi and Levantine speakers type inside an
# Arabizi question («lgant dyal Putin», «fechlat f satellite»): read as the Arabic word the
# press uses. Only inside a question with an Arabizi word; alone they are French or English.
_LOANWORDS = """
gant gants lgant = قفاز | cadeau kado = هدية | cadeaux kadowat = هدايا | fusil = بندقية
fusils = بنادق | train tran tren = قطار | ministre = وزير | ministres = وزراء
president = رئيس | visite = زيارة | satellite satellites = قمر اصطناعي | avion = طائرة
guerre = حرب | armes = أسلحة | reunion = اجتماع | munitions = ذخيرة | base = قاعدة
"""
LOANWORDS: dict[str, str] = {latin: entry.split("=")[1].strip()
                             for entry in _LOANWORDS.replace("\n", "|").split("|") if "=" in entry
                             for latin in entry.split("=")[0].split()}
"""Lowercased French or English word typed in an Arabizi question -> the Arabic word."""
# The one- and two-letter particles of an Arabizi question (w Kim: and; l/la Kim: to;
# b/bi: in, with; f/fi: in; 3a: on; ad, 2ad: Egyptian «قد» of «قد إيه», how much), typed apart
# from the word they belong to.
ARABIZI_PARTICLES = {"w": "و", "wa": "و", "l": "ل", "la": "ل", "le": "ل", "li": "ل",
                     "lel": "لل", "b": "ب", "bi": "ب", "f": "في", "fi": "في", "3a": "على",
                     "3al": "على", "ma3": "مع", "mn": "من", "men": "من", "min": "من",
                     "lama": "لما", "lamma": "لما", "ad": "اد", "2ad": "قد"}
_ARABIZI_DIGITS = re.compile("[a-z]*[23579][a-z]+|[a-z]{2,}[23579]")
MAX_ARABIZI_SPELLINGS = 256


def is_arabizi(word: str) -> bool:
    """Whether a lowercased Latin word is Arabic typed in Latin letters: a digit among
    letters or after two of them (3ala, ma3a, ra7; not F35, G7, Su57), or one of the
    dialects' commonest question words typed so (shu, wein, leish, ezzay, chno)."""
    return word in _ARABIZI_WORDS or word in _ARABIZI_READ or bool(
        _ARABIZI_DIGITS.fullmatch(word))


def arabizi_spellings(word: str) -> list[str]:
    """Arabic-letter readings of an Arabizi word (a3ta -> اعطا, et2abalo -> اتقابلو),
    commonest letters first, at most MAX_ARABIZI_SPELLINGS; which is a word is decided
    by the caller (the dialect lexicon, the vocabulary). A word-initial vowel sits on an
    alef; a doubled letter is written once."""
    return [reading for _, reading in arabizi_readings(word)]


def arabizi_readings(word: str) -> list[tuple[int, str]]:
    """`arabizi_spellings` with how far each departs from the commonest letters (the number
    of its letters that are not their group's first choice), fewest first: hadaya reads
    هدايا (one vowel unwritten) before هادءيه (a hamza put on a seat as well)."""
    if word in _ARABIZI_READ:
        return [(0, _ARABIZI_READ[word])]
    segments: list[tuple[str, ...]] = []
    i, n = 0, len(word)
    while i < n:
        if i + 1 < n and word[i + 1] == word[i] and word[i] not in "aeiou":  # zz, ss
            i += 1
            continue
        group = next((g for g in _ARABIZI_GROUPS if word.startswith(g, i)), None)
        if group is None:
            return []
        choices = _ARABIZI[group]
        if i + len(group) == n and group in _ARABIZI_FINAL:
            choices = _ARABIZI_FINAL[group]
        if i == 0 and group[0] in "aeiou":
            choices = tuple(dict.fromkeys(_ALEF + c.lstrip(_ALEF) for c in choices))
            if group == "i" and i + 1 < n and word[i + 1] not in _VOWELS:
                choices += ("ي",)  # Maghrebi imchi, igoul: the present's يـ
        segments.append(tuple(enumerate(choices)))
        i += len(group)
    return _cheapest(segments)


def _cheapest(segments: list[tuple[tuple[int, str], ...]]) -> list[tuple[int, str]]:
    """The readings of `segments` (each a tuple of (rank, letters)), fewest departures
    (ranks above 0) first, at most MAX_ARABIZI_SPELLINGS: a long word (mo7adatat) has more
    readings than that, and the likely ones depart little from the commonest letters."""
    out: dict[str, int] = {}
    for budget in range(len(segments) + 1):
        stack: list[tuple[int, int, str]] = [(0, 0, "")]  # (segment, cost so far, letters)
        while stack:
            at, cost, letters = stack.pop()
            if at == len(segments):
                if cost == budget:
                    out.setdefault(letters, cost)
                    if len(out) >= MAX_ARABIZI_SPELLINGS:
                        return sorted(((c, r) for r, c in out.items()), key=lambda r: r[0])
                continue
            for rank, letter in reversed(segments[at]):
                spent = cost + (1 if rank else 0)
                if spent <= budget:
                    stack.append((at + 1, spent, letters + letter))
    return sorted(((c, r) for r, c in out.items()), key=lambda r: r[0])
