"""Where a question's words meet in a passage: in one sentence, within a few words (issue
12: decline near misses).

A passage can hold every content word of a question and still not say what it asks:
«هل سافر بوتين إلى بيونغيانغ على متن قطار مدرع؟» reaches a passage in which Kim travels
by armoured train and Putin is named in another sentence; «متى زار شويغو فلاديفوستوك؟» one
where Shoigu visits Pyongyang and Vladivostok is where Kim went in 2019. What answers
holds the question's words together: its predicate with its names in one sentence, close
to one another. decide.py weighs the share of the question's idf weight that one sentence
(`sentence_share`) and one run of WINDOW_WORDS words (`window_share`) of the passage hold.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

from .analysis import analyze_token, normalize, tokenize
from .countries import nation
from .passages import sentences_of
from .synonyms import synonyms

__all__ = ["WINDOW_WORDS", "direction_swapped", "name_otherwise", "object_acts", "order_swapped",
           "sentence_share", "window_share"]

WINDOW_WORDS = 8  # a run this long holds a short clause: verb, actor, object, place
_CLITICS = tuple(normalize(c) for c in ("ب", "ل", "و", "ف", "ك"))
_ARTICLE = normalize("ال")
VERB_AT = 2  # question words before the verb: «ماذا», «هل», «كيف», «لماذا قد»
# verbs of being: no one acts, and the noun after them is no object («متى كانت رحلة كيم
# السابقة؟», «من سيكون أول كوري في الفضاء؟»)
_BEING = frozenset(normalize(w) for w in (
    "كان", "كانت", "يكون", "تكون", "سيكون", "ستكون", "أصبح", "اصبح", "أصبحت", "يصبح", "صار"))
_TA_MARBUTA = normalize("ة")  # a word ending so is a noun, never a verb
_WORDS_AND_MARKS = re.compile(r"[^\W_]+|[،,:;؛.]")  # words, and the marks ending a clause


@lru_cache(maxsize=1 << 14)
def _positions(text: str) -> tuple[str | None, ...]:
    """The analysed term of each word of `text`, in order (None for a stop word or
    punctuation): positions, so that distances count the words a reader sees."""
    return tuple(analyze_token(token) for token in tokenize(normalize(text)))


def _matcher(weights: Mapping[str, float], aliases: Mapping[str, Collection[str]],
             unheld: Collection[str] = ()) -> dict[str, str]:
    """Passage term -> the question term it says: itself, one of its corpus spellings, a
    word of its class (synonyms.py: منح / أهدى), or either with a preposition or
    conjunction the stemmer keeps (بقيمة holds قيمة), or the question's word without one
    (ببوتين asked, بوتين said). A passage term saying two question
    terms says the weightier. Terms in `unheld` are said by none."""
    says: dict[str, str] = {}
    for term in sorted((t for t in weights if t not in unheld), key=weights.__getitem__):
        forms = {term, *aliases.get(term, ()), *synonyms(term)}
        if term.startswith(_CLITICS) and len(term) > 3:  # ببوتين asked, بوتين said
            forms.add(term[1:])
        for form in forms:
            says[form] = term
            for clitic in _CLITICS:
                says[clitic + form] = term
    return says


def _share(terms: Collection[str], weights: Mapping[str, float], total: float) -> float:
    return sum(weights[t] for t in terms) / total


def sentence_share(text: str, weights: Mapping[str, float],
                   aliases: Mapping[str, Collection[str]], unheld: Collection[str] = ()
                   ) -> float:
    """The largest share of `weights` (question term -> idf) that one sentence of `text`
    holds (0..1; 0 for no weight). Below the passage's own share when the words asked
    about are spread over its sentences. `unheld`: terms not to count though the text has
    them (a name the passage has in another role: decide.py)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    says = _matcher(weights, aliases, unheld)
    return max((_share({says[t] for t in held if t in says}, weights, total)
                for _, held in sentences_of(text)), default=0.0)


def window_share(text: str, weights: Mapping[str, float],
                 aliases: Mapping[str, Collection[str]], unheld: Collection[str] = (),
                 width: int = WINDOW_WORDS) -> float:
    """The largest share of `weights` that `width` consecutive words of `text` hold (0..1):
    the question's words close together, as a clause that says them all would hold them
    («وزير الدفاع الروسي سيرغي شويغو» holds «وزير الدفاع الروسي», not «وزير الدفاع
    الكوري الشمالي» whose «كوريا الشمالية» stands sentences away)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    says = _matcher(weights, aliases, unheld)
    asked: Sequence[str | None] = [says.get(t) if t else None for t in _positions(text)]
    best = 0.0
    for start, term in enumerate(asked):
        if term is None:
            continue  # a run worth weighing starts at a word asked about
        best = max(best, _share({t for t in asked[start:start + width] if t}, weights, total))
    return best


_EACH_OF = tuple(normalize(w) for w in ("كل", "من"))
_PREPOSITIONS = frozenset(normalize(w) for w in (
    "في", "على", "إلى", "الى", "من", "عن", "مع", "عبر", "خلال", "بين", "حول", "لدى", "عند"))


def _governed(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at `at` follows a preposition: an object or a place, never the one
    who acts («وشارك في المناقشات … شويغو» does not make the talks the ones taking part).
    One attached is not enough: «رحب بوتين بكيم» and «أكد كيم لبوتين» mark the other
    party with it, as the question does."""
    return at > 0 and tokens[at - 1] in _PREPOSITIONS


