"""Access and secrets: the allowlist, admin-only commands (/reload, /stats), the token kept out of
logs, messages, exceptions and the database, the world-readable config warning, and SQL that is
parameterized everywhere (checked in the source, and with injection strings as questions and
as article ids).
"""

from __future__ import annotations

import ast
import asyncio
import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from botapi_server import BotAPIServer, group_chat, private_chat
from telegram.error import InvalidToken
from test_telegram import (
    ADMIN,
    ALICE,
    BOB,
    GIFT_QUESTION,
    TOKEN,
    Bot,
    make_config,
    plain,
    quick_retries,  # noqa: F401  (fixture)
    running,
    server,  # noqa: F401  (fixture)
    start,  # noqa: F401  (fixture)
)

from bot import telegram_guard
from bot import telegram_render as render
from bot.telegram_app import RedactToken
from retrieval.engine import Marsad
from retrieval.model import Article

REPO = Path(__file__).resolve().parent.parent
SECRET = TOKEN.split(":", 1)[1]
INJECTIONS = [
    "'; DROP TABLE articles; --",
    "\" OR \"1\"=\"1",
    "x'); DELETE FROM passages; --",
    "1; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
    "' UNION SELECT term, id FROM terms --",
    "%s %d ?, ?, ?",
    "Robert'); DROP TABLE terms;--",
    "\\'; PRAGMA writable_schema=1; --",
]
PLACE = Article("harbour", "افتتاح ميناء الصيادين", "صحيفة الساحل", None,
                ("افتتح المحافظ ميناء الصيادين الجديد في المدينة الساحلية بحضور مئات الصيادين.",))
PLACE_QUESTION = "من افتتح ميناء الصيادين الجديد؟"


# -- admin-only commands ---------------------------------------------------------------------------

def _has_command(app, name: str) -> bool:
    return any(name in getattr(h, "commands", ()) for group in app.handlers.values()
               for h in group)


@pytest.mark.parametrize("command", ["/reload", "/stats"])
async def test_admin_commands_refuse_everyone_else(start, command) -> None:  # noqa: F811
    async with start(admins=[ADMIN["id"]]) as bot:
        if not _has_command(bot.app, command[1:]):
            pytest.skip(f"{command} is not wired yet")
        for who, chat in [(ALICE, private_chat(ALICE)), (BOB, group_chat(-100777, "غرفة"))]:
            sent = await bot.ask(chat, who, command)
            assert plain(sent) == telegram_guard.ADMIN_ONLY
        sent = await bot.ask(private_chat(ADMIN), ADMIN, command)
        assert plain(sent) != telegram_guard.ADMIN_ONLY


async def test_without_admins_configured_nobody_may_reload(start) -> None:  # noqa: F811
    async with start() as bot:
        assert plain(await bot.ask(private_chat(ADMIN), ADMIN, "/reload")) == (
            telegram_guard.ADMIN_ONLY)


async def test_admin_commands_outside_the_allowlist_get_the_usual_refusal(start) -> None:  # noqa: F811
    async with start(allowed_chats=[ALICE["id"]], admins=[ADMIN["id"]]) as bot:
        assert plain(await bot.ask(private_chat(BOB), BOB, "/reload")) == render.REFUSED
        since = len(bot.server.calls)
        bot.say(private_chat(BOB), BOB, "/reload")
        await bot.settle()
        assert bot.server.sent(since=since) == []  # refused once per chat, then silence


async def test_reload_makes_what_the_cli_ingested_answerable(start, tmp_path) -> None:  # noqa: F811
    async with start(admins=[ADMIN["id"]]) as bot:
        chat = private_chat(ALICE)
        assert "لا تجيب التغطية" in plain(await bot.ask(chat, ALICE, PLACE_QUESTION))
        # `marsad ingest` in another process, on the same database, while the bot runs
        (tmp_path / "new").mkdir()
        (tmp_path / "new" / "harbour.jsonl").write_text(json.dumps({
            "id": PLACE.id, "title": PLACE.title, "source": PLACE.source, "date": None,
            "text": PLACE.paragraphs[0]}, ensure_ascii=False), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
        ingest = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "ingest", str(tmp_path / "new"), "--db",
            str(bot.engine.store.path), env=env, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE)
        out, err = await ingest.communicate()
        assert ingest.returncode == 0 and out.startswith(b"added 1,"), err
        assert "لا تجيب التغطية" in plain(await bot.ask(chat, ALICE, PLACE_QUESTION))

        reloaded = plain(await bot.ask(private_chat(ADMIN), ADMIN, "/reload"))
        assert reloaded.startswith("أُعيد تحميل") and "6 مقالات" in reloaded
        answer = plain(await bot.ask(chat, ALICE, PLACE_QUESTION))
        assert "ميناء الصيادين" in answer and "صحيفة الساحل" in answer
        assert "— " in plain(await bot.ask(chat, ALICE, GIFT_QUESTION))
        state = bot.app.bot_data["marsad"]
        assert state.engine is not bot.engine  # the fixture's engine stays the fixture's


