"""What an Office package declares: its parts' content types, its relationships, and which part is its main document.

Read from the XML of `[Content_Types].xml` and the `.rels` parts once they passed the safety checks. Relationship
types are kept in their transitional form (a Strict package's are mapped by strict.py), and a relationship's target
is resolved to a zip member name as python-docx resolves it (relative to its source part's folder, no percent-decoding).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from collections.abc import Collection
from pathlib import PurePosixPath

from agreements.wordimport.formats import other_main
from agreements.wordimport.refusal import Refused
from agreements.wordimport.strict import transitional_uri

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT = OFFICE_RT + "officeDocument"
ALT_CHUNK = OFFICE_RT + "aFChunk"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."
WORD_MAIN = WORD + "document.main+xml"
WORD_PACKAGE = WORD + "document"
# The relationships python-docx follows one of a kind (two make it raise), with the content type it reads its target as.
SINGLE = {
    OFFICE_DOCUMENT: ("officeDocument", WORD_MAIN),
    CORE_PROPERTIES: ("core-properties", "application/vnd.openxmlformats-package.core-properties+xml"),
    OFFICE_RT + "styles": ("styles", WORD + "styles+xml"),
    OFFICE_RT + "numbering": ("numbering", WORD + "numbering+xml"),
    OFFICE_RT + "settings": ("settings", WORD + "settings+xml"),
    OFFICE_RT + "comments": ("comments", WORD + "comments+xml"),
    OFFICE_RT + "footnotes": ("footnotes", WORD + "footnotes+xml"),
    OFFICE_RT + "endnotes": ("endnotes", WORD + "endnotes+xml"),
}


@dataclass
class ContentTypes:
    """What [Content_Types].xml declares: content types by extension and by part name (lower case, no '/')."""

    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)

    def of(self, name: str) -> str:
        """Return the content type of a zip member, '' when none is declared."""
        extension = PurePosixPath(name).suffix[1:].lower()
        return self.overrides.get(name.lower(), self.defaults.get(extension, ""))


@dataclass(frozen=True)
class Relationship:
    """One relationship of a .rels part: its id, type (transitional), target and resolved member name."""

    rels: str  # the .rels member it is written in
    id: str | None
    type: str
    target: str | None
    external: bool

    @property
    def part(self) -> str | None:
        """Return the zip member name an internal relationship points at (None for an external or targetless one)."""
        if self.external or self.target is None:
            return None
        return posixpath.abspath(posixpath.join(rels_base(self.rels), self.target))[1:]


@dataclass
class Package:
    """A package that passed the checks: its bytes, members, declarations, and which members are read how."""

    data: bytes
    members: list[str]
    types: ContentTypes
    relationships: list[Relationship]
    main: str
    xml: set[str] = field(default_factory=set)  # members checked as XML (python-docx may parse them)
    strict: set[str] = field(default_factory=set)  # XML members that name Strict's namespaces
    chunks: dict[str, bool] = field(default_factory=dict)  # aFChunk targets: whether the part is a zip

    def __post_init__(self):
        self.names = set(self.members)

    def rels_of(self, part: str | None) -> list[Relationship]:
        """Return the relationships whose source is a part (None: the package's own)."""
        name = PACKAGE_RELS if part is None else rels_name(part)
        return [relationship for relationship in self.relationships if relationship.rels == name]


def rels_base(rels: str) -> str:
    """Return the folder, as an absolute URI, that a .rels part's targets are relative to."""
    folder = posixpath.dirname(posixpath.dirname(rels))
    return "/" + folder if folder else "/"


def rels_name(part: str) -> str:
    """Return the .rels member that holds a part's relationships."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def read_content_types(root) -> ContentTypes:
    """Return the declarations of a parsed [Content_Types].xml."""
    types = ContentTypes()
    for child in root:
        if child.tag == CT_NS + "Default":
            types.defaults[child.get("Extension", "").lower()] = child.get("ContentType", "")
        elif child.tag == CT_NS + "Override":
            types.overrides[child.get("PartName", "").lstrip("/").lower()] = child.get("ContentType", "")
    return types


def read_relationships(name: str, root) -> list[Relationship]:
    """Return the relationships of a parsed .rels part, their types in transitional form."""
    return [Relationship(name, child.get("Id"), transitional_uri(child.get("Type") or ""), child.get("Target"),
                         child.get("TargetMode") == "External")
            for child in root if child.tag == RELS_NS + "Relationship"]


def is_rels(name: str) -> bool:
    """Return whether a member is a relationships part ('_rels/.rels', 'word/_rels/document.xml.rels')."""
    return name.endswith(".rels") and posixpath.basename(posixpath.dirname(name)) == "_rels"


def shown(name: str) -> str:
    """Return a member name fit for a one-line message (quoted when it holds odd characters)."""
    return name if name.isprintable() and name.strip() == name and name else repr(name)


def main_part(package: Package) -> str:
    """Return the main part the package's officeDocument relationship names, refusing one that is no Word document."""
    offices = [item.part for item in package.rels_of(None) if item.type == OFFICE_DOCUMENT and item.part]
    if not offices:
        _refuse_without_main(package.names, package.types)
    main = next((name for name in package.members if name.lower() == offices[0].lower()), None)
    if main is None:
        raise Refused(f"not a Word document (a zip without {shown(offices[0])})", "PD-E080")
    content_type = package.types.of(main)
    if content_type != WORD_MAIN:
        raise Refused(other_main(content_type) or f"not a Word document ({CONTENT_TYPES} does not declare "
                      f"{shown(main)} as one)", "PD-E080")
    return main


def _refuse_without_main(members: Collection[str], types: ContentTypes) -> None:
    """Refuse a package whose relationships name no main part: what it declares instead, or what it lacks."""
    for content_type in (*types.overrides.values(), *types.defaults.values()):
        if message := other_main(content_type):
            raise Refused(message, "PD-E080")
    names = {name.lower() for name in members}
    declared = [part for part, content_type in types.overrides.items() if content_type == WORD_MAIN]
    for part in declared:
        if part not in names:
            raise Refused(f"not a Word document (a zip without {shown(part)})", "PD-E080")
    if not declared and "word/document.xml" not in members:
        raise Refused("not a Word document (a zip without word/document.xml)", "PD-E080")
    if PACKAGE_RELS not in members:
        raise Refused(f"not a Word document (a zip without {PACKAGE_RELS})", "PD-E080")
    raise Refused(f"a damaged Word document ({PACKAGE_RELS} names no main document part)", "PD-E080")


def check_single(package: Package) -> None:
    """Refuse two relationships of a kind a part may have one of (two core properties …), as python-docx would."""
    counts: dict[tuple[str, str], int] = {}
    for item in package.relationships:
        if item.type in SINGLE and item.part in package.names:
            counts[item.rels, item.type] = counts.get((item.rels, item.type), 0) + 1
    for (rels, kind), count in counts.items():
        if count > 1:
            raise Refused(f"a damaged Word document ({shown(rels)} has {count} {SINGLE[kind][0]} relationships; "
                          "at most one is allowed)", "PD-E080")
