"""A precedent provision as it is set beside a draft clause, with its basis code explained."""

from __future__ import annotations

from dataclasses import dataclass

from precedents.model import BASIS_MEANING, PrecedentAgreement, Provision


@dataclass(frozen=True)
class Match:
    """A precedent provision: where it comes from, how firm its source is, what it settles."""

    provision: str
    agreement: str
    short_title: str
    region: str
    citation: str
    basis: str
    topics: tuple[str, ...]
    parameters: dict
    paraphrase: str

    @classmethod
    def of(cls, agreement: PrecedentAgreement, provision: Provision) -> Match:
        """Return a provision of a loaded agreement as a match."""
        return cls(provision.id, agreement.id, agreement.short_title, agreement.region, provision.citation,
                   provision.basis, tuple(provision.topics), provision.parameters.model_dump(exclude_defaults=True),
                   provision.paraphrase)

    def to_json(self) -> dict:
        """Return the match as JSON data, the basis code explained."""
        return {"provision": self.provision, "agreement": self.agreement, "short_title": self.short_title,
                "citation": self.citation, "basis": self.basis, "basis_meaning": BASIS_MEANING[self.basis],
                "topics": list(self.topics), "parameters": self.parameters, "paraphrase": self.paraphrase}
