"""Does the best passage answer the question? A calibrated decision (issue 12, item 2).

A small logistic regression over signals of the question and its hits (`SIGNALS`):

- `held`: the share of the question's idf weight the best passage (title + text) holds.
  A word counts as held when the passage has it or one of its corpus spellings
  (variants.py); failing that, a passage word sharing most of its character trigrams
  (وصفت / وصفتها) holds it in proportion to their similarity (`soft`: that part alone),
  and failing that, a passage word of its class or derivation (synonyms.py `related`:
  منح / أهدى, يتبادل / متبادل, واشنطن /
  أميركي, عطى / أعطى) holds SYNONYM_MATCH of it and makes it known (`synonym`: that part,
  up to SYNONYM_SHARE);
- `held_known`: the same share over the words the corpus knows in some spelling or form.
  A word the corpus never uses that the best passage says in another inflection or
  conjugation (`inflections`: قوة / قوتها, قررت / قرر, الجرحى / بجروح) is known and
  held as a spelling of it: a newsroom's small coverage knows few forms of each word;
  A word the corpus never uses weighs the most (max idf) but is not alone proof that the
  coverage is silent: it may be a paraphrase, a dialect word, an inflection the stemmer
  misses, so it enters as its own signals: `unknown` (the unknown words' share of the
  weight), `unknown_definite` (the share of it from words written with the article: a
  definite noun the coverage never uses, «التضخم», «الانتخابات», more likely names a
  subject it never covers than a verb it never uses does), `unknown_verbal` (the share
  from words shaped like verbs: يحكم, تلقاها, most often another way of saying what the
  coverage says), `unknown_long` (the share from long bare words, often names: ترامب)
  and `unknown_words` (how many);
- `bm25`: the best passage's BM25 score over the known words' idf sum (how much of the
  question's own best possible score it reaches); when every known word is said in other
  words of its class (BM25 scored the class: «ماذا قالت سكاي نيوز عن الهدايا؟» over
  «أهدى»), over theirs;
- `fused`: its rerank score, `gap`: its lead over the second hit (share of its score);
  both without the count cue (rerank.Weights.counted), which orders the passages of a
  count asked but tells nothing of whether one answers it: with it, a toll asked in a
  country the passage's event is not in was answered (p 0.34 against 0.15; the refit
  without it: ten writers held out 5.6% / 78.4%, was 5.7% / 78.1%, no writer worse);
  and without the month cue (rerank.Weights.month, eighteenth round) for the same
  reason: what the rerank says each added (engine passes it as `ordered`);
- `terms`: log(1 + number of question terms);
- `type_missing`: the question asks for an amount, a time or what someone said (كم،
  متى، ماذا قال: answer_types.decision_type) and the passage's best-matching sentence
  holds none (no digit, number word, month, weekday...; no verb of saying or quotation;
  for how many, no amount other than one of time: answer_types.asks_count; a number
  printed right before the noun «كم» counts, or a word of its class, answers it and lifts
  `type_far` and `focus_far` too: answer_types.count_printed):
  «كم عمر لافروف؟» reaches a passage naming Lavrov, not his age; «ماذا قال شويغو؟» one
  that only lists him among those present; a month or a day asked («في أي شهر/يوم/تاريخ
  …؟»: answer_types.time_grain) needs a month or a day, not «هذا العام» nor «مرتين»;
- `predicate`: the share of the question's *predicate* the passage holds: its words
  other than the topic shared by most retrieved candidates (the names that brought
  them), so a passage holding only the names asked about is weak evidence;
- `near_only`: the share of the weight from words the corpus has only as a near word
  (تركيا reaching تركيب: variants.py widens an unknown word to its nearest terms);
- `focus_unknown`: the question's focus, its first content word («كم عمر بوتين» -> عمر,
  «ما موقف الصين» -> موقف), is unknown (or near-only) and not shaped like a verb: a near
  miss asks about a thing the coverage never names, a paraphrase most often says an
  action in other words; `focus_missing`: the best passage lacks the focus;
- `whether_missing`: a yes/no question (هل) whose content words the passage does not all
  say;
- near misses that name what the coverage names and ask a property it never states:
  `type_far`, an amount or a time is asked and the best-matching sentence has none
  within answer_types.NEAR_WORDS words of the question's predicate words («في أي عام
  وُلد بوتين؟» reaches «بوتين ... في العام 2000» with no birth in it);
  `name_missing`, «ما اسم X؟ / من هو X؟» and the sentence holds X with no name beside it
  («على متن قطاره المدرع»: answer_types.names_beside); `property_missing`, the question
  asks a property news seldom states (age, birth, family, price, measures, schooling,
  weather: answer_types.PROPERTY_TERMS) and the passage lacks that word;
  `unknown_country`, the share of the weight from a country the corpus never names
  (countries.py: «هل التقى كيم برئيس الصين؟»; not a name written with the article it
  never takes: «بالقطر», by train, is no Qatar: countries.not_countries);
- who did what to whom (roles.py) in a question «VERB ACTOR لـRECIPIENT»: `role_swap`,
  the passage's sentences holding the action and both names make the recipient the one
  who acts («ماذا أهدى كيم لبيسكوف؟» over «بيسكوف بأن بوتين أعطى كيم»); `frame_apart`,
  no sentence of the passage holds the action (or a word of its class), the actor and
  the recipient together («ماذا أهدى كيم لشويغو؟» over Shoigu's visit). A name the
  passage has only in another role is not counted held in `held` and `held_known`;
- `speaker_silent`: «ماذا قال X؟» and the passage never reports X speaking
  (answer_types.speaks: «ماذا قال شويغو؟» over a list of those present);
- where the question's words meet (cooccurrence.py): `sentence_held`, the largest share
  of the weight one sentence of the passage holds, `window_held`, the largest share
  WINDOW_WORDS consecutive words hold, `predicate_window`, the same over the predicate's
  words: a passage holding every word asked, spread over its sentences («هل سافر بوتين
  ... على متن قطار مدرع؟» where Kim took the train), says something else;
- `qualified_otherwise`: the question qualifies a noun by a country and the passage that
  noun only by another (countries.qualified_otherwise: «وزير الدفاع الكوري الشمالي»
  over «وزير الدفاع الروسي»), or a title by its owner and the passage gives it only to
  others (owners.owned_otherwise: «مدرب الترجي» over «مدرب الأهلي»);
- `later_unsaid`: the question asks what followed (بعد، نتائج، تداعيات) and the best
  sentences tell no sequence (answer_types.later_unsaid);
- `title_unnamed`: the question asks who holds a title («من هو قائد أسطول المحيط
  الهادئ؟», «مين وزير الصحة؟») that the coverage gives no name for (aliases.py mines the
  title -> name appositions it writes: «وزير الدفاع الروسي سيرغي شويغو»);
- `order_swapped`: the question «VERB A B» and the passage's verb followed by B then A
  (cooccurrence.order_swapped: «كيف شكر بوتين كيم؟» over «شكر كيم بوتين»: the one who
  acts comes right after the verb);
- `focus_far`: an amount or a time is asked and the best-matching sentence has none
  within answer_types.NEAR_WORDS words of the event asked of (the first content word
  past the unit asked in: «كم يوما سيبقى …» -> سيبقى): «متى افتتحت قاعدة فوستوتشني؟»
  over the leaders meeting at the base on a Wednesday (`type_far` anchors on every
  predicate word, the base among them);
- `event_unknown`: `focus_far`, and the coverage never uses the event's word in any
  spelling, form or word of its class (past a verb that only frames the amount: «كم بلغ
  معدل التضخم؟» -> معدل, answer_types.MEASURE_VERBS), nor a word one typo from it
  (`one_edit`: «كم يباغ …»): «في أي عام افتتحت القاعدة؟», «متى سينطلق أول رائد فضاء
  …؟» ask the time of an event the coverage never tells. Over the six blind sets it
  fires on 69 of their 379 out-of-coverage questions and on none of their 645 answerable
  ones. So too a headline query (no question word, no question mark: `headline`) whose
  first word, the event, the coverage never uses: «مغادرة وزير الزراعة التونسي» over his
  arrival.
- near misses over other coverage (newsroom10): `next_unsaid`, the question asks of the
  next or coming one (المقبل، القادم، الجاية، مرة أخرى) and the passage looks nowhere
  ahead (no future verb, «سوف، لن، من المقرر، يعتزم», no date past its article's; for
  «ما موعد …؟»/«متى …؟», no such word beside a date in its best sentences:
  answer_types.next_unsaid): «ما موعد الانتخابات المقبلة؟» over «ترتفع إلى 50% في
  الانتخابات المقبلة»; `year_unsaid`, the question names a year that neither the
  passage nor its article's date carries (answer_types.year_unsaid): «من فاز بالكأس عام
  2024؟» over a 2025 final. A year the article's date carries is held, though its text
  never writes it.
- `place_missing` (round 16, found on tests/data/pages5 and newsroom14): the question
  asks of what happens in a country the coverage knows («في مصر», «بالجزائر») and the
  passage, title and text, names another country and not that one, nor its capital or
  seat of power (synonyms.related): «ما سعر الذهب في مصر؟» over the Emirates' gold
  market, «كم عدد قتلى الزلزال في تركيا؟» over Morocco's. A country named as an actor or
  a partner («لماذا تهتم روسيا بشراء الذخيرة من كوريا؟») is no place asked.
- `topic_missing` (round 21, found on blind15/16): a comment asked about a topic («ماذا
  قال/كيف علّق X عن/على Y؟», «… تعليقاً على Y»: answer_types.comment_topic) and the
  passage says none of Y's first words in any spelling or word of its class: it reports
  X commenting on something else.
Roles (`role_swap`, `frame_apart`, `actor_otherwise`) are read from the question as
roles.frame reads it and in the shapes readers also ask it (`_frame`): the thing asked
before its verb, in one word or more («ما الهدية التي قدمها X لـY؟», «ما القفاز
الفضائي الذي أهداه X لـY؟»), the recipient after «إلى», the actor's name in the words
the coverage writes only after its first («أهدى كيم جونغ أون بوتين»: not جونغ), a verb
of giving's first object («أهدى كيم بوتين قفازا»); a nation standing where the verb
would is no frame («منذ متى روسيا تقاتل أوكرانيا؟»). The outlet
that published the best passage, asked as the speaker or the actor («ماذا قال موقع
العربي عن …؟»), is that passage: not silent, no quotation needed, no other actor.
Light words (questions.LIGHT: صار، جرى، فعل، قيل، بدها) frame a question without naming
its content and are left out of every signal, and so is a mistyped relative pronoun the
corpus lacks (questions.slipped_function_word: اللتى، الدي).

Coefficients are constants below, fitted by `python -m benchmarks.fit_decision` (numpy
logistic regression, L2, standardized signals) on: positives, every ARCD train question
asked over ARCD's paragraphs and the answerable seed questions of tests/data whose best
passage holds one of their keys (one reaching a wrong passage is no example of a passage
that answers); negatives,
ARCD questions asked over the seeds and the out-of-coverage (near-miss) seed questions
(fit_decision.FITTED names the seed files; two more are kept out of the fit), and, from
the ninth round, the development sets written blind (fit_decision.BLIND: seeds-unseen,
-blind2, -blind3, -blind4, from the thirteenth round -blind5 and -blind6, and from
decide13 -blind7 and -blind8, from decide15 -blind9 and -blind10, from decide17
-blind11 and -blind12, from decide20 -blind13 and -blind14, from decide21 -blind15 and
-blind16, from decide22 -blind17 and -blind18, from decide23 -blind19 and -blind20;
seeds-blind21 and later are only measured), and the questions of other coverages
(tests/data/newsroom8/, newsroom10/, newsroom12/, newsroom14/, newsroom16/).
THRESHOLD is chosen on cross-validated probabilities (folds grouped by article, one
fold per blind writer, twenty) for the trade-off stated at THRESHOLD. The script prints
the held-out figures, per blind set too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter

import numpy as np

from .aliases import PERSON_HEADS, PERSON_NOUNS
from .analysis import (
    analyze,
    analyze_token,
    char_ngrams,
    derived_verbal_noun,
    normalize,
    tokenize,
)
from .answer_types import (
    MEASURE_VERBS,
    NAME,
    NAME_TERMS,
    NUMBER,
    PROPERTY_TERMS,
    SAID_TERMS,
    SAYING,
    TIME,
    UNIT_TERMS,
    YES_NO,
    asks_count,
    comment_topic,
    continues_speaker,
    count_printed,
    counted_noun,
    holds,
    holds_near,
    later_unsaid,
    names_beside,
    next_unsaid,
    owner_asked,
    speaker,
    speaks,
    time_grain,
    with_article,
    year_unsaid,
)
from .cooccurrence import (
    direction_swapped,
    name_otherwise,
    object_acts,
    order_swapped,
    sentence_share,
    window_share,
)
from .countries import country_terms, nation, not_countries, qualified_otherwise
from .lexicon import hypernyms
from .owners import owned_otherwise
from .questions import without_markup
from .roles import Frame, apart, frame, swapped
from .synonyms import related, synonyms
from .tenses import future_verb
from .variants import skeleton

__all__ = ["ANSWER_COVERAGE", "SIGNALS", "SOFT_MATCH", "THRESHOLD", "coverage",
           "headline", "probability", "signals", "similarity", "unknown_actor"]

ANSWER_COVERAGE = 0.5  # /compare: share of the topic's idf weight an outlet's passage holds
SOFT_MATCH = 0.5  # trigram similarity from which an unmatched word counts, partially
SYNONYM_MATCH = 0.8  # how much a word counts when the passage has only its synonym
# `synonym` counts up to this share: a question said more than half in other words of
# their class («مين حضروا المباحثات من الوزرا؟») is a paraphrase more than a near miss
# (uncapped, a wholly paraphrased question weighed -4.2 where half of it weighed -2.1)
SYNONYM_SHARE = 0.5

SIGNALS = ("held", "held_known", "unknown", "unknown_definite", "unknown_verbal",
           "unknown_long", "unknown_words", "soft", "bm25", "fused", "gap", "terms",
           "type_missing", "predicate", "near_only", "focus_unknown", "focus_missing",
           "synonym", "whether_missing", "type_far", "name_missing", "property_missing",
           "unknown_country", "role_swap", "frame_apart", "speaker_silent",
           "sentence_held", "window_held", "predicate_window", "qualified_otherwise",
           "later_unsaid", "title_unnamed", "order_swapped", "name_otherwise",
           "object_acts", "actor_otherwise", "direction_swapped", "focus_far",
           "event_unknown", "next_unsaid", "year_unsaid", "place_missing", "topic_missing")
# Fitted by benchmarks/fit_decision.py (see the module docstring); signals standardized
# with MEANS / SCALES before the coefficients apply.
MEANS = np.array([
    0.6530, 0.8171, 0.2084, 0.0614, 0.0372, 0.0451, 0.7978, 0.0116, 1.1141, 5.2464,
    0.3055, 1.7376, 0.1113, 0.5675, 0.0639, 0.2187, 0.3491, 0.1240, 0.0443, 0.1359,
    0.0368, 0.0650, 0.0128, 0.0072, 0.0180, 0.0296, 0.6307, 0.5621, 0.5521, 0.0131,
    0.0207, 0.0084, 0.0019, 0.0016, 0.0004, 0.0177, 0.0007, 0.1619, 0.0702, 0.0033,
    0.0058, 0.0030, 0.0018])
SCALES = np.array([
    0.2889, 0.2015, 0.2759, 0.1456, 0.1038, 0.1213, 1.2061, 0.0459, 0.5348, 1.5267,
    0.2554, 0.3305, 0.3146, 0.3589, 0.1254, 0.4133, 0.4767, 0.1641, 0.2057, 0.3426,
    0.1882, 0.2464, 0.0630, 0.0844, 0.1331, 0.1694, 0.2952, 0.2800, 0.3413, 0.1138,
    0.1422, 0.0913, 0.0438, 0.0397, 0.0187, 0.1318, 0.0265, 0.3684, 0.2555, 0.0576,
    0.0758, 0.0545, 0.0418])
COEFFICIENTS = np.array([
    0.3631, -0.0199, -0.5595, -0.4183, 0.0155, -0.2491, -0.1222, 0.1690, 0.3890, 0.6499,
    -0.1090, -0.0080, -0.7369, 0.0334, -0.1590, -0.2101, -0.0030, -0.3911, -0.0087,
    -0.2520, -0.5748, -0.3968, -0.3570, -0.2174, -0.4422, -0.3021, 0.2814, 0.2429,
    0.0260, -0.3892, -0.0515, -0.2704, -0.2578, -0.1337, -0.0731, -0.2164, -0.1447,
    -0.1367, -0.2639, -0.1181, -0.2769, -0.1291, -0.0578])
INTERCEPT = 0.2618
# Trade-off: at most 2% of ARCD and 5% of the answerable seed questions declined, then
# as many out-of-coverage ones declined as possible (the seed cap binds; with 15%, the
# ARCD cap bound at a threshold of 0.33 and the blind sets lost 4-7 answerable questions
# each for 0-2 near misses more). A declined question still shows its closest passages,
# labelled "does not answer this directly", so the reader keeps the passage; a wrong
# answer misleads. Held out (5-fold, grouped), fifth round (role_swap, frame_apart,
# speaker_silent, words in another role not held, name_missing when the passage lacks
# the noun named, mistyped relative pronouns; 104 more seed questions in
# seeds-roles.jsonl, seeds-events.jsonl and seeds-names.jsonl): ARCD 1.6% declined,
# answerable seed questions 5.0% (279), ARCD questions over the seeds 95.6%, seed near
# misses 63.9% (263); AUC of answerable seed questions against near misses 0.908-0.920
# over three fold seeds (0.894-0.905 without the role and speaker signals).
# Sixth round (sentence_held, window_held, predicate_window, qualified_otherwise,
# later_unsaid, title_unnamed, order_swapped, «من هو X؟»/«مين وزير…؟» read as asking a
# name; 130 more seed questions in seeds-spread.jsonl): on the questions of the fifth
# round's fit and seeds-spread.jsonl's first 92, AUC 0.928-0.931 over three fold seeds
# (0.913 with the fifth round's signals). Then 38 more, hard paraphrases among them, and
# answerable seed questions fitted only when their best passage answers: the ARCD cap
# binds; ARCD 2.0% declined, answerable seed questions whose best passage answers 3.6%
# (331), ARCD over the seeds 98.0%, near misses 75.7% (333), AUC 0.949. On the three
# sets written blind (measured, never fitted, `marsad eval`), at this threshold (main's
# was 0.2957): 84 of 379 answerable questions declined (main 78), 102 of 140 near
# misses (main 91); answer@1 0.615 / 0.658 / 0.674 (main 0.615 / 0.675 / 0.667). Of their
# answerable questions whose best passage answers, 39 of 280 declined (main 38).
# Near misses still answered most: a name or detail of what the coverage names said
# with a synonym's help («ما اسم قائد القطار؟» reaching «زعيم … كيم»), a time or an
# amount of an event it names («متى افتتحت القاعدة؟»), a role said by an epithet
# («لضيفه»), an action in a verb no synonyms.py class holds («كيف شكر بوتين كيم؟»).
# Seventh round (a title given another owner, owners.owned_otherwise, joins
# qualified_otherwise and name_missing; a speaker named beyond a title and a nation must
# speak): held out unchanged, ARCD 2.0%, answerable seed questions 3.3% (336), near misses
# 78.7% (334), AUC 0.957. Tried and left out, each lowering held-out AUC or leaving it
# with a coefficient near zero: a signal for an unknown verb of a known action class
# («متى غادر …» where the coverage has him arrive: 0.956, fires on 3 answerable and 7
# near misses), a counted noun the passage lacks («كم عدد القتلى» over a magnitude:
# +0.02 to +0.08, however recoded), dropping focus_missing (near misses 77.2%). Its
# positive weight is no collinearity artefact (+0.24 still when made disjoint from
# focus_unknown): at equal `held`, ARCD's answered questions lack their focus as often
# as near misses do (a paraphrased first word), while among the seed questions alone it
# goes with near misses.
# Eighth round (filler words light, «من هو بيسكوف؟» no name asked, word order read
# only of actors, a destination never swapped, التقاه a verb; seeds-readers5.jsonl
# fitted, 97 questions written as readers half-remembering the stories ask): held out
# ARCD 2.0%, answerable seed questions 3.7% (380), near misses 77.7% (359), AUC 0.954
# (0.953 with seeds-readers5.jsonl fitted and the seventh round's signals). Its held-out
# half (seeds-readers5-heldout.jsonl, never fitted): 30 of 106 answerable declined (main
# 35), 4 of them with the right passage first (main 6), 33 of 38 near misses declined
# (main 33); wrong answers 21 (main 18): most of its false declines reach a wrong passage
# first, which a decision can only decline or answer wrongly. Tried and left out: the
# share of unknown words of a derived form (مساندة، استعراض: paraphrases more than names?
# coefficient -0.02, AUC unchanged).
# Ninth round (decide6; seeds-decide6.jsonl fitted, 94 questions written from the five
# articles: near misses asking an age, a price, a count, a date, a name, a reaction, a
# later outcome, the reverse of an event, and answerable questions of the same shapes;
# seeds-decide6-heldout.jsonl, 92, never fitted): a name beside a title of another owner
# («زعيم كوريا … كيم» for «قائد القطار»), a future verb or a participle is no name
# (answer_types.names_beside); «من قال إن …» asks for words said; a title the passage
# names someone for is not unnamed; name_otherwise («كيم جونغ إيل» over «كيم جونغ أون»),
# object_acts («من استقبل بوتين؟» over «استقبل … بوتين»), actor_otherwise (the action
# asked, done by another), direction_swapped («من A إلى B» over «إلى A»); no verb of
# being read as an actor's verb (order_swapped); `synonym` capped at SYNONYM_SHARE; a
# kind of state (دولة، الجمهورية) no nation (countries.py: ARCD questions were declined
# as of another country). fit_decision now keeps the caps in-sample, counting ARCD
# questions with no hit. Held out (5-fold, grouped): ARCD 1.6%, answerable seed questions
# 3.6% (422), near misses 78.0% (409), AUC 0.960; ARCD train through `marsad eval` 12
# declined (main 12). seeds-decide6-heldout: 3 of 37 answerable declined (main 6), 26 of
# 55 near misses declined (main 25), AUC 0.832 (main 0.805). On the five blind sets
# (measured only) the AUC of right-top answerable against near misses is 0.892 (main
# 0.896): this round's gains did not carry to them (README, the lead's report).
# Tenth round (decide7; a second coverage, tests/data/newsroom8/: fifteen articles on five
# events; its fitted half, three events, joins the fit pooled with the seed questions,
# folds grouped by event; its held-out half, two events, is never fitted): a word the
# corpus never uses that the passage says in another inflection is known and held
# (`inflections`); «متى» answered by a span of time (يومين، سنوات); an actor the passage
# names by the rest of the name («محمد عبد العال» / «وأشار عبد العال») is no other actor.
# Held out (5-fold, grouped): ARCD 1.6%, answerable seed questions 3.3% (424), near
# misses 73.8% (409), newsroom8 answerable 7.7% (52), its near misses and off-topic 80.5%
# (41); AUC seeds 0.959, newsroom8 0.937 (0.906 refitted with the ninth round's signals,
# which the fit declined 68.7% of the seed near misses with). marsad eval: newsroom8's
# held-out half answer@1 0.771, 6 of 48 declined, 2 with the right passage first, 20 of
# 31 out of coverage declined (main 0.771, 5, 2, 21); the seed *-heldout files' near
# misses 142 of 205 declined (main 140), answerable declined 80 (main 78); ARCD train 11
# declined (main 11). Tried and left out: the six sets weighing the same (newsroom8 AUC
# 0.926; the role and word-order signals lost half their weight: «كيف شكر بوتين كيم؟»
# answered), a 5% cap on newsroom8's answerable declines (threshold 0.09, seed near
# misses 51% declined), two-letter cores in `inflections` (AUC 0.956 / 0.921), `fused`
# over the corpus's max idf (0.956 / 0.924).
# Eleventh round (decide8; the four development blind sets fitted, each its own fold, so
# a blind set's held-out figure is that of a writer the model never saw; their answerable
# and out-of-coverage questions are pools of their own in the weights, which held out
# separated them better than pooling them with the seed files: AUC 0.932 / 0.926). Kinds
# read from their failures: a nation read as a frame's verb, a title and its adjective
# (or a nation first) read as two actors to swap, a passage continuing a speaker named
# before it read as silent, the outlet asked about as speaker, «من الذي قال …» read as
# asking a name, «من ألف كتاب …» read as asking a role, a verb of saying with its object
# pronoun (وصفها) or after «X، التي» unread, gifts asked «ما الهدية التي قدمها X لـY»
# or «إلى Y» read as no roles; focus_far. The threshold: ARCD's 2% cap held as `marsad
# eval` measures it (fit_decision.main says why). Held out per blind set (answerable
# whose best passage answers declined / out of coverage declined / AUC), the tenth
# round's model and threshold (never fitted on them) -> this round:
#   seeds-unseen 7.8% / 83.9% / 0.954 -> 3.3% / 83.9% / 0.977 (90 / 62);
#   seeds-blind2 6.5% / 78.1% / 0.939 -> 5.4% / 78.1% / 0.955 (93 / 64);
#   seeds-blind3 13.8% / 73.8% / 0.864 -> 11.0% / 73.8% / 0.906 (109 / 61);
#   seeds-blind4 12.8% / 67.7% / 0.853 -> 5.5% / 66.1% / 0.901 (109 / 62);
#   all four 10.5% / 75.9% / 0.904 -> 6.5% / 75.5% / 0.934 (401 / 249).
# Seed files AUC 0.959 -> 0.965, near misses 74.1% -> 72.1% declined; newsroom8 AUC
# 0.937 -> 0.947, 80.5% -> 80.5%; ARCD held out 1.6% -> 2.6% declined (`marsad eval` over
# ARCD train: 12 -> 13 of 693, 1.9%). seeds-blind5 (never fitted; aggregates only):
# answerable whose best passage answers 12 -> 10 of 103 declined, out of coverage 39 ->
# 39 of 62, AUC 0.868 -> 0.892; `marsad eval`: answer@1 0.711 -> 0.726, false declines 26
# -> 25 of 135, near misses 27 -> 27 of 50 declined. newsroom8's held-out half: answer@1
# 0.771 -> 0.792, 6 -> 5 of 48 declined (2 -> 1 with the right passage first), 20 -> 20
# of 31 out of coverage declined. Tried and left out: `event_unsaid` (the share of an
# amount's or a time's predicate unsaid: no held-out gain beside focus_far, newsroom8 AUC
# 0.944 -> 0.935), the same for SAYING questions (none), frame_apart only when the passage
# names the recipient (0.930 -> 0.929), focus_far only for a word the corpus knows
# (0.935 -> 0.930), actor_otherwise not asked of a passage continuing a speaker (AUC
# unchanged, seeds-blind5 0.892 -> 0.891), the blind sets under a 5% or 3.7% cap of their
# own (threshold 0.16 at 3.7%: newsroom8 near misses 58.5% declined), dropping focus_far
# (0.934 -> 0.930, seeds-blind5 0.892 -> 0.881).
# Twelfth round (decide9, short): the dev near misses still answered, sorted by what the
# passage lacks: an amount or a time of an event it never tells (the largest kind, about
# a third: «متى افتتحت القاعدة؟», «كم قذيفة أرسلت …؟»), a name it never gives (ما اسم
# …), an entity or actor it never names, what followed, a reason. Kept: how many is not
# answered by a span of time (answer_types.asks_count: «بقذائف مدفعية للشهر والنصف
# الماضيين» held «النصف» as the count of shells), feeding type_missing, type_far and
# focus_far. decide9 kept the eleventh round's constants with it: its refit (THRESHOLD
# 0.2790, where the ARCD in-sample cap binds) raised the held-out AUC of every blind set
# (0.974/0.957/0.913/0.913 -> 0.979/0.961/0.918/0.918) but at its own threshold traded near
# misses for answerable questions on the *-heldout files (near misses 165 -> 161 of 235
# declined, false declines 88 -> 79). The lead refit anyway, after merging rank10, rank11
# and rank12 too (the constants below, THRESHOLD 0.2730, are what fit_decision --write
# gives): over the blind sets written this round and last, never fitted (seeds-blind6,
# -blind7, -blind8), false declines 16 / 24 / 32 -> 16 / 21 / 30 from before decide9's
# merge (refit then too), near misses declined 33 / 36 / 31 both ways (`marsad eval`).
# Tried and left out: a name's title found through its class (الناطق / المتحدث) in
# names_beside (held-out AUC unchanged, newsroom8 near misses 80.5% -> 78.0%), the
# event's window widened to 9 or 12 words for focus_far (no near miss more).
# Thirteenth round (decide11): seeds-blind5 and -blind6 fitted too, six writers, one fold
# each (`--folds` defaults to one per writer). Held out per blind set (answerable whose
# best passage answers declined / out of coverage declined / AUC): the twelfth round's
# model (5-fold, four writers fitted; blind5 and blind6 scored by its constants, never
# fitted on them) -> six folds, the same signals -> this round's signals:
#   seeds-unseen 5.0% / 85.5% / 0.978 -> 4.0% / 87.1% / 0.978 -> 3.0% / 88.7% / 0.983;
#   seeds-blind2 4.1% / 78.1% / 0.959 -> 4.1% / 78.1% / 0.961 -> 4.1% / 81.2% / 0.967;
#   seeds-blind3 6.0% / 77.8% / 0.918 -> 6.0% / 76.2% / 0.916 -> 5.2% / 77.8% / 0.934;
#   seeds-blind4 6.0% / 67.2% / 0.917 -> 6.9% / 70.3% / 0.919 -> 6.0% / 73.4% / 0.938;
#   seeds-blind5 8.5% / 62.9% / 0.896 -> 8.5% / 62.9% / 0.897 -> 8.5% / 71.0% / 0.911;
#   seeds-blind6 7.4% / 73.4% / 0.923 -> 7.4% / 73.4% / 0.928 -> 5.6% / 76.6% / 0.946;
#   all six (645 / 379): 6.2% / 74.7% / 0.933 at six folds -> 5.4% / 78.1% / 0.946.
# Kinds read from the blind sets' failures and fixed: the time or amount of an event
# the coverage never tells (`event_unknown`, the largest: «في أي عام افتتحت القاعدة؟»
# answered on all six sets), gifts asked the other way round or between others in
# shapes `_frame` did not read (the thing asked in two words, «كيم جونغ أون» read as an
# actor and a recipient, «أهدى كيم بوتين …» with no لـ), «بالقطر» (by train) read as
# Qatar. Seed files 2.8% / 71.8% / 0.966 -> 2.6% / 72.3% / 0.965; newsroom8 3.8% /
# 78.0% / 0.951 -> 5.8% / 80.5% / 0.941 (one answerable question more declined: «متى
# تفتح المدارس …؟» over «ستبقى مغلقة لمدة يومين», the event told by its opposite);
# ARCD held out 2.0%, `marsad eval` over ARCD train 13 of 693 declined (as before). The
# seed *-heldout files, never fitted (`marsad eval`, twelve files): false declines 55 ->
# 55 (20 -> 20 with the right passage first), out of coverage declined 159 -> 163 of 235;
# seeds-heldout alone 22 -> 20 of 29 near misses («أين يسكن بيسكوف؟»: an unknown verb
# weighs less once event_unknown takes the untold events). «مغادرة وزير الزراعة التونسي»
# (tests/test_leaving_is_not_arriving.py, a headline query with no question word) sat at
# the threshold before (p 0.2729 at 0.2730) and is answered now (0.290 at 0.2782); so it
# was with each of this round's refits, event_unknown left out too (0.266 at 0.2661).
# Tried and left out: the unit asked in («كم سنة …») left out of the weights (AUC up by
# 0.001-0.003, but the ARCD cap moved the threshold to 0.2546 and three sets lost 3
# points of near misses), a verb of receiving read as the giver acting («ما الذي تلقاه
# بوتين من كيم؟» as «أعطى كيم لبوتين»: passages say «حصل … على» too, and answerable
# questions were declined), event_unknown also for a property the passage lacks («كم
# عمر …»: every blind set's AUC fell), `action_unsaid` (no word of the asked action's
# class in the passage: coefficient 0.00), a nisba adjective in the other gender as no
# name in names_beside (no question changed), a country speaking through its capital in
# answer_types.speaks («ماذا تقول أوكرانيا؟» over «كييف قالت»: seeds-blind6 answerable
# declined 5.6% -> 4.6%, but newsroom8 near misses 80.5% -> 78.0% at the threshold moved).
# Round 10b (decide12: `next_unsaid`, `year_unsaid`, the article's year held when asked;
# newsroom10's questions fitted, its events fold groups of their own), held out, before
# (lead10, threshold 0.2711) -> after (0.2809), answerable declined / out of coverage
# declined: seeds-unseen 1.9% / 88.9% -> 1.9% / 90.5%; seeds-blind2 2.0% / 81.5% -> same;
# seeds-blind3 5.0% / 79.7% -> 5.9% / 81.2% (one answerable more); seeds-blind4 5.0% /
# 71.9% -> 4.2% / 75.0%; seeds-blind5 8.0% / 73.0% -> 7.1% / 74.6%; seeds-blind6 4.4% /
# 75.0% -> same; newsroom8 5.8% / 78.0% -> 5.8% / 82.9%; newsroom10 (fitted with the two
# signals zeroed, same data) 1.8% / 65.2% -> 1.8% / 73.9%, AUC 0.879 -> 0.898. `marsad
# eval` over ARCD train: 13 of 693 declined, as before. Still answered: a year asked
# that no passage carries, when every other word is held («كم بلغت نسبة الاقتراع في
# انتخابات 2020؟»: year_unsaid's weight alone does not outweigh a full match).
# The lead's refit after merging rank14 («قبل» read as the verb accepted where it is
# one) gave 0.2808. A headline query whose event word the coverage never uses, over a
# passage holding only its other words («مغادرة وزير الزراعة التونسي» over the arrival),
# stays answered (p 0.31): interactions of focus_unknown with held or unknown, tried as
# extra signals, moved no held-out figure (tests/test_leaving_is_not_arriving.py marks it).
# Round 13 (decide13): seeds-blind7 and -blind8 fitted too, eight writers, one fold each.
# Their honest held-out figure, scored by the round-12 constants that never saw them
# (answerable whose best passage answers declined / out of coverage declined): blind7
# 10.9% / 76.2%, blind8 6.8% / 70.3%. Held out per writer, eight folds, the round-12
# signals (threshold 0.2904) -> this round's (0.2938), answerable / out of coverage / AUC:
#   seeds-unseen 2.9% / 90.5% / 0.983 -> 1.0% / 90.5% / 0.984;
#   seeds-blind2 2.0% / 80.0% / 0.970 -> 2.0% / 80.0% / 0.971;
#   seeds-blind3 5.8% / 79.7% / 0.937 -> 5.8% / 82.8% / 0.941;
#   seeds-blind4 3.3% / 73.4% / 0.940 -> 5.0% / 76.6% / 0.944;
#   seeds-blind5 8.7% / 74.6% / 0.910 -> 8.7% / 74.6% / 0.913;
#   seeds-blind6 4.3% / 75.0% / 0.949 -> 2.6% / 76.6% / 0.964;
#   seeds-blind7 10.0% / 76.2% / 0.944 -> 7.3% / 81.0% / 0.964;
#   seeds-blind8 5.8% / 70.3% / 0.914 -> 4.9% / 76.6% / 0.936;
#   all eight (890 / 510): 5.4% / 77.5% / 0.943 -> 4.7% / 79.8% / 0.952; newsroom8
#   5.8% / 80.5% -> 5.8% / 85.4%, newsroom10 3.6% / 73.9% -> same; ARCD held out 1.9%.
# Kinds fixed: a month or a day asked needs one (answer_types.time_grain: «في أي شهر
# فشلت …؟» over «مرتين هذا العام»); frame_apart, which fired on as many answerable blind
# questions as near misses, reads a journey in any verb of going or visiting and words
# said in any verb of saying, and no recipient in لـ before a common noun («دعوة كيم
# لزيارة كوريا»: ten answerable questions); name_missing finds the name the coverage
# sets beside a title asked (it had joined the title's spellings and was passed over),
# the title in its class or singular, «من هم X؟»; a dual qualified by two countries;
# event_unknown for a headline query («مغادرة وزير الزراعة التونسي»). Tried and left
# out: a speaker named by his title («أبلغ زعيم كوريا الشمالية …» for «ماذا قال كيم؟»:
# pooled near misses 79.8% -> 79.6%, newsroom10 answerable 1.8% -> 5.4%), an exchange
# word («في المقابل») as no role swap (the Peskov near misses answered), a nisba after an
# indefinite noun as no name («قمر اصطناعي»: سيرغي، فوستوتشني end so too), L2 1e-3
# (pooled 5.2% / 81.4%, but seeds-unseen answerable 1.0% -> 4.8%), a title found past
# a glued preposition in names_beside («رحلة لوزير الخارجية سيرغي لافروف»: every
# writer's AUC up, pooled 4.4% / 79.6%, but the threshold fell to 0.2894 and
# seeds-blind5's near misses declined 74.6% -> 71.4%).
# Round 11 (decide14): newsroom12 fitted (its stories fold groups of their own); «كم +
# counted noun» answered when the best sentence prints a number right before that noun
# or a word of its class («نحو 3 ملايين طن» for «كم طنا …؟», «خمسة رؤساء» for «كم قائدا
# …؟»: answer_types.count_printed lifts type_missing, type_far and focus_far, and holds
# the noun). Held out: newsroom12 answerable declined 9.7% -> 3.2% (AUC 0.959 -> 0.991),
# blind answerable 5.0% -> 4.9%, blind near misses 80.0% -> 80.2%. Tried and left out: a
# yes/no question's object missing where the passage says its verb and subject together
# («هل رفعت الحكومة أجور الموظفين؟» over «رفعت الحكومة سعر القنينة»): fitted -0.03,
# newsroom12's near misses 85.7% -> 100%, but seeds-blind2's 80.3% -> 78.8% and
# seeds-blind8's answerable declined 4.5% -> 5.5%.
# Round 12 (decide15): seeds-blind9 and -blind10 fitted too, ten writers, one fold each.
# Their honest held-out figure, scored by the round-11 constants that never saw them
# (answerable whose best passage answers declined / out of coverage declined / AUC):
# blind9 8.6% / 75.4% / 0.933, blind10 10.6% / 62.3% / 0.887; `marsad eval`: false
# declines 24 of 135 and 25 of 140, near misses 34 and 27 of 50 declined. Held out per
# writer, ten folds, the round-11 signals (threshold 0.2928) -> this round's (0.2826):
#   seeds-unseen 0.9% / 87.3% -> same; seeds-blind2 2.0% / 80.3% -> same;
#   seeds-blind3 5.8% / 81.2% -> 5.0% / 82.8%; seeds-blind4 5.7% / 75.0% -> 4.9% / 73.4%;
#   seeds-blind5 7.8% / 71.4% -> 8.6% / 71.4%; seeds-blind6 3.4% / 76.6% -> 3.4% / 81.2%;
#   seeds-blind7 7.9% / 81.0% -> 7.9% / 82.5%; seeds-blind8 4.5% / 75.0% -> same;
#   seeds-blind9 8.6% / 76.9% -> 7.6% / 78.5%; seeds-blind10 8.7% / 62.3% -> 9.6% / 65.6%;
#   all ten (1115 / 637) 5.6% / 76.8% / AUC 0.944 -> 5.5% / 77.9% / 0.947; newsroom8
#   5.8% / 82.9%, newsroom10 3.6% / 73.9% (AUC 0.893 -> 0.901), newsroom12 0.0% / 85.7%,
#   all unchanged; ARCD held out 2.0% -> 1.9%, `marsad eval` over ARCD train 13 of 693.
# The questions that crossed the threshold either way on blind4, blind5 and blind10 sat
# within 0.02 of it; the gains are of kinds: a model or a make asked («ما طراز
# البندقية …؟», on six writers' sets: a name asked, answer_types.NAME_TERMS), a
# feminine relative adjective or a conjunction read as the name beside a noun, a year
# the passage writes only after «منذ» (year_unsaid: «لماذا زار … عام 2019؟» over «للمرة
# الأولى منذ عام 2019»), a passage opening «وأضاف كيم: …» read as holding no words
# said, a span closed by a dual («للشهر والنصف الماضيين») read as no time. Tried and left
# out: actor_otherwise also where the passage names the actor but never doing the action
# (roles.acts: newly fired on 87 answerable seed questions and 55 near misses), a word seen
# with and without ة as no name (names_beside: no question changed; «قمر اصطناعي لأغراض
# التجسس» is still read as naming the satellite, by «لأغراض»); a number joined to a word
# by a hyphen («سويوز-2») read as no time nor amount (type_missing then fired on 21 more
# near misses, on no answerable one whose best passage answers; pooled blind held out
# 5.5% / 77.9% -> 5.4% / 78.8%, six writers up, but event_unknown and focus_far lost
# weight to type_missing, and seeds-unseen's and seeds-blind5's near misses declined
# fell by one each, newsroom8's 82.9% -> 80.5%: «في أي عام سينطلق أول رائد فضاء …؟» 0.25
# -> 0.33), and frame_apart and actor_otherwise read as no frame where the one acting is
# an event («انتهت رحلة كيم إلى روسيا»: blind4's answerable declines; but «وصلت الحرائق
# إلى طرطوس» and «ألغيت زيارة كيم لأسطول …» lost the signal with it). blind4's held-out
# answerable declines rose last round (3.3% -> 4.9%) with frame_apart reading «إلى X» as
# a recipient: «هل انتهت رحلة كيم إلى روسيا قبل موعدها؟» (a destination of the noun, not
# the verb's recipient) and «توقعه الزعيم الكوري لنتيجة …» (a purpose) are declined with
# the right passage first.
# Round 16 (decide16): newsroom14 fitted, its four stories fold groups of their own (its
# questions tagged by story); `place_missing`; object_acts reads a name with the article
# before the word asked as its subject («وتحل النرويج ضيف شرف الدورة»: «من ضيف شرف معرض
# القاهرة للكتاب؟» was declined as «who hosted …» of the guest himself, p 0.155 -> 0.90;
# no question of the fitted sets changed). Held out (ten folds), before (the lead's
# signals, newsroom14 added: threshold 0.2826) -> after (0.2830), answerable declined /
# out of coverage declined: every blind writer unchanged (pooled 5.2% / 78.1%, AUC 0.947);
# seed files 2.0% / 72.9% -> same; newsroom8 5.7% / 80.5% -> 5.7% / 82.9% (AUC 0.941 ->
# 0.944); newsroom10 3.6% / 73.9%, newsroom12 3.2% / 85.7%, newsroom14 0.0% / 50.0% all
# unchanged; ARCD held out 1.9% -> 2.0%, `marsad eval` over ARCD train 13 of 693 declined
# both ways. `marsad eval` against the lead's constants (threshold 0.2888; the threshold
# fell with newsroom14 fitted, not with the signal: 0.2826 without it): over the
# fourteen blind sets false declines 229 -> 223, wrong answers 144 -> 146, out of coverage
# declined 723 -> 720 of 916; over the sixteen seed *-heldout files 69 -> 69, 97 -> 96,
# 186 -> 184 of 266; newsroom8/10/12/14 unchanged. The
# signal fires on 10 fitted near misses and one answerable question (newsroom12), weight
# -0.10 standardized (about -1.9 in the logit where it fires): enough for «كم شخصا قتلت
# الحرائق في تونس؟» over Algeria's fires, not for «ما سعر الذهب في مصر؟» (0.90 -> 0.58,
# still answered: every other word held, the figure there). Tried and left out:
# `place_missing` for any country the question names (fired on 68 answerable blind
# questions, where «روسيا» stands beside a passage saying «موسكو» or nothing: answerable
# declines rose 1-2 points on four writers as the threshold moved to 0.2947), and for a
# country after a bare noun the passage holds («زلزال تركيا»: fired on 2 answerable, the
# threshold rose to 0.2885 and seeds-blind10's answerable declines 9.0% -> 10.8%);
# `source_unnamed`, the share of a source asked «بحسب X» that no retrieved passage names
# (fitted +0.14: it fired on 4 answerable blind questions, «حسب The Telegraph», and on
# no fitted near miss; «ما عدد قتلى درنة بحسب الهلال الأحمر؟» without the Red Crescent's
# article is declined already, p 0.003, its unknown words weigh); `measured_missing`, an
# amount or a property (سعر) asked of a thing the passage never names («ما سعر البيتكوين
# اليوم؟» over gold; fired on 1 answerable blind question and 67 near misses, but fitted
# +0.03: the unknown and focus signals already carry it; the threshold rose to 0.3083).
# Round 17 (decide17): seeds-blind11 and -blind12 fitted too, twelve writers, one fold
# each. Their honest held-out figure, scored by the round-12 constants that never saw
# them (answerable whose best passage answers declined / out of coverage declined /
# AUC): blind11 8.0% / 76.7% / 0.946, blind12 6.3% / 79.4% / 0.941. Held out per writer,
# twelve folds, the round-12 signals (threshold 0.2921) -> this round's (0.2949):
#   seeds-unseen 3.6% / 85.9% / 0.969 -> 4.5% / 87.5% / 0.969;
#   seeds-blind2 1.0% / 80.3% / 0.970 -> 1.0% / 80.3% / 0.971;
#   seeds-blind3 5.0% / 81.2% / 0.948 -> 4.2% / 82.8% / 0.951;
#   seeds-blind4 4.9% / 76.6% / 0.949 -> 4.9% / 78.1% / 0.951;
#   seeds-blind5 8.5% / 73.0% / 0.912 -> 9.3% / 74.6% / 0.913;
#   seeds-blind6 4.1% / 81.2% / 0.966 -> 5.0% / 81.2% / 0.967;
#   seeds-blind7 6.8% / 85.7% / 0.965 -> 6.8% / 85.7% / 0.964;
#   seeds-blind8 5.3% / 76.6% / 0.937 -> 5.3% / 78.1% / 0.939;
#   seeds-blind9 7.1% / 81.5% / 0.947 -> 8.9% / 83.1% / 0.946;
#   seeds-blind10 11.7% / 68.9% / 0.899 -> 11.7% / 68.9% / 0.901;
#   seeds-blind11 8.0% / 76.7% / 0.945 -> 8.9% / 78.3% / 0.946;
#   seeds-blind12 6.3% / 79.4% / 0.940 -> 5.4% / 79.4% / 0.945;
#   all twelve (1374 / 761) 6.0% / 79.0% / 0.946 -> 6.3% / 79.9% / 0.947; seed files
#   2.3% / 73.4% / 0.967 -> 2.0% / 73.8% / 0.968; newsroom8 7.4% / 85.4% / 0.944, same;
#   newsroom10 3.5% / 73.9% / 0.899 -> 3.5% / 73.9% / 0.902; newsroom12 and 14 unchanged;
#   ARCD held out 2.0% -> 2.3% (`marsad eval` over ARCD train 13 of 693 both ways).
# Kinds fixed (frame_apart fired on 29 answerable questions whose best passage answers
# and 50 out of coverage; 16 of the 29 declined): a verbal noun of the derived forms
# after لـ or «إلى» read as the recipient («أبدى كيم استعداده لتطويرها», «هل سيعود
# الرئيسان للاجتماع؟»: analysis.derived_verbal_noun, the shapes the «قبل» reading already
# used, in `_to_someone`), and a country asked as the recipient that the passage says by
# its capital or seat of power («بماذا تعهد الزعيم الكوري لموسكو؟» over «تعرض دعمها
# لروسيا»: `_as_its_country`). The threshold rose with the refit (the seed cap held
# out), which traded: answerable declines rose by one question on seeds-unseen, blind5,
# blind6 and blind11 and by two on blind9, fell by one on blind3 and blind12; near misses
# declined rose by one on seven writers. Seen and left: the decision reads
# a group's best instance, which may be a duplicate paragraph without the speaker the
# shown hit names («سنخوض المعركة …» of one outlet against «وأضاف كيم: … سنخوض …» of
# another: type_missing and speaker_silent fire, four declines with the right passage
# first over the dev sets); a title glued to a preposition beside a name («لوزير
# الخارجية الروسي سيرغي لافروف»: name_missing on four writers, tried and left out in
# round 13); an epithet as the recipient («لضيفه», «لسيد الكرملين»).
# fit_decision.py prints the other trade-offs.
# Round 17 (fix17): newsroom16 fitted (one trade story in six articles: a folder of .txt
# wire copy, HTML pages and a JSONL feed; its questions grouped by the strand they ask
# about), with dialects.py's Maghrebi names (الدزاير، المروك، الديوانة، منتوج). Threshold
# 0.2869 -> 0.2837. Held out (ten folds): the ten writers pooled 5.6% / 78.4% -> 5.4% /
# 77.6% (answerable declined / out of coverage declined); seed files 2.0% / 72.9%;
# newsroom16 15.2% / 82.4% (AUC 0.889, the lowest of the coverages: its paraphrases and
# dialect questions hold few of the passage's words). `marsad eval` against the constants
# before: five answerable blind questions answered that were declined, and six questions
# out of coverage answered that were declined (seeds-near-misses' and two writers'
# «متى افتتحت قاعدة فوستوتشني؟», two writers' «ماذا قال مانتوروف خلال المحادثات؟», one
# more), all within 0.03 of either threshold; ARCD train as before.
# fix16: a number glued to a name by a hyphen («سويوز-2») is no amount nor time
# (type_missing, type_far), a word a preposition is glued to with a hamza («لأغراض») ends a
# noun's phrase (name_missing). Refitted (threshold 0.2783; held out, ten folds: ten
# writers 5.5% of 1,151 / 77.7% of 638 declined, AUC 0.949; seed files 2.0% / 72.2%;
# newsroom8 5.6% / 82.9%; ARCD over the seeds 96.2%) and not kept: ARCD over the seeds
# fell under test_quality's floor (677 -> 676 of 693 declined), seeds-blind10's near
# misses declined 31 -> 30 of 50, a declined question was answered wrongly on
# seeds-blind7 and newsroom10. These constants (the lead's) over the new readings leave
# every `marsad eval` row as it was or better but seeds-blind4's false declines (9 -> 10:
# a wrong answer declined). After the decision, as rules (engine.py): a price asked of a
# thing no passage gives an amount of, a year asked the passage and its date never carry
# (year_unsaid), a name the coverage never writes acting where the passage tells another
# (actor_otherwise with unknown_actor) decline.
# Round 18 (decide18): the decision reads the passage shown first (engine._lead: a later
# hit carrying the first statement whole takes its place, «وأضاف كيم: … سنخوض …» over a
# bare «سنخوض …», whose type_missing and speaker_silent fired), at the rank and scores the
# statement earned. Refit over it (threshold 0.2845, held out 5.4% / 79.4%, AUC 0.951)
# not kept: one more near miss answered on blind3, blind4 and blind12; these constants
# leave every `marsad eval` row as it was or better (false declines: blind5 14 -> 13,
# blind9 20 -> 19, blind12 18 -> 17). After the decision, as a rule (engine.py): a
# headline query whose event word the coverage never uses (event_unknown with `headline`)
# declines; «منذ/حتى متى» opens a question, not a headline.
# Round 20 (decide20): seeds-blind13 and -blind14 fitted too, fourteen writers, one fold
# each. Their honest held-out figure, scored by the round-18 constants and code that never
# saw them (answerable whose best passage answers declined / out of coverage declined /
# AUC): blind13 8.7% / 79.4% / 0.951, blind14 12.0% / 71.9% / 0.888. Kinds fixed from
# their failures first: the one-outlet check (engine) reads a word in another form of its
# root, a word of its class and any verb of telling (`outlet_coverage`: «ماذا نقلت صحيفة
# الاتحاد عن استعداد موسكو …» over «موسكو مستعدة …»); outlet_scope reads agencies by their
# long names, dotted letters and quotes («وكالة الصحافة الفرنسية», «أ.ف.ب», «د.ب.أ»,
# «وكالة «تاس»»), an outlet by its own words before its agency credit («حسب العربي» for
# «العربي - أ ف ب») and takes out the saying verb before the outlet's kind word, and
# agencies.py credits a quoted name after «وكالة»; order_swapped reads the verb after the
# noun of «أي» («أي سلاح منحه بوتين لضيفه؟»); roles.frame reads no actor after a
# preposition following the verb («Olga شو قالت عن Wall Street»); an hour asked («في أي
# ساعة …؟», five writers' near miss) needs a clock time or a part of the day
# (answer_types.HOUR). Refit (threshold 0.2866 -> 0.2890), held out, fourteen folds:
# blind13 7.7% / 79.4% / 0.956, blind14 12.0% / 75.0% / 0.901; the fourteen writers
# (1586 / 888) 6.0% / 79.4% / 0.951 (the twelve before, round 18's code: 5.9% / 79.1% /
# 0.948 with blind13-14 pooled in); seed files 2.0% / 74.3% / 0.968; ARCD held out 2.2%
# (`marsad eval` over ARCD train 13 of 693 declined, as before). `marsad eval`: answer@1
# rose on eight dev sets (blind13 0.733 -> 0.741, blind14 0.630 -> 0.644, blind10 0.757 ->
# 0.779, blind12 0.786 -> 0.807), fell on seeds-unseen (0.831 -> 0.823: one paraphrase
# more declined); near misses declined rose on blind6, 9, 10, 11 and 14, fell by one on
# blind2 and blind12. Refit once more on the round's merge (rank20, speed20, para20 and
# decide20 together; threshold 0.2885), held out, fourteen folds: the fourteen writers
# (1593 / 888) 4.4% / 80.5% / 0.958; blind13 4.8% / 79.4% / 0.962, blind14 9.7% / 76.6% /
# 0.916; seed files 2.7% / 74.8% / 0.968; ARCD held out 2.0%.
# Round 21 (decide21): seeds-blind15 and -blind16 fitted too, sixteen writers, one fold
# each. Honest held-out figures, scored by round 20's merged constants and code that never
# saw them: blind15 14.8% / 81.7% / 0.909, blind16 17.1% / 79.0% / 0.880. Kinds fixed from
# their failures: an agency the coverage holds no article of is searched by its name too
# where the coverage writes it (engine: «ماذا نقلت وكالة تاس الروسية عن بوتين بشأن كيم؟»
# reached the passage crediting «تاس» below any depth cited once its name left the
# search; blind15's outlet questions 0.6 -> 0.7); «القادم من X» is arriving, not next
# (answer_types.asks_next: next_unsaid fired on «ضيفه القادم من بيونغيانغ»); a country
# after an adjective of relation qualifies the noun before it (countries._qualified:
# «العرض الفضائي الروسي» against «رائد فضاء كوري شمالي»); «في أي شهرين/تاريخين» asks
# months/days; a capital or seat of power acting is its state (`_as_state`, موسكو over
# روسيا in actor_otherwise); a speaker put before the question word («كيم شن قال …»)
# is the one asked (answer_types.speaker); `topic_missing` (new): a comment asked about
# a topic the passage never says («ماذا قالت سكابييفا عن القفاز؟» over her Wall Street
# remark; «كيف علّق البيت الأبيض على تبادل البنادق؟» over its warning on ammunition;
# fires on 3 of 1766 blind answerable and 15 of their and the seeds' out-of-coverage
# questions). Refit (threshold 0.2885 -> 0.2896), held out, sixteen folds: blind15 13.5% /
# 83.3% / 0.920, blind16 14.6% / 79.0% / 0.898; the sixteen writers (1766 / 1010) 5.0% /
# 80.4% / 0.953; seed files 1.8% / 75.5% / 0.968; ARCD held out 2.2% (`marsad eval` over
# ARCD train 13 of 693 declined, as before). `marsad eval`:
# answer@1 rose on eight dev sets (blind15 0.593 -> 0.607, blind16 0.541 -> 0.556, blind12
# 0.821 -> 0.836, blind5 0.874 -> 0.889), fell on blind3 (0.904 -> 0.896); near misses
# declined fell by one on blind2, 4, 5, 8, 9 and 11 (probabilities within 0.003 of the
# threshold: «ما اسم القطار المدرع …؟», p 0.292), rose by one on blind15.
# Refit once more on round 21's merge (newcomer21, decide21, para21's «ضد» indexed, short
# slips and dialect words; threshold 0.2896 -> 0.3124, where the caps on ARCD and the
# seed questions declined now bind), held out, sixteen folds: the
# sixteen writers (1776 / 1016) 5.3% / 82.0% / 0.956; blind15 13.5% / 83.6% / 0.920,
# blind16 10.7% / 79.4% / 0.913; seed files 2.5% / 77.3% / 0.969; ARCD held out 2.0%.
# Round 22 (decide22): seeds-blind17 and -blind18 fitted too, eighteen writers, one fold
# each. Honest held-out figures, scored by round 21's constants and code that never saw
# them: blind17 16.0% / 85.5% / 0.930, blind18 19.2% / 77.4% / 0.909. Kinds fixed from
# their failures (a title with a preposition glued to it names its holder; an adverb
# beside the actor is no recipient; a country after «كم» is no unit counted; «في حين»
# tells no time; a time noun scoping a count leaves it a count; «ما أسماء» asks names;
# a statement that the amount is not known answers how long; a guest named by an
# adjective is looked for by it). Refit once on round 22's merge (newcomer22, decide22;
# rank23 kept nothing in the rerank; threshold 0.3124 -> 0.3039), held out, eighteen
# folds: the eighteen writers (1935 / 1140) 5.2% / 81.7% / 0.957; blind17 14.8% / 87.1% /
# 0.938, blind18 16.7% / 79.0% / 0.929; seed files 1.6% / 78.1% / 0.973; ARCD held out
# 1.9%.
# Round 23 (decide23): seeds-blind19 and -blind20 fitted too, twenty writers, one fold
# each. Honest held-out figures, scored by round 22's constants and code that never saw
# them: blind19 16.5% / 81.2% / 0.903, blind20 10.0% / 73.8% / 0.916. Kinds fixed from
# their failures (constants unchanged; the merge refits): a verb of aiming's «إلى/لـ» is
# its aim (`_AIMING`: «تسعى روسيا للحصول على …»), a span of time after لـ («خطة للمئة
# عام») and a recipient named only by his relation to the actor («لضيفه») are no one to
# find beside the action (frame_apart); a country's bare stem written as a slip of a
# name is no country («كين»: countries.not_countries); a country asked as the speaker
# speaks by its officials named by its adjective, and «لفت» is a verb of saying
# (answer_types.speaks, wide); a title asked of a country whose holder the passage tells
# by a verb of its class («عندما كان يرأسها …») is not given only to another country's
# (countries.qualified_otherwise); «للزعيم» opens a prepositional phrase, no name of the
# noun before it (answer_types._glued_prepositions: name_missing). `marsad eval` over the
# 39 development files, these constants: false declines 455 -> 438 (with the right
# passage first 149 -> 137), wrong answers 341 -> 346 (answerable questions whose wrong
# first passage a spurious frame_apart had declined), out of coverage declined 1469 ->
# 1472; ARCD train as before (13 of 693 declined). Refit without --write, held out,
# twenty folds: blind19 13.6% / 82.8% / 0.915, blind20 8.0% / 75.4% / 0.923 (round 22's
# code: 14.6% / 81.2% / 0.904, 8.0% / 73.8% / 0.917); the twenty writers 5.1% / 80.9% /
# 0.955 (5.4% / 80.4% / 0.952). Refit once on round 23's merge (decide23, rank24's
# agency credit left out of an outlet's question, newcomer23; threshold 0.3039 -> 0.2953),
# held out, twenty folds: the twenty writers (2139 / 1265) 5.1% / 80.9% / 0.955; blind19
# 15.5% / 82.8% / 0.915, blind20 9.0% / 75.4% / 0.922; seed files 1.4% / 77.6% / 0.973;
# ARCD held out 1.9%.
THRESHOLD = 0.2953


@lru_cache(maxsize=1 << 16)
def _trigrams(term: str) -> frozenset[str]:
    return frozenset(char_ngrams(term, 3))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two terms' boundary-marked character trigrams."""
    ga, gb = _trigrams(a), _trigrams(b)
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def _matched(held: Collection[str], term: str,
             aliases: Mapping[str, Collection[str]]) -> tuple[float, bool]:
    """(how much of `term` the terms `held` hold: 1, a trigram similarity, or 0; soft?)"""
    if term in held or not frozenset(aliases.get(term, ())).isdisjoint(held):
        return 1.0, False
    best = max((similarity(term, t) for t in held), default=0.0)
    return (best, True) if best >= SOFT_MATCH else (0.0, False)


