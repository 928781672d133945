"""What a scheduled item is called in a language: its own label or name, else words of its kind and its place.

A step has a label and a crossing point a name, in each language. An item without one is named from its
kind's words: a de-mining phase by its number ('Phase 2 of demining'), the Command's disposition by what
happens to it ('Dissolution of the United Nations Command'), any other timed clause by the heading of its
article and where it stands ('Foreign Forces (paragraph 1 of Article 13)'). The phrases are the language
file's `label_…`, one for each `event_…` phrase an item names itself by; without one, its event phrase.
"""

from __future__ import annotations

from pydantic import BaseModel

from agreements.model import Article
from clauses.base import ClauseBase
from clauses.languages import Language
from clauses.scope import Scope

OWN_TEXT_FIELDS = ("label", "name")


def place_number(path: tuple) -> int:
    """Return an item's place in the list that holds it (1 …), 1 for an item in no list."""
    return path[-1] + 1 if path and isinstance(path[-1], int) else 1


def own_text(model: BaseModel, words: Language) -> str | None:
    """Return an item's own label or name in a language (else in English), on one line, or None."""
    for field in OWN_TEXT_FIELDS:
        text = getattr(model, field, None)
        if isinstance(text, dict) and words.local(text):
            return " ".join(words.local(text).split())
    return None


def heading_words(clause: ClauseBase | None, article: Article | None, words: Language) -> str:
    """Return the heading of the article an item stands in, else the words of its clause's topic."""
    heading = words.local(article.heading) if article is not None and article.heading else ""
    if heading:
        return " ".join(heading.split())
    topic = getattr(clause, "topic", "") if clause is not None else ""
    text = words.terms.get("topics", {}).get(topic) or topic.replace("_", " ")
    return capitalised(text)


def capitalised(text: str) -> str:
    """Return a text with its first letter made a capital (unchanged in scripts without capitals)."""
    return text[:1].upper() + text[1:]


def item_label(model: BaseModel, number: int, clause: ClauseBase | None, article: Article | None,
               words: Language, scope: Scope) -> str:
    """Return what an item is called in a language: its own label, else the words its kind and place give."""
    own = own_text(model, words)
    if own:
        return own
    values = {"heading": heading_words(clause, article, words), **model.event_values(number, words, scope)}
    key = "label_" + model.event_phrase.removeprefix("event_")
    phrase = key if key in words.phrases else model.event_phrase
    return capitalised(" ".join(words.phrase(phrase, **values).split()))


def label_of(index, key: str, words: Language, scope: Scope) -> str | None:
    """Return what the scheduled item with an id is called in a language, or None when no scheduled item has it."""
    visit = index.by_id.get(key)
    if visit is None or not getattr(type(visit.model), "due_field", None):
        return None
    model, clause, article = index.holders(visit.path)
    return item_label(model, place_number(visit.path), clause, article, words, scope)
