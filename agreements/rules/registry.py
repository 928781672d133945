"""The ordered list of consistency rules: the general ones, each clause kind's own, and those registered above.

`check` runs them in order; a rule yields findings and the registry stamps them with the rule's name (its
function's name with dashes). Layers above `agreements` add rules with `register` (precedents registers the
Armistice coverage as a strict rule), so nothing here imports them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from agreements.model import Agreement
from agreements.rules import functions, general
from agreements.rules.context import Finding, RuleContext
from clauses.languages import language
from clauses.registry import CLAUSE_CLASSES

Check = Callable[[RuleContext], Iterator[Finding]]


def rule_name(check: Callable) -> str:
    """Return the name of a rule: its function's name with dashes ('unique_ids' → 'unique-ids')."""
    return check.__name__.replace("_", "-")


def _kind_rule(kind: type, check: Callable) -> Check:
    """Return a kind's rule as a check over every clause of that kind in the draft."""
    def run(context: RuleContext) -> Iterator[Finding]:
        for visit in context.visits:
            if isinstance(visit.model, kind):
                yield from check(context, visit)

    run.__name__ = check.__name__
    return run


def _rules() -> list[tuple[str, Check]]:
    """Return the general rules on structure, the kinds' own rules, those on functions moving, the rules on state."""
    structure = (general.unique_ids, general.references_resolve, general.sequencing_acyclic,
                 general.due_after_preconditions)
    state = (general.agreed_without_alternatives, general.unused_registry_entries, general.annexes_referred_to,
             general.bracketed_but_supported, general.languages_complete)
    kinds = [_kind_rule(kind, check) for kind in CLAUSE_CLASSES for check in kind.rules]
    moves = (functions.functions_one_day, functions.neutral_supervision_to_parties, functions.supersession_stated_once)
    return [(rule_name(check), check) for check in (*structure, *kinds, *moves, *state)]


def languages_agree(context: RuleContext) -> Iterator[Finding]:
    """Yield the findings of the legal-linguistic check (check-languages): the languages say the same thing."""
    from agreements.authentic.check import check_languages

    yield from check_languages(context.agreement)


RULES: list[tuple[str, Check]] = _rules()
STRICT_RULES: list[tuple[str, Check]] = [(rule_name(languages_agree), languages_agree)]


def register(check: Check, strict: bool = False) -> None:
    """Add a rule at the end of the list (of the strict list, run by --strict only); a name is registered once."""
    rules = STRICT_RULES if strict else RULES
    if rule_name(check) not in {name for name, _ in (*RULES, *STRICT_RULES)}:
        rules.append((rule_name(check), check))


def check(agreement: Agreement, strict: bool = False) -> list[Finding]:
    """Return every finding of every rule (with --strict, of the strict rules too), in rule then document order.

    The draft's languages are read first: a language file that cannot be used is refused (LanguageError).
    """
    for lang in agreement.meta.languages:
        language(lang)
    context = RuleContext(agreement)
    found = []
    for name, rule in (*RULES, *(STRICT_RULES if strict else ())):
        found += [finding if finding.rule else dataclasses.replace(finding, rule=name) for finding in rule(context)]
    return found
