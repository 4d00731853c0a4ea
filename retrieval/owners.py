"""Titles qualified by their owner, for telling a near miss (issue 12).

«من هو مدرب الترجي؟» over «وقال مدرب الأهلي مارسيل كولر»: the passage names a coach, of
another club. A title (a person's head word: مدرب، رئيس، وزير…) followed by a definite
noun names whose title it is (a club, a body, a ministry: «مدرب الترجي», «رئيس البرلمان»,
«وزير الخارجية»); a passage giving the title only to other owners says nothing of the
one asked about. Owners that are countries are countries.qualified_otherwise's.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise

from .aliases import PERSON_HEADS
from .analysis import analyze, analyze_token, normalize, tokenize
from .countries import nation

__all__ = ["TITLES", "owned_otherwise"]

# Head words of a title held for an owner: the person heads aliases.py mines, and the
# roles of a club or a company that news names by their owner
TITLES = PERSON_HEADS | frozenset(analyze("مدرب مدربة لاعب حارس هداف مالك مؤسس"))
_ARTICLE = normalize("ال")
_AND = (normalize("و"), normalize("ف"))


def _owned(tokens: Sequence[str]) -> list[tuple[str, str]]:
    """(title, owner) as terms, for each title right before a definite noun that is no
    country: «مدرب الترجي» -> (مدرب, ترجي); «وزير الدفاع الروسي» -> (وزير, دفاع)."""
    out = []
    for title, owner in pairwise(tokens):
        title = title[1:] if title[:1] in _AND and len(title) > 4 else title  # ووزير
        head, term = analyze_token(title), analyze_token(owner)
        # a construct's head has no article: «الزعيمان الغداء» owns nothing
        if head in TITLES and term is not None and owner.startswith(_ARTICLE) \
                and not title.startswith(_ARTICLE) and nation(owner) is None:
            out.append((head, term))
    return out


def owned_otherwise(question: str, text: str,
                    aliases: Mapping[str, Collection[str]]) -> bool:
    """Whether the passage `text` gives a title the question gives an owner («مدرب
    الترجي») only to other owners («مدرب الأهلي»), never to the one asked about."""
    asked = _owned(tokenize(normalize(question)))
    if not asked:
        return False
    said = _owned(tokenize(normalize(text)))
    for title, owner in asked:
        owners = {o for t, o in said if t == title}
        wanted = {owner, *aliases.get(owner, ())}
        if owners and owners.isdisjoint(wanted):
            return True
    return False
