"""A paraphrase's words held by the passage that answers only as related words (issue 12):
«من حضر المحادثات مع بوتين؟» over coverage where «المحادثات» and «المفاوضات» are both
said, and the passage naming who attended says «وشارك في المناقشات …». The rerank's
`related` cue gives a candidate the share of the question's weight it holds only in a
related word (synonyms.related), below an exact match's weight."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from retrieval import rerank
from retrieval.analysis import analyze, normalize

ATTENDED = "وزير الدفاع"  # «وشارك في المناقشات وزير الدفاع الروسي …»
AMMUNITION = "الذخيرة"  # «فهي تريد تأمين المزيد من الذخيرة لحربها …»


@pytest.mark.parametrize("question, key", [
    ("من حضر المحادثات مع بوتين؟", ATTENDED),
    ("من شارك في المفاوضات مع كيم؟", ATTENDED),
    ("من حضر المباحثات من الجانب الروسي؟", ATTENDED),
    ("منو حضر المحادثات ويا بوتين؟", ATTENDED),  # dialect
    ("ما الذي يحتاجه الكرملين من بيونغيانغ للحرب؟", AMMUNITION),  # يحتاج / تريد
])
async def test_the_passage_saying_it_in_related_words_is_answered_first(engine, question, key):
    answer = await engine.answer(question)
    assert answer.answered
    assert normalize(key) in normalize(answer.hits[0].text)


async def test_without_the_related_cue_another_passage_led(engine, monkeypatch):
    """The cues are what lift them: switched off, a passage holding the question's own words
    («قبل مفاوضاته مع كيم … سنناقش كل القضايا») comes first again."""
    question = "من حضر المحادثات مع بوتين؟"
    monkeypatch.setattr(rerank, "WEIGHTS", dataclasses.replace(rerank.WEIGHTS, related=0.0))
    monkeypatch.setattr(rerank, "KIN_GRAMS", 0.0)  # nor the related words' trigram credit
    top = (await engine.ranked(question, 1))[0][0]
    assert normalize(ATTENDED) not in normalize(top.text)


def _counts(passages: list[str], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    ids = [[vocab.setdefault(t, len(vocab)) for t in analyze(p)] for p in passages]
    distinct = np.array(sorted({i for row in ids for i in row}), np.int64)
    counts = np.zeros((len(passages), len(distinct)))
    for r, row in enumerate(ids):
        for i in row:
            counts[r, np.searchsorted(distinct, i)] += 1
    return counts, distinct


def test_only_a_word_held_in_no_spelling_of_its_own_counts():
    talks, heavy = analyze("المفاوضات"), analyze("الوفود")
    idf = {talks[0]: 3.0, heavy[0]: 1.0}
    vocab: dict[str, int] = {}
    counts, distinct = _counts(["وأجريا محادثات مع الوفود",  # related word + the other word
                                "قبل المفاوضات مع الوفود",  # its own word: nothing here
                                "ارتفعت أسعار الوقود"], vocab)  # neither
    share = rerank.related_share(idf, {}, vocab, counts, distinct)
    assert share[0] == pytest.approx(0.75)  # مفاوضات's 3 of the question's 4
    assert share[1] == pytest.approx(0.0)
    assert share[2] == pytest.approx(0.0)
