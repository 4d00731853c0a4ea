"""Who did what to whom (retrieval/roles.py, issue 12): a question's action, actor and
recipient, and whether a passage gives them those roles or others."""

from __future__ import annotations

import pytest

from retrieval.analysis import analyze, analyze_token, normalize
from retrieval.roles import Frame, apart, frame, swapped


def term(word: str) -> str:
    return analyze(word)[0]


# Spellings the corpus would give (variants.py): the recipient's «ل» is kept by the
# stemmer on a name, and reaches the bare name through its aliases.
ALIASES = {term(w): {term(w[1:])} for w in ("لبوتين", "لكيم", "لبيسكوف", "لشويغو")}


@pytest.mark.parametrize("question, verb, actor, recipient", [
    ("ماذا أهدى بوتين لكيم؟", "أهدى", "بوتين", "لكيم"),
    ("ماذا أهدى كيم جونغ أون لبوتين؟", "أهدى", "كيم", "لبوتين"),  # a name of three words
    ("ما الذي منحه بوتين لكيم؟", "منحه", "بوتين", "لكيم"),
    ("ماذا أعطى بوتين لـ كيم؟", "أعطى", "بوتين", "كيم"),
    ("كيف وصل كيم إلى روسيا؟", "وصل", "كيم", None),  # إلى: a destination, often paraphrased
    ("ماذا قال لافروف لكيم؟", "قال", "لافروف", "لكيم"),  # an actor starting with ل
    ("ماذا عرض بوتين على كيم؟", "عرض", "بوتين", None),
    ("ماذا يريد كيم من الخبرة الروسية لبرنامجه؟", "يريد", "كيم", None),  # a purpose
])
def test_a_question_names_an_action_an_actor_and_whom_it_is_for(
        question, verb, actor, recipient) -> None:
    asked = frame(question)
    assert asked is not None and asked.marked
    assert (asked.verb, asked.actor) == (term(verb), term(actor))
    assert asked.recipient == (term(recipient) if recipient else None)


@pytest.mark.parametrize("question", [
    "ما موقف الصين من القمة؟",  # «ما» alone names no action
    "شنو سبب الزيارة؟",  # a noun where the verb stands
    "ماذا الخطة التي يريدها كيم؟",  # a noun with the article
    "متى ولد كيم؟",  # a verb of no class synonyms.py knows
    "بوتين وكيم",
])
def test_a_question_of_another_shape_has_no_frame(question) -> None:
    assert frame(question) is None


@pytest.mark.parametrize(("question", "recipient"), [
    ("كيف استقبل بوتين شويغو؟", "شويغو"),
    ("هل زار كيم مصنع سيارات؟", "مصنع"),
])
def test_a_bare_object_after_the_actor_is_its_recipient_unmarked(question: str,
                                                                 recipient: str) -> None:
    asked = frame(question)
    assert asked is not None and not asked.marked
    assert asked.recipient == analyze_token(normalize(recipient))


def test_a_bare_word_that_may_carry_a_preposition_is_not_taken_for_the_recipient() -> None:
    """«كيم» may be ك + يم as «بقطار» is ب + قطار: a bare word opening with a letter that
    can be a preposition is left out of the frame (known limit: كيم, بوتين as objects)."""
    asked = frame("كيف استقبل بوتين كيم؟")
    assert asked is not None and asked.recipient is None


GAVE = "وأفاد الناطق باسم الكرملين بأن بوتين أعطى كيم بندقية من إنتاجنا."
GAVE_VSO = "أهدى فلاديمير بوتين قفاز رائد فضاء وبندقية للزعيم الكوري الشمالي كيم جونغ أون."
EACH_OTHER = "أهدى كل من الرئيس الروسي بوتين والزعيم الكوري كيم الآخر بندقية."


