"""The JSON Schema from `peacedraft schema` accepts the shipped drafts and rejects broken ones."""

from __future__ import annotations

import jsonschema
import pytest

from agreements.drafts import read_text
from agreements.examples import example_path
from agreements.schema import draft_schema
from agreements.yamlsource import read_yaml
from tests.conftest import BASE_DRAFT, mutate

VALIDATOR = jsonschema.Draft202012Validator(draft_schema(), format_checker=jsonschema.FormatChecker())


def plain(path) -> object:
    """Return the plain data of a YAML draft."""
    return read_yaml(read_text(str(path)), str(path))[0]


def test_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(draft_schema())


@pytest.mark.parametrize("path", [example_path("round-1"), example_path("round-2"), BASE_DRAFT], ids=str)
def test_schema_accepts_shipped_drafts(path):
    assert list(VALIDATOR.iter_errors(plain(path))) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("pullback_km: 10", "pullback_km: -5"),
        ("kind: force_reduction_and_redeployment", "kind: force_reduction"),
        ("disposition: dissolve", "disposition: abolish"),
        ("            pullback_km: 10\n", "            pullback_km: 10\n            colour: blue\n"),
        ("date: 2027-01-15", "date: 15 January"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(old, new, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(mutate(BASE_DRAFT.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    assert list(VALIDATOR.iter_errors(plain(path)))
