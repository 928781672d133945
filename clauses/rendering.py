"""Clause text from typed data: jinja2 environments, the helpers templates call, and whitespace rules."""

from __future__ import annotations

import functools
import re
import sys
import time
from pathlib import Path
import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from clauses.cache import cache_folder
from clauses.errors import PeacedraftError
from clauses.languages import TEMPLATES, LanguageError, language
from clauses.text import TextClause

CLAUSE_TEMPLATES = TEMPLATES / "clauses"
CJK = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{CJK}]) +| +(?=[{CJK}])")
ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:)\]])")
MAX_REPEAT = 100_000  # characters or items a user template may make by repetition
MAX_POWER = 64
MAX_RENDER_SECONDS = 5.0  # time a user's template may take to render one clause
OPTIONS = {"undefined": jinja2.StrictUndefined, "autoescape": False, "trim_blocks": True, "lstrip_blocks": True}


class RenderError(PeacedraftError):
    """A clause template could not be rendered (missing template, undefined field, forbidden access)."""


def template_name(kind: str, lang: str) -> str:
    """Return the file name of the template for a clause kind in a language."""
    return f"{kind}.{lang}.j2"


@functools.cache
def environment(user_folder: Path | None = None) -> jinja2.Environment:
    """Return the shipped environment (its compiled templates cached), or a sandbox that looks in a user's folder first."""
    shipped = jinja2.FileSystemLoader(CLAUSE_TEMPLATES)
    if user_folder is None:
        return jinja2.Environment(loader=shipped, bytecode_cache=_compiled_templates(), **OPTIONS)
    loader = jinja2.ChoiceLoader([_ConfinedLoader(user_folder), shipped])
    return _BoundedSandbox(loader=loader, **OPTIONS)


def _compiled_templates() -> jinja2.FileSystemBytecodeCache | None:
    """Return the cache of the shipped templates compiled (keyed by their source), or None where none can be kept."""
    folder = cache_folder() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder), f"{sys.implementation.cache_tag}-%s.cache")


class _ConfinedLoader(jinja2.FileSystemLoader):
    """A loader for a user's folder that reads no file outside it, even through a symbolic link."""

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.root = Path(folder).resolve()

    def get_source(self, environment, template):
        """Return a template's source, refusing one whose real path leaves the folder."""
        source, filename, uptodate = super().get_source(environment, template)
        if not Path(filename).resolve().is_relative_to(self.root):
            raise SecurityError(f"{template} leads out of the templates folder")
        return source, filename, uptodate


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with repetition and powers bounded so a template cannot exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):
        """Return left * right or left ** right, refusing results too large to be clause text."""
        if operator == "**" and _is_number(left) and _is_number(right) and abs(right) > MAX_POWER:
            raise SecurityError(f"a power above {MAX_POWER} is not allowed")
        if operator == "*" and _too_long(left, right):
            raise SecurityError(f"a repeated text or list longer than {MAX_REPEAT:,} is not allowed")
        return super().call_binop(context, operator, left, right)

    def render_bounded(self, template: jinja2.Template, values: dict[str, object]) -> str:
        """Return a template rendered with values, or raise SecurityError once it runs past MAX_RENDER_SECONDS.

        Every line the template's compiled code runs, and every call it makes, checks the deadline (a loop
        with no call in it is still stopped).
        """
        deadline = time.monotonic() + MAX_RENDER_SECONDS

        def watch(frame, event, arg):
            """Stop the rendering past the deadline; follow line by line only the template's own code."""
            if time.monotonic() > deadline:
                raise SecurityError(f"rendering took longer than {MAX_RENDER_SECONDS:g} s")
            return watch if frame.f_globals.get("environment") is self else None

        previous = sys.gettrace()
        sys.settrace(watch)
        try:
            return template.render(values)
        finally:
            sys.settrace(previous)


def _is_number(value: object) -> bool:
    """Return whether a value is an int or float (not a bool)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _too_long(left: object, right: object) -> bool:
    """Return whether text or a list repeated a number of times would pass MAX_REPEAT items."""
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) and len(sequence) * count > MAX_REPEAT:
            return True
    return False


def normalize(text: str, lang: str) -> str:
    """Return template output as one line: runs of white space folded, none beside CJK characters in a language
    that does not space its words."""
    text = ASCII_SPACE.sub(" ", text).strip(" ")
    if not language(lang).spaces_between_words:
        text = SPACE_NEXT_TO_CJK.sub("", text)
    return SPACE_BEFORE_PUNCTUATION.sub("", text)


class MissingText(LookupError):
    """A clause has no text in a language."""


def clause_text(clause, lang: str, scope) -> str:
    """Return a clause's own text in a language: its override, its free text, or its template rendered in a scope."""
    text = getattr(clause, "text", None)
    if text and lang in text:
        return text[lang]
    if isinstance(clause, TextClause):
        raise MissingText(f"no {lang} text")
    return render_template(clause.kind, lang, {"c": clause, **scope.helpers(lang, clause.kind)}, scope.user_folder)


def render_template(kind: str, lang: str, values: dict[str, object], user_folder: Path | None = None) -> str:
    """Return the text of one clause kind's template rendered with values, or raise RenderError."""
    name = template_name(kind, lang)
    try:
        chosen = environment(user_folder)
        template = chosen.get_template(name)
        if isinstance(chosen, _BoundedSandbox):
            return normalize(chosen.render_bounded(template, values), lang)
        return normalize(template.render(values), lang)
    except jinja2.TemplateNotFound as error:
        missing = name if error.name in (None, name) else f"{error.name} (included by {name})"
        raise RenderError(f"no template {missing}", "PD-E040") from None
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"template {name} line {error.lineno}: {error.message}", "PD-E041") from None
    except SecurityError as error:
        raise RenderError(f"template {name}: not allowed: {error}", "PD-E042") from None
    except jinja2.UndefinedError as error:
        raise RenderError(f"template {name}: {error.message}", "PD-E043") from None
    except LanguageError as error:
        raise RenderError(f"template {name}: {error}", "PD-E043") from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, AttributeError, TypeError,
            ValueError, RuntimeError, MemoryError) as error:
        raise RenderError(f"template {name}: {_one_line(error)}", "PD-E043") from None


def _one_line(error: BaseException) -> str:
    """Return an exception as one line of text, naming its kind when it has no message."""
    text = " ".join(str(error).split())
    return text or type(error).__name__

