"""End-to-end latency of the Telegram bot, per question, against the test Bot API server.

The real bot (`bot.telegram_app`) long-polls tests/botapi_server.py over HTTP on 127.0.0.1;
the clock starts when an update is queued on the server and stops when the server receives
the bot's sendMessage for it. So it covers getUpdates, PTB's dispatch, the engine's answer,
rendering, and the sendMessage request: everything but Telegram's own network.

    python -m benchmarks.telegram_latency                      # 300 questions, seeds only
    python -m benchmarks.telegram_latency -n 500 --concurrency 20 --passages 100k
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the test Bot API server lives with the tests

from botapi_server import BotAPIServer, private_chat, user  # noqa: E402

from bot.config import Config  # noqa: E402
from bot.seeds import seeds_dir  # noqa: E402
from bot.telegram_app import ALLOWED_UPDATES, build_application  # noqa: E402
from retrieval.engine import Marsad  # noqa: E402

QUESTIONS = [
    "ماذا أهدى بوتين لكيم؟",
    "أين التقى بوتين وكيم جونغ أون؟",
    "ماذا قال كيم عن روسيا؟",
    "هل ستساعد روسيا كوريا الشمالية في بناء أقمار اصطناعية؟",
    "متى انتهت زيارة كيم إلى روسيا؟",
    "من هو مدرب ريال مدريد؟",  # out of coverage: declined, same path
    "ما هي قاعدة فوستوشني الفضائية؟",
    "هل قبل بوتين دعوة لزيارة بيونغ يانغ؟",
]
TOKEN = "".join(["1234567", ":", "bench", "-", "x" * 30])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(n: int, concurrency: int, passages: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        engine = await Marsad.open(Path(tmp) / "bench.db", seeds=seeds_dir())
        try:
            if passages:
                from benchmarks.corpus import generate

                await engine.ingest(generate(passages))
            async with BotAPIServer(TOKEN) as server:
                config = Config()
                config.telegram.token = TOKEN
                config.telegram.base_url = server.base_url
                config.telegram.rate_limit_per_minute = 0
                app = build_application(config, engine)
                await app.initialize()
                await app.post_init(app)
                await app.updater.start_polling(poll_interval=0, timeout=10,
                                                allowed_updates=ALLOWED_UPDATES)
                await app.start()
                try:
                    latencies = await _measure(server, n, concurrency)
                finally:
                    await app.updater.stop()
                    await app.stop()
                    await app.shutdown()
        finally:
            await engine.close()
    ms = [x * 1000 for x in latencies]
    return {"questions": n, "concurrency": concurrency, "extra_passages": passages,
            "p50_ms": round(percentile(ms, 0.50), 2), "p95_ms": round(percentile(ms, 0.95), 2),
            "mean_ms": round(statistics.fmean(ms), 2), "max_ms": round(max(ms), 2)}


async def _measure(server: BotAPIServer, n: int, concurrency: int) -> list[float]:
    """Ask `n` questions, `concurrency` chats at a time; one latency per question."""
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)

    async def chat(number: int) -> None:
        who = user(10_000 + number, f"bench{number}")
        room = private_chat(who)
        while True:
            try:
                i = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            since = len(server.calls)
            started = time.monotonic()
            server.message(room, who, QUESTIONS[i % len(QUESTIONS)])
            sent = await server.wait_for(
                lambda since=since: [c for c in server.calls_to("sendMessage", since)
                                     if int(c.params["chat_id"]) == who["id"]])
            latencies.append(sent[0].at - started)

    await asyncio.gather(*(chat(c) for c in range(concurrency)))
    return latencies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--questions", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=1, help="chats asking at once")
    parser.add_argument("--passages", default="0",
                        help="synthetic passages to add to the seeds, e.g. 100k")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("bot").setLevel(logging.WARNING)
    from benchmarks.corpus import parse_size

    with contextlib.suppress(KeyboardInterrupt):
        result = asyncio.run(run(args.questions, max(1, args.concurrency),
                                 parse_size(args.passages)))
        if args.json:
            print(json.dumps(result))
        else:
            print(f"{result['questions']} questions, {result['concurrency']} chat(s) at once, "
                  f"{result['extra_passages']} extra passages: p50 {result['p50_ms']} ms, "
                  f"p95 {result['p95_ms']} ms, mean {result['mean_ms']} ms, "
                  f"max {result['max_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