# «أي» and its clitic forms: the word after it names the kind of thing asked
_WHICH = frozenset(normalize(w) for w in ("أي", "بأي", "لأي", "وأي", "فأي"))


def order_swapped(question: str, text: str, weights: Mapping[str, float],
                  aliases: Mapping[str, Collection[str]], span: int = WINDOW_WORDS) -> bool:
    """Whether the passage says the question's first words in the other order after its
    verb: the question «VERB A B» («كيف شكر بوتين كيم؟»: Putin thanks Kim; Arabic puts the
    one who acts right after the verb) and a sentence of `text` has the verb followed,
    within `span` words, by B then A («شكر كيم بوتين»: Kim thanks Putin), and none has A
    then B. Only a question that starts (after its question word) with three words asked
    about, one after the other, the first without the article and no country, the other
    two without it either (names, not a title and its adjective), is read so: «هل شارك
    شويغو في المحادثات؟», «وزير الخارجية الروسي» and «أبدى الضيف الكوري» have no such
    order to swap."""
    tokens = tokenize(normalize(question))
    terms = _positions(question)
    start = next((i for i, t in enumerate(terms) if t is not None), len(terms))
    limit = VERB_AT
    if 0 < start <= VERB_AT and tokens[start - 1] in _WHICH:
        # «أي سلاح منحه بوتين لكيم؟», «في أي يوم التقى الرجلان؟»: the noun after «أي» is
        # the thing asked, no verb; the words after it are read from the next one
        start = next((i for i, t in enumerate(terms) if t is not None and i > start),
                     len(terms))
        limit += 1
    asked = terms[start:start + 3]
    if start > limit or len(asked) < 3 or None in asked or len(set(asked)) < 3 \
            or not all(t in weights for t in asked) or tokens[start].startswith(_ARTICLE) \
            or tokens[start].endswith(_TA_MARBUTA) or not _BEING.isdisjoint(tokens[:start]) \
            or nation(asked[0]) is not None \
            or any(t.startswith(_ARTICLE) for t in tokens[start + 1:start + 3]):
        # «متى كانت رحلة كيم السابقة؟»: a noun after a verb of being, no one acting;
        # «هي كوريا الشمالية فشلت …»: a country first, no verb; «أبدى الضيف الكوري …»:
        # a title and its adjective, not two names whose order tells who acts
        return False  # no verb first, or its words not next to one another
    verb, first, second = asked
    says = _matcher({t: weights[t] for t in (verb, first, second)}, aliases)
    swapped = False
    for sentence, _ in sentences_of(text):
        said = tokenize(normalize(sentence))
        words = [says.get(t) if t and not _governed(said, i) else None
                 for i, t in enumerate(_positions(sentence))]
        for at, word in enumerate(words):
            if word != verb or said[at + 1:at + 3] == list(_EACH_OF):
                continue  # «أهدى كل من بوتين وكيم الآخر»: each acts
            after = [w for w in words[at + 1:at + 1 + span] if w in (first, second)]
            if after[:1] == [first] and second in after:
                return False  # the order asked, somewhere: no swap
            swapped = swapped or (after[:1] == [second] and first in after)
    return swapped


def _bare_word(token: str) -> bool:
    """A content word written without the article: a name or a verb, not a title or its
    adjective («الرئيس الروسي»)."""
    return analyze_token(token) is not None and not token.startswith(_ARTICLE)


def name_otherwise(question: str, text: str, texts: Sequence[str] = ()) -> bool:
    """Whether the question names something in three bare words «A B C» that the coverage
    writes so too (`texts`, the candidates: a person's full name, «كيم جونغ إيل») and the
    passage has «A B» followed by another bare word and C nowhere («كيم جونغ أون»): it
    speaks of someone else who shares a name."""
    asked = tokenize(normalize(question))
    said = tokenize(normalize(text))
    terms = set(_positions(text))
    written: str | None = None  # the candidates' words, read once a triple needs them
    for a, b, c in zip(asked, asked[1:], asked[2:], strict=False):
        if not (_bare_word(a) and _bare_word(b) and _bare_word(c)) or c in terms \
                or analyze_token(c) in terms:
            continue
        if written is None:  # one line per candidate: a triple never spans two
            written = "".join(f" {' '.join(tokenize(normalize(t)))} \n" for t in texts)
        if f" {a} {b} {c} " not in written:
            continue
        if _followed(said, a, b):
            return True
    return False


