"""Who did what to whom: a question's roles against a passage's (issue 12: near misses).

«ماذا أهدى كيم لشويغو؟» where the coverage says that Putin gave Kim a rifle: every name
is in the coverage, some passage even holds them all, but in other roles. A question
of the shape «ماذا/ما الذي/كيف/هل + VERB + ACTOR [+ لـRECIPIENT]» names an action,
who did it and to whom (`frame`). A passage answers it when one of its sentences holds
the action (in its words or another word of its class: synonyms.py), the actor and the
recipient together (`apart` is False), with the actor before the recipient: «بأن بوتين
أعطى كيم», «أهدى بوتين … للزعيم … كيم» (`swapped` is False). Arabic puts the
recipient after the verb whatever the order of subject and verb, so a recipient found
only before the verb and an actor only after it is the swap. A reciprocal sentence
(«أهدى كل من بوتين وكيم الآخر», «تبادل الزعيمان») gives both roles to both.
These are signals for decide.py, not verdicts: a passage may say it in a passive.

The rerank's actor cue (rerank.acting) reads the same frame from the question in the
order `frame` expects (`in_question_order`: «بوتين متى زار …», «متى أول مرة زار …»), and
asks of each passage how much the actor does the act (`acting_degree`): alone, shared
with another (a reciprocal sentence), or not at all, where the act is one invited, wished
or denied and the question asks of one done (`asks_done`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, product, takewhile

from .analysis import accepting_text, analyze_token, normalize, tokenize
from .passages import split_sentences
from .questions import LIGHT, without_markup
from .synonyms import synonyms

__all__ = ["Frame", "acting_degree", "acts", "after_clause", "apart", "asks_done", "frame",
           "in_question_order", "paired", "swapped", "time_clause"]


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# Question words after which the verb comes first («ماذا أهدى …», «كيف وصل …»); «ما»
# only with «الذي/التي» after it («ما موقف الصين» names no action).
_ASKING = _forms("ماذا بماذا لماذا كيف هل وهل متى أين وين شو ايش إيش وش ليش ليه")
_WHAT = _forms("ما وما")
_WHICH = _forms("الذي التي اللذي")
_TO = _forms("ل لـ")
_RECIPIENT_CLITIC = normalize("ل")
# prepositions right after the verb: the noun after them is no actor
_TOPIC_PREPOSITIONS = _forms("عن على في من إلى الى مع حول بشأن بشان")
# ل + a word of time or measure, never the one an action is for: «زار عمان لأول مرة»
_NOT_RECIPIENTS = _forms("لأول لاول للمرة لمرة لمدة لفترة لأيام لساعات لسنوات لذلك لهذا "
                         "لهذه للمرّة لثاني لثالث")
# An adverb in the accusative beside the actor says how or when it acted, never whom it
# acted upon: passed over («ما الرغبة التي أكدها بوتين مجددا؟» names no recipient; «ماذا
# أكد كيم مجددا لبوتين؟» still names Putin)
_ADVERBS = _forms(
    "مجددا مجدداً أيضا أيضاً سابقا لاحقا حاليا رسميا علنا علناً شخصيا مرارا دائما أبدا "
    "كثيرا قليلا جدا فورا مؤخرا أخيرا تماما معا سويا صراحة صراحةً ثانية مرة")
RECIPIENT_AFTER = 3  # words of the actor's name the recipient may follow (كيم جونغ أون لـ)
# verbs of saying that analyse to no term of a synonyms.py class
_SAYING = frozenset(t for w in _forms("قال قالت يقول تقول") if (t := analyze_token(w)))
_ARTICLE = normalize("ال")
_CLITICS = tuple(normalize(c) for c in ("ل", "ب", "و", "ف", "ك"))
_NOUN_ENDINGS = tuple(normalize(e) for e in ("ة", "ات", "ون", "ين", "ا"))
# a word so bound is no bare object: the actor's adjective (الرئيس الروسي), a second
# actor (بوتين وكيم), a preposition's object (التقى … بكيم)
_BOUND = (_ARTICLE, *_CLITICS)
_PREPOSITIONS = tuple(normalize(c) for c in ("ب", "ل"))  # kept on a name by the stemmer
_OF = normalize("ل")
# words that make a sentence reciprocal: each side gave, met, said to the other
_RECIPROCAL = frozenset(t for w in _forms("تبادل تبادلا تبادل متبادل متبادلة بينهما كلا")
                        if (t := analyze_token(w)))
# «الآخر» as written: its stem is that of «آخر» and «أخرى» («آخر زيارة», «أيام أخرى»);
# `swapped` (the decision's) reads the stem, the actor cue the word (`_sentences`)
_THE_OTHER = _forms("الآخر الاخر للآخر للاخر بالآخر بالاخر")
_OTHER_STEM = analyze_token(normalize("الآخر"))
LOOSELY, STRICTLY = 1, 2  # a sentence reciprocal by the stem «آخر» only, or by its words
_EACH = (normalize("كل"), normalize("من"))  # «كل من بوتين وكيم»
# words, and the marks that end a clause («وفي فوستوتشني، أثار بوتين»: the place is not
# the subject)
_WORDS_AND_MARKS = re.compile(r"[^\W_]+|[،,:;؛]")


@dataclass(frozen=True)
class Frame:
    """A question's action, actor and (when named) recipient, as analysed terms."""

    verb: str | None  # None: an action the corpus never names, in any word of its class
    actor: str
    recipient: str | None
    marked: bool = True  # the recipient follows لـ; False: a bare object («شكر بوتين كيم»)