def coverage(text: str, weights: Mapping[str, float],
             aliases: Mapping[str, Collection[str]] | None = None) -> float:
    """Share of `weights` (query term -> idf) that `text` (title + passage) holds."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    held = frozenset(analyze(text))
    return sum(w * _matched(held, t, aliases or {})[0] for t, w in weights.items()) / total


def outlet_coverage(text: str, weights: Mapping[str, float],
                    aliases: Mapping[str, Collection[str]] | None = None,
                    question: str = "") -> float:
    """Share of `weights` that `text` says, read as one outlet's passage is (engine: a
    question naming an outlet, whose best passage the decision compared with the whole
    coverage's): `coverage`, a word also held in another form of its root («استعداد» /
    «مستعدة»: `_root_forms`), and a verb of telling asked held by any the passage says
    («ماذا قال/كيف وصف كيم …» over «وأضاف كيم: …»): a small outlet's passage says the
    question's words in its own forms, and only `coverage`'s exact ones left most right
    passages under ANSWER_COVERAGE (blind6-14: «ماذا نقلت صحيفة الاتحاد عن استعداد موسكو
    …»); at SYNONYM_MATCH in another word of its class (زار / يزور), unless `question`
    names who acted (`_frame`) and the passage never does: another's action then («حسب
    صحيفة الاتحاد، متى زار بوتين كوريا …» over Kim's «زيارته»)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    aliases = aliases or {}
    held = frozenset(analyze(text))
    roots = {r: w for w in held for r in _root_forms(w)}
    asked = _frame(question)
    kin = asked is None or asked.actor is None or _matched(held, asked.actor, aliases)[0] > 0
    got = 0.0
    for term, weight in weights.items():
        share = _matched(held, term, aliases)[0]
        if share < 1.0 and (inflections(term, held)
                            or not _root_forms(term).isdisjoint(roots)
                            or (term in _TELLING and not held.isdisjoint(_TELLING))):
            share = 1.0
        elif kin and share < SYNONYM_MATCH and _said_otherwise(term, held, aliases):
            share = SYNONYM_MATCH
        got += weight * share
    return got / total


