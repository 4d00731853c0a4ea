"""Marsad's one answering function, and ingest, over a store and its in-memory BM25 index.

Every frontend (console, `ask --json`, Telegram) calls `Marsad.answer` and only renders the
result. CPU work (analysis, scoring) runs in a worker thread so an event loop serving many
chats never stalls on one long query.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import aliases, corroborate, decide, feedback, grouping
from . import coverage as coverage_views
from .agencies import (
    agencies_of,
    agency_first,
    agency_named,
    credit_forms,
    credited_agencies,
)
from .aliases import AliasTable, Mined, Terms
from .analysis import analyze, analyze_token, normalize, tokenize
from .answer_types import amount_given, decision_type, matching_sentences, priced
from .corroborate import stored_title_terms
from .coverage import Comparison, OutletSummary, Timeline
from .date_scope import (
    AskedDay,
    AskedMonth,
    asked_day,
    asked_month,
    asks_for_nothing,
    month_words,
    names_month,
)
from .dialects import to_msa
from .feedback import QuestionRating
from .figures import clashes
from .index import BM25Index, BM25Params
from .kinds import is_furniture
from .language import question_language, unnamed_language, unnamed_words
from .model import Answer, Article, Citation, Disagreement, Hit, IngestReport
from .outlet_scope import Outlets, OutletScope, find_scope
from .passages import note_forms, sentences_of
from .questions import (
    LIGHT,
    bounded,
    clean_question,
    question_terms,
    read_zero_width_spaces,
    reframed,
    word_shapes,
)
from .rerank import RERANK_DEPTH, Candidate, rerank, rerank_best
from .store import (
    ANALYSIS_VERSION,
    SourceInfo,
    Store,
    StoredPassage,
    StoreError,
    busy_error,
    is_busy,
)
from .synonyms import related, synonyms
from .term_grams import TermGrams
from .tolls import asks_toll, toll
from .variants import VariantMap

if TYPE_CHECKING:
    from .ingest import Item

LOAD_CHUNK = 50_000  # passages read per step when (re)building the index from the store
NAMING_CHUNK = 900  # passages read at once looking for a month named (SQLite's variables)
TERM_IDS_KEPT = 1 << 16  # terms whose ids `Marsad.term_id` keeps (~8 MB at most)
OUTLETS_TTL = 60.0  # seconds the outlet names are kept (another process may ingest)


@dataclass
class RemoveReport:
    removed: list[str] = field(default_factory=list)  # article ids, in the order asked
    missing: list[str] = field(default_factory=list)  # ids asked for that were not there
    passages: int = 0  # passages taken out of the index with them


TITLES_KEY = "title_pairs"  # meta: the title -> name pairs mined (aliases.Mined.dumps)
COMPACT_DEAD_SHARE = 0.25  # removed passages, as a share of live ones, that compact the index
# Of an answered question, the hits after the first scoring at least this share of its score.
# Measured: no change to ARCD's P@1/R@5/MRR@10 nor to the seeds' answer@1/@3; over the seed
# questions 15 of 163 answers show fewer hits.
ALSO_SHOWN = 0.25
TOLL_CANDIDATES = 40  # passages printing a shown toll's counts read for other outlets telling it
DECIDE_HITS = 3  # top hits the decision weighs (as fitted by benchmarks/fit_decision.py)
# groups cited beyond the k shown, so that a hit left out as another's copy (_cite) leaves
# no gap: -k 3 shows the first three hits -k 10 shows
CITE_SPARE = 2
# A passage that says a question word only in a related word (synonyms.related: a word
# of its class, another derivation) is a candidate at this share of its BM25 score with
# them (`_top`), below one saying the question's own words. Measured (`marsad eval`, the
# decision refitted) at 0 / 0.5 / 0.7 / 1: ARCD train P@1 0.781 / 0.781 / 0.781 / 0.776;
# seeds-questions 0.835 at each; near misses answered (properties, events, roles) 16, 6,
# 21 / 16, 6, 21 / 15, 6, 21 / 17, 8, 22; measure only: seeds-unseen answerable 0.615 /
# 0.631 / 0.646 / 0.654, seeds-blind3 0.674 / 0.674 / 0.689 / 0.689, seeds-aliases
# 0.722 until 0.7, 0.611 at 1.
RELATED_SHARE = 0.7


class Marsad:
    """An open database plus its index. Use `await Marsad.open(path)`."""

    def __init__(self, store: Store, index: BM25Index, terms: list[str],
                 variants: VariantMap | None = None) -> None:
        self.store = store
        self.index = index
        self.terms = terms
        self.variants = variants if variants is not None else VariantMap()
        self.term_grams = TermGrams(terms)  # grouping's trigrams and numbers, kept per term
        self._write_lock = asyncio.Lock()
        self._covers = 0  # highest passage id the index accounts for
        self._unsaved = 0  # index changes since the snapshot was saved
        self._outlets: tuple[float, Outlets] | None = None  # (read at, names): _scope
        self._outlet_passages: dict[tuple[str, ...], np.ndarray] = {}  # _outlet_slots
        self._mined = Mined()  # title -> name pairs of the passages (aliases.py)
        self._titles = AliasTable()  # of those pairs, for the index as it was last asked
        self._titles_of: tuple[int, int] | None = None  # (covers, documents) of _titles
        self._titles_lock = asyncio.Lock()
        self._ids: dict[str, int] = {}  # term -> id found by term_id (checked on use)
        self._ids_size = 0  # the vocabulary size its misses (-1) were found at

    @classmethod
    async def open(cls, db_path: str | Path, *, params: BM25Params | None = None,
                   seeds: Path | None = None) -> Marsad:
        """Open (or create) a database; an empty one is filled from `seeds` when given.

        The index comes from the snapshot saved in the database; passages added since (a
        killed ingest, an older Marsad) are indexed from their stored term ids, and a
        snapshot that no longer matches the passages is rebuilt from them. Nothing is
        re-analysed. The spelling-variant map is read the same way (store.variant_parts),
        its missing terms mapped and saved. Raises StoreError for a damaged file.
        """
        store = await Store.open(db_path)
        try:
            terms = await store.vocabulary()
            parts = await store.variant_parts(len(terms))
            engine = cls(store, BM25Index(params), terms,
                         VariantMap(parts, terms[0] if parts else None))
            await engine._load_index()
            if await corroborate.uncompared(store):  # left by a killed ingest
                # ingest's machinery (workers, parsing) loads only when there is work for it
                from .ingest import corroborate_pending

                await corroborate_pending(engine)
            if await store.meta("details_pending"):  # a database made before them
                from .ingest import fill_details

                await fill_details(engine)
            if await store.meta("analysis_version") != ANALYSIS_VERSION:
                from .ingest import reanalyse  # a database another version of Marsad made

                await reanalyse(engine)
            if (seeds is not None and await store.count_articles() == 0
                    and not await store.ever_held_passages()):  # emptied by remove: stays so
                from .articles import read_articles

                await engine.ingest(read_articles([seeds]))
        except sqlite3.DatabaseError as exc:  # damaged pages found while loading (issue 7)
            await store.close()
            if is_busy(exc):
                raise busy_error(db_path) from None
            raise StoreError(f"{db_path} is damaged, not a usable Marsad database ({exc}); "
                             "restore it from a backup or choose another path with --db"
                             ) from None
        except BaseException:
            await store.close()
            raise
        return engine

    async def _load_index(self) -> None:
        """Install the saved index snapshot and catch it up with the passages stored since;
        a spelling-variant map not stored whole is completed and saved with it."""
        params = self.index.params
        segments, dead, covers = await self.store.load_index(len(self.terms))
        index = BM25Index(params)
        if segments:  # passages deleted since the save are in `dead` (a trigger)
            await asyncio.to_thread(index.add_segments, segments, dead)
        stale = bool(segments) and max(seg.last for seg in segments) > covers
        if stale:  # not a snapshot this code wrote: rebuild from the passages
            index, covers = BM25Index(params), 0
        caught = 0
        while True:
            slots, docs = await self.store.terms_after(covers, LOAD_CHUNK, len(self.terms))
            if not slots:
                break
            await asyncio.to_thread(index.add, slots, docs)
            covers = slots[-1]
            caught += len(slots)
        self.index, self._covers = index, covers
        if caught or stale or len(self.variants) < len(self.terms) or _compaction_due(index):
            self._unsaved = caught + 1
            await self._save_index()

    async def _save_index(self, *, variants: bool = True) -> None:
        """Save the index snapshot and (unless not `variants`) the spelling-variant map of
        the vocabulary, so the next open reads both instead of rebuilding them."""
        if not self._unsaved:
            return
        index = self.index
        if _compaction_due(index):
            await asyncio.to_thread(index.compact)
        live = index.live
        dead = [int(s) for seg in index.segments for s in seg.slots[~live[seg.slots]]]
        if not variants:
            await self.store.save_index(index.segments, dead, self._covers)
        else:  # the map of the new terms is built while SQLite writes the index
            await asyncio.gather(asyncio.to_thread(self.variants.sync, self.terms),
                                 self.store.save_index(index.segments, dead, self._covers))
            await self.store.save_variant_parts(self.variants.parts)  # an open completes
            await self.store.commit()  # a map that a kill left short (_load_index)
        self._unsaved = 0

    @functools.cached_property
    def vocab(self) -> dict[str, int]:
        """Term -> id, for an ingest's many lookups. Built on first use: a restart does not
        wait for it, an answer finds its few terms with `term_id`."""
        return dict(zip(self.terms, range(len(self.terms)), strict=True))

    def term_id(self, term: str) -> int:
        """The id of a vocabulary term (-1: not in it), without building `vocab`: the
        term is among the terms of its skeleton in the variant map."""
        vocab = self.__dict__.get("vocab")
        if vocab is not None:
            return vocab.get(term, -1)
        # Found ids are kept (an answer asks for ~70, mostly the same title and name words
        # again; each search ~13 us): an id is checked against the vocabulary on use (a
        # rolled-back ingest cuts it), a miss holds until the vocabulary grows.
        terms, ids = self.terms, self._ids
        if self._ids_size != len(terms):
            self._ids = ids = {t: i for t, i in ids.items() if i >= 0}
            self._ids_size = len(terms)
        i = ids.get(term)
        if i is not None and (i < 0 or (i < len(terms) and terms[i] == term)):
            return i
        self.variants.sync(terms)
        i = next((i for i in self.variants.spelled_like(term) if terms[i] == term), -1)
        if len(ids) >= TERM_IDS_KEPT:
            ids.clear()
        ids[term] = i
        return i

    def _known_word(self, word: str) -> bool:
        """Is `word`, as typed, a term of the index (read_zero_width_spaces asks)."""
        term = analyze_token(normalize(word))
        return term is not None and self.term_id(term) >= 0

    def _sharing(self, term: str) -> list[int]:
        """Ids of the vocabulary terms sharing a character trigram with `term`."""
        self.variants.sync(self.terms)
        return self.variants.near(term, 0.0)

    async def close(self) -> None:
        await self.store.close()

    async def __aenter__(self) -> Marsad:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- ingest (ingest.py) ---------------------------------------------------------------
    async def ingest(self, items: Iterable[Item],
                     progress: Callable[[int, int], None] | None = None) -> IngestReport:
        """Add articles (Articles, or `articles.read_articles` output to parse); idempotent.
        Errors are reported and skipped, the rest goes in; see ingest.ingest."""
        from . import ingest

        self._outlets, self._outlet_passages = None, {}  # new outlets, passages may come
        report = await ingest.ingest(self, items, progress)
        if report.passages or report.replaced:
            await self._keep_titles()
        return report

    # -- removing -----------------------------------------------------------------------
    async def remove(self, article_ids: Iterable[str] = (), *,
                     outlet: str | None = None) -> RemoveReport:
        """Remove articles by id, and every article of `outlet` (its exact name); idempotent:
        ids not stored are reported as missing. One transaction; their passages leave the
        BM25 index, and the corroboration links that name them go with them (ON DELETE
        CASCADE), so no answer cites them and no `also_reported_by` names them. The saved
        index snapshot follows, so a restart sees the removal too."""
        wanted = list(dict.fromkeys(article_ids))
        self._outlets, self._outlet_passages = None, {}
        async with self._write_lock:
            stored = await self.store.article_hashes(wanted)
            ids = [a for a in wanted if a in stored]
            if outlet is not None:
                ids += [a for a in await self.store.article_ids_of_outlet(outlet)
                        if a not in stored]
            report = RemoveReport(missing=[a for a in wanted if a not in stored])
            if not ids:
                return report
            slots, docs = await self.store.passages_of(ids)
            mined = await self._mined_without(slots)
            try:
                await self.store.delete_articles(ids)
                if mined is not None:
                    await self.store.set_meta(TITLES_KEY, mined.dumps())
                await self.store.commit()
            except BaseException:
                await self.store.rollback()
                raise
            self.index.remove(slots, docs)
            if mined is not None:
                mined.size, self._mined = (self._covers, self.index.n_docs), mined
            self._unsaved += len(slots) + 1
            await self._save_index()
        report.removed, report.passages = ids, len(slots)
        return report

    # -- reading ------------------------------------------------------------------------
    async def sources(self) -> list[SourceInfo]:
        return await self.store.sources()

    async def article(self, article_id: str) -> Article | None:
        return await self.store.article(article_id)

    async def search(self, question: str, k: int) -> list[tuple[StoredPassage, float]]:
        """The k best passages with their BM25 scores, no collapsing or deciding."""
        return await asyncio.to_thread(
            lambda: self._read(self.index.top(self._query_ids(question), k)))

    # -- answering (quality: variants, rerank, decide) ------------------------------------
    async def answer(self, question: str, k: int = 3,
                     timings: dict[str, float] | None = None) -> Answer:
        """Ranked, cited passages for a question, and whether they really answer it.

        The stages, each timed into `timings` (ms per stage name) when given:
        analyse -> retrieve -> rerank -> group -> decide -> cite.
        """
        clock = _Clock(timings)
        question = clean_question(question)  # hostile input: see questions.py (issue 7)
        read = read_zero_width_spaces(question, self._known_word)
        if read != question:  # answered as read, echoed as asked
            answer = await self.answer(read, k, timings)
            answer.question = question
            return answer
        with clock("analyse"):
            language = question_language(question)
            # «ماذا قالت سكاي نيوز عن …»: that outlet's passages only (outlet_scope.py)
            scope = await self._scope(question) or OutletScope(rest=question)
            day = asked_day(scope.rest) if language in ("ar", "und") else None
        if scope.missing and not scope.outlets and day is None and asks_for_nothing(scope.rest):
            # «ماذا قالت الجزيرة؟» of an outlet the coverage lacks: nothing else to search
            return Answer(question, False, [], language=language,
                          outlet_not_covered=scope.missing)
        if day is not None or (scope.outlets and asks_for_nothing(scope.rest)):
            # «ماذا حدث في 13 سبتمبر؟», «ماذا نشرت سكاي نيوز؟»: what was published
            published = await self._published(question, day, scope, k, language)
            if published is not None:
                return published
            if day is not None and day.relative:  # «ماذا حدث اليوم؟»: nothing yet
                return Answer(question, False, [], language=language, outlets=scope.outlets,
                              published_on=day.key())
        theirs = await self._outlet_slots(scope.outlets) if scope.outlets else None
        month = asked_month(scope.rest) if day is None and language in ("ar", "und") else None
        scoped: AskedMonth | None = None  # the month whose words were taken out of the search
        if month is not None:
            # «كسلا في أغسطس 2024»: that month's articles and those telling of it (an
            # April article on March's inflation), its words not searched; none, the
            # month may be the subject («ثورة يوليو 1952»): asked as written
            years = [] if month.year is not None else await self.store.article_years()
            dated = np.array(sorted(await self.store.passage_ids_of_months(
                month.months(years)) | await asyncio.to_thread(self._naming, month)),
                dtype=np.int64)
            if dated.size:
                if asks_for_nothing(month.rest):  # «ماذا حدث في يناير 2024؟»
                    published = await self._published(question, month, scope, k, language)
                    if published is not None:
                        return published
                theirs = dated if theirs is None else np.intersect1d(theirs, dated)
                scope, scoped = dataclasses.replace(scope, rest=month.rest), month
        # The decision must not depend on how many hits a frontend shows (-k 1 in a script,
        # 3 in the console, 5 inline, 9 in a chat): candidates, grouping and the decision
        # are the same for every k up to RERANK_DEPTH - 8; only the hits cited are cut to k.
        # The stages run in one worker thread, which reads the store itself: one hand-off
        # per answer (each costs 50-120 us).
        await self._follow_titles()
        # an agency the coverage holds no article of («ماذا قالت الأناضول عن …»): its copy
        # may rank below k hits of other outlets; agency_first looks as deep as any k gets
        depth = max(k, RERANK_DEPTH - 8) if scope.missing and agency_named(scope.missing) else k
        found, groups = await asyncio.to_thread(
            self._answer_found, question, scope, depth, clock, theirs, language, scoped)
        named = agency_named(scope.missing) if scope.missing else None
        if named and not any(named in h.agencies for h in found.hits) and all(
                self.term_id(t) >= 0 for t in analyze(scope.missing or "")):
            # ... and when none of its hits is that agency's copy, its name is searched too
            # where the coverage writes it: a passage credits it in its text («بحسب ما
            # أوردته وكالة «تاس» الروسية»), and without its name the rest («ماذا نقلت … عن
            # بوتين بشأن كيم») reaches that passage below any k's depth. (Not first: the
            # name searched favours a passage saying it over the copy that answers)
            found, groups = await asyncio.to_thread(
                self._answer_found, question,
                dataclasses.replace(scope, rest=f"{scope.rest} {scope.missing}"), depth,
                clock, theirs, language, scoped)
        found = dataclasses.replace(found, hits=found.hits[:k])
        agency = _agency_outlet(scope.outlets) if month is None else None
        if agency is not None and not found.answered and found.searchable:
            # «ماذا قالت رويترز عن درنة؟» where Reuters is an outlet of the coverage and
            # other outlets carry its copy: the agency's own articles do not answer, its
            # copy does (as for an agency the coverage holds no article of: agency_first)
            # (its copy may rank below k hits of other outlets: up to the depth any k gets)
            wider, wider_groups = await asyncio.to_thread(
                self._answer_found, question, dataclasses.replace(scope, outlets=(),
                                                                  missing=agency),
                max(k, RERANK_DEPTH - 8), clock, None, language)
            copies = [h for h in wider.hits
                      if agency in h.agencies or agency_named(h.source or "") == agency][:k]
            if wider.answered and copies and copies[0] is wider.hits[0]:
                found, groups = dataclasses.replace(wider, outlets=scope.outlets, hits=[
                    dataclasses.replace(h, rank=rank) for rank, h in enumerate(copies, 1)]
                ), wider_groups
        return dataclasses.replace(found, hits=_disagreements(found.hits, groups))

    def _answer_found(self, question: str, scope: OutletScope, k: int, clock: _Clock,
                      theirs: np.ndarray | None, language: str,
                      month: AskedMonth | None = None
                      ) -> tuple[Answer, list[grouping.Group]]:
        """`answer`'s stages from the question analysed to the hits cited, in the calling
        (worker) thread, and the statements grouped (for `_disagreements`, once the hits
        are final); `theirs`: the sorted passage slots of the outlets it names; `month`:
        the month the question was scoped to, its words taken out of `scope.rest` (the
        rerank reads it: rerank.Weights.month)."""
        asked, top = self._analyse_top(scope.rest, k + 8, clock, theirs)
        if asked is not None:
            asked.month = month
        named = {"outlets": scope.outlets, "outlet_not_covered": scope.missing}
        if asked is None:
            return Answer(question, False, [], searchable=False, language=language,
                          **named), []
        with clock("retrieve"):
            found = self._read(top)
            if theirs is not None and self._widen_title_only(asked.query, found):
                found = self._read(self._top_of(asked.query, max(k + 8, RERANK_DEPTH), theirs))
                # the synonyms found count as the word's spellings for the decision and the
                # outlet guard too: the outlet's own headline says the word
                asked.aliases = self._aliases(asked.terms, asked.query)
        agency = agency_named(scope.missing) if scope.missing else None
        groups, chosen, copies, confidence, signals, lead = self._judge(
            asked.text, asked, found, k, clock, agency)
        answered = (language in ("ar", "und") and bool(groups)
                    and confidence >= decide.THRESHOLD)
        if not answered and language == "und" and any(
                not asked.known.get(w, True) for w in unnamed_words(question)):
            # «putin gifts», «Poutine cadeaux»: another language's words, not names
            language = unnamed_language(question)
        asked_for = {t: w for t, w in asked.weights.items() if t not in LIGHT}

        def held(text: str) -> float:
            """The share of what is asked `text` holds (decide.coverage)."""
            return decide.coverage(text, asked_for, asked.aliases)

        if answered and scope.outlets:
            # One outlet's passages: the decision compares the best hit with the whole
            # coverage's candidates (BM25 against the best, the gap to the next); among one
            # outlet's, its best may be far off the question. Its text must hold more than
            # half of what is asked (not its article's title alone: «ماذا قالت صحيفة
            # الاتحاد عن هدايا بوتين؟» of a passage on Putin), in any form of its words
            # or another word of their class (decide.outlet_coverage)
            answered = decide.outlet_coverage(lead.text, asked_for, asked.aliases,
                                              asked.text) > decide.ANSWER_COVERAGE
        if answered and signals[decide.SIGNALS.index("year_unsaid")]:
            # a year asked that neither the passage nor its article's date carries: the
            # passage tells of another year («لماذا زار الرئيس التونسي الجزائر عام 2019؟»
            # over his visit «الأولى منذ عام 2019», every other word held). The signal's
            # fitted weight alone did not outweigh a full match; declining on it changed no
            # dev set's answerable question (newsroom10: one near miss more declined)
            answered = False
        if answered and signals[decide.SIGNALS.index("event_unknown")] \
                and decide.headline(asked.text):
            # a headline query whose first word, the event, the coverage never uses in any
            # spelling, form, word of its class or near typo: the passage holding its other
            # words tells something else of them («إقالة وزير الزراعة التونسي» over his
            # arrival). A question's event the coverage never uses may be a paraphrase of
            # one it tells («منذ متى تمدّ بيونغيانغ موسكو …» / «تزود»): left to the weight
            answered = False
        if answered and signals[decide.SIGNALS.index("actor_otherwise")] \
                and decide.unknown_actor(asked.text, asked.known):
            # the one asked to have acted is a name the coverage never writes, and the
            # passage tells the action of another: it cannot say what that person did
            answered = False
        if answered and (thing := priced(asked.text)):
            # a price, a cost or a sum asked is answered only by an amount of that thing:
            # «ما سعر الذهب في مصر؟» over a central bank's rates (every other word held,
            # figures of the rates there) is not. The thing's spellings count, not the
            # words of its class (الذهب, the metal, is no ذهب, went: وصل)
            spelt = {t: frozenset(asked.aliases.get(t, ())) - synonyms(t) - related(t)
                     for t in thing}
            answered = amount_given(lead.text, thing, spelt, lead.title or "")
        if answered and chosen:
            # an answer's further hits are passages on it, not whatever else shared a word
            # (newcomer pass: a book fair's «زيارة» at 0.39 under the Kremlin's at 4.89)
            top = chosen[0][0].score_of(chosen[0][1])
            chosen = [c for i, c in enumerate(chosen)  # (the hit shown first, though later)
                      if i == 0 or c[1] is lead or c[0].score_of(c[1]) >= ALSO_SHOWN * top]
        with clock("cite"):
            hits = self._cite(chosen, copies, self._toll_carriers(chosen, asked.terms),
                              asked.aliases, agency)[:k]
        answer = Answer(question, answered, hits, language=language, confidence=confidence,
                        signals=tuple(signals.tolist()), **named)
        if scope.missing is not None:
            # «ماذا قالت رويترز عن …» over an outlet's Reuters copy: the agency's hits come
            # first when they hold at least half of what the best hit holds of the question;
            # one that does not (a book fair's minister under «وزير النقل») keeps its place
            best = max((held(h.text) for h in hits), default=0.0)
            answer = agency_first(answer, scope.missing,
                                  lambda text: held(text) >= decide.ANSWER_COVERAGE * best)
        return answer, groups

    def _naming(self, month: AskedMonth) -> set[int]:
        """Ids of the passages of the articles that tell of `month` in their text
        (`names_month`), whatever their date («وعزت الدائرة الارتفاع إلى …» follows «ارتفع
        التضخم إلى 1.9% في سبتمبر»), but those telling of that month of another year;
        read in the calling (worker) thread."""
        ids = [i for w in month_words(month) for t in analyze(w) if (i := self.term_id(t)) >= 0]
        # ... those also holding a word of the rest of the question: every passage naming
        # a month took 140 ms a month question to read at 100k
        rest = [i for t in analyze(month.rest) if (i := self.term_id(t)) >= 0]
        if not ids or not rest:
            return set()
        slots = np.intersect1d(self.index.scores(ids)[0], self.index.scores(rest)[0]).tolist()
        articles: set[str] = set()
        other_years: set[int] = set()  # passages on that month of another year
        for start in range(0, len(slots), NAMING_CHUNK):
            for p in self.store.passages(slots[start:start + NAMING_CHUNK]).values():
                named = names_month(p.text, p.date, month)
                if named:
                    articles.add(p.article_id)
                elif named is False:
                    other_years.add(p.id)
        return self.store.passage_ids_of_articles(sorted(articles)) - other_years

    async def _published(self, question: str, day: AskedDay | AskedMonth | None,
                         scope: OutletScope,
                         k: int, language: str) -> Answer | None:
        """The opening passage (headings and captions aside) of each article published on
        `day` or the day after (any day of a month asked), by date, the outlets taken in
        turn; of `scope`'s outlets only when it names some, and with no day their latest
        articles. None when there is none (the question is then answered as any other: its
        day may be the subject, «11 سبتمبر 2001»)."""
        days = None
        if day is not None:
            years = [] if day.year is not None else await self.store.article_years()
            days = [d.isoformat() for d in day.days(years)]
        rows = await self.store.opening_passages(days, k, scope.outlets)
        openings: dict[str, StoredPassage] = {}
        for p in rows:
            if p.article_id not in openings or (
                    is_furniture(openings[p.article_id].text) and not is_furniture(p.text)):
                openings[p.article_id] = p
        if not openings:
            return None
        hits = (await asyncio.to_thread(self._openings_cited, list(openings.values())))[:k]
        return Answer(question, True, hits, language=language, confidence=1.0,
                      outlets=scope.outlets, outlet_not_covered=scope.missing,
                      published_on=day.key() if day is not None else None,
                      latest=day is None)

    def _openings_cited(self, openings: list[StoredPassage]) -> list[Hit]:
        """Articles' openings (`_published`) as hits, cited as an answer's are: one hit per
        statement (two outlets' same wire opening is one hit crediting both:
        grouping.group_duplicates), with the agencies it came from (its dateline's, its
        text's and its copies')."""
        groups = grouping.group_duplicates([(p, 0.0) for p in openings], len(openings),
                                           self.index, self.terms, grams=self.term_grams)
        hits = []
        for rank, group in enumerate(groups, 1):
            shown = group.members[0][0]
            carried: dict[str, list[str]] = {}
            for p in [*(p for p, _ in group.members), *group.credited]:
                carried.setdefault(p.article_id, []).extend(credited_agencies(p))
            also, own = _credit_agencies(
                shown, [Citation(c.article_id, c.source, c.date) for c in group.credited
                        if c.article_id != shown.article_id], carried)
            agencies = [a for p, _ in group.members for a in credited_agencies(p)]
            hits.append(Hit(rank=rank, score=0.0, text=shown.text,
                            article_id=shown.article_id, title=shown.title,
                            source=shown.source, date=shown.date, url=shown.url, sentence="",
                            passage_id=shown.id, also_reported_by=also,
                            agencies=list(dict.fromkeys(agencies)), source_agencies=own))
        return hits

    async def _scope(self, question: str) -> OutletScope | None:
        """The outlets the question names, among those stored."""
        return find_scope(question, await self._outlet_names())

    async def _outlet_names(self) -> Outlets:
        """The stored outlets' names, read at most every OUTLETS_TTL seconds (another
        process may ingest), and after every ingest or removal here."""
        now = time.monotonic()
        if self._outlets is None or now - self._outlets[0] > OUTLETS_TTL:
            self._outlets = (now, Outlets(await self.store.outlet_names()))
            self._outlet_passages = {}
        return self._outlets[1]

    def _analyse_top(self, question: str, k: int, clock: _Clock,
                     theirs: np.ndarray | None = None
                     ) -> tuple[_Asked | None, list[tuple[int, float]]]:
        """Stages 1 and 2's BM25 part: the question analysed and its top max(k,
        RERANK_DEPTH) passage slots with their BM25 scores (of the passages `theirs` only,
        when given: a question naming outlets)."""
        with clock("analyse"):
            asked = self._analyse(question)
        if asked is None:
            return None, []
        with clock("retrieve"):
            depth = max(k, RERANK_DEPTH)
            if theirs is not None:
                return asked, self._top_of(asked.query, depth, theirs)
            return asked, self._top(asked.query, depth)

    def _judge(self, question: str, asked: _Asked, found: list[tuple[StoredPassage, float]],
               k: int, clock: _Clock, agency: str | None = None
               ) -> tuple[list[grouping.Group], list[_Chosen], _Copies, float, np.ndarray,
                          StoredPassage | None]:
        """Stages 3-5 and the first part of 6: the candidates reranked, grouped into
        statements, the decision's signals and probability, the k hits' best instances
        and sentences (of a statement an asked `agency`'s copy carries, that copy), who
        carried them (read once: `_lead` and `_cite` both credit them), and the passage
        shown first, the one the decision read (`_lead`; None: no hit)."""
        wanted = max(k, DECIDE_HITS) + CITE_SPARE
        ordered: dict[int, float] = {}  # passage id -> what the ordering cues added to its score
        with clock("rerank"):  # the text cues read only where they can reach the groups
            ranked, settled = self._rerank_best(question, asked, found,
                                                wanted + grouping.LEAD_SPARE, ordered)
        with clock("group"):
            groups = grouping.group_duplicates(ranked, wanted, self.index, self.terms,
                                               asked.query.groups_by_term(), self.term_grams,
                                               asked.terms)
        if not grouping.settled_by(groups, ranked, settled):
            with clock("rerank"):  # a group reached past the settled: every score read
                ranked = self._rerank_best(question, asked, found, None, ordered)[0]
            with clock("group"):
                groups = grouping.group_duplicates(ranked, wanted, self.index, self.terms,
                                                   asked.query.groups_by_term(),
                                                   self.term_grams, asked.terms)
        with clock("decide"):
            # the hits (the decision's at least): a later one may carry the first whole and
            # be shown in its place (`_lead`), the passage the decision reads
            chosen = _choose(groups[:wanted], asked.weights, asked.aliases, agency)
            copies = self._copies(chosen)
            shown = [(best, g.score_of(best)) for g in groups[:DECIDE_HITS]
                     for best in (grouping.best_instance(g),)]
            bm25 = {p.id: score for p, score in found}
            earned = bm25[shown[0][0].id] if shown else 0.0
            if shown:  # the passage the reader is shown first, read at the rank (fused and
                # BM25 scores, the ordering cues in them) its statement earned
                first = shown[0][0]
                shown[0] = (self._lead(chosen[:DECIDE_HITS], copies, asked.aliases, agency),
                            shown[0][1])
                ordered = {**ordered, shown[0][0].id: ordered.get(first.id, 0.0)}
            signals = decide.signals(shown, earned,
                                     asked.weights, asked.aliases, asked.known,
                                     asked.shapes, self.terms, asked.kind,
                                     [p for p, _ in found[:RERANK_DEPTH]], asked.text,
                                     asked.named, term_id=self.term_id,
                                     sharing=self._sharing, ordered=ordered)
            confidence = decide.probability(signals) if shown else 0.0
        return groups, chosen, copies, confidence, signals, shown[0][0] if shown else None

    def _lead(self, chosen: list[_Chosen], copies: _Copies,
              aliases: Mapping[str, frozenset[str]], agency: str | None) -> StoredPassage:
        """The passage `_cite` shows first: the first group's best instance, or a later hit
        of the decision's that carries it whole and says more (an outlet's «وأضاف كيم: …
        سنخوض المعركة …» over another's bare «سنخوض المعركة …»), or an asked agency's copy.
        The decision reads it: what the reader is shown must be what was judged to answer
        (the bare copy lacks the speaker and the detail the shown one carries)."""
        lead = self._cite(chosen, copies, None, aliases, agency)
        by_id = {best.id: best for _, best, _, _ in chosen}
        return by_id.get(lead[0].passage_id, chosen[0][1]) if lead else chosen[0][1]

    async def ranked(self, question: str, k: int) -> list[tuple[StoredPassage, float]]:
        """The k best passages as `answer` ranks them (variants, rerank), uncollapsed."""
        await self._follow_titles()
        asked = await asyncio.to_thread(self._analyse, clean_question(question))
        if asked is None:
            return []
        found = await self._retrieve(asked, k)
        ranked = await asyncio.to_thread(self._rerank, asked.text, asked, found)
        return ranked[:k]

    def _analyse(self, question: str) -> _Asked | None:
        """Stage 1: the question in MSA (dialect words rewritten: dialects.py), its terms,
        their spellings in the corpus and their weights (None: nothing in it to search for)."""
        text = reframed(to_msa(bounded(question), lambda term: self.term_id(term) >= 0))
        terms = question_terms(text)
        if not terms:
            return None
        shapes = word_shapes(text)
        query = self._query(terms, {normalize(w) for w in unnamed_words(question)}, shapes)
        weights = self._weights(terms, query)  # a title weighs as itself, not as its name
        self._named_by_title(query, text)
        # ... but a word standing for a person the coverage names («الرجلان»، «الطرفان»،
        # «سيد الكرملين»: aliases.py) is known: it is the names the coverage uses, not a
        # word of a subject it never covers
        known = {t: bool(g) for t, g in zip(terms, query.groups_by_term(), strict=True)}
        named = {terms[p]: frozenset(self.terms[i] for i in ids)
                 for p, ids in query.named.items()}
        return _Asked(text, terms, query, weights, self._aliases(terms, query), known,
                      shapes, decision_type(text), named)

    def _named_by_title(self, query: _Query, text: str) -> None:
        """The question's titles and epithets searched as the names they stand for in the
        coverage too (aliases.py: «الرئيس الروسي» -> بوتين): the name joins the unit of
        each of the title's words as another spelling of it (a passage naming the person
        holds the title; one holding both counts once), so every word of the title counts
        as held by a passage naming the person (rerank, grouping, the decision:
        `_Query.named`)."""
        for span, names in self._titles.expand(query.terms, tokenize(normalize(text))):
            group = [i for t in names for i in self.variants.group(t, self.term_id(t))]
            if not group:
                continue
            for unit, positions in query.units:
                if not set(positions).isdisjoint(span):
                    unit[:] = list(dict.fromkeys([*unit, *group]))
            for p in span:
                query.named.setdefault(p, []).extend(group)

    async def _follow_titles(self) -> None:
        """Bring the title -> name pairs (aliases.Mined) up to the indexed passages, in
        memory: read from the database (meta TITLES_KEY, kept by ingest and remove), and
        the passages indexed since mined; after a removal not accounted for, all of them.
        Answering never writes to the database."""
        if self._titles_of == (self._covers, self.index.n_docs):
            return
        async with self._titles_lock:  # questions asked at once mine once
            size = await self._follow_mined()
            if self._titles_of != size:
                self._titles = await asyncio.to_thread(AliasTable.of, self._mined.pairs)
                self._titles_of = size

    async def _follow_mined(self) -> tuple[int, int]:
        """Bring the title -> name pairs (not their table) up to the indexed passages, as
        `_follow_titles` does; the caller holds `_titles_lock`. Returns the index size
        (covers, documents) they stand for."""
        size = (self._covers, self.index.n_docs)
        if self._mined.size is None:  # first question (or ingest) of this process
            self._mined = Mined.loads(await self.store.meta(TITLES_KEY))
        if self._mined.size != size:
            self._mined = await self._mine(self._mined)
        return size

    def _count_titles(self, before: tuple[int, int],
                      found: Iterable[Sequence[tuple[Terms, Terms]]]) -> None:
        """Count in the pairs `found` (aliases.mine of each passage just indexed that holds
        a head term: aliases.HEAD_TERMS, mined by the ingest worker), when the pairs stood
        for the index as it was `before` them and no question is mining now; otherwise the
        next `_follow_titles` mines those passages itself."""
        mined = self._mined
        if mined.size != before or self._titles_lock.locked():
            return
        for pairs in found:
            if pairs:
                mined.pairs.update(pairs)
        mined.upto, mined.docs = self._covers, self.index.n_docs
        mined.size = (mined.upto, mined.docs)

    async def _mine(self, mined: Mined) -> Mined:
        """`mined` with the passages indexed past it mined too (only those holding a title's
        head word: aliases.HEADS), or, if passages it counted were removed since, a new
        Mined of every passage."""
        covers, live = self._covers, self.index.live
        added = int(np.count_nonzero(live[mined.upto + 1:covers + 1]))
        if mined.upto > covers or mined.docs + added != self.index.n_docs:
            mined = Mined()
        heads = [i for t in aliases.HEAD_TERMS if (i := self.term_id(t)) >= 0]
        slots = self.index.scores(heads)[0] if heads else np.zeros(0, np.int64)
        slots = slots[(slots > mined.upto) & (slots <= covers)].tolist()
        for start in range(0, len(slots), LOAD_CHUNK):
            rows = await self.store.passage_texts(slots[start:start + LOAD_CHUNK])
            await asyncio.to_thread(mined.add, rows)
        mined.upto, mined.docs = covers, self.index.n_docs
        mined.size = (covers, mined.docs)
        return mined

    async def _keep_titles(self) -> None:
        """After an ingest: the pairs brought up to it and kept in the database, so that a
        new process reads them instead of mining the corpus. A cache: a failure to write
        it loses nothing."""
        async with self._titles_lock:  # the table itself waits for the next question
            await self._follow_mined()
        async with self._write_lock:
            try:
                await self.store.set_meta(TITLES_KEY, self._mined.dumps())
                await self.store.commit()
            except sqlite3.Error:
                await self.store.rollback()

    async def _mined_without(self, slots: list[int]) -> Mined | None:
        """The pairs up to date without the passages `slots` (about to be removed), their
        own pairs taken out; None when the pairs are not up to date (mined afresh later)."""
        await self._follow_titles()
        if not slots or self._mined.size != (self._covers, self.index.n_docs):
            return None
        rows = await self.store.passage_texts(slots)
        mined = self._mined.copy()
        await asyncio.to_thread(mined.add, rows, -1)
        mined.docs -= len(slots)
        return mined

    async def _retrieve(self, asked: _Asked, k: int, outlets: tuple[str, ...] = ()
                        ) -> list[tuple[StoredPassage, float]]:
        """Stage 2: BM25 top candidates (each unit's spellings one synonym group), read
        with their stored term ids in one query; `outlets`: only those outlets' passages."""
        depth = max(k, RERANK_DEPTH)
        theirs = await self._outlet_slots(outlets) if outlets else None
        return await asyncio.to_thread(lambda: self._read(
            self._top(asked.query, depth) if theirs is None
            else self._top_of(asked.query, depth, theirs)))

    def _read(self, top: list[tuple[int, float]]) -> list[tuple[StoredPassage, float]]:
        """The passages of BM25 (slot, score) pairs with their stored term ids, in one
        query, in that order (read in the calling thread: Store.fetch)."""
        rows = self.store.passages([slot for slot, _ in top])
        size = len(self.terms)
        every = np.concatenate([row.terms for row in rows.values()] or [np.zeros(0, np.int32)])
        if len(every) and (int(every.min()) < 0 or int(every.max()) >= size):
            for row in rows.values():  # term ids read back must be the vocabulary's
                if len(row.terms) and (int(row.terms.min()) < 0
                                       or int(row.terms.max()) >= size):
                    raise sqlite3.DatabaseError(f"damaged terms of passage {row.id}")
        for row in rows.values():  # their sentences are analysed from what was stored
            note_forms(row.text, row.words, row.terms, self.terms)
        return [(rows[s], score) for s, score in top if s in rows]

    def _rerank(self, question: str, asked: _Asked, found: list[tuple[StoredPassage, float]]
                ) -> list[tuple[StoredPassage, float]]:
        """Stage 3: the candidates reranked (rerank.py) from their stored term ids."""
        return self._rerank_best(question, asked, found, None)[0]

    def _rerank_best(self, question: str, asked: _Asked,
                     found: list[tuple[StoredPassage, float]], exact: int | None,
                     ordered: dict[int, float] | None = None
                     ) -> tuple[list[tuple[StoredPassage, float]], int]:
        """`_rerank`, and how many of its first entries are settled: all of them when
        `exact` is None, else at least `exact` (or all), the rest carrying upper bounds
        of their scores in no particular order (rerank.rerank_best). `ordered`, when
        given, is filled with what the cues that only order the passages (count, month)
        added to each passage's score, by passage id (the decision reads the score
        without them)."""
        # the names it asks by a title, in any of their spellings («جونج» as «جونغ»): a
        # title word's names (asked.named) are no spellings of it
        spelled = [s for t in asked.terms if t not in asked.named
                   for s in sorted(asked.aliases.get(t, ()))]
        titles = self._titles.titles_of([*asked.terms, *spelled])
        found = self._with_names(found, titles)
        furniture = [is_furniture(p.text) if p.furniture is None else p.furniture
                     for p, _ in found]  # kinds.py; stored at ingest
        candidates = [Candidate(p.title, p.text, s, p.terms, stored_title_terms(p), f, p.words)
                      for (p, s), f in zip(found, furniture, strict=True)]
        context: dict[str, Any] = dict(
            index=self.index, vmap=self.variants, vocab=_TermIds(self), idf=asked.weights,
            aliases=asked.aliases, named=asked.named,
            titles=titles, month=asked.month)
        added = np.zeros(len(candidates))
        if exact is None:
            order, settled = rerank(question, candidates, ordered=added, **context), \
                len(candidates)
        else:
            order, settled = rerank_best(question, candidates, exact, ordered=added, **context)
        if ordered is not None:
            ordered.update((p.id, float(a)) for (p, _), a in zip(found, added, strict=True))
        # page furniture (a heading, caption, pull quote) is shown only when no body
        # passage matches at all, never to fill the hits beside one
        body = [(found[i][0], score) for i, score in order if not furniture[i]]
        if not body:
            return [(found[i][0], score) for i, score in order], settled
        return body, sum(not furniture[i] for i, _ in order[:settled])

    def _with_names(self, found: list[tuple[StoredPassage, float]],
                    titles: list[tuple[Terms, Terms]]
                    ) -> list[tuple[StoredPassage, float]]:
        """The candidates that give a name the question asks by one of its titles instead
        («الرئيس الروسي» for بوتين: aliases.AliasTable.titles_of) carry the name's terms
        too, for the rerank, the grouping and the decision (not in the index: BM25 found
        them by the question's other words). `titles`: (title, the name's words asked)
        pairs of the question (aliases.AliasTable.titles_of)."""
        wanted = []
        for title, said in titles:
            title_ids = [self.term_id(t) for t in title]
            if min(title_ids) >= 0:
                wanted.append((title_ids, [i for t in said if (i := self.term_id(t)) >= 0]))
        if not wanted:
            return found
        out = []
        for p, score in found:
            have = set(p.terms.tolist())  # one set per passage, not np.isin per pair
            extra = {i for title_ids, name_ids in wanted if name_ids
                     and have.issuperset(title_ids) and have.isdisjoint(name_ids)
                     for i in name_ids}
            if extra:
                p = dataclasses.replace(p, terms=np.concatenate(
                    [p.terms, np.array(sorted(extra), p.terms.dtype)]))
            out.append((p, score))
        return out

    def _query(self, terms: list[str], common: Collection[str] = (),
               shapes: Mapping[str, str] | None = None) -> _Query:
        """The question's terms as units of their corpus spellings (variants.expand;
        `shapes`: its words' shapes, questions.word_shapes, for reading a short word the
        corpus lacks as a typo of one it has)."""
        vmap = self.variants
        vmap.sync(self.terms)
        ids = [self.term_id(t) for t in terms]
        return _Query(terms, ids, vmap.expand(terms, ids, self.index.idf, self._synonym_ids,
                                              common, shapes))

    def _widen_title_only(self, query: _Query, found: list[tuple[StoredPassage, float]]
                          ) -> bool:
        """Among one outlet's passages (a question naming it), a question word that only
        their titles hold picks none of them (every passage of an article carries its
        title): it is searched as its synonym class too, as a word the corpus lacks is
        («ماذا قالت سكاي نيوز عن الهدايا؟»: the headline says الهدايا, the passage أهدى).
        True when a unit was widened."""
        if not found:
            return False
        said = set(np.concatenate([p.terms[p.title_terms or 0:] for p, _ in found]).tolist())
        titled = set(np.concatenate([p.terms[:p.title_terms or 0] for p, _ in found]).tolist())
        widened = False
        for unit, positions in query.units:
            if said.isdisjoint(unit) and not titled.isdisjoint(unit):
                more = [i for p in positions for i in self._synonym_ids(query.terms[p])
                        if i not in unit]
                if more:
                    unit.extend(dict.fromkeys(more))
                    widened = True
        return widened

    def _synonym_ids(self, term: str) -> list[int]:
        """The vocabulary ids of the words of `term`'s class and derivations (synonyms.py
        `related`), for a question word the corpus has in no form: a word it never uses is
        often another word or form of one it does (مباحثات / محادثات, يتبادل / تبادل)."""
        return sorted(i for word in related(term) if (i := self.term_id(word)) >= 0)

    def _top_of(self, query: _Query, k: int, theirs: np.ndarray) -> list[tuple[int, float]]:
        """The k best of the passages `theirs` (sorted slots): the overall top, deepened
        eightfold until it holds k of theirs or every candidate."""
        depth = k * 8
        while True:
            ranked = self._top(query, depth)
            slots = np.fromiter((slot for slot, _ in ranked), np.int64, len(ranked))
            keep = np.flatnonzero(np.isin(slots, theirs, assume_unique=True))
            if len(keep) >= k or len(ranked) < depth:
                return [ranked[i] for i in keep[:k]]
            depth *= 8

    async def _outlet_slots(self, outlets: tuple[str, ...]) -> np.ndarray:
        """The sorted passage slots of `outlets`, kept with the outlet names (OUTLETS_TTL,
        and until the next ingest or removal here)."""
        cached = self._outlet_passages.get(outlets)
        if cached is None:
            cached = np.array(sorted(await self.store.passage_ids_of_outlets(outlets)),
                              dtype=np.int64)
            self._outlet_passages[outlets] = cached
        return cached

    def _top(self, query: _Query, k: int) -> list[tuple[int, float]]:
        """BM25 with each query unit's spellings as one synonym group (max over them).

        A unit of one known spelling is scored exactly as the plain query would be. When
        the vocabulary holds words related to the question's (`_widened`), the k best
        passages found with them join the k best without, at RELATED_SHARE of that score
        (a passage's better score kept; up to 2k candidates): «ما الذي يحتاجه الكرملين؟»
        reaches «تريد تأمين المزيد من الذخيرة». Cut to k, the merged list lost plain
        candidates to related ones («ماذا قال كيم عن روسيا؟»: «وأضاف كيم: العلاقة مع روسيا
        …» pushed out by passages holding أعلن، أكد): seeds-questions 0.831, 0.835 kept
        whole."""
        single = [g[0] for g, _ in query.units if len(g) == 1]
        groups = [g for g, _ in query.units if len(g) > 1]
        top = self.index.top_groups(single, groups, k)
        widened = self._widened(query) if RELATED_SHARE > 0 else None
        if widened is None:
            return top
        scores = dict(top)
        for slot, score in self.index.top_groups([], widened, k):
            scores[slot] = max(scores.get(slot, 0.0), RELATED_SHARE * score)
        return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))

    def _widened(self, query: _Query) -> list[list[int]] | None:
        """The query's units with the vocabulary words related to their terms
        (synonyms.related: a word of its class, a derivation) added; None when no unit
        gains one."""
        out, gained = [], False
        for group, positions in query.units:
            more = [i for p in positions for i in self._synonym_ids(query.terms[p])
                    if i not in group]
            gained = gained or bool(more)
            out.append(list(dict.fromkeys([*group, *more])))
        return out if gained else None

    def _query_ids(self, question: str) -> list[int]:
        return [self.term_id(t) for t in analyze(question)]

    def _weights(self, terms: list[str], query: _Query | list[int]) -> dict[str, float]:
        """Each distinct query word's idf; a word the corpus never uses weighs the most.

        A word the corpus only spells otherwise, or only has in a near form (most trigrams
        shared), weighs as its best-known spelling or form."""
        unknown = self.index.max_idf()
        groups = query.groups_by_term() if isinstance(query, _Query) else [
            [q] if q >= 0 else [] for q in query]
        out: dict[str, float] = {}
        for t, group in zip(terms, groups, strict=True):
            known = [v for v in (self.index.idf(q) for q in group) if v > 0]
            if not known and isinstance(query, _Query):  # only another form of it (decide.py)
                known = [v for v in (self.index.idf(q) for q in self.variants.near(t)) if v > 0]
            out[t] = max(known) if known else unknown
        return out

    def _aliases(self, terms: list[str], query: _Query) -> dict[str, frozenset[str]]:
        """Each query word's spellings in the corpus, for finding its best sentence."""
        return {t: frozenset(self.terms[i] for i in group) or frozenset({t})
                for t, group in zip(terms, query.groups_by_term(), strict=True)}

    def _idf_of(self, term: str) -> float:
        """A term's idf in the index, 0 for one the corpus never uses."""
        i = self.term_id(term)
        return max(self.index.idf(i), 0.0) if i >= 0 else 0.0

    def _toll_carriers(self, chosen: list[_Chosen], question_terms: Sequence[str]
                       ) -> dict[int, list[StoredPassage]]:
        """Shown passage id -> the passages of other outlets stating its toll of the same
        event (grouping.toll_credits), found by the toll's counts among up to
        TOLL_CANDIDATES passages printing them: for a question asking a toll only."""
        if not any(map(asks_toll, question_terms)):
            return {}
        out: dict[int, list[StoredPassage]] = {}
        for group, best, _, _ in chosen:
            counts = [i for c in sorted({c for _, c in toll(best.text)})
                      if (i := self.term_id(str(c))) >= 0]
            if not counts:
                continue
            found = self._read(self.index.top_groups([], [counts], TOLL_CANDIDATES))
            out[best.id] = grouping.toll_credits(
                best, [p for p, _ in found], self.terms,
                self._idf_of, analyze, group.credited)
        return out

    def _copies(self, chosen: list[_Chosen]) -> _Copies:
        """Who carried the `chosen` hits' best sentences (the links found at ingest, in one
        query) and the agencies each of those copies came from (one more)."""
        linked = corroborate.carriers(
            self.store, [(best.id, o) for _, best, _, o in chosen if o is not None])
        return _Copies(linked, self._linked_agencies(
            {c.passage for cs in linked.values() for c in cs}))

    def _cite(self, chosen: list[_Chosen], copies: _Copies,
              tolled: dict[int, list[StoredPassage]] | None = None,
              aliases: Mapping[str, frozenset[str]] | None = None,
              agency: str | None = None) -> list[Hit]:
        """Stage 6: each group's best instance as a hit, with its best sentence (`_choose`),
        crediting every other outlet that carried it (the links found at ingest, read in
        `copies`, the group's members, and `tolled`: passages stating its toll). A later
        hit an earlier one's links credit, and which it carries whole
        (grouping.carries_linked; `aliases`: the question's words), is not shown twice; nor
        is an earlier hit a later one of the first DECIDE_HITS carries whole: the later one,
        saying more, takes its place and credits its outlet (containment is checked both
        ways, issue 12; within the hits every k cites, so -k 1 and -k 10 lead alike). An
        asked `agency`'s copy takes the place of an earlier hit linked to it that is none
        («ماذا قالت فرانس برس …؟»: Al Jazeera's AFP copy, not Al Arabiya's wording of it)."""
        linked, carried, credited = copies.linked, copies.carried, copies.credited
        hits: list[Hit] = []
        shown: list[tuple[StoredPassage, set[int]]] = []

        def carries(a: StoredPassage, b: StoredPassage) -> bool:
            return grouping.carries_linked(a, b, self.terms, self._idf_of, aliases or {})

        for n, (group, best, sentence, ordinal) in enumerate(chosen):
            ids = {c.passage for c in linked.get((best.id, ordinal), ())}
            if any(best.id in earlier_ids and carries(earlier, best)
                   for earlier, earlier_ids in shown):
                place = None if agency is None or not _carries_agency(best, agency) else next(
                    (i for i, (earlier, earlier_ids) in enumerate(shown)
                     if best.id in earlier_ids and not _carries_agency(earlier, agency)), None)
                if place is None:
                    continue
            else:
                place = None if n >= DECIDE_HITS else next(
                    (i for i, (earlier, _) in enumerate(shown)
                     if earlier.id in ids and carries(best, earlier)), None)
            credits: dict[str, Citation] = {}
            # article id -> the agencies its copy of the statement carried: each agency is
            # credited to the outlet whose copy carried it, not to the hit's outlet
            copied: dict[str, list[str]] = {best.article_id: [*credited(best)]}
            if place is not None:
                earlier = shown[place][0]
                credits[earlier.article_id] = Citation(
                    earlier.article_id, earlier.source, earlier.date)
                copied.setdefault(earlier.article_id, []).extend(hits[place].source_agencies)
                credits.update((c.article_id, c) for c in hits[place].also_reported_by)
                for c in hits[place].also_reported_by:
                    copied.setdefault(c.article_id, []).extend(c.agencies)
            for member in [*group.credited, *(tolled or {}).get(best.id, ())]:
                credits.setdefault(member.article_id,
                                   Citation(member.article_id, member.source, member.date))
                copied.setdefault(member.article_id, []).extend(credited(member))
            for c in linked.get((best.id, ordinal), ()):
                credits.setdefault(c.article_id, Citation(
                    c.article_id, c.source, dt.date.fromisoformat(c.date) if c.date else None))
                copied.setdefault(c.article_id, []).extend(carried.get(c.passage, ()))
            also, own = _credit_agencies(best, credits.values(), copied)
            # the agencies of the shown passage and of its copies (same statement)
            agencies = [*credited(best), *(hits[place].agencies if place is not None else ()),
                        *(a for member in group.credited for a in credited(member)),
                        *(a for c in linked.get((best.id, ordinal), ())
                          for a in carried.get(c.passage, ()))]
            hit = Hit(
                rank=len(hits) + 1, score=group.score_of(best), text=best.text,
                article_id=best.article_id, title=best.title, source=best.source,
                date=best.date, url=best.url, sentence=sentence, passage_id=best.id,
                also_reported_by=also, agencies=list(dict.fromkeys(agencies)),
                source_agencies=own)
            if place is None:
                shown.append((best, ids))
                hits.append(hit)
            else:  # the statement keeps the rank and score it earned
                shown[place] = (best, ids | shown[place][1])
                hits[place] = dataclasses.replace(
                    hit, rank=hits[place].rank, score=hits[place].score)
        return hits

    def _linked_agencies(self, ids: set[int]) -> dict[int, list[str]]:
        """The agencies each of the passages `ids` (a hit's copies linked at ingest, the same
        statement) came from: one statement, one source agency, credited on the hit shown
        whichever copy names it (issue 12). One query, in the calling thread."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.store.fetch(
            "SELECT p.id, p.text, a.source, a.agency FROM passages p "
            f"JOIN articles a ON a.id = p.article_id WHERE p.id IN ({marks})", sorted(ids))
        return {pid: agencies_of(text, source, agency) for pid, text, source, agency in rows}

    # -- coverage: who reported what (coverage.py, feedback.py) ----------------------------
    async def compare(self, topic: str) -> Comparison:
        """Each outlet's most relevant passage on `topic`; outlets with nothing are silent."""
        topic = read_zero_width_spaces(clean_question(topic), self._known_word)
        all_outlets = coverage_views.outlets(await self.store.sources())
        named = (await self._outlet_names()).only_named(topic)
        if named is not None:  # «:compare سكاي نيوز»: an outlet, not a topic
            return Comparison(topic, [], [], searchable=False, outlet=named)
        await self._follow_titles()
        asked = await asyncio.to_thread(self._analyse, bounded(topic))
        if asked is None:
            return Comparison(topic, [], all_outlets, searchable=False)
        found = await self._retrieve(asked, coverage_views.COMPARE_DEPTH)
        ranked = await asyncio.to_thread(self._rerank, bounded(topic), asked, found)
        # an outlet that reported the topic in other words («أهدى» under «الهدايا») is no
        # silent one: each word counts in its synonyms' spellings too, as an outlet's
        # answer widens them (`_widen_title_only`)
        weights = asked.weights
        aliases = {t: spellings | {self.terms[i] for i in self._synonym_ids(t)}
                   for t, spellings in asked.aliases.items()}
        return coverage_views.compare(topic, ranked, all_outlets, weights, aliases,
                                      lambda text: best_sentence(text, weights, aliases))

    async def timeline(self) -> Timeline:
        """The articles in date order; undated ones apart."""
        return coverage_views.timeline(
            await self.store.sources(), await coverage_views.article_agencies(
                self.store, await asyncio.to_thread(self._may_credit)))

    def _may_credit(self) -> list[int]:
        """Ids of the passages that may credit an agency: those holding every term of one
        of its printed forms (`agencies.credit_forms`); for a form that is also a common
        word («الفرنسية», «الألمانية»: it credits only after «وكالة» or in parentheses), those
        holding it beside «وكالة», or holding it at all when few passages do (a body credit
        «… الأسبوع المقبل (واس).»); and a form the index holds no term of («(ومع)»: «مع» is
        a stop word), found in the text. Read from the index's postings, so a timeline of a
        large coverage reads these passages, not every one."""
        agency = [i for t in analyze("وكالة") if (i := self.term_id(t)) >= 0]
        rare = max(MAY_CREDIT_RARE, int(self.index.n_docs * MAY_CREDIT_SHARE))
        found: list[np.ndarray] = []
        unindexed: list[str] = []

        def holding(ids: list[int]) -> np.ndarray:
            held = self.index.scores([ids[0]])[0]
            for i in ids[1:]:
                held = np.intersect1d(held, self.index.scores([i])[0], assume_unique=True)
            return held

        for form, alone in credit_forms():
            terms = [self.term_id(t) for t in analyze(form)]
            if not terms:
                unindexed.append(form)
            elif min(terms) >= 0:
                held = holding(terms)
                if not alone and len(held) > rare:  # a common word: only beside «وكالة»
                    held = holding(terms + agency) if agency else held[:0]
                found.append(held)
        for form in unindexed:  # «(ومع)», «(و م ع)»: in parentheses, as _IN_PARENS reads them
            found.append(np.array([r[0] for r in self.store.fetch(
                "SELECT id FROM passages WHERE instr(text, ?) > 0", (f"{form})",))],
                dtype=np.int64))
        return np.unique(np.concatenate(found)).tolist() if found else []

    async def outlets(self) -> list[OutletSummary]:
        """Per outlet: articles, date range, statements other outlets also carried."""
        return await coverage_views.outlet_summaries(self.store, await self.store.sources())

    async def record_feedback(self, **rating: Any) -> None:
        """A reader's 👍 (1) or 👎 (-1) on an answer; see feedback.record."""
        async with self._write_lock:
            await feedback.record(self.store, **rating)

    async def feedback_summary(self, limit: int | None = None) -> list[QuestionRating]:
        return await feedback.summary(self.store, limit)


