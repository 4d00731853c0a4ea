"""A database `marsad remove` emptied is not refilled from the seeds; its help and notices
must not suggest the seeds' questions, which it now declines. Before: `:help` ended «مثال:
ماذا أهدى بوتين لكيم جونغ أون؟» and «:compare الهدايا», an English question was told to ask
that, and the bot's /help listed both. Over a database holding articles, the suggestions
come from its coverage as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import marsad

from bot.render import NO_ARTICLES
from bot.telegram_render import compare_prompt, not_a_question, render_help
from bot.telegram_render import render_answer as telegram_answer
from retrieval.model import Answer

SEED_WORDS = ("بوتين", "كيم", "الهدايا")
STORY = ("أعلنت بلدية المدينة الساحلية إغلاق السوق القديم أسبوعين لترميم سقفه، وقال رئيس "
         "البلدية إن التجار سينقلون إلى ساحة مؤقتة قرب الميناء.")


def emptied(tmp_path: Path) -> Path:
    """A database the seeds filled (its first `sources`), then every article removed."""
    db = tmp_path / "news.db"
    listed = marsad("sources", "--json", cwd=tmp_path, db=db)
    ids = [a["id"] for a in json.loads(listed.stdout)]
    assert len(ids) == 5
    assert marsad("remove", *ids, cwd=tmp_path, db=db).returncode == 0
    return db


@pytest.fixture(scope="module")
def console_on_empty(tmp_path_factory) -> list[str]:
    """The console's replies, piped, one block a command."""
    tmp_path = tmp_path_factory.mktemp("empty")
    db = emptied(tmp_path)
    result = marsad(cwd=tmp_path, db=db, stdin=":help\nWhat did Putin give Kim?\n"
                    "Qu'a offert Poutine à Kim ?\n:compare\nhelp\n:sources\n")
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n\n")


def test_help_suggests_adding_articles_not_the_seeds_question(console_on_empty):
    help_text = console_on_empty[0]
    assert ":compare" in help_text and ":sources" in help_text
    assert "marsad ingest" in help_text
    assert not any(word in help_text for word in SEED_WORDS), help_text


def test_help_without_colon_says_the_same(console_on_empty):
    assert console_on_empty[4].strip() == console_on_empty[0].split("\n", 1)[1].strip()


@pytest.mark.parametrize("block, opening", [(1, "Marsad's coverage is in Arabic. Please ask"),
                                            (2, "La couverture de Marsad est en arabe.")])
def test_a_question_in_another_language_gets_no_seed_question(console_on_empty, block,
                                                              opening):
    notice = console_on_empty[block]
    assert notice.startswith(opening)
    assert not any(word in notice for word in SEED_WORDS), notice
    assert "example" not in notice and "exemple" not in notice


def test_compare_without_topic_says_there_is_nothing_to_compare(console_on_empty):
    prompt = console_on_empty[3]
    assert "الهدايا" not in prompt and "marsad ingest" in prompt


def test_sources_says_there_are_no_articles_once(console_on_empty):
    """Before: the articles' line, then the same line again for the outlets."""
    assert "\n".join(console_on_empty[5:]).strip() == NO_ARTICLES


def test_own_articles_still_suggest_their_headline(tmp_path):
    """The sibling: a database with the newsroom's own article suggests its headline."""
    article = tmp_path / "market.txt"
    article.write_text(f"السوق القديم يغلق للترميم\n\n{STORY}\n", encoding="utf-8")
    db = tmp_path / "own.db"
    assert marsad("ingest", str(article), cwd=tmp_path, db=db).returncode == 0
    out = marsad(cwd=tmp_path, db=db, stdin=":help\n").stdout
    assert "مثال: السوق القديم يغلق للترميم" in out
    assert not any(word in out for word in SEED_WORDS)


def test_bot_help_over_no_articles_lists_no_examples():
    text = render_help([], "MarsadBot")
    assert "لا توجد مقالات بعد" in text
    assert "أمثلة" not in text
    assert not any(word in text for word in SEED_WORDS), text
    assert "/compare" in text
    assert "\n\n\n" not in text  # one blank line between the parts, as with articles


def test_bot_notices_over_no_articles():
    assert not any(word in not_a_question(None) for word in SEED_WORDS)
    assert "الهدايا" not in compare_prompt(None)
    english = Answer(question="What did Putin give Kim?", answered=False, hits=[],
                     language="en")
    notice = telegram_answer(english, example=None)
    assert notice.startswith("Marsad&#x27;s coverage is in Arabic") or notice.startswith(
        "Marsad's coverage is in Arabic")
    assert not any(word in notice for word in SEED_WORDS), notice