def frame(question: str) -> Frame | None:
    """The action, actor and recipient a question names, or None when it is not of the
    shape «QUESTION-WORD VERB ACTOR …» («ماذا أهدى بوتين لكيم؟» -> أهد, بوت, لكيم), the
    verb one of the actions synonyms.py knows between people (giving, saying, meeting,
    travel, wanting…): another word there («شنو سبب …») frames nothing. Markup pasted
    with the question (`<b>`) is no word of it."""
    # «هل قبل X الدعوة؟»: the verb «قبل» (accepted) read as analysis reads it
    tokens = tokenize(accepting_text(normalize(without_markup(question))))
    at = 0
    while at < len(tokens) and tokens[at] not in _ASKING and tokens[at] not in _WHAT:
        at += 1
    if at == len(tokens):
        return None
    if tokens[at] in _WHAT:
        if at + 1 >= len(tokens) or tokens[at + 1] not in _WHICH:
            return None
        at += 1
    terms: list[tuple[str, bool]] = []  # (term, marked as the recipient)
    words: list[str] = []  # the word of each term
    end = 2 + RECIPIENT_AFTER
    to = False
    for token in tokens[at + 1:]:
        if token in _ADVERBS:
            continue
        if token in _TO:
            to = True
            continue
        term = None if token in _NOT_RECIPIENTS else analyze_token(token)
        if term is None and len(terms) == 1 and token in _TOPIC_PREPOSITIONS:
            # «Olga Skabeyeva شو قالت عن Wall Street»: what follows «عن» is what was
            # spoken of, not who spoke (named before the question word, or not at all)
            return None
        if term is None and terms:  # a function word; the verb may be one (قال)
            if len(terms) >= 2:
                end = min(end, len(terms))  # «… كيم من الخبرة …»: the actor's phrase ends
            continue
        # the word after the verb is its actor even when it starts with ل (لافروف)
        marked = to or (len(terms) >= 2 and token.startswith(_RECIPIENT_CLITIC)
                        and not token.startswith(_ARTICLE) and len(token) > 3)
        words.append(token)
        terms.append((term or token, marked))
        to = False
    if (len(terms) < 2 or terms[0][1] or terms[1][1] or _noun(words[0])
            or not (synonyms(terms[0][0]) or terms[0][0] in _SAYING)):
        return None
    # the one the action is for, right after the actor («أهدى كيم جونغ أون لبوتين»), not
    # a purpose further on («يريد كيم من الخبرة الروسية لبرنامج …»)
    recipient = next((t for t, marked in terms[2:end] if marked), None)
    if recipient is None and end > 2 and len(terms) > 2 and not words[2].startswith(_BOUND):
        # a bare object right after the actor: «شكر بوتين كيم»
        return Frame(terms[0][0], terms[1][0], terms[2][0], marked=False)
    return Frame(terms[0][0], terms[1][0], recipient)


