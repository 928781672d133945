"""LibreOffice as the reviewer: open Word files, accept or reject all tracked changes, save the text.

Runs under Debian's /usr/bin/python3 (the only Python that imports `uno`):
    python3 uno_text.py OUT_DIR MODE:FILE.docx ...     MODE is plain, accept or reject
    python3 uno_text.py OUT_DIR --serve                 read MODE:FILE lines on stdin, answer "done" per line
Writes OUT_DIR/<file stem>.<mode>.txt for each input. One soffice process serves every file.
"""

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
    """Return the desktop of the soffice listening on a named pipe, waiting for it to start."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:
            time.sleep(0.5)
    raise SystemExit("soffice did not start")


def convert(context, desktop, mode, path, out_dir):
    """Open one document, accept or reject its changes, and store its text."""
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if mode in ("accept", "reject"):
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
        dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
    page_numbers_as_marks(document)
    stem = os.path.splitext(os.path.basename(path))[0]
    target = uno.systemPathToFileUrl(os.path.abspath(os.path.join(out_dir, f"{stem}.{mode}.txt")))
    document.storeToURL(target, (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF")))
    document.close(True)


def page_numbers_as_marks(document):
    """Replace each page reference (the contents' PAGEREF fields) by what it shows, its digits as '#'.

    The page follows the layout, which accepting or rejecting changes may shift by a line; the words compared
    are the same, and a reference that finds no bookmark still reads "Error: Reference source not found".
    """
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


def main():
    """Convert every MODE:FILE argument into OUT_DIR."""
    out_dir = sys.argv[1]
    serving = sys.argv[2:] == ["--serve"]
    jobs = [] if serving else [argument.split(":", 1) for argument in sys.argv[2:]]
    pipe = f"peacedraft-{uuid.uuid4().hex}"
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                               "--norestore", f"--accept=pipe,name={pipe};urp;"])
    try:
        context, desktop = connect(pipe)
        for mode, path in jobs:
            convert(context, desktop, mode, path, out_dir)
        if serving:
            print("ready", flush=True)
            for line in sys.stdin:
                mode, path = line.strip().split(":", 1)
                try:
                    convert(context, desktop, mode, path, out_dir)
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
