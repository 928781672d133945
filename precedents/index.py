"""Full-text search over precedent provisions: SQLite FTS5 ranked by BM25, cached, rebuilt when the corpus changes."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from clauses.cache import CACHE_VARIABLE, cache_folder
from clauses.errors import InputError, OutputError
from precedents.corpus import Corpus, corpus_files, load_corpus
from precedents.match import Match
from precedents.model import Provision
from precedents.query import MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS, UNSPACED, Query, read_query
from precedents.query import expression as english_expression
from precedents.query import words_expression

WORD = re.compile(r"\w+")
INDEX_VERSION = 7  # bump when SCHEMA changes: an index is named after it, so an old one is never read
# `search`: English words by their porter stems; `scripts`: the provisions that carry Korean, Chinese or Japanese
# text, by trigrams (scripts without spaces between words); `words`: each word as written, in how many provisions
SCHEMA = """
CREATE TABLE provisions (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, agreement TEXT, region TEXT, short_title TEXT,
                         citation TEXT, basis TEXT, topics TEXT, parameters TEXT, paraphrase TEXT, functions TEXT);
CREATE TABLE topics (rowid INTEGER, topic TEXT);
CREATE INDEX topics_by_topic ON topics (topic, rowid);
CREATE TABLE measures (rowid INTEGER, measure TEXT);
CREATE INDEX measures_by_measure ON measures (measure, rowid);
CREATE TABLE words (word TEXT PRIMARY KEY, documents INTEGER) WITHOUT ROWID;
CREATE VIRTUAL TABLE search USING fts5(citation, paraphrase, stated, agreement, topic, source,
                                     tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE scripts USING fts5(citation, paraphrase, stated, tokenize='trigram');
"""


def topic_token(topic: str) -> str:
    """Return a topic id as one FTS5 token ('foreign_forces' → 'foreignforces'), so a topic filter is one term."""
    return topic.replace("_", "")


def stated_text(provision: Provision) -> str:
    """Return what a provision's parameters say in words: the sheet's words, body, members, what becomes of forces."""
    parameters = provision.parameters
    disposition = (parameters.foreign_forces_disposition or "").replace("_", " ")
    return "; ".join(filter(None, [parameters.as_stated, parameters.body, ", ".join(parameters.members), disposition]))


def filtered(expression: str, topic: str | None, agreements: list[str] | None) -> str:
    """Return an FTS5 expression limited to a topic and to some agreements (column filters, one term each)."""
    if topic:
        expression = f'topic : "{topic_token(topic)}" AND ({expression})'
    if agreements:
        expression = "(" + " OR ".join(f'source : "{key}"' for key in agreements) + f") AND ({expression})"
    return expression


def filters_sql(topic: str | None, agreements: list[str] | None) -> tuple[str, list]:
    """Return the SQL conditions on rowid (and their parameters) that keep a topic's and some agreements' provisions."""
    where, parameters = "", []
    if topic:
        where += " AND rowid IN (SELECT rowid FROM topics WHERE topic = ?)"
        parameters.append(topic)
    if agreements:
        where += f" AND rowid IN (SELECT rowid FROM provisions WHERE agreement IN ({', '.join('?' * len(agreements))}))"
        parameters += agreements
    return where, parameters


MOST_WORDS = 10
RANK = "bm25(search, 1.0, 1.5, 1.0, 0.5, 0.0, 0.5)"  # citation, paraphrase, stated, agreement, topic, source
COMMON_SHARE = 0.2  # words in more than a fifth of the provisions rank almost nothing (low IDF) and cost the most


def match_expression(query: str, any_word: bool = False) -> str:
    """Return a query as a safe FTS5 expression: each word quoted (no operator of the user's reaches FTS5).

    With any_word (ranking a clause's text), the ten longest distinct words are enough to rank by.
    """
    if len(query) > MAX_QUERY_CHARACTERS:
        raise InputError(f"the query has {len(query):,} characters; the limit is {MAX_QUERY_CHARACTERS:,}", "PD-E061")
    words = list(dict.fromkeys(WORD.findall(query)))
    if not words:
        raise InputError(f"the query {query!r} has no words to search for", "PD-E061")
    if len(words) > MAX_QUERY_WORDS and not any_word:
        raise InputError(f"the query has {len(words)} different words; the limit is {MAX_QUERY_WORDS}", "PD-E061")
    if any_word:
        words = sorted(dict.fromkeys(words), key=lambda word: (-len(word), word))[:MOST_WORDS]
        return " OR ".join(f'"{word}"' for word in words)
    return " ".join(f'"{word}"' for word in words)


class SearchIndex:
    """An FTS5 index of one corpus, stored under its fingerprint; the corpus files are parsed only to build it."""

    def __init__(self, fingerprint: str, load: Callable[[], Corpus], folder: Path | None = None):
        folder = folder or cache_folder()
        self.path = folder / f"precedents-v{INDEX_VERSION}-{fingerprint[:20]}.sqlite"
        if not self.path.exists():
            self.corpus = load()
            try:
                self._build(folder)
            except (OSError, sqlite3.Error) as error:
                reason = getattr(error, "strerror", None) or str(error)
                raise OutputError(f"{folder}: cannot build the precedent index there: {reason} "
                                  f"(set {CACHE_VARIABLE} to a folder you may write)", "PD-E052") from None
        self.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        self.read: dict[str, Match] = {}  # provisions already read, by id (the index is read-only)
        self.ranked_before: dict[tuple, list[tuple[int, float]]] = {}  # a draft's clauses often share their words
        self.measured_before: dict[tuple, list[str]] = {}  # … and their measures
        total = self.connection.execute("SELECT count(*) FROM provisions").fetchone()[0]
        self.telling = {word for (word,) in self.connection.execute(
            "SELECT word FROM words WHERE documents <= ?", (max(20, COMMON_SHARE * total),))}

    def telling_words(self, text: str) -> str:
        """Return the words of a text worth ranking by: in the corpus but not common there, longest first (≤ ten)."""
        words = [word for word in dict.fromkeys(WORD.findall(text.lower())) if word in self.telling]
        return " ".join(sorted(words, key=lambda word: (-len(word), word))[:MOST_WORDS])

    @classmethod
    def for_folders(cls, extra: list[str] | None = None, folder: Path | None = None) -> SearchIndex:
        """Return the index of the shipped corpus plus the given folders, building it if the files changed."""
        _, fingerprint = corpus_files(extra)
        return cls(fingerprint, lambda: load_corpus(extra), folder)

    def _build(self, folder: Path) -> None:
        """Build the index in a temporary file and rename it into place; drop indexes of older corpora."""
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".sqlite.tmp")
        os.close(handle)
        try:
            self._fill(temporary)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        os.replace(temporary, self.path)
        for old in folder.glob("precedents-*.sqlite"):
            if old != self.path:
                old.unlink(missing_ok=True)

    def _fill(self, temporary: str) -> None:
        """Write the corpus into a new index database file."""
        connection = sqlite3.connect(temporary)
        connection.executescript(SCHEMA)
        rows, topic_rows, measure_rows, texts, scripts, documents = [], [], [], [], [], Counter()
        for rowid, (key, (agreement, provision)) in enumerate(self.corpus.provisions.items(), 1):
            parameters = json.dumps(provision.parameters.model_dump(exclude_defaults=True), ensure_ascii=False)
            rows.append((rowid, key, agreement.id, agreement.region, agreement.short_title, provision.citation,
                         json.dumps(provision.basis), json.dumps(provision.topics), parameters, provision.paraphrase,
                         json.dumps(provision.functions)))
            if provision.moved_to:  # a mis-cited row: its content is found under the provision it moved to
                continue
            topic_rows += [(rowid, topic) for topic in provision.topics]
            measure_rows += [(rowid, measure) for measure in dict.fromkeys(quantity.measure for quantity in
                                                                            provision.parameters.quantities)]
            stated = stated_text(provision)
            texts.append((rowid, provision.citation, provision.paraphrase, stated, agreement.title,
                          " ".join(topic_token(topic) for topic in provision.topics), agreement.id))
            if UNSPACED.search(provision.citation + provision.paraphrase + stated):
                scripts.append((rowid, provision.citation, provision.paraphrase, stated))
            documents.update(set(WORD.findall(f"{provision.citation} {provision.paraphrase} {stated} "
                                              f"{agreement.title}".lower())))
        connection.executemany("INSERT INTO provisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.executemany("INSERT INTO topics VALUES (?, ?)", topic_rows)
        connection.executemany("INSERT INTO measures VALUES (?, ?)", measure_rows)
        connection.executemany("INSERT INTO search (rowid, citation, paraphrase, stated, agreement, topic, source) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)", texts)
        connection.executemany("INSERT INTO scripts (rowid, citation, paraphrase, stated) VALUES (?, ?, ?, ?)", scripts)
        connection.executemany("INSERT INTO words VALUES (?, ?)", documents.items())
        connection.commit()
        connection.close()

    def search(self, query: str, topic: str | None = None, agreements: list[str] | None = None,
               limit: int = 20, any_word: bool = False) -> list[tuple[str, float]]:
        """Return (provision id, BM25 score) for the best matches, best first.

        A reviewer's query (precedents.query) ranks provisions whose paraphrase matches every group first, then
        those that match every group, those whose Korean or Chinese text holds its words, then any group. With any_word (ranking a
        clause's text), any of its words counts. Topic and agreement filters are part of the FTS5 expression,
        so FTS5 ranks only what passes them.
        """
        if any_word:
            rows = self.ranked(match_expression(query, any_word), topic, agreements, limit)
        else:
            rows = [(rowid, score) for rowid, score, _ in self.tiers(read_query(query), topic, agreements, limit)]
        ids = dict(self.connection.execute(
            f"SELECT rowid, id FROM provisions WHERE rowid IN ({', '.join('?' * len(rows))})", [r for r, _ in rows]))
        return [(ids[rowid], score) for rowid, score in rows]

    def tiers(self, query: Query, topic: str | None, agreements: list[str] | None,
              limit: int) -> list[tuple[int, float, str]]:
        """Return (rowid, score, tier) of the best provisions for a query, best tier first, by BM25 within a tier.

        The tiers: every group in the paraphrase ('gist'), every group anywhere ('every'), Korean or Chinese text
        holding them ('script'), any group ('any'), any word ('word').
        """
        found: dict[int, tuple[int, float, str]] = {}
        for tier, expression in (("gist", english_expression(query, every=True, column="paraphrase")),
                                 ("every", english_expression(query, every=True)), ("script", None),
                                 ("any", english_expression(query, every=False)), ("word", words_expression(query))):
            if len(found) >= limit:
                break
            if tier == "script":
                rows = [(rowid, float(-count)) for rowid, count in self.in_scripts(query, topic, agreements)]
            elif expression:
                rows = self.ranked(expression, topic, agreements, limit + len(found))
            else:
                rows = []
            for rowid, score in rows:
                found.setdefault(rowid, (rowid, score, tier))
        return list(found.values())[:limit]

    def ranked(self, expression: str, topic: str | None, agreements: list[str] | None,
               limit: int) -> list[tuple[int, float]]:
        """Return (rowid, BM25 score) of the provisions an FTS5 expression matches, within the filters, best first."""
        key = (filtered(expression, topic, agreements), limit)
        if key not in self.ranked_before:
            self.ranked_before[key] = self.connection.execute(
                f"SELECT rowid, {RANK} AS score FROM search WHERE search MATCH ? ORDER BY score LIMIT ?", key
            ).fetchall()
        return self.ranked_before[key]

    def in_scripts(self, query: Query, topic: str | None, agreements: list[str] | None) -> list[tuple[int, int]]:
        """Return (rowid, groups found) of the provisions whose Korean or Chinese text holds a group's words."""
        if not any(group.unspaced for group in query.groups) or not self.has_scripts:
            return []
        where, parameters = filters_sql(topic, agreements)
        counts: Counter = Counter()
        for group in query.groups:
            rowids: set[int] = set()
            for phrase in group.unspaced:
                rowids |= self.script_rows(phrase, where, parameters)
            counts.update(rowids)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def script_rows(self, phrase: str, where: str, parameters: list) -> set[int]:
        """Return the rowids whose Korean or Chinese text holds a phrase (trigrams; shorter phrases by LIKE)."""
        if len(phrase) >= 3:
            sql, first = "SELECT rowid FROM scripts WHERE scripts MATCH ?", [f'"{phrase}"']
        else:
            sql = "SELECT rowid FROM scripts WHERE (citation LIKE ? OR paraphrase LIKE ? OR stated LIKE ?)"
            first = [f"%{phrase}%"] * 3
        return {rowid for (rowid,) in self.connection.execute(sql + where, [*first, *parameters])}

    @property
    def has_scripts(self) -> bool:
        """Return whether any provision carries Korean, Chinese or Japanese text."""
        return self.connection.execute("SELECT EXISTS (SELECT 1 FROM scripts)").fetchone()[0] == 1

    def on_topic(self, topic: str, agreements: list[str] | None = None, limit: int = 1_000_000) -> list[str]:
        """Return the ids of the provisions on a topic (in corpus order), at most limit."""
        sql = "SELECT p.id FROM topics t JOIN provisions p ON p.rowid = t.rowid WHERE t.topic = ?"
        parameters: list = [topic]
        if agreements:
            sql += f" AND p.agreement IN ({', '.join('?' * len(agreements))})"
            parameters += agreements
        return [key for (key,) in self.connection.execute(sql + " ORDER BY t.rowid LIMIT ?", [*parameters, limit])]

    def with_measures(self, measures: list[str], agreements: list[str] | None = None,
                      limit: int = 1_000_000) -> list[str]:
        """Return the ids of the provisions that fix a quantity of one of the measures, at most limit of each measure.

        Each measure is read in corpus order through its index, and remembered: a draft's clauses share measures.
        """
        found: list[str] = []
        for measure in measures:
            remembered = (measure, tuple(agreements or ()), limit)
            if remembered not in self.measured_before:
                sql = ("SELECT p.id FROM measures m JOIN provisions p ON p.rowid = m.rowid WHERE m.measure = ?"
                       + (f" AND p.agreement IN ({', '.join('?' * len(agreements))})" if agreements else ""))
                rows = self.connection.execute(sql + " ORDER BY m.rowid LIMIT ?", [measure, *(agreements or []), limit])
                self.measured_before[remembered] = [key for (key,) in rows]
            found += self.measured_before[remembered]
        return list(dict.fromkeys(found))

    def match(self, key: str) -> Match:
        """Return a provision as a match, read from the index."""
        return self.matches([key])[0]

    def matches(self, keys: list[str]) -> list[Match]:
        """Return provisions as matches, read from the index in one query (those not read before), in key order."""
        unread = list(dict.fromkeys(key for key in keys if key not in self.read))
        rows = self.connection.execute(
            "SELECT id, agreement, short_title, region, citation, basis, topics, parameters, paraphrase "
            f"FROM provisions WHERE id IN ({', '.join('?' * len(unread))})", unread).fetchall() if unread else []
        self.read.update({row[0]: Match(row[0], row[1], row[2], row[3], row[4], tuple(json.loads(row[5])),
                                        tuple(json.loads(row[6])), json.loads(row[7]), row[8]) for row in rows})
        return [self.read[key] for key in keys]

    def agreement_ids(self) -> list[str]:
        """Return the ids of the agreements in the index."""
        return [key for (key,) in self.connection.execute("SELECT DISTINCT agreement FROM provisions ORDER BY rowid")]

    def check_agreements(self, keys: list[str]) -> None:
        """Raise a one-line error for an agreement id the corpus does not have."""
        known = self.agreement_ids()
        for key in keys:
            if key not in known:
                raise InputError(f"unknown precedent '{key}' (known: {', '.join(known)})", "PD-E060")

    def settled_topics(self, agreements: list[str] | None = None) -> dict[str, list[str]]:
        """Return, per topic, the short titles of the agreements with a provision on it (corpus order)."""
        where = f" WHERE p.agreement IN ({', '.join('?' * len(agreements))})" if agreements else ""
        rows = self.connection.execute(
            "SELECT t.topic, p.short_title, MIN(p.rowid) AS first FROM topics t JOIN provisions p ON p.rowid = t.rowid"
            f"{where} GROUP BY t.topic, p.agreement ORDER BY first", agreements or [])
        found: dict[str, list[str]] = {}
        for topic, title, _ in rows:
            found.setdefault(topic, []).append(title)
        return found

    def functions(self, agreement: str) -> list[tuple[str, list[str]]]:
        """Return (citation, functions) for every provision of an agreement, in order."""
        rows = self.connection.execute("SELECT citation, functions FROM provisions WHERE agreement = ? ORDER BY rowid",
                                       (agreement,))
        return [(citation, json.loads(functions)) for citation, functions in rows]
