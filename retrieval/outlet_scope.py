"""Questions that name an outlet: «ماذا قالت سكاي نيوز عن الهدايا؟», «حسب صحيفة الاتحاد …».

A reader who names an outlet wants that outlet's coverage, not the best passage of any
outlet. `find_scope` reads the outlet out of the question, against the outlets the coverage
holds: the name after an attribution (`حسب`, `وفق`, `قالت`, `نشرت`, `صحيفة` …), its generic
words (`صحيفة`, `قناة`, `نيوز`, `عربية` …) aside, or an outlet's full name of two words or
more anywhere. A well-known outlet named that way but absent from the coverage is reported
(`missing`), so the reader is told so instead of being shown other outlets' words as its.
A name after an attribution that is no outlet («حسب بيسكوف») leaves the question as it is.
Dialect questions often name the outlet first («سكاي نيوز قالت إيه عن الهدايا؟», «صحيفة
الاتحاد شو كتبت…»): a question that starts with an outlet's name followed by a verb of
saying (a question word between them allowed) is read the same way; the verbs and question
words are the dialects' commonest, written from knowledge of them, not from a question set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .agencies import AGENCIES, agency_named, outlet_agencies
from .dates import fold

# Words that say what kind of outlet a name is, not which one.
_GENERIC_WORDS = (
    "صحيفة", "جريدة", "موقع", "قناة", "وكالة", "شبكة", "مجلة", "إذاعة", "تلفزيون", "بوابة",
    "عربية", "عربي", "نيوز", "أخبار", "إخبارية", "الإخبارية", "الإخباري", "news", "arabic",
    "arabia", "tv", "online", "نت", "net", "إف إم", "fm", "راديو", "أونلاين", "تي في",
    "-", "–", "—", "|", "/")  # العربية.نت is العربية
# Of those, the words that say only what kind of outlet it is (a paper, a channel, a site, a
# radio), not part of its title: beside them the one other word is the outlet's own name
# («السومرية نيوز», «موزاييك إف إم», «صحيفة الاتحاد»), as «أخبار» or «الإخبارية» are not
# («أخبار القاهرة», «القاهرة الإخبارية»: «القاهرة» alone is the city).
_KIND_WORDS = (
    "صحيفة", "جريدة", "موقع", "قناة", "وكالة", "شبكة", "مجلة", "إذاعة", "تلفزيون", "بوابة",
    "نيوز", "news", "tv", "online", "نت", "net", "إف إم", "fm", "راديو", "أونلاين", "تي في")
# Attributions after which a reader names an outlet (folded: hamza-less alefs).
_CUE = re.compile(
    r"(?<!\w)(?:(?P<by>ب?حسب|وفق(?:ا|ًا)?|طبقا\s+ل|نقلا\s+عن"
    # «ماذا جاء في الغد», «ما نشر على موزاييك»: a paper or site, where words are printed
    r"|(?:جاء|ورد|وردت|نشر|نشرت|كتب|كتبت|ذكر|ذكرت|قيل|قرات|المنشور|منشور)\s+(?:في|علي)(?=\s))"
    r"|(?P<news>(?:اخر\s+|احدث\s+)?اخبار)|(?P<say>(?:قالت|قال|نشرت|نشر|ذكرت|ذكر|كتبت|كتب|اوردت|اورد|نقلت|نقل|غطت|غطى|تناولت|تناول"
    r"|روت|افادت|افاد|اعلنت|بثت|تقول|يقول|تكتب|يكتب|تنشر|ينشر"
    # dialect: Iraqi گالت, Levantine حكت, and a verb with its object («إيه اللي قالته X»)
    r"|گالت|گال|حكت|حكى)(?:ه|ها)?)(?!\w)"
    r"|صحيفه|صحيفة|جريده|جريدة|موقع|قناه|قناة|وكاله|وكالة|شبكه|شبكة|مجله|مجلة)\s*")
# Where the name after an attribution ends: the topic starts, or the sentence does.
_STOP = frozenset(fold(w) for w in (
    "عن", "حول", "بشان", "بشأن", "في", "من", "ان", "إن", "أن", "على", "الى", "إلى", "مع",
    "ماذا", "ما", "هل", "كيف", "متى", "اين", "أين", "لماذا", "من", "عندما", "بعد", "قبل",
    "كم",
    # «ماذا أوردت الشروق نقلا عن رويترز …»: a credit follows the name (a stored name
    # going on with it, «صحيفة الاتحاد نقلاً عن تاس», is read whole: `_phrase`)
    "نقلا", "نقلاً"))
_WORD = re.compile(r"[^\s؟?!.,،؛;:«»\"'()\[\]]+")
MAX_NAME_WORDS = 5
MAX_NAMES = 4  # outlets joined by «و» in one question
# Well-known outlets a reader may name, each with the ways readers write it: named after an
# attribution but absent from the coverage, they are reported as missing. Names that are
# also common words (الوطن، الشرق، البيان، الخليج، الرياض، الدستور …) are left out.
KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "الجزيرة": ("الجزيرة", "al jazeera", "aljazeera"),
    "العربية": ("العربية", "al arabiya"),
    "بي بي سي": ("بي بي سي", "بي بي سي عربي", "bbc"),
    "سي إن إن": ("سي إن إن", "سي ان ان", "cnn"),
    "فرانس 24": ("فرانس 24", "فرانس24", "france 24"),
    "روسيا اليوم": ("روسيا اليوم", "آر تي", "ار تي", "rt"),
    "سكاي نيوز عربية": ("سكاي نيوز", "sky news"),
    "الشرق الأوسط": ("الشرق الأوسط",),
    "الأهرام": ("الأهرام",),
    "القدس العربي": ("القدس العربي",),
    "العربي الجديد": ("العربي الجديد",),
    "رويترز": ("رويترز", "reuters"),
    # an agency by its long names and abbreviations too («وكالة الصحافة الفرنسية»,
    # «أ.ف.ب»: dots read as spaces, `_undotted`)
    "فرانس برس": ("فرانس برس", "فرانس بريس", "أ ف ب", "afp", "الصحافة الفرنسية",
                  "الأنباء الفرنسية"),
    "د ب أ": ("د ب أ", "الأنباء الألمانية", "dpa"),
    "تاس": ("تاس", "tass"),
    "ريا نوفوستي": ("نوفوستي", "ريا نوفوستي"),
    "شينخوا": ("شينخوا", "xinhua"),
    "أسوشيتد برس": ("أسوشيتد برس", "اسوشيتد برس"),
    "الميادين": ("الميادين",),
    "المنار": ("المنار",),
    "الحرة": ("الحرة", "alhurra"),
    "دويتشه فيله": ("دويتشه فيله", "dw"),
    "عكاظ": ("عكاظ",),
    "اليوم السابع": ("اليوم السابع",),
    "المصري اليوم": ("المصري اليوم",),
    "هسبريس": ("هسبريس", "hespress"),
    "سبوتنيك": ("سبوتنيك", "sputnik"),
    "الأناضول": ("الأناضول", "anadolu"),
    "تي آر تي": ("تي آر تي", "trt"),
    "يورونيوز": ("يورونيوز", "euronews"),
}


@dataclass(frozen=True)
class OutletScope:
    """What a question says about outlets. `outlets`: the coverage's outlets it named (the
    answer cites only them); `missing`: a well-known outlet it named that the coverage does
    not hold; `rest`: the question without the name, to search."""

    outlets: tuple[str, ...] = ()
    missing: str | None = None
    rest: str = ""


def _words(text: str) -> tuple[str, ...]:
    """Folded words, `ال` (`وال`, `بال`, `فال`, `لل`) taken off, `ة` written `ه`."""
    out = []
    for word in _WORD.findall(fold(text.replace(".", " "))):
        word = re.sub(r"^(?:[وبف]?ال|[وف]?لل)(?=\w{2})", "", word)
        word = re.sub(r"^[وبل]+(?=صحيف|جريد|قنا|وكال|موقع|شبك|مجل|بواب|اذاع)", "", word)  # «لصحيفة»
        out.append(word.replace("ة", "ه"))
    return tuple(out)


_GENERIC = frozenset(w for raw in _GENERIC_WORDS for w in _words(raw))
_KIND = frozenset(w for raw in _KIND_WORDS for w in _words(raw))


def _distinct(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words that say which outlet it is (all of them when each is generic)."""
    own = tuple(w for w in words if w not in _GENERIC)
    return own or tuple(w for w in words if re.search(r"\w", w))


