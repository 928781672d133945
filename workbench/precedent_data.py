"""What the precedents pages show, read from the library: the corpus and its search index, opened once per corpus.

The index's SQLite connection belongs to the thread that opened it, so every use of the corpus runs on one worker
thread of its own (`in_corpus_thread`); the server's event loop stays free meanwhile.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from clauses.errors import InputError
from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, language
from clauses.topics import TOPICS
from precedents.corpus import Corpus, folders, load_corpus
from precedents.index import SearchIndex
from precedents.match import Match
from precedents.model import BASIS_MEANING, ordered_codes
from precedents.search import Found, Hit, find
from workbench.snippets import Parts, marked_parts

RESULTS = 20  # as many hits as `precedents search` shows by default
WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="precedents")
OPENED: dict[tuple[str, ...], Library] = {}


class UnknownTopicError(InputError):
    """A page asked for a topic that is not one of the topics of clauses/topics.py."""

    def __init__(self, topic: str):
        super().__init__(f"unknown topic {topic!r} (topics: {', '.join(TOPICS)})", "PD-E130")


@dataclass
class Library:
    """The corpus of precedents and its search index, as the command line reads them."""

    corpus: Corpus
    index: SearchIndex


async def in_corpus_thread(function, *args, **named):
    """Return function(*args, **named), run on the one thread that uses the corpus and its index."""
    return await asyncio.get_running_loop().run_in_executor(WORKER, partial(function, *args, **named))


def library() -> Library:
    """Return the corpus and index of the shipped folder and PEACEDRAFT_CORPUS's (built on first use, then kept)."""
    key = tuple(str(folder) for folder in folders())
    if key not in OPENED:
        OPENED[key] = Library(load_corpus(), SearchIndex.for_folders())
    return OPENED[key]


def checked_topic(topic: str) -> str | None:
    """Return a topic a page asked for (None for none), or raise PD-E130 for one that is not a topic."""
    if not topic:
        return None
    if topic not in TOPICS:
        raise UnknownTopicError(topic)
    return topic


def topic_choices() -> list[tuple[str, str]]:
    """Return (topic id, what it settles in words) for every topic, in the order of the topic list."""
    words = language(DEFAULT_LANGUAGE)
    return [(topic, words.term(topic, "topics")) for topic in TOPICS]


def language_tag(text: str) -> str:
    """Return the language tag of a text: the first language whose script it uses, else the default language's."""
    for code in LANGUAGES:
        script = language(code).script
        if script and re.search(script, text):
            return language(code).tag
    return language(DEFAULT_LANGUAGE).tag


SOURCE_WORDS = {"paraphrase": "paraphrase of the text, in our own English words (not the treaty's wording)",
                "stated": "the fact sheet's notes on the text, in English (not the treaty's wording)",
                "citation": "the citation"}


def topic_label(topic: str) -> str:
    """Return what a topic settles in words ('demarcation line and demilitarized zone'), the id if it has none."""
    return language(DEFAULT_LANGUAGE).term(topic, "topics") if topic in TOPICS else topic


def basis_words(match: Match) -> str:
    """Return every basis code of a provision in words, strongest first ('seen in an authentic English text')."""
    return "; ".join(BASIS_MEANING[code] for code in ordered_codes(list(match.basis)))


def language_runs(text: str) -> list[tuple[str, str | None]]:
    """Return a line of terms in pieces, each with its language tag (None for the default language's)."""
    default = language(DEFAULT_LANGUAGE).tag
    pieces = [piece for piece in re.split(r"(\s*[,;()=]\s*)", text) if piece]
    return [(piece, None if language_tag(piece) == default else language_tag(piece)) for piece in pieces]


def searched_in_translation(query: str) -> bool:
    """Return whether a query is written in a script other than the default language's (Korean, Chinese)."""
    return language_tag(query) != language(DEFAULT_LANGUAGE).tag


@dataclass(frozen=True)
class ShownHit:
    """A hit as the page shows it: the library's hit, its snippet in parts (matched or not), the snippet's language,
    and which text of the provision the snippet is cut from (a key of SOURCE_WORDS)."""

    hit: Hit
    parts: Parts
    tag: str
    source: str = "paraphrase"

    @property
    def source_words(self) -> str:
        """Return what the snippet is, in words ('paraphrase of the text, …')."""
        return SOURCE_WORDS[self.source]

    @property
    def match(self) -> Match:
        """Return the provision found."""
        return self.hit.match


def searched(query: str, topic: str | None) -> tuple[Found, list[ShownHit]]:
    """Return what `precedents search` finds for a query (and a topic), each hit's snippet in parts."""
    index = library().index
    found = find(index, query, topic, [], RESULTS)
    shown = []
    for hit in found.hits:
        parts = marked_parts(hit.snippet, snippet_sources(index, hit.match))
        shown.append(ShownHit(hit, parts, language_tag(hit.snippet), snippet_source(hit.match, parts)))
    return found, shown


def snippet_source(match: Match, parts: Parts) -> str:
    """Return which text a snippet is cut from: 'paraphrase', 'stated' (the sheet's notes) or 'citation'."""
    pieces = [piece.strip() for piece in "".join(text for text, _ in parts).split("…") if piece.strip()]
    texts = {"paraphrase": match.paraphrase, "stated": match.parameters.get("as_stated") or "",
             "citation": f"{match.citation} {match.short_title}"}
    return next((name for name, text in texts.items() if pieces and all(piece in text for piece in pieces)),
                "stated")


def snippet_sources(index: SearchIndex, match: Match) -> list[str]:
    """Return the texts a provision's snippet is cut from: its paraphrase, the sheet's words, citation, title."""
    row = index.connection.execute("SELECT s.paraphrase, s.stated, s.citation, s.agreement FROM search s JOIN "
                                   "provisions p ON p.rowid = s.rowid WHERE p.id = ?", (match.provision,)).fetchone()
    return [match.paraphrase, match.parameters.get("as_stated") or "", match.citation, *(row or ())]
