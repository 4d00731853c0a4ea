"""Telegram HTML for answers, help, sources and full articles.

Everything that comes from the corpus or the user is escaped here, and every string returned is
one message of at most 4096 characters (counted in UTF-16 units, as Telegram counts), so the
handlers can send what they get without checking.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from retrieval.coverage import Comparison, OutletSummary, Timeline
from retrieval.dates import arabic_date
from retrieval.feedback import QuestionRating
from retrieval.model import Answer, Article, Citation, Hit
from retrieval.store import SourceInfo

from .examples import COMPARE_TOPIC, EXAMPLES, compare_topic, examples
from .render import (
    ARTICLES,
    OUTLETS,
    QUESTIONS,
    UNKNOWN_OUTLET,
    carried,
    corpus_size,
    count,
    disagreements,
    other_language_notice,
    outlet_not_topic,
    scope_note,
    via,
)

MAX_MESSAGE = 4096
PAGE_SIZE = 3  # hits per "more results" message
COMPACT_CHARS = 280  # a secondary hit shows about this much text
MAX_OUTLET = 80
MAX_TITLE = 200
MAX_QUESTION = 300
ELLIPSIS = "…"



def not_a_question(example: str | None = EXAMPLES[0]) -> str:
    """The reply to words that ask nothing, with `example` (examples.example of the
    coverage; None over no articles: no example), escaped for HTML."""
    if example is None:
        return "من فضلك اكتب سؤالاً عن التغطية الإخبارية."
    return "من فضلك اكتب سؤالاً عن التغطية الإخبارية، مثل: " + html.escape(example)


NOT_A_QUESTION = not_a_question()  # over the seeds
ASK_PROMPT = "ما سؤالك؟ اكتبه ردّاً على هذه الرسالة."
ASK_PLACEHOLDER = "اكتب سؤالك هنا…"
SLOW_DOWN = "مهلاً قليلاً 🙏 أرسلتَ أسئلة كثيرة في دقيقة واحدة. حاول مجدداً بعد قليل."
REFUSED = ("عذراً، هذا البوت غير متاح في هذه المحادثة. "
           "(Sorry, this bot is not available in this chat.)")
STALE_BUTTON = "انتهت صلاحية هذا الزر، اطرح سؤالك من جديد."
ARTICLE_GONE = "لم يعد هذا المقال متاحاً."
NO_MORE = "لا توجد نتائج أخرى."
FAILED = "عذراً، حدث خطأ أثناء الإجابة. حاول مرة أخرى بعد قليل."
UNKNOWN_COMMAND = "لا أعرف هذا الأمر. اكتب سؤالك مباشرة، أو /help للمساعدة."
MORE_BUTTON = "نتائج أخرى"
ARTICLE_BUTTON = "المقال كاملاً"
INLINE_NO_ANSWER = "لا تجيب التغطية عن هذا — اعرض المصادر"
INLINE_CLOSEST = "أقرب مقطع (لا يجيب مباشرة):"
INLINE_HELP = "كيف أسأل مرصد؟"
INLINE_SLOW_DOWN = "مهلاً قليلاً، حاول بعد دقيقة"
INLINE_BUTTON_CHARS = 64


def tg_len(text: str) -> int:
    """Telegram measures message length in UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2  # a lone surrogate: 1 unit


def _cost(text: str) -> int:
    """Length once escaped, as Telegram counts it."""
    return tg_len(html.escape(text, quote=False))


_ESCAPED = {"&": 5, "<": 4, ">": 4}  # &amp; &lt; &gt;


def _char_cost(ch: str) -> int:
    return _ESCAPED.get(ch) or (2 if ord(ch) > 0xFFFF else 1)


def esc(text: str) -> str:
    """Escape corpus or user text for Telegram HTML (`<`, `>`, `&`; quotes are harmless)."""
    return html.escape(text, quote=False)