_KNOWN = {_distinct(_words(alias)): name
          for name, aliases in KNOWN_OUTLETS.items() for alias in aliases}
_PREFIXES = frozenset(words[:n] for words in (_words(alias) for aliases in
                      KNOWN_OUTLETS.values() for alias in aliases)
                      for n in range(1, len(words) + 1))


class Outlets:
    """The coverage's outlet names, read for `find_scope` once (not per question): each
    name's words, which outlets hold each distinctive word, and the full names by their
    first word."""

    def __init__(self, names: Iterable[str]) -> None:
        self.words = {name: _words(name) for name in names if name and name.strip()}
        self.exact = {words: name for name, words in self.words.items()}
        self.holding: dict[str, set[str]] = {}
        self.full: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.prefixes = frozenset(words[:n] for words in self.words.values()
                                  for n in range(1, len(words) + 1))
        # each outlet's own one-word name beside words of its kind only: «سومريه» of
        # «السومرية نيوز»; named where an outlet goes, it is that outlet (`_name_at`)
        self.brands: dict[tuple[str, ...], set[str]] = {}
        for name, words in self.words.items():
            own = [w for w in words if w not in _KIND and re.search(r"\w", w)]
            if len(own) == 1 and own[0] not in _GENERIC:
                self.brands.setdefault((own[0],), set()).add(name)
            # «العربي - أ ف ب»: an outlet and the agency it credits; its own words before
            # the dash name it where an outlet goes, generic as they are («حسب العربي»)
            if "-" in words and (dash := words.index("-")) and agency_named(
                    " ".join(words[dash + 1:])) and all(w not in _KIND for w in words[:dash]):
                self.brands.setdefault(words[:dash], set()).add(name)
        for name, words in self.words.items():
            for word in _distinct(words):
                self.holding.setdefault(word, set()).add(name)
            if len([w for w in words if re.search(r"\w", w)]) >= 2:
                self.full.setdefault(words[0], []).append((words, name))

    def holding_all(self, said: tuple[str, ...]) -> tuple[str, ...]:
        """The outlets whose names hold every distinctive word of `said`, however few: for
        a well-known outlet's own name («رويترز» in «قناة الأفق - رويترز»)."""
        own = set(_distinct(said))
        if not own:
            return ()
        return tuple(sorted(set.intersection(*(self.holding.get(w, set()) for w in own))))

    def naming(self, said: tuple[str, ...]) -> tuple[str, ...]:
        """The outlets whose distinctive words include all of `said`'s, in name order, when
        `said` names them plainly: their whole name, two distinctive words or more («أ ف ب»),
        or one with a word of the kind the name has («سكاي نيوز», «صحيفة الاتحاد»). One
        word alone is often a common noun or a place («الاتحاد», «القاهرة» for «أخبار
        القاهرة»: «ماذا قالت القاهرة» asks what Egypt said): it names no outlet."""
        own = set(_distinct(said))
        if not own:
            return ()
        found = set.intersection(*(self.holding.get(w, set()) for w in own))
        return tuple(sorted(name for name in found if said == self.words[name] or len(own) > 1
                            or any(w in _GENERIC and w in self.words[name] for w in said)))

    def only_named(self, text: str) -> str | None:
        """The outlet `text` is nothing but the name of («سكاي نيوز» for «سكاي نيوز عربية»:
        the same distinctive words, generic ones aside); None when it says anything else."""
        said = _words(text)
        own = set(_distinct(said))
        found = [n for n in self.naming(said) if set(_distinct(self.words[n])) == own]
        return found[0] if len(found) == 1 else None

    def named_in(self, asked: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
        """The first outlet whose full name (two words or more) stands in `asked`."""
        for i, word in enumerate(asked):
            for words, name in self.full.get(word, ()):
                if asked[i:i + len(words)] == words:
                    return name, words
        return None


def find_scope(question: str, outlets: Outlets | Iterable[str]) -> OutletScope | None:
    """The outlets `question` names (None: it names none). Cheap when it has no attribution:
    a regex scan, then a dictionary look-up per word (build `Outlets` once and pass it).
    Names joined by «و» are all taken: «ماذا قالت سكاي نيوز وصحيفة الاتحاد عن …»."""
    if not isinstance(outlets, Outlets):
        outlets = Outlets(outlets)
    question = _undotted(question)
    folded = fold(question)
    for cue in _CUE.finditer(folded):
        phrase, joins = _phrase(folded, cue.end(), outlets)
        # «حسب X», «ماذا قالت X عن …»: the attribution goes with the name; searched, the
        # verb made «قال» a topic word and «ماذا قال» a question about a quotation
        # (a kind word that cues the name is taken out with it: «صحيفة الاتحاد، …»)
        said: tuple[str, ...] = _words(
            cue["by"] or cue["say"] or ("" if cue["news"] else cue.group()))
        if not (cue["by"] or cue["say"] or cue["news"]) and (
                before := _WORD.findall(folded[:cue.start()])[-1:]) and (
                verb := _CUE.fullmatch(before[0])) and verb["say"]:
            # «ماذا نقل موقع العربي عن …»: the verb before the outlet's kind word is the
            # outlet's saying, taken out with its name as after «ماذا قالت X»
            said = _words(before[0]) + said
        held: list[str] = []
        missing = None
        at = 0
        # «أخبار روسيا اليوم» is as often Russia's news today: only the coverage's outlets
        known = not cue["news"]
        while (named := _name_at(phrase[at:_next(joins, at, len(phrase))], outlets, known,
                                 brands=True)):
            n, names, absent = named
            said += phrase[at:at + n]
            held += [name for name in names if name not in held]
            missing = missing or absent
            at += n
            if at not in joins:  # «… وصحيفة الاتحاد»: another name follows
                break
        if held or missing:
            # «بحسب X، ماذا قال بوتين»: after an attribution the verb is another speaker's
            verb = _said_after(folded, phrase[:at]) if not (cue["say"] or cue["by"]) else None
            rest = _without(question, said)
            rest = _without(rest, verb) if verb else rest
            return OutletScope(tuple(held), missing, _without_credits(rest, tuple(held)))
    first = _name_first(question, folded, outlets)
    if first is not None:
        return first
    full = outlets.named_in(_words(question))  # an outlet's full name, anywhere
    return OutletScope((full[0],), None, _without(question, full[1])) if full else None


# Words a question puts before the agency whose copy a named outlet printed: «نقلا عن»,
# «عن», «وفق», «حسب» (folded by `_words`), perhaps with «وكالة».
_CREDIT_CUES = (("نقلا", "عن"), ("عن",), ("وفق",), ("حسب",), ("بحسب",))
_AGENCY_WORD = _words("وكالة")


def _without_credits(rest: str, held: tuple[str, ...]) -> str:
    """`rest` without the credit of the agency a named outlet printed: «ماذا نقل موقع العربي
    عن فرانس برس بشأن …», «حسب العربي نقلاً عن أ ف ب، …» ask العربي - أ ف ب's account,
    and «عن فرانس برس» says whose copy it printed; searched, its words are a topic no
    passage of that outlet holds (its articles credit the agency in the outlet's name).
    Found by that agency («ماذا ذكر تقرير العربي نقلا عن أ ف ب عن …»), the outlet's own
    name said again after what it is («ذكر تقرير العربي») is no topic either."""
    own, credits = _credit_phrases(held)
    return _without_first(_without_first(rest, own), credits)


# Words a reader puts before an outlet's own name: its verb of saying, then what it is.
_REPORTS = tuple(_words(w) for w in ("تقرير", "موقع", "صحيفة", "جريدة", "قناة"))
_SAYS = tuple(_words(w) for w in (
    "ذكر", "ذكرت", "نقل", "نقلت", "أورد", "أوردت", "قال", "قالت", "نشر", "نشرت", "كتب", "كتبت"))


@lru_cache(maxsize=256)
def _credit_phrases(held: tuple[str, ...]
                    ) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """(a named outlet's own name after what it is, the credits of the agencies the named
    outlets' names credit), each as `_words` gives them, in the order they are tried."""
    own = []
    for name in held:
        words = _words(name)
        if "-" in words and (mine := words[:words.index("-")]):
            own += [(*say, *report, *mine) for report in _REPORTS for say in (*_SAYS, ())]
    credits = []
    for agency in sorted({a for name in held for a in outlet_agencies(name)}):
        forms = sorted({_words(f) for f in (agency, *AGENCIES.get(agency, ()),
                                            *KNOWN_OUTLETS.get(agency, ()))}, key=len,
                       reverse=True)
        credits += [(*cue, *kind, *form) for form in forms for cue in _CREDIT_CUES
                    for kind in (_AGENCY_WORD, ())]
    return tuple(own), tuple(credits)


# An abbreviation's dotted letters («أ.ف.ب», «د. ب. أ»): the letters of one name, not words
# ending a sentence
# (letters only: «3.5%» is a number)
_DOTTED_LETTER = re.compile(r"(?<!\w)([^\W\d])\.\s*(?=[^\W\d](?:\W|$))")


# a name quoted after the word of its kind: «وكالة «تاس» الروسية»
_QUOTED = re.compile(r"((?:^|\s)[وبل]?(?:ال)?(?:وكال|صحيف|جريد|قنا|موقع)[ةه]?\s*)«([^«»]{1,40})»")


def _undotted(question: str) -> str:
    """`question` with an abbreviation's dots made spaces and the quotes around a name after
    its kind's word taken off: «حسب أ.ف.ب، …» -> «حسب أ ف ب، …», «وكالة «تاس»» -> «وكالة
    تاس»."""
    return _QUOTED.sub(r"\1\2", _DOTTED_LETTER.sub(r"\1 ", question))


# Question words a reader may put between an outlet named first and the verb of saying
# («سكاي نيوز شو حكت عن …»), MSA and dialect, folded.
_ASKING = frozenset(fold(w) for w in (
    "ماذا", "ما", "شو", "ايش", "إيش", "وش", "ويش", "شنو", "اشنو", "اش", "ايه", "إيه"))


def _said_after(folded: str, name: tuple[str, ...]) -> tuple[str, ...] | None:
    """The verb of saying (as `_words` gives it) right after the outlet `name` in the folded
    question, a question word between them allowed («سكاي نيوز قالت إيه، صحيفة الاتحاد شو
    كتبت»); None when none follows it, or when a subject of its own follows the verb
    (anything but a stop or question word: «صحيفة الاتحاد، ماذا قال بوتين» asks Putin's
    words, and «قال» is kept for the speaker cue)."""
    words = _WORD.findall(folded)
    seen = [_words(w) for w in words]
    for i in range(len(words)):
        j, k = i, 0
        while j < len(words) and k < len(name) and seen[j] and \
                tuple(name[k:k + len(seen[j])]) == seen[j]:
            k, j = k + len(seen[j]), j + 1
        if k < len(name) or not name:
            continue
        if j < len(words) and words[j] in _ASKING:
            j += 1
        if j < len(words) and (cue := _CUE.fullmatch(words[j])) and cue["say"] and (
                j + 1 == len(words) or words[j + 1] in _STOP or words[j + 1] in _ASKING):
            return _words(words[j])
        return None  # none, or it has its own subject: «صحيفة الاتحاد: ماذا قال بوتين عن …»
    return None


def _name_first(question: str, folded: str, outlets: Outlets) -> OutletScope | None:
    """An outlet named before the verb of saying, as dialect questions often put it
    («سكاي نيوز قالت إيه عن الهدايا؟», «سكاي نيوز شو حكت عن …»): the outlet, and the
    question without its name and the verb; None when the question does not start so."""
    phrase, _ = _phrase(folded, 0, outlets)
    named = _name_at(phrase, outlets)
    if named is None:
        return None
    n, held, missing = named
    verb = _said_after(folded, phrase[:n])
    if verb is None:
        return None
    return OutletScope(held, missing, _without(_without(question, phrase[:n]), verb))


def _next(joins: set[int], at: int, end: int) -> int:
    """Where the name that starts at `at` must end: at the next «و»-joined name."""
    return min((j for j in joins if j > at), default=end)


def _name_at(phrase: tuple[str, ...], outlets: Outlets, known: bool = True,
             brands: bool = False) -> tuple[int, tuple[str, ...], str | None] | None:
    """The longest run of words at the start of `phrase` that names an outlet: (its length,
    the coverage's outlets it names, or the well-known outlet it names that the coverage
    lacks, when `known`); None when it names none. `brands`: `phrase` stands where an
    outlet goes (after «حسب», «ماذا قالت», «جاء في»), so an outlet's own one word names it
    too («السومرية» for «السومرية نيوز»); named first, before a verb, it is often a place."""
    for n in range(len(phrase), 0, -1):
        said = phrase[:n]
        if n < len(phrase) and said[-1] not in _GENERIC and _distinct(said) not in _KNOWN \
                and said not in outlets.exact:
            continue  # «الاتحاد الأوروبي» is not «الاتحاد»; «سكاي نيوز اللقاء» is
        # where an outlet goes, its own one word names it too («ماذا قالت السومرية»)
        hits = outlets.naming(said) or tuple(sorted(outlets.brands.get(said, ()) if brands
                                                     else ()))
        name = _KNOWN.get(_distinct(said)) if known else None
        # «حسب AFP», «ماذا قالت هسبريس»: held under another of its names too (a site's
        # pages name it «Hespress» in one place, «هسبريس» in another), or missing
        held = tuple(o for alias in (name, *KNOWN_OUTLETS[name])
                     for o in outlets.holding_all(_words(alias))) if name else ()
        if hits or held:
            return n, tuple(dict.fromkeys((*hits, *held))), None
        if name is not None:
            return n, (), name
    return None


def _phrase(folded: str, start: int, outlets: Outlets) -> tuple[tuple[str, ...], set[int]]:
    """The words (as `_words` gives them) of the folded question from `start` up to a stop
    word or punctuation: the outlet's name as the reader wrote it, at most MAX_NAME_WORDS;
    and where a word joined by «و» starts (its «و» taken off: «وصحيفة», «والجزيرة»)."""
    words: list[str] = []
    joins: set[int] = set()
    end = start
    for match in _WORD.finditer(folded, start):
        if words and re.search(r"[؟?!.,،؛;:«»()]", folded[end:match.start()]):
            break
        raw = match.group()
        part = tuple(words[max(joins, default=0):])
        if (raw in _STOP and (*part, *_words(raw)) not in _PREFIXES
                and (*part, *_words(raw)) not in outlets.prefixes) \
                or len(part) == MAX_NAME_WORDS:
            break  # a stop word, unless it goes on a name («سي إن إن»)
        if words and raw.startswith("و") and len(raw) > 2:
            if len(joins) == MAX_NAMES - 1:
                break
            joins.add(len(words))
            raw = raw[1:]
        words.extend(_words(raw))
        end = match.end()
    return tuple(words), joins


def _without(question: str, name: tuple[str, ...]) -> str:
    """`question` with the first run of `name`'s words taken out (a word joined by «و»
    matched without it), the rest as written."""
    return _without_first(question, (name,))


def _without_first(question: str, names: Sequence[tuple[str, ...]]) -> str:
    """`question` without the first run of the first of `names` it holds (`_without`),
    its words folded once for them all."""
    written = question.split()
    folded = [_words(w) for w in written]
    bare = [_words(w[1:]) if w.startswith("و") and len(w) > 2 else () for w in written]
    present = {x for forms in (*folded, *bare) for x in forms}
    for name in names:
        if not present.issuperset(name):
            continue
        for i in range(len(written)):
            j, k = i, 0
            while j < len(written) and k < len(name):
                if not folded[j]:
                    j += 1
                    continue
                for form in (folded[j], bare[j]):
                    if form and tuple(name[k:k + len(form)]) == form:
                        k += len(form)
                        break
                else:
                    break
                j += 1
            if k >= len(name):
                return " ".join(written[:i] + written[j:])
    return question
