"""What `marsad COMMAND --help` says: what each command takes, what it prints, its exit
codes and one example. Kept apart from the parser so the wording reads as a page."""

from __future__ import annotations

EXIT_CODES = {
    0: "done",
    2: "a usage mistake, or a file or database that cannot be used (the message says which)",
    130: "interrupted (Ctrl-C)",
}

DB_NOTE = """\
The database: --db PATH, else MARSAD_STORAGE_DB, else [storage] db in config.toml, else
marsad.db in your user data directory (~/.local/share/marsad/ on Linux). config.toml is
read from the current directory unless --config names one."""


def exits(**own: str) -> str:
    """The exit-code block, with this command's own codes (`own`: {"c1": "meaning"})."""
    codes = {**EXIT_CODES, **{int(k[1:]): v for k, v in own.items()}}
    return "exit codes:\n" + "\n".join(f"  {c:<4} {codes[c]}" for c in sorted(codes)
                                        if codes[c])  # "" drops a code


MAIN = f"""\
Ask what the Arabic press reported; every passage shown cites its outlet and date.
With no command: the console (a REPL over the bundled articles, no token needed).

{DB_NOTE}"""

MAIN_EPILOG = """\
examples:
  marsad                                   # the console
  marsad ask "ماذا أهدى بوتين لكيم؟"
  marsad ingest my-articles/ --db newsroom.db
  marsad follow https://www.example-news.com/rss.xml --db newsroom.db
  marsad COMMAND --help                    # what a command takes and prints"""

CONSOLE = """\
The console: type a question in Arabic and read cited passages. Commands inside it, in
any case: :sources, :compare TOPIC, :timeline, :help, :quit (help, sources and timeline
work without the colon; quit, exit or خروج also leave, as do Ctrl-D and Ctrl-C at the
prompt). An empty database is first filled from the bundled seed articles.

prints: each answer's passages, each followed by «— outlet، date»."""

CONSOLE_EPILOG = f"""\
{exits(c0="done (also Ctrl-C at the prompt)", c130="interrupted (Ctrl-C during an answer)")}

example:
  marsad console --db newsroom.db"""

ASK = """\
Answer one question with the passages that answer it, each citing outlet and date.
With no QUESTION and input from a pipe: one question per input line, one JSON line per
question, in order (invalid UTF-8 is replaced, never fatal).

prints: the passages as text; with --json (or from a pipe) one JSON line per question:
  {"question", "answered", "language", "hits": [{"rank", "score", "text", "sentence",
   "article_id", "title", "source", "date", "url", "passage_id", "also_reported_by": [...],
   "agencies": [...], "agency_credits": [{"article_id", "source", "date", "agencies"}]}]}
"answered" is false when the coverage does not answer; "hits" are still the ranked
candidates then (shown as the closest passages). "language": "ar", or the ISO code of
another language (en, fr, es, de, tr, ru, ko, ja, zh, he, el, hi: told to ask in Arabic),
"und" if it cannot be told. Only when asked for: "outlets" (the question named outlets of
the coverage, «ماذا قالت سكاي نيوز عن …»: every hit is theirs), "outlet_not_covered" (it
named a known outlet the coverage lacks), "latest" (it named outlets and nothing else:
their latest articles' openings), "published_on" (it asked what happened on a day, «ماذا
حدث في 13 سبتمبر؟»: the openings of the articles published that day or the next; a month,
«ماذا حدث في يناير 2024؟», gives "2024-01" and that month's openings)."""

ASK_EPILOG = f"""\
{exits(c143="stopped by SIGTERM while answering a pipe (the answer in flight is printed)")}

examples:
  marsad ask "ماذا قال الكرملين عن الزيارة؟"
  marsad ask --json -k 1 "ماذا أهدى بوتين لكيم؟"
  marsad ask "حسب سكاي نيوز، ماذا أهدى بوتين لكيم؟"
  printf 'ماذا أهدى بوتين لكيم؟\\n' | marsad ask"""

