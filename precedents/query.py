"""A reviewer's query read for search: its words, and the concepts of the terminology base it names in any language.

A query is split into groups, each of which a provision must match one way: a concept of the terminology
base found in the query (by its term, forms, abbreviations or synonyms, in English, Korean or Chinese)
matches any English way of saying it, and its Korean and Chinese terms where provisions carry those
scripts; every other word matches itself or its English stem (FTS5's porter tokenizer).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from clauses.errors import InputError
from clauses.languages import DEFAULT_LANGUAGE
from clauses.terminology import concept_table

WORD = re.compile(r"\w+")
UNSPACED = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
MAX_QUERY_CHARACTERS = 1_000
MAX_QUERY_WORDS = 32
DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # an abbreviation written with full stops
STOPWORDS = frozenset("a an and are as at be by for from in into is its of on or the their to with".split())
SEARCH_FIELDS = ("term", "forms", "abbreviations", "synonyms", "avoid")


@dataclass(frozen=True)
class Group:
    """One thing the query asks for: the words typed, and every way a provision may say it."""

    typed: str
    english: tuple[str, ...]  # phrases matched in the English text (stemmed)
    unspaced: tuple[str, ...] = ()  # Korean and Chinese terms matched in provisions that carry those scripts
    concept: str | None = None

    @property
    def shown(self) -> str:
        """Return the group as a reader sees what was searched: 'DMZ (Demilitarized Zone, DMZ, …)'."""
        ways = tuple(dict.fromkeys((*self.english, *self.unspaced)))
        if ways == (self.typed,):
            return self.typed
        return f"{self.typed} ({', '.join(ways)})"


@dataclass(frozen=True)
class Query:
    """A query as searched: its groups, in the order typed."""

    text: str
    groups: tuple[Group, ...]

    @property
    def shown(self) -> str:
        """Return what was searched for, one line: 'withdrawal, DMZ (Demilitarized Zone, …)'."""
        return "; ".join(group.shown for group in self.groups)


def _ways(words: dict) -> list[str]:
    """Return every way a language file's entry says a concept, its term first."""
    found = [words["term"]] + [form for field in SEARCH_FIELDS[1:] for form in words.get(field, [])]
    distinct: dict[str, str] = {}
    for form in found:  # one of each, whatever its case, the term first
        distinct.setdefault(form.casefold(), form)
    return list(distinct.values())


def _folded(form: str) -> str:
    """Return a form as looked up: its words in lower case, one space between them (no space in Korean or Chinese)."""
    return form if UNSPACED.search(form) else " ".join(WORD.findall(form.casefold()))


@functools.cache
def vocabulary() -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Return (typed form → concept, concept → English ways, concept → Korean and Chinese ways) of the terms."""
    forms: dict[str, str] = {}
    english: dict[str, tuple[str, ...]] = {}
    unspaced: dict[str, tuple[str, ...]] = {}
    for concept, by_language in concept_table().items():
        english[concept] = tuple(_ways(by_language.get(DEFAULT_LANGUAGE, {"term": concept})))
        others = [way for code, words in by_language.items() if code != DEFAULT_LANGUAGE for way in _ways(words)]
        unspaced[concept] = tuple(dict.fromkeys(way for way in others if UNSPACED.search(way)))
        for way in (*english[concept], *others):
            forms.setdefault(_folded(way), concept)
    return forms, english, unspaced


@functools.cache
def _form_pattern() -> re.Pattern:
    """Return one pattern of every form of every concept, longest first; Latin forms bounded by non-letters."""
    forms = sorted(vocabulary()[0], key=len, reverse=True)
    return re.compile("|".join(re.escape(form) if UNSPACED.search(form) else _spaced(form) for form in forms),
                      re.IGNORECASE)


def _spaced(form: str) -> str:
    """Return a pattern of a form in a language of words: its words whole, whatever stands between them."""
    return r"(?<!\w)" + r"\W+".join(re.escape(word) for word in WORD.findall(form)) + r"(?!\w)"


def _check(text: str) -> None:
    """Raise a one-line error for a query that is too long or has no words."""
    if len(text) > MAX_QUERY_CHARACTERS:
        raise InputError(f"the query has {len(text):,} characters; the limit is {MAX_QUERY_CHARACTERS:,}", "PD-E061")
    words = list(dict.fromkeys(WORD.findall(text)))
    if not words:
        raise InputError(f"the query {text!r} has no words to search for", "PD-E061")
    if len(words) > MAX_QUERY_WORDS:
        raise InputError(f"the query has {len(words)} different words; the limit is {MAX_QUERY_WORDS}", "PD-E061")


def read_query(text: str) -> Query:
    """Return a query's groups: the concepts it names (longest forms first), then each other word once."""
    _check(text)
    text = DOTTED.sub(lambda found: found.group().replace(".", ""), text)  # 'U.N.C.' is 'UNC'
    forms, english, unspaced = vocabulary()
    groups: list[Group] = []
    rest = []
    position = 0
    for found in _form_pattern().finditer(text):
        rest.append(text[position:found.start()])
        position = found.end()
        if UNSPACED.search(found.group()):  # a Korean particle or ending written onto the term ('비무장지대에서')
            position = re.compile(r"\w*").match(text, position).end()
        concept = forms[_folded(found.group())]
        if all(group.concept != concept for group in groups):
            groups.append(Group(found.group(), english[concept], unspaced[concept], concept))
    rest.append(text[position:])
    for word in dict.fromkeys(WORD.findall(" ".join(rest))):
        if word.casefold() not in STOPWORDS:
            groups.append(Group(word, (word,), (word,) if UNSPACED.search(word) else ()))
    if not groups:  # only stopwords: search them as words
        groups = [Group(word, (word,)) for word in dict.fromkeys(WORD.findall(text))]
    return Query(text, tuple(groups))


def quoted(phrase: str) -> str:
    """Return a phrase as FTS5 terms: one word quoted, several words near each other (no operator of the user's)."""
    words = [word for word in WORD.findall(phrase) if word.casefold() not in STOPWORDS] or WORD.findall(phrase)
    if len(words) == 1:
        return f'"{words[0]}"'
    return "NEAR(" + " ".join(f'"{word}"' for word in words) + ", 4)"


def group_expression(group: Group) -> str:
    """Return an FTS5 expression matching any English way of saying a group."""
    ways = [quoted(way) for way in group.english if WORD.search(way) and not UNSPACED.search(way)]
    return ways[0] if len(ways) == 1 else "(" + " OR ".join(dict.fromkeys(ways)) + ")"


def expression(query: Query, every: bool, column: str | None = None) -> str | None:
    """Return a query as FTS5: every group (AND) or any (OR), in one column or all; None when none is English."""
    parts = [group_expression(group) for group in query.groups
             if any(WORD.search(way) and not UNSPACED.search(way) for way in group.english)]
    if not parts:
        return None
    if column:
        parts = [f"{column} : {part}" if part.startswith("(") else f"{column} : ({part})" for part in parts]
    return (" AND " if every else " OR ").join(parts)


def words_expression(query: Query) -> str | None:
    """Return an FTS5 expression matching any word typed, or of a named concept's term (stemmed), each on its own."""
    words = [word for group in query.groups for word in WORD.findall(f"{group.typed} {group.english[0]}")
             if word.casefold() not in STOPWORDS and not UNSPACED.search(word)]
    return " OR ".join(f'"{word}"' for word in dict.fromkeys(words)) or None
