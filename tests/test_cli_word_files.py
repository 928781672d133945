"""Outside Word files that are valid but unusual, or damaged: imported, diffed and taken in, or refused in one line
with exit 2, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.render.docx.render import render_docx
from cli import main
from tests.agreements.render.docx.test_libreoffice import convert, require_libreoffice
from tests.agreements.wordimport import odd_packages
from tests.agreements.wordimport.odd_packages import CORE, RT, edited, members_of, with_relationship, write

ROUND_2 = str(example_path("round-2"))


REAL_DOCX = Path(__file__).resolve().parents[2] / "shared" / "reference" / "real-docx"


def _odd(tmp_path: Path, name: str, members: dict[str, bytes]) -> Path:
    """Write a generated package and return its path."""
    return write(tmp_path / name, members)


def _refused(result, path: Path, message: str) -> None:
    """Check a command refused a Word file with exactly one line and exit 2."""
    assert (result.exit_code, result.stderr) == (2, f"peacedraft: {path}: {message}\n"), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("build", ["default_declared", "renamed_main", "strict"])
def test_import_reads_a_package_written_another_way(runner, tmp_path, build):
    source = _odd(tmp_path, "odd.docx", getattr(odd_packages, build)("AGREEMENT ON PEACE", "The war is over."))
    target = tmp_path / "odd.yaml"
    result = runner.invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith(f"wrote {target} (")
    assert "The war is over." in target.read_text(encoding="utf-8")


def test_import_of_two_core_properties_exits_2_in_one_line(runner, tmp_path):
    source = _odd(tmp_path, "two.docx", with_relationship(members_of("x"), "_rels/.rels", "rId9", CORE,
                                                          "docProps/core.xml"))
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "x.yaml")])
    _refused(result, source, "a damaged Word document (_rels/.rels has 2 core-properties relationships; at most one "
                             "is allowed) [PD-E080]")
    assert not (tmp_path / "x.yaml").exists()


def test_import_notes_a_missing_styles_part_and_ignores_other_missing_parts(runner, tmp_path):
    members = with_relationship(members_of("The war is over."), "word/_rels/document.xml.rels", "rIdX",
                                RT + "hyperlink", "#_Toc1")
    del members["word/styles.xml"]
    source = _odd(tmp_path, "no-styles.docx", members)
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "styles part" in line] == [
        f"{source}: note: the styles part word/styles.xml is missing: styles are known by their ids only"]


def _read_lazily_damaged(tmp_path: Path) -> Path:
    """Return a rendered draft whose Title style has a name without a value (python-docx raises on reading it)."""
    with zipfile.ZipFile(io.BytesIO(render_docx(load_agreement(ROUND_2), "en"))) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    styles = members["word/styles.xml"].decode()
    title = styles.index('w:styleId="Title"')
    name = styles[styles.index("<w:name ", title):styles.index("/>", styles.index("<w:name ", title)) + 2]
    return _odd(tmp_path, "lazy.docx", edited(members, "word/styles.xml", name, "<w:name/>"))


LAZY = "a damaged Word document (InvalidXmlError: required 'w:val' attribute not present on element w:name) [PD-E080]"


@pytest.mark.parametrize("command", ["import", "diff", "intake"])
def test_an_error_python_docx_raises_while_reading_exits_2_in_one_line(runner, tmp_path, command):
    source = _read_lazily_damaged(tmp_path)
    draft = tmp_path / "draft.yaml"
    draft.write_bytes(Path(ROUND_2).read_bytes())
    arguments = {"import": ["import", str(source), "-o", str(tmp_path / "x.yaml")],
                 "diff": ["diff", str(draft), str(source)],
                 "intake": ["intake", str(source), "--into", str(draft), "--party", "rok"]}[command]
    _refused(runner.invoke(main, arguments), source, LAZY)


@pytest.mark.parametrize(("members", "message"), [
    ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
     "not a Word document (an OpenDocument text (.odt): save it as .docx) [PD-E080]"),
])
def test_import_names_the_format_of_another_zip(runner, tmp_path, members, message):
    source = _odd(tmp_path, "text.docx", members)
    _refused(runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "x.yaml")]), source, message)


def test_import_names_a_flat_opc_file(runner, tmp_path):
    source = tmp_path / "flat.docx"
    source.write_bytes(b'<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/'
                       b'xmlPackage"/>')
    _refused(runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "x.yaml")]), source,
             "not a Word document (a Flat OPC XML file: save it as .docx) [PD-E080]")


@pytest.mark.skipif(not REAL_DOCX.is_dir(), reason=f"the real Word files folder {REAL_DOCX} is missing")
@pytest.mark.parametrize("name", sorted(path.name for path in REAL_DOCX.glob("*.docx")) or ["none"])
def test_every_real_word_file_imports(runner, tmp_path, name):
    target = tmp_path / "real.yaml"
    result = runner.invoke(main, ["import", str(REAL_DOCX / name), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith(f"wrote {target} (")


@pytest.mark.skipif(not REAL_DOCX.is_dir(), reason=f"the real Word files folder {REAL_DOCX} is missing")
def test_the_strict_file_imports_the_paragraphs_libreoffice_shows(runner, tmp_path):
    require_libreoffice()
    source = tmp_path / "strict.docx"
    source.write_bytes((REAL_DOCX / "oxsdk--O14ISOStrict-paperSrc.docx").read_bytes())
    convert(tmp_path, [source], "txt:Text (encoded):UTF8", timeout=300)
    shown = (tmp_path / "strict.txt").read_text(encoding="utf-8-sig").split()
    assert runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "s.yaml")]).exit_code == 0
    imported = load_agreement(str(tmp_path / "s.yaml"))
    assert shown == " ".join([imported.meta.title["en"], *(recital.text["en"] for recital in imported.preamble)]).split()
