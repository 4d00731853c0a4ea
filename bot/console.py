"""The console REPL: ask in Arabic, read cited passages. No token, no network."""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
from pathlib import Path

import platformdirs

from retrieval.engine import Marsad

from .examples import COMPARE_TOPIC, EXAMPLES, compare_topic, example, for_answer
from .render import (
    WIDTH,
    corpus_size,
    render_answer,
    render_comparison,
    render_outlets,
    render_sources,
    render_timeline,
)

MIN_WIDTH = 40  # a narrower terminal still gets lines of this many columns

_HELP = """اكتب سؤالك بالعربية واضغط Enter. Type a question in Arabic and press Enter.
  :sources   المقالات والمصادر — the articles and outlets
  :compare موضوع   كيف غطّته المصادر — each outlet on a topic (e.g. :compare {topic})
  :timeline  المقالات بترتيب التاريخ — the articles in date order
  :help      مساعدة — this help
  :quit      خروج — leave (also quit, exit or خروج without the colon, Ctrl-D or Ctrl-C)
مثال: {example}"""


def console_help(example: str | None = EXAMPLES[0], topic: str | None = COMPARE_TOPIC) -> str:
    """The console's help, with `example`: a question the coverage answers
    (examples.example), and `topic`: one to compare on (examples.compare_topic). With no
    example (a database `marsad remove` emptied), how to add articles instead: a question
    about the seeds would be declined."""
    if example is None or topic is None:
        return (_HELP.replace(" (e.g. :compare {topic})", "")
                .replace("مثال: {example}", _NO_ARTICLES_HELP))
    return _HELP.replace("{example}", example).replace("{topic}", topic)


_NO_ARTICLES_HELP = ("لا توجد مقالات بعد: أضفها بـ marsad ingest ثم اسأل عنها. "
                     "(No articles yet: add some with marsad ingest PATH, then ask.)")


HELP = console_help()  # over the seeds


# Whole lines that are commands even without the colon: nobody asks the coverage "exit"
# (nor, in English, "sources" or "timeline": the coverage is Arabic).
QUIT = frozenset({"quit", "exit", "q", "خروج", "اخرج", "أخرج", "إنهاء", "انهاء"})
HELP_WORDS = frozenset({"help", "h", "?", "مساعدة", "المساعدة"})
SOURCES_WORDS = frozenset({"sources"})
TIMELINE_WORDS = frozenset({"timeline"})

# Marks that show nothing but ride along a typed line: a BOM opening a file piped in, the
# RLM/LRM and bidi embeddings or isolates an Arabic keyboard or a copied line adds, zero-width
# spaces and joiners. Around a command they would make «خروج» a question.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _visible(line: str) -> str:
    """`line` without invisible marks or surrounding spaces: what the reader sees."""
    return _INVISIBLE.sub("", line).strip()


def _command(line: str) -> str:
    """A typed line as a command word: ':Quit', 'quit', 'QUIT' and an RLM before
    «خروج» are all one word."""
    return _visible(line).removeprefix(":").strip().casefold()


def _read_line(prompt: str) -> str:
    """input(), where Ctrl-C raises KeyboardInterrupt at once: under asyncio.run, SIGINT only
    cancels the task at its next await, so a Ctrl-C at the prompt did nothing until Enter
    and then dropped the line typed. Called on the main thread (the loop waits meanwhile:
    the console runs nothing else)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:  # not the main thread: signals cannot be set here
        return input(prompt)
    try:
        return input(prompt)
    finally:
        signal.signal(signal.SIGINT, previous)


def _history_file() -> Path:
    return Path(platformdirs.user_state_dir("marsad")) / "console_history"


def _enable_line_editing() -> Path | None:
    """readline gives arrow keys and history; absent on some platforms, so optional."""
    try:
        import readline
    except ImportError:
        return None
    path = _history_file()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        readline.read_history_file(path)
    readline.set_history_length(1000)
    return path


def _save_history(path: Path | None) -> None:
    if path is None:
        return
    import readline

    with contextlib.suppress(OSError):
        readline.write_history_file(path)


def terminal_width() -> int:
    """The columns to wrap passages at on the reader's terminal (COLUMNS, else the
    terminal's own, less one so a full line never wraps again; WIDTH where none tells)."""
    return max(MIN_WIDTH, shutil.get_terminal_size((WIDTH + 1, 24)).columns - 1)


async def run_console(engine: Marsad, top_k: int = 3, interactive: bool = True) -> int:
    history = _enable_line_editing() if interactive else None
    sources = await engine.sources()
    print(f"مرصد — {corpus_size(sources)}. :help للمساعدة، :quit أو خروج للخروج.")
    try:
        while True:
            try:
                line = _read_line("مرصد> " if interactive else "")
            except EOFError:
                print()
                return 0
            line = line.strip()
            shown, word = _visible(line), _command(line)
            if not shown:
                continue
            if word in QUIT:
                return 0
            if word in HELP_WORDS:
                now = await engine.sources()
                print(console_help(example(now), compare_topic(now)))
            elif word in SOURCES_WORDS:
                listed = await engine.sources()
                print(render_sources(listed))
                if listed:  # no articles: said once, not again for the outlets
                    print()
                    print(render_outlets(await engine.outlets()))
            elif word in TIMELINE_WORDS:
                print(render_timeline(await engine.timeline()))
            elif re.match(r":compare(?:\s|$)", shown, re.IGNORECASE):
                print(render_comparison(await engine.compare(shown[len(":compare"):].strip()),
                                        terminal_width() if interactive else WIDTH,
                                        topic=compare_topic(await engine.sources())))
            elif shown.startswith(":"):
                print(f"أمر غير معروف: {shown} — اكتب :help")
            else:
                answer = await engine.answer(line, k=top_k)
                print(render_answer(answer, bold=interactive,
                                    example=await for_answer(engine, answer),
                                    width=terminal_width() if interactive else WIDTH))
            print()
    except KeyboardInterrupt:
        print()
        return 0
    finally:
        _save_history(history)
