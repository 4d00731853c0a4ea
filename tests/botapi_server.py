"""A small Telegram Bot API server for tests: real HTTP on 127.0.0.1, a random port.

It serves queued updates through getUpdates (long polling, offsets confirmed like Telegram),
answers the sending methods with realistic JSON, checks what Telegram would check (HTML that
parses, at most 4096 characters, callback data of at most 64 bytes), records every call, and
injects faults per method: HTTP 500, 429 with `retry_after`, 404 "Not Found", or a delay.

    server = BotAPIServer(token)
    await server.start()            # then base_url=server.base_url
    server.message(chat, user, "/ask@MarsadTestBot ...")
    await server.wait_for(lambda: server.sent(chat["id"]))
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 4242
BOT_USERNAME = "MarsadTestBot"
MAX_TEXT = 4096

# Parameters that are plain strings; every other form value is JSON (as PTB encodes it).
_STRING_PARAMS = {
    "text", "parse_mode", "callback_query_id", "inline_query_id", "next_offset", "url",
    "secret_token", "language_code", "inline_message_id", "business_connection_id",
}
_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "span": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}
_ENTITY = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class TelegramHTMLError(ValueError):
    """What Telegram answers as `Bad Request: can't parse entities: ...`."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Telegram's HTML parse mode: the plain text and its entities, or TelegramHTMLError.

    Strict like Telegram: only the supported tags, properly nested, and every `<`, `>`, `&`
    that is not markup must be written as an entity.
    """
    out: list[str] = []
    stack: list[tuple[str, int, str]] = []
    entities: list[dict[str, Any]] = []
    pos = 0
    for match in re.finditer(r"<[^<>]*>|&[^;&<>\s]*;?|[<>]", text):
        out.append(text[pos:match.start()])
        pos = match.end()
        token = match.group()
        if token.startswith("&"):
            m = re.fullmatch(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);", token)
            if not m:
                raise TelegramHTMLError(f"Unsupported HTML entity or bare & at {match.start()}")
            name = m.group(1)
            if name.startswith("#x"):
                out.append(chr(int(name[2:], 16)))
            elif name.startswith("#"):
                out.append(chr(int(name[1:])))
            else:
                out.append(_ENTITY[name])
            continue
        m = re.fullmatch(r"<(/?)([a-zA-Z][a-zA-Z-]*)(\s[^<>]*)?>", token)
        if not m:
            raise TelegramHTMLError(f"Unexpected {token!r} at {match.start()}")
        closing, name, attrs = m.group(1), m.group(2).lower(), (m.group(3) or "").strip()
        if name not in _TAGS:
            raise TelegramHTMLError(f'Unsupported start tag "{name}" at {match.start()}')
        offset = utf16_len("".join(out))
        if not closing:
            stack.append((name, offset, attrs))
            continue
        if not stack or stack[-1][0] != name:
            raise TelegramHTMLError(f'Unmatched end tag "{name}" at {match.start()}')
        _, start, opening_attrs = stack.pop()
        entity: dict[str, Any] = {"type": _TAGS[name], "offset": start, "length": offset - start}
        if name == "a":
            href = re.fullmatch(r'href\s*=\s*"([^"]*)"', opening_attrs)
            if not href:
                raise TelegramHTMLError("a tag without href")
            entity["url"] = href.group(1).replace("&amp;", "&").replace("&quot;", '"')
        if entity["length"]:
            entities.append(entity)
    out.append(text[pos:])
    if stack:
        raise TelegramHTMLError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), entities


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    fault: Fault | None = None  # the injected fault this call met, if any


@dataclass
class Fault:
    status: int = 500
    description: str | None = None
    retry_after: int | None = None
    delay: float = 0.0
    times: int | None = 1  # None: every call
    reset: bool = False  # close the connection without an answer (after `delay`)
    parameters: dict[str, Any] | None = None  # ResponseParameters (migrate_to_chat_id...)
    html: str | None = None  # answer this page instead of JSON (a proxy, a captive portal)


class BotAPIError(Exception):
    def __init__(self, status: int, description: str,
                 parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def _bad(description: str) -> BotAPIError:
    return BotAPIError(400, f"Bad Request: {description}")


class BotAPIServer:
    """The Bot API as the bot sees it. Build updates with `message`, `callback`, `inline`."""

    def __init__(self, token: str, *, bot_id: int = BOT_ID, username: str = BOT_USERNAME,
                 long_poll_cap: float = 0.5) -> None:
        self.token = token
        self.bot = {"id": bot_id, "is_bot": True, "first_name": "Marsad", "username": username}
        self.long_poll_cap = long_poll_cap
        self.calls: list[Call] = []
        self.faults: dict[str, list[Fault]] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.migrated: dict[int, int] = {}  # group id -> supergroup id: sends there fail
        self.confirmed = 0  # highest offset the bot has confirmed via getUpdates
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.port = 0

    # -- lifecycle -------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        self._closing = True  # pending long polls return at once
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotAPIServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- faults ----------------------------------------------------------------------------------
    def fail(self, method: str, status: int = 500, *, description: str | None = None,
             retry_after: int | None = None, delay: float = 0.0, times: int | None = 1,
             reset: bool = False, parameters: dict[str, Any] | None = None,
             html: str | None = None) -> None:
        """Make the next `times` calls of `method` fail (status 200 with a delay: just slow;
        `reset`: the connection is closed with no answer, and the call is not carried out;
        `parameters`: the error's ResponseParameters, e.g. `{"migrate_to_chat_id": id}`;
        `html`: that page is the answer, with `status`, as from a proxy in the way)."""
        self.faults.setdefault(method.lower(), []).append(
            Fault(status, description, retry_after, delay, times, reset, parameters, html))

    def migrate(self, group_id: int, supergroup_id: int, *, announce: bool = True) -> None:
        """The group becomes a supergroup, as on Telegram: from now on every send to the old
        id fails with 400 and `migrate_to_chat_id`. `announce`: queue the two service
        messages (`migrate_to_chat_id` in the group, `migrate_from_chat_id` in the
        supergroup)."""
        self.migrated[group_id] = supergroup_id
        old = self.chats.get(group_id) or {"id": group_id, "type": "group", "title": "group"}
        new = {**old, "id": supergroup_id, "type": "supergroup"}
        self.chats[supergroup_id] = new
        if announce:
            who = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                   "username": "GroupAnonymousBot"}
            self.push_message({"message_id": next(self._message_ids), "from": who,
                               "chat": old, "date": int(time.time()),
                               "migrate_to_chat_id": supergroup_id})
            self.push_message({"message_id": 1, "from": who, "sender_chat": new, "chat": new,
                               "date": int(time.time()), "migrate_from_chat_id": group_id})

    def _take_fault(self, method: str) -> Fault | None:
        queue = self.faults.get(method.lower())
        if not queue:
            return None
        fault = queue[0]
        if fault.times is not None:
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
        return fault

    # -- updates ---------------------------------------------------------------------------------
    def push_raw(self, item: Any) -> int | None:
        """Queue a malformed update: `item` as is in getUpdates' result, with a fresh
        update_id when it is an object without one; returns that id. Entries without a
        usable update_id are delivered once."""
        if isinstance(item, dict) and "update_id" not in item:
            item = {"update_id": next(self._update_ids), **item}
        self._updates.append(item)
        self._notify()
        return item["update_id"] if isinstance(item, dict) else None

    def push(self, payload: dict[str, Any]) -> int:
        """Queue one update (without update_id); returns the update_id."""
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **payload})
        self._notify()
        return update_id

    def push_message(self, msg: dict[str, Any], kind: str = "message") -> int:
        """Queue `msg` as Telegram would deliver it (its chat and it are remembered, so the
        bot can reply to it); returns the update_id."""
        self.chats.setdefault(msg["chat"]["id"], msg["chat"])
        self.messages[(msg["chat"]["id"], msg["message_id"])] = msg
        return self.push({kind: msg})

    def message(self, chat: dict[str, Any], user: dict[str, Any], text: str, *,
                reply_to: dict[str, Any] | None = None, entities: list | None = None,
                edited: bool = False, topic: int | None = None,
                **extra: Any) -> dict[str, Any]:
        """Queue a text message from `user` (`topic`: in that forum topic); returns the
        message (with `update_id`)."""
        msg: dict[str, Any] = {
            "message_id": next(self._message_ids), "from": user, "chat": chat,
            "date": int(time.time()), "text": text,
            "entities": entities if entities is not None else _entities(text), **extra,
        }
        return self._queue(msg, reply_to=reply_to, edited=edited, topic=topic)

    def photo(self, chat: dict[str, Any], user: dict[str, Any], caption: str, *,
              reply_to: dict[str, Any] | None = None, topic: int | None = None,
              **extra: Any) -> dict[str, Any]:
        """Queue a photo from `user` with `caption` (and the entities Telegram attaches)."""
        n = next(self._message_ids)
        msg: dict[str, Any] = {
            "message_id": n, "from": user, "chat": chat, "date": int(time.time()),
            "photo": [{"file_id": f"photo{n}", "file_unique_id": f"u{n}", "width": 320,
                       "height": 240}],
            "caption": caption, "caption_entities": _entities(caption), **extra,
        }
        return self._queue(msg, reply_to=reply_to, topic=topic)

    def _queue(self, msg: dict[str, Any], *, reply_to: dict[str, Any] | None,
               edited: bool = False, topic: int | None = None) -> dict[str, Any]:
        if edited:
            msg["edit_date"] = msg["date"]
        if topic is not None:  # in a topic, a message without a reply replies to its root
            msg.update(message_thread_id=topic, is_topic_message=True)
            reply_to = reply_to or {"message_id": topic, "date": msg["date"],
                                    "chat": msg["chat"], "message_thread_id": topic,
                                    "is_topic_message": True,
                                    "forum_topic_created": {"name": "topic", "icon_color": 0}}
        if reply_to is not None:
            msg["reply_to_message"] = {k: v for k, v in reply_to.items()
                                       if k not in ("reply_to_message", "update_id")}
        update_id = self.push_message(msg, "edited_message" if edited else "message")
        return {**msg, "update_id": update_id}

    def delete(self, chat_id: int, message_id: int) -> None:
        """The user deleted a message: replies to it must allow sending without one."""
        self.messages.pop((chat_id, message_id), None)

    def callback(self, user: dict[str, Any], message: dict[str, Any], data: str) -> int:
        """Queue a button press on `message` (one the bot sent)."""
        return self.push({"callback_query": {
            "id": str(next(self._query_ids)), "from": user, "message": message,
            "chat_instance": "8415", "data": data}})

    def inline(self, user: dict[str, Any], query: str) -> int:
        return self.push({"inline_query": {
            "id": str(next(self._query_ids)), "from": user, "query": query, "offset": "",
            "chat_type": "sender"}})

    # -- inspection ------------------------------------------------------------------------------
    def calls_to(self, method: str, since: int = 0) -> list[Call]:
        return [c for c in self.calls[since:] if c.method.lower() == method.lower()]

    def sent(self, chat_id: int | None = None, since: int = 0) -> list[dict[str, Any]]:
        """The sendMessage calls that succeeded (each with the message it produced)."""
        return [c.params for c in self.calls_to("sendMessage", since)
                if "_result" in c.params
                and (chat_id is None or int(c.params["chat_id"]) == chat_id)]

    def replies_to(self, message: dict[str, Any], since: int = 0) -> list[dict[str, Any]]:
        return [p for p in self.sent(message["chat"]["id"], since)
                if (p.get("reply_parameters") or {}).get("message_id") == message["message_id"]]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until `predicate()` is truthy (re-checked after every call); return its value."""
        async def until() -> Any:
            while not (value := predicate()):
                await self._changed.wait()
            return value
        return await asyncio.wait_for(until(), timeout)

    async def wait_delivered(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched `update_id` and confirmed it (next getUpdates)."""
        await self.wait_for(lambda: self.confirmed > update_id, timeout)

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # -- HTTP ------------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await _params(request)
        call = Call(method, params)
        self.calls.append(call)
        self._notify()
        if token != self.token:
            return _error(401, "Unauthorized")
        fault = self._take_fault(method)
        call.fault = fault
        if fault is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.reset:
                call.params["_reset"] = True
                if request.transport is not None:
                    request.transport.abort()  # the client sees the connection drop
                return web.Response(status=500)  # never reaches the client
            if fault.html is not None:
                return web.Response(status=fault.status, text=fault.html,
                                    content_type="text/html")
            if fault.status != 200:
                parameters = dict(fault.parameters or {})
                if fault.retry_after:
                    parameters["retry_after"] = fault.retry_after
                description = fault.description or {
                    429: f"Too Many Requests: retry after {fault.retry_after}",
                    404: "Not Found", 500: "Internal Server Error",
                }.get(fault.status, "Error")
                return _error(fault.status, description, parameters or None)
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            return _error(404, "Not Found")
        try:
            result = await handler(params)
        except BotAPIError as exc:
            params["_error"], params["_error_parameters"] = exc.description, exc.parameters
            return _error(exc.status, exc.description, exc.parameters)
        params["_result"] = result
        self._notify()
        return web.json_response({"ok": True, "result": result})

    # -- methods ---------------------------------------------------------------------------------
    async def _api_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**self.bot, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True, "can_connect_to_business": False,
                "has_main_web_app": False}

    async def _api_getupdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        if offset:
            self.confirmed = max(self.confirmed, offset)
            self._updates = [u for u in self._updates
                             if not _has_id(u) or u["update_id"] >= offset]
            self._notify()
        limit = int(params.get("limit") or 100)
        timeout = min(float(params.get("timeout") or 0), self.long_poll_cap)
        deadline = time.monotonic() + timeout
        while not self._updates and not self._closing and time.monotonic() < deadline:
            try:
                await self.wait_for(lambda: self._updates or self._closing,
                                    deadline - time.monotonic())
            except TimeoutError:
                break
        batch = self._updates[:limit]
        self._updates = [u for u in self._updates if _has_id(u) or u not in batch]
        return batch

    async def _api_deletewebhook(self, params: dict[str, Any]) -> bool:
        return True

    async def _api_getwebhookinfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": "", "has_custom_certificate": False, "pending_update_count":
                len(self._updates)}

    async def _api_setmycommands(self, params: dict[str, Any]) -> bool:
        for command in params.get("commands", []):
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]):
                raise _bad("BOT_COMMAND_INVALID")
        return True

    async def _api_close(self, params: dict[str, Any]) -> bool:
        return True

    async def _api_logout(self, params: dict[str, Any]) -> bool:
        return True

    async def _api_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        if chat_id in self.migrated:
            raise BotAPIError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                              {"migrate_to_chat_id": self.migrated[chat_id]})
        text, entities = _check_text(params)
        _check_markup(params.get("reply_markup"))
        chat = self.chats.get(chat_id) or {
            "id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
        msg: dict[str, Any] = {"message_id": next(self._message_ids), "from": self.bot,
                               "chat": chat, "date": int(time.time()), "text": text}
        topic = params.get("message_thread_id")
        if topic is not None:
            if not chat.get("is_forum"):
                raise _bad("message thread not found")
            msg.update(message_thread_id=int(topic), is_topic_message=True)
        if entities:
            msg["entities"] = entities
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        reply = params.get("reply_parameters") or {}
        if reply.get("message_id"):
            replied = self.messages.get((chat_id, reply["message_id"]))
            if replied is None and not reply.get("allow_sending_without_reply"):
                raise _bad("message to be replied not found")
            if replied is not None:
                msg["reply_to_message"] = {k: v for k, v in replied.items()
                                           if k != "reply_to_message"}
        self.messages[(chat_id, msg["message_id"])] = msg
        return msg

    async def _api_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any]:
        msg = self._stored(params)
        text, entities = _check_text(params)
        _check_markup(params.get("reply_markup"))
        msg.update(text=text, entities=entities, edit_date=int(time.time()))
        if "reply_markup" in params:
            msg["reply_markup"] = params["reply_markup"]
        return msg

    async def _api_editmessagereplymarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        msg = self._stored(params)
        markup = params.get("reply_markup")
        _check_markup(markup)
        if markup == msg.get("reply_markup") or (not markup and "reply_markup" not in msg):
            raise _bad("message is not modified: specified new message content and reply "
                       "markup are exactly the same as a current content and reply markup "
                       "of the message")
        if markup:
            msg["reply_markup"] = markup
        else:
            msg.pop("reply_markup", None)
        return msg

    async def _api_answercallbackquery(self, params: dict[str, Any]) -> bool:
        if len(params.get("text") or "") > 200:
            raise _bad("MESSAGE_TOO_LONG")
        return True

    async def _api_answerinlinequery(self, params: dict[str, Any]) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise _bad("RESULTS_TOO_MUCH")
        ids = [r["id"] for r in results]
        if len(set(ids)) != len(ids) or any(len(i.encode()) > 64 for i in ids):
            raise _bad("RESULT_ID_INVALID")
        for result in results:
            _check_text(result["input_message_content"], field_name="message_text")
        return True

    def _stored(self, params: dict[str, Any]) -> dict[str, Any]:
        msg = self.messages.get((int(params.get("chat_id", 0)), int(params.get("message_id", 0))))
        if msg is None:
            raise _bad("message to edit not found")
        return msg


# -- helpers ---------------------------------------------------------------------------------------

def _has_id(update: Any) -> bool:
    return (isinstance(update, dict) and isinstance(update.get("update_id"), int)
            and not isinstance(update["update_id"], bool))


def user(user_id: int, first_name: str, username: str | None = None) -> dict[str, Any]:
    u: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name,
                         "language_code": "ar"}
    if username:
        u["username"] = username
    return u


def private_chat(u: dict[str, Any]) -> dict[str, Any]:
    return {"id": u["id"], "type": "private", "first_name": u["first_name"]}


def group_chat(chat_id: int, title: str) -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup", "title": title}


def _entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram would attach: a leading /command and @mentions."""
    found: list[dict[str, Any]] = []
    command = re.match(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?", text)
    if command:
        found.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for m in re.finditer(r"(?<![\w/@])@[A-Za-z0-9_]{5,32}", text):
        if command and m.start() < command.end():
            continue
        found.append({"type": "mention", "offset": utf16_len(text[:m.start()]),
                      "length": utf16_len(m.group())})
    return found


def _check_text(params: dict[str, Any], field_name: str = "text") -> tuple[str, list]:
    text = params.get(field_name)
    if not isinstance(text, str) or not text.strip():
        raise _bad("message text is empty")
    entities: list = []
    if str(params.get("parse_mode") or "").upper() == "HTML":
        try:
            text, entities = parse_html(text)
        except TelegramHTMLError as exc:
            raise _bad(f"can't parse entities: {exc}") from None
    if utf16_len(text) > MAX_TEXT:
        raise _bad("message is too long")
    if not text.strip():
        raise _bad("message text is empty")
    return text, entities


def _check_markup(markup: Any) -> None:
    if not isinstance(markup, dict):
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise _bad("BUTTON_DATA_INVALID")


async def _params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
        return params
    if request.can_read_body:
        for key, value in (await request.post()).items():
            if not isinstance(value, str):
                continue  # uploaded files are not used here
            if key in _STRING_PARAMS:
                params[key] = value
                continue
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
    return params


def _error(status: int, description: str,
           parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)


@contextlib.asynccontextmanager
async def running(config: Any, engine: Any = None) -> AsyncIterator[Any]:
    """Start the real bot the way `run_polling` does (initialize, post_init, poll, start)."""
    from bot.telegram_app import ALLOWED_UPDATES, build_application

    app = build_application(config, engine)
    await app.initialize()
    try:
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=1,
                                        allowed_updates=ALLOWED_UPDATES)
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
    finally:
        await app.shutdown()
        await app.post_shutdown(app)
