"""The Akoma Ntoso `meta` block of a draft: FRBR identification and the references (parties, bodies, places, roles)."""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from agreements.model import Agreement
from clauses.languages import LanguageError, language
from clauses.scope import Scope

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})
COUNTRY = "int"
SOURCE = "peacedraft"
PLACE = "place"
MEDIA_TYPE = "application/akn+xml"


def work_uri(agreement: Agreement) -> str:
    """Return the Work IRI: /akn/int/act/<form>/<date>/round-<n>."""
    meta = agreement.meta
    return f"/akn/{COUNTRY}/act/{meta.form}/{meta.date.isoformat()}/round-{meta.round}"


def expression_uri(agreement: Agreement, lang: str) -> str:
    """Return the Expression IRI: the Work IRI, the ISO 639-2 language and the version date."""
    return f"{work_uri(agreement)}/{iso639_2(lang)}@{agreement.meta.date.isoformat()}"


def iso639_2(lang: str) -> str:
    """Return the ISO 639-2 code of a language, which Akoma Ntoso names languages by (refused when unknown)."""
    code = language(lang).iso639_2
    if code is None:
        raise LanguageError(f"templates/language/{lang}.yaml: no 'iso639_2' code in its record: Akoma Ntoso "
                            "names languages by it", "PD-E039")
    return code


def meta_block(agreement: Agreement, lang: str, scope: Scope) -> etree._Element:
    """Return `meta`: identification (Work, Expression, Manifestation) and references."""
    identification = AKN.identification(_work(agreement), _expression(agreement, lang),
                                        _manifestation(agreement, lang), source=f"#{SOURCE}")
    return AKN.meta(identification, references(agreement, lang, scope))


def _work(agreement: Agreement) -> etree._Element:
    """Return FRBRWork: the agreement in no particular language."""
    uri = work_uri(agreement)
    return AKN.FRBRWork(
        AKN.FRBRthis(value=f"{uri}/!main"), AKN.FRBRuri(value=uri), *_dated(agreement, "draft"),
        AKN.FRBRcountry(value=COUNTRY), AKN.FRBRsubtype(value=agreement.meta.form),
        AKN.FRBRnumber(value=f"round-{agreement.meta.round}"))


def _expression(agreement: Agreement, lang: str) -> etree._Element:
    """Return FRBRExpression: the text in one language, authoritative when the language is authentic."""
    uri = expression_uri(agreement, lang)
    authentic = "true" if lang in agreement.meta.languages else "false"
    return AKN.FRBRExpression(
        AKN.FRBRthis(value=f"{uri}/!main"), AKN.FRBRuri(value=uri), *_dated(agreement, "version"),
        AKN.FRBRversionNumber(value=agreement.meta.version), AKN.FRBRauthoritative(value=authentic),
        AKN.FRBRlanguage(language=iso639_2(lang)))


def _manifestation(agreement: Agreement, lang: str) -> etree._Element:
    """Return FRBRManifestation: this XML file, made by peacedraft on the draft's date."""
    uri = expression_uri(agreement, lang)
    return AKN.FRBRManifestation(
        AKN.FRBRthis(value=f"{uri}/!main.xml"), AKN.FRBRuri(value=f"{uri}.akn"),
        AKN.FRBRdate(date=agreement.meta.date.isoformat(), name="export"),
        AKN.FRBRauthor(href=f"#{SOURCE}"), AKN.FRBRformat(value=MEDIA_TYPE))


def _dated(agreement: Agreement, name: str) -> list[etree._Element]:
    """Return FRBRdate (the draft's date) and one FRBRauthor per signatory (every party when none signs)."""
    authors = [party for party in agreement.parties if party.role == "signatory"] or agreement.parties
    return [AKN.FRBRdate(date=agreement.meta.date.isoformat(), name=name),
            *(AKN.FRBRauthor(href=f"#{party.id}", **{"as": f"#{party.role}"}) for party in authors)]


def references(agreement: Agreement, lang: str, scope: Scope) -> etree._Element:
    """Return `references`: parties and bodies as organizations, zones and the place as locations, roles, the tool."""
    items = [_tlc("TLCOrganization", entry.id, scope.name(entry.id, lang), "organization",
                  scope.short_name(entry.id, lang) if getattr(entry, "short_names", None) else None)
             for entry in (*agreement.parties, *agreement.bodies)]
    items += [_tlc("TLCLocation", zone.id, scope.name(zone.id, lang), "location") for zone in agreement.zones]
    place = agreement.meta.place
    if place and lang in place:
        items.append(_tlc("TLCLocation", PLACE, place[lang], "location"))
    roles = dict.fromkeys(party.role for party in agreement.parties)
    items += [_tlc("TLCRole", role, language(lang).term(role, "roles"), "role") for role in roles]
    items.append(_tlc("TLCObject", SOURCE, SOURCE, "object"))
    return AKN.references(*items, source=f"#{SOURCE}")


def _tlc(tag: str, key: str, shown: str, kind: str, short: str | None = None) -> etree._Element:
    """Return one Top Level Class reference: eId, ontology href and the name shown."""
    element = AKN(tag, eId=key, href=f"/akn/ontology/{kind}/{COUNTRY}/{key}", showAs=shown)
    if short:
        element.set("shortForm", short)
    return element
