"""The precedents' own consistency rule, registered as a strict rule: importing this module adds it."""

from __future__ import annotations

from collections.abc import Iterator

from agreements.document.compose import located_text
from agreements.document.context import scope_for
from agreements.index import index_of
from agreements.model import Agreement
from agreements.rules.context import Finding, RuleContext
from agreements.rules.registry import register
from clauses.languages import DEFAULT_LANGUAGE, language
from clauses.terminology import term
from precedents.coverage import coverage, problems

TEXT_LEVELS = ("paragraph", "point", "subpoint")


def mentions_demarcation(agreement: Agreement) -> bool:
    """Return whether the draft's English text names the Military Demarcation Line or a demilitarized zone."""
    names = [term(language(DEFAULT_LANGUAGE), "military_demarcation_line")]
    names += [zone.names.get(DEFAULT_LANGUAGE, zone.id) for zone in agreement.zones if zone.kind == "demilitarized_zone"]
    scope = scope_for(agreement)
    places = index_of(agreement).places.values()
    nodes = [place.node for place in places if place.number is None or place.number.level in TEXT_LEVELS]
    return any(name in located_text(agreement, node, DEFAULT_LANGUAGE, scope) for node in nodes for name in names)


def armistice_coverage(context: RuleContext) -> Iterator[Finding]:
    """Every function of the 1953 Armistice is replaced, continued or expressly terminated by a settled clause."""
    items = coverage(context.agreement)
    for item, message, is_error in problems(items, mentions_demarcation(context.agreement)):
        node = item.clause if item.outcome == "terminated" else (item.proposed or (None,))[0]
        path = context.index.path(node) if node else ("body",)
        yield (context.error if is_error else context.warning)(node or "-", message, path)


register(armistice_coverage, strict=True)
