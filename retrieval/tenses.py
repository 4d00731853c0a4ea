"""Whether a question asks of what is to come or of an earlier occasion, and whether a
sentence tells of it.

«هل سيجتمع بوتين وكيم مرة أخرى؟», «امتى هيزور بوتين كوريا؟», «أي مسؤول سيتوجه إلى
بيونغيانغ الشهر القادم؟» ask of an act to come; the coverage answers them where it speaks of
the future («ستكون هناك رحلة متابعة … الشهر المقبل», «لن يكون هناك أي لقاءات أخرى», «قبل
بوتين الدعوة»), not where it tells of the same people's act done long ago («وكانت آخر زيارة
لبوتين لكوريا الشمالية في يوليو 2000»). The rerank (`future` cue) reads both.

Marks of the future, from Arabic grammar and the dialects:
- a verb of the imperfect behind the future's س (سيزور، ستكون، سنناقش), or after سوف;
- the negation of the future لن, and the words of intent and readiness (ينوي، يعتزم، مستعد);
- in a sentence of the coverage only: what is to come (المقبل، القادم، مرتقب) and an
  invitation (دعوة); in a question these name a thing, or ask of the accepting, done;
- in a question only (dialects): ه/ح before the imperfect (Egypt, Levant: هيزور، حيروح), رح
  and راح before it (Levant: رح يزور; «راح كيم على روسيا», راح before a name, is «went»),
  غادي/غادية (Maghreb), ناوي (intending).

An earlier occasion: «هل سبق أن زار بوتين كوريا الشمالية؟», «أين كان لقاء الزعيمين السابق
قبل هذه القمة؟» are answered where the coverage dates one by a year or calls it earlier
(«الرحلة السابقة … في العام 2019»), not by the meeting it reports (`before` cue).
"""

from __future__ import annotations

import re
from itertools import pairwise

from .analysis import normalize, tokenize

__all__ = ["asks_before", "asks_future", "future_verb", "tells_before", "tells_future"]


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_IMPERFECT = tuple(normalize(p) for p in ("ي", "ت", "ن"))  # سأ: ا begins سابقا، ساعتين
_FUTURE_S = normalize("س")
_DIALECT_FUTURE = (normalize("ه"), normalize("ح"))
_AND = (normalize("و"), normalize("ف"))
# a noun or a name, not a verb: the plural and nisba endings, ة (normalized to ه, as a verb's
# object pronoun is: سيتوجه) on a short word (سياسة، سيطرة، سنة), and the Russian given name
# Sergei, written as the future of a verb would be (سيرغي، سيرجي)
_NOUN_ENDINGS = tuple(normalize(e) for e in ("ات", "ية", "ء", "يو"))  # يو: سيناريو، ستوديو
# a word of a root that begins with س: a past verb (سيطرت: no imperfect ends in ت), a noun of
# the shape سيا- (سياسة، سيارة، سيادة، سياحي; the future of a verb whose root begins with أ,
# سيأتي, is read as one of them)
_PAST_ENDING = normalize("ت")
_NOUN_START = normalize("يا")
_TA = normalize("ة")
TA_VERB_LETTERS = 5  # letters after the future's س of a verb ending in ه: يتوجه
_NAMES = _forms("سيرغي سيرجي سيرغيه")
_NOT_DIALECT = _forms("هناك هنالك حينما حينها حينئذ")
VERB_LETTERS = 3  # letters of a verb's stem after its prefixes (زور in سيزور)
_WILL = _forms("سوف لن وسوف ولن فلن")
_INTENT = _forms("ينوي تنوي ينويان ينوون يعتزم تعتزم يعتزمان يخطط تخطط مستعد "
                 "مستعدة مستعدون")
# what is to come, told of by the coverage; in a question it names a thing, not the act asked
# of («ما موعد الانتخابات المقبلة؟» asks of no act to come the coverage tells)
_NEXT = _forms("مرتقب مرتقبة المرتقب المرتقبة المقبل المقبلة القادم القادمة المقبلين القادمين")
# an invitation is of an act to come («قبل بوتين الدعوة»); in a question it asks of the
# accepting, done («هل قبل بوتين الدعوة؟»)
_OFFERED = _forms("دعوة الدعوة دعوته دعوتها")
# a future asked, not told: «على سؤال حول ما إذا كانت روسيا ستساعد …»
_WHETHER = _forms("إذا اذا هل")
WHETHER_BEFORE = 3  # words such a word may stand before the future it asks of
_DIALECT_WILL = _forms("غادي غادية غاديين ناوي ناوية ناويين")
_GOING_TO = _forms("رح راح")  # before an imperfect verb: «رح يزور»


