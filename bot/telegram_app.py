"""The Telegram bot (`marsad telegram`): one small handler per kind of update, wired in one place.

Handlers parse the update, call the same `Marsad.answer` the console uses, and send what
`telegram_render` renders. The engine does its CPU work off the event loop, so a long query in
one chat never stalls the others; with concurrent updates the chats are served side by side.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import logging
import re
import time
import warnings
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from retrieval.engine import Marsad
from retrieval.index import BM25Params
from retrieval.model import Answer
from retrieval.store import SourceInfo

from . import telegram_guard as guard
from . import telegram_render as render
from .config import Config, ConfigError, TelegramConfig
from .follow import FeedFollower
from .seeds import seeds_dir

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
CONCURRENT_UPDATES = 64  # updates handled at once; the engine's thread pool does the CPU work
ANSWER_CACHE = 1024  # answers kept for their "more results" / "full article" buttons
MORE_PAGES = 2  # how many "more results" pages an answer can have
INLINE_RESULTS = 5
INLINE_RATE_FACTOR = 3  # inline queries arrive as the user types
RETRY_BACKOFF = 0.5  # seconds before the first retry of a failed call; doubles each time
SOURCES_TTL = 60.0  # seconds; `marsad ingest` may add articles while the bot runs
STATE = "marsad"
FEEDS = "marsad.feeds"  # the FeedFollower of [feeds]
COMMANDS = (
    ("ask", "اطرح سؤالاً عن التغطية الإخبارية"),
    ("sources", "المصادر والمقالات التي أعرفها"),
    ("compare", "كيف غطّت كل وسيلة موضوعاً ما"),
    ("timeline", "المقالات بترتيب تاريخ النشر"),
    ("help", "كيف تسأل مرصد"),
)
MISSING_TOKEN = (
    "the Telegram bot token is missing: create a bot with @BotFather, then set it as "
    "[telegram] token in config.toml or in the MARSAD_TELEGRAM_TOKEN environment variable"
)

_MORE = re.compile(r"m:([0-9a-z]{1,10}):(\d{1,3})", re.ASCII)
_ARTICLE = re.compile(r"a:([\w.\-]{1,62})", re.ASCII)
_ARTICLE_REF = re.compile(r"a#([0-9a-z]{1,10}):(\d{1,3})", re.ASCII)
_FEEDBACK = re.compile(r"f:([0-9a-z]{1,10}):([ud])", re.ASCII)
_SECRET = re.compile(r"[A-Za-z0-9_\-]{1,256}")


# -- state ---------------------------------------------------------------------------------------

class UserRateLimit:
    """At most `per_minute` questions per user in any sliding minute; one warning per burst."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def check(self, user_id: int) -> str:
        """"ok" to answer, "warn" to say slow down (once), "quiet" to ignore."""
        if self.per_minute <= 0:
            return "ok"
        now = self.clock()
        if len(self._seen) > 10_000:  # forget users who went quiet
            self._seen = {u: q for u, q in self._seen.items() if q and q[-1] > now - 60}
        window = self._seen.setdefault(user_id, deque())
        while window and window[0] <= now - 60:
            window.popleft()
        if len(window) < self.per_minute:
            window.append(now)
            self._warned.discard(user_id)
            return "ok"
        if user_id in self._warned:
            return "quiet"
        self._warned.add(user_id)
        return "warn"


@dataclass
class _Remembered:
    chat_id: int
    answer: Answer