# -- the token -------------------------------------------------------------------------------------

async def test_the_token_is_in_no_message_log_or_database(server, engine, tmp_path,  # noqa: F811
                                                          caplog) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.handler.addFilter(RedactToken(TOKEN))  # as run_telegram does on every log handler
    server.fail("sendMessage", 500, times=2)
    # a proxy that echoes the URL (so the token) in its errors
    server.fail("sendMessage", 404, description=f"Not Found: /bot{TOKEN}/sendMessage")
    server.fail("getUpdates", 502, description=f"Bad Gateway for /bot{TOKEN}/getUpdates")
    config = make_config(server, tmp_path / "marsad.db", admins=[ADMIN["id"]])
    async with running(config, engine) as app:
        bot = Bot(server, app, engine)
        for text in (GIFT_QUESTION, TOKEN, f"what is {SECRET}?", "/reload", "/help"):
            bot.say(private_chat(ADMIN), ADMIN, text)
            await bot.settle()
        await bot.ask(private_chat(ALICE), ALICE, GIFT_QUESTION)
    for call in server.calls:
        params = json.dumps(call.params, ensure_ascii=False, default=str)
        if call.method == "sendMessage" and params.count(SECRET):
            # only where the user typed it themselves: the question is echoed in a decline
            assert call.params["chat_id"] == ADMIN["id"], params
    await engine.close()
    for path in tmp_path.glob("marsad.db*"):
        assert SECRET.encode() not in path.read_bytes(), path
    assert any("InvalidToken" in (r.exc_text or "") for r in caplog.records)
    assert "<token>" in caplog.text
    assert SECRET not in caplog.text  # formatted, tracebacks included


def test_redact_covers_tracebacks_and_the_secret_half() -> None:
    handler_records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            handler_records.append(self.format(record))

    handler = Collect()
    handler.addFilter(RedactToken(TOKEN))
    log = logging.getLogger("marsad.test.redact")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise InvalidToken(f"The token `{TOKEN}` was rejected by the server.")
        except InvalidToken:
            log.exception("startup failed for %s", f"https://api.telegram.org/bot{TOKEN}/getMe")
        log.warning("half: %s", SECRET)
    finally:
        log.removeHandler(handler)
    text = "\n".join(handler_records)
    assert "InvalidToken" in text and "<token>" in text
    assert SECRET not in text
    assert telegram_guard.redact(f"x{TOKEN}y {SECRET}", TOKEN) == "x<token>y <token>"


async def test_a_rejected_token_is_a_clear_error_without_the_token(tmp_path) -> None:
    """python-telegram-bot's InvalidToken quotes the token; `marsad telegram` must not."""
    async with BotAPIServer("999:another-token-the-server-expects") as other:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
        env.update(MARSAD_TELEGRAM_TOKEN=TOKEN, MARSAD_TELEGRAM_BASE_URL=other.base_url,
                   MARSAD_STORAGE_DB=str(tmp_path / "t.db"), PYTHONIOENCODING="utf-8")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "telegram", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await asyncio.wait_for(proc.communicate(), 60)
    text = (out + err).decode()
    assert proc.returncode == 2, text
    assert "rejected the token" in text and "Traceback" not in text
    assert SECRET not in text and TOKEN not in text


