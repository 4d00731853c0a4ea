"""Load: many questions from many chats at once, through the real bot and the test Bot API server.

    python -m benchmarks.load                    # 1,000 questions from 100 group chats at once
    python -m benchmarks.load -n 300 --chats 30 --json

All the questions are queued on the server at once (as `/ask` in group chats, so each answer
quotes its question and can be matched to it exactly); the bot long-polls them, 100 per
getUpdates, and answers with its usual concurrency. Latency per question runs from the moment
it is queued to the moment the server receives the bot's answer, so it includes the queueing
behind the others: p50/p95 under a burst, not for a lone question. Checked: every question is
answered exactly once, and nothing the bot sent was rejected by the server.

tests/test_load.py runs the same code with fewer questions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the test Bot API server lives with the tests

from botapi_server import BotAPIServer, group_chat, running, user  # noqa: E402

from bot.config import Config  # noqa: E402
from bot.seeds import seeds_dir  # noqa: E402
from retrieval.engine import Marsad  # noqa: E402

TOKEN = "12345678:" + "x" * 35  # the test server's; not a real token
QUESTIONS = [
    "ماذا أهدى بوتين لكيم؟",
    "أين التقى بوتين وكيم جونغ أون؟",
    "ماذا قال كيم عن روسيا؟",
    "هل ستساعد روسيا كوريا الشمالية في بناء أقمار اصطناعية؟",
    "من هو مدرب ريال مدريد؟",  # declined: also a message to send
]


def running_bot(server: BotAPIServer, engine: Marsad, db: Path):
    config = Config()
    config.storage.db = str(db)
    config.telegram.token = TOKEN
    config.telegram.base_url = server.base_url
    return running(config, engine)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


async def burst(engine: Marsad, db: Path, n: int, chats: int,
                timeout: float = 300) -> dict[str, Any]:
    """Queue n questions from `chats` group chats at once; wait for every answer."""
    async with BotAPIServer(TOKEN) as server, running_bot(server, engine, db):
        await server.wait_for(lambda: server.calls_to("getUpdates"))
        groups = [group_chat(-1_000_000 - c, f"غرفة {c}") for c in range(chats)]
        members = [user(900_000 + c, f"عضو {c}") for c in range(chats)]
        started = time.perf_counter()
        queued: dict[tuple[int, int], float] = {}
        for i in range(n):
            c = i % chats
            msg = server.message(groups[c], members[c], f"/ask {QUESTIONS[i % len(QUESTIONS)]}")
            queued[(groups[c]["id"], msg["message_id"])] = time.monotonic()

        done: dict[tuple[int, int], list[float]] = {}
        scanned = [0]
        pending: list[Any] = []

        def answered() -> int:
            """How many questions have an answer (scanning only the calls not seen yet)."""
            calls = server.calls
            pending.extend(calls[scanned[0]:])
            scanned[0] = len(calls)
            waiting = []
            for call in pending:
                if call.method.lower() != "sendmessage":
                    continue
                if "_result" not in call.params:  # still being handled, or rejected
                    waiting.append(call)
                    continue
                reply = call.params.get("reply_parameters") or {}
                key = (int(call.params["chat_id"]), reply.get("message_id"))
                if key in queued:
                    done.setdefault(key, []).append(call.at)
            pending[:] = waiting
            return len(done)

        await server.wait_for(lambda: answered() == n, timeout=timeout)
        wall = time.perf_counter() - started
        await asyncio.sleep(0.3)  # a duplicate would arrive now
        answered()
        rejected = [c for c in server.calls_to("sendMessage") if "_result" not in c.params]
    latencies = [(times[0] - queued[key]) * 1000 for key, times in done.items()]
    return {
        "questions": n, "chats": chats,
        "answered": len(done), "answered_twice": sum(len(t) > 1 for t in done.values()),
        "rejected_by_server": len(rejected),
        "wall_s": round(wall, 2), "per_second": round(n / wall, 1),
        "p50_ms": round(percentile(latencies, 50)), "p95_ms": round(percentile(latencies, 95)),
        "max_ms": round(max(latencies)), "mean_ms": round(statistics.fmean(latencies)),
    }


async def _main(n: int, chats: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "marsad.db"
        async with await Marsad.open(db, seeds=seeds_dir()) as engine:
            return await burst(engine, db, n, chats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="questions (default 1,000)")
    parser.add_argument("--chats", type=int, default=100, help="group chats (default 100)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("bot").setLevel(logging.WARNING)
    result = asyncio.run(_main(args.n, args.chats))
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:20} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
