"""Why-questions: the passage that gives a cause or a purpose comes first.

«لماذا تهتم روسيا بالذخيرة؟», «ما سبب اختيار القاعدة؟», «ما الهدف من الزيارة؟» (dialect
ليش، علاش read as لماذا by dialects.to_msa) ask for a reason. Several passages hold the
names asked about; the one whose best-matching sentence states a reason («لاستخدامها في
أوكرانيا», «بسبب برامجها النووية», «تهدف لهذه الغاية», «هذا هو سبب زيارتنا») answers.
A cue for the reranker (rerank.py), never a reason to decline: a cause may be told with
no marker at all («بعدما فشلت …»).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from itertools import pairwise

from .analysis import normalize, tokenize
from .answer_types import matching_sentences
from .questions import bounded, clean_question

__all__ = ["asks_cause", "states_cause"]

QUESTION_WORDS = 4  # the why-word stands this near the question's start


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_WHY = _forms("لماذا ولماذا فلماذا لمَ")
# «لمَ» is written as the negation «لم» («كم منتجا لم يعد عليه رسوم؟»): a why-word only
# where it opens the question
_WHY_OPENING = normalize("لم")
# «ماذا» too: the dialects' «شو/ايش/وش/شنو سبب …» read as it (dialects.to_msa)
_WHAT = _forms("ما وما ماهو ماهي هو هي لأي لاي ماذا")
_REASON_NOUNS = _forms("سبب السبب أسباب الأسباب هدف الهدف أهداف الأهداف غرض الغرض "
                       "دافع الدافع دوافع الدوافع غاية الغاية دواعي الدواعي")
# «ما الذي أدى إلى …», «ما الذي دفع X إلى …», «شو اللي خلى …»: a cause asked by the verb
# that brings the event about; «من أجل ماذا …»: a purpose
_WHO_WHAT = _forms("ما ماذا الذي التي اللي")
_CAUSING = _forms("أدى أدت ادى ادت يؤدي تؤدي تسبب تسببت يتسبب خلى خلت خلا جعل جعلت")
# «دفع» pushes only towards something («ما الذي دفع المعلمين إلى الإضراب؟»); without
# «إلى» it pays («ماذا دفع كيم مقابل البندقية؟»)
_PUSHING = _forms("دفع دفعت يدفع تدفع")
_TO = _forms("إلى الى")
_FOR = _forms("أجل اجل لأجل لاجل")
# Words that state a reason or a purpose, as written (their clitics stripped below).
_MARKERS = _forms(
    "لأن لان لأنه لانه لأنها لانها لأنهم بسبب بسببه بسببها جراء نتيجة بهدف هدف الهدف "
    "تهدف يهدف يهدفان هدفها هدفه أجل لأجل كي لكي بغرض غرض لغرض لأغراض سبب السبب أسباب "
    "غاية الغاية لذلك إثر اثر بفضل سعيا رغبة "
    # the others that state one as well, as a reader meets them in the press
    "بفعل نظرا بداعي بدواعي بحجة بذريعة بدافع بغية خوفا تفاديا تجنبا حرصا ردا احتجاجا "
    # the occasion something is done for («زار … بيونغيانغ بمناسبة ذكرى …»)
    "بمناسبة احتفالا "
    # what results from a cause, and attributing to one («وعزا محللون الارتفاع إلى …»)
    "ناجم ناجمة الناجم الناجمة ناتج ناتجة الناتج الناتجة عزا عزت عزوا يعزو تعزو")
# Two-word markers: «على خلفية» (خلفية alone is a background, not a cause); «تحت ضغط/وطأة»
# (the dams gave way under the rains' pressure; ضغط alone is any pressure)
# «يعود/يرجع إلى» (is due to: «يعود تقدم الإسلاميين إلى الغضب …»); «جاء بعد/إثر» (a
# decision that came after what brought it: «القرار جاء بعد تباطؤ التضخم»; بعد alone is
# any time after); «في ذكرى», «بمناسبة» (the occasion a visit or a feast is for)
_PAIRS = frozenset(tuple(normalize(w) for w in p.split())
                   for p in ("على خلفية", "تحت ضغط", "تحت وطأة", "تحت وطاة",
                             "يعود إلى", "يعود الى", "تعود إلى", "تعود الى", "يرجع إلى",
                             "يرجع الى", "ترجع إلى", "ترجع الى", "يعزى إلى", "يعزى الى",
                             "جاء بعد", "جاءت بعد", "يأتي بعد", "تأتي بعد", "جاء إثر",
                             "جاءت إثر", "جاء عقب", "جاءت عقب", "في ذكرى"))
# A verb of thanking, praising or blaming, then «على» and what it is for: «شكر كيم بوتين
# على دعوته» gives why Kim thanked him
_THANKING = _forms("شكر شكرت يشكر تشكر أشاد أشادت يشيد تشيد هنأ هنأت يهنئ انتقد انتقدت "
                   "ينتقد تنتقد لام لامت يلوم اعتذر اعتذرت يعتذر عاقب عاقبت يعاقب")
_ON = _forms("على علي")
THANKED_FOR = 4  # words from the verb to its «على»
# ل + a verbal noun of the forms that are nothing else («لاستخدامها», «لتعزيز»); not «للـ»,
# mostly a recipient or a genitive («للزعيم»), nor «لإ» (normalized as «لا»: «لافروف»)
_PURPOSE = re.compile(normalize(r"^(?:لاست|لت)\w{3,}$"))
_NOT_PURPOSE = _forms("لتلك لتموز")
_CLITICS = tuple(normalize(c) for c in ("و", "ف"))


def asks_cause(question: str) -> bool:
    """Whether the question asks why: لماذا (dialects read as it), a reason noun after
    a what- or which-word («ما سبب …», «ما الهدف من …», «لأي غرض …», «شو سبب …»), a
    causing verb after «ما الذي» («ما الذي أدى إلى …», «ما الذي دفع …»), or «من أجل
    ماذا». `question`: in MSA (dialects.to_msa)."""
    words = tokenize(normalize(bounded(clean_question(question))))
    tokens = words[:QUESTION_WORDS]
    causing = _CAUSING | (_PUSHING if not _TO.isdisjoint(words) else frozenset())
    return any((t in _WHY and (t != _WHY_OPENING or not i))
               or (t in _REASON_NOUNS and i and tokens[i - 1] in _WHAT)
               or (t in causing and i and tokens[i - 1] in _WHO_WHAT
                   and tokens[0] in _WHO_WHAT)
               or (t in _FOR and i + 1 < len(tokens) and tokens[i + 1] in _WHAT)
               for i, t in enumerate(tokens))


def _marks(token: str) -> bool:
    forms = (token, token[1:]) if token.startswith(_CLITICS) and len(token) > 3 else (token,)
    return any(f in _MARKERS or (_PURPOSE.match(f) and f not in _NOT_PURPOSE)
               for f in forms)


def states_cause(text: str, weights: Mapping[str, float],
                 aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the sentence of `text` that best matches the question (answer_types.
    matching_sentences) states a reason or a purpose: a causal word (لأن، بسبب، بهدف، من
    أجل، كي، تهدف، سبب، إثر، جراء، نتيجة، على خلفية، بدافع) or ل before a verbal noun
    (لاستخدامها، لتعزيز).
    `weights`: the question's terms -> idf; `aliases`: their spellings in the corpus."""
    for sentence in matching_sentences(text, weights, aliases):
        tokens = tokenize(normalize(sentence))
        if any(map(_marks, tokens)) or any(map(_paired, pairwise(tokens))) \
                or _thanked_for(tokens):
            return True
    return False


def _thanked_for(tokens: list[str]) -> bool:
    """Whether a verb of thanking, praising or blaming (_THANKING, «و/ف» glued or not) has
    «على» within THANKED_FOR words after it: what it is for («شكر كيم بوتين على دعوته»)."""
    return any((t in _THANKING or (t.startswith(_CLITICS) and t[1:] in _THANKING))
               and not _ON.isdisjoint(tokens[i + 1:i + 1 + THANKED_FOR])
               for i, t in enumerate(tokens))


def _paired(pair: tuple[str, str]) -> bool:
    """Whether two adjacent words are a two-word marker (_PAIRS), «و/ف» glued to the first
    or not («وترجع الأزمة إلى …» is no pair; «وتعود إلى …» is)."""
    first, second = pair
    return pair in _PAIRS or (first.startswith(_CLITICS) and len(first) > 3
                              and (first[1:], second) in _PAIRS)