INGEST = """\
Add articles to the database. Idempotent: the same article twice adds nothing; changed
text under the same id (or a web page under the same canonical URL) replaces the old one.

takes: files, folders (read recursively) and http(s) URLs:
  .txt    one raw article as copied from a page: its headline is the title (a site name,
          sections or breadcrumbs copied above it are not); the date and outlet are read
          from the text (never guessed); the id is the file's name without its extension
  .jsonl  one article per line:
          {"id": str, "title": str, "source": str|null, "date": "YYYY-MM-DD"|null,
           "url": str (optional), "text": str}
          paragraphs in "text" are separated by blank lines; "date" may also be an ISO
          date-time (its own day), 14/09/2023, or printed (١٤ سبتمبر ٢٠٢٣, 28 صفر 1445هـ)
  .html, .htm          a saved article page: title, outlet, date and canonical URL from
                       the page's own metadata; the body only (no menus, ads, comments)
  .xml, .rss, .atom    an RSS 2.0 or Atom feed file: each item's linked page is fetched,
                       or the item's own full text when the page cannot be fetched
  .json                a JSON Feed (jsonfeed.org 1.0/1.1) file, read as an RSS feed is;
                       named on the command line, any other .json is an archive of
                       article records: a list, {"articles": [...]}, or one record
  http(s)://…          the URL of an article page, a feed or a news sitemap (fetched
                       politely: robots.txt, timeouts, at most 5 MB a page)
Files in UTF-8, UTF-16 or Windows-1256; at most 2 MB per article.

prints: one summary line on stdout (added, replaced, unchanged, duplicates, failed,
passages indexed); each skipped file, JSONL line (file:line) or URL with its reason on
stderr; on a terminal, a progress bar on stderr: articles done out of the articles given
(a JSONL file's lines; estimated from its size for a file over 256 MB)."""

INGEST_EPILOG = f"""\
{exits(c1="some articles were skipped (named on stderr); the rest went in")}

examples:
  marsad ingest my-articles/ more.jsonl --db newsroom.db
  marsad ingest https://www.example-news.com/rss.xml saved-page.html --db newsroom.db"""

FOLLOW = """\
Keep a database current from RSS 2.0, Atom or JSON feeds: a pass at once, then one every
--every minutes, until Ctrl-C or SIGTERM. Each pass fetches the feeds (a conditional
request: an unchanged feed costs its site a 304) and ingests each new or changed item's
page; what is already there is not added again.

prints: one line per pass on stdout (time, added, replaced, unchanged, failed, passages);
each page that failed, with its URL and reason, on stderr."""

FOLLOW_EPILOG = f"""\
{exits(c0="stopped (Ctrl-C or SIGTERM)", c130="")}

example:
  marsad follow https://www.example-news.com/rss.xml --every 10 --db newsroom.db"""

REMOVE = """\
Remove articles by id (as `marsad sources` lists them), and with --outlet every article
of that outlet. Their passages leave the index: no answer cites them any more, and no
other passage names them among the outlets that also reported it. Idempotent: an id
that is not in the database is reported, not an error. An emptied database stays empty
(the bundled seeds are not loaded again).

prints: what was removed (articles, passages) and the ids that were not there."""

REMOVE_EPILOG = f"""\
{exits()}

examples:
  marsad remove 000_3709f080d7caa3b5 004_2dc0d43aa74d0617 --db newsroom.db
  marsad remove --outlet "سكاي نيوز عربية" --db newsroom.db"""

SOURCES = """\
List the articles in the database.

prints: per article its id, outlet, date and passage count, then its title; with
--outlets one line per outlet (articles, date range, statements other outlets carried).
--json: a list of {"id", "title", "source", "date", "url", "passages"} (with --outlets:
{"source", "articles", "first_date", "last_date", "undated", "corroborated"})."""

