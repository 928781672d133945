"""LibreOffice as the partner: open our Word text, edit it with change tracking on, save it as Word again.

Runs under Debian's /usr/bin/python3 (the only Python that imports `uno`):
    python3 uno_edit.py AUTHOR --serve      read one JSON job a line on stdin, answer "done" (or "failed …") per line
A job is {"source": IN.docx, "target": OUT.docx, "edits": [...]}; each edit names the paragraph it works on by
its whole text:
    {"op": "replace", "paragraph": P, "old": WORDS, "new": WORDS}   words of P typed over
    {"op": "insert_after", "paragraph": P, "text": T}               a new paragraph typed after P (Enter, then T)
    {"op": "delete", "paragraph": P}                                P selected with its mark and deleted
    {"op": "move", "paragraph": P, "before": Q}                     P cut and pasted at the start of Q
    {"op": "comment", "paragraph": P, "text": T}                    a comment (annotation) on the whole of P
Tracked changes and comments are AUTHOR's (the user profile's name). One soffice process serves every job.
"""

import json
import os
import subprocess
import sys
import tempfile
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "render", "docx"))
from uno_text import connect, prop  # noqa: E402  (the reviewer's script, next to the render tests)

WORD = "MS Word 2007 XML"


def set_author(context, author):
    """Make AUTHOR the user profile's name, which LibreOffice signs tracked changes with."""
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context)
    path = PropertyValue()
    path.Name, path.Value = "nodepath", "/org.openoffice.UserProfile/Data"
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", (path,))
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def paragraph(document, text):
    """Return the body paragraph whose whole text is TEXT (LookupError when none is)."""
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph") and element.getString() == text:
            return element
    raise LookupError(f"no paragraph reads {text[:60]!r}")


def whole(document, found):
    """Return a cursor over a paragraph and its paragraph mark."""
    cursor = document.getText().createTextCursorByRange(found.getStart())
    cursor.gotoEndOfParagraph(True)
    cursor.goRight(1, True)
    return cursor


def dispatch(context, document, command):
    """Run a menu command on the document's frame."""
    helper = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
    helper.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())


def replace(context, document, edit):
    """Type new words over some words of a paragraph."""
    found = paragraph(document, edit["paragraph"])
    start = edit["paragraph"].index(edit["old"])
    cursor = document.getText().createTextCursorByRange(found.getStart())
    cursor.goRight(start, False)
    cursor.goRight(len(edit["old"]), True)
    cursor.setString(edit["new"])


def insert_after(context, document, edit):
    """Press Enter at the end of a paragraph and type a new one."""
    found = paragraph(document, edit["paragraph"])
    text = document.getText()
    cursor = text.createTextCursorByRange(found.getEnd())
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, edit["text"], False)


def delete(context, document, edit):
    """Select a paragraph with its mark and delete it."""
    whole(document, paragraph(document, edit["paragraph"])).setString("")


def move(context, document, edit):
    """Cut a paragraph with its mark and paste it at the start of another."""
    controller = document.getCurrentController()
    controller.select(whole(document, paragraph(document, edit["paragraph"])))
    dispatch(context, document, ".uno:Cut")
    target = paragraph(document, edit["before"])
    controller.select(document.getText().createTextCursorByRange(target.getStart()))
    dispatch(context, document, ".uno:Paste")


def comment(context, document, edit):
    """Anchor a comment on the whole text of a paragraph."""
    found = paragraph(document, edit["paragraph"])
    cursor = document.getText().createTextCursorByRange(found.getStart())
    cursor.gotoEndOfParagraph(True)
    annotation = document.createInstance("com.sun.star.text.textfield.Annotation")
    annotation.setPropertyValue("Author", edit["author"])
    annotation.setPropertyValue("Content", edit["text"])
    document.getText().insertTextContent(cursor, annotation, True)


EDITS = {"replace": replace, "insert_after": insert_after, "delete": delete, "move": move, "comment": comment}


def edit_file(context, desktop, job):
    """Open a Word file, make the job's edits with changes recorded, and save it as Word."""
    url = uno.systemPathToFileUrl(os.path.abspath(job["source"]))
    document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    try:
        document.setPropertyValue("RecordChanges", True)
        for edit in job["edits"]:
            EDITS[edit["op"]](context, document, edit)
        target = uno.systemPathToFileUrl(os.path.abspath(job["target"]))
        document.storeToURL(target, (prop("FilterName", WORD),))
    finally:
        document.close(True)


def main():
    """Serve edit jobs read from stdin, one JSON object a line."""
    author = sys.argv[1]
    pipe = f"peacedraft-{uuid.uuid4().hex}"
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                               "--norestore", f"--accept=pipe,name={pipe};urp;"])
    try:
        context, desktop = connect(pipe)
        set_author(context, author)
        print("ready", flush=True)
        for line in sys.stdin:
            try:
                edit_file(context, desktop, json.loads(line))
                print("done", flush=True)
            except Exception as error:  # report and go on: the test decides
                print(f"failed {type(error).__name__}: {error}".replace("\n", " "), flush=True)
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
