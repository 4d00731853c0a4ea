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
import sys
import time
import unicodedata
import warnings
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
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
    ChatMigrated,
    Forbidden,
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
from retrieval.ingest import written_elsewhere
from retrieval.model import Answer
from retrieval.store import SourceInfo

from . import examples
from . import telegram_guard as guard
from . import telegram_render as render
from .config import Config, ConfigError, TelegramConfig
from .follow import FeedFollower
from .seeds import seeds_dir
from .writer_lock import one_writer

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
CONCURRENT_UPDATES = 64  # updates handled at once; the engine's thread pool does the CPU work
ANSWER_CACHE = 1024  # answers kept for their "more results" / "full article" buttons
MORE_PAGES = 2  # how many "more results" pages an answer can have
INLINE_RESULTS = 5
INLINE_RATE_FACTOR = 3  # inline queries arrive as the user types
RETRY_BACKOFF = 0.5  # seconds before the first retry of a failed call; doubles each time
STARTUP_CHECK = "getMe"  # the first call: fails at once, so an unreachable Bot API is said
TOPIC_GONE = ("message thread not found", "topic_deleted", "topic_closed")  # Bot API words
CANNOT_WRITE = ("not enough rights", "have no rights", "chat_write_forbidden",
                "chat not found")  # the Bot API's words when the bot may not write there