# verbs by which a passage tells what someone said or how they saw it, for
# `outlet_coverage`: one asked is held by any other («ماذا قال/كيف وصف كيم …» over «وأضاف
# كيم:», «شدد كيم على …»)
_TELLING = frozenset(t for w in (
    "قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "أكد", "أكدت", "شدد", "شددت", "أشار",
    "أشارت", "أوضح", "أوضحت", "ذكر", "ذكرت", "وصف", "وصفت", "يصف", "تصف", "اعتبر", "اعتبرت",
    "صرح", "صرحت", "أعلن", "أعلنت", "رد", "ردت", "علق", "علقت", "حكى", "حكت")
    if (t := analyze_token(normalize(w))))


def _root_forms(term: str) -> frozenset[str]:
    """`term`'s cores without long vowels (`_cores`), a doubled letter written once: the
    root of a doubled verb is written so in some forms and twice in others («استعداد» ->
    ستعد, «مستعد» -> ستعد)."""
    if len(term) < 3 or not term.isalpha() or term.isascii():
        return frozenset()
    out = set()
    for core in _cores(term):
        if core.startswith("~"):
            bare = re.sub(r"(.)\1", r"\1", core[1:])
            if len(bare) >= MIN_CORE + 1:
                out.add(bare)
    return frozenset(out)


