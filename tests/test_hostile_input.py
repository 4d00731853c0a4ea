"""Hostile questions: whatever anyone types (or a broken client sends), Marsad answers or says
"please ask a question about the coverage"; never an exception, never a Telegram message over
4096 characters, never HTML that Telegram (or html.parser) would reject.

Property-based (hypothesis) over analysis, answering and both renderers, plus a corpus of nasty
strings through `marsad ask` batch mode (a subprocess) and through the bot (the test server).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from botapi_server import parse_html, private_chat, user
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_telegram import quick_retries, server, start  # noqa: F401  (fixtures)

from bot import render as terminal
from bot import telegram_render as tg
from retrieval.analysis import analyze, analyze_question, normalize, tokenize
from retrieval.engine import Marsad
from retrieval.model import Answer, Article, Citation, Hit
from retrieval.questions import (
    MAX_QUESTION_CHARS,
    MAX_QUESTION_TERMS,
    clean_question,
    question_terms,
)

GIFT = "ماذا أهدى بوتين لكيم؟"

NASTY = [
    "", " ", "   \t  ", "\u00a0\u2003", "؟", "؟؟؟!!!", "...", "🙂", "🙂🙂🙂 👍🏽", "👨‍👩‍👧‍👦",
    "\u202e\u202d\u2066\u2067\u2068\u2069", "\u200b\u200c\u200d\ufeff", "\u061c\u200f",
    "بو\u200bتين\u202e كيم", "\x00", "بوتين\x00كيم", "\x07\x08\x1b[31m\x7f", "\x1b]0;pwned\x07",
    "<b>بوتين</b>", "<script>alert(1)</script> كيم", "</b></i><a href='x'>", "&amp;&lt;&#0;&",
    "**بوتين** _كيم_ `code` [link](http://x) ~~s~~ ||spoiler||",
    "'; DROP TABLE articles; --", "\" OR 1=1 --", "بوتين' UNION SELECT * FROM terms --",
    "{0} {1!r} %s %d %(x)s %n {{}} ${HOME} $(rm -rf /)", "%s" * 50,
    "\ud800", "بوتين \udfff كيم", "\udbff\udc00", "a\ud83d",
    "بوتين " * 2500, "ب" * 20_000, "كلمة" * 5000, "ا ب ت ث " * 3000, "9" * 10_000,
    "\n\n\n", "ماذا\rأهدى\nبوتين", "\u2028\u2029\x85", "ﷺ ﷽ ﻻ", "ـــــــ", "ٰٖٗ" * 100,
    "Путин Ким", "普京 金正恩", "BOTIN kim", GIFT,
]


# -- property: analysis ----------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
ARABICISH = st.lists(st.sampled_from(
    [*"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةىؤئ ًٌٍَُِّْـ،؛؟ .!0123٤٥\n\t<>&\"'",
     "\u200b", "\u202e", "\x00", "🙂", "\ud800", "بوتين ", "كيم ", "قاعدة ", "<b>", "&amp;"]),
    max_size=400).map("".join)
QUESTIONS = st.one_of(ANY_TEXT, ARABICISH, st.sampled_from(NASTY))


@settings(max_examples=400, deadline=None, database=None)
@given(text=QUESTIONS)
def test_analysis_never_raises_and_gives_plain_terms(text: str) -> None:
    for fn in (analyze, analyze_question, question_terms):
        terms = fn(text)
        assert isinstance(terms, list) and all(isinstance(t, str) and t for t in terms)
    assert isinstance(normalize(text), str)
    assert all(t.strip() == t and t for t in tokenize(normalize(text)))
    bounded = question_terms(text)
    assert len(bounded) <= MAX_QUESTION_TERMS
    assert all(not 0xD800 <= ord(c) <= 0xDFFF for t in bounded for c in t)


def test_long_questions_are_bounded() -> None:
    assert question_terms("بوتين " * 100_000) == question_terms("بوتين " * 500)[:MAX_QUESTION_TERMS]
    assert question_terms("ب" * 100_000) == []  # no word is that long
    words = " ".join(f"كلمة{i}" for i in range(MAX_QUESTION_CHARS))
    assert len(question_terms(words)) == MAX_QUESTION_TERMS


# -- property: answering and rendering -------------------------------------------------------------

@pytest.fixture(scope="module")
def loop_engine(tmp_path_factory, seeds_dir):
    """An engine on its own event loop, for hypothesis tests (which are synchronous)."""
    loop = asyncio.new_event_loop()
    db = tmp_path_factory.mktemp("hostile") / "marsad.db"
    engine = loop.run_until_complete(Marsad.open(db, seeds=seeds_dir))
    yield loop, engine
    loop.run_until_complete(engine.close())
    loop.close()


class _StrictHTML(HTMLParser):
    """html.parser's view: tags must balance, and only Telegram's tags may appear."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        assert tag in {"b", "i", "a", "code", "pre", "u", "s", "blockquote"}, tag
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, tag