# «أول مرة», «آخر مرة», «للمرة الأولى» between a question word and its verb: when the
# action happened, not the action («إيمتى آخر مرة زار فيها بوتين …»)
_ORDINALS = _forms("اول أول لاول لأول اخر آخر لاخر لآخر ثاني لثاني")
_TIMES = _forms("مرة مره المرة المره للمرة للمره")
_ORDINAL_WORDS = _forms("الاولى الأولى الاولي الأخيرة الاخيرة الثانية")
# words naming two people at once, as a report names the two it has named before
_PAIRS = frozenset(normalize(c + a + w + e)
                   for w in ("زعيم", "رئيس", "وزير", "قائد", "طرف", "جانب")
                   for e in ("ان", "ين") for a in ("ال",) for c in ("", "و", "ف"))


_FUTURE = tuple(normalize(p) for p in ("سي", "ست", "سن", "سا"))
_WILL = _forms("سوف سوا رح راح ح غادي غادية بدو بده")


def asks_done(question: str) -> bool:
    """Whether the question asks of an act done: its verb (`in_question_order`) carries no
    mark of the future («متى سيزور …», «سوف», dialect «رح», «غادي»)."""
    tokens = tokenize(in_question_order(question))
    at = next((i for i, t in enumerate(tokens) if t in _ASKING), None)
    if at is None or at + 1 >= len(tokens):
        return False
    verb = tokens[at + 1]
    return verb not in _WILL and not (verb.startswith(_FUTURE) and len(verb) > 4) and \
        _WILL.isdisjoint(tokens[:at + 1])


def paired(question: str) -> tuple[str, ...]:
    """The terms of a second actor the question names with its actor (`frame`'s, read in
    `in_question_order`), joined by و: «أين اجتمع بوتين وكيم جونغ أون؟» -> كيم، جونغ، اون
    (its words up to the end of the name); () when there is none."""
    tokens = tokenize(in_question_order(question))
    at = next((i for i, t in enumerate(tokens) if t in _ASKING), None)
    if at is None:
        return ()
    # the actor's words (QUESTION-WORD VERB ACTOR …), then the other's
    joined = next((i for i in range(at + 3, min(at + 2 + RECIPIENT_AFTER, len(tokens)))
                   if tokens[i].startswith("و") and len(tokens[i]) > 3
                   and analyze_token(tokens[i])), None)
    if joined is None:
        return ()
    return tuple(t for w in tokens[joined:joined + RECIPIENT_AFTER] if (t := analyze_token(w)))


_BETWEEN = normalize("بين")  # «بين الزعيمين»: the two are where it happened, not who did it
# a pronoun after the verb that points back at the fronted word: it is asked about, not
# the one who acts («كيم وش قال عنه بوتين؟»)
_RESUMING = _forms("عنه عنها له لها معه معها منه منها فيه فيها اياه إياه")
FRONTED = 3  # words a question may put before its question word («بوتين متى زار …»)


SAID_FORMS = _forms("قال قالت قالوا صرح صرحت علق علقت أكد أكدت")  # a verb a speaker fronts


def in_question_order(question: str) -> str:
    """`question` (normalized) in the order `frame` reads, «QUESTION-WORD VERB ACTOR …»:
    an ordinal of times right after the question word moved to the end («متى أول مرة
    زار بوتين …» -> «متى زار بوتين … أول مرة»), and up to FRONTED words put before the
    question word moved after its verb («بوتين متى زار كوريا؟» -> «متى زار بوتين
    كوريا»: the fronted name is the actor, as spoken Arabic puts it first), or after the
    verb that comes before the question word («كيم قال ماذا عن …» -> «ماذا قال كيم عن
    …»). Any other
    question is returned as it was (normalized)."""
    text = normalize(without_markup(question))
    tokens = tokenize(text)
    at = next((i for i, t in enumerate(tokens) if t in _ASKING), None)
    if at is None:
        return text
    if 1 < at <= FRONTED + 1 and tokens[0] not in _WHAT and tokens[at - 1] in SAID_FORMS:
        # «كيم قال إيه عن الحرب؟» (as MSA: «كيم قال ماذا عن …»): the verb of saying before
        # the question word, the speaker (its words, not «هو») before the verb
        who = [t for t in tokens[:at - 1] if analyze_token(t)]
        tokens = [tokens[at], tokens[at - 1], *who, *tokens[at + 1:]]
        at = 0
    elif (0 < at <= FRONTED and len(tokens) > at + 2 and tokens[0] not in _WHAT
            and _RESUMING.isdisjoint(tokens[at + 2:at + 4])):
        fronted = tokens[:at]
        if not any(t.startswith(_ARTICLE) for t in fronted):
            fronted = fronted[-1:]  # «فلاديمير بوتين متى …»: the name it is known by
        tokens = [*tokens[at:at + 2], *fronted, *tokens[at + 2:]]
        at = 0
    rest = tokens[at + 1:]
    if len(rest) > 2 and ((rest[0] in _ORDINALS and rest[1] in _TIMES)
                          or (rest[0] in _TIMES and rest[1] in _ORDINAL_WORDS)):
        tokens = [*tokens[:at + 1], *rest[2:], *rest[:2]]
    return " ".join(tokens) if tokens != tokenize(text) else text