def _terms_of(passage: object, vocabulary: Sequence[str]) -> frozenset[str]:
    ids = np.unique(passage.terms)  # type: ignore[attr-defined]
    ids = ids[ids < len(vocabulary)].tolist()
    if len(ids) < 2:  # itemgetter of one id returns the term, not a tuple
        return frozenset(vocabulary[i] for i in ids)
    return frozenset(itemgetter(*ids)(vocabulary))  # one C-level lookup (issue 13)


def _holders(passages: Sequence[object], terms: Collection[str],
             aliases: Mapping[str, Collection[str]], term_id: Callable[[str], int]
             ) -> dict[str, int]:
    """Per term, how many of `passages` hold it or a spelling of it (`_has` of each one's
    terms), found among their term ids: the terms' ids (`term_id`: -1 for a term not in
    the vocabulary, which no passage holds) looked up in all the passages' ids at once,
    not every passage's terms made strings."""
    arrays = [np.asarray(p.terms, np.int64) for p in passages]  # type: ignore[attr-defined]
    forms = {t: sorted({i for f in (t, *aliases.get(t, ())) if (i := term_id(f)) >= 0})
             for t in terms}
    wanted = np.array(sorted({i for ids in forms.values() for i in ids}), np.int64)
    held = np.zeros((len(arrays), len(wanted)), bool)
    if len(wanted) and arrays:
        flat = np.concatenate(arrays)
        owner = np.repeat(np.arange(len(arrays)), np.fromiter(map(len, arrays), np.int64))
        at = np.minimum(np.searchsorted(wanted, flat), len(wanted) - 1)
        hit = wanted[at] == flat
        held[owner[hit], at[hit]] = True
    return {t: int(held[:, np.searchsorted(wanted, ids)].any(axis=1).sum()) if ids else 0
            for t, ids in forms.items()}