def well_formed(message: str) -> None:
    parse_html(message)  # Telegram's rules, as the test server applies them
    parser = _StrictHTML()
    parser.feed(message)
    parser.close()
    assert not parser.stack, parser.stack


def check_renderings(answer) -> None:
    for message in (tg.render_answer(answer, 3), tg.render_declined(answer.question)):
        assert 0 < tg.tg_len(message) <= tg.MAX_MESSAGE
        well_formed(message)
    for hit in answer.hits:
        inline = tg.render_inline_message(hit)
        assert tg.tg_len(inline) <= tg.MAX_MESSAGE
        well_formed(inline)
    if answer.hits[3:]:
        more = tg.render_more(answer.hits[3:6], 4)
        assert tg.tg_len(more) <= tg.MAX_MESSAGE
        well_formed(more)
    text = terminal.render_answer(answer)
    assert text.strip()
    text.encode("utf-8")  # printable: no lone surrogate reaches the terminal
    if not answer.searchable and answer.language in ("ar", "und"):
        assert text == terminal.NOT_A_QUESTION and tg.render_answer(answer) == tg.NOT_A_QUESTION
    line = json.dumps(answer.to_json(), ensure_ascii=False)
    assert json.loads(line)["question"] == answer.question
    line.encode("utf-8")


HOSTILE_TEXT = st.one_of(ANY_TEXT, ARABICISH, st.sampled_from(NASTY),
                        st.builds(lambda t, n: t * n, ARABICISH, st.integers(1, 25)))


@settings(max_examples=150, deadline=None, database=None)
@given(question=HOSTILE_TEXT, text=HOSTILE_TEXT, sentence=HOSTILE_TEXT,
       source=st.one_of(st.none(), HOSTILE_TEXT), title=HOSTILE_TEXT,
       url=st.one_of(st.none(), st.just("https://x.example/a?b=1&c=<2>"), ANY_TEXT),
       answered=st.booleans(), searchable=st.booleans())
def test_rendering_any_answer_stays_within_telegram_rules(question, text, sentence, source,
                                                          title, url, answered,
                                                          searchable) -> None:
    """Whatever the corpus or the asker put in an answer (markup, controls, huge runs),
    every rendering fits one message and parses. (Lone surrogates never reach an answer:
    the engine cleans questions, ingest cleans articles; see test_analysis... above.)"""
    question, text, sentence, title = map(clean_question, (question, text, sentence, title))
    source = clean_question(source) if source is not None else None
    url = clean_question(url) if url is not None else None
    cites = [Citation(f"c{i}", source, None) for i in range(4)]
    hits = [Hit(i + 1, 1.0, text or "x", f"a{i}", title, source,
                dt.date(2023, 9, 14) if i % 2 else None, url=url,
                sentence=sentence if i % 2 == 0 else text[:50], also_reported_by=cites)
            for i in range(7)]
    check_renderings(Answer(question, answered, hits, searchable=searchable))
    for message in tg.render_article(Article("id", title, source, None, (text, sentence))):
        assert tg.tg_len(message) <= tg.MAX_MESSAGE
        well_formed(message)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=QUESTIONS)
def test_any_question_gets_an_answer_that_renders(loop_engine, question: str) -> None:
    loop, engine = loop_engine
    answer = loop.run_until_complete(engine.answer(question, k=9))
    check_renderings(answer)
    if answer.searchable:
        assert question_terms(question)


async def test_the_nasty_corpus_is_answered_or_politely_declined(engine) -> None:
    declined = 0
    for question in NASTY:
        answer = await engine.answer(question, k=9)
        check_renderings(answer)
        assert answer.searchable == bool(question_terms(question)), repr(question[:40])
        declined += not answer.searchable
    assert declined >= 15  # the empty, punctuation, emoji, control-only ones


