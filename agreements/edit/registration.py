"""What an added clause needs registered: the standard bodies and zones it names, and parties only in the role the
drafter gives them (`--party usa=guarantor`); an edit never changes the parties behind the drafter's back."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import get_args

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from agreements.edit.draft import node_in
from agreements.edit.yamledit import styled
from agreements.index import index_of
from agreements.model import Agreement, PartyRole
from agreements.tree import iter_references
from clauses.base import ClauseBase
from clauses.errors import DraftError, Location, Problem
from clauses.scope import standard_registries

ROLES: tuple[str, ...] = get_args(PartyRole)
ROLE_CHOICES = f"ROLE: {', '.join(ROLES[:-1])} or {ROLES[-1]}"
REGISTRIES = {"parties": "party", "bodies": "body", "zones": "zone"}


@dataclass(frozen=True)
class Registration:
    """A standard party, body or zone an edit adds to the draft's registry, and why it is needed."""

    registry: str  # parties, bodies or zones
    id: str
    entry: dict
    member_of: str | None = None  # the body that has it as a member, when the clause does not name it itself
    role: str | None = None  # a party's role, as the drafter names it

    def __str__(self) -> str:
        """Return 'registered body unc' or 'registered party usa as guarantor'."""
        return f"registered {REGISTRIES[self.registry]} {self.id}" + (f" as {self.role}" if self.role else "")


@functools.cache
def standard_registry() -> dict[str, tuple[str, dict]]:
    """Return the standard registry entries by id, with the registry each belongs to."""
    return {entry["id"]: (key, entry) for key, entries in standard_registries().items() for entry in entries}


def party_roles(texts: tuple[str, ...], file: str, node_id: str) -> dict[str, str]:
    """Return the roles the drafter gives parties, from `--party ID=ROLE` options."""
    roles: dict[str, str] = {}
    for text in texts:
        key, equals, role = text.partition("=")
        if not equals or not key or role not in ROLES:
            raise _refused(file, node_id, f"--party {text!r}: write PARTY=ROLE ({ROLE_CHOICES})")
        roles[key.strip()] = role
    return roles


def needed(agreement: Agreement, clause: ClauseBase) -> list[Registration]:
    """Return the standard parties, bodies and zones the clause names (or its new bodies have as members) and the draft
    lacks, in the order they are first named."""
    present = {entry.id for entry in (*agreement.parties, *agreement.bodies, *agreement.zones)}
    wanted = [(ref.value, None) for ref in iter_references(clause) if ref.target in ("party", "body", "zone", "actor")]
    found: list[Registration] = []
    while wanted:
        key, member_of = wanted.pop(0)
        if key in present or key not in standard_registry():
            continue
        registry, entry = standard_registry()[key]
        found.append(Registration(registry, key, entry, member_of))
        present.add(key)
        wanted.extend((member, key) for member in entry.get("members", []))
    return found


def register_names(document: CommentedMap, agreement: Agreement, clause: ClauseBase, roles: dict[str, str],
                   option_id: str, file: str) -> list[str]:
    """Register the standard bodies and zones the clause needs, and the parties it needs in the roles the drafter names;
    refuse (PD-E098) a needed party without a role, and a role for a party the clause does not need."""
    registrations = needed(agreement, clause)
    parties = [item for item in registrations if item.registry == "parties"]
    _refuse_unnamed_roles(parties, clause, option_id, file, roles)
    _refuse_needless_roles(agreement, parties, roles, option_id, clause.id, file)
    done = []
    for item in registrations:
        entry = dict(item.entry)
        if item.registry == "parties":
            item = Registration(item.registry, item.id, entry, item.member_of, roles[item.id])
            entry["role"] = item.role
        _registry_list(document, item.registry).append(styled(entry))
        done.append(item)
    named = _name_new_signatories(document, agreement, [item.id for item in done if item.role == "signatory"], file)
    return [str(item) for item in done] + named


def _refuse_unnamed_roles(parties: list[Registration], clause: ClauseBase, option_id: str, file: str,
                          roles: dict[str, str] | None = None) -> None:
    """Raise a DraftError naming the parties the clause needs that the draft lacks, and the option that adds them."""
    given = roles or {}
    lacking = [item for item in parties if item.id not in given]
    if not lacking:
        return
    suggested = clause.party_roles()
    named = ", ".join(item.id + (f" (a member of {item.member_of})" if item.member_of else "") for item in lacking)
    options = " ".join(f"--party {item.id}={suggested.get(item.id, 'ROLE')}" for item in lacking)
    choices = f" ({ROLE_CHOICES})" if any(item.id not in suggested for item in lacking) else ""
    one = len(lacking) == 1
    message = (f"{option_id} needs {'a party' if one else 'parties'} the draft does not have: {named}; add "
               f"{'it with the role it takes' if one else 'them with the role each takes'}: {options}{choices}")
    raise _refused(file, clause.id, message)


def _refuse_needless_roles(agreement: Agreement, parties: list[Registration], roles: dict[str, str], option_id: str,
                           node_id: str, file: str) -> None:
    """Raise a DraftError for a `--party` that names a party the draft has, or one the clause does not need."""
    present = {party.id: party.role for party in agreement.parties}
    wanted = {item.id for item in parties}
    for key in roles:
        if key in present:
            raise _refused(file, node_id, f"--party {key}: the draft already has {key} (as {present[key]})")
        if key not in wanted:
            raise _refused(file, node_id, f"--party {key}: {option_id} does not need {key}")


def _name_new_signatories(document: CommentedMap, agreement: Agreement, signatories: list[str], file: str) -> list[str]:
    """Add new signatories to the parties of the clauses that say who signs, so they name every signatory; return
    what was added, one line per clause ('named usa among the parties of form.parties')."""
    lines = []
    for clause in index_of(agreement).clauses():
        added = [key for key in signatories if key not in clause.party_roles()]
        if clause.signatory_capacity() is None or not added:
            continue
        node_in(document, clause.id, file)["parties"].extend(added)
        lines.append(f"named {', '.join(added)} among the parties of {clause.id}")
    return lines


def _registry_list(document: CommentedMap, registry: str) -> CommentedSeq:
    """Return a registry list of the document, creating it after the keys that come before it."""
    if registry not in document:
        order = ["peacedraft", "meta", "parties", "bodies", "zones"]
        before = [key for key in order[: order.index(registry)] if key in document]
        position = list(document).index(before[-1]) + 1 if before else 0
        document.insert(position, registry, CommentedSeq())
    return document[registry]


def _refused(file: str, node_id: str, message: str) -> DraftError:
    """Return the error of an edit that would change the parties without the drafter naming their roles."""
    return DraftError([Problem(Location(file), node_id, message, "PD-E098")])
