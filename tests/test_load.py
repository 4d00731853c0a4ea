"""Load: a burst of questions from 100 group chats at once, through the real bot and the test
Bot API server. Every question answered exactly once, nothing rejected by the server.

The full run (1,000 questions) with its p50/p95 latency is `python -m benchmarks.load`; this test
runs the same code with 100 (one per chat) so that the suite stays quick. No wall-clock
assertion: the latencies are printed (`pytest -s`) for the record, not checked.
"""

from __future__ import annotations

from benchmarks.load import burst


async def test_a_burst_from_100_chats_is_answered_exactly_once(engine, tmp_path) -> None:
    result = await burst(engine, tmp_path / "marsad.db", n=100, chats=100, timeout=120)
    print(f"\nload: {result}")
    assert result["answered"] == 100
    assert result["answered_twice"] == 0
    assert result["rejected_by_server"] == 0
