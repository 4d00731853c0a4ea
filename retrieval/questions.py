"""Questions as they arrive from anyone: bounded in cost and safe to echo.

A bot in public groups gets pasted articles, 4096-character spam, a 20,000-letter "word",
lone UTF-16 surrogates from broken clients. None of it may raise, and none of it may cost
more than an ordinary question: analysis reads a bounded prefix, keeps a bounded number of
terms, and drops "words" no language has (their spelling-variant search is quadratic in
their length).
"""

from __future__ import annotations

import re

from .analysis import analyze_question, analyze_token, normalize, surface, tokenize

MAX_QUESTION_CHARS = 1000  # analysis reads at most this much of a question
MAX_QUESTION_TERMS = 64  # and keeps at most this many terms (in order)
MAX_TERM_CHARS = 40  # a longer letter run is not a word; searching its variants is quadratic

_SURROGATE = re.compile("[\ud800-\udfff]")
_MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")


def clean_question(text: str) -> str:
    """`text` with lone surrogates (unencodable anywhere) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def bounded(text: str) -> str:
    """The first MAX_QUESTION_CHARS characters of `text`, cut at a space when one is near."""
    if len(text) <= MAX_QUESTION_CHARS:
        return text
    head = text[:MAX_QUESTION_CHARS]
    space = max(head.rfind(" "), head.rfind("\n"))
    return head[:space] if space > MAX_QUESTION_CHARS * 3 // 4 else head


def question_terms(text: str) -> list[str]:
    """The analysed terms of a question, bounded: what the engine searches for."""
    text = _MARKUP_TAG.sub(" ", bounded(clean_question(text)))  # `<b>` is not a word asked
    terms = [t for t in analyze_question(text)
             if len(t) <= MAX_TERM_CHARS]
    return terms[:MAX_QUESTION_TERMS]


_ARTICLE = normalize("ال")


def definite_terms(text: str) -> dict[str, bool]:
    """Each analysed term of a question -> whether one of its words carries the article
    (الصين, والتضخم, بالانتخابات): a definite noun names a subject (decide.py)."""
    out: dict[str, bool] = {}
    for token in tokenize(normalize(bounded(clean_question(text)))):
        term = analyze_token(token)
        if term is not None:
            bare = surface(token)
            out[term] = out.get(term, False) or (
                bare != token and token[:len(token) - len(bare)].endswith(_ARTICLE))
    return out
