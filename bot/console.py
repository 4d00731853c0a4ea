"""The console REPL: ask in Arabic, read cited passages. No token, no network."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
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
  :quit      خروج — leave (also quit, exit or خروج without the colon, or Ctrl-D)
مثال: {example}"""


def console_help(example: str = EXAMPLES[0], topic: str = COMPARE_TOPIC) -> str:
    """The console's help, with `example`: a question the coverage answers
    (examples.example), and `topic`: one to compare on (examples.compare_topic)."""
    return _HELP.replace("{example}", example).replace("{topic}", topic)


HELP = console_help()  # over the seeds


# Whole lines that are commands even without the colon: nobody asks the coverage "exit".
QUIT = frozenset({"quit", "exit", "q", "خروج", "اخرج", "أخرج", "إنهاء", "انهاء"})
HELP_WORDS = frozenset({"help", "h", "?", "مساعدة", "المساعدة"})


def _command(line: str) -> str:
    """A typed line as a command word: ':Quit', 'quit' and 'QUIT' are all 'quit'."""
    return line.removeprefix(":").strip().casefold()


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
                line = await asyncio.to_thread(input, "مرصد> " if interactive else "")
            except EOFError:
                print()
                return 0
            line = line.strip()
            if not line:
                continue
            if _command(line) in QUIT:
                return 0
            if _command(line) in HELP_WORDS:
                now = await engine.sources()
                print(console_help(example(now), compare_topic(now)))
            elif line == ":sources":
                print(render_sources(await engine.sources()))
                print()
                print(render_outlets(await engine.outlets()))
            elif line == ":timeline":
                print(render_timeline(await engine.timeline()))
            elif line == ":compare" or line.startswith((":compare ", ":compare\t")):
                print(render_comparison(await engine.compare(line[len(":compare"):].strip()),
                                        terminal_width() if interactive else WIDTH,
                                        topic=compare_topic(await engine.sources())))
            elif line.startswith(":"):
                print(f"أمر غير معروف: {line} — اكتب :help")
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
