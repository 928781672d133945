"""Clause text from typed data: jinja2 environments, the helpers templates call, and whitespace rules."""

from __future__ import annotations

import functools
import re
from pathlib import Path
import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from clauses.language import TEMPLATES, LanguageError

CLAUSE_TEMPLATES = TEMPLATES / "clauses"
CJK = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{CJK}]) +| +(?=[{CJK}])")
ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:)\]])")
OPTIONS = {"undefined": jinja2.StrictUndefined, "autoescape": False, "trim_blocks": True, "lstrip_blocks": True}


class RenderError(Exception):
    """A clause template could not be rendered (missing template, undefined field, forbidden access)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def template_name(kind: str, lang: str) -> str:
    """Return the file name of the template for a clause kind in a language."""
    return f"{kind}.{lang}.j2"


@functools.cache
def environment(user_folder: Path | None = None) -> jinja2.Environment:
    """Return the shipped environment, or a sandbox that looks in a user's folder first."""
    shipped = jinja2.FileSystemLoader(CLAUSE_TEMPLATES)
    if user_folder is None:
        return jinja2.Environment(loader=shipped, **OPTIONS)
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(user_folder), shipped])
    return ImmutableSandboxedEnvironment(loader=loader, **OPTIONS)


def normalize(text: str, lang: str) -> str:
    """Return template output as one line: runs of white space folded, none beside Chinese characters."""
    text = ASCII_SPACE.sub(" ", text).strip(" ")
    if lang == "zh":
        text = SPACE_NEXT_TO_CJK.sub("", text)
    return SPACE_BEFORE_PUNCTUATION.sub("", text)


def render_template(kind: str, lang: str, values: dict[str, object], user_folder: Path | None = None) -> str:
    """Return the text of one clause kind's template rendered with values, or raise RenderError."""
    name = template_name(kind, lang)
    try:
        template = environment(user_folder).get_template(name)
        return normalize(template.render(values), lang)
    except jinja2.TemplateNotFound:
        raise RenderError(f"no template {name}", "PD-E040") from None
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"template {name} line {error.lineno}: {error.message}", "PD-E041") from None
    except SecurityError as error:
        raise RenderError(f"template {name}: not allowed: {error}", "PD-E042") from None
    except jinja2.UndefinedError as error:
        raise RenderError(f"template {name}: {error.message}", "PD-E043") from None
    except (LanguageError, TypeError, ValueError) as error:
        raise RenderError(f"template {name}: {error}", "PD-E043") from None

