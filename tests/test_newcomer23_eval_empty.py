"""A SQuAD file with no question in it is a file that cannot be used (exit 2), as an empty
question file is: it printed P@1 0.000, R@5 0.000, MRR@10 0.000 over 0 questions, exit 0,
which reads as a retrieval that failed every question."""

from __future__ import annotations

import json

import pytest

from retrieval.evaluate import EvalError, load_squad

EMPTY = [
    {"data": []},
    {"data": [{"title": "t", "paragraphs": []}]},
    {"data": [{"title": "t", "paragraphs": [{"context": "افتتح الوزير المعرض.", "qas": []}]}]},
    {"data": [{"title": "a", "paragraphs": [{"context": "نص أول.", "qas": []}]},
              {"title": "b", "paragraphs": [{"context": "نص ثان.", "qas": []}]}]},
]


@pytest.mark.parametrize("squad", EMPTY)
def test_a_squad_file_without_questions_is_refused(tmp_path, squad) -> None:
    file = tmp_path / "arcd.json"
    file.write_text(json.dumps(squad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(EvalError, match="no questions to score"):
        load_squad(file)


@pytest.mark.parametrize("squad", EMPTY[2:])
def test_marsad_eval_says_so_in_one_line_and_exits_2(in_process, tmp_path, capsys,
                                                     squad) -> None:
    (tmp_path / "arcd.json").write_text(json.dumps(squad, ensure_ascii=False),
                                        encoding="utf-8")
    assert in_process(["eval", "arcd.json"]) == 2
    captured = capsys.readouterr()
    assert "P@1" not in captured.out
    assert captured.err.count("\n") == 1 and "no questions to score" in captured.err


def test_a_squad_file_with_one_question_is_still_read(tmp_path) -> None:
    file = tmp_path / "arcd.json"
    file.write_text(json.dumps({"data": [{"title": "t", "paragraphs": [
        {"context": "افتتح الوزير المعرض.", "qas": [{"question": "من افتتح المعرض؟"}]},
        {"context": "نص آخر.", "qas": []}]}]}, ensure_ascii=False), encoding="utf-8")
    articles, questions = load_squad(file)
    assert len(articles) == 2 and [q.question for q in questions] == ["من افتتح المعرض؟"]
