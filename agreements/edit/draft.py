"""Changing a draft file in place — add an option, set parameters, record a position — validated, atomic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from agreements.atomic import write_atomic
from agreements.drafts import agreement_from, decode, digest_of, file_digest, parse_agreement, read_bytes
from clauses.errors import DraftError, Location, Problem, StaleDraftError
from agreements.model import Agreement
from agreements.rules.context import Finding
from agreements.rules.registry import check
from agreements.index import index_of
from agreements.edit.insertion import Insertion, insert_node_lines
from agreements.edit.nodetext import edit_node_lines
from agreements.edit.yamledit import (INDENT_STYLES, dump_document, find_node, load_document, only_adds_lines,
                                      round_trip_yaml, styled, write_back)
from agreements.yamlsource import read_yaml
from clauses.parameters import AssignmentError, apply_assignment, explain, parse_assignment

Edit = Callable[[CommentedMap, Agreement], "str | tuple[str, tuple[str, ...]]"]  # summary (, registrations)


class FieldError(Exception):
    """A value an edit cannot take, named by its node and its keys there; edit_draft locates it in the file."""

    def __init__(self, node_id: str, keys: tuple, message: str, code: str):
        super().__init__(message)
        self.node_id, self.keys, self.message, self.code = node_id, keys, message, code

    def located(self, source, node_path: tuple) -> DraftError:
        """Return the DraftError at the value's place in the file (or its nearest written ancestor's)."""
        return DraftError([Problem(source.locate((*node_path, *self.keys)), self.node_id, self.message, self.code)])


@dataclass(frozen=True)
class EditResult:
    """What an edit did: a one-line summary, the findings the draft still has, what it registered, and the digest of
    the file as it now is (file_digest), for the next edit to expect."""

    summary: str
    findings: list[Finding]
    registered: tuple[str, ...] = ()  # one line per party, body or zone the edit registered
    digest: str = ""


def edit_draft(path: str, change: Edit, dry_run: bool = False, node_id: str | None = None,
               insertion: Callable[[Agreement], Insertion | None] | None = None, *,
               expect: str | None = None) -> EditResult:
    """Apply a change to a draft file; write it only if the result loads and adds no rule errors (and not dry_run).

    With node_id, the change touches that node alone: only the node's own lines are loaded and rewritten, when
    that gives the same data as editing the whole file (otherwise the whole file is edited). With insertion, the
    change appends one node, which is written in lines of its own when the insertion (None: not possible) says where
    and the file then reads as the old data with that node appended (otherwise the whole file is edited).

    With expect (the file_digest of the file as its editor saw it), a file whose bytes have changed since is left
    as it is and StaleDraftError raised: checked on reading, and again just before the new file replaces it.
    """
    raw = read_bytes(path)
    if expect is not None and digest_of(raw) != expect:
        raise StaleDraftError(path)
    text = decode(raw, path)
    data, source = read_yaml(text, path)
    before = agreement_from(data, source, path)
    try:
        if node_id:
            edited = _edit_node(text, data, source, before, change, node_id)
        else:
            edited = _insert_node(text, data, source, insertion(before)) if insertion else None
        new_text, outcome, new_read = edited or (*_edit_whole(text, before, change, path), None)
    except FieldError as error:
        raise error.located(source, index_of(before).by_id[error.node_id].path) from None
    summary, registered = outcome if isinstance(outcome, tuple) else (outcome, ())
    after = agreement_from(*new_read, path) if new_read else parse_agreement(new_text, path)
    findings = check(after)
    if any(finding.severity == "error" for finding in findings):
        _refuse_new_errors(before, check(before), findings)
    if dry_run:
        return EditResult(summary, findings, registered, digest_of(raw))
    written = new_text.encode("utf-8")
    write_atomic(path, written, before_rename=None if expect is None else lambda: _refuse_stale(path, expect))
    return EditResult(summary, findings, registered, digest_of(written))


def _refuse_stale(path: str, expect: str) -> None:
    """Raise StaleDraftError if the file's bytes are no longer those its editor saw (or it is gone)."""
    try:
        current = file_digest(path)
    except DraftError:
        current = None
    if current != expect:
        raise StaleDraftError(path)


def _edit_node(text: str, data, source, before: Agreement, change: Edit, node_id: str):
    """Return the text with the change made in the node's own lines, the change's outcome and the text as read;
    None if it cannot be."""
    visit = index_of(before).by_id.get(node_id)
    if visit is None:
        return None
    return edit_node_lines(text, data, source, visit.path, lambda node: change(node, before))