@dataclass
class BotState:
    """What the handlers share: the engine, the settings, and short-lived memory."""

    settings: TelegramConfig
    shown: int
    open_engine: Callable[[], Awaitable[Marsad]]
    engine: Marsad | None = None
    owns_engine: bool = False
    limiter: UserRateLimit = field(default_factory=lambda: UserRateLimit(0))
    inline_limiter: UserRateLimit = field(default_factory=lambda: UserRateLimit(0))
    answers: OrderedDict[str, _Remembered] = field(default_factory=OrderedDict)
    refused: set[int] = field(default_factory=set)
    sources_cache: tuple[float, list[SourceInfo]] | None = None
    _next_key: int = 0

    def remember(self, chat_id: int, answer: Answer) -> str:
        self._next_key += 1
        key = _base36(self._next_key)
        self.answers[key] = _Remembered(chat_id, answer)
        while len(self.answers) > ANSWER_CACHE:
            self.answers.popitem(last=False)
        return key

    def recall(self, key: str, chat_id: int) -> Answer | None:
        item = self.answers.get(key)
        if item is None or item.chat_id != chat_id:
            return None
        self.answers.move_to_end(key)
        return item.answer

    def allowed(self, chat_id: int | None, user_id: int | None) -> bool:
        s = self.settings
        return not s.allowed_chats or chat_id in s.allowed_chats or user_id in s.admins

    def rate(self, user_id: int | None, *, inline: bool = False) -> str:
        if user_id is None or user_id in self.settings.admins:
            return "ok"
        return (self.inline_limiter if inline else self.limiter).check(user_id)

    async def sources(self) -> list[SourceInfo]:
        now = time.monotonic()
        if self.sources_cache is None or now - self.sources_cache[0] > SOURCES_TTL:
            assert self.engine is not None
            self.sources_cache = (now, await self.engine.sources())
        return self.sources_cache[1]


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out or "0"


def _state(context: Context) -> BotState:
    return context.bot_data[STATE]


# -- retries -------------------------------------------------------------------------------------

