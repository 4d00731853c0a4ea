"""Where and how questions: the passage that names a place or a means comes first (issue 12).

«وين التقى بوتين وكيم؟» asks for a place, «إزاي جه كيم روسيا؟» for a means; dialect
questions name little else (a verb, two names), and several passages hold those alike. Of
them the one whose best-matching sentence names a place («في قاعدة فوستوشني», «توجه إلى
سوتشي») or a means («عبر قطار مدرّع», «على متن قطاره») is the answer. The question is read
after dialects.to_msa (وين -> أين, إزاي -> كيف), so only MSA question words are listed.

What counts as a place: a noun of places (قاعدة، مدينة، مقاطعة، مطار…), or a name right after
إلى/في written without the article (سوتشي، فلاديفوستوك, not «في المقابل») that the question
does not itself name. A means: the words that introduce one (عبر، متن، بواسطة، طريق) or a
vehicle (قطار، طائرة، سيارة، سفينة). Each is only a cue for the reranker (rerank.py), never
a reason to decline.

«كيف» before a verb of saying, judging, portraying or covering (`_OPINION`: وصف، قيّم، صوّر،
تناول، غطى، نظر إلى، تعامل مع) asks what was said or done about a thing, not a means: «كيف
صوّر الإعلام الموالي للكرملين زيارة الزعيم الكوري؟» led with «… ووصل إلى روسيا عبر قطار
مدرّع» over the channels calling the visit «نجاح دبلوماسي كبير» (issue 12, round 12: the
four dev sets' top passages 427 -> 429 of 504, every question file but blind5-8 1,823 ->
1,825 of 2,272, none lost; seeds-blind5 and ARCD train unchanged).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .analysis import STOPWORDS, analyze_token, normalize, tokenize
from .answer_types import SAID_TERMS, matching_sentences
from .questions import bounded, clean_question

__all__ = ["MEANS", "PLACE", "asked_shape", "holds_shape"]

PLACE, MEANS = "place", "means"


def _terms(words: str) -> frozenset[str]:
    return frozenset(t for w in words.split() if (t := analyze_token(normalize(w))))


def _normalized(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


_WHERE = _normalized("أين اين وأين فأين")
_HOW = _normalized("كيف وكيف فكيف")
_WHICH_WAY = _normalized("طريقة طريقه وسيلة وسيله")  # «بأي طريقة/وسيلة»
_WHICH = _normalized("بأي باي أي اي")
# «بماذا» (dialect بإيه، بشو، بشنو) with a verb of going: by what means («كيم جه روسيا
# بإيه؟»); with another verb it asks what (بماذا وعد: what he promised).
_BY_WHAT = _normalized("بماذا وبماذا")
_GOING = _terms("وصل جاء أتى ذهب توجه سافر انتقل تنقل رحل عاد رجع يرجع يصل يأتي يذهب يتوجه يسافر "
                "ينتقل يعود سيصل سيذهب سيسافر")
_QUESTION_WORDS = 4  # a question word this far in («بوتين وين راح؟» too)
_PLACE_NOUNS = _terms(
    "قاعدة مدينة منطقة مقاطعة إقليم ولاية محافظة عاصمة مطار ميناء قصر مقر منشأة "
    "مجمع مبنى صالة مصنع مركز شارع ساحة فندق جامعة مستشفى قرية بلدة جزيرة ضاحية")
_MEANS = _terms("عبر متن بواسطة طريق قطار قطارات طائرة طائرات سيارة سيارات سفينة موكب "
                "مستقلا حافلة مروحية")
_OPINION = SAID_TERMS | _terms("وصف وصفت يصف رأى يرى قيم قيمت يقيم علق علقت رد ردت "
                                "استقبل استقبلت اعتبر اعتبرت شاهد يشاهد "
                                "صور صورت يصور صوروا نظر نظرت ينظر تعامل تعاملت يتعامل "
                                "تناول تناولت يتناول غطى غطت يغطي")
_SOME_PLACE = _terms("مكان موقع أماكن مواقع")
_TO_IN = _normalized("إلى الى في")
_ARTICLE = normalize("ال")
_MIN_NAME = 3


def asked_shape(question: str) -> str | None:
    """PLACE for a where-question (أين، إلى أين، من أين), MEANS for a how-question (كيف،
    بأي طريقة/وسيلة، بماذا with a verb of going), else None. `question`: in MSA
    (dialects.to_msa)."""
    tokens = tokenize(normalize(bounded(clean_question(question))))[:_QUESTION_WORDS]
    for i, token in enumerate(tokens):
        if token in _WHERE:
            return PLACE
        if token in _HOW and analyze_token(tokens[i + 1] if i + 1 < len(tokens) else "") \
                in _OPINION:
            return None  # «كيف وصف/رأى/قيّم»: a saying, not a means
        if token in _HOW or (token in _WHICH_WAY and i and tokens[i - 1] in _WHICH):
            return MEANS
    everything = tokenize(normalize(bounded(clean_question(question))))
    if _BY_WHAT.intersection(everything) and any(analyze_token(t) in _GOING
                                                 for t in everything):
        return MEANS
    return None


def _names_a_place(tokens: list[str], asked: Collection[str]) -> bool:
    for i, token in enumerate(tokens):
        term = analyze_token(token)
        if term is None or term in asked or term in _SOME_PLACE:
            continue  # «إلى مكان انعقاد الاجتماع» names no place
        if term in _PLACE_NOUNS:
            return True
        if i and tokens[i - 1] in _TO_IN and not token.startswith(_ARTICLE) \
                and token not in STOPWORDS and len(token) >= _MIN_NAME and token.isalpha():
            return True
    return False


def holds_shape(text: str, shape: str, weights: Mapping[str, float],
                aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the sentence of `text` that best matches the question (answer_types.
    matching_sentences) names what `shape` asks for: a place (PLACE) or a means (MEANS).
    `weights`: the question's terms -> idf; `aliases`: their spellings in the corpus."""
    asked = set(weights).union(*aliases.values()) if aliases else set(weights)
    for sentence in matching_sentences(text, weights, aliases):
        tokens = tokenize(normalize(sentence))
        if shape == PLACE and _names_a_place(tokens, asked):
            return True
        if shape == MEANS and any(analyze_token(t) in _MEANS for t in tokens):
            return True
    return False