SOURCES_EPILOG = f"""\
{exits()}

example:
  marsad sources --outlets --db newsroom.db"""

COMPARE = """\
How each outlet covered a topic: its most relevant passage, with its date; the outlets
with nothing on it are listed as silent.

prints: one block per outlet («■ الجزيرة نت نقلاً عن رويترز، 3 مارس 2025 — title» for wire
copy); --json: {"topic", "outlets": [{"source", "article_id", "title", "date", "text",
"sentence", "score", "url", "matched", "agencies"}], "silent": [outlet, ...]}."""

COMPARE_EPILOG = f"""\
{exits()}

example:
  marsad compare الهدايا"""

TIMELINE = """\
The articles in date order, with outlets and titles; undated articles listed apart.

prints: one line per article, its dateline's agency beside the outlet («الجزيرة نت نقلاً عن
رويترز»); --json: {"dated": [{"id", "title", "source", "date", "agencies"}], "undated": [...]}."""

TIMELINE_EPILOG = f"""\
{exits()}

example:
  marsad timeline --json"""

FEEDBACK = """\
Readers' 👍/👎 on the Telegram bot's answers, the worst-rated questions first.

prints: one line per question (score, ups, downs, question); --json: a list of
{"question", "up", "down", "score", "last", "article_id", "passage"}."""

FEEDBACK_EPILOG = f"""\
{exits()}

example:
  marsad feedback --db /var/lib/marsad/marsad.db"""

EVAL = """\
Measure Marsad through the same answering function users see: top-level hits only (a
passage credited in another hit's "also reported by" is not a hit), declines counted.

takes: one or more FILEs, each one of
  a SQuAD-format .json file (e.g. ARCD): {"data": [{"title", "paragraphs": [{"context",
    "qas": [{"question", ...}]}]}]}. Its paragraphs are indexed in a temporary database
    (never yours); each question should find the paragraph it was written about.
  a .jsonl question file, one question per line, asked against the database (--db):
    {"q": "...", "keys": ["a phrase the right passage contains", ...], "kind": "dialect"}
    {"q": "...", "abstain": true, "kind": "near-miss"}        must be declined
    {"q": "What did Putin give?", "keys": [...], "language": "en"}  told to ask in Arabic
    ("kind" and "language" are optional; figures are given per kind too)

prints, per file: SQuAD: P@1, R@5, MRR@10 of the right paragraph and the share of
questions declined; JSONL: answer@1, answer@3, false declines, wrong answers, correct
declines, overall and per kind, then every failure.
--json: one JSON object per file, one per line, each listing every failure."""

EVAL_EPILOG = f"""\
{exits()}

examples:
  marsad eval tests/data/arcd-train.json
  marsad eval tests/data/seeds-questions.jsonl tests/data/seeds-near-misses.jsonl --json"""

TELEGRAM = """\
Run the Telegram bot until stopped (long polling; a webhook when [telegram] webhook_url
is set).

The token (from @BotFather) comes from the MARSAD_TELEGRAM_TOKEN environment variable,
or [telegram] token in config.toml (then make the file private: chmod 600 config.toml).
It is never printed or logged. Other settings: [telegram] allowed_chats, admins,
rate_limit_per_minute, base_url, webhook_* (or MARSAD_TELEGRAM_<KEY>; lists as
comma-separated numbers, e.g. MARSAD_TELEGRAM_ADMINS=123,456). See config.example.toml
and the README's Telegram section for running it as a service.

prints: an activity log on stderr (one line per question; never the token)."""

TELEGRAM_EPILOG = f"""\
{exits(c0="stopped (Ctrl-C, or SIGTERM from systemd)", c130="",
       c1="the Telegram Bot API could not be reached",
       c2="the token is missing or rejected, or another setting is wrong")}

example:
  MARSAD_TELEGRAM_TOKEN='123456:ABC…' marsad telegram --db /var/lib/marsad/marsad.db"""