class RetryRequests(BaseRateLimiter[None]):
    """Retry a Bot API call after 429 (waiting `retry_after`) or a 5xx / connection failure.

    A timed-out call is not retried: Telegram may have delivered it, and a retry would
    duplicate the message. Waits longer than `max_wait` are not worth holding a chat for.
    """

    def __init__(self, retries: int = 3, backoff: float | None = None,
                 max_wait: float = 60.0) -> None:
        self.retries = retries
        self.backoff = RETRY_BACKOFF if backoff is None else backoff
        self.max_wait = max_wait

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def process_request(self, callback: Callable[..., Awaitable[Any]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: None) -> Any:
        for attempt in range(self.retries + 1):
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = _retry_after_seconds(exc)
                if attempt == self.retries or wait > self.max_wait:
                    raise
                log.warning("Bot API flood control on %s: retrying in %.0f s", endpoint, wait)
            except (BadRequest, TimedOut):
                raise
            except NetworkError as exc:
                if attempt == self.retries:
                    raise
                wait = self.backoff * 2**attempt
                log.warning("Bot API call %s failed (%s): retrying in %.1f s", endpoint, exc, wait)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover


def _retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


# -- filters -------------------------------------------------------------------------------------

def _mentions_bot(message: Message) -> bool:
    bot = message.get_bot()
    username = (bot.username or "").lower()
    for entity, text in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.MENTION and text[1:].lower() == username:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
            return True
    return False


def _replies_to_bot(message: Message) -> bool:
    replied = message.reply_to_message
    if replied is None or replied.from_user is None:
        return False
    if message.is_topic_message and replied.message_id == message.message_thread_id:
        return False  # in a forum topic every message "replies" to the topic's first message
    return replied.from_user.id == message.get_bot().id


class _AddressedToBot(filters.MessageFilter):
    """A group message that mentions this bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        return _mentions_bot(message) or _replies_to_bot(message)


NEW_MESSAGE = filters.UpdateType.MESSAGE  # edits are not new questions
PRIVATE_TEXT = NEW_MESSAGE & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
GROUP_ADDRESSED = (NEW_MESSAGE & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND
                   & _AddressedToBot())
PRIVATE_COMMAND = NEW_MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND


def _without_mention(text: str, username: str | None) -> str:
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip()


# -- the question path ---------------------------------------------------------------------------

async def _admit(update: Update, context: Context, *, question: bool) -> bool:
    """Allowlist (one polite refusal per chat) and, for questions, the per-user rate limit."""
    state = _state(context)
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if not state.allowed(chat.id if chat else None, user.id if user else None):
        if chat is not None and chat.id not in state.refused and message is not None:
            state.refused.add(chat.id)
            await message.reply_text(render.REFUSED)
        return False
    if question:
        verdict = state.rate(user.id if user else None)
        if verdict == "warn" and message is not None:
            await message.reply_text(render.SLOW_DOWN)
        return verdict == "ok"
    return True


async def _ask(update: Update, context: Context, question: str) -> None:
    """Answer `question` as a reply to the asking message, with buttons for more."""
    message = update.effective_message
    if not await _admit(update, context, question=bool(question)):
        return
    if not question:
        await message.reply_text(
            render.ASK_PROMPT, do_quote=True,
            reply_markup=ForceReply(selective=True,
                                    input_field_placeholder=render.ASK_PLACEHOLDER))
        return
    state = _state(context)
    started = time.perf_counter()
    answer = await state.engine.answer(question, k=state.shown + render.PAGE_SIZE * MORE_PAGES)
    await message.reply_text(render.render_answer(answer, state.shown),
                             reply_markup=_answer_keyboard(state, message.chat_id, answer))
    log.info("question chat_type=%s answered=%s hits=%d latency_ms=%.0f", message.chat.type,
             answer.answered, len(answer.hits), (time.perf_counter() - started) * 1000)


def _article_data(key: str, answer: Answer, index: int) -> str:
    """Callback data for "full article": the id itself when it is short and plain."""
    data = f"a:{answer.hits[index].article_id}"
    if _ARTICLE.fullmatch(data) and len(data.encode()) <= 64:
        return data
    return f"a#{key}:{index}"


def _answer_keyboard(state: BotState, chat_id: int, answer: Answer) -> InlineKeyboardMarkup | None:
    if not answer.answered or not answer.hits:
        return None
    key = state.remember(chat_id, answer)
    row = [InlineKeyboardButton(render.ARTICLE_BUTTON, callback_data=_article_data(key, answer, 0))]
    if len(answer.hits) > state.shown:
        row.insert(0, InlineKeyboardButton(render.MORE_BUTTON,
                                           callback_data=f"m:{key}:{state.shown}"))
    rate = [InlineKeyboardButton(render.FEEDBACK_UP, callback_data=f"f:{key}:u"),
            InlineKeyboardButton(render.FEEDBACK_DOWN, callback_data=f"f:{key}:d")]
    return InlineKeyboardMarkup([row, rate])


def _page_keyboard(key: str, answer: Answer, start: int, end: int) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(f"{render.ARTICLE_BUTTON} ({i + 1})",
                                  callback_data=_article_data(key, answer, i))]
            for i in range(start, end)]
    if end < len(answer.hits):
        rows.append([InlineKeyboardButton(render.MORE_BUTTON, callback_data=f"m:{key}:{end}")])
    return InlineKeyboardMarkup(rows)


# -- handlers ------------------------------------------------------------------------------------

async def on_start(update: Update, context: Context) -> None:
    """/start, also reached from inline mode's buttons with a `sources` or `help` payload."""
    if context.args and context.args[0] == "sources":
        await on_sources(update, context)
    else:
        await on_help(update, context)


async def on_help(update: Update, context: Context) -> None:
    if not await _admit(update, context, question=False):
        return
    sources = await _state(context).sources()
    await update.effective_message.reply_text(render.render_help(sources, context.bot.username))


async def on_sources(update: Update, context: Context) -> None:
    if not await _admit(update, context, question=False):
        return
    state = _state(context)
    for text in render.render_sources(await state.sources(), outlets=await state.engine.outlets()):
        await update.effective_message.reply_text(text)


async def on_compare(update: Update, context: Context) -> None:
    """/compare TOPIC: each outlet's most relevant passage on it, and the silent ones."""
    parts = (update.effective_message.text or "").split(maxsplit=1)
    topic = _without_mention(parts[1] if len(parts) > 1 else "", context.bot.username)
    if not await _admit(update, context, question=bool(topic)):
        return
    if not topic:
        await update.effective_message.reply_text(render.COMPARE_PROMPT)
        return
    comparison = await _state(context).engine.compare(topic)
    for text in render.render_comparison(comparison):
        await update.effective_message.reply_text(text)


async def on_timeline(update: Update, context: Context) -> None:
    if not await _admit(update, context, question=False):
        return
    for text in render.render_timeline(await _state(context).engine.timeline()):
        await update.effective_message.reply_text(text)


async def on_stats(update: Update, context: Context) -> None:
    """/stats (admins only): readers' ratings, the worst-rated questions first."""
    if not await _admit(update, context, question=False):
        return
    state, user = _state(context), update.effective_user
    if user is None or user.id not in state.settings.admins:
        await update.effective_message.reply_text(render.ADMINS_ONLY)
        return
    for text in render.render_stats(await state.engine.feedback_summary()):
        await update.effective_message.reply_text(text)


async def on_ask(update: Update, context: Context) -> None:
    """/ask QUESTION (also /ask@ThisBot); an empty /ask gets a ForceReply prompt."""
    parts = (update.effective_message.text or "").split(maxsplit=1)
    question = parts[1] if len(parts) > 1 else ""
    await _ask(update, context, _without_mention(question, context.bot.username))


async def on_private_text(update: Update, context: Context) -> None:
    """In a private chat any text is a question (except our own inline results posted back)."""
    message = update.effective_message
    if message.via_bot and message.via_bot.id == context.bot.id:
        return
    await _ask(update, context, _without_mention(message.text, context.bot.username))


async def on_group_addressed(update: Update, context: Context) -> None:
    """A group message that mentions the bot or replies to it."""
    await _ask(update, context,
               _without_mention(update.effective_message.text, context.bot.username))


async def on_unknown_command(update: Update, context: Context) -> None:
    if await _admit(update, context, question=False):
        await update.effective_message.reply_text(render.UNKNOWN_COMMAND)


async def on_callback(update: Update, context: Context) -> None:
    """The answer's buttons. Anything unexpected (forged, stale) gets a polite note."""
    query, state = update.callback_query, _state(context)
    message = query.message
    chat_id = message.chat.id if message is not None else None
    if chat_id is None:
        await query.answer(render.STALE_BUTTON)
        return
    if not state.allowed(chat_id, query.from_user.id):
        await query.answer(render.REFUSED)
        return
    data = query.data or ""
    if rating := _FEEDBACK.fullmatch(data):
        await _feedback(update, context, rating[1], 1 if rating[2] == "u" else -1)
        return
    if more := _MORE.fullmatch(data):
        await _more_results(update, context, more[1], int(more[2]))
        return
    article_id = None
    if plain := _ARTICLE.fullmatch(data):
        article_id = plain[1]
    elif ref := _ARTICLE_REF.fullmatch(data):
        answer, index = state.recall(ref[1], chat_id), int(ref[2])
        if answer is not None and index < len(answer.hits):
            article_id = answer.hits[index].article_id
    if article_id is None:
        await query.answer(render.STALE_BUTTON)
        return
    await _full_article(update, context, article_id)


async def _feedback(update: Update, context: Context, key: str, rating: int) -> None:
    """👍/👎 under an answer: stored with the question and the cited passage; a second
    press by the same reader changes the rating."""
    query, state = update.callback_query, _state(context)
    answer = state.recall(key, query.message.chat.id)
    if answer is None or not answer.hits:
        await query.answer(render.STALE_BUTTON)
        return
    cited = answer.hits[0]
    await state.engine.record_feedback(
        chat_id=query.message.chat.id, message_id=query.message.message_id,
        user_id=query.from_user.id, question=answer.question, passage_id=cited.passage_id,
        article_id=cited.article_id, passage=cited.text, rating=rating)
    await query.answer(render.FEEDBACK_THANKS)


async def _more_results(update: Update, context: Context, key: str, start: int) -> None:
    query, state = update.callback_query, _state(context)
    chat_id = query.message.chat.id
    answer = state.recall(key, chat_id)
    if answer is None or not 0 < start < len(answer.hits):
        await query.answer(render.STALE_BUTTON)
        return
    if state.rate(query.from_user.id) != "ok":
        await query.answer(render.SLOW_DOWN)
        return
    await query.answer()
    end = min(start + render.PAGE_SIZE, len(answer.hits))
    # Take the pressed "more" button away so the same page is not sent twice.
    keep = [[b for b in row if not str(b.callback_data).startswith("m:")]
            for row in getattr(query.message.reply_markup, "inline_keyboard", ()) or ()]
    keep = [row for row in keep if row]
    with contextlib.suppress(BadRequest):
        await query.edit_message_reply_markup(InlineKeyboardMarkup(keep) if keep else None)
    await context.bot.send_message(
        chat_id, render.render_more(answer.hits[start:end], start + 1),
        reply_markup=_page_keyboard(key, answer, start, end),
        reply_parameters=ReplyParameters(query.message.message_id,
                                         allow_sending_without_reply=True))


async def _full_article(update: Update, context: Context, article_id: str) -> None:
    query, state = update.callback_query, _state(context)
    article = await state.engine.article(article_id)
    if article is None:
        await query.answer(render.ARTICLE_GONE)
        return
    if state.rate(query.from_user.id) != "ok":
        await query.answer(render.SLOW_DOWN)
        return
    await query.answer()
    for text in render.render_article(article):
        await context.bot.send_message(query.message.chat.id, text)


async def on_inline(update: Update, context: Context) -> None:
    """`@bot question` in any chat: up to five cited passages to share."""
    query, state = update.inline_query, _state(context)
    text, user_id = query.query.strip(), query.from_user.id
    if not text or not state.allowed(user_id, user_id):
        await query.answer([], cache_time=300, is_personal=True, button=InlineQueryResultsButton(
            text=render.INLINE_HELP, start_parameter="help"))
        return
    if state.rate(user_id, inline=True) != "ok":
        await query.answer([], cache_time=0, is_personal=True, button=InlineQueryResultsButton(
            text=render.INLINE_SLOW_DOWN, start_parameter="help"))
        return
    started = time.perf_counter()
    answer = await state.engine.answer(text, k=INLINE_RESULTS)
    hits = answer.hits[:INLINE_RESULTS] if answer.answered else []
    results = [
        InlineQueryResultArticle(
            id=f"{i}-{hit.passage_id}",
            title=render.inline_title(hit),
            description=render.inline_description(hit),
            input_message_content=InputTextMessageContent(
                render.render_inline_message(hit), parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True)),
        )
        for i, hit in enumerate(hits)
    ]
    button = None if results else InlineQueryResultsButton(text=render.INLINE_NO_ANSWER,
                                                            start_parameter="sources")
    await query.answer(results, cache_time=60, button=button)
    log.info("question chat_type=inline answered=%s hits=%d latency_ms=%.0f", answer.answered,
             len(hits), (time.perf_counter() - started) * 1000)


