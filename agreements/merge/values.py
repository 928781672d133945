"""Three-way merge of plain YAML values: mappings key by key, lists of entries with ids entry by entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agreements.merge.order import merge_order


class _Missing:
    """The value of a key a side does not have."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Clash:
    """Where both sides changed one value differently: its path, and the three versions (MISSING where absent)."""

    path: tuple
    base: Any
    ours: Any
    theirs: Any


def merge_value(base: Any, ours: Any, theirs: Any, path: tuple = ()) -> tuple[Any, list[Clash]]:
    """Return the merged value (ours where the sides clash) and the clashes found."""
    if _same(ours, theirs) or _same(theirs, base):
        return ours, []
    if _same(ours, base):
        return theirs, []
    if _all(dict, base, ours, theirs):
        return _merge_mappings(_or(base, {}), ours, theirs, path)
    if _all(list, base, ours, theirs) and _keyed(_or(base, []), ours, theirs):
        return _merge_entries(_or(base, []), ours, theirs, path)
    return ours, [Clash(path, base, ours, theirs)]


def _same(one: Any, other: Any) -> bool:
    """Return whether two values are equal, a missing value equal only to a missing one."""
    if one is MISSING or other is MISSING:
        return one is other
    return type(one) is type(other) and one == other if isinstance(one, bool) or isinstance(other, bool) \
        else one == other


def _all(kind: type, *values: Any) -> bool:
    """Return whether every value present is of one type (at least one side present)."""
    present = [value for value in values if value is not MISSING]
    return bool(present) and all(isinstance(value, kind) for value in present)


def _or(value: Any, default: Any) -> Any:
    """Return the value, or the default where it is missing."""
    return default if value is MISSING else value


def _merge_mappings(base: dict, ours: Any, theirs: Any, path: tuple) -> tuple[Any, list[Clash]]:
    """Return two mappings merged key by key (a side that removed the whole mapping clashes with a change)."""
    if ours is MISSING or theirs is MISSING:
        return ours, [Clash(path, base, ours, theirs)]
    merged, clashes = {}, []
    for key in [*ours, *(key for key in theirs if key not in ours)]:
        value, found = merge_value(base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING),
                                   (*path, key))
        clashes.extend(found)
        if value is not MISSING:
            merged[key] = value
    return merged, clashes


def _keyed(*lists: list) -> bool:
    """Return whether lists hold only mappings with distinct ids."""
    for items in lists:
        if items is MISSING:
            continue
        ids = [item.get("id") if isinstance(item, dict) else None for item in items]
        if None in ids or len(set(ids)) != len(ids):
            return False
    return True


def _merge_entries(base: list, ours: Any, theirs: Any, path: tuple) -> tuple[Any, list[Clash]]:
    """Return two lists of entries with ids merged entry by entry, in ours' order with theirs' additions placed."""
    if ours is MISSING or theirs is MISSING:
        return ours, [Clash(path, base, ours, theirs)]
    by_id = [{item["id"]: item for item in items} for items in (base, ours, theirs)]
    merged, clashes = {}, []
    for key in dict.fromkeys([*by_id[1], *by_id[2]]):
        value, found = merge_value(*(entries.get(key, MISSING) for entries in by_id), (*path, key))
        clashes.extend(found)
        if value is not MISSING:
            merged[key] = value
    order = merge_order(list(by_id[0]), list(by_id[1]), list(by_id[2]), set(merged))
    return [merged[key] for key in order], clashes