def _has(terms: Collection[str], term: str, aliases: Mapping[str, Collection[str]]) -> bool:
    return term in terms or not frozenset(aliases.get(term, ())).isdisjoint(terms)


_CLITICS = tuple(normalize(c) for c in ("ب", "ل", "و", "ف", "ك"))
_ARTICLE = normalize("ال")
_GLUED = tuple(normalize(c) for c in ("ب", "ل", "ك"))


# Affixes of inflection and conjugation (normalized), tried one prefix and one suffix at
# a time: a small corpus lacks most forms of a word, and the light stemmer keeps these.
_PREFIXES = tuple(normalize(p) for p in ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب",
                                         "ل", "ك", "س", "ي", "ت", "ن", "ا", "م"))
_SUFFIXES = tuple(normalize(s) for s in ("تما", "تم", "ها", "هم", "هن", "نا", "كم", "وا",
                                         "ون", "ين", "ات", "ان", "ت", "ه", "ي", "ا", "ن"))
MIN_CORE = 3
_TA, _TA_MARBUTA = normalize("ت"), normalize("ة")
_WEAK = str.maketrans("", "", normalize("اويء"))  # long vowels and hamza seats


@lru_cache(maxsize=1 << 16)
def _cores(term: str) -> frozenset[str]:
    """What is left of `term` (a stemmed, normalized word) without one prefix and one
    suffix of inflection, as is and without its long vowels, MIN_CORE letters or more
    (قررت -> قرر, بجروح -> جروح / جرح), and a feminine noun with its ة written ت
    (قوة -> قوت, as in قوتها). Two-letter cores (مخاوف -> خف, for خوف) matched too much:
    held-out AUC 0.960 -> 0.956 over the seeds, 0.925 -> 0.921 over newsroom8."""
    # a feminine noun's ة is written ت before a suffix: قوة / قوتها (قوت)
    out = {term[:-1] + _TA} if term.endswith(_TA_MARBUTA) and len(term) >= MIN_CORE else set()
    for prefix in ("", *_PREFIXES):
        if not term.startswith(prefix):
            continue
        rest = term[len(prefix):]
        for suffix in ("", *_SUFFIXES):
            core = rest[:len(rest) - len(suffix)] if suffix else rest
            if rest.endswith(suffix) and len(core) >= MIN_CORE:
                out.add(core)
                if len(bare := core.translate(_WEAK)) >= MIN_CORE:
                    out.add("~" + bare)
    return frozenset(out)


def inflections(term: str, held: Collection[str]) -> frozenset[str]:
    """The words of `held` (a passage's terms) that are another inflection or
    conjugation of `term` (قوة: قوتها; قررت: قرر; الجرحى: بجروح; المحروقة: حرائق):
    they share a core (`_cores`). For a word the corpus never uses: it is no unknown
    word when the passage says it in another form."""
    if len(term) < 3 or not term.isalpha() or term.isascii():
        return frozenset()
    mine = _cores(term)
    return frozenset(w for w in held if w != term and len(w) >= 3 and w.isalpha()
                     and not mine.isdisjoint(_cores(w)))


def one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter added, dropped, changed or two swapped (a
    typo: يباغ / يبلغ, انطلت / انطلقت), both four letters or more (a three-letter root is
    one letter from many others: ولد / ولي)."""
    if a == b or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])


def _typo_candidates(term: str, vocabulary: Sequence[str],
                     sharing: Callable[[str], Iterable[int]] | None) -> Iterable[str]:
    """The vocabulary terms that may be one typo from `term` (`one_edit`): those sharing a
    boundary-marked trigram with it, as a word of four letters or more one letter away
    does (but for two middle letters swapped in a four-letter word); all of them when no
    trigram index is given. Reading the whole vocabulary cost 35 ms an answer at 100k."""
    if sharing is None:
        return vocabulary
    return (vocabulary[i] for i in sharing(term))


def _holds_word(held: Collection[str], term: str, aliases: Mapping[str, Collection[str]],
                near: bool) -> bool:
    """Whether the passage's terms `held` have `term`, a spelling of it (not a near word
    when `near`: أبناء is not بناء), or either with a preposition or conjunction the
    stemmer keeps (بقيمة -> بقيم holds قيمة)."""
    forms = {term} | (set() if near else set(aliases.get(term, ())))
    return any(f in held or any(c + f in held for c in _CLITICS) for f in forms)


def _predicate_words(holders: Mapping[str, int], candidates: int,
                     weights: Mapping[str, float]) -> dict[str, float]:
    """The question's *predicate*: its words that are not the topic every candidate shares
    (the names that brought them: كيم، بوتين), the topic found as words held by at least
    half of the retrieved `candidates` (`holders`: how many hold each word: `_holders`)."""
    return {t: w for t, w in weights.items() if 2 * holders[t] < candidates}


def _share(held: Collection[str], weights: Mapping[str, float],
           aliases: Mapping[str, Collection[str]]) -> float:
    """Share of `weights` held by `held` (1.0 when there is no weight: nothing to miss)."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if _has(held, t, aliases)) / total \
        if total > 0 else 1.0


