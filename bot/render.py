"""Plain-text rendering for the terminal: the passage, then `— outlet، date`."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from retrieval.dates import arabic_date
from retrieval.model import Answer, Citation, Hit
from retrieval.store import SourceInfo

NOT_A_QUESTION = (
    "من فضلك اطرح سؤالاً عن التغطية الإخبارية. (Please ask a question about the coverage.)"
)
NOT_ANSWERED = (
    "لا تجيب التغطية المتوفرة عن هذا السؤال. اكتب :sources لمعرفة ما تغطيه.\n"
    "(The coverage does not answer this; :sources lists what it covers.)"
)
UNKNOWN_OUTLET = "مصدر غير معروف"


def citation(c: Citation | Hit) -> str:
    return f"— {c.source or UNKNOWN_OUTLET}، {arabic_date(c.date)}"


def render_hit(hit: Hit, width: int = 100) -> str:
    lines = [f"[{hit.rank}] " + textwrap.fill(hit.text, width, subsequent_indent="    "),
             "    " + citation(hit)]
    if hit.also_reported_by:
        others = "؛ ".join(citation(c)[2:] for c in hit.also_reported_by)
        lines.append(f"    نقلته أيضاً: {others}")
    return "\n".join(lines)


def render_answer(answer: Answer) -> str:
    if not answer.searchable:
        return NOT_A_QUESTION
    if not answer.answered:
        return NOT_ANSWERED
    return "\n\n".join(render_hit(h) for h in answer.hits)


def render_sources(sources: Sequence[SourceInfo]) -> str:
    if not sources:
        return "لا توجد مقالات في قاعدة البيانات بعد. (No articles yet: use marsad ingest.)"
    rows = []
    for s in sources:
        rows.append(f"{s.id}  {s.source or UNKNOWN_OUTLET}، {arabic_date(s.date)}  "
                    f"({s.passages} مقاطع)\n    {s.title}")
    return "\n".join(rows)