_Chosen = tuple[grouping.Group, StoredPassage, str, int | None]  # group, shown, sentence, ordinal


@dataclass
class _Copies:
    """Who carried an answer's chosen hits, read once for the decision's lead and the hits
    cited (`Marsad._copies`): each best sentence's copies linked at ingest, the agencies each
    copy came from, and the agencies each passage credits, found once per passage."""

    linked: dict[tuple[int, int], list[corroborate.Carrier]]
    carried: dict[int, list[str]]  # linked copy's passage id -> its agencies
    _credited: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def credited(self, passage: StoredPassage) -> tuple[str, ...]:
        """`credited_agencies` of a passage of the answer."""
        found = self._credited.get(passage.id)
        if found is None:
            found = self._credited[passage.id] = tuple(credited_agencies(passage))
        return found


def _choose(groups: list[grouping.Group], weights: dict[str, float],
            aliases: dict[str, frozenset[str]], agency: str | None = None) -> list[_Chosen]:
    """Each group's best instance, its best sentence and that sentence's ordinal among the
    passage's sentences as corroboration numbers them (None: no sentence holds a word).
    When the question asks an `agency` («ماذا قالت فرانس برس عن …؟»), a statement its
    copy carries is shown in that copy (Al Jazeera's AFP dateline), not in another
    outlet's wording of it that ranked first (Al Arabiya's, crediting no one)."""
    chosen = []
    for group in groups:
        best = grouping.best_instance(group)
        if agency is not None and not _carries_agency(best, agency):
            best = next((p for p, _ in group.members if _carries_agency(p, agency)), best)
        sentence = best_sentence(best.text, weights, aliases)
        # numbered as corroborate.sentences_of numbers them (without analysing each again)
        ordinal = next((i for i, (s, _) in enumerate(sentences_of(best.text))
                        if s == sentence), None) if sentence else None
        chosen.append((group, best, sentence, ordinal))
    return chosen


