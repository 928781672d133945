"""Safe YAML reading: core-schema values, locations of values and keys, refusals."""

from __future__ import annotations

import pytest

from clauses.errors import DraftError
from agreements.yamlsource import read_yaml


def test_scalars_follow_the_core_schema():
    data, _ = read_yaml("a: 1\nb: 2.5\nc: true\nd: null\ne: '7'\nf: yes\ng: 0x1F\nh: 2027-01-15\ni: ~\n", "f")
    assert data == {"a": 1, "b": 2.5, "c": True, "d": None, "e": "7", "f": "yes", "g": 31, "h": "2027-01-15", "i": None}


def test_every_value_and_key_is_located():
    data, source = read_yaml("top:\n  - id: x\n    n: [1, 2]\n", "f.yaml")
    assert data == {"top": [{"id": "x", "n": [1, 2]}]}
    assert source.values[("top", 0, "n", 1)] == (3, 12)
    assert source.keys[("top", 0, "n")] == (3, 5)
    assert str(source.locate(("top", 0, "missing", 3))) == "f.yaml:2:5"
    assert str(source.locate(("top", 0, "n"), key=True)) == "f.yaml:3:5"


def test_explicit_core_tags_are_honoured():
    data, _ = read_yaml("a: !!str 12\nb: !!int '12'\n", "f")
    assert data == {"a": "12", "b": 12}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!python/name:os.system x\n", "f:1:4: a: tag !!python/name:os.system is not allowed"),
        ("a: !custom x\n", "f:1:4: a: tag !custom is not allowed"),
        ("a: &x 1\nb: *x\n", "f:2:4: b: aliases (*x) are not allowed"),
        ("a: 1\na: 2\n", "f:2:1: -: duplicate key 'a' (first at line 1)"),
        ("? [k]\n: v\n", "f:1:3: -: a mapping key must be plain text"),
        ("a: 1\n--- \nb: 2\n", "f:2:1: -: a draft file holds one YAML document"),
        ("a: [1\n", "f:2:1: a: YAML syntax: did not find expected ',' or ']'"),
        ("", "f:1:1: -: the file is empty"),
    ],
)
def test_refusals_are_located(text, message):
    with pytest.raises(DraftError) as caught:
        read_yaml(text, "f")
    assert str(caught.value).startswith(message)


def test_depth_is_bounded():
    with pytest.raises(DraftError, match="nested deeper than 64 levels"):
        read_yaml("a: " + "[" * 65 + "]" * 65, "f")
    data, _ = read_yaml("a: " + "[" * 60 + "]" * 60, "f")
    assert isinstance(data["a"], list)
