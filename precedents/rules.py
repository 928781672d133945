"""The precedents' own consistency rule, registered as a strict rule: importing this module adds it."""

from __future__ import annotations

from collections.abc import Iterator

from agreements.rules.context import Finding, RuleContext
from agreements.rules.registry import register
from precedents.coverage import armistice_functions, coverage


def armistice_coverage(context: RuleContext) -> Iterator[Finding]:
    """Every function of the 1953 Armistice is continued, replaced or terminated by the draft (--strict only)."""
    for item in coverage(context.agreement, armistice_functions()):
        if item.outcome == "gap":
            yield context.warning("-", f"the 1953 Armistice's {item.summary}", ("body",))


register(armistice_coverage, strict=True)