def _carries_agency(passage: StoredPassage, agency: str) -> bool:
    """Whether `passage` is `agency`'s copy: its article credits it, or it is its own."""
    return agency in credited_agencies(passage) or agency_named(passage.source or "") == agency


def _credit_agencies(shown: StoredPassage, credits: Iterable[Citation],
                     copies: Mapping[str, Sequence[str]]) -> tuple[list[Citation], list[str]]:
    """A hit's `also_reported_by` (the other outlets' articles only, in date order), each
    with the agencies its own copy carried, and the agencies of the shown outlet's own
    copies (`shown`'s article and its outlet's other articles of the statement): «العربية»
    is never said to quote AFP when only Al Jazeera's copy carried AFP's dateline.
    `copies`: article id -> the agencies its copy carried."""
    own = list(copies.get(shown.article_id, ()))
    also = []
    for c in credits:
        if c.article_id == shown.article_id:
            continue
        agencies = tuple(dict.fromkeys(copies.get(c.article_id, ())))
        if c.source is not None and c.source == shown.source:
            own += agencies  # "also reported by" names other outlets only
        else:
            also.append(dataclasses.replace(c, agencies=agencies))
    return _in_date_order(also), list(dict.fromkeys(own))


def _in_date_order(citations: Iterable[Citation]) -> list[Citation]:
    """A hit's `also_reported_by` as cited: by date (undated last), outlet, article id."""
    return sorted(citations, key=lambda c: (c.date is None, c.date or dt.date.min,
                                            c.source or "", c.article_id))