# «حين/عندما/لما + VERB + ACTOR»: a clause telling when what is asked held («من كان يحكم
# كوريا الشمالية حين زارها بوتين للمرة الأولى؟»)
_WHEN = _forms("حين حينما عندما لما لمّا وحين وعندما ولما يوم ويوم")


# «… بعد أن ودّع كيم؟», «… بدلاً من مرافقة ضيفه؟», «… بعد القمة؟»: what the act asked came
# after or instead of; not «بعد كم سنة …» (how long after) nor «بعد ذلك» (then)
_AFTER = _forms("بعد وبعد بعدما وبعدما عقب إثر اثر")
_INSTEAD = {(normalize(a), normalize(b)) for a, b in (
    ("بدلا", "من"), ("بدلاً", "من"), ("عوضا", "عن"), ("عوضاً", "عن"), ("بدل", "ما"))}
# not an event: how long after, then, and a span of time («بعد شهر», «بعد يومين»)
_NOT_AN_EVENT = _forms("كم ذلك ذاك هذا يوم يومين أيام أسبوع أسبوعين أسابيع شهر شهرين أشهر "
                       "شهور سنة سنتين سنوات عام عامين أعوام ساعة ساعتين ساعات دقائق لحظات "
                       "قليل فترة مدة")
_LINKS = _forms("أن ان ما")
_ACCORDING = _forms("وفقا وفق حسب بحسب طبقا")  # «… وفقا للمعتقد»: the event ends
# the question words before the event's marker are no act asked («ماذا حدث بعد …؟»)
_ASKED = frozenset(t for w in _forms("ماذا متى أين وين شو ايش كيف من مين")
                   if (t := analyze_token(w)))
# «بعد سقوطها»: its own (a word with the article takes no pronoun: «القمة» ends in ة)
_BACK = tuple(normalize(p) for p in ("هما", "ها", "هم", "ه"))


def after_clause(question: str) -> list[str]:
    """The analysed terms of the event a question's act is asked after or instead of
    («أين ذهب بوتين بعد أن ودّع كيم؟» -> ودع، كيم; «ماذا فعل بوتين بدلاً من مرافقة ضيفه؟» ->
    مرافق، ضيف), up to the question's end, a comma or «وفقا/حسب»; [] when it names none or
    only the topic's own («بعد سقوطها»). The coverage tells of that event in its own
    passages; the act asked is told elsewhere."""
    words = re.findall(r"[^\W_]+|[،,؟?.!:؛]", normalize(question))
    for i, word in enumerate(words):
        if word in _AFTER:
            start = i + 1
        elif i + 1 < len(words) and (word, words[i + 1]) in _INSTEAD:
            start = i + 2
        else:
            continue
        if start < len(words) and words[start] in _LINKS:
            start += 1
        if start >= len(words) or words[start] in _NOT_AN_EVENT:
            return []
        if not any((t := analyze_token(w)) and t not in LIGHT and t not in _ASKED
                   for w in words[:i] if w[0].isalnum()):
            return []  # «ماذا حدث عقب بدء الهجوم؟»: no act but the event's aftermath asked
        span = list(takewhile(lambda w: w[0].isalnum() and w not in _ACCORDING, words[start:]))
        if len(span) == 1 and span[0].endswith(_BACK) and not span[0].startswith(_ARTICLE):
            return []  # «لمن آلت الدولة بعد سقوطها؟»: the topic's own event, the topic asked
        return [t for w in span if (t := analyze_token(w))]
    return []


def time_clause(question: str) -> str | None:
    """The clause of time a question with no frame of its own is asked at, as `frame`
    reads a question («… حين زارها بوتين للمرة الأولى؟» -> «متى زارها بوتين للمرة
    الأولى»): the passage telling of that act (Putin's first visit) tells what held then,
    not one telling of another's act («ويزور كيم روسيا للمرة الأولى»). None when the
    question has no such clause, or its clause names no action and actor (`frame`)."""
    tokens = tokenize(normalize(without_markup(question)))
    at = next((i for i, t in enumerate(tokens) if t in _WHEN and i), None)
    if at is None or at + 2 >= len(tokens):
        return None
    clause = " ".join(["متى", *tokens[at + 1:]])
    return clause if frame(clause) is not None else None


