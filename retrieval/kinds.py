"""What kind of passage is this: body text, or page furniture that made it into the index?

Pages carry captions («مقطع فيديو يرصد…»), photo credits («… - غيتي», «(الصورة: …)»),
headings repeated as lines, teasers and tag lines. Parsing cuts what it recognises
(articles.py); what slips through must never outrank a body paragraph that answers,
so ranking weighs it down (rerank.py). The test is on the passage alone: a marker of
caption, credit, tag line or teaser; or a short line that ends no sentence (a heading;
a line that is one quotation ending no sentence is a pull quote, a heading too).
"""

from __future__ import annotations

import re

__all__ = ["HEADING_WORDS", "is_furniture"]

HEADING_WORDS = 20  # a line this short that ends no sentence is a heading or a teaser

_SENTENCE_END = re.compile("[.!?؟…:\"'»”’)]\\s*$")
# A line that is one quotation and nothing else: "…", «…», “…”.
_PULL_QUOTE = re.compile("[\"«“](.+?)[\"»”]")
_MARKERS = re.compile(
    r"^\s*(?:مقطع\s+فيديو|فيديو\s*[:|-]|بالفيديو|بالصور|شاهد|صورة\s*[:|-]|كلمات\s+دلالية"
    r"|الوسوم|اقرأ\s+أيضا|إقرأ\s+أيضا|اقرأ\s+أيضاً|إقرأ\s+أيضاً|اقرأ\s+المزيد)"
    r"|\(\s*(?:الصورة|صورة|تصوير)\s*:"
    r"|(?:[-–—|]\s*|\()(?:غيتي|getty|رويترز|reuters|أ\s*ف\s*ب|afp|أسوشيتد\s+برس|ap|epa)"
    r"\s*(?:images)?\s*\)?\s*$",
    re.IGNORECASE)
# Every marker but the opening ones starts with one of these: a text without them can only
# match at its start (a single `match`, not a `search` trying every position).
_MARKER_OPENERS = re.compile("[-–—|(]")


def is_furniture(text: str) -> bool:
    """A caption, photo credit, tag line, teaser or heading rather than article text."""
    if _MARKERS.match(text) or (_MARKER_OPENERS.search(text) and _MARKERS.search(text)):
        return True
    if len(text.split(maxsplit=HEADING_WORDS)) >= HEADING_WORDS:  # (counts no further)
        return False
    quoted = _PULL_QUOTE.fullmatch(text.strip())  # a heading may be a quotation set apart
    return not _SENTENCE_END.search(quoted.group(1) if quoted else text)