def _followed(tokens: list[str], a: str, b: str) -> bool:
    """Whether `tokens` hold «a b» followed by a bare word (`_bare_word`): each «a» found
    by list.index, not every position compared in Python."""
    at, stop = -1, len(tokens) - 2
    while True:
        try:
            at = tokens.index(a, at + 1, stop)
        except ValueError:
            return False
        if tokens[at + 1] == b and _bare_word(tokens[at + 2]):
            return True


_WHO = frozenset(normalize(w) for w in ("من", "مين", "منو", "شكون"))
# verbs whose two parties both act (met, gathered, exchanged: «من التقى بوتين؟»): no one
# of them is the object only
_MUTUAL = tuple(normalize(p) for p in ("الت", "اجت", "تبا", "تقا"))
NAME_PARTS = 0.8  # share of a word's occurrences right before a name: a first name


def _first_names(texts: Sequence[str], name: str) -> frozenset[str]:
    """Words that `texts` write right before `name`, twice at least and at least NAME_PARTS
    of the times they write them (فلاديمير before بوتين): parts of the one name, not
    another person («شكر كيم بوتين»)."""
    seen: dict[str, int] = {}
    before: dict[str, int] = {}
    for text in texts:
        tokens = tokenize(normalize(text))
        for token, after in zip(tokens, [*tokens[1:], ""], strict=True):
            seen[token] = seen.get(token, 0) + 1
            if after == name:
                before[token] = before.get(token, 0) + 1
    return frozenset(w for w, n in before.items() if n >= max(NAME_PARTS * seen[w], 2))


def object_acts(question: str, text: str, texts: Sequence[str] = ()) -> bool:
    """Whether the question «من VERB X؟» (who did it to X: «من استقبل بوتين؟») reaches a
    passage in which X is the one doing it: the verb followed by X, past the titles and
    adjectives of X (words with the article) and X's first names («استقبل الرئيس الروسي
    فلاديمير بوتين الزعيم الكوري»: Putin receives), and never by another bare word first
    («شكر كيم بوتين» answers «من شكر بوتين؟»). A verb whose parties both act («من
    التقى بوتين؟») has no one-sided object. `texts`: passages to learn first names from
    (the candidates)."""
    asked = tokenize(normalize(question))
    if len(asked) < 3 or asked[0] not in _WHO or asked[1].startswith(_MUTUAL) \
            or asked[1] in _BEING or not _bare_word(asked[1]) or not _bare_word(asked[2]):
        return False
    verb, name = asked[1], asked[2]
    first = _first_names((*texts, text), name)
    acting = other = False
    for sentence, _ in sentences_of(text):
        said = _WORDS_AND_MARKS.findall(normalize(sentence))
        for at, token in enumerate(said):
            if token != verb and token[1:] != verb:  # «واستقبل»
                continue
            if at and said[at - 1][0].isalnum() and analyze_token(said[at - 1]):
                # the one before the verb does it: «بأن بوتين أعطى كيم», «وتحل النرويج
                # ضيف شرف المعرض» (a name with the article too)
                continue
            for word in said[at + 1:at + 1 + WINDOW_WORDS]:
                if word == name:
                    acting = True
                    break
                if word.startswith(_ARTICLE) or word in first:
                    continue
                other = other or _bare_word(word)
                break
    return acting and not other


_FROM = normalize("من")
_TO = frozenset(normalize(w) for w in ("إلى", "الى", "نحو"))


def _endpoints(tokens: Sequence[str]) -> tuple[str | None, str | None]:
    """(where from, where to): the terms right after «من» and «إلى» («من روسيا إلى
    كوريا الشمالية» -> روس, كور), None for either missing."""
    origin = goal = None
    for word, after in pairwise(tokens):
        term = analyze_token(after)
        if term is None:
            continue
        if word == _FROM and origin is None:
            origin = term
        elif word in _TO and goal is None:
            goal = term
    return origin, goal


def direction_swapped(question: str, text: str,
                      aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the question asks of a way «من A إلى B» and the passage goes the other way:
    a sentence of it goes «إلى A» (or «من B»), none «إلى B» («هل عاد كيم من روسيا إلى
    بيونغيانغ بالقطار؟» over «وصل كيم إلى روسيا عبر قطار مدرّع»)."""
    origin, goal = _endpoints(tokenize(normalize(question)))
    if origin is None or goal is None:
        return False
    said_origin = _matcher({origin: 1.0}, aliases)
    said_goal = _matcher({goal: 1.0}, aliases)
    back = forth = False
    for sentence, _ in sentences_of(text):
        there_from, there_to = _endpoints(tokenize(normalize(sentence)))
        forth = forth or there_to in said_goal or there_from in said_origin
        back = back or there_to in said_origin or there_from in said_goal
    return back and not forth
