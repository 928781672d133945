"""Cross-references written in a draft's own text: `{ref:ID}` names a part, article, paragraph, point or annex.

A drafter writes `… the procedures set out in {ref:annex.demining} …` in free text, a text override, an
alternative's text, a recital or a footnote; every rendering writes the node's number in its language
('the Annex', '부속서', '附件'; 'paragraph 2 of Article 1 of Annex I'). As in the language files' phrases, a
pair of Korean particles after the id writes the one that fits the reference's last sound:
`{ref:annex.demining:을/를}`. A reference to an id that has no number is refused when the draft is loaded
(PD-E025), located at the text that holds it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from agreements.numbering import node_numbers
from agreements.tree import Path, iter_models
from clauses.base import ID_PATTERN
from clauses.errors import Problem
from clauses.particles import particle_after

REFERENCE = re.compile(r"\{ref:([^{}:]*)(?::([^{}]*))?\}")
REFERRING_FIELDS = ("text", "footnote")  # the fields of text per language in which a reference is read
NODE_ID = re.compile(ID_PATTERN)
PARTICLES = re.compile(r"[^/\s]+/[^/\s]+")
CODE = "PD-E025"


@dataclass(frozen=True)
class TextReference:
    """A `{ref:ID}` written in a text: where, the id it names, and the node or alternative that holds it."""

    path: Path
    target: str
    owner_id: str
    particles: str | None = None


def iter_text_references(root: BaseModel) -> Iterator[TextReference]:
    """Yield every `{ref:ID}` written in the texts and footnotes of a tree, in document order."""
    for visit in iter_models(root):
        for name in REFERRING_FIELDS:
            texts = getattr(visit.model, name, None)
            if not isinstance(texts, dict):
                continue
            for lang, text in texts.items():
                for match in REFERENCE.finditer(text if isinstance(text, str) else ""):
                    yield TextReference((*visit.path, name, lang), match.group(1).strip(), visit.owner_id,
                                        match.group(2))


def reference_problems(agreement, locate: Callable[[Path], object]) -> list[Problem]:
    """Return a located problem for every `{ref:ID}` that names no numbered node of the draft."""
    references = list(iter_text_references(agreement))
    numbered = node_numbers(agreement) if references else {}
    problems = []
    for reference in references:
        message = _problem(reference, numbered)
        if message:
            problems.append(Problem(locate(reference.path), reference.owner_id, message, CODE))
    return problems


def _problem(reference: TextReference, numbered: dict) -> str | None:
    """Return what is wrong with a reference, or None when it names a numbered node (with a pair of particles)."""
    written = f"{{ref:{reference.target}{':' + reference.particles if reference.particles is not None else ''}}}"
    if not NODE_ID.match(reference.target):
        return f"{written}: '{reference.target}' is not an id"
    if reference.target not in numbered:
        close = difflib.get_close_matches(reference.target, sorted(numbered), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{written}: no part, article, paragraph, point or annex has the id '{reference.target}'{hint}"
    if reference.particles is not None and not PARTICLES.fullmatch(reference.particles):
        return f"{written}: after the id comes a pair of Korean particles, like 을/를"
    return None


def resolve(text: str, reference: Callable[[str], str]) -> str:
    """Return text with every `{ref:ID}` replaced by the node's number as `reference` writes it in the language."""
    if "{ref:" not in text:
        return text
    return REFERENCE.sub(lambda match: _written(reference(match.group(1).strip()), match.group(2)), text)


def _written(reference: str, particles: str | None) -> str:
    """Return a reference, followed by the particle of a pair ('을/를') that fits its last sound when one is given."""
    return reference + particle_after(reference, particles) if particles and "/" in particles else reference
