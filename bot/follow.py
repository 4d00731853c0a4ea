"""Following feeds: poll a newsroom's RSS/Atom feeds every few minutes, ingest what is new.

Used by `marsad follow` (which prints each pass, opening the database afresh for each,
as its one writer) and by the Telegram bot (`[feeds]` in the config; each pass is logged,
and goes into the running engine, so it is answerable at once). Questions keep being
answered while a pass runs: fetching is asynchronous and parsing runs in worker threads.
The feeds are fetched before the database is taken, so a slow site never holds up another
writer. Feed URLs come only from the command line and the config.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager

from retrieval.engine import IngestReport, Marsad
from retrieval.fetching import Fetcher
from retrieval.web import Unchanged, articles_from_web

log = logging.getLogger(__name__)


Session = Callable[[], AbstractAsyncContextManager["Marsad | None"]]


class FeedFollower:
    """Polls `urls` every `every_minutes`; each pass ingests inside `session()`, which
    gives the engine to ingest into (the bot's may be replaced by /reload between passes;
    `marsad follow` opens one per pass) or None to skip the pass."""

    def __init__(self, urls: Sequence[str], every_minutes: float, *,
                 session: Session, delay_seconds: float = 1.0,
                 on_pass: Callable[[IngestReport], None] | None = None) -> None:
        self.urls = list(urls)
        self.every = max(every_minutes, 0.01) * 60
        self.session = session
        self.on_pass = on_pass or log_pass
        self.delay = delay_seconds
        self.fetcher: Fetcher | None = None  # one for all passes: validators, robots.txt
        self._task: asyncio.Task[None] | None = None

    async def poll_once(self) -> IngestReport:
        """One pass: each feed fetched conditionally (an unchanged feed costs a 304); when
        it changed, its items' pages too (conditionally: an unchanged page costs a 304, a
        changed one replaces its old version). Failures are in `errors`."""
        if self.fetcher is None:
            self.fetcher = Fetcher(delay=self.delay)
        found, unchanged = [], 0
        async for item in articles_from_web(self.urls, self.fetcher, conditional=True):
            if isinstance(item, Unchanged):
                unchanged += 1  # its page answered 304: the stored article stands
            else:
                found.append(item)
        async with self.session() as engine:
            report = IngestReport() if engine is None else await engine.ingest(found)
        return dataclasses.replace(report, unchanged=report.unchanged + unchanged)

    async def run(self) -> None:
        """Poll until cancelled; a failing pass is logged and the next one still comes."""
        while True:
            try:
                self.on_pass(await self.poll_once())
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("a pass over the feeds failed; trying again in %.0f minutes",
                              self.every / 60)
            await asyncio.sleep(self.every)

    def start(self) -> None:
        """Start polling in the background (nothing to do without feeds)."""
        if self.urls and self._task is None:
            if log.level == logging.NOTSET:
                log.setLevel(logging.INFO)  # each pass is a line of the bot's activity log
            self._task = asyncio.get_running_loop().create_task(self.run(), name="feeds")

    async def stop(self) -> None:
        """Stop polling (a pass in progress is cancelled; its committed batches stay)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.fetcher is not None:
            await self.fetcher.close()
            self.fetcher = None


def log_pass(report: IngestReport) -> None:
    """The bot's record of a pass: what was added, and each page that failed and why."""
    for error in report.errors:
        log.warning("feeds: skipped %s", error)
    log.info("feeds: added %d, replaced %d, failed %d", report.added, report.replaced,
             len(report.errors))