DISAGREE_DAYS = 1  # figures printed further apart may be an update (a toll that rose)


# A form of an agency's name that is also a common word («الفرنسية») is looked for alone when
# at most this many passages (or this share of them) hold it: a timeline reads them all.
MAY_CREDIT_RARE = 200
MAY_CREDIT_SHARE = 0.002


def _agency_outlet(outlets: Sequence[str]) -> str | None:
    """The agency a question's one named outlet is («رويترز», «وكالة الأناضول»), or None."""
    return agency_named(outlets[0]) if len(outlets) == 1 else None


def _disagreements(hits: list[Hit], groups: Sequence[grouping.Group]) -> list[Hit]:
    """`hits`, each telling which ranked passages of the same statement (`Group.disputed`),
    from another outlet, print other figures for the same thing (figures.clashes: 27 dead
    against 29): shown apart by design, the reader must be told they disagree, also of one
    ranked below the hits shown (its rank then None). One outlet's own later figures, and
    another's printed more than DISAGREE_DAYS later, are an update as likely as a
    disagreement: not told as one."""
    if not any(g.disputed for g in groups):
        return hits
    group_of = {p.id: g for g in groups for p, _ in g.members}
    shown = {id(g): hit for hit in hits if (g := group_of.get(hit.passage_id)) is not None}
    out = []
    for hit in hits:
        mine = group_of.get(hit.passage_id)
        told: dict[int, Disagreement] = {}
        for passage in [] if mine is None else mine.disputed:
            group = group_of.get(passage.id)
            other = shown.get(id(group)) if group is not None else None
            if other is hit:
                continue
            rank, pid, article_id, source, date, text = (
                (other.rank, other.passage_id, other.article_id, other.source, other.date,
                 other.text) if other is not None else
                (None, passage.id, passage.article_id, passage.source, passage.date,
                 passage.text))
            if pid in told or None in (hit.source, source) or hit.source == source or (
                    hit.date and date and abs((hit.date - date).days) > DISAGREE_DAYS):
                continue
            if found := clashes(hit.text, text):
                told[pid] = Disagreement(rank, pid, article_id, source, date, tuple(found))
        out.append(dataclasses.replace(hit, disagrees_with=list(told.values())) if told
                   else hit)
    return out