# ... and when the inline query or button press was answered after Telegram gave up on it
# (about 10 s for an inline query: the reader typed on, or the bot was busy or down)
QUERY_EXPIRED = ("query is too old", "query id is invalid")
DOUBLE_PRESS = 10.0  # seconds in which a second press of the same button is the same request
MAX_REASON = 200  # characters of an error quoted when `marsad telegram` cannot start
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
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{1,32})?", re.ASCII)


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
    allowed_chats: set[int] = field(default_factory=set)  # settings' list, plus migrations
    moved: dict[int, int] = field(default_factory=dict)  # group id -> its supergroup's id
    topics: OrderedDict[tuple[int, int], int] = field(default_factory=OrderedDict)
    presses: OrderedDict[tuple[int, int, str], float] = field(default_factory=OrderedDict)
    _next_key: int = 0

    def __post_init__(self) -> None:
        self.allowed_chats |= set(self.settings.allowed_chats)

    def remember(self, chat_id: int, answer: Answer) -> str:
        self._next_key += 1
        key = _base36(self._next_key)
        self.answers[key] = _Remembered(chat_id, answer)
        while len(self.answers) > ANSWER_CACHE:
            self.answers.popitem(last=False)
        return key

    def recall(self, key: str, chat_id: int) -> _Remembered | None:
        item = self.answers.get(key)
        if item is None or item.chat_id != self.current_chat(chat_id):
            return None  # a migrated group's old messages are pressed under its old id
        self.answers.move_to_end(key)
        return item

    def note_topic(self, sent: Message, topic: int | None) -> None:
        """Remember the forum topic a message with buttons was sent to: a press on it may come
        with the message inaccessible (deleted, too old), its topic unsaid."""
        if topic is not None:
            self.topics[(sent.chat.id, sent.message_id)] = topic
            while len(self.topics) > ANSWER_CACHE:
                self.topics.popitem(last=False)

    def topic_of(self, pressed: Any) -> int | None:
        """The forum topic of the message whose button was pressed (None: not in a topic)."""
        return _topic(pressed) or self.topics.get((pressed.chat.id, pressed.message_id))

    def first_press(self, chat_id: int, message_id: int, data: str) -> bool:
        """False for a press of the same button on the same message within DOUBLE_PRESS
        seconds of another: a double tap, or several readers tapping at once, is served once
        (the page or article sent for the first is there for all)."""
        now, press = time.monotonic(), (chat_id, message_id, data)
        if now - self.presses.get(press, -DOUBLE_PRESS) < DOUBLE_PRESS:
            return False
        self.presses[press] = now
        self.presses.move_to_end(press)
        while len(self.presses) > ANSWER_CACHE:
            self.presses.popitem(last=False)
        return True

    @property
    def restricted(self) -> bool:
        """True when only some chats may use the bot (`allowed_chats` is set)."""
        return bool(self.allowed_chats)

    def allowed(self, chat_id: int | None, user_id: int | None) -> bool:
        return (not self.allowed_chats or chat_id in self.allowed_chats
                or (chat_id is not None and self.current_chat(chat_id) in self.allowed_chats)
                or user_id in self.settings.admins)

    def migrate(self, old: int, new: int) -> None:
        """Group `old` became supergroup `new` (Telegram gives it a new id): what was kept for
        the group — allowlist membership, a refusal already given, answers behind buttons —
        now belongs to the supergroup. Rate limits are per user, so they carry over as is."""
        if old == new or self.moved.get(old) == new:
            return
        self.moved[old] = new
        if old in self.allowed_chats:
            self.allowed_chats.add(new)
        if old in self.refused:
            self.refused.add(new)
        for item in self.answers.values():
            if item.chat_id == old:
                item.chat_id = new
        log.info("group %s became supergroup %s; its settings follow it%s", old, new,
                 " (add the new id to telegram.allowed_chats)" if new in self.allowed_chats
                 else "")

    def current_chat(self, chat_id: int) -> int:
        """The id to send to: a migrated group's supergroup id."""
        return self.moved.get(chat_id, chat_id)

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
    """Retry a Bot API call after 429 (waiting `retry_after`) or a 5xx / connection failure,
    and resend to the new chat a message refused because its group became a supergroup.

    A timed-out call is not retried: Telegram may have delivered it, and a retry would
    duplicate the message. Waits longer than `max_wait` are not worth holding a chat for.
    The start-up check (getMe) is not retried: when the Bot API cannot be reached at all,
    `marsad telegram` says so at once. `state` (set by `build_application`) learns of
    migrations, and sends to a migrated group go straight to its supergroup.
    """

    def __init__(self, retries: int = 3, backoff: float | None = None,
                 max_wait: float = 60.0, state: BotState | None = None) -> None:
        self.retries = retries
        self.backoff = RETRY_BACKOFF if backoff is None else backoff
        self.max_wait = max_wait
        self.state = state

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def process_request(self, callback: Callable[..., Awaitable[Any]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: None) -> Any:
        sending = endpoint.startswith("send") and isinstance(data.get("chat_id"), int)
        if sending and self.state is not None:
            data["chat_id"] = self.state.current_chat(data["chat_id"])
        for attempt in range(self.retries + 1):
            try:
                return await callback(*args, **kwargs)
            except ChatMigrated as exc:
                if self.state is not None and isinstance(data.get("chat_id"), int):
                    self.state.migrate(data["chat_id"], exc.new_chat_id)  # an edit tells too
                if not sending or self.state is None or attempt == self.retries:
                    raise
                data["chat_id"] = exc.new_chat_id  # `args` holds this dict: the resend uses it
                continue
            except RetryAfter as exc:
                wait = _retry_after_seconds(exc)
                if attempt == self.retries or wait > self.max_wait:
                    raise
                log.warning("Bot API flood control on %s: retrying in %.0f s", endpoint, wait)
            except BadRequest as exc:
                if not (sending and data.get("message_thread_id") and _topic_gone(exc)):
                    raise
                log.warning("forum topic %s of chat %s refused a message (%s): sending it to "
                            "the chat's General topic", data["message_thread_id"],
                            data["chat_id"], exc)
                del data["message_thread_id"]  # the resend goes to General
                continue
            except TimedOut:
                raise
            except NetworkError as exc:
                if attempt == self.retries or endpoint == STARTUP_CHECK:
                    raise
                wait = self.backoff * 2**attempt
                log.warning("Bot API call %s failed (%s): retrying in %.1f s", endpoint, exc, wait)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover


def _topic_gone(error: BadRequest) -> bool:
    """The forum topic a message was sent to was deleted or closed since the question."""
    words = str(error).lower()
    return any(gone in words for gone in TOPIC_GONE)


def _retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


# -- filters -------------------------------------------------------------------------------------

def _words(message: Message) -> str:
    """What the reader wrote: the text, or the caption of a photo (video, document...)."""
    return message.text or message.caption or ""


def _entities_of(message: Message, types: list[str]) -> dict[MessageEntity, str]:
    if message.text is not None:
        return message.parse_entities(types)
    return message.parse_caption_entities(types)


def _bot_mentions(message: Message) -> list[MessageEntity]:
    """The entities that name this bot: `@ThisBot`, or a text_mention of it (a name picked
    from the member list, shown without @)."""
    bot = message.get_bot()
    username = (bot.username or "").lower()
    return [entity for entity, text in _entities_of(
                message, [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items()
            if (entity.type == MessageEntity.MENTION and text[1:].lower() == username)
            or (entity.type == MessageEntity.TEXT_MENTION and entity.user is not None
                and entity.user.id == bot.id)]


def _mentions_bot(message: Message) -> bool:
    return bool(_bot_mentions(message))


def _question_of(message: Message, *, command: bool = False) -> str:
    """What the reader asks: the text or caption without the bot's name wherever it stands
    (@mention or text_mention) and, with `command`, without the leading /command (or
    /command@ThisBot). "" when nothing visible is left (spaces, zero-width or bidi controls)."""
    words = _words(message)
    cut = [(e.offset, e.offset + e.length) for e in _bot_mentions(message)]
    if command and (lead := _COMMAND.match(words)):
        cut.append((0, len(lead.group())))  # ASCII: as many UTF-16 units as characters
    # entity offsets count UTF-16 code units; a lone surrogate (broken emoji) is one unit
    units = words.encode("utf-16-le", "surrogatepass")
    upto = len(units)
    for begin, end in sorted(cut, reverse=True):
        if 2 * end <= upto:  # spans never overlap in Telegram's entities; be safe anyway
            units, upto = units[:2 * begin] + " ".encode("utf-16-le") + units[2 * end:], 2 * begin
    return _visible(_without_mention(units.decode("utf-16-le", "surrogatepass"),
                                     message.get_bot().username))


def _visible(text: str) -> str:
    """`text` stripped; "" when nothing in it shows (only spaces, zero-width or bidi
    controls), so such a question is treated as no question at all."""
    text = text.strip()
    return text if any(not ch.isspace() and unicodedata.category(ch) != "Cf"
                       for ch in text) else ""


def _replies_to_bot(message: Message) -> bool:
    replied = message.reply_to_message
    if replied is None or replied.from_user is None:
        return False
    if message.is_topic_message and replied.message_id == message.message_thread_id:
        return False  # in a forum topic every message "replies" to the topic's first message
    return replied.from_user.id == message.get_bot().id


def _caption_command(message: Message) -> str | None:
    """The command a caption starts with ("" when it is addressed to another bot, as in
    `/ask@OtherBot`); None when the caption holds no command."""
    for entity, text in message.parse_caption_entities([MessageEntity.BOT_COMMAND]).items():
        if entity.offset != 0:
            continue
        name, _, target = text[1:].partition("@")
        if target and target.lower() != (message.get_bot().username or "").lower():
            return ""
        return name.lower()
    return None


class _AddressedToBot(filters.MessageFilter):
    """A group message that mentions this bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        return _mentions_bot(message) or _replies_to_bot(message)


class _CaptionCommand(filters.MessageFilter):
    """A caption that starts with a /command (CommandHandler only reads message text)."""

    def filter(self, message: Message) -> bool:
        return message.caption is not None and _caption_command(message) is not None


class _AnswersPrompt(filters.MessageFilter):
    """A reply to the bot's "what is your question?" prompt (sent for an empty /ask)."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        return (replied is not None and replied.from_user is not None
                and replied.from_user.id == message.get_bot().id
                and replied.text == render.ASK_PROMPT)


NEW_MESSAGE = filters.UpdateType.MESSAGE  # edits are not new questions
WORDS = (filters.TEXT & ~filters.COMMAND) | (filters.CAPTION & ~_CaptionCommand())
PRIVATE_TEXT = NEW_MESSAGE & filters.ChatType.PRIVATE & WORDS
GROUP_ADDRESSED = NEW_MESSAGE & filters.ChatType.GROUPS & WORDS & _AddressedToBot()
PRIVATE_COMMAND = NEW_MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND
CAPTION_COMMAND = NEW_MESSAGE & filters.CAPTION & _CaptionCommand()
MIGRATION = NEW_MESSAGE & filters.StatusUpdate.MIGRATE
WORDLESS_ANSWER = NEW_MESSAGE & ~filters.TEXT & ~filters.CAPTION & _AnswersPrompt()


def _without_mention(text: str, username: str | None) -> str:
    if username:
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
    return text.strip()


def _topic(message: Any) -> int | None:
    """The forum topic `message` is in (None: General, or not a forum). A reply chain in an
    ordinary group also has a message_thread_id, but sending into it is not a topic."""
    return message.message_thread_id if getattr(message, "is_topic_message", False) else None


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
    example = examples.example(await state.sources())
    sent = await message.reply_text(render.render_answer(answer, state.shown, example),
                                    reply_markup=_answer_keyboard(state, message.chat_id, answer))
    state.note_topic(sent, _topic(message))
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
    topic = _question_of(update.effective_message, command=True)
    if not await _admit(update, context, question=bool(topic)):
        return
    suggested = examples.compare_topic(await _state(context).sources())
    if not topic:
        await update.effective_message.reply_text(render.compare_prompt(suggested))
        return
    comparison = await _state(context).engine.compare(topic)
    for text in render.render_comparison(comparison, suggested):
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
    await _ask(update, context, _question_of(update.effective_message, command=True))


async def on_private_text(update: Update, context: Context) -> None:
    """In a private chat any text or caption is a question (except our own inline results
    posted back)."""
    message = update.effective_message
    if message.via_bot and message.via_bot.id == context.bot.id:
        return
    await _ask(update, context, _question_of(message))


async def on_group_addressed(update: Update, context: Context) -> None:
    """A group message (or a photo's caption) that mentions the bot or replies to it."""
    await _ask(update, context, _question_of(update.effective_message))


async def on_caption_command(update: Update, context: Context) -> None:
    """A caption starting with a command: `/ask QUESTION` is asked as in a text message;
    commands for other bots are ignored, other commands are unknown (in private)."""
    message = update.effective_message
    command = _caption_command(message)
    if command == "ask":
        await _ask(update, context, _question_of(message, command=True))
    elif command and message.chat.type == "private":
        await on_unknown_command(update, context)


async def on_migration(update: Update, context: Context) -> None:
    """The service messages of a group that became a supergroup: its settings follow it."""
    message, state = update.effective_message, _state(context)
    if message.migrate_to_chat_id:
        state.migrate(message.chat.id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        state.migrate(message.migrate_from_chat_id, message.chat.id)


async def on_wordless_answer(update: Update, context: Context) -> None:
    """A photo, sticker or voice note without words sent as the answer to the "what is your
    question?" prompt: the reader meant to ask, so say the question must be written."""
    if await _admit(update, context, question=False):
        example = examples.example(await _state(context).sources())
        await update.effective_message.reply_text(render.not_a_question(example))


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
    if not state.first_press(chat_id, message.message_id, data):
        await _acknowledge(query)  # what it asks for was just sent, above
        return
    if more := _MORE.fullmatch(data):
        await _more_results(update, context, more[1], int(more[2]))
        return
    article_id = None
    if plain := _ARTICLE.fullmatch(data):
        article_id = plain[1]
    elif ref := _ARTICLE_REF.fullmatch(data):
        item, index = state.recall(ref[1], chat_id), int(ref[2])
        if item is not None and index < len(item.answer.hits):
            article_id = item.answer.hits[index].article_id
    if article_id is None:
        await query.answer(render.STALE_BUTTON)
        return
    await _full_article(update, context, article_id)


async def _feedback(update: Update, context: Context, key: str, rating: int) -> None:
    """👍/👎 under an answer: stored with the question and the cited passage; a second
    press by the same reader changes the rating."""
    query, state = update.callback_query, _state(context)
    item = state.recall(key, query.message.chat.id)
    if item is None or not item.answer.hits:
        await query.answer(render.STALE_BUTTON)
        return
    answer = item.answer
    cited = answer.hits[0]
    await state.engine.record_feedback(
        chat_id=query.message.chat.id, message_id=query.message.message_id,
        user_id=query.from_user.id, question=answer.question, passage_id=cited.passage_id,
        article_id=cited.article_id, passage=cited.text, rating=rating)
    await query.answer(render.FEEDBACK_THANKS)


async def _more_results(update: Update, context: Context, key: str, start: int) -> None:
    query, state = update.callback_query, _state(context)
    chat_id = query.message.chat.id
    item = state.recall(key, chat_id)
    if item is None or not 0 < start < len(item.answer.hits):
        await query.answer(render.STALE_BUTTON)
        return
    answer = item.answer
    if state.rate(query.from_user.id) != "ok":
        await query.answer(render.SLOW_DOWN)
        return
    await _acknowledge(query)
    end = min(start + render.PAGE_SIZE, len(answer.hits))
    # Take the pressed "more" button away so the same page is not sent twice (a message
    # Telegram no longer shows us, deleted or too old, cannot be edited).
    if isinstance(query.message, Message):
        keep = [[b for b in row if not str(b.callback_data).startswith("m:")]
                for row in getattr(query.message.reply_markup, "inline_keyboard", ()) or ()]
        keep = [row for row in keep if row]
        with contextlib.suppress(BadRequest, ChatMigrated):  # the page matters, not the edit
            await query.edit_message_reply_markup(InlineKeyboardMarkup(keep) if keep else None)
    topic = state.topic_of(query.message)
    page = await context.bot.send_message(
        chat_id, render.render_more(answer.hits[start:end], start + 1),
        reply_markup=_page_keyboard(key, answer, start, end),
        message_thread_id=topic,
        reply_parameters=ReplyParameters(query.message.message_id,
                                         allow_sending_without_reply=True))
    state.note_topic(page, topic)


async def _acknowledge(query: Any) -> None:
    """Stop the pressed button's spinner. Telegram refuses the answer to a press handled too
    late (the bot was down or busy: "query is too old"); what was asked is sent anyway."""
    try:
        await query.answer()
    except BadRequest as exc:
        log.warning("a button press was acknowledged too late (%s); answering it anyway", exc)


async def _full_article(update: Update, context: Context, article_id: str) -> None:
    query, state = update.callback_query, _state(context)
    article = await state.engine.article(article_id)
    if article is None:
        await query.answer(render.ARTICLE_GONE)
        return
    if state.rate(query.from_user.id) != "ok":
        await query.answer(render.SLOW_DOWN)
        return
    await _acknowledge(query)
    topic = state.topic_of(query.message)
    for text in render.render_article(article):
        await context.bot.send_message(query.message.chat.id, text, message_thread_id=topic)


async def on_inline(update: Update, context: Context) -> None:
    """`@bot question` in any chat: up to five cited passages to share."""
    query, state = update.inline_query, _state(context)
    text, user_id = _visible(query.query), query.from_user.id
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
    # declined with passages on the subject: offered too, each titled as the closest
    hits = answer.hits[:INLINE_RESULTS] if answer.answered or answer.related else []
    # With an allowlist, Telegram must not hand one member's results to whoever types the
    # same query: results are cached per user then.
    results = [
        InlineQueryResultArticle(
            id=f"{i}-{hit.passage_id}",
            title=render.inline_title(hit, closest=not answer.answered),
            description=render.inline_description(hit),
            input_message_content=InputTextMessageContent(
                render.render_inline_message(hit), parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True)),
        )
        for i, hit in enumerate(hits)
    ]
    button = None
    if not answer.answered:
        label, payload = render.inline_no_answer(answer)
        button = InlineQueryResultsButton(text=label, start_parameter=payload)
    await query.answer(results, cache_time=60, is_personal=state.restricted, button=button)
    log.info("question chat_type=inline answered=%s hits=%d latency_ms=%.0f", answer.answered,
             len(hits), (time.perf_counter() - started) * 1000)


async def on_error(update: object, context: Context) -> None:
    """Log each failure once; tell the asker when the fault is ours, not the network's."""
    error = context.error
    if update is None and isinstance(error, TelegramError):
        log.warning("Bot API error while fetching updates (retrying): %s", error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, Forbidden) or (isinstance(error, BadRequest) and any(
            words in str(error).lower() for words in (*CANNOT_WRITE, *QUERY_EXPIRED))):
        # the reader blocked the bot, a group removed or muted it, or the query expired
        # before its answer: routine, not our fault
        log.warning("update %s not answered: %s", update_id, error)
        return
    log.error("failed to handle update %s: %s", update_id, type(error).__name__, exc_info=error)
    if (isinstance(update, Update) and update.effective_message is not None
            and update.callback_query is None and not isinstance(error, TelegramError)):
        with contextlib.suppress(TelegramError):
            await update.effective_message.reply_text(render.FAILED)


def add_handlers(app: Application) -> None:
    """All the wiring, in one place."""
    app.add_handler(MessageHandler(MIGRATION, on_migration))
    app.add_handler(CommandHandler("start", on_start, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("help", on_help, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("sources", on_sources, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("compare", on_compare, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("timeline", on_timeline, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("stats", on_stats, filters=NEW_MESSAGE))
    app.add_handler(CommandHandler("ask", on_ask, filters=NEW_MESSAGE))
    app.add_handler(MessageHandler(PRIVATE_TEXT, on_private_text))
    app.add_handler(MessageHandler(GROUP_ADDRESSED, on_group_addressed))
    app.add_handler(MessageHandler(CAPTION_COMMAND, on_caption_command))
    app.add_handler(MessageHandler(WORDLESS_ANSWER, on_wordless_answer))
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


@contextlib.asynccontextmanager
async def _feeds_session(app: Application) -> AsyncIterator[Marsad | None]:
    """A feeds pass writes into the bot's engine, as the database's one writer for the
    pass (bot/writer_lock.py): never at once with a `marsad ingest` or `remove`. When one
    of those wrote since the engine opened, the pass first reopens it, as /reload does."""
    engine = app.bot_data[STATE].engine
    if engine is None:
        yield None
        return
    async with one_writer(Path(engine.store.path)):
        if await written_elsewhere(engine):
            log.info("the database was written by another process: reopening it")
            engine = await guard.reopen(app.bot_data)
        yield engine


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
        .read_timeout(guard.READ_TIMEOUT)
        .get_updates_request(guard.updates_request())  # malformed updates: issue 7
        .job_queue(None)
        .post_init(_on_startup)
        .post_shutdown(_on_shutdown)
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    limiter = RetryRequests()
    builder = builder.rate_limiter(limiter)
    app = builder.build()
    app.bot_data[STATE] = limiter.state = BotState(
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
                                       session=lambda: _feeds_session(app))
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


def run_telegram(config: Config, *, debug: bool = False) -> int:
    """Run the bot until interrupted: long polling, or a webhook when `webhook_url` is set.

    Returns 1, having said in two lines what failed and what to check, when the Bot API
    cannot be reached at start; `debug` shows python-telegram-bot's traceback as well.
    """
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
        if not debug:
            handler.addFilter(guard.PlainStartupFailures())  # said plainly below
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
    except TelegramError as exc:  # unreachable, or something else answers (an HTML page)
        print(guard.redact(unreachable(settings.base_url, exc), token), file=sys.stderr)
        return 1
    return 0


def unreachable(base_url: str, error: Exception) -> str:
    """Two lines for `marsad telegram` when the Bot API does not answer, or something that is
    not the Bot API answers (a proxy's HTML page): what failed (where, and the error's own
    words, shortened), then what to check."""
    host = urlparse(base_url).netloc if base_url else "api.telegram.org"
    reason = str(error).removeprefix("httpx.").strip().rstrip(":") or type(error).__name__
    if len(reason) > MAX_REASON:
        reason = reason[:MAX_REASON] + "…"
    if isinstance(error, NetworkError):
        failed = "could not reach the Telegram Bot API"
        check = "the network connection and that " + (
            "the Bot API server in [telegram] base_url / MARSAD_TELEGRAM_BASE_URL is running"
            if base_url else "this machine can reach api.telegram.org (proxy, firewall, DNS)")
    else:  # something answered, but not the Bot API (a proxy's or a portal's page)
        failed = "got an answer that is not the Telegram Bot API's"
        check = ("that [telegram] base_url / MARSAD_TELEGRAM_BASE_URL points to a Bot API server"
                 if base_url else "that no proxy stands in for api.telegram.org")
    return (f"marsad: {failed} at {host} ({reason}).\n"
            f"Check {check}; --debug shows the details.")