def _noun(word: str) -> bool:
    """A word with the article and a noun's ending (الخطة، الهدايا، المحادثات), not a verb
    whose letters start so (التقى، ألغى)."""
    return word.startswith(_ARTICLE) and word.endswith(_NOUN_ENDINGS)


def _bare(term: str, short: bool = False) -> set[str]:
    """A term and, when it starts with a preposition or conjunction the stemmer keeps
    (لكيم, بكيم), the term without it; `short`: a name's stem of three letters too
    behind ل, whose act it may be («زيارة لبوتين»: لبوت), not behind ب, whose name is
    acted upon («رحب بوتين بكيم»)."""
    out = {term}
    if (term.startswith(_CLITICS) and len(term) > 4) or (
            short and term.startswith(_OF) and len(term) > 3):
        out.add(term[1:])
    return out


def _matcher(term: str, aliases: Mapping[str, Collection[str]], kin: bool = False
             ) -> frozenset[str]:
    forms = _bare(term) | set(aliases.get(term, ()))
    if kin:
        forms |= synonyms(term)
    return frozenset(f for form in forms for f in _bare(form))


def _positions(terms: list[str], forms: frozenset[str], short: bool = False) -> list[int]:
    return [i for i, t in enumerate(terms)
            if t in forms or not _bare(t, short).isdisjoint(forms)]


@lru_cache(maxsize=1 << 10)
def _sentences(text: str
               ) -> tuple[tuple[list[str], list[int], int, list[int], frozenset[int]], ...]:
    """Each sentence of `text` as its analysed terms (function words and punctuation kept
    in place, as they are), the positions of its content words, whether it is reciprocal
    (0, LOOSELY or STRICTLY), and the positions of its words naming two people at once
    (`_PAIRS`: «الزعيمان»), and the positions of its words joined to what came before
    by و/ف («، ووصل»). Cached (read, never changed): the acting cue asks it of
    every candidate twice (`acts`, `swapped`) and the decision asks again (`apart`)."""
    out = []
    for sentence in split_sentences(text):
        tokens = _WORDS_AND_MARKS.findall(normalize(sentence))
        analysed = [analyze_token(tok) if tok[0].isalnum() else None for tok in tokens]
        terms = [term or tok for term, tok in zip(analysed, tokens, strict=True)]
        reciprocal = (STRICTLY if not _RECIPROCAL.isdisjoint(terms)
                      or not _THE_OTHER.isdisjoint(tokens)
                      or any(pair == _EACH for pair in pairwise(tokens))
                      else LOOSELY if _OTHER_STEM in terms else 0)
        out.append((terms, [i for i, term in enumerate(analysed) if term], reciprocal,
                    [i for i, tok in enumerate(tokens)
                     if tok in _PAIRS and (i == 0 or tokens[i - 1] != _BETWEEN)],
                    frozenset(i for i, tok in enumerate(tokens)
                              if tok.startswith(_AND) and len(tok) > 3)))
    return tuple(out)


_GO = analyze_token(normalize("توجه"))
GOING = frozenset({_GO, *synonyms(_GO)}) if _GO else frozenset()  # توجه، ذهب، سافر، يروح…
_VISIT = analyze_token(normalize("زار"))
VISITING = _matcher(_VISIT, {}, kin=True) if _VISIT else frozenset()  # زار، يزور، زيارة…


def _together(asked: Frame, text: str, aliases: Mapping[str, Collection[str]],
              pair: bool = False, also: frozenset[str] = frozenset()
              ) -> list[tuple[int, list[int], list[int], list[int], list[int], list[str],
                              frozenset[int]]]:
    """The sentences of `text` holding the verb (or its kin), the actor and the recipient:
    (reciprocal: 0, LOOSELY or STRICTLY; verb, actor, recipient and content word positions,
    terms, the positions joined by و/ف). `pair`: the
    question names the actor with another («بوتين وكيم»), so a word naming two people at
    once («الزعيمان», «الرئيسان») stands for the actor. `also`: more forms that stand for
    the verb (`VISITING` for a verb of going)."""
    verb = (_matcher(asked.verb, aliases, kin=True) | also) if asked.verb else frozenset()
    actor = _matcher(asked.actor, aliases)
    recipient = _matcher(asked.recipient, aliases) if asked.recipient else frozenset()
    out = []
    for terms, content, reciprocal, pairs, joined in _sentences(text):
        v = _positions(terms, verb) if asked.verb else list(range(len(terms)))
        a = _positions(terms, actor, short=True)
        if pair:
            a = sorted({*a, *pairs})
        r = _positions(terms, recipient) if asked.recipient else [len(terms)]
        if v and a and r:
            out.append((reciprocal, v, a, r, content, terms, joined))
    return out


