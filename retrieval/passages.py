"""Cut article paragraphs into passages: the unit that is indexed, ranked and quoted.

A passage is one paragraph, unless the paragraph is too long to quote in a chat message;
then it is split at sentence ends so every quoted passage still reads as whole sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

import numpy as np

from .analysis import accepting_text, analyze, analyze_token, normalize, tokenize
from .kinds import is_furniture

# Invisible marks (soft hyphen, zero width, bidi: they break matching and copy-paste), and
# what a terminal obeys instead of showing: a whole ANSI escape (`ESC[31m`, `ESC]0;title
# BEL`) and any other C0/C1 control or DEL. A scraped record holding `\u001b[2J` cleared the
# reader's console when cited.
_ESCAPES = ("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|\x1b[@-_]?"
            "|[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_CONTROLS = re.compile(
    _ESCAPES + "|[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_TERMINAL = re.compile(_ESCAPES)
_SEPARATORS = re.compile("[\x0b\x0c\x1c-\x1f]")  # whitespace to str.split; XML refuses them


def without_controls(text: str) -> str:
    """`text` with its escapes and control characters dropped (separators made spaces), line
    ends and tabs kept: what a terminal shows as written and lxml takes (it refuses a
    string holding a control character with a ValueError)."""
    return _SEPARATORS.sub(" ", _TERMINAL.sub("", text))
_SPACES = re.compile(r"\s+")
# A sentence end: terminal marks (and closing quotes/brackets) followed by space or the end.
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s|$)")


def clean_text(text: str) -> str:
    """Drop invisible control characters and collapse whitespace runs to single spaces."""
    if text.isprintable():  # no controls, and no whitespace but " " (not printable either)
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text  # already clean: most paragraphs
    else:
        text = _CONTROLS.sub("", text)
    return " ".join(text.split())  # str.split and re's \s agree on what is whitespace


def _is_abbreviation(before: str, mark: str) -> bool:
    """`د.` or `U.S.`: a lone letter before a single period does not end a sentence."""
    words = before.split()
    return mark == "." and bool(words) and len(words[-1]) == 1 and words[-1].isalpha()


def _split_line(line: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        if _is_abbreviation(line[start : match.start()], match.group().rstrip("\"'»”’)]")):
            continue
        sentences.append(line[start : match.end()])
        start = match.end()
    sentences.append(line[start:])
    return sentences


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, each keeping its closing punctuation; newlines always split."""
    sentences = (clean_text(s) for line in text.splitlines() for s in _split_line(line))
    return [s for s in sentences if s]


@lru_cache(maxsize=1 << 16)
def sentence_terms(sentence: str) -> frozenset[str]:
    """A sentence's distinct terms (`analyze`), cached: passages and questions repeat."""
    return frozenset(analyze(sentence))


@lru_cache(maxsize=1 << 14)
def sentences_of(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(sentence, its distinct terms) for each sentence of a passage, in order; cached, so
    an answer's stages (the rerank's answer-type cue, the decision, the best sentence) and
    corroboration at ingest split and analyse a passage once. A passage noted with its
    stored forms (`note_forms`) has each form's term looked up, not stemmed again."""
    stored = _STORED_FORMS.pop(text, None)
    known = _known_forms(*stored) if stored is not None else None
    if not known:
        return tuple((s, sentence_terms(s)) for s in split_sentences(text))
    return tuple((s, _terms_with(s, known)) for s in split_sentences(text))


# Passages an answer read, by text: their word forms and terms as ingest stored them
# (`note_forms`). A fresh process (`marsad ask`, a batch) has stemmed few word forms yet:
# at 100k passages, 300 answers from a fresh process stemmed 64 new forms each (cProfile).
_STORED_FORMS: dict[str, tuple[str, np.ndarray, Sequence[str]]] = {}
STORED_FORMS_MAX = 4096  # passages noted and not yet analysed; more and the notes go


def note_forms(text: str, words: str | None, terms: np.ndarray,
               vocabulary: Sequence[str]) -> None:
    """Note a stored passage's word forms (`words`: space-separated, stop words dropped,
    title's first, as rerank.word_forms stores them; None: not stored) and its term ids
    in the same order, for `sentences_of` when it first splits and analyses `text`."""
    if words is None:
        return
    if len(_STORED_FORMS) >= STORED_FORMS_MAX:
        _STORED_FORMS.clear()
    _STORED_FORMS[text] = (words, terms, vocabulary)