async def test_noise_around_a_real_question_still_answers_it(engine) -> None:
    for noisy in (f"\u202e{GIFT}\u202c", f"{GIFT}\x00", f"🙂 {GIFT} 🙂",
                  GIFT.replace("بوتين", "بو\u200bتين"), GIFT + " " * 10_000 + "!"):
        assert (await engine.answer(noisy)).answered, repr(noisy)


# -- the CLI batch mode ----------------------------------------------------------------------------

def run_batch(db: Path, cwd: Path, data: bytes, encoding: str = "utf-8"
              ) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = encoding
    return subprocess.run([sys.executable, "-m", "bot", "ask", "--db", str(db)], cwd=cwd,
                          env=env, input=data, capture_output=True, timeout=120)


def _line(question: str) -> bytes:
    """How a broken client would write `question`: lone surrogates as their 3 bytes."""
    flat = question.replace("\r", " ").replace("\n", " ").replace("\x85", " ")
    return flat.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_batch_mode_answers_every_nasty_line_in_order(seeded_db, tmp_path, encoding) -> None:
    lines = [_line(q) for q in NASTY] + [b"\xff\xfe\xc0\xaf invalid utf-8 \xed\xa0\x80",
                                         b"windows-1256 \xc8\xe6\xca\xed\xe4"]
    data = b"\n".join(lines) + b"\r\n" + _line(GIFT) + b"\n"
    result = run_batch(seeded_db, tmp_path, data, encoding)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    out = result.stdout.decode("ascii" if encoding == "ascii" else "utf-8").split("\n")
    assert out[-1] == ""
    records = [json.loads(line) for line in out[:-1]]
    assert len(records) == len(lines) + 1
    for record, raw in zip(records, lines, strict=False):
        assert record["question"] == raw.decode("utf-8", "replace").rstrip("\r")
        assert set(record) == {"question", "answered", "language", "hits"}
    assert records[-1]["question"] == GIFT and records[-1]["answered"]


def test_single_question_with_a_lone_surrogate_and_an_ascii_terminal(seeded_db, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = "ascii"
    for args in (["ask", GIFT], ["ask", "--json", GIFT + "\udcff"], ["ask", "\udcff"]):
        result = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"bot", *[os.fsencode(a) for a in args],
             b"--db", os.fsencode(seeded_db)], cwd=tmp_path, env=env, capture_output=True,
            timeout=60)
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        if "--json" in args:
            assert json.loads(result.stdout)["answered"]


# -- the bot ---------------------------------------------------------------------------------------

async def test_the_nasty_corpus_through_the_bot(start) -> None:  # noqa: F811
    """Every nasty message gets exactly one reply, under 4096, that Telegram can parse (the
    server rejects anything else); none crashes a handler."""
    async with start(rate_limit_per_minute=0) as bot:
        msgs = []
        for i, question in enumerate(NASTY):
            if not question.strip() or question.startswith("/"):
                continue  # Telegram never delivers an empty message
            who = user(800_000 + i, "Hostile")
            msgs.append(bot.say(private_chat(who), who, question[:4096]))
        bot.server.inline(user(800_999, "Inline"), "\ud800<b>" + "ب" * 300)
        await bot.server.wait_for(
            lambda: all(bot.server.sent(m["chat"]["id"]) for m in msgs), timeout=30)
        await bot.settle()
        for m in msgs:
            sent = bot.server.sent(m["chat"]["id"])
            assert len(sent) == 1, m["text"][:40]
            assert tg.tg_len(sent[0]["text"]) <= tg.MAX_MESSAGE
            assert sent[0]["text"] != tg.FAILED
        rejected = [c for c in bot.server.calls if c.method in ("sendMessage",
                    "answerInlineQuery") and "_result" not in c.params]
        assert rejected == []


async def test_a_question_wrapped_in_html_tags_is_answered_like_the_plain_one(engine):
    plain = await engine.answer("ماذا أهدى بوتين لكيم؟")
    tagged = await engine.answer("<b>ماذا أهدى</b> <i>بوتين</i> لكيم؟ <br/>")
    assert tagged.answered and plain.answered
    assert [h.passage_id for h in tagged.hits] == [h.passage_id for h in plain.hits]
