"""A researcher's coverage (tests/data/newsroom14: 22 articles, 6 outlets, four stories told
over days, wire copy with and without a dash after its credit) and questions written as a
newsroom asks them. Floors for what this round fixed; what it left is in the report."""

from __future__ import annotations

from test_cli import ask_json, eval_json
from test_compare_topic import newsroom  # noqa: F401  (the fixture, used by name)

WIRE_CREDITS = ("(رويترز)", "(أ ف ب)", "(و م ع)", "أ ف ب:")


def test_the_questions_as_users_see_them(newsroom, data_dir):  # noqa: F811
    report = eval_json(newsroom, data_dir / "newsroom14" / "questions.jsonl")
    answerable = report["answerable"]
    assert answerable["false_declines"] == 0
    assert answerable["answer@3"] >= 0.9
    assert report["kinds"]["agency"]["answer@1"] == 1.0  # «ماذا قالت رويترز عن درنة؟»


def test_no_passage_shown_opens_with_a_wire_dateline(newsroom):  # noqa: F811
    questions = ["كم عدد قتلى فيضانات درنة؟", "ما قوة زلزال المغرب؟", "كم بلغ التضخم في ديسمبر؟",
                 "ماذا أعلن مكتب الأمم المتحدة عن درنة؟", "بكم رفع المركزي المصري الفائدة؟"]
    for answer in ask_json(newsroom, *questions, k=5):
        for hit in answer["hits"]:
            assert not any(credit in hit["text"][:40] for credit in WIRE_CREDITS), hit["text"]


def test_two_outlets_figures_for_one_toll_are_told_apart(newsroom):  # noqa: F811
    [answer] = ask_json(newsroom, "ما حصيلة ضحايا فيضانات درنة بحسب وزارة الداخلية؟", k=3)
    [sky] = [h for h in answer["hits"] if "5300" in h["text"]]
    assert sky["source"] == "سكاي نيوز عربية"
    [other] = sky["disagrees_with"]
    assert other["source"] == "الشرق الأوسط"
    assert other["figures"] == [{"measure": "القتلى", "this": ["5300"], "other": ["5200"]}]


def test_a_disagreeing_outlet_ranked_below_the_statements_cited_is_named(newsroom):  # noqa: F811
    """«كم عدد قتلى فيضانات درنة؟»: Al-Sharq Al-Awsat's 5200 ranks sixth, below five
    statements; Sky News Arabia's 5300, shown third, still names it."""
    [answer] = ask_json(newsroom, "كم عدد قتلى فيضانات درنة؟", k=3)
    [sky] = [h for h in answer["hits"] if "5300" in h["text"]]
    assert [(d["source"], d["rank"]) for d in sky["disagrees_with"]] == [("الشرق الأوسط", None)]
