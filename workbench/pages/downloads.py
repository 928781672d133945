"""Downloads: the Word text in each language and side by side, its PDF, the redline of two versions, the package.

Every file is made as the command line makes it (render, diff -o, package --zip), so the same draft gives the same
bytes (dated by SOURCE_DATE_EPOCH, else the draft's date). Making one runs in a worker thread; PDF and package
take seconds, and other pages are answered meanwhile.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from agreements.text_language import text_language
from clauses.errors import InputError, OutputError
from workbench.pages.versions import chosen_sides, compared, language_asked
from workbench.rounds import Names, compared_with, previous_round
from workbench.sides import MATPLOTLIB, Cache, Side, agreement_of, choose, folder_files, revisions, version_bytes
from workbench.state import Bench

PARALLEL = "parallel"
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA_TYPES = {"docx": WORD_TYPE, "redline": WORD_TYPE, "pdf": "application/pdf", "package": "application/zip"}
NO_PREVIOUS = "none"  # the package's `against` value for a package without a previous round
UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")
MADE = Cache(12)


@dataclass(frozen=True)
class Download:
    """A file to send: the stem of its name (the draft's), the rest of its name ('.ko.docx') and its bytes."""

    stem: str
    rest: str
    data: bytes

    def disposition(self) -> str:
        """Return a Content-Disposition that saves the file by its name: in ASCII, and in UTF-8 (RFC 5987)."""
        plain = (UNSAFE_IN_NAME.sub("_", self.stem).strip("_.") or "draft") + self.rest
        name = self.stem + self.rest
        header = f'attachment; filename="{plain}"'
        return header if plain == name else f"{header}; filename*=UTF-8''{quote(name, safe='')}"


def pdf_available() -> bool:
    """Return whether LibreOffice's soffice is on the PATH (how agreements/render/pdf.py finds it)."""
    from agreements.render.pdf import soffice

    try:
        soffice()
    except OutputError:
        return False
    return True


def stem_of(draft: str) -> str:
    """Return a draft's file name without folder and suffix ('draft')."""
    return PurePosixPath(draft).stem or "draft"


def word_text(bench: Bench, draft: str, lang: str | None, as_pdf: bool) -> Download:
    """Return the draft as a Word document (or its PDF) in a language, or side by side ('parallel')."""
    side = Side(bench.resolve(draft), draft)
    agreement = agreement_of(bench.root, side)
    chosen = PARALLEL if lang == PARALLEL else text_language(agreement, lang, draft)

    def make() -> bytes:
        from agreements.render.docx.render import render_docx

        data = render_docx(agreement, chosen)
        if not as_pdf:
            return data
        from agreements.document.compose import document_time
        from agreements.render.pdf import word_to_pdf

        return word_to_pdf(data, document_time(agreement))

    suffix = "pdf" if as_pdf else "docx"
    return Download(stem_of(draft), f".{chosen}.{suffix}", MADE.get((side.key(), chosen, suffix), make))


def redline(bench: Bench, draft: str, old: str, new: str, lang: str | None) -> Download:
    """Return the redline of two versions: the new one in Word with every difference from the old one tracked."""
    from agreements.diff.redline import redline_docx

    old_side, new_side = chosen_sides(bench, draft, old, new, revisions(bench.root, draft), compared_with)
    if old_side is None:
        raise InputError(f"{draft}: no earlier revision in git: choose the old version", "PD-E125")
    result = compared(bench, old_side, new_side, lang)
    comparison = result.comparison
    data = MADE.get((old_side.key(), new_side.key(), result.lang, "redline"),
                    lambda: redline_docx(comparison.old, comparison.new, comparison, result.lang))
    return Download(stem_of(new_side.relative), f".redline.{result.lang}.docx", data)


def package(bench: Bench, draft: str, against: str, allow_findings: bool) -> Download:
    """Return the negotiation package as a zip, built in a temporary folder as `package --zip` builds it."""
    from agreements.package.build import InputDraft, build_package, package_time
    from agreements.package.folder import write_folder, zip_bytes

    current = Side(bench.resolve(draft), draft)
    if against == NO_PREVIOUS:
        previous = None
    else:
        previous = choose(bench, draft, against) if against else previous_round(bench, draft,
                                                                                 revisions(bench.root, draft))

    def read(side: Side) -> InputDraft:
        return InputDraft(side.name, version_bytes(bench.root, side), agreement_of(bench.root, side))

    def make() -> bytes:
        drafts = read(current), previous and read(previous)
        with MATPLOTLIB:  # the package draws the timeline chart
            built = build_package(*drafts, allow_findings)
        top = f"{UNSAFE_IN_NAME.sub('_', stem_of(draft))}-package"
        with tempfile.TemporaryDirectory(prefix="peacedraft-package-") as folder:
            target = Path(folder, top)
            zip_path = Path(folder, f"{top}.zip")
            write_folder(built.files, target, False, (str(zip_path), zip_bytes(built.files, top, package_time(built))))
            return zip_path.read_bytes()

    key = (current.key(), previous and previous.key(), allow_findings, "package")
    return Download(stem_of(draft), "-package.zip", MADE.get(key, make))


def made(bench: Bench, draft: str, query) -> tuple[str, Download]:
    """Return what a download link asks for (what=docx, pdf, redline or package) and the file made for it."""
    what = query.get("what", "")
    lang = query.get("lang", "").strip()
    asked = PARALLEL if lang == PARALLEL and what in ("docx", "pdf") else language_asked(lang)
    if what in ("docx", "pdf"):
        return what, word_text(bench, draft, asked, what == "pdf")
    if what == "redline":
        return what, redline(bench, draft, query.get("old", "").strip(), query.get("new", "").strip(), asked)
    if what == "package":
        return what, package(bench, draft, query.get("against", "").strip(), query.get("allow_findings") == "yes")
    raise InputError(f"{what!r}: no such download (docx, pdf, redline or package)", "PD-E125")


async def download(request: Request) -> Response:
    """Return a file to save: its media type, an attachment name, the same bytes for the same draft."""
    bench: Bench = request.app.state.bench
    what, result = await run_in_threadpool(made, bench, request.path_params["path"], request.query_params)
    return Response(result.data, media_type=MEDIA_TYPES[what],
                    headers={"Content-Disposition": result.disposition()})


def page_context(bench: Bench, draft: str) -> dict:
    """Return what the downloads page offers: the draft's languages, its versions, the folder's files, PDF or not."""
    side = Side(bench.resolve(draft), draft)
    found = revisions(bench.root, draft)
    names = Names(bench, draft, found)
    previous = previous_round(bench, draft, found)
    return {"draft": draft, "draft_languages": list(agreement_of(bench.root, side).meta.languages),
            "revisions": found, "files": folder_files(bench), "old_side": compared_with(bench, draft, found),
            "new_side": side, "previous": previous, "previous_name": names.side(previous), "names": names,
            "pdf": pdf_available(), "parallel": PARALLEL, "no_previous": NO_PREVIOUS}


async def downloads_page(request: Request):
    """Return the downloads page of a draft: links to each Word text and PDF, forms for the redline and package."""
    bench: Bench = request.app.state.bench
    context = await run_in_threadpool(page_context, bench, request.path_params["path"])
    return bench.page(request, "downloads.html", **context)


routes = [Route("/downloads/{path:path}", downloads_page, methods=["GET"]),
          Route("/download/{path:path}", download, methods=["GET"])]
