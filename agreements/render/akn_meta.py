"""The Akoma Ntoso `meta` block of a document: FRBR identification and references (parties, bodies, places, roles)."""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

from agreements.document.blocks import Document
from clauses.languages import LanguageError, language

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})
COUNTRY = "int"
SOURCE = "peacedraft"
PLACE = "place"
MEDIA_TYPE = "application/akn+xml"


def work_uri(document: Document) -> str:
    """Return the Work IRI: /akn/int/act/<form>/<date>/round-<n>."""
    meta = document.meta
    return f"/akn/{COUNTRY}/act/{meta.form}/{meta.date.isoformat()}/round-{meta.round}"


def expression_uri(document: Document, lang: str) -> str:
    """Return the Expression IRI: the Work IRI, the ISO 639-2 language and the version date."""
    return f"{work_uri(document)}/{iso639_2(lang)}@{document.meta.date.isoformat()}"


def iso639_2(lang: str) -> str:
    """Return the ISO 639-2 code of a language, which Akoma Ntoso names languages by (refused when unknown)."""
    code = language(lang).iso639_2
    if code is None:
        raise LanguageError(f"templates/language/{lang}.yaml: no 'iso639_2' code in its record: Akoma Ntoso "
                            "names languages by it", "PD-E039")
    return code


def meta_block(document: Document, lang: str) -> etree._Element:
    """Return `meta`: identification (Work, Expression, Manifestation) and references."""
    identification = AKN.identification(_work(document), _expression(document, lang),
                                        _manifestation(document, lang), source=f"#{SOURCE}")
    return AKN.meta(identification, references(document, lang))


def component_meta(document: Document, lang: str, component: str) -> etree._Element:
    """Return the `meta` of an attached document (an annex, a protocol): its identification as a component.

    The references stay in the main document's meta: their eIds may appear once in the whole act.
    """
    return AKN.meta(AKN.identification(_work(document, component), _expression(document, lang, component),
                                       _manifestation(document, lang, component), source=f"#{SOURCE}"))


def _work(document: Document, component: str = "main") -> etree._Element:
    """Return FRBRWork: the agreement (or one of its components) in no particular language."""
    uri = work_uri(document)
    return AKN.FRBRWork(
        AKN.FRBRthis(value=f"{uri}/!{component}"), AKN.FRBRuri(value=uri), *_dated(document, "draft"),
        AKN.FRBRcountry(value=COUNTRY), AKN.FRBRsubtype(value=document.meta.form),
        AKN.FRBRnumber(value=f"round-{document.meta.round}"))


def _expression(document: Document, lang: str, component: str = "main") -> etree._Element:
    """Return FRBRExpression: the text in one language, authoritative when the language is authentic."""
    uri = expression_uri(document, lang)
    authentic = "true" if lang in document.meta.languages else "false"
    return AKN.FRBRExpression(
        AKN.FRBRthis(value=f"{uri}/!{component}"), AKN.FRBRuri(value=uri), *_dated(document, "version"),
        AKN.FRBRversionNumber(value=document.meta.version), AKN.FRBRauthoritative(value=authentic),
        AKN.FRBRlanguage(language=iso639_2(lang)))


def _manifestation(document: Document, lang: str, component: str = "main") -> etree._Element:
    """Return FRBRManifestation: this XML file, made by peacedraft on the draft's date."""
    uri = expression_uri(document, lang)
    return AKN.FRBRManifestation(
        AKN.FRBRthis(value=f"{uri}/!{component}.xml"), AKN.FRBRuri(value=f"{uri}.akn"),
        AKN.FRBRdate(date=document.meta.date.isoformat(), name="export"),
        AKN.FRBRauthor(href=f"#{SOURCE}"), AKN.FRBRformat(value=MEDIA_TYPE))


def _dated(document: Document, name: str) -> list[etree._Element]:
    """Return FRBRdate (the draft's date) and one FRBRauthor per signatory (every party when none signs)."""
    parties = [entry for entry in document.entries if entry.kind == "party"]
    authors = [party for party in parties if party.role == "signatory"] or parties
    return [AKN.FRBRdate(date=document.meta.date.isoformat(), name=name),
            *(AKN.FRBRauthor(href=f"#{party.id}", **{"as": f"#{party.role}"}) for party in authors)]


def references(document: Document, lang: str) -> etree._Element:
    """Return `references`: parties and bodies as organizations, zones and the place as locations, roles, the tool."""
    items = [_tlc("TLCOrganization", entry.id, entry.names[lang], "organization", entry.short_names.get(lang))
             for entry in document.entries if entry.kind in ("party", "body")]
    items += [_tlc("TLCLocation", entry.id, entry.names[lang], "location")
              for entry in document.entries if entry.kind == "zone"]
    place = document.meta.place
    if place and lang in place:
        items.append(_tlc("TLCLocation", PLACE, place[lang], "location"))
    roles = dict.fromkeys(entry.role for entry in document.entries if entry.kind == "party")
    items += [_tlc("TLCRole", role, language(lang).term(role, "roles"), "role") for role in roles]
    items.append(_tlc("TLCObject", SOURCE, SOURCE, "object"))
    return AKN.references(*items, source=f"#{SOURCE}")


def _tlc(tag: str, key: str, shown: str, kind: str, short: str | None = None) -> etree._Element:
    """Return one Top Level Class reference: eId, ontology href and the name shown."""
    element = AKN(tag, eId=key, href=f"/akn/ontology/{kind}/{COUNTRY}/{key}", showAs=shown)
    if short:
        element.set("shortForm", short)
    return element