def _said_otherwise(term: str, held: Collection[str],
                    aliases: Mapping[str, Collection[str]]) -> bool:
    """The passage says `term` in another word of its class: one it lacks (منح / أهدى), or
    one the corpus never uses, searched as its class (engine._synonym_ids)."""
    kin = related(term)
    kin = kin | {c + k for k in kin for c in _GLUED}
    return not kin.isdisjoint(held) and (_matched(held, term, aliases)[0] == 0.0
                                         or not kin.isdisjoint(aliases.get(term, ())))


def near_only(term: str, aliases: Collection[str]) -> bool:
    """Whether the corpus has `term` only as a near word (most trigrams shared: variants.py
    `near`), not as itself, a spelling variant, a transliteration or two halves of it:
    تركيا reaching تركيب, بكين reaching بكيم. A typo reaches its word that way too, so
    this is a signal, not a verdict."""
    if term.isascii() or term in aliases:
        return False
    key = skeleton(term)
    return not any(skeleton(a) == key or (3 <= len(a) <= len(term) - 3 and skeleton(a) in key)
                   for a in aliases)


# words that open a question (MSA and dialects), with «و» or «ف» before them too
_QUESTION_TEXT = """
ما ماذا مالذي من مين منو منين شكون متى امتى إمتى وقتاش أين وين فين فوين كيف كيفاش
ازاي إزاي لماذا ليش ليه علاش لم لمن لمين هل كم قديش قداش أي ايش إيش شو وش شنو واش اش
بكم بماذا بما بمن عن على إلى الى في مع منذ حتى
"""
_QUESTION_WORDS = frozenset(map(normalize, _QUESTION_TEXT.split()))


def headline(question: str) -> bool:
    """Whether the question is a headline query: no question mark, and its first word
    asks nothing («مغادرة وزير الزراعة التونسي», «هدايا بوتين لكيم»): its first word is
    then the event or the thing it is about."""
    if not question or "?" in question or "؟" in question:
        return False
    tokens = tokenize(normalize(without_markup(question)))
    if not tokens:
        return False
    first = tokens[0]
    return first not in _QUESTION_WORDS and not (
        len(first) > 2 and first[0] in _AND_OR and first[1:] in _QUESTION_WORDS)


_AND_OR = frozenset(normalize(c) for c in ("و", "ف"))


def _focus(weights: Mapping[str, float], shapes: Mapping[str, str]) -> str | None:
    """The question's focus: its first content word (question words, answer-type nouns
    and light words are not terms by then), «كم عمر ...» -> عمر, «ما موقف الصين» -> موقف;
    past a noun asking a name («ما طراز البندقية؟» -> بندقية: answer_types.NAME_TERMS)."""
    return next((t for t in weights if shapes.get(t) != "light" and t not in NAME_TERMS),
                None)


def signals(hits: Sequence[tuple[object, float]], bm25: float,
            weights: Mapping[str, float], aliases: Mapping[str, Collection[str]],
            known: Mapping[str, bool], shapes: Mapping[str, str],
            vocabulary: Sequence[str], kind: str | None = None,
            candidates: Sequence[object] = (), question: str = "",
            named: Mapping[str, Collection[str]] | None = None, *,
            term_id: Callable[[str], int],
            sharing: Callable[[str], Iterable[int]] | None = None,
            ordered: Mapping[int, float] | None = None) -> np.ndarray:
    """The SIGNALS of the best hit. `hits`: (stored passage with its term ids and text,
    fused score) in rank order; `bm25`: the best hit's BM25 score; `weights`: query term
    -> idf; `known`: query term -> whether the corpus has it in some spelling or form;
    `shapes`: query term -> the shape of its word (questions.word_shapes); `kind`: the
    answer type asked (answer_types.answer_type); `candidates`: the passages retrieved
    (with term ids), for telling the question's topic from its predicate; `question`:
    the question as searched, for who does what to whom in it (roles.py); `named`: a
    title's terms in the question -> the names the coverage gives it (aliases.py);
    `term_id`: a term's id in `vocabulary` (-1: none), for finding the question's words
    among the candidates' term ids; `sharing`: the ids of the vocabulary terms sharing a
    character trigram with a term (variants.near), where its typos are looked for (else
    the whole vocabulary is read); `ordered`: passage id -> what the rerank's cues that
    only order passages (count, month) added to its fused score (rerank.rerank's
    `ordered`), read without them."""
    out = np.zeros(len(SIGNALS))
    named = named or {}
    # Light words (questions.LIGHT: صار، فعل، قيل) frame the question, they do not name
    # what it asks: left out, unless nothing else is asked.
    # A function word mistyped (اللتى، الدي: questions.slipped_function_word) that the
    # corpus lacks is no word asked about either.
    weights = {t: w for t, w in weights.items() if shapes.get(t) != "light" and not (
        shapes.get(t) == "slip" and not known.get(t, False))} or weights
    total = sum(weights.values())
    if not hits or total <= 0:
        return out
    best, fused = hits[0]
    held = _terms_of(best, vocabulary)
    # the year its article was published («المقبلة» and a year asked are read against it)
    published = date.year if (date := getattr(best, "date", None)) is not None else None
    # ... whose date holds the year a question names though its text never writes it:
    # «من فاز بالدوري عام 2025؟» over a 2025 article telling the title
    # (BM25 never scored it: no index holds an article's date)
    dated = {str(published)} & weights.keys() if published is not None else set()
    held, known = held | dated, {**known, **dict.fromkeys(dated, True)}
    # A word the corpus never uses that the passage says in another inflection (قوة /
    # قوتها, قررت / قرر): known, and held as a spelling of it (a small coverage knows
    # few forms of each word; unknown, it weighed the most of all). A country is a name,
    # not a word that inflects: السعودية shares its skeleton with ساعد (help), not a form.
    inflected = {t: forms for t in weights if not known.get(t, False)
                 and t not in country_terms()
                 for forms in (inflections(t, held),) if forms}
    if inflected:
        aliases = {**aliases, **{t: frozenset(aliases.get(t, ())) | forms
                                 for t, forms in inflected.items()}}
    # A word the passage says in another word of its class (منح / أهدى): one the passage
    # lacks, or one the corpus never uses, searched as its class (engine._synonym_ids).
    said_otherwise = {t for t in weights if _said_otherwise(t, held, aliases)}
    # «بماذا تعهد كيم؟» over «سنخوض المعركة إلى جانب روسيا»: a pledge is said in the
    # first person's future (a promise quoted), not in a verb of promising
    said_otherwise |= {t for t in weights if t in _PLEDGE and t not in held
                       and _pledges(best.text)}  # type: ignore[attr-defined]
    # «كم طنا …؟» over «نحو 3 ملايين طن»: a number printed right before the noun counted
    # (or a word of its class: «كم قائدا» / «خمسة رؤساء») answers it, however far the
    # question's other words stand or whether the coverage uses its verb
    counted = counted_noun(question) if kind == NUMBER else frozenset()
    counted = counted.union(*map(related, counted))
    count_stated = bool(counted) and count_printed(
        best.text, lambda t: t in counted or not counted.isdisjoint(  # type: ignore
            related(t) | _SINGULAR_HEADS.get(t, frozenset())), weights, aliases)
    # ... and the noun counted is said there, in its form or class (طنا / طن, قائدا /
    # رؤساء): known, held as a word of its class, and no near word (هكتارا / هكتار)
    if count_stated:
        said_otherwise |= {t for t in weights if t in counted
                           and _matched(held, t, aliases)[0] == 0.0}
    known = {t: known.get(t, False) or t in said_otherwise or t in inflected
             for t in weights}
    # A word the coverage has only as the names it stands for («الرجلان»، «سيد الكرملين»:
    # engine._named_by_title) is known through them: no near word, and BM25 scored the names
    by_name = {t for t in weights if named.get(t)
               and not frozenset(aliases.get(t, ())) - frozenset(named[t])}
    near = {t for t in weights if known[t] and t not in said_otherwise and t not in by_name
            and t not in inflected and not (count_stated and t in counted)
            and near_only(t, aliases.get(t, ()))}
    focus = _focus(weights, shapes)
    # the event an amount or a time is asked of: the focus, past the unit asked in («كم
    # يوما سيبقى …» -> سيبقى), in any form or word of its class the passage has («كم كلف»
    # / «بتكلفة»); a word the corpus never uses (a dialect verb: بيقعد) tells nothing here
    event = next((t for t in weights if shapes.get(t) != "light" and t not in UNIT_TERMS),
                 None)
    # ... past a verb that only frames the amount («كم بلغ معدل التضخم؟» -> معدل): the
    # word whose event the coverage may never tell
    told = next((t for t in weights if shapes.get(t) != "light" and t not in UNIT_TERMS
                 and t not in MEASURE_VERBS), None)
    focus_unknown = focus is not None and (not known[focus] or focus in near) \
        and shapes.get(focus) != "verbal"
    focus_missing = (focus is not None and focus not in said_otherwise
                     and _matched(held, focus, aliases)[0] == 0.0)
    if candidates:
        rest = _predicate_words(_holders(candidates, weights, aliases, term_id),
                                len(candidates), weights)
    else:  # the best hit alone
        rest = _predicate_words({t: int(_has(held, t, aliases)) for t in weights}, 1, weights)
    predicate = _share(held, rest, aliases)
    # «كم قذيفة أرسلت …؟» is not answered by «للشهر والنصف»: a span of time answers
    # only how long, not how many (answer_types.asks_count)
    spans = kind != NUMBER or not asks_count(question)
    # «في أي شهر …؟» is answered by a month, «في أي يوم …؟» by a day, not by «هذا العام»
    grain = (time_grain(question) or TIME) if kind == TIME else kind
    type_far = kind in (NUMBER, TIME) and not count_stated and not holds_near(
        best.text, grain, weights, aliases, rest or weights,  # type: ignore[attr-defined]
        spans=spans)
    # «ما اسم X؟»: no name beside X in the passage, or no X at all («ما اسم قائد القطار؟»
    # over «عبر قطار مدرّع»)
    # «مدرب الترجي» over «مدرب الأهلي»: a title the passage gives only to other owners
    owned = owned_otherwise(question, best.text, aliases)  # type: ignore[attr-defined]
    otherwise = owned or qualified_otherwise(question, best.text, aliases,  # type: ignore
                                             _kinds, PERSON_HEADS)
    # ... and the name beside that title is another owner's
    # True: a name beside it; False: none; None: no X in the best sentences
    # (the names the coverage gives a title asked join its spellings, engine._named_by_title:
    # here they are what is looked for beside it, not words of the question passed over)
    # The title looked for in any word of its class or its singular («الناطق» /
    # «المتحدث», «الوزراء» / «وزير»)
    beside = names_beside(
        best.text, focus, weights, {
            t: frozenset(a) - named.get(t, frozenset())
            | (related(t) | _SINGULAR_HEADS.get(t, frozenset()) if t == focus else frozenset())
            for t, a in aliases.items()},  # type: ignore
        with_article(c.text for c in (*candidates, best)),  # type: ignore[attr-defined]
        owner_asked(question, focus)) if kind == NAME and focus is not None else True
    name_missing = kind == NAME and focus is not None and (owned or beside is not True)
    # «كم عمر بوتين؟», «ما اسم زوجة كيم؟»: a property news seldom states, not in the passage
    property_missing = any(t in PROPERTY_TERMS and t not in said_otherwise
                           and not _holds_word(held, t, aliases, t in near) for t in weights)
    # a yes/no question: a yes needs every content word said, in its words or others
    whether_missing = kind == YES_NO and any(
        t not in said_otherwise and _matched(held, t, aliases)[0] == 0.0 for t in weights)
    # «ماذا قال موقع العربي عن …؟» over a passage of «العربي»: all of it is the outlet's
    # statement, no verb of saying needed
    outlet_says = kind == SAYING and not _source_terms(best).isdisjoint(speaker(question))
    type_missing = kind in (NUMBER, TIME, SAYING) and not outlet_says and not count_stated \
        and not holds(
        best.text, grain, weights, aliases, spans)  # type: ignore
    # «متى افتتحت القاعدة؟» over the leaders meeting at the base on a Wednesday: no time
    # beside the event asked (its focus), though one beside the base
    focus_far = kind in (NUMBER, TIME) and event is not None and not count_stated \
        and not holds_near(
        best.text, grain, weights, aliases,  # type: ignore[attr-defined]
        [event, *inflections(event, held), *(related(event) & held)], spans=spans)
    # who does what to whom, the actor's name read as the coverage writes it
    asked = _frame(question, _NamePairs(
        c.text for c in (*candidates, best)))  # type: ignore[attr-defined]
    roles, misplaced = _roles(_to_someone(asked, lambda: with_article(
        c.text for c in (*candidates, best)),  # type: ignore[attr-defined]
        _purposes(question, known)),
        best.text, weights, aliases, known, shapes)  # type: ignore[attr-defined]
    got = soft = known_total = known_got = 0.0
    unknown_definite = unknown_verbal = unknown_long = 0.0
    unknown_words = 0
    for term, weight in weights.items():
        if not known[term]:
            unknown_words += 1
            unknown_definite += weight * (shapes.get(term) == "definite")
            unknown_verbal += weight * (shapes.get(term) == "verbal")
            unknown_long += weight * (shapes.get(term) == "long")
        share, is_soft = _matched(held, term, aliases)
        if term in said_otherwise:
            share, is_soft = SYNONYM_MATCH, False
        if term in misplaced:  # the passage has it, in another role: not what is asked
            share, is_soft = 0.0, False
        got += weight * share
        soft += weight * share * is_soft
        if known[term]:
            known_total += weight
            known_got += weight * share
    # (what BM25 scored): summed, not subtracted from known_total, so that a question whose
    # every known word is said otherwise reaches exactly 0, in every process (a difference
    # summed in set order left 1e-15 in some, and the score over it read as 3.0)
    unscored = {*said_otherwise, *inflected, *dated, *by_name}
    reachable = math.fsum(w for t, w in weights.items() if known[t] and t not in unscored)
    if reachable <= 0:  # every word said in another: BM25 scored those (engine._top)
        reachable = known_total
    second = hits[1][1] if len(hits) > 1 else 0.0
    # The count and month cues (rerank.Weights.counted, .month) order the passages of a
    # count or a month asked; they are no evidence that the coverage answers it («كم عدد
    # قتلى الزلزال في تركيا؟» over Morocco's earthquake counts its dead too; «ماذا أهدى
    # كيم لشويغو عندما زار بيونغيانغ في يوليو؟» over the July visit, no gift told): the
    # score read here leaves out what they added
    if ordered:
        fused, second = (score - ordered.get(getattr(hit, "id", -1), 0.0)
                         for hit, score in (hits[0], hits[1] if len(hits) > 1 else (None, 0.0)))
        second = max(second, 0.0)
    out[:] = (got / total, known_got / known_total if known_total else 0.0,
              1 - known_total / total, unknown_definite / total, unknown_verbal / total,
              unknown_long / total, unknown_words, soft / total,
              min(bm25 / reachable, 3.0) if reachable > 0 else 0.0, fused,
              (fused - second) / fused if fused > 0 else 0.0, math.log1p(len(weights)),
              float(type_missing), predicate,
              math.fsum(weights[t] for t in near) / total, float(focus_unknown),
              float(focus_missing),
              min(math.fsum(weights[t] for t in said_otherwise) / total, SYNONYM_SHARE),
              float(whether_missing), float(type_far), float(name_missing),
              float(property_missing),
              sum(weights[t] for t in weights
                  if (not known[t] or t in near) and t in country_terms()
                  and t not in not_countries(question)) / total,
              *roles, float(kind == SAYING and _silent(question, best, aliases)),
              sentence_share(best.text, weights, aliases, misplaced),  # type: ignore
              window_share(best.text, weights, aliases, misplaced),  # type: ignore
              window_share(best.text, rest or weights, aliases, misplaced),  # type: ignore
              float(otherwise),
              float(later_unsaid(question, best.text, weights, aliases)),  # type: ignore
              # a title the coverage names nobody for, unless this passage does
              # («لوكاشينكو، الزعيم البيلاروسي»: no apposition aliases.py mines), for
              # the owner asked (not «وزير الدفاع الروسي سيرغي شويغو» for the Korean one)
              float(kind == NAME and focus in PERSON_HEADS and not named.get(focus)
                    and (beside is not True or otherwise)),
              float(kind != NAME and order_swapped(question, best.text,  # type: ignore
                                                   weights, aliases)),
              float(name_otherwise(question, best.text,  # type: ignore[attr-defined]
                                   [c.text for c in candidates])),  # type: ignore
              float(object_acts(question, best.text,  # type: ignore[attr-defined]
                                [c.text for c in candidates])),  # type: ignore
              float(_actor_otherwise(asked, question, held | _source_terms(best), weights,
                                     aliases, shapes)),
              float(direction_swapped(question, best.text, aliases)),  # type: ignore
              float(focus_far),
              # ... and the coverage never uses that event's word in any spelling, form or
              # word of its class: «في أي عام افتتحت القاعدة؟», «متى سينطلق أول رائد
              # فضاء …؟» ask the time of an event it never tells
              # ... or a headline query names an event the coverage never tells, in its
              # first word («مغادرة وزير الزراعة التونسي» over his arrival)
              float(any(
                  event is not None and not known[event]
                  and not any(one_edit(event, t) for t in _typo_candidates(
                      event, vocabulary, sharing))
                  for event in ((told,) if focus_far else (focus,) if headline(question)
                                else ()))),
              float(next_unsaid(question, best.text, published,  # type: ignore
                                weights, aliases)),
              float(year_unsaid(question, best.text, published)),  # type: ignore
              float(_place_missing(question, best, held, known)),
              float(_topic_missing(question, held, weights, aliases)))
    return out