def _compaction_due(index: BM25Index) -> bool:
    """Removed passages' postings are read and skipped by every query and every open: once
    they are COMPACT_DEAD_SHARE of the live ones, the segments are rewritten without them."""
    return index.dead > COMPACT_DEAD_SHARE * max(index.n_docs, 1)


class _TermIds(Mapping[str, int]):
    """The engine's vocabulary as a mapping, looked up with `Marsad.term_id`."""

    def __init__(self, engine: Marsad) -> None:
        self._engine = engine

    def __getitem__(self, term: str) -> int:
        i = self._engine.term_id(term)
        if i < 0:
            raise KeyError(term)
        return i

    def __len__(self) -> int:
        return len(self._engine.terms)

    def __iter__(self) -> Iterator[str]:
        return iter(self._engine.terms)


class _Clock:
    """Milliseconds per stage name into a dict, when one is given (else nothing)."""

    def __init__(self, out: dict[str, float] | None) -> None:
        self.out = out

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.out is None:
            yield
            return
        start = time.perf_counter()
        try:
            yield
        finally:
            self.out[stage] = self.out.get(stage, 0.0) + 1000 * (time.perf_counter() - start)


@dataclass
class _Query:
    """Analysed question: its terms, their ids (-1 unknown), and synonym units."""

    terms: list[str]
    ids: list[int]
    units: list[tuple[list[int], tuple[int, ...]]]
    # position -> the ids of the names a title there stands for (engine._named_by_title)
    named: dict[int, list[int]] = field(default_factory=dict)

    def groups_by_term(self) -> list[list[int]]:
        """Every spelling id that counts for each term (a pair unit counts for both; a
        title's words count as the name it stands for)."""
        out: list[list[int]] = [[] for _ in self.terms]
        for group, positions in self.units:
            for p in positions:
                out[p].extend(group)
        for p, names in self.named.items():
            out[p].extend(i for i in names if i not in out[p])
        return out


@dataclass
class _Asked:
    """A question after analysis: its terms, the query, each term's idf and corpus
    spellings, and whether the corpus knows each term in some spelling or form."""

    text: str  # the question as searched: normalized, its dialect words in MSA
    terms: list[str]
    query: _Query
    weights: dict[str, float]
    aliases: dict[str, frozenset[str]]
    known: dict[str, bool]
    shapes: dict[str, str]  # term -> the shape of its word (questions.word_shapes)
    kind: str | None  # what the decision checks for (answer_types.decision_type)
    # a title's terms -> the names it stands for (aliases.py), among their `aliases`
    named: dict[str, frozenset[str]] = field(default_factory=dict)
    month: AskedMonth | None = None  # the month it was scoped to, its words not searched


def best_sentence(text: str, weights: dict[str, float],
                  aliases: dict[str, frozenset[str]] | None = None) -> str:
    """The sentence holding most of the question's weight, for bolding and quoting.

    `aliases` maps a query word to the spellings that count as it (variants.py).
    """
    return next(iter(matching_sentences(text, weights, aliases or {})), "")
