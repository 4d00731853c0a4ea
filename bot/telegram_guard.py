"""The bot's defences (issue 7): malformed updates, admin-only commands, secrets, /reload.

Kept apart from `telegram_app` so the wiring there stays one screen; `telegram_app` plugs
these in. Nothing here imports `telegram_app` (the shared state is read from `bot_data`).

- `TolerantUpdates`: python-telegram-bot parses a whole getUpdates batch at once, and one
  update it cannot parse fails the batch; the offset is then never advanced, so the same
  batch comes back forever and no chat is served again. This request class checks every
  update of a batch and replaces one that cannot be parsed by a bare `{"update_id": n}`
  (handled by nobody, but confirmed like any other), logging it once.
- `admin_only`: `/reload` (and `/stats`) answer only the users listed in `telegram.admins`.
- `on_reload`: reopens the engine from the database, so articles added by `marsad ingest`
  while the bot runs become answerable without a restart.
- `redact`: the token out of any text (exception messages can hold the request URL).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes
from telegram.request import HTTPXRequest

from . import telegram_render as render
from .render import ARTICLES, PASSAGES, count

log = logging.getLogger("bot.telegram_app")

STATE = "marsad"  # telegram_app.STATE: where the BotState lives in bot_data
RETIRED = "marsad_retired"  # engines replaced by /reload, closed after a grace period
RELOAD_LOCK = "marsad_reload_lock"
READ_TIMEOUT = 5.0  # seconds for a Bot API answer (python-telegram-bot's default)
RELOAD_GRACE = 60.0  # seconds an engine replaced by /reload stays open for answers in flight

# the same words as /stats uses (telegram_render), so every admin command refuses alike
ADMIN_ONLY = getattr(render, "ADMINS_ONLY",
                     "عذراً، هذا الأمر للمشرفين فقط. (Sorry, this command is for admins only.)")
RELOADED = "أُعيد تحميل قاعدة البيانات: {articles}، {passages}."
RELOAD_FAILED = "تعذّر إعادة تحميل قاعدة البيانات؛ ما زلت أجيب من النسخة السابقة."


def redact(text: str, token: str) -> str:
    """`text` with the bot token (and its secret half alone) replaced by `<token>`."""
    token = token.strip()
    if not token:
        return text
    text = text.replace(token, "<token>")
    secret = token.split(":", 1)[-1]
    return text.replace(secret, "<token>") if len(secret) >= 8 else text


class PlainStartupFailures(logging.Filter):
    """A rejected token, an unreachable Bot API, or a server that answers with something
    else than the Bot API's JSON (a proxy's HTML page) is said plainly by `marsad telegram`
    in one or two lines; what python-telegram-bot logs with each — "Network Retry Loop
    (Bootstrap ...): Aborting", "Can not load invalid JSON data", their tracebacks — only
    hides them (`marsad telegram --debug` does not install this filter). Once running, a
    failed call is logged by the bot's own error handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if not record.name.startswith("telegram"):
            return True
        return not isinstance(error, (TelegramError, ValueError))


# -- malformed updates ---------------------------------------------------------------------------

def sanitize_updates(result: Any) -> list[dict[str, Any]]:
    """A getUpdates result every update of which python-telegram-bot can parse."""
    if not isinstance(result, list):
        log.warning("ignored a malformed getUpdates result from the Bot API (%s)",
                    type(result).__name__)
        return []
    out: list[dict[str, Any]] = []
    for item in result:
        update_id = item.get("update_id") if isinstance(item, dict) else None
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            log.warning("ignored a malformed update without an update_id from the Bot API")
            continue
        try:
            Update.de_json(dict(item), None)
        except Exception as exc:  # any parse failure: the update is skipped, not the batch
            log.warning("ignored malformed update %s from the Bot API (%s)", update_id,
                        type(exc).__name__)
            out.append({"update_id": update_id})
            continue
        out.append(item)
    return out


class TolerantUpdates(HTTPXRequest):
    """The request object for getUpdates: one unparseable update never blocks the others."""

    async def post(self, url: str, *args: Any, **kwargs: Any) -> Any:
        result = await super().post(url, *args, **kwargs)
        if url.rstrip("/").lower().endswith("/getupdates"):
            return sanitize_updates(result)
        return result


def updates_request() -> TolerantUpdates:
    """As python-telegram-bot builds its getUpdates request: one connection."""
    return TolerantUpdates(connection_pool_size=1, read_timeout=READ_TIMEOUT)


# -- admin-only commands -------------------------------------------------------------------------

def is_admin(context: ContextTypes.DEFAULT_TYPE, user_id: int | None) -> bool:
    state = context.bot_data[STATE]
    return user_id is not None and user_id in state.settings.admins


async def refuse_unless_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True for an admin; anyone else is told the command is for admins (and False)."""
    user = update.effective_user
    if is_admin(context, user.id if user else None):
        return True
    message, chat = update.effective_message, update.effective_chat
    if message is None:
        return False
    state = context.bot_data[STATE]
    if state.allowed(chat.id if chat else None, user.id if user else None):
        await message.reply_text(ADMIN_ONLY)
    elif chat is not None and chat.id not in state.refused:
        state.refused.add(chat.id)  # outside the allowlist: one polite refusal per chat
        await message.reply_text(render.REFUSED)
    return False


Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def admin_only(handler: Handler) -> Handler:
    """Wrap a command handler so that only `telegram.admins` reach it."""
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await refuse_unless_admin(update, context):
            await handler(update, context)
    guarded.__name__ = getattr(handler, "__name__", "guarded")
    guarded.__doc__ = handler.__doc__
    return guarded


# -- /reload -------------------------------------------------------------------------------------

@admin_only
async def on_reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload (admins): reopen the database, so what `marsad ingest` added is answerable.

    The new engine takes over at once; the old one stays open RELOAD_GRACE seconds for
    the answers still using it, then closes.
    """
    try:
        fresh = await reopen(context.bot_data)
    except Exception as exc:
        log.error("reload failed: %s", exc)
        await update.effective_message.reply_text(RELOAD_FAILED)
        return
    sources = await fresh.sources()
    log.info("reloaded the database: %d articles", len(sources))
    await update.effective_message.reply_text(RELOADED.format(
        articles=count(len(sources), ARTICLES),
        passages=count(sum(s.passages for s in sources), PASSAGES)))


async def reopen(bot_data: dict) -> Any:
    """Open the database afresh and make that the engine answering from now on (/reload,
    and a feeds pass after another process wrote); the old one is retired. Raises what
    opening raises, the old engine then staying in place."""
    state = bot_data[STATE]
    async with bot_data.setdefault(RELOAD_LOCK, asyncio.Lock()):
        fresh = await state.open_engine()
        old, owned = state.engine, state.owns_engine
        state.engine, state.owns_engine = fresh, True
        state.sources_cache = None
        if old is not None and owned:
            retire(bot_data, old)
    return fresh


def retire(bot_data: dict, engine: Any) -> None:
    """Close `engine` after RELOAD_GRACE seconds (or at shutdown, whichever comes first)."""
    async def close_later() -> None:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(RELOAD_GRACE)
        await engine.close()
    retired = bot_data.setdefault(RETIRED, [])
    retired[:] = [t for t in retired if not t.done()]
    retired.append(asyncio.get_running_loop().create_task(close_later()))


async def close_retired(bot_data: dict) -> None:
    """At shutdown: close every engine still waiting out its grace period."""
    tasks = bot_data.pop(RETIRED, [])
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