def _known_forms(words: str, terms: np.ndarray, vocabulary: Sequence[str]
                 ) -> dict[str, str] | None:
    """Word form -> term of a stored passage (None when its forms and terms do not pair
    up one to one: then it is analysed as any text)."""
    forms = words.split()
    if len(forms) != len(terms) or not forms:
        return None
    ids = terms.tolist()
    found = itemgetter(*ids)(vocabulary)
    return dict(zip(forms, found if len(ids) > 1 else (found,), strict=True))


def _terms_with(sentence: str, known: dict[str, str]) -> frozenset[str]:
    """`sentence_terms`, each form's term looked up in `known` first."""
    out = []
    for token in tokenize(accepting_text(normalize(sentence))):  # «قبل» as analyze reads it
        term = known.get(token)
        if term is None:
            term = analyze_token(token)  # a stop word (None), or a form not stored
        if term is not None:
            out.append(term)
    return frozenset(out)


def _windows(sentences: list[str], max_words: int) -> list[str]:
    """Pack whole sentences greedily; a sentence longer than the limit is cut at words."""
    windows: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        words = sentence.split()
        if len(current) + len(words) > max_words and current:
            windows.append(" ".join(current))
            current = []
        while len(words) > max_words:
            windows.append(" ".join(words[:max_words]))
            words = words[max_words:]
        current.extend(words)
    if current:
        windows.append(" ".join(current))
    return windows


def split_passages(paragraphs: Sequence[str], max_words: int = 120) -> list[str]:
    """One passage per paragraph; paragraphs over `max_words` become sentence windows."""
    return [p if isinstance(p, str) else paragraphs[p]
            for p in passage_plan(paragraphs, max_words)]


def passage_plan(paragraphs: Sequence[str], max_words: int = 120) -> list[str | int]:
    """`split_passages`, with the index of the paragraph instead of the text for each
    passage that is a paragraph exactly as given (most are): it need not be copied."""
    if max_words < 1:
        raise ValueError("max_words must be at least 1")
    passages: list[str | int] = []
    for paragraph, words, source in _join_lead_ins(paragraphs, max_words):
        if words > max_words:
            passages.extend(_windows(split_sentences(paragraph), max_words))
        else:
            passages.append(paragraph if source < 0 else source)
    return passages


LEAD_IN_WORDS = 8


def _join_lead_ins(paragraphs: Sequence[str], max_words: int) -> list[tuple[str, int, int]]:
    """A lead-in (`وأضاف كيم:`) or a short sentence belongs with the paragraph after it.

    Alone it is a passage no question can be answered from. A heading, caption or credit
    (kinds.py) stays a passage of its own, ranked after the body: glued to the paragraph
    after it, its words (often the names of the story) would lift that paragraph for
    questions it does not answer. Returns (text, its words, the
    index of the paragraph it is exactly, or -1).
    """
    joined: list[tuple[str, int, int]] = []
    carry, carried, carried_from = "", 0, -1
    texts: Sequence[str] = paragraphs
    whole = " ".join(paragraphs)  # clean as a whole: every paragraph is clean, none empty
    if not whole.isprintable() or "  " in whole or " " in (whole[:1], whole[-1:]):
        texts = [clean_text(p) for p in paragraphs]
    for i, (text, given) in enumerate(zip(texts, paragraphs, strict=True)):
        if not text:
            continue
        words = text.count(" ") + 1  # clean text: words are single-space separated
        source = i if text == given else -1
        if carry and carried + words <= max_words:
            text, words, source = f"{carry} {text}", carried + words, -1
        elif carry:
            joined.append((carry, carried, carried_from))
        carry = ""
        if (text.endswith(":") or words < LEAD_IN_WORDS) and not is_furniture(text):
            carry, carried, carried_from = text, words, source
        else:
            joined.append((text, words, source))
    if carry:
        joined.append((carry, carried, carried_from))
    return joined
