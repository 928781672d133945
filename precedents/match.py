"""A precedent provision as it is set beside a draft clause, with every basis code and the weakest explained."""

from __future__ import annotations

from dataclasses import dataclass

from clauses.measures import BY_ID
from precedents.model import BASIS_MEANING, PrecedentAgreement, Provision, shown_basis, weakest

NAMED_MEASURES = ("body", "members", "foreign_forces_disposition")  # measures a provision holds by name, not as numbers


def show_quantity(quantity: dict) -> str:
    """Return a typed number as the sheet gives it: '~70 km', 'up to 5 km', '72 hours', '40 km (fixed-wing, East)'."""
    value = quantity["value"]
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:g}"
    unit = quantity.get("unit") or BY_ID[quantity["measure"]].unit
    shown = ("~" if quantity.get("approximate") else "") + ("up to " if quantity.get("at_most") else "")
    scope = f" ({quantity['scope']})" if quantity.get("scope") else ""
    return f"{shown}{number} {unit}{scope}"


@dataclass(frozen=True)
class Match:
    """A precedent provision: where it comes from, how firm its source is, what it settles."""

    provision: str
    agreement: str
    short_title: str
    region: str
    citation: str
    basis: tuple[str, ...]
    topics: tuple[str, ...]
    parameters: dict
    paraphrase: str

    @classmethod
    def of(cls, agreement: PrecedentAgreement, provision: Provision) -> Match:
        """Return a provision of a loaded agreement as a match."""
        return cls(provision.id, agreement.id, agreement.short_title, agreement.region, provision.citation,
                   tuple(provision.basis), tuple(provision.topics),
                   provision.parameters.model_dump(exclude_defaults=True), provision.paraphrase)

    @property
    def shown_basis(self) -> str:
        """Return every basis code of the provision, strongest first ('[T][S]')."""
        return shown_basis(self.basis)

    @property
    def weakest_basis(self) -> str:
        """Return the weakest basis code: what a reader must allow for."""
        return weakest(self.basis)

    @property
    def cited(self) -> str:
        """Return 'Paris Peace Accords 1973, Art. 5 [T]'."""
        return f"{self.short_title}, {self.citation} {self.shown_basis}"

    def values(self) -> list[tuple[str, str]]:
        """Return (measure id, value as a reader sees it) for everything the provision fixes, in the sheet's order."""
        found = [(quantity["measure"], show_quantity(quantity)) for quantity in self.parameters.get("quantities", [])]
        for name in NAMED_MEASURES:
            if name in self.parameters:
                value = self.parameters[name]
                found.append((name, ", ".join(value) if isinstance(value, list) else _worded(str(value))))
        return found

    def measures(self) -> dict[str, list[str]]:
        """Return what the provision fixes by measure id (clauses.measures), each value as a reader sees it."""
        found: dict[str, list[str]] = {}
        for measure, shown in self.values():
            found.setdefault(measure, []).append(shown)
        return found

    @property
    def own_text(self) -> str:
        """Return, lower-cased, what the provision itself says: its paraphrase and the sheet's words (not its title)."""
        return f"{self.paraphrase} {self.parameters.get('as_stated') or ''}".lower()

    def to_json(self) -> dict:
        """Return the match as JSON data: every basis code, the weakest and what it means."""
        return {"provision": self.provision, "agreement": self.agreement, "short_title": self.short_title,
                "citation": self.citation, "basis": list(self.basis), "weakest_basis": self.weakest_basis,
                "basis_meaning": BASIS_MEANING[self.weakest_basis], "topics": list(self.topics),
                "parameters": self.parameters, "paraphrase": self.paraphrase}


def _worded(value: str) -> str:
    """Return a value as a reader sees it: an enumerated choice ('prohibit_introduction') in words."""
    return value.replace("_", " ") if " " not in value else value
