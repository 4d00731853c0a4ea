"""`marsad`: the console by default, and commands for scripts (ask, ingest, follow, sources,
compare, timeline, feedback, eval)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import itertools
import json
import logging
import math
import os
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from retrieval.engine import IngestReport, Marsad
from retrieval.evaluate import EvalError, eval_questions, eval_squad, load_questions, load_squad
from retrieval.index import BM25Params
from retrieval.store import StoreError

from . import cli_help
from .batch import answer_lines, json_line
from .config import Config, ConfigError, load_config
from .eval_report import render_eval
from .examples import compare_topic, for_answer
from .render import (
    render_answer,
    render_comparison,
    render_feedback,
    render_outlets,
    render_sources,
    render_timeline,
)
from .seeds import SeedsMissing, seeds_dir
from .writer_lock import one_writer

EXIT_USAGE = 2


def _command(sub: argparse._SubParsersAction, name: str, summary: str, description: str,
             epilog: str, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it takes, prints, exits with, and an example."""
    return sub.add_parser(name, parents=[common], help=summary, description=description,
                          epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH",
                        help="the database file (default: see `marsad --help`)")
    common.add_argument("--config", default=argparse.SUPPRESS, metavar="PATH",
                        help="config.toml to read (default: ./config.toml if present)")
    parser = argparse.ArgumentParser(
        prog="marsad", parents=[common], description=cli_help.MAIN,
        epilog=cli_help.MAIN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version",
                        version=f"marsad {importlib.metadata.version('marsad')}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, texts: str) -> argparse.ArgumentParser:
        return _command(sub, name, summary, getattr(cli_help, texts),
                        getattr(cli_help, texts + "_EPILOG"), common)

    def json_flag(p: argparse.ArgumentParser, what: str) -> None:
        p.add_argument("--json", action="store_true", help=f"print {what} as JSON")

    command("console", "interactive questions (the default)", "CONSOLE")
    ask = command("ask", "answer one question, or one per stdin line", "ASK")
    ask.add_argument("question", nargs="?", metavar="QUESTION",
                     help="the question, in Arabic; omit to read one per line from a pipe")
    json_flag(ask, "the answer (the JSON contract: one line per question)")
    ask.add_argument("-k", type=int, default=None, metavar="N",
                     help="how many passages at most (default: [retrieval] top_k, 3)")
    ingest = command("ingest", "add articles: .txt/.jsonl/.html files, RSS/Atom/JSON feeds, "
                     "folders, http(s) URLs", "INGEST")
    ingest.add_argument("paths", nargs="+", metavar="PATH_OR_URL",
                        help="files, folders, or http(s) URLs of article pages or feeds")
    follow = command("follow", "poll RSS/Atom/JSON feeds and ingest what is new, until stopped",
                     "FOLLOW")
    follow.add_argument("urls", nargs="+", metavar="FEED_URL", help="http(s) URLs of feeds")
    follow.add_argument("--every", type=float, default=None, metavar="MINUTES",
                        help="minutes between passes (default: [feeds] every_minutes, 15)")
    remove = command("remove", "remove articles by id or outlet (idempotent)", "REMOVE")
    remove.add_argument("ids", nargs="*", metavar="ID", help="article ids to remove")
    remove.add_argument("--outlet", metavar="NAME",
                        help="also remove every article of this outlet (its exact name)")
    sources = command("sources", "list the articles", "SOURCES")
    json_flag(sources, "the list")
    sources.add_argument("--outlets", action="store_true",
                         help="per outlet: articles, date range, statements others carried")
    compare = command("compare", "each outlet's most relevant passage on a topic", "COMPARE")
    compare.add_argument("topic", nargs="*", metavar="TOPIC",
                         help="words of the topic; with none, one the coverage has is suggested")
    json_flag(compare, "the comparison")
    timeline = command("timeline", "the articles in date order", "TIMELINE")
    json_flag(timeline, "the timeline")
    fb = command("feedback", "readers' ratings of answers, worst-rated questions first",
                 "FEEDBACK")
    json_flag(fb, "the ratings")
    ev = command("eval", "score what users see: SQuAD P@1/R@5/MRR@10, question files "
                 "answer@1/@3, declines", "EVAL")
    ev.add_argument("files", nargs="+", type=Path, metavar="FILE",
                    help="SQuAD .json (own temporary corpus) or JSONL questions (over --db)")
    json_flag(ev, "one report per file, one per line, with every failure")
    tg = command("telegram", "run the Telegram bot (token: MARSAD_TELEGRAM_TOKEN or config)",
                 "TELEGRAM")
    tg.add_argument("--debug", action="store_true",
                    help="when the bot cannot start, show the full error (traceback)")
    return parser


def _params(config: Config) -> BM25Params:
    r = config.retrieval
    return BM25Params(k1=r.k1, b=r.b, epsilon=r.epsilon)


async def _open(config: Config, seeded: bool = True) -> Marsad:
    return await Marsad.open(config.db_path, params=_params(config),
                             seeds=seeds_dir() if seeded else None)


async def _ask(config: Config, args: argparse.Namespace) -> int:
    k = args.k if args.k is not None else config.retrieval.top_k
    if k < 1:
        print("marsad: -k must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.question is None and sys.stdin.isatty():
        print('marsad: give a question, e.g. marsad ask "ماذا أهدى بوتين لكيم؟"',
              file=sys.stderr)
        return EXIT_USAGE
    async with await _open(config) as engine:
        if args.question is not None:
            answer = await engine.answer(args.question, k=k)
            print(json_line(answer.to_json(), sys.stdout.encoding) if args.json
                  else render_answer(answer, sources="marsad sources",
                                     example=await for_answer(engine, answer)))
            return 0
        return await answer_lines(engine, k)  # any bytes, signals: bot/batch.py (issue 7)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


async def _ingest(config: Config, args: argparse.Namespace) -> int:
    # parsing (pages, feeds: trafilatura, lxml, feedparser, httpx) loads only to ingest
    from retrieval.articles import read_articles
    from retrieval.fetching import Fetcher
    from retrieval.web import articles_from_web, is_web_target

    from .progress import IngestProgress, count_articles

    local = [p for p in args.paths if not is_web_target(p)]  # as typed: ftp://x is no path
    web = [p for p in args.paths if is_web_target(p)]
    found: list = []
    if web:  # pages and feeds are fetched first: each failure is named, the rest goes in
        async with Fetcher(delay=config.feeds.delay_seconds) as fetcher:
            found = [a async for a in articles_from_web(web, fetcher)]
    # on a terminal, progress against the articles given, from the first second
    known = count_articles(map(Path, local)) + len(found) if sys.stderr.isatty() else 0
    with IngestProgress(known) as progress:  # shown before the database opens
        async with one_writer(config.db_path), await _open(config, seeded=False) as engine:
            before = await engine.store.count_articles()
            try:
                report = await engine.ingest(itertools.chain(read_articles(local), found),
                                             progress=progress.callback)
            except asyncio.CancelledError:  # Ctrl-C: asyncio.run cancels, then exits 130
                added = await engine.store.count_articles() - before  # committed batches
                print(f"marsad: interrupted; {added:,} new articles were stored before the "
                      "stop and stay: run the same ingest again to add the rest",
                      file=sys.stderr)
                raise
    _print_report(report)
    return 1 if report.errors else 0


async def _follow(config: Config, args: argparse.Namespace) -> int:
    """Poll until Ctrl-C or SIGTERM; each pass prints one line (and its failures)."""
    from retrieval.fetching import is_url

    from .follow import FeedFollower

    every = args.every if args.every is not None else config.feeds.every_minutes
    bad = [url for url in args.urls if not is_url(url)]
    if bad or not 0 < every < math.inf:  # nan too: it would poll without pause
        print(f"marsad: {bad[0]!r} is not an http:// or https:// feed URL" if bad else
              f"marsad: --every must be a number of minutes above 0, not {every:g}",
              file=sys.stderr)
        return EXIT_USAGE
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    def printed(report: IngestReport) -> None:
        print(time.strftime("%H:%M:%S "), end="")
        _print_report(report)
        sys.stdout.flush()

    @contextlib.asynccontextmanager
    async def session() -> AsyncIterator[Marsad]:
        """Each pass opens the database afresh, as the writer: `marsad ingest` or another
        `follow` may have written to it since the last pass."""
        async with one_writer(config.db_path), await _open(config, seeded=False) as engine:
            yield engine

    async def writable() -> None:  # a database it cannot write fails now, not as a
        async with session():      # traceback in every pass's log until Ctrl-C
            pass
    check = asyncio.ensure_future(writable())
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({check, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if not check.done():  # Ctrl-C or SIGTERM while another writer holds the database
        check.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await check
        print("marsad: stopped following", file=sys.stderr)
        return 0
    stopped.cancel()
    check.result()  # its StoreError, if any
    follower = FeedFollower(args.urls, every, session=session, on_pass=printed,
                            delay_seconds=config.feeds.delay_seconds)
    print(f"following {len(args.urls)} feed(s) every {every:g} minute{'' if every == 1 else 's'}; "
          "Ctrl-C to stop", file=sys.stderr)
    follower.start()
    await stop.wait()
    await follower.stop()
    print("marsad: stopped following", file=sys.stderr)
    return 0


async def _remove(config: Config, args: argparse.Namespace) -> int:
    if not args.ids and args.outlet is None:
        print("marsad: name the articles to remove, e.g. marsad remove 000_3709f080d7caa3b5, "
              'or an outlet: marsad remove --outlet "سكاي نيوز عربية"', file=sys.stderr)
        return EXIT_USAGE
    if not config.db_path.exists():
        print(f"nothing to remove: there is no database at {config.db_path} yet")
        return 0
    async with one_writer(config.db_path), await _open(config, seeded=False) as engine:
        report = await engine.remove(args.ids, outlet=args.outlet)
    print(f"removed {_plural(len(report.removed), 'article')} "
          f"({_plural(report.passages, 'passage')})"
          + "".join(f"\n  {a}" for a in report.removed))
    if report.missing:
        print("not in the database (nothing to do): " + ", ".join(report.missing))
    if args.outlet is not None and not any(a not in args.ids for a in report.removed):
        print(f"no articles of the outlet {args.outlet!r}; `marsad sources --outlets` "
              "lists the outlets")
    return 0


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _print_report(report: IngestReport) -> None:
    for error in report.errors:
        print(f"marsad: skipped {error}", file=sys.stderr)
    print(f"added {report.added}, replaced {report.replaced}, unchanged {report.unchanged}, "
          f"duplicates {report.duplicates}, failed {len(report.errors)}; "
          f"{_plural(report.passages, 'passage')} indexed")


async def _sources(config: Config, args: argparse.Namespace) -> int:
    async with await _open(config) as engine:
        if args.outlets:
            outlets = await engine.outlets()
            print(_json([o.to_json() for o in outlets]) if args.json else render_outlets(outlets))
            return 0
        sources = await engine.sources()
    if args.json:
        print(_json([s.to_json() for s in sources]))
    else:
        print(render_sources(sources))
    return 0


async def _compare(config: Config, args: argparse.Namespace) -> int:
    async with await _open(config) as engine:
        comparison = await engine.compare(" ".join(args.topic))
        topic = compare_topic(await engine.sources())
    print(_json(comparison.to_json()) if args.json
          else render_comparison(comparison, command="marsad compare", topic=topic))
    return 0


async def _timeline(config: Config, args: argparse.Namespace) -> int:
    async with await _open(config) as engine:
        timeline = await engine.timeline()
    print(_json(timeline.to_json()) if args.json else render_timeline(timeline))
    return 0


async def _feedback(config: Config, args: argparse.Namespace) -> int:
    async with await _open(config) as engine:
        ratings = await engine.feedback_summary()
    print(_json([r.to_json() for r in ratings]) if args.json else render_feedback(ratings))
    return 0


async def _eval(config: Config, args: argparse.Namespace) -> int:
    loaded = [load_squad(path) if path.suffix.lower() == ".json" else load_questions(path)
              for path in args.files]  # every file checked before any is scored
    reports: list[dict[str, Any]] = [{"file": str(path)} for path in args.files]
    for report, data in zip(reports, loaded, strict=True):
        if isinstance(data, tuple):  # SQuAD: its own corpus, never mixed into a user's database
            articles, questions = data
            with tempfile.TemporaryDirectory() as tmp:
                async with await Marsad.open(Path(tmp) / "eval.db",
                                             params=_params(config)) as engine:
                    await engine.ingest(articles)
                    report.update(await eval_squad(engine, questions, articles),
                                  paragraphs=len(articles))
    if any(isinstance(data, list) for data in loaded):  # question files: over --db
        async with await _open(config) as engine:
            for report, data in zip(reports, loaded, strict=True):
                if isinstance(data, list):
                    report.update(await eval_questions(engine, data))
    # --json: one object per file, one per line (a single file prints exactly one object)
    print("\n".join(map(_json, reports)) if args.json
          else "\n\n".join(render_eval(r) for r in reports))
    return 0


async def _console(config: Config, args: argparse.Namespace) -> int:
    from .console import run_console

    async with await _open(config) as engine:
        return await run_console(engine, config.retrieval.top_k, sys.stdin.isatty())


def _telegram(config: Config, args: argparse.Namespace) -> int:
    from .telegram_app import run_telegram

    return run_telegram(config, debug=args.debug)


COMMANDS = {"console": _console, "ask": _ask, "ingest": _ingest, "follow": _follow,
            "remove": _remove, "sources": _sources, "compare": _compare,
            "timeline": _timeline, "feedback": _feedback, "eval": _eval}


def main(argv: list[str] | None = None) -> int:
    with contextlib.suppress(AttributeError, ValueError):  # a terminal that cannot show
        sys.stdout.reconfigure(errors="replace")  # a character gets "?", not a traceback
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # trafilatura narrates its own extraction ("discarding data: None"); what a page gave,
    # or why it was skipped, is ingest's to say, in the user's terms
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        config = load_config(getattr(args, "config", None))
        if getattr(args, "db", None):
            config.storage.db = args.db
        command = args.command or "console"
        if command == "telegram":
            return _telegram(config, args)
        return asyncio.run(COMMANDS[command](config, args))
    except (ConfigError, StoreError, EvalError, SeedsMissing) as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:  # damage found after opening (issue 7)
        print(f"marsad: the database {config.db_path} is damaged ({exc}); restore it from a "
              "backup or choose another path with --db", file=sys.stderr)
        return EXIT_USAGE
    except RuntimeError as exc:
        from retrieval.ingest import WorkerDied  # loaded by whatever ingested

        if not isinstance(exc, WorkerDied):
            raise
        # killed mid-ingest: what was committed stays
        print(f"marsad: {exc}", file=sys.stderr)
        # The database is committed and closed by now. CPython's ProcessPoolExecutor can
        # leave its manager thread joining a queue feeder that writes to a pipe no worker
        # reads any more, and the interpreter would wait on it at exit: leave at once.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