def clip(text: str, limit: int, *, keep_end: bool = False) -> str:
    """Shorten plain `text` so that its escaped form fits `limit`; cut at a space if one is near.

    The result is still plain text (escape it afterwards), so an entity can never be cut.
    """
    if _cost(text) <= limit:
        return text
    if limit <= tg_len(ELLIPSIS):
        return ""
    budget = limit - tg_len(ELLIPSIS)
    chars = reversed(text) if keep_end else iter(text)
    taken: list[str] = []
    used = 0
    for ch in chars:
        used += _char_cost(ch)
        if used > budget:
            break
        taken.append(ch)
    if keep_end:
        piece = "".join(reversed(taken))
        space = piece.find(" ")
        if 0 <= space < len(piece) // 3:
            piece = piece[space + 1:]
        return ELLIPSIS + piece.strip()
    piece = "".join(taken)
    space = piece.rfind(" ")
    if space > len(piece) * 2 // 3:
        piece = piece[:space]
    return piece.strip() + ELLIPSIS


# -- citations ---------------------------------------------------------------------------------

def outlet(source: str | None) -> str:
    return clip(source.strip(), MAX_OUTLET) if source and source.strip() else UNKNOWN_OUTLET


def _safe_url(url: str | None) -> str | None:
    if url and re.match(r"https?://[^\s<>\"']+$", url) and len(url) <= 500:
        return url
    return None


def citation_html(item: Hit | Citation, *, link: bool = True) -> str:
    """`— outlet، date`; the outlet links to the article when a usable URL is known."""
    name = esc(outlet(item.source))
    url = _safe_url(getattr(item, "url", None)) if link else None
    if url:
        name = f'<a href="{html.escape(url, quote=True)}">{name}</a>'
    return f"— {name}{esc(via(carried(item)))}، {esc(arabic_date(item.date))}"


def also_html(hit: Hit, limit: int = 600) -> str:
    """The other outlets that carried the same statement, or "" when none did."""
    if not hit.also_reported_by:
        return ""
    parts = [f"{outlet(c.source)}{via(c.agencies)}، {arabic_date(c.date)}"
             for c in hit.credited_outlets()]
    return "نقلته أيضاً: " + esc(clip("؛ ".join(parts), limit))


# -- passages ----------------------------------------------------------------------------------