def apart(asked: Frame, text: str, aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether no sentence of `text` holds the action, the actor and the recipient
    together (the passage has the names, but not saying this of them). False when the
    question names no recipient after لـ: an actor alone is often said by an epithet
    («الزعيمان», «الرئيس الروسي»), a bare object by another word («زار … مدينة X»)."""
    return asked.recipient is not None and asked.marked and not _together(asked, text, aliases)


ACTS_WITHIN = 6  # words between the action and its actor, either side, in one clause


def acts(asked: Frame, text: str, aliases: Mapping[str, Collection[str]],
         pair: bool = False) -> bool:
    """Whether a sentence of `text` holds the asked action (its words or another word of
    its class: زار / يزور / زيارته) with the asked actor at most ACTS_WITHIN words away
    in the same clause (no comma or colon between): «وكان بوتين أول رئيس روسي يزور كوريا
    الشمالية» for «متى زار بوتين كوريا الشمالية؟», not «ويزور زعيم كوريا الشمالية كيم …»
    nor «بوتين أعطى كيم بندقية …، تلقى في المقابل» (another clause, another act). A
    clause that opens with the action has the sentence's earlier actor for its subject:
    «ويزور كيم روسيا …، ووصل إلى روسيا عبر قطار», when و/ف joins it to what came
    before: after a phrase set in front («وفي علامة على … بين روسيا وكوريا الشمالية، عرضت
    موسكو …») the clause has its own subject. False when the frame names no action.
    `pair`: the question names the actor with another («أين اجتمع بوتين وكيم؟»), and
    «واجتمع الرئيسان» names them both (`_together`)."""
    return acting_degree(asked, text, aliases, pair) > 0


RECIPROCAL_DEGREE = 0.8  # an act the actor shares with another, of one he does alone


# words that make the act after them one not done (yet): an invitation to visit, a wish,
# an intention, a plan («وقبل بوتين دعوة كيم لزيارة كوريا الشمالية» is no visit of his)
# the future of «to be» and of «to take place» («ستكون هناك رحلة …»), and a negation
# («لن يكون هناك أي لقاءات», «لم يزر»: function words, kept as written)
_TO_COME = frozenset(t for w in _forms("دعوة دعوته دعاه رغبة رغبته يعتزم تعتزم ينوي تنوي "
                                       "يخطط تخطط يأمل تأمل مستعد مستعدة ستكون سيكون سيتم "
                                       "ستتم")
                     if (t := analyze_token(w)))
_UNDONE = _TO_COME | _forms("لن لم")
UNDONE_BEFORE = 3  # words such a word may stand before the act


_THEN = _forms("ثم وثم")  # «…، ثم رحلة أخرى لبوتين»: the clause goes on from the last


def _undone(v: int, terms: list[str]) -> bool:
    """Whether the act at `v` follows a word that makes it not done (`_UNDONE`), in its
    clause, or in the clause before when its own opens with «ثم» («ستكون هناك رحلة … إلى
    كوريا الشمالية لوزير الخارجية، ثم رحلة أخرى لبوتين»: the second trip is to come as
    the first is)."""
    for p in range(v - 1, max(v - 1 - UNDONE_BEFORE, -1), -1):
        if not terms[p][0].isalnum():
            return p + 1 < v and terms[p + 1] in _THEN and _clause_undone(p, terms)
        if terms[p] in _UNDONE:
            return True
    return False


def _clause_undone(end: int, terms: list[str]) -> bool:
    """Whether the clause that ends before `end` (a comma or a colon) tells of an act to
    come (`_TO_COME`: «ستكون هناك رحلة»). A negation is not carried on: «لم يزرها الوزير،
    ثم زارها نائبه» tells of a visit done."""
    for p in range(end - 1, -1, -1):
        if not terms[p][0].isalnum():
            return False
        if terms[p] in _TO_COME:
            return True
    return False


def acting_degree(asked: Frame, text: str, aliases: Mapping[str, Collection[str]],
                  pair: bool = False, done: bool = False, also: frozenset[str] = frozenset()
                  ) -> float:
    """`acts` as a degree: 1 when a sentence of `text` has the asked actor do the asked
    action, RECIPROCAL_DEGREE when only a reciprocal sentence does («أهدى كل من بوتين
    وكيم الآخر بندقية» for «ماذا أهدى بوتين لكيم؟»: each gave, what Putin gave is said
    where he alone gives: «أهدى بوتين قفازا وبندقية للزعيم الكوري»), 0 when none does.
    Every sentence counts as its actor's own when the question itself names two actors
    (`pair`). `done`: the question asks of an act done («متى زار …»), so an act invited,
    wished or intended («دعوة كيم لزيارة …», `_undone`) is none. `also`: more forms of
    the verb (`_together`)."""
    if asked.verb is None:
        return 0.0
    best = 0.0
    for reciprocal, verbs, actors, _, _, terms, joined in _together(
            Frame(asked.verb, asked.actor, None), text, aliases, pair, also):
        if done:
            verbs = [v for v in verbs if not _undone(v, terms)]
        if any((max(v, a) - min(v, a) <= ACTS_WITHIN
                and all(t[0].isalnum() for t in terms[min(v, a):max(v, a)]))
               or (a < v and v in joined and _opens_clause(v, terms))
               for v, a in product(verbs, actors)):
            if reciprocal < STRICTLY or pair:
                return 1.0
            best = RECIPROCAL_DEGREE
    return best


_AND = tuple(normalize(c) for c in ("و", "ف"))


def _opens_clause(at: int, terms: list[str]) -> bool:
    """Whether the word at `at` opens a clause: right after a comma or colon (not at the
    sentence's start; «، ووصل» but not «، بعد الاجتماع»)."""
    return at > 0 and not terms[at - 1][0].isalnum()


SUBJECT_BEFORE = 3  # words a subject may stand before its verb («بأن بوتين أعطى»)
SUBJECT_AFTER = 6  # words after its verb a subject may stand (titles between)


def _subject(v: int, a: list[int], r: list[int], content: list[int],
             terms: list[str]) -> str | None:
    """Who does the verb at `v`: "actor" or "recipient" (the question's roles), "other"
    (another word), or None when the sentence does not say. The content word just before
    the verb in its clause is its subject (SVO: «بأن بوتين أعطى كيم»; «بيسكوف بأن بوتين
    أعطى كيم» for Peskov: another), unless a preposition binds it («وأشاد الرئيس
    بميدفيديف وقدم له»); with none, the first of the actor and the recipient after it
    (VSO: «أهدى فلاديمير بوتين قفازا … للزعيم … كيم»). One name alone after the verb may
    be its object with the subject left implicit («وأهدى كيم بندقية»): undetermined."""
    for p in range(v - 1, max(v - SUBJECT_BEFORE, 0) - 1, -1):
        if not terms[p][0].isalnum():
            break  # a clause ends: «وفي فوستوتشني، أثار بوتين»
        if p in content:
            if terms[p].startswith(_PREPOSITIONS) and len(terms[p]) > 4:
                break  # a preposition's object: «وأشاد الرئيس بميدفيديف وقدم له»
            return "actor" if p in a else "recipient" if p in r else "other"
    after_a = [p for p in a if p > v]
    after_r = [p for p in r if p > v]
    if after_a and after_r and min(after_a + after_r) <= v + SUBJECT_AFTER:
        return "actor" if min(after_a) < min(after_r) else "recipient"
    return None


def swapped(asked: Frame, text: str, aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the sentences of `text` that hold the action, actor and recipient make the
    recipient or another the one who acts, and never the actor («بأن بوتين أعطى كيم» for
    «ماذا أعطى كيم لبوتين؟» and «ماذا منح بيسكوف لكيم؟»; `_subject`). False when the
    question names no recipient, no sentence holds all three, or one is reciprocal."""
    if asked.recipient is None:
        return False
    subjects = set()
    for reciprocal, v, a, r, content, terms, _ in _together(asked, text, aliases):
        if reciprocal:
            return False
        subjects |= {_subject(at, a, r, content, terms) for at in v}
    return bool(subjects & {"recipient", "other"}) and "actor" not in subjects