def _topic_missing(question: str, held: Collection[str], weights: Mapping[str, float],
                   aliases: Mapping[str, Collection[str]]) -> bool:
    """A comment asked about a topic («ماذا قالت سكابييفا عن القفاز الفضائي؟», «كيف علّق
    البيت الأبيض على تبادل البنادق؟»: answer_types.comment_topic) and the passage says
    none of the topic's words, in any spelling or word of its class: it reports the one
    asked about commenting on something else (her Wall Street remark; the White House's
    warning on ammunition)."""
    topic = [t for t in comment_topic(question) if t in weights]
    return bool(topic) and not any(
        _matched(held, t, aliases)[0] > 0 or not related(t).isdisjoint(held) for t in topic)


# verbs of pledging (analysed terms): تعهد، وعد، التزم in the forms a question asks them
_PLEDGE = frozenset(t for w in (
    "تعهد", "تعهدت", "يتعهد", "تتعهد", "تعهدوا", "وعد", "وعدت", "التزم", "التزمت", "يلتزم",
    "تلتزم") if (t := analyze_token(normalize(w))))
_WE_WILL = normalize("سن")
_WILL_NOT = normalize("لن")
_WE = normalize("ن")


def _pledges(text: str) -> bool:
    """Whether `text` quotes a pledge: a verb in the first person's future («سنخوض
    المعركة», «سندعم دائما», «وسنواصل») or its negation («لن نتخلى»)."""
    tokens = tokenize(normalize(text))
    return any((t.removeprefix(t[0]) if t[0] in _AND_OR and len(t) > 4 else t).startswith(
        _WE_WILL) and future_verb(t) for t in tokens) or any(
        a == _WILL_NOT and b.startswith(_WE) and len(b) > 3 for a, b in pairwise(tokens))


def _place_missing(question: str, passage: object, held: Collection[str],
                   known: Mapping[str, bool]) -> bool:
    """The question asks of what happens in a country the coverage knows («في مصر»،
    «بالجزائر») and the passage (title and text) names another country and not that one,
    nor its capital or seat of power (synonyms.related: موسكو، الكرملين for روسيا): «ما
    سعر الذهب في مصر؟» over the Emirates' market. A country the corpus never names is
    `unknown_country`; one named as an actor or a partner («لماذا تهتم روسيا بشراء
    الذخيرة من كوريا؟») is no place asked."""
    skip = not_countries(question)
    words = tokenize(normalize(question))
    asked = {key: t for before, w in pairwise(["", *words])
             for word in ((w,) if before == _IN else (w[1:],) if w.startswith(_BY) else ())
             if (key := nation(word)) and (t := analyze_token(word)) and t not in skip
             and known.get(t, True)}
    if not asked:
        return False
    said = {nation(w[n:]) for w in tokenize(normalize(
        f"{getattr(passage, 'title', '') or ''} {passage.text}"))  # type: ignore[attr-defined]
        for n in (0, 1, 2)} - {None}
    missing = {key for key, t in asked.items()
               if key not in said and held.isdisjoint(related(t))}
    return bool(missing) and bool(said - asked.keys())


_IN = normalize("في")
_BY = normalize("ب")


# broken plurals of the titles a name is asked by («من هم الوزراء الروس الذين …؟»): the
# coverage names each of them by the singular («وزير الدفاع الروسي سيرغي شويغو»)
_SINGULAR_HEADS = {p: frozenset({s}) for pw, sw in (
    ("وزراء", "وزير"), ("رؤساء", "رئيس"), ("زعماء", "زعيم"), ("قادة", "قائد"),
    ("سفراء", "سفير"), ("ملوك", "ملك"), ("أمراء", "أمير"), ("مدراء", "مدير"),
    ("نواب", "نائب"), ("حكام", "حاكم"), ("أعضاء", "عضو"), ("خبراء", "خبير"),
    ("مستشارون", "مستشار"), ("مسؤولون", "مسؤول"), ("مبعوثون", "مبعوث"))
    if (p := analyze_token(normalize(pw))) and (s := analyze_token(normalize(sw)))}


@lru_cache(maxsize=1)
def _hyponyms() -> dict[str, frozenset[str]]:
    """A general word's analysed term -> the terms of the kinds it names (lexicon.HYPERNYMS,
    one way: «مسؤول» -> وزير، «عضو» -> وزير، نائب)."""
    out: dict[str, set[str]] = {}
    for general, kinds in hypernyms():
        named = {t for w in kinds for t in analyze(w)}
        for t in (t for w in general for t in analyze(w)):
            out.setdefault(t, set()).update(named - {t})
    return {t: frozenset(k) for t, k in out.items()}


def _kinds(term: str) -> frozenset[str]:
    """The words naming one of `term`: its kinds (`_hyponyms`: «المسؤولون الكوريون» over
    «وزير الدفاع الروسي») and a broken plural's singular («الوزراء» / «وزير»), for
    countries.qualified_otherwise. Not its synonyms: «الزعيم الكوري» over «الرئيس الروسي»
    is asked of Kim, whom the passage names otherwise."""
    return _hyponyms().get(term, frozenset()) | _SINGULAR_HEADS.get(term, frozenset())


_WHAT = frozenset(normalize(w) for w in ("ما", "وما"))
_WHICH = frozenset(normalize(w) for w in ("الذي", "التي"))
_TOWARDS = frozenset(normalize(w) for w in ("إلى", "الى"))
_SIDE = frozenset(normalize(w) for w in ("جانب", "جنب"))
_TO = normalize("ل")
_GIVING = frozenset(t for w in ("أعطى", "أهدى") if (t := analyze_token(normalize(w))))
_ALIF = normalize("ا")  # an indefinite object in the accusative: قفازا


def _frame(question: str, names: _NamePairs | Mapping[tuple[str, str], bool] | None = None
           ) -> Frame | None:
    """The question's action, actor and recipient (roles.frame), read in the other shapes
    readers ask it too: the thing asked named before the verb, in one word or more («ما
    الهدية التي قدمها بيسكوف لكيم؟», «ما القفاز الفضائي الذي أهداه كيم لبوتين؟» as «ما
    الذي قدمها بيسكوف لكيم؟»), the recipient after «إلى» («ماذا أهدى كيم إلى
    لوكاشينكو؟»), a verb of giving's first object («أهدى كيم بوتين قفازا»), and the
    actor named in several words the coverage writes together (`names`: pairs of
    consecutive words of its passages, normalized:
    «هل أهدى كيم جونغ أون بوتين قفازا؟», whose recipient is بوتين, not جونغ); None when
    what stands as its verb is a country («من متى روسيا تحارب أوكرانيا؟»: روسيا has a
    class, موسكو, but names no action)."""
    if not question:
        return None
    names = names or {}
    tokens = tokenize(normalize(without_markup(question)))
    words: list[str] = []
    for i, token in enumerate(tokens):
        if _thing_asked(tokens, i):
            continue  # «ما الهدية (الفضائية) التي …»: the thing asked, then its verb
        # «إلى جانب روسيا», «جنبا إلى جنب»: alongside, no one the action is for
        beside = i + 1 < len(tokens) and tokens[i + 1] in _SIDE
        words.append(_TO if token in _TOWARDS and not beside else token)
    asked = frame(" ".join(words))
    at = None if asked is None else next(
        (i for i, w in enumerate(words) if analyze_token(w) == asked.actor), None)
    last = words[at] if at is not None else ""  # the last word of the actor's name
    # «أهدى كيم جونغ أون بوتين»: a word the coverage writes only right after the actor's
    # is the rest of the actor's name, no object
    while at is not None and at + 1 < len(words) and names.get((last, words[at + 1])):
        last = words.pop(at + 1)
        asked = frame(" ".join(words))
        if asked is not None and not asked.marked:  # only a verb of giving's, below
            asked = Frame(asked.verb, asked.actor, None)
    # «أهدى كيم بوتين قفازا»: a verb of giving takes the one given to as its first object
    # (not a word the coverage writes after the actor's: «فلاديمير بوتين»)
    if (asked is not None and at is not None and at + 1 < len(words)
            and (asked.recipient is None or not asked.marked) and asked.verb is not None
            and _GIVING & ({asked.verb} | synonyms(asked.verb))
            and (last, words[at + 1]) not in names
            and not words[at + 1].startswith(_ARTICLE)
            and not words[at + 1].endswith(_ALIF) and analyze_token(words[at + 1])):
        asked = frame(" ".join([*words[:at + 1], _TO, *words[at + 1:]]))
    if asked is not None and _relational(asked.recipient):
        # «لضيفه الكوري»: his guest as the adjective after it qualifies him, the Korean one
        # (the passage must hold him so; «لضيفه البيلاروسي» is not «للزعيم الكوري»)
        at = next((i for i, w in enumerate(words) if analyze_token(w) == asked.recipient), None)
        after = words[at + 1] if at is not None and at + 1 < len(words) else ""
        if after.startswith(_ARTICLE) and after.endswith(_NISBA_END) \
                and (qualifier := analyze_token(after)):
            asked = Frame(asked.verb, asked.actor, qualifier, asked.marked)
    return None if asked is None or nation(asked.verb or "") is not None else asked


_NISBA_END = normalize("ي")


def _thing_asked(tokens: Sequence[str], i: int) -> bool:
    """Whether `tokens[i]` is one of the definite words between «ما» and «الذي/التي»: the
    thing asked and its adjectives («ما القفاز الفضائي الذي …»)."""
    if not tokens[i].startswith(_ARTICLE):
        return False
    j, k = i, i + 1
    while j > 0 and tokens[j - 1].startswith(_ARTICLE):
        j -= 1
    while k < len(tokens) and tokens[k].startswith(_ARTICLE) and tokens[k] not in _WHICH:
        k += 1
    return j > 0 and tokens[j - 1] in _WHAT and k < len(tokens) and tokens[k] in _WHICH