def passage_html(hit: Hit, limit: int) -> str:
    """The passage with its best-matching sentence in bold, shortened around that sentence."""
    if limit < 20:
        return ""
    text, sentence = hit.text.strip(), hit.sentence.strip()
    at = text.find(sentence) if sentence else -1
    if at < 0:
        if not sentence:
            return esc(clip(text, limit))
        # The sentence is not verbatim in the passage: quote it bold, then the passage.
        bold = esc(clip(sentence, limit - 8))
        rest = limit - tg_len(bold) - 8
        tail = esc(clip(text, rest)) if rest > 40 else ""
        return f"<b>{bold}</b>" + (f"\n{tail}" if tail else "")
    before, after = text[:at], text[at + len(sentence):]
    bold = esc(clip(sentence, limit - 7))  # 7 = len("<b></b>")
    room = limit - 7 - tg_len(bold)
    after_part = esc(clip(after, max(room // 2, room - _cost(before))))
    room -= tg_len(after_part)
    before_part = esc(clip(before, room, keep_end=True)) if room > 0 else ""
    if before and not before_part:
        before_part = esc(ELLIPSIS) if room >= 1 else ""
    return f"{before_part}<b>{bold}</b>{after_part}"


def _hit_block(hit: Hit, limit: int) -> str:
    """A passage with its citation (and the other outlets); fits `limit`."""
    cite = citation_html(hit)
    also = also_html(hit, limit=min(600, max(limit // 4, 60)))
    tail = "\n" + cite + (f"\n{also}" if also else "") + differ_html(hit)
    return passage_html(hit, limit - tg_len(tail)) + tail


def _compact_block(hit: Hit) -> str:
    """A secondary hit: its best sentence (or opening), then its citation."""
    text = hit.sentence.strip() or hit.text.strip()
    line = "▪️ " + esc(clip(text, COMPACT_CHARS)) + "\n" + citation_html(hit)
    if hit.also_reported_by:
        line += "\n" + also_html(hit, limit=200)
    return line + differ_html(hit)


def differ_html(hit: Hit) -> str:
    """The other outlets telling the hit's statement with other figures, a line each
    after a newline (render.disagreements), or "" when none."""
    return "".join(f"\n⚠️ {esc(clip(line, 200))}" for line in disagreements(hit, ranked=False))


# -- answers -----------------------------------------------------------------------------------

def render_declined(question: str) -> str:
    q = esc(clip(" ".join(question.split()), MAX_QUESTION))
    return (f"لا تجيب التغطية المتوفرة عن سؤالك «{q}».\n"
            "اكتب /sources لمعرفة المقالات والمصادر التي أعرفها.")


def in_other_language(answer: Answer) -> bool:
    """A question in a language other than Arabic ("und": names alone are searched as typed)."""
    return answer.language not in ("ar", "und")

def render_related(answer: Answer, shown: int = 3) -> str:
    """Declined, but passages on the subject exist: say the coverage does not answer this
    directly, then the closest passages (best sentence and citation), labelled as such."""
    q = esc(clip(" ".join(answer.question.split()), MAX_QUESTION))
    blocks = "\n\n".join(_compact_block(h) for h in answer.hits[:max(1, min(shown, 3))])
    return (f"لا تجيب التغطية المتوفرة عن سؤالك «{q}» مباشرة.\n"
            f"<b>أقرب المقاطع إليه:</b>\n\n{blocks}")


def render_answer(answer: Answer, shown: int = 3, example: str | None = EXAMPLES[0]) -> str:
    """The first reply: the best passage in full, then up to `shown - 1` (at most two) more.
    A question in another language is told, in that language, that the coverage is Arabic.
    A question that named an outlet is first told whose passages these are (scope_note).
    `example`: the question a notice suggests (examples.example of the coverage)."""
    if in_other_language(answer):
        return esc(other_language_notice(answer.language, example))
    note = scope_note(answer)
    if not answer.searchable:  # «حسب الجزيرة» alone: the outlet is said missing all the same
        asking = not_a_question(example)
        return f"<b>{esc(note)}</b>\n{asking}" if note else asking
    if note and answer.outlets and not answer.answered:  # the outlet's closest, or nothing
        blocks = [_compact_block(h) for h in answer.hits[:max(1, min(shown, 3))]]
        return "\n\n".join([f"<b>{esc(note)}</b>", *blocks])
    head = f"<b>{esc(note)}</b>\n\n" if note else ""
    if answer.related:
        return head + render_related(answer, shown)
    if not answer.answered or not answer.hits:
        return head + render_declined(answer.question)
    extra = [_compact_block(h) for h in answer.hits[1:max(1, min(shown, 3))]]
    header = "\n\n<b>وفي التغطية أيضاً:</b>\n"
    extras = header + "\n\n".join(extra) if extra else ""
    room = MAX_MESSAGE - tg_len(head)
    if room - tg_len(extras) < 1200:  # the best passage always gets the room it needs
        extras = ""
    return head + _hit_block(answer.hits[0], room - tg_len(extras)) + extras


def render_more(hits: Sequence[Hit], first_rank: int) -> str:
    """A follow-up page of hits, each passage in full with its citation."""
    if not hits:
        return NO_MORE
    header = f"<b>نتائج أخرى ({first_rank}–{first_rank + len(hits) - 1}):</b>\n\n"
    sep = "\n\n"
    budget = (MAX_MESSAGE - tg_len(header) - tg_len(sep) * (len(hits) - 1)) // len(hits)
    return header + sep.join(f"{first_rank + i}. " + _hit_block(h, budget - 5)
                             for i, h in enumerate(hits))


def render_inline_message(hit: Hit) -> str:
    """What gets posted when someone picks an inline result: the passage and its citation."""
    return _hit_block(hit, MAX_MESSAGE)


def inline_no_answer(answer: Answer) -> tuple[str, str]:
    """The button above a declined answer's inline results: its label and the /start payload.
    In another language: the notice's first sentence ("Marsad's coverage is in Arabic")."""
    if in_other_language(answer):
        first = other_language_notice(answer.language).split(". ", 1)[0]
        return clip(first, INLINE_BUTTON_CHARS), "help"
    return INLINE_NO_ANSWER, "sources"


def inline_title(hit: Hit, closest: bool = False) -> str:
    """Outlet and date; `closest`: a declined answer's passage, labelled as not answering."""
    cited = f"{outlet(hit.source)}{via(hit.source_agencies)}، {arabic_date(hit.date)}"
    return f"{INLINE_CLOSEST} {cited}" if closest else cited


def inline_description(hit: Hit) -> str:
    return clip(hit.sentence.strip() or hit.text.strip(), 200)


# -- help and sources --------------------------------------------------------------------------

@dataclass
class _Outlet:
    name: str
    articles: int = 0
    dates: tuple = ()
    undated: int = 0


def _outlets(sources: Iterable[SourceInfo]) -> list[_Outlet]:
    """Group articles by outlet, keeping first-seen order and the unknown outlet last."""
    groups: dict[str, _Outlet] = {}
    for s in sources:
        g = groups.setdefault(outlet(s.source), _Outlet(outlet(s.source)))
        g.articles += 1
        if s.date is None:
            g.undated += 1
        else:
            g.dates = (*g.dates, s.date)
    named = [g for name, g in groups.items() if name != UNKNOWN_OUTLET]
    return named + [g for name, g in groups.items() if name == UNKNOWN_OUTLET]


def _outlet_line(g: _Outlet) -> str:
    if not g.dates:
        when = arabic_date(None)
    elif min(g.dates) == max(g.dates):
        when = arabic_date(g.dates[0])
    else:
        when = f"من {arabic_date(min(g.dates))} إلى {arabic_date(max(g.dates))}"
    if g.dates and g.undated:
        when += f" (و{count(g.undated, ARTICLES)} دون تاريخ)"
    return f"• {esc(g.name)} — {esc(when)} ({count(g.articles, ARTICLES)})"


def render_help(sources: Sequence[SourceInfo], bot_username: str | None) -> str:
    """/start and /help: what the bot knows and how to ask, Arabic first."""
    mention = f"@{bot_username}" if bot_username else "@البوت"
    groups = _outlets(sources)
    head = ("<b>مرصد</b> يجيب عن أسئلتك حول التغطية الإخبارية العربية، "
            "ويذكر مع كل مقطع المصدر وتاريخ النشر.\n\n")
    if groups:
        head += f"<b>ما أعرفه:</b> {corpus_size(sources)}:\n"
    else:
        head += "<b>ما أعرفه:</b> لا توجد مقالات بعد."  # no outlet lines follow
    suggested = examples(sources)  # none over no articles (a database emptied by remove)
    topic = compare_topic(sources)
    tail = (
        "\n\n<b>كيف تسأل:</b>\n"
        "• في المحادثة الخاصة: اكتب سؤالك مباشرة.\n"
        f"• في المجموعات: /ask ثم سؤالك، أو اذكرني {esc(mention)}، أو ردّ على إحدى رسائلي.\n"
        f"• في أي محادثة: اكتب {esc(mention)} ثم سؤالك لمشاركة مقطع موثّق.\n\n"
        + ("<b>أمثلة:</b>\n" + "\n".join(f"• {esc(e)}" for e in suggested) + "\n\n"
           if suggested else "")
        + "/sources قائمة المقالات والمصادر.\n"
        "/compare ثم موضوع: كيف غطّته كل وسيلة"
        + (f"، مثل /compare {esc(topic)}" if topic else "") + "\n"
        "/timeline المقالات بترتيب تاريخ النشر.\n\n"
        "<i>Marsad answers questions about Arabic news coverage and cites the outlet and date "
        "of every passage. Ask in Arabic; /sources lists the articles.</i>"
    )
    lines = [_outlet_line(g) for g in groups]
    budget = MAX_MESSAGE - tg_len(head) - tg_len(tail) - 60
    shown: list[str] = []
    for line in lines:
        if tg_len("\n".join([*shown, line])) > budget:
            break
        shown.append(line)
    if len(shown) < len(lines):
        shown.append(f"• و{count(len(lines) - len(shown), OUTLETS)} غيرها: /sources")
    return head + "\n".join(shown) + tail


def render_sources(sources: Sequence[SourceInfo], max_articles: int = 300,
                   outlets: Sequence[OutletSummary] = ()) -> list[str]:
    """/sources: the outlets, each with its articles' titles and dates, then (given
    `outlets`) each outlet's numbers; one or more messages."""
    if not sources:
        return ["لا توجد مقالات بعد. (No articles yet.)"]
    by_outlet: dict[str, list[SourceInfo]] = {}
    for s in sources[:max_articles]:
        by_outlet.setdefault(outlet(s.source), []).append(s)
    order = [n for n in by_outlet if n != UNKNOWN_OUTLET] + (
        [UNKNOWN_OUTLET] if UNKNOWN_OUTLET in by_outlet else [])
    blocks = [f"<b>المصادر</b> — {corpus_size(sources)}:"]
    for name in order:
        blocks.append(f"<b>{esc(name)}</b>")
        blocks.extend(f"• {esc(clip(s.title, MAX_TITLE))} — {esc(arabic_date(s.date))}"
                      for s in by_outlet[name])
    if len(sources) > max_articles:
        blocks.append(f"… و{count(len(sources) - max_articles, ARTICLES)} غيرها.")
    if outlets:
        blocks += ["", *outlet_summary_blocks(outlets)]
    return pack(blocks, sep="\n")


# -- full articles -----------------------------------------------------------------------------

def split_plain(text: str, limit: int) -> list[str]:
    """Cut plain text so each piece escapes to at most `limit`: at lines, then spaces, then
    anywhere. Pieces are plain text; escaping them afterwards cannot cut an entity."""
    if _cost(text) <= limit:
        return [text]
    pieces: list[str] = []
    for sep in ("\n", " "):
        parts = text.split(sep)
        if len(parts) > 1:
            current = ""
            for part in parts:
                candidate = f"{current}{sep}{part}" if current else part
                if _cost(candidate) <= limit:
                    current = candidate
                    continue
                if current:
                    pieces.append(current)
                if _cost(part) <= limit:
                    current = part
                else:
                    pieces.extend(split_plain(part, limit))
                    current = ""
            if current:
                pieces.append(current)
            return pieces
    # No separator at all: cut by characters.
    current, used = [], 0
    for ch in text:
        c = _char_cost(ch)
        if used + c > limit:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(ch)
        used += c
    if current:
        pieces.append("".join(current))
    return pieces


def pack(blocks: Sequence[str], limit: int = MAX_MESSAGE, sep: str = "\n\n") -> list[str]:
    """Join self-contained HTML blocks into as few messages of at most `limit` as possible.

    Each block must already fit `limit` and must not leave a tag open.
    """
    messages: list[str] = []
    current = ""
    for block in blocks:
        if tg_len(block) > limit:
            raise ValueError("a block is longer than a message")
        candidate = f"{current}{sep}{block}" if current else block
        if tg_len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def render_article(article: Article) -> list[str]:
    """The whole article, title and citation first, in as many messages as it needs."""
    marker_room = 12  # "\n\n(12/12)"
    limit = MAX_MESSAGE - marker_room
    cite = citation_html(Citation(article.id, article.source, article.date), link=False)
    header = f"<b>{esc(clip(article.title, MAX_TITLE))}</b>\n{cite}"
    url = _safe_url(article.url)
    if url:
        header += f"\n{esc(url)}"
    blocks = [header]
    for paragraph in article.paragraphs:
        if paragraph.strip():
            blocks.extend(esc(p) for p in split_plain(paragraph.strip(), limit) if p.strip())
    messages = pack(blocks, limit)
    if len(messages) > 1:
        messages = [f"{m}\n\n({i}/{len(messages)})" for i, m in enumerate(messages, 1)]
    return messages


# -- coverage: compare, timeline, outlets, feedback ----------------------------------------

FEEDBACK_UP = "👍"
FEEDBACK_DOWN = "👎"
FEEDBACK_THANKS = "شكراً، سُجّل تقييمك."
ADMINS_ONLY = "عذراً، هذا الأمر للمشرفين فقط. (Sorry, this command is for admins only.)"
def compare_prompt(topic: str | None = COMPARE_TOPIC) -> str:
    """/compare with no topic: how to give one (`topic`: examples.compare_topic; None
    when there are no articles to compare)."""
    if topic is None:
        return "لا توجد مقالات بعد. (No articles yet.)"
    return f"اكتب موضوعاً بعد الأمر، مثل: /compare {esc(topic)}"


COMPARE_PROMPT = compare_prompt()  # over the seeds
COMPARE_CHARS = 600  # each outlet's passage is shortened to about this much


def render_comparison(comparison: Comparison, topic: str | None = COMPARE_TOPIC) -> list[str]:
    """/compare: each outlet's passage on the topic with its date, then the silent ones;
    `topic`: the one a prompt suggests (examples.compare_topic of the coverage)."""
    if comparison.outlet is not None:
        return [esc(outlet_not_topic(comparison.outlet, "/compare", topic))]
    if not comparison.searchable:
        return [compare_prompt(topic)]
    topic = esc(clip(" ".join(comparison.topic.split()), MAX_QUESTION))
    blocks = [f"<b>كيف غطّت المصادر «{topic}»</b>"]
    if not comparison.outlets:
        blocks.append("لم يتناول أي مصدر هذا الموضوع.")
    for view in comparison.outlets:
        said = view.sentence.strip() or view.text.strip()
        quote = esc(clip(said, COMPARE_CHARS))
        if view.in_title:
            quote = "(العنوان) " + quote
        blocks.append(f"<b>{esc(outlet(view.source))}</b>{esc(via(view.agencies))} — "
                      f"{esc(arabic_date(view.date))}\n"
                      f"<i>{esc(clip(view.title, MAX_TITLE))}</i>\n{quote}")
    if comparison.silent:
        names = "؛ ".join(outlet(s) for s in comparison.silent)
        blocks.append("<b>لم تتناوله:</b> " + esc(clip(names, 2000)))
    return pack(blocks)


def render_timeline(timeline: Timeline, max_articles: int = 300) -> list[str]:
    """/timeline: dated articles in order, then the undated ones apart. Past `max_articles`
    of either, the most recent dated ones are shown (a newsroom's timeline is read from
    its end) and the reader is told how many more there are."""
    if not timeline.dated and not timeline.undated:
        return ["لا توجد مقالات بعد. (No articles yet.)"]
    blocks = ["<b>المقالات بترتيب تاريخ النشر:</b>"]
    older = len(timeline.dated) - max_articles
    if older > 0:
        blocks.append(f"… و{count(older, ARTICLES)} أقدم لا تُعرض هنا "
                      "(marsad timeline يعرضها كلها).")
    blocks += [f"• {esc(arabic_date(s.date))} — <b>{esc(outlet(s.source))}</b>"
               f"{esc(via(timeline.agencies_of(s)))}: {esc(clip(s.title, MAX_TITLE))}"
               for s in timeline.dated[-max_articles:]]
    if timeline.undated:
        blocks.append("\n<b>دون تاريخ منشور:</b>")
        blocks += [f"• <b>{esc(outlet(s.source))}</b>{esc(via(timeline.agencies_of(s)))}: "
                   f"{esc(clip(s.title, MAX_TITLE))}" for s in timeline.undated[:max_articles]]
        more = len(timeline.undated) - max_articles
        if more > 0:
            blocks.append(f"… و{count(more, ARTICLES)} غيرها دون تاريخ.")
    return pack(blocks, sep="\n")


def outlet_summary_blocks(summaries: Sequence[OutletSummary]) -> list[str]:
    blocks = ["<b>المصادر في أرقام:</b>"]
    for o in summaries:
        articles = count(o.articles, ARTICLES)
        if o.first_date is None:
            when = arabic_date(None)
        elif o.first_date == o.last_date:
            when = arabic_date(o.first_date)
        else:
            when = f"من {arabic_date(o.first_date)} إلى {arabic_date(o.last_date)}"
        blocks.append(f"• {esc(outlet(o.source))} — {articles}، {esc(when)}؛ "
                      f"عبارات نقلتها مصادر أخرى أيضاً: {o.corroborated}")
    return blocks


def render_stats(ratings: Sequence[QuestionRating], limit: int = 20) -> list[str]:
    """/stats (admins): the worst-rated questions first."""
    if not ratings:
        return ["لا تقييمات بعد. (No feedback yet.)"]
    blocks = [f"<b>تقييمات القراء — {count(len(ratings), QUESTIONS)}، الأسوأ أولاً:</b>"]
    for r in ratings[:limit]:
        blocks.append(f"{r.score:+d} ({FEEDBACK_UP} {r.up} / {FEEDBACK_DOWN} {r.down}) — "
                      f"{esc(clip(r.question, MAX_QUESTION))}")
    return pack(blocks, sep="\n")
