"""The language a command writes a draft's text in: the one asked for, else the default language, else the draft's own."""

from __future__ import annotations

from agreements.model import Agreement
from clauses.errors import InputError
from clauses.languages import DEFAULT_LANGUAGE


def text_language(agreement: Agreement, asked: str | None, source: str) -> str:
    """Return the language to write a draft in: asked (one of its languages), else the default or its first language.

    A draft imported from Korean has no English text, so without --lang it is written in Korean; a language it is
    not written in is refused (PD-E088) rather than written as placeholders.
    """
    languages = agreement.meta.languages
    if asked is None:
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in languages else languages[0]
    if asked not in languages:
        raise InputError(f"{source}: the draft has no text in {asked} (its languages: {', '.join(languages)})",
                         "PD-E088")
    return asked