def _bare(token: str) -> str:
    """The token without a leading و/ف (وسيزور as سيزور)."""
    return token[1:] if token.startswith(_AND) and len(token) > 4 else token


_PRONOUNS = tuple(normalize(p) for p in ("هما", "ها", "هم", "كم", "نا"))  # longest first


def _imperfect_after(token: str, prefix: str) -> bool:
    """Whether `token` is `prefix` then an imperfect verb (its person letter, then at least
    VERB_LETTERS letters), not a noun or a name written alike. An object pronoun is read
    past (سيزورها as سيزور, وسيطرتها as وسيطرت)."""
    token = next((token[:-len(p)] for p in _PRONOUNS
                  if token.endswith(p) and len(token) - len(p) > len(prefix) + VERB_LETTERS),
                 token)
    rest = token[len(prefix):]
    return (token.startswith(prefix) and rest.startswith(_IMPERFECT)
            and len(rest) > VERB_LETTERS and not token.endswith(_NOUN_ENDINGS)
            and (len(rest) >= TA_VERB_LETTERS or not token.endswith(_TA))
            and not token.endswith(_PAST_ENDING) and not rest.startswith(_NOUN_START)
            and token not in _NAMES)


def future_verb(token: str) -> bool:
    """سيزور، ستكون، وسنناقش: the future's س before the imperfect (not سيارة، سيطرت، سيرغي)."""
    return _imperfect_after(_bare(token), _FUTURE_S)


def tells_future(sentence: str) -> bool:
    """Whether a sentence of the coverage (MSA) speaks of what is to come: a verb in the
    future (سيزور، ستكون), سوف or لن, or a word of intent, plan or invitation (ينوي، المقبل،
    دعوة), not asked of after «إذا/هل» (whether)."""
    tokens = tokenize(normalize(sentence))
    return any((future_verb(t) or t in _WILL or _bare(t) in _INTENT or _bare(t) in _NEXT
                or _bare(t) in _OFFERED)
               and _WHETHER.isdisjoint(tokens[max(i - WHETHER_BEFORE, 0):i])
               for i, t in enumerate(tokens))


def asks_future(question: str) -> bool:
    """Whether a question asks of an act to come: a verb in the future, سوف or لن, a verb
    of intent (ينوي), or a dialect's mark (ه/ح before the imperfect: هيزور; رح/راح before
    it: رح يزور; غادي، ناوي). «المقبل» alone names a thing to come, not the act asked of."""
    tokens = tokenize(normalize(question))
    for i, token in enumerate(tokens):
        bare = _bare(token)
        if future_verb(token) or token in _WILL or bare in _INTENT or bare in _DIALECT_WILL:
            return True
        if bare not in _NOT_DIALECT and any(_imperfect_after(bare, p) for p in _DIALECT_FUTURE):
            return True
        if token in _GOING_TO and i + 1 < len(tokens) and tokens[i + 1].startswith(_IMPERFECT) \
                and len(tokens[i + 1]) > VERB_LETTERS:
            return True
    return False


# An earlier occasion asked of: «هل سبق أن زار بوتين كوريا الشمالية؟», «أين كان لقاء
# الزعيمين السابق قبل هذه القمة؟», «المرة الماضية». «هل هذه أول مرة …؟» asks of this
# occasion, answered where it is called the first («الرحلة الخارجية الأولى له»).
_BEFORE_WORDS = _forms("سبق وسبق السابق السابقة سابقا سابق الماضية الماضي")
_BEFORE_PAIRS = {(normalize("قبل"), this) for this in _forms("هذه هذا هذي هادي هاي هيدي دي ده كده")}
# «من قبل» closing the question is «before»; before a name it is «by» («من قبل الإمام»)
_BY_OR_BEFORE = (normalize("من"), normalize("قبل"))
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_EARLIER = _forms("السابق السابقة سابقا سابق سبق وسبق الماضي الماضية آخر")


def asks_before(question: str) -> bool:
    """Whether a question asks of an occasion before the one the coverage is about (سبق،
    السابق، قبل هذه، من قبل)."""
    tokens = tokenize(normalize(question))
    return any(_bare(t) in _BEFORE_WORDS or t in _BEFORE_WORDS for t in tokens) or any(
        pair in _BEFORE_PAIRS for pair in pairwise(tokens)) or tuple(tokens[-2:]) == _BY_OR_BEFORE


def tells_before(sentence: str) -> bool:
    """Whether a sentence of the coverage tells of an earlier occasion: it dates it by a
    year («في العام 2019») or calls it earlier (السابقة، سبق، آخر)."""
    text = normalize(sentence)  # ٢٠١٩ as 2019
    return bool(_YEAR.search(text)) or any(_bare(t) in _EARLIER or t in _EARLIER
                                           for t in tokenize(text))