async def on_error(update: object, context: Context) -> None:
    """Log each failure once; tell the asker when the fault is ours, not the network's."""
    error = context.error
    if update is None and isinstance(error, TelegramError):
        log.warning("Bot API error while fetching updates (retrying): %s", error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("failed to handle update %s: %s", update_id, type(error).__name__, exc_info=error)
    if (isinstance(update, Update) and update.effective_message is not None
            and update.callback_query is None and not isinstance(error, TelegramError)):
        with contextlib.suppress(TelegramError):
            await update.effective_message.reply_text(render.FAILED)


def add_handlers(app: Application) -> None:
    """All the wiring, in one place."""
    app.add_handler(CommandHandler("start", on_start, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("help", on_help, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("sources", on_sources, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("compare", on_compare, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("timeline", on_timeline, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("stats", on_stats, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("ask", on_ask, filters=NEW_MESSAGE))
    app.add_handler(MessageHandler(PRIVATE_TEXT, on_private_text))
    app.add_handler(MessageHandler(GROUP_ADDRESSED, on_group_addressed))
    app.add_handler(CommandHandler("reload", guard.on_reload, filters=NEW_MESSAGE))  # admins
    app.add_handler(MessageHandler(PRIVATE_COMMAND, on_unknown_command))
    app.add_handler(CallbackQueryHandler(on_callback))
    app.add_handler(InlineQueryHandler(on_inline))
    app.add_error_handler(on_error)


# -- lifecycle -----------------------------------------------------------------------------------

async def _on_startup(app: Application) -> None:
    """Open the engine (unless one was given) and register the commands; the latter may fail."""
    state: BotState = app.bot_data[STATE]
    if state.engine is None:
        state.engine = await state.open_engine()
        state.owns_engine = True
    try:
        await app.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except TelegramError as exc:
        log.warning("could not register the bot commands (%s); continuing without them", exc)
    log.info("bot @%s ready", app.bot.username)
    app.bot_data[FEEDS].start()  # [feeds]: followed while the bot serves (bot/follow.py)


async def _on_shutdown(app: Application) -> None:
    state: BotState = app.bot_data[STATE]
    await app.bot_data[FEEDS].stop()
    await guard.close_retired(app.bot_data)  # engines replaced by /reload
    if state.owns_engine and state.engine is not None:
        await state.engine.close()
        state.engine = None


def quiet_noisy_loggers() -> None:
    """httpx logs every request URL, and PTB logs its API URL at debug: both hold the token."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    telegram_log = logging.getLogger("telegram")
    if telegram_log.getEffectiveLevel() < logging.INFO:
        telegram_log.setLevel(logging.INFO)


def build_application(config: Config, engine: Marsad | None = None) -> Application:
    """The bot, wired. Without `engine`, one is opened at startup from `config` (seeded)."""
    quiet_noisy_loggers()
    settings = config.telegram

    async def open_engine() -> Marsad:
        r = config.retrieval
        params = BM25Params(k1=r.k1, b=r.b, epsilon=r.epsilon)
        return await Marsad.open(config.db_path, params=params, seeds=seeds_dir())

    builder = (
        ApplicationBuilder()
        .token(settings.token.strip())
        .defaults(Defaults(parse_mode=ParseMode.HTML, allow_sending_without_reply=True,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(CONCURRENT_UPDATES)
        .rate_limiter(RetryRequests())
        .read_timeout(guard.READ_TIMEOUT)
        .get_updates_request(guard.updates_request())  # malformed updates: issue 7
        .job_queue(None)
        .post_init(_on_startup)
        .post_shutdown(_on_shutdown)
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    app = builder.build()
    app.bot_data[STATE] = BotState(
        settings=settings,
        shown=max(1, min(config.retrieval.top_k, 3)),
        open_engine=open_engine,
        engine=engine,
        limiter=UserRateLimit(settings.rate_limit_per_minute),
        inline_limiter=UserRateLimit(settings.rate_limit_per_minute * INLINE_RATE_FACTOR),
    )
    feeds = config.feeds
    app.bot_data[FEEDS] = FeedFollower(feeds.urls, feeds.every_minutes,
                                       delay_seconds=feeds.delay_seconds,
                                       engine=lambda: app.bot_data[STATE].engine)
    add_handlers(app)
    return app


class RedactToken(logging.Filter):
    """Belt and braces: whatever logs a record, the token is replaced before it is written."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = guard.redact(message, self.token)
        if clean != message:
            record.msg, record.args = clean, None
        # a traceback is formatted apart from the message, and exceptions can hold the token
        # (python-telegram-bot's InvalidToken quotes it): format it here, redacted
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = guard.redact(record.exc_text, self.token)
        if record.stack_info:
            record.stack_info = guard.redact(record.stack_info, self.token)
        return True


def _check_webhook(settings: TelegramConfig) -> None:
    url = urlparse(settings.webhook_url)
    if url.scheme != "https" or not url.hostname:
        raise ConfigError("telegram.webhook_url must be a public https:// URL")
    if settings.webhook_secret and not _SECRET.fullmatch(settings.webhook_secret):
        raise ConfigError("telegram.webhook_secret may only hold A-Z, a-z, 0-9, _ and - "
                          "(1-256 characters)")
    if importlib.util.find_spec("tornado") is None:
        raise ConfigError("webhook mode needs python-telegram-bot's webhook support: "
                          "pip install 'python-telegram-bot[webhooks]'")


def run_telegram(config: Config) -> int:
    """Run the bot until interrupted: long polling, or a webhook when `webhook_url` is set."""
    settings = config.telegram
    token = settings.token.strip()
    if not token:
        raise ConfigError(MISSING_TOKEN)
    if settings.webhook_url:
        _check_webhook(settings)
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in root.handlers:
        handler.addFilter(RedactToken(token))
        handler.addFilter(guard.NoTracebackForBadToken())  # ConfigError says it plainly
    if log.level == logging.NOTSET:
        log.setLevel(logging.INFO)  # the per-question lines are the bot's activity log
    app = build_application(config)
    try:
        if settings.webhook_url:
            app.run_webhook(
                listen=settings.webhook_listen, port=settings.webhook_port,
                url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url, secret_token=settings.webhook_secret or None,
                allowed_updates=ALLOWED_UPDATES)
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken as exc:
        raise ConfigError(f"the Bot API rejected the token ({guard.redact(str(exc), token)}); "
                          "check [telegram] token / "
                          "MARSAD_TELEGRAM_TOKEN, and base_url if you set one") from None
    except NetworkError as exc:
        log.error("could not reach the Telegram Bot API: %s", guard.redact(str(exc), token))
        return 1
    return 0
