"""Clause templates: every kind in every language, real Korean and Chinese, strict and sandboxed."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML

from clauses.languages import LANGUAGES as ALL_LANGUAGES, TEMPLATES
from clauses.registry import KINDS
from clauses.rendering import RenderError, render_template, template_name
from clauses.scope import Scope

LANGUAGES = ("en", "ko", "zh")  # the shipped languages: every kind has its templates in each
HANGUL = re.compile(r"[\uac00-\ud7a3]")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def wording(lang: str) -> dict:
    """Return a language file's data."""
    return YAML(typ="safe").load((TEMPLATES / "language" / f"{lang}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kind_has_a_template_in_every_language(kind, lang):
    assert (TEMPLATES / "clauses" / template_name(kind, lang)).is_file()


def test_no_template_without_a_kind_and_every_kind_in_the_shipped_languages():
    names = {path.name for path in (TEMPLATES / "clauses").glob("*.j2")}
    assert names <= {template_name(kind, lang) for kind in KINDS for lang in ALL_LANGUAGES}
    assert names >= {template_name(kind, lang) for kind in KINDS for lang in LANGUAGES}


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_language_files_have_the_english_keys(lang):
    english, other = wording("en"), wording(lang)
    assert set(other["phrases"]) == set(english["phrases"])
    assert set(other["terms"]) == set(english["terms"])


def _samples():
    """Return one valid clause of every typed kind."""
    from tests.clauses.test_kinds import SAMPLES, clause
    from pydantic import TypeAdapter
    from clauses.registry import Clause

    return {kind: TypeAdapter(Clause).validate_python(clause(kind)) for kind in SAMPLES if kind != "text"}


SAMPLED = _samples()


@pytest.mark.parametrize("kind", sorted(SAMPLED))
def test_korean_and_chinese_are_written_in_their_own_script(kind):
    node = SAMPLED[kind]
    korean = render_template(kind, "ko", {"c": node, **Scope().helpers("ko", kind)})
    chinese = render_template(kind, "zh", {"c": node, **Scope().helpers("zh", kind)})
    assert len(HANGUL.findall(korean)) > 10 and not LATIN_WORD.search(korean.replace("IAEA", ""))
    assert len(HAN.findall(chinese)) > 10 and not LATIN_WORD.search(chinese.replace("IAEA", ""))
    assert "  " not in korean and " " not in re.sub(r"[A-Za-z0-9.,()\[\] ]{2,}", "", chinese)


def test_parameters_reach_the_text_in_every_language():
    node = SAMPLED["force_reduction_and_redeployment"]
    texts = {lang: render_template(node.kind, lang, {"c": node, **Scope().helpers(lang, node.kind)}) for lang in LANGUAGES}
    assert "15 kilometres" in texts["en"] and "within 90 days after the entry into force" in texts["en"]
    assert "15킬로미터" in texts["ko"] and "90일" in texts["ko"]
    assert "15公里" in texts["zh"] and "90" in texts["zh"]


def test_a_missing_field_names_the_template_and_the_field(tmp_path):
    (tmp_path / "verification.en.j2").write_text("{{ c.inspectors }} shall verify.")
    with pytest.raises(RenderError, match=r"template verification.en.j2: .*'inspectors'"):
        render_template("verification", "en", {"c": SAMPLED["verification"], **Scope().helpers("en", "verification")}, tmp_path)


@pytest.mark.parametrize(
    "hostile",
    [
        "{{ c.__class__.__mro__[1].__subclasses__() }}",
        "{{ c.model_dump.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{% set x = c.__dict__.update({'id': 'x'}) %}",
        "{{ ''.__class__.__base__.__subclasses__() }}",
    ],
)
def test_user_templates_cannot_reach_python_internals(tmp_path, hostile):
    (tmp_path / "verification.en.j2").write_text(hostile)
    with pytest.raises(RenderError, match=r"template verification.en.j2"):
        render_template("verification", "en", {"c": SAMPLED["verification"], **Scope().helpers("en", "verification")}, tmp_path)


def test_user_templates_fall_back_to_the_shipped_ones(tmp_path):
    (tmp_path / "verification.en.j2").write_text("Custom: {{ body(c.body) }}.")
    values = {"c": SAMPLED["verification"], **Scope().helpers("en", "verification")}
    assert render_template("verification", "en", values, tmp_path) == "Custom: the pvc."
    assert render_template("dispute_resolution", "en", {"c": SAMPLED["dispute_resolution"], **Scope().helpers("en", "dispute_resolution")},
                           tmp_path).startswith("Any dispute")
