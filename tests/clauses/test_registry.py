"""The clause union: built once when the registry is imported, every kind's children resolved to it."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import ValidationError

from clauses.base import Alternative
from clauses.registry import CLAUSE_CLASSES, Clause, KINDS
from tests.processes import stdout_elsewhere


def test_importing_the_registry_builds_the_validator_of_one_kind_only():
    """The union's schema is built in the first kind; the others build theirs when first used."""
    code = ("import clauses.registry as registry; "
            "print(sum(cls.__pydantic_complete__ for cls in registry.CLAUSE_CLASSES))")
    assert stdout_elsewhere(code).decode().strip() == "1"


def test_every_kind_holds_children_of_any_kind():
    """Each kind's children are typed as the union, so the tree walks into them before the kind is built."""
    for cls in CLAUSE_CLASSES:
        assert cls.model_fields["children"].annotation == list[Clause], cls.__name__


def test_a_kind_built_on_first_use_validates_its_children_by_kind():
    """A kind built late still validates its children as the kinds they name."""
    cls = CLAUSE_CLASSES[-1]
    clause = cls.model_validate({"id": "a", "kind": get_args(cls.model_fields["kind"].annotation)[0],
                                 "text": {"en": "A."}, "children": [{"id": "a.b", "kind": "text", "text": {"en": "B."}}]})
    assert isinstance(clause.children[0], KINDS["text"])


def test_a_variant_is_validated_as_the_kind_of_the_clause():
    """An alternative's parameters are set through the union's validator and come back as the same kind."""
    kind = KINDS["armistice_supersession"]
    clause = kind.model_validate({"id": "a", "kind": "armistice_supersession", "extent": "full", "note": "kept"})
    variant = clause.variant(Alternative(id="a.alt", proposed_by=["p"], set={"extent": "none"}))
    assert type(variant) is kind and variant.extent == "none" and variant.id == "a"


def test_a_variant_that_does_not_fit_is_located_in_the_kind():
    """A parameter the kind lacks is reported at its own name, not under the kind's tag in the union."""
    clause = KINDS["armistice_supersession"].model_validate({"id": "a", "kind": "armistice_supersession",
                                                             "extent": "full"})
    with pytest.raises(ValidationError) as raised:
        clause.variant(Alternative(id="a.alt", proposed_by=["p"], set={"unknown": 1}))
    assert [error["loc"] for error in raised.value.errors()] == [("unknown",)]
