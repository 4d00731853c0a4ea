"""Plain-text rendering for the terminal: the passage, then `— outlet، date`."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from retrieval.coverage import Comparison, OutletSummary, Timeline
from retrieval.date_scope import AskedMonth, asked_period
from retrieval.dates import arabic_date
from retrieval.feedback import QuestionRating
from retrieval.model import Answer, Citation, Hit
from retrieval.store import SourceInfo

from .examples import COMPARE_TOPIC, EXAMPLES

NOT_A_QUESTION = (
    "من فضلك اطرح سؤالاً عن التغطية الإخبارية. (Please ask a question about the coverage.)"
)
NOT_ANSWERED = (
    "لا تجيب التغطية المتوفرة عن هذا السؤال. اكتب {sources} لمعرفة ما تغطيه.\n"
    "(The coverage does not answer this; {sources} lists what it covers.)"
)
# Declined while passages on the subject exist: say so, then show them labelled as closest.
NOT_DIRECTLY = (
    "لا تجيب التغطية المتوفرة عن هذا السؤال مباشرة. أقرب المقاطع إليه:\n"
    "(The coverage does not answer this directly. The closest passages:)"
)
UNKNOWN_OUTLET = "مصدر غير معروف"
WIDTH = 100  # columns a passage is wrapped at where no terminal tells its own (pipes, files)
# A question in another language: the coverage is Arabic; say so in the reader's language,
# with an example the coverage answers ({example}: examples.example).
OTHER_LANGUAGE = {
    "en": "Marsad's coverage is in Arabic. Please ask your question in Arabic, for example: "
          "{example}",
    "fr": "La couverture de Marsad est en arabe. Posez votre question en arabe, par exemple : "
          "{example}",
    "es": "La cobertura de Marsad está en árabe. Haga su pregunta en árabe, por ejemplo: "
          "{example}",
    "de": "Marsads Berichterstattung ist auf Arabisch. Bitte stellen Sie Ihre Frage auf Arabisch, "
          "zum Beispiel: {example}",
    "ru": "Материалы Marsad — на арабском языке. Задайте вопрос по-арабски, например: "
          "{example}",
    "tr": "Marsad'ın kapsadığı haberler Arapçadır. Lütfen sorunuzu Arapça sorun, örneğin: "
          "{example}",
}


def other_language_notice(language: str, example: str | None = EXAMPLES[0]) -> str:
    """The "ask in Arabic" notice in the reader's language (English when we lack theirs),
    with `example`, a question the coverage answers (examples.example); with None (no
    articles), the request alone, its ", for example:" clause cut."""
    notice = OTHER_LANGUAGE.get(language, OTHER_LANGUAGE["en"])
    if example is None:
        notice = re.sub(r",[^,]*$", ".", notice.split("{example}")[0].rstrip(" :"))
    return notice.replace("{example}", example or "") + "\n" + (
        "التغطية باللغة العربية: اطرح سؤالك بالعربية.")


NO_ARTICLES = "لا توجد مقالات في قاعدة البيانات بعد. (No articles yet: use marsad ingest.)"


# A counted noun's forms: (one, two, three to ten, eleven to ninety-nine). All are masculine,
# so "one" is followed by واحد.
ARTICLES = ("مقال", "مقالان", "مقالات", "مقالاً")
PASSAGES = ("مقطع", "مقطعان", "مقاطع", "مقطعاً")
OUTLETS = ("مصدر", "مصدران", "مصادر", "مصدراً")
QUESTIONS = ("سؤال", "سؤالان", "أسئلة", "سؤالاً")


def count(n: int, noun: tuple[str, str, str, str]) -> str:
    """`n` things in Arabic, the noun agreeing with the number: «مقال واحد», «مقالان»,
    «3 مقالات», «11 مقالاً», «100 مقال», «103 مقالات». The last two digits decide, as
    Arabic reads the number (CLDR's Arabic plural rules): 3–10 take the plural, 11–99 the
    accusative singular, 0, 1, 2 after a hundred (100, 101, 102) the singular. Zero takes
    the plural. `noun`: one of ARTICLES, PASSAGES, OUTLETS, QUESTIONS."""
    one, two, few, many = noun
    if n == 1:
        return f"{one} واحد"
    if n == 2:
        return two
    rest = abs(n) % 100
    if n == 0 or 3 <= rest <= 10:
        return f"{n} {few}"
    if rest >= 11:
        return f"{n} {many}"
    return f"{n} {one}"


def outlet_count(sources: Sequence[str | None]) -> int:
    """How many outlets published these articles' `sources`; an unknown outlet is none."""
    return len({s.strip() for s in sources if s and s.strip()})


def corpus_size(sources: Sequence[SourceInfo]) -> str:
    """«5 مقالات نشرها 4 مصادر»: articles and the known outlets that published them (the
    unknown outlet is not counted; articles none of which names its outlet say so)."""
    articles = count(len(sources), ARTICLES)
    outlets = outlet_count([s.source for s in sources])
    if not outlets:
        return f"{articles} (المصدر غير معروف)" if sources else articles
    them = {1: "نشره", 2: "نشرهما"}.get(len(sources), "نشرها")  # «it», «the two», «them»
    return f"{articles} {them} {count(outlets, OUTLETS)}"


def via(agencies: Sequence[str] | None) -> str:
    """` نقلاً عن رويترز` (` نقلاً عن رويترز وفرانس برس`) for a passage republishing wire
    copy, else ''. Every place that cites an outlet puts it right after the outlet's name
    (answers, inline results, compare, timeline; issue 12). `agencies`: a hit's, an
    OutletView's, or a timeline article's (`Timeline.agencies_of`)."""
    return f" نقلاً عن {' و'.join(agencies)}" if agencies else ""


def carried(c: Citation | Hit) -> Sequence[str]:
    """The agencies to cite beside `c`'s outlet: those its own copy carried (a hit's
    `source_agencies`, a credited outlet's `agencies`), never another outlet's."""
    return c.source_agencies if isinstance(c, Hit) else c.agencies


def citation(c: Citation | Hit) -> str:
    return f"— {c.source or UNKNOWN_OUTLET}{via(carried(c))}، {arabic_date(c.date)}"


def disagreements(hit: Hit, ranked: bool = True) -> list[str]:
    """One line per other hit of the same statement whose outlet prints other figures for
    the same thing (`Hit.disagrees_with`): «تختلف أرقامه عن [4] الجزيرة نت، 14 مارس 2025:
    القتلى 27 هنا مقابل 29 هناك». `ranked`: name the other hit by its rank too (the
    console numbers its hits; the bot does not)."""
    lines = []
    for other in hit.disagrees_with:
        where = f"[{other.rank}] " if ranked and other.rank else ""
        told = "؛ ".join(f"{f.measure} {' و'.join(f.this)} هنا مقابل {' و'.join(f.other)} هناك"
                         for f in other.figures)
        lines.append(f"تختلف أرقامه عن {where}{other.source or UNKNOWN_OUTLET}، "
                     f"{arabic_date(other.date)}: {told}")
    return lines


BOLD, PLAIN = "\033[1m", "\033[0m"


def _emphasised(text: str, sentence: str) -> str:
    """Mark the best-matching sentence; the markers become bold escapes after wrapping."""
    start = text.find(sentence) if sentence else -1
    if start < 0:
        return text
    end = start + len(sentence)
    return f"{text[:start]}\x01{text[start:end]}\x02{text[end:]}"


def render_hit(hit: Hit, width: int = WIDTH, bold: bool = False) -> str:
    text = _emphasised(hit.text, hit.sentence) if bold else hit.text
    body = textwrap.fill(text, width, initial_indent=f"[{hit.rank}] ",
                         subsequent_indent="    ")
    body = body.replace("\x01", BOLD).replace("\x02", PLAIN)
    lines = [body, "    " + citation(hit)]
    if hit.also_reported_by:
        others = "؛ ".join(citation(c)[2:] for c in hit.credited_outlets())
        lines.append(f"    نقلته أيضاً: {others}")
    lines += [f"    {line}" for line in disagreements(hit)]
    return "\n".join(lines)


def scope_note(answer: Answer) -> str | None:
    """What the reader is told first when the question named an outlet or asked about a
    day (Arabic, one line): whose coverage the passages come from, that it has nothing on
    this, or that the coverage holds no article of it; which day's articles these are.
    None for any other question."""
    named = " و".join(filter(None, ["، ".join(answer.outlets[:-1]), *answer.outlets[-1:]]))
    if answer.published_on:
        period = asked_period(answer.published_on)
        day = period.text()
        if not answer.hits:  # «ماذا حدث اليوم؟» when nothing was published today
            return f"لم تنشر {named or 'التغطية'} شيئاً في {day}."
        if isinstance(period, AskedMonth):
            return f"ما نشرته {named or 'التغطية'} في {day} (مطلع كل مقال):"
        return f"ما نشرته {named or 'التغطية'} في {day} وفي اليوم التالي (مطلع كل مقال):"
    if answer.latest:
        return f"أحدث ما نشرته {named} في التغطية (مطلع كل مقال):"
    missing = (f"لا تضم التغطية مقالات من {answer.outlet_not_covered}"
               if answer.outlet_not_covered else "")
    if not named:
        if not missing:
            return None
        return f"{missing}؛ هذا ما نقلته المصادر الأخرى:" if answer.hits else f"{missing}."
    if answer.answered:
        lead = f"من تغطية {named}:"
    elif answer.hits:
        lead = f"لا تجيب تغطية {named} عن هذا السؤال مباشرة. أقرب مقاطعها إليه:"
    else:
        lead = f"لم تتناول {named} هذا في التغطية المتوفرة."
    return f"{missing}؛ {lead}" if missing else lead


def render_answer(answer: Answer, bold: bool = False, sources: str = ":sources",
                  example: str | None = EXAMPLES[0], width: int = WIDTH) -> str:
    """`bold`: set the best sentence in bold, for a terminal that shows it; `sources`: how
    the reader lists the articles where they are (the console's command by default);
    `example`: the question a notice suggests (examples.example of the coverage);
    `width`: the columns passages are wrapped at (the terminal's, in the console)."""
    if answer.language not in ("ar", "und"):
        return other_language_notice(answer.language, example)
    note = scope_note(answer)
    if not answer.searchable:  # «حسب الجزيرة» alone: the outlet is said missing all the same
        return f"{note}\n{NOT_A_QUESTION}" if note else NOT_A_QUESTION
    if answer.outlets and note:  # that outlet's passages only, said as such
        return "\n\n".join([note, *(render_hit(h, width, bold=bold and answer.answered)
                                     for h in answer.hits)])
    if answer.related:
        body = "\n\n".join([NOT_DIRECTLY, *(render_hit(h, width) for h in answer.hits)])
    elif not answer.answered:
        body = NOT_ANSWERED.format(sources=sources)
    else:
        body = "\n\n".join(render_hit(h, width, bold=bold) for h in answer.hits)
    return f"{note}\n{body}" if note else body


def render_sources(sources: Sequence[SourceInfo]) -> str:
    if not sources:
        return NO_ARTICLES
    rows = []
    for s in sources:
        rows.append(f"{s.id}  {s.source or UNKNOWN_OUTLET}، {arabic_date(s.date)}  "
                    f"({count(s.passages, PASSAGES)})\n    {s.title}")
    return "\n".join(rows)


# -- coverage: compare, timeline, outlets, feedback ---------------------------------------

def outlet_name(source: str | None) -> str:
    return source or UNKNOWN_OUTLET


def outlet_not_topic(outlet: str, command: str, topic: str | None = COMPARE_TOPIC) -> str:
    """`:compare سكاي نيوز`: an outlet's name where a topic belongs. Say how to compare the
    outlets on a topic (`topic`: examples.compare_topic of the coverage), and how to ask
    what that one outlet reported."""
    such = f"، مثل {command} {topic}" if topic else ""
    return (f"«{outlet}» مصدر وليس موضوعاً: {command} يقارن المصادر في موضوع{such}. "
            f"ولمعرفة ما نشره هذا المصدر اسأل: ماذا قالت {outlet} عن …؟")


def compare_prompt(command: str, topic: str | None = COMPARE_TOPIC) -> str:
    """A compare with no topic: how to give one (`topic`: examples.compare_topic; None
    when there are no articles to compare)."""
    if topic is None:
        return NO_ARTICLES
    return f"اكتب موضوعاً للمقارنة، مثل: {command} {topic} (Give a topic to compare.)"


TOPIC_SHOWN = 80  # characters of a compare topic its heading echoes


def shown_topic(topic: str) -> str:
    """The topic as a comparison's heading echoes it: a pasted paragraph is cut at a space,
    with «…», rather than printed whole above the answer."""
    topic = " ".join(topic.split())
    if len(topic) <= TOPIC_SHOWN:
        return topic
    head = topic[:TOPIC_SHOWN]
    space = head.rfind(" ")
    return (head[:space] if space > TOPIC_SHOWN // 2 else head) + "…"


def render_comparison(comparison: Comparison, width: int = WIDTH, command: str = ":compare",
                      topic: str | None = COMPARE_TOPIC) -> str:
    """Each outlet's passage on the topic with its date, then the outlets that are silent;
    `command`: how the reader compares where they are (the console's by default); `topic`:
    the one a prompt suggests (examples.compare_topic of the coverage)."""
    if comparison.outlet is not None:
        return outlet_not_topic(comparison.outlet, command, topic)
    if not comparison.searchable:
        return compare_prompt(command, topic)
    lines = [f"كيف غطّت المصادر «{shown_topic(comparison.topic)}»:"]
    if not comparison.outlets:
        lines.append("لم يتناول أي مصدر هذا الموضوع. (No outlet covers this topic.)")
    for view in comparison.outlets:
        lines.append("")
        lines.append(f"■ {outlet_name(view.source)}{via(view.agencies)}، "
                     f"{arabic_date(view.date)} — {view.title}")
        said = f"(العنوان) {view.sentence}" if view.in_title else (view.sentence or view.text)
        lines.append("    " + textwrap.fill(said, width, subsequent_indent="    "))
    if comparison.silent:
        lines.append("")
        lines.append("لم تتناوله: " + "؛ ".join(outlet_name(s) for s in comparison.silent))
    return "\n".join(lines)


def render_timeline(timeline: Timeline) -> str:
    if not timeline.dated and not timeline.undated:
        return "لا توجد مقالات في قاعدة البيانات بعد. (No articles yet: use marsad ingest.)"
    lines = ["المقالات بترتيب تاريخ النشر:"]
    lines += [f"{arabic_date(s.date)} — {outlet_name(s.source)}{via(timeline.agencies_of(s))}: "
              f"{s.title}" for s in timeline.dated]
    if timeline.undated:
        lines += ["", "دون تاريخ منشور:"]
        lines += [f"• {outlet_name(s.source)}{via(timeline.agencies_of(s))}: {s.title}"
                  for s in timeline.undated]
    return "\n".join(lines)


def date_range(first, last) -> str:
    if first is None:
        return arabic_date(None)
    if first == last:
        return arabic_date(first)
    return f"من {arabic_date(first)} إلى {arabic_date(last)}"


def render_outlets(summaries: Sequence[OutletSummary]) -> str:
    if not summaries:
        return NO_ARTICLES
    rows = []
    for o in summaries:
        articles = count(o.articles, ARTICLES)
        when = date_range(o.first_date, o.last_date)
        if o.first_date is not None and o.undated:
            when += f" (و{count(o.undated, ARTICLES)} دون تاريخ)"
        rows.append(f"{outlet_name(o.source)} — {articles}، {when}؛ "
                    f"عبارات نقلتها مصادر أخرى أيضاً: {o.corroborated}")
    return "\n".join(rows)


def render_feedback(ratings: Sequence[QuestionRating]) -> str:
    if not ratings:
        return "لا تقييمات بعد. (No feedback yet.)"
    return "\n".join(f"{r.score:+d}  👍 {r.up}  👎 {r.down}  {r.question}" for r in ratings)
