"""LibreOffice as the reviewer, paragraph by paragraph: accept or reject all tracked changes, then list the text.

Runs under Debian's /usr/bin/python3 (the only Python that imports `uno`):
    python3 uno_paragraphs.py OUT_DIR --serve      read MODE:FILE.docx lines on stdin, answer "done" per line
MODE is plain, accept or reject. Writes OUT_DIR/<file stem>.<mode>.json: {"paragraphs": [{"label", "text",
"style"}], "footnotes": [text]}: the body's paragraphs in order (those in tables too), each with the number
LibreOffice draws before it and its text without footnote numbers (a page reference's digits as '#'), and the
text of every footnote.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    """Return a UNO property value."""
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def connect(pipe):
    """Return the context and desktop of the soffice listening on a named pipe, waiting for it to start."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:
            time.sleep(0.5)
    raise SystemExit("soffice did not start")


def paragraphs(text):
    """Return the paragraphs of a text in order, those of its tables' cells row by row."""
    found = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                found += paragraphs(element.getCellByName(name))
        elif element.supportsService("com.sun.star.text.Paragraph"):
            found.append({"label": element.getPropertyValue("ListLabelString"), "text": own_text(element),
                          "style": element.getPropertyValue("ParaStyleName")})
    return found


def own_text(paragraph):
    """Return a paragraph's text without its footnotes' numbers (their texts are listed apart)."""
    parts, portions = [], paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        if portion.getPropertyValue("TextPortionType") != "Footnote":
            parts.append(portion.getString())
    return "".join(parts)


def page_numbers_as_marks(document):
    """Replace each page reference (the contents' PAGEREF fields) by what it shows, its digits as '#' (the page
    follows the layout, which accepting or rejecting may shift)."""
    document.getCurrentController().getViewCursor().jumpToLastPage()  # lays the whole document out
    fields = document.getTextFields()
    fields.refresh()
    found, enumeration = [], fields.createEnumeration()
    while enumeration.hasMoreElements():
        field = enumeration.nextElement()
        if field.supportsService("com.sun.star.text.TextField.GetReference"):
            found.append(field)
    for field in found:
        shown = re.sub(r"[0-9]+", "#", field.getPresentation(False))
        anchor = field.getAnchor()
        anchor.getText().insertString(anchor, shown, True)


def review(context, desktop, mode, path, out_dir):
    """Open one document, accept or reject its changes, and write its paragraphs and footnotes."""
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    try:
        if mode in ("accept", "reject"):
            dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                                          context)
            command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
        page_numbers_as_marks(document)
        notes = document.getFootnotes()
        found = {"paragraphs": paragraphs(document.getText()),
                 "footnotes": [notes.getByIndex(index).getString() for index in range(notes.getCount())]}
    finally:
        document.close(True)
    stem = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(out_dir, f"{stem}.{mode}.json"), "w", encoding="utf-8") as target:
        json.dump(found, target, ensure_ascii=False)


def main():
    """Serve MODE:FILE requests from stdin into OUT_DIR with one soffice."""
    out_dir = sys.argv[1]
    pipe = f"peacedraft-{uuid.uuid4().hex}"
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                               "--norestore", f"--accept=pipe,name={pipe};urp;"])
    try:
        context, desktop = connect(pipe)
        print("ready", flush=True)
        for line in sys.stdin:
            mode, path = line.strip().split(":", 1)
            try:
                review(context, desktop, mode, path, out_dir)
                print("done", flush=True)
            except Exception as error:  # report and go on: the test decides
                print(f"failed {error}", flush=True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
