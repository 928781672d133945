"""The raw Word XML of a document's other parts, as the house style sets them: the styles' fonts, the theme's
fonts, the font table, and the settings' request to update fields on opening (ooxml.py writes the rest)."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from agreements.render.docx.ooxml import element

THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
# w:settings children that come after w:updateFields in the schema's order
AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                       "attachedSchema", "themeFontLang", "clrSchemeMapping")
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def strip_theme_fonts(styles_element) -> None:
    """Remove the theme fonts from every style and the defaults, so the fonts they name are the ones used."""
    for fonts in styles_element.iter(qn("w:rFonts")):
        for name in THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(f"w:{name}"), None)
        if not len(fonts.attrib):
            fonts.getparent().remove(fonts)


def themed_with(theme: bytes, latin: str) -> bytes:
    """Return a theme part whose heading and body fonts (major and minor) are a Latin face."""
    root = etree.fromstring(theme)
    for scheme in ("majorFont", "minorFont"):
        root.find(f".//{DRAWING}{scheme}/{DRAWING}latin").set("typeface", latin)
    return _serialised(root)


def font_table_with(font_table: bytes, name: str, alt_name: str | None, panose: str, charset: str,
                    family: str) -> bytes:
    """Return a font table part listing one more face: its other name, PANOSE class, character set and family."""
    root = etree.fromstring(font_table)
    font = element("w:font", name=name)
    if alt_name:
        font.append(element("w:altName", val=alt_name))
    font.append(element("w:panose1", val=panose))
    font.append(element("w:charset", val=charset))
    font.append(element("w:family", val=family))
    font.append(element("w:pitch", val="variable"))
    root.append(font)
    return _serialised(root)


def _serialised(root) -> bytes:
    """Return an XML part's bytes, declared standalone as Word writes them."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def update_fields_on_open(settings) -> None:
    """Ask Word to update the document's fields when it opens it (w:updateFields, in the schema's place)."""
    if settings.find(qn("w:updateFields")) is not None:
        return
    flag = element("w:updateFields", val="true")
    later = next((child for child in settings if child.tag in {qn(f"w:{name}") for name in AFTER_UPDATE_FIELDS}),
                 None)
    if later is not None:
        later.addprevious(flag)
    else:
        settings.append(flag)