def _insert_node(text: str, data, source, insertion: Insertion | None):
    """Return the text with the node inserted in lines of its own, the insertion's outcome and the text as read; None
    if it cannot be."""
    if insertion is None:
        return None
    inserted = insert_node_lines(text, data, source, insertion.holder, insertion.node)
    return None if inserted is None else (inserted[0], insertion.outcome, inserted[1])


def _edit_whole(text: str, before: Agreement, change: Edit, path: str):
    """Return the text with the change made in the whole round-trip document, and the change's outcome.

    The document is loaded once in the house layout; when the edit only adds lines to the file as it was (every
    old line kept, in order), that text is the result. Otherwise the layout that rewrites the file most faithfully
    is found and the change made again in it, keeping the original bytes outside the edit.
    """
    yaml = round_trip_yaml(*INDENT_STYLES[0])
    document = yaml.load(text)
    outcome = change(document, before)
    changed = dump_document(yaml, document)
    if only_adds_lines(text, changed):
        return changed, outcome
    yaml, document, unchanged = load_document(text)
    outcome = change(document, before)
    changed = dump_document(yaml, document)
    return _keep_original_bytes(text, unchanged, changed, path), outcome


def _keep_original_bytes(text: str, unchanged: str, changed: str, path: str) -> str:
    """Return the edited text keeping the original bytes outside the edit, when that gives the same data."""
    patched = write_back(text, unchanged, changed)
    if patched == changed:
        return changed
    try:
        same = read_yaml(patched, path)[0] == read_yaml(changed, path)[0]
    except DraftError:
        same = False
    return patched if same else changed


def _refuse_new_errors(draft: Agreement, before: list[Finding], after: list[Finding]) -> None:
    """Raise a DraftError listing the rule errors the edit would introduce, located in the file as it still is."""
    known = {(finding.rule, finding.node_id, finding.message) for finding in before}
    new = [finding for finding in after
           if finding.severity == "error" and (finding.rule, finding.node_id, finding.message) not in known]
    if new:
        index = index_of(draft)
        raise DraftError([Problem(index.location(finding.node_id), finding.node_id, finding.message, "PD-E034")
                          for finding in new])


def node_in(document: CommentedMap, node_id: str, path: str) -> CommentedMap:
    """Return the mapping of a node in the round-trip document, or raise a DraftError."""
    try:
        return find_node(document, node_id)[0]
    except KeyError:
        raise DraftError([Problem(Location(path), node_id, f"no node with id '{node_id}'", "PD-E030")]) from None


def set_position(path: str, node_id: str, party: str, stance: str, note: str | None, *,
                 expect: str | None = None) -> EditResult:
    """Record a party's stance (and note) on a node."""

    def change(document: CommentedMap, agreement: Agreement) -> str:
        node = node_in(document, node_id, path)
        if party not in {entry.id for entry in agreement.parties}:
            raise DraftError([Problem(Location(path), node_id, f"unknown party '{party}'", "PD-E031")])
        positions = node.setdefault("positions", CommentedMap())
        entry = CommentedMap(stance=stance)
        if note:
            entry["note"] = note
        entry.fa.set_flow_style()
        positions[party] = entry
        return f"{node_id}: {party} {stance}s"

    return edit_draft(path, change, node_id=node_id, expect=expect)


SETTABLE_STATE = ("status", "proposed_by", "note", "translation")


def set_values(path: str, node_id: str, assignments: tuple[str, ...], *, expect: str | None = None) -> EditResult:
    """Set parameters (or status, proposers, note, translation) of a node: `KEY=VALUE`, dotted keys for nesting."""
    def change(document: CommentedMap, agreement: Agreement) -> str:
        node = node_in(document, node_id, path)
        kind = type(index_of(agreement).model(node_id))
        for text in assignments:
            keys: tuple = ()
            try:
                keys, value = parse_assignment(text)
                if keys[0] in SETTABLE_STATE and len(keys) == 1:
                    node[keys[0]] = styled(value)
                else:
                    apply_assignment(node, keys, styled(value), kind)
            except AssignmentError as error:
                raise FieldError(node_id, tuple(keys), str(error), "PD-E032") from None
        try:
            kind.model_validate(node)
        except ValidationError as error:
            keys = tuple(error.errors()[0]["loc"]) if error.errors() else ()
            raise FieldError(node_id, keys, explain(error, kind), "PD-E033") from None
        return f"{node_id}: set {', '.join(assignments)}"

    return edit_draft(path, change, node_id=node_id, expect=expect)
