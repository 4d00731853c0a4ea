"""`marsad`: the console by default, and commands for scripts (ask, ingest, sources, compare,
timeline, feedback, eval)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from retrieval.articles import iter_articles
from retrieval.engine import IngestReport, Marsad
from retrieval.evaluate import EvalError, eval_questions, eval_squad, load_questions, load_squad
from retrieval.index import BM25Params
from retrieval.store import StoreError

from .batch import answer_lines, json_line
from .config import Config, ConfigError, load_config
from .eval_report import render_eval
from .render import (
    render_answer,
    render_comparison,
    render_feedback,
    render_outlets,
    render_sources,
    render_timeline,
)
from .seeds import SeedsMissing, seeds_dir

EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    common.add_argument("--config", default=argparse.SUPPRESS, help="config.toml to read")
    parser = argparse.ArgumentParser(
        prog="marsad", parents=[common],
        description="Ask what the Arabic press reported; every passage cites outlet and date.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("console", parents=[common], help="interactive questions (the default)")
    ask = sub.add_parser("ask", parents=[common], help="answer one question, or one per stdin line")
    ask.add_argument("question", nargs="?", help="omit to read questions from stdin (JSON out)")
    ask.add_argument("--json", action="store_true", help="print the JSON contract")
    ask.add_argument("-k", type=int, default=None, help="how many passages (default 3)")
    ingest = sub.add_parser("ingest", parents=[common], help="add .txt/.jsonl articles or folders")
    ingest.add_argument("paths", nargs="+", type=Path)
    sources = sub.add_parser("sources", parents=[common], help="list the articles")
    sources.add_argument("--json", action="store_true")
    sources.add_argument("--outlets", action="store_true",
                         help="per outlet: articles, date range, statements others carried")
    compare = sub.add_parser("compare", parents=[common],
                             help="each outlet's most relevant passage on a topic")
    compare.add_argument("topic", nargs="+")
    compare.add_argument("--json", action="store_true")
    timeline = sub.add_parser("timeline", parents=[common], help="the articles in date order")
    timeline.add_argument("--json", action="store_true")
    fb = sub.add_parser("feedback", parents=[common],
                        help="readers' ratings of answers, worst-rated questions first")
    fb.add_argument("--json", action="store_true")
    ev = sub.add_parser(
        "eval", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="score what users see: SQuAD P@1/R@5/MRR@10, question files answer@1/@3, declines",
        epilog=EVAL_EPILOG)
    ev.add_argument("files", nargs="+", type=Path, metavar="FILE",
                    help="SQuAD .json (own temporary corpus) or JSONL questions (over --db)")
    ev.add_argument("--json", action="store_true", help="figures and every failure, as JSON")
    sub.add_parser("telegram", parents=[common], help="run the Telegram bot")
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
                  else render_answer(answer))
            return 0
        return await answer_lines(engine, k)  # any bytes, signals: bot/batch.py (issue 7)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def _progress_bar(total_hint: int):
    """A passages/s progress bar on stderr, only where someone is watching."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(unit=" passages", unit_scale=True, file=sys.stderr, total=total_hint or None)
    seen = [0]

    def update(_articles: int, passages: int) -> None:
        bar.update(passages - seen[0])
        seen[0] = passages

    return update, bar.close


async def _ingest(config: Config, args: argparse.Namespace) -> int:
    update, close = _progress_bar(0)
    async with await _open(config, seeded=False) as engine:
        try:
            report = await engine.ingest(iter_articles(args.paths), progress=update)
        finally:
            close()
    _print_report(report)
    return 1 if report.errors else 0


def _print_report(report: IngestReport) -> None:
    for error in report.errors:
        print(f"marsad: skipped {error}", file=sys.stderr)
    print(f"added {report.added}, replaced {report.replaced}, unchanged {report.unchanged}, "
          f"duplicates {report.duplicates}, failed {len(report.errors)}; "
          f"{report.passages} passages indexed")


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
    print(_json(comparison.to_json()) if args.json else render_comparison(comparison))
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


EVAL_EPILOG = """\
Everything is scored through answer(), as a reader sees it: top-level hits only, declines counted.
A .json file is SQuAD (ARCD): its paragraphs are searched in a temporary database; P@1, R@5,
MRR@10 of the right paragraph, share declined. Any other file is JSONL, one question a line,
asked of the news database (--db; the bundled seeds unless you ingested others):
  {"q": "...", "keys": ["a string the right passage contains", ...], "kind": "paraphrase"}
  {"q": "...", "abstain": true, "kind": "near-miss"}      must be declined
  {"q": "What did Putin give?", "keys": [...], "language": "en"}   told to ask in Arabic
Figures overall and per kind: answer@1, answer@3, false declines, wrong answers, correct
declines. Several files are scored in one run; --json prints one JSON object per file, one
per line, each listing every failure."""


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

    return run_telegram(config)


COMMANDS = {"console": _console, "ask": _ask, "ingest": _ingest, "sources": _sources,
            "compare": _compare, "timeline": _timeline, "feedback": _feedback,
            "eval": _eval}


def main(argv: list[str] | None = None) -> int:
    with contextlib.suppress(AttributeError, ValueError):  # a terminal that cannot show
        sys.stdout.reconfigure(errors="replace")  # a character gets "?", not a traceback
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
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
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