def test_a_world_readable_config_with_a_token_draws_a_warning(tmp_path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[telegram]\ntoken = "{TOKEN}"\n[storage]\ndb = "{tmp_path / "c.db"}"\n',
                      encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    results = {}
    for mode in (0o644, 0o600):
        config.chmod(mode)
        results[mode] = subprocess.run(
            [sys.executable, "-m", "bot", "sources", "--config", str(config)], cwd=tmp_path,
            env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert "readable by other users" in results[0o644].stderr
    assert "chmod 600" in results[0o644].stderr
    assert "readable" not in results[0o600].stderr
    for result in results.values():
        assert result.returncode == 0 and SECRET not in result.stderr + result.stdout


# -- SQL -------------------------------------------------------------------------------------------

SQL_METHODS = {"execute", "executemany", "execute_fetchall", "executescript", "fetch"}
# Store.fetch runs the SQL its callers pass (checked at each call, as `fetch`'s argument)
FORWARDERS = {("retrieval/store.py", "fetch", "sql")}


def _safe_sql(node: ast.expr) -> bool:
    """Whether an SQL expression can only hold fixed text: literals, UPPER_CASE constants,
    placeholder lists (`_marks(...)`, `','.join('?' * n)`), and integers (`int(...)`)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str | int)
    if isinstance(node, ast.Name):
        return node.id.isupper() or node.id in {"marks", "_CORROBORATED"}
    if isinstance(node, ast.JoinedStr):
        return all(_safe_sql(v) for v in node.values)
    if isinstance(node, ast.FormattedValue):
        return _safe_sql(node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mult):
        return _safe_sql(node.left) and _safe_sql(node.right)
    if isinstance(node, ast.IfExp):
        return _safe_sql(node.body) and _safe_sql(node.orelse)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"_marks", "int", "len"}:
            return True
        if (isinstance(func, ast.Attribute) and func.attr == "join"
                and isinstance(func.value, ast.Constant) and node.args):
            arg = node.args[0]
            return (isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant)
                    and arg.left.value == "?")
    return False


def test_all_sql_is_parameterized() -> None:
    """No SQL text is built from a value: every value travels as a `?` parameter."""
    checked, unsafe = 0, []
    for path in sorted([*REPO.glob("retrieval/*.py"), *REPO.glob("bot/*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        forwarded = {id(node) for function in ast.walk(tree)
                     if isinstance(function, ast.FunctionDef)
                     for node in ast.walk(function)
                     if isinstance(node, ast.Name) and (str(path.relative_to(REPO)),
                                                        function.name, node.id) in FORWARDERS}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in SQL_METHODS and node.args):
                checked += 1
                if id(node.args[0]) not in forwarded and not _safe_sql(node.args[0]):
                    unsafe.append(f"{path.relative_to(REPO)}:{node.lineno}: "
                                  f"{ast.unparse(node.args[0])[:80]}")
    assert checked > 30
    assert not unsafe, "\n".join(unsafe)


async def test_injection_strings_as_questions_and_article_ids(tmp_path, seeds_copy) -> None:
    db = tmp_path / "marsad.db"
    source = tmp_path / "evil.jsonl"
    source.write_text("\n".join(json.dumps({
        "id": evil, "title": f"عنوان {i} {evil}", "source": evil, "date": None,
        "text": f"خبر رقم {i} عن مهرجان الشعر في المدينة القديمة. {evil}"},
        ensure_ascii=False) for i, evil in enumerate(INJECTIONS)), encoding="utf-8")
    async with await Marsad.open(db, seeds=seeds_copy) as engine:
        with sqlite3.connect(db) as conn:
            schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"
                                  ).fetchall()
        conn.close()
        from retrieval.articles import iter_articles

        report = await engine.ingest(iter_articles([source]))
        assert report.added == len(INJECTIONS) and not report.errors
        for evil in INJECTIONS:
            answer = await engine.answer(evil)
            assert answer.question == evil
            stored = await engine.article(evil)
            assert stored is not None and stored.id == evil and stored.source == evil
            await engine.answer(f"مهرجان الشعر {evil}")
        again = await engine.ingest(iter_articles([source]))
        assert again.unchanged == len(INJECTIONS)
        ids = {s.id for s in await engine.sources()}
    assert set(INJECTIONS) <= ids and len(ids) == 5 + len(INJECTIONS)
    assert not Path("/tmp/pwn.db").exists()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"
                            ).fetchall() == schema
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(ids)
    conn.close()