class _NamePairs:
    """Pairs of consecutive words of `texts` (normalized) -> whether the second is never
    written but right after the first: a name the coverage writes in several words
    («كيم جونغ أون»: جونغ only after كيم). `get(pair)` is None for a pair never written.
    The texts are read only when a pair is asked, and once: most questions name no actor
    whose next word needs it (reading every candidate for every question cost ~1 ms)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._tokens: list[list[str]] | None = None

    def get(self, pair: tuple[str, str]) -> bool | None:
        if self._tokens is None:
            self._tokens = [tokenize(normalize(text)) for text in self._texts]
        first, second = pair
        together = sum(1 for words in self._tokens for a, b in pairwise(words)
                       if b == second and a == first)
        if not together:
            return None
        return together == sum(words[1:].count(second) for words in self._tokens)

    def __contains__(self, pair: object) -> bool:
        return isinstance(pair, tuple) and self.get(pair) is not None  # type: ignore[arg-type]


def _actor_otherwise(asked: Frame | None, question: str, held: Collection[str],
                     weights: Mapping[str, float], aliases: Mapping[str, Collection[str]],
                     shapes: Mapping[str, str]) -> bool:
    """«ما الذي حضره لافروف في بيونغيانغ؟» over «وحضر … شويغو»: the question names who
    acted (roles.frame), the passage has the action (or a word of its class) but never
    that actor, who is named, not titled (a title is often said by the name it stands
    for: «الرئيس الروسي» / بوتين). `asked`: the question's frame (`_frame`)."""
    if asked is None or asked.verb is None or asked.actor not in weights \
            or shapes.get(asked.actor) in ("definite", "verbal", "light") \
            or asked.actor in PERSON_HEADS:
        return False
    acted = asked.verb in held or not synonyms(asked.verb).isdisjoint(held)
    rest = _name_rest(question, asked.actor)
    return acted and _matched(held, asked.actor, aliases)[0] == 0.0 and not (
        rest and all(_matched(held, t, aliases)[0] > 0 for t in rest)) and not (
        _as_state(asked.actor) & held)


def _as_state(actor: str) -> frozenset[str]:
    """The words naming the state an actor that is a capital or a seat of power stands for,
    and its other seats (synonyms.related: موسكو -> روسيا، الكرملين): «ما الذي تسعى موسكو
    لاقتنائه؟» over «روسيا مهتمة بشراء الذخيرة» names the same actor. Empty for a person
    or any word related to no country."""
    words = related(actor)
    return words if any(nation(w) for w in words) else frozenset()


_NAME_PARTS = frozenset(normalize(w) for w in ("عبد", "أبو", "بن", "ابن"))


def unknown_actor(question: str, known: Mapping[str, bool]) -> bool:
    """Whether the question names who acted (`_frame`) by a word the coverage never writes
    in any spelling (`known`: the question's terms -> whether the corpus has them): «هل
    قبلت ميركل دعوة الزعيم الكوري الشمالي؟» where the coverage tells Putin accepting.
    With `actor_otherwise` (the passage tells the action of another), the coverage cannot
    say what that person did (engine: declined after the decision)."""
    asked = _frame(question)
    return asked is not None and asked.verb is not None and asked.actor is not None \
        and known.get(asked.actor, True) is False


def _name_rest(question: str, actor: str) -> list[str]:
    """The terms of the rest of the actor's name in the question («محمد عبد العال»,
    «أحمد الصفدي»): the words right after it when they start with عبد، أبو، بن or the
    article. A passage names a person by that rest on second mention («وأشار عبد العال»):
    the actor is not another one."""
    tokens = tokenize(normalize(without_markup(question)))
    terms = [analyze_token(t) for t in tokens]
    if actor not in terms:
        return []
    at = terms.index(actor) + 1
    if at >= len(tokens) or terms[at] is None or not (
            tokens[at] in _NAME_PARTS or tokens[at].startswith(_ARTICLE)):
        return []
    rest = [terms[at]]
    if tokens[at] in _NAME_PARTS and at + 1 < len(terms) and terms[at + 1] is not None:
        rest.append(terms[at + 1])
    return rest


_GOING = frozenset(t for w in ("سافر", "عاد") for t in (
    analyze_token(normalize(w)), *synonyms(analyze_token(normalize(w) or "")))) - {None}


# verbs of saying, promising, expecting: what one tells another, often told by another
_SAYING_VERBS = SAID_TERMS | frozenset(t for w in (
    "توقع", "يتوقع", "تعهد", "يتعهد", "وعد", "يعد", "أبلغ", "يبلغ", "أبدى", "يبدي", "عبر",
    "أعرب", "يعرب", "أخبر", "يخبر", "تحدث", "يتحدث") if (t := analyze_token(normalize(w))))


def _purposes(question: str, known: Mapping[str, bool]) -> frozenset[str]:
    """The question's words with لـ glued on that the coverage never writes and that are
    shaped as common nouns, not names: a feminine noun (ة: «لنتيجة المواجهة») or a bare
    root of three letters («لبحث الملف»), a purpose or a topic («ما الذي توقعه كيم
    لنتيجة المواجهة؟», «هل بدا بوتين مستعجلا لبحث الملف؟»). A name the coverage never
    writes («لماكرون», «لترامب») stays one the action may be for."""
    out = set()
    tokens = tokenize(normalize(without_markup(question)))
    for i, token in enumerate(tokens):
        core = token[len(_TO):]
        if not token.startswith(_TO) or core.startswith(_TO) or not core.isalpha() \
                or analyze_token(core) in _PERSONS:
            continue
        term = analyze_token(token)
        # ة and the pronoun ه are one letter once normalized: a person with his pronoun
        # («لنظيره», «لضيفه») is kept out by _PERSONS; a bare root, only in construct
        # with a word after it (a name mistyped ends the question: «لكبم»)
        if term is not None and known.get(term) is False and (
                core.endswith(_TA_MARBUTA) or (len(core) == 3 and i + 1 < len(tokens))):
            out.add(term)
    return frozenset(out)


# nouns of persons one acts for, with a pronoun often glued: «لنظيره», «لحليفه»
_PERSONS = PERSON_HEADS | PERSON_NOUNS | frozenset(
    t for w in ("نظير", "حليف", "صديق", "شريك", "خصم", "عدو", "مضيف", "زائر", "ضيف", "سيد",
                "ساكن")
    if (t := analyze_token(normalize(w))))


# verbs of aiming, seeking, needing and resorting, whose لـ or «إلى» marks the aim or the
# means, never one who receives: «ما الذي تسعى موسكو إلى الحصول عليه …؟», «يطمح كيم
# لتطوير …», «لجأت روسيا إلى …» (a verbal noun of the first form, «الحصول», is no
# derived one: analysis.derived_verbal_noun never reads it as a purpose)
_AIMING = frozenset(t for w in (
    "سعى", "سعت", "يسعى", "تسعى", "نسعى", "يسعون", "هدف", "هدفت", "يهدف", "تهدف", "طمح",
    "طمحت", "يطمح", "تطمح", "تطلع", "تطلعت", "يتطلع", "تتطلع", "يصبو", "تصبو", "احتاج",
    "احتاجت", "يحتاج", "تحتاج", "لجأ", "لجأت", "يلجأ", "تلجأ", "اضطر", "اضطرت", "يضطر",
    "تضطر") if (t := analyze_token(normalize(w))))


# spans of time after لـ: «وضع خطة للمئة عام», «لسنوات», «للعام المقبل» say how long,
# never for whom (not «لعشرة أطفال»: an amount of someone)
_SPANS = frozenset(t for w in (
    "مئة", "مئات", "عام", "أعوام", "سنة",
    "سنوات", "شهر", "أشهر", "شهور", "أسبوع", "أسابيع", "يوم", "أيام", "ساعة", "ساعات",
    "عقد", "عقود", "قرن") for f in (w, "ال" + w, "ل" + w, "لل" + w)
    if (t := analyze_token(normalize(f))))


def _to_someone(asked: Frame | None, common: Callable[[], Collection[str]],
                purposes: Collection[str] = ()) -> Frame | None:
    """The frame, unless what stands as its recipient is no one: a verbal noun of the
    derived forms, with or without the article (analysis.derived_verbal_noun: «أبدى
    استعداده لتطويرها», «هل سيعود الرئيسان للاجتماع؟», «سافر للاستقبال»: a purpose, never
    one who receives), or لـ glued to a noun without the article that the coverage
    writes with it elsewhere (`common`: answer_types.with_article), not a title — a
    purpose or a topic («قبل بوتين دعوة كيم لزيارة كوريا», «توقعه كيم لنتيجة
    المواجهة»), where a recipient is a name, a country, a title or a definite noun
    («لبوتين», «لروسيا», «لوزير الدفاع», «للوفد»); and none after a verb of aiming
    (`_AIMING`: «تسعى روسيا للحصول على الذخيرة»), none that is an amount or a span of
    time (`_SPANS`: «خطة للمئة عام»), and none named only by his relation to the actor
    («لضيفه», «لنظيره» with no adjective after it: `_relational`): the passage names him,
    and no sentence writes «ضيفه» beside the gift."""
    if asked is None or asked.recipient is None or not asked.marked:
        return asked
    if asked.recipient in purposes:  # `_purposes`: «لنتيجة المواجهة»
        return None
    if asked.verb in _AIMING:  # «تسعى روسيا للحصول على …»: the aim, not one acted for
        return None
    if _relational(asked.recipient):  # «منح سيد الكرملين لضيفه»: said by his name
        return None
    bare_term = asked.recipient[len(_TO):] if asked.recipient.startswith(_TO) \
        else asked.recipient
    if asked.recipient in _SPANS or bare_term in _SPANS:
        return None  # «خطة للمئة عام», «لسنوات»: how long, not for whom
    bare = asked.recipient[len(_TO):] if asked.recipient.startswith(_TO) else asked.recipient
    if derived_verbal_noun(asked.recipient) or derived_verbal_noun(bare):
        return None
    if not asked.recipient.startswith(_TO):
        return asked
    core = asked.recipient[len(_TO):]
    if core in PERSON_HEADS or nation(core) is not None \
            or core not in {analyze_token(w) for w in common()}:
        return asked
    return None


def _silent(question: str, passage: object, aliases: Mapping[str, Collection[str]]) -> bool:
    """«ماذا قال شويغو؟» and the passage never reports the one asked about speaking (a
    list of those present names him: answer_types.speaks), unless it continues a speaker
    named before it (answer_types.continues_speaker). The outlet that published the
    passage says what it says: «ماذا قال موقع العربي عن …؟» over a passage of «العربي -
    أ ف ب» is not silent."""
    who = speaker(question)
    text = passage.text  # type: ignore[attr-defined]
    return bool(who) and _source_terms(passage).isdisjoint(who) \
        and not speaks(text, who, aliases, wide=True) and not continues_speaker(text)


def _source_terms(passage: object) -> frozenset[str]:
    """The terms of the outlet that published `passage` («العربي - أ ف ب»): the outlet
    asked about as a speaker or an actor («ماذا قال موقع العربي عن …؟») is its passage."""
    return frozenset(analyze(passage.source or ""))  # type: ignore[attr-defined]


def _roles(asked: Frame | None, text: str, weights: Mapping[str, float],
           aliases: Mapping[str, Collection[str]], known: Mapping[str, bool],
           shapes: Mapping[str, str]) -> tuple[tuple[float, float], frozenset[str]]:
    """(role_swap, frame_apart) of a question «VERB ACTOR لـRECIPIENT» (roles.py) against
    the best passage's `text`: its sentences give the actor and the recipient the other
    roles («ماذا أهدى كيم لبوتين؟» where Putin gave Kim); none of its sentences holds the
    action, actor and recipient together («ماذا أهدى كيم لشويغو؟» reaching Shoigu's
    visit). Both 0 for a question of another shape, or one whose verb is light (صار،
    جرى: nothing to align). `asked`: the question's frame (`_frame`)."""
    if asked is None or shapes.get(asked.verb or "") == "light" \
            or shapes.get(asked.actor) == "verbal":  # «وش الهدية اللي عطاها …»: no actor
        return (0.0, 0.0), frozenset()
    if asked.verb in weights and not known.get(asked.verb, True):
        asked = Frame(None, asked.actor, asked.recipient, asked.marked)  # in words unknown
    # «لماذا ذهب بوتين لسوتشي؟»: لـ after a verb of going marks a destination, which never
    # acts in return (a place is not swapped with the traveller), though the passage must
    # still hold the three together
    swap = asked.verb not in _GOING and swapped(asked, text, aliases)
    # ... in any words: a journey is told by another verb of going or visiting («توجه
    # وزير الدفاع إلى بيونغيانغ» / «زار وزير الدفاع … بيونغيانغ»), words said to someone
    # by another verb of saying («توقع كيم لموسكو» / «أكد كيم لبوتين ثقته بأن موسكو …»)
    loose = asked.verb in _GOING or asked.verb in _SAYING_VERBS
    away = apart(Frame(None, asked.actor, asked.recipient, asked.marked) if loose else asked,
                 text, _as_its_country(asked.recipient, aliases))
    misplaced = {asked.actor, asked.recipient} if swap else {asked.recipient} if away else ()
    return (float(swap), float(away)), frozenset(t for t in misplaced if t in weights)


# nouns naming someone by his relation to the actor: his guest, his host, his counterpart
_RELATIONAL = frozenset(t for w in ("ضيف", "مضيف", "نظير") if (t := analyze_token(normalize(w))))


def _relational(recipient: str | None) -> bool:
    """Whether the recipient asked is named by a relation to the actor («لضيفه»,
    «لنظيره»), not by a name, a title or a country."""
    if recipient is None:
        return False
    core = recipient[len(_TO):] if recipient.startswith(_TO) else recipient
    return core in _RELATIONAL or recipient in _RELATIONAL


def _as_its_country(recipient: str | None, aliases: Mapping[str, Collection[str]]
                    ) -> Mapping[str, Collection[str]]:
    """`aliases`, with a recipient that is a country or its capital also written as the
    other words of its class (synonyms.related: لموسكو / روسيا، الكرملين; لكوريا /
    بيونغيانغ): the press says a state by its capital and its seat of power, so «بماذا
    تعهد كيم لموسكو؟» is told by «تعرض دعمها لروسيا». A person or a title keeps its own
    words: another one is another recipient."""
    if not recipient:
        return aliases
    forms = related(recipient)
    if not forms or not any(nation(f) for f in (recipient, *forms)):
        return aliases
    return {**aliases, recipient: {*aliases.get(recipient, ()), *forms}}  # type: ignore[dict-item]


def probability(x: np.ndarray) -> float:
    """The model's probability that the best hit answers (0..1)."""
    z = float(((x - MEANS) / SCALES) @ COEFFICIENTS) + INTERCEPT
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))