@pytest.mark.parametrize("question, text, swap", [
    ("ماذا أعطى بوتين لكيم؟", GAVE, False),
    ("ماذا أعطى كيم لبوتين؟", GAVE, True),  # the recipient is the subject, before the verb
    ("ماذا منح كيم لبوتين؟", GAVE, True),  # the action in another word of its class
    ("ماذا أهدى بوتين لكيم؟", GAVE_VSO, False),
    ("ماذا أهدى كيم لبوتين؟", GAVE_VSO, True),  # the recipient first after the verb
    ("ماذا أهدى كيم لبوتين؟", EACH_OTHER, False),  # each gave the other
    ("ماذا أهدى كيم لبيسكوف؟", "وقال بيسكوف إن الزيارة كانت مفيدة.", False),  # no gift
    ("ماذا منح بيسكوف لكيم؟", "وأفاد بيسكوف بأن بوتين أعطى كيم بندقية.", True),  # another
    ("ماذا أعطى بوتين لكيم؟", "وفي فوستوتشني، أعطى بوتين كيم بندقية.", False),  # a place
    ("ماذا أعطى بوتين لكيم؟", 'وقال بيسكوف إن بوتين "أعطى (كيم) بندقية".', False),
    ("ماذا قدم الرئيس لميدفيديف؟", "وأشاد الرئيس بميدفيديف وقدم له وساما.", False),
    ("ماذا أهدى بوتين لكيم؟", "ورحب بوتين بكيم وأهدى له بندقية.", False),  # بكيم: its object
])
def test_a_passage_giving_the_roles_to_the_other_side_is_a_swap(question, text, swap) -> None:
    asked = frame(question)
    assert asked is not None
    assert swapped(asked, text, ALIASES) is swap


def test_an_object_left_implicit_decides_nothing() -> None:
    """«وأهدى كيم بندقية»: the giver is in an earlier sentence; Kim may be either."""
    asked = frame("ماذا أهدى كيم لبوتين؟")
    assert asked is not None and not swapped(asked, "وأهدى كيم بندقية.", ALIASES)


@pytest.mark.parametrize("question, text, away", [
    ("ماذا أهدى كيم لشويغو؟", "وزار وزير الدفاع شويغو بيونغيانغ وحضر عرضا إلى جانب كيم.",
     True),  # the names, not the gift
    ("ماذا أهدى بوتين لكيم؟", GAVE_VSO, False),
    ("ماذا أعطى بوتين لكيم؟", "التقى بوتين كيم. ثم أهدى بوتين كيم بندقية.", False),
    ("ماذا أعطى بوتين لكيم؟", "أهدى بوتين بندقية. والتقى كيم بيسكوف.", True),  # two sentences
    ("ماذا قال بوتين عن كيم؟", "وتحدث كيم عن روسيا.", False),  # no recipient, nothing to say
])
def test_a_passage_that_never_says_the_action_of_these_names_is_apart(
        question, text, away) -> None:
    asked = frame(question)
    assert asked is not None
    assert apart(asked, text, ALIASES) is away


def test_a_bare_object_is_never_apart() -> None:
    """«متى زار كيم مدينة فلاديفوستوك؟»: the passage says «إلى فلاديفوستوك», no «مدينة»."""
    asked = frame("متى زار كيم مدينة فلاديفوستوك؟")
    assert asked == Frame(term("زار"), term("كيم"), term("مدينة"), marked=False)
    assert not apart(asked, "وزار كيم فلاديفوستوك في العام 2019.", ALIASES)


@pytest.mark.parametrize("tagged, plain", [
    ("<b>ماذا أهدى</b> <i>بوتين</i> لكيم؟ <br/>", "ماذا أهدى بوتين لكيم؟"),
    ("<p>متى زار <span class=\"x\">النجار</span> عمان؟</p>", "متى زار النجار عمان؟"),
])
def test_markup_pasted_with_a_question_is_no_actor(tagged: str, plain: str) -> None:
    assert frame(tagged) == frame(plain) is not None
