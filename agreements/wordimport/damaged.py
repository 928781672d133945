"""Errors of python-docx, lxml or zipfile while an opened Word file is read, as one-line refusals of the file.

python-docx reads some things only when asked (styles, core properties, comments, an attribute's value), so a
file that opened can still fail later. An exception raised inside those libraries while a function reads the
file is the file's fault and becomes `FILE: a damaged Word document (…)` (PD-E080); one raised in peacedraft's
own code is a bug and keeps its traceback.
"""

from __future__ import annotations

import functools
import os
import zipfile

import docx
import lxml
from docx.exceptions import PythonDocxError
from docx.oxml.ns import nsmap
from docx.oxml.exceptions import InvalidXmlError
from lxml import etree

from agreements.wordimport.refusal import one_line
from clauses.errors import InputError

LIBRARIES = tuple(os.path.dirname(module.__file__) + os.sep for module in (docx, lxml)) + (zipfile.__file__,)
ERRORS = (etree.LxmlError, zipfile.BadZipFile, PythonDocxError, InvalidXmlError)


def reads_word(function):
    """Wrap a function whose first argument is a Word file's path so the libraries' errors refuse the file."""

    @functools.wraps(function)
    def wrapper(path: str, *args, **kwargs):
        try:
            return function(path, *args, **kwargs)
        except MemoryError:
            raise
        except Exception as error:
            if not raised_by_library(error):
                raise
            raise InputError(f"{path}: a damaged Word document ({type(error).__name__}: {_prefixed(one_line(error))})",
                             "PD-E080") from None

    return wrapper


def raised_by_library(error: BaseException) -> bool:
    """Return whether an exception is one of the libraries' own, or was raised in their code."""
    if isinstance(error, ERRORS):
        return True
    traceback = error.__traceback__
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    return traceback is not None and traceback.tb_frame.f_code.co_filename.startswith(LIBRARIES)


def _prefixed(text: str) -> str:
    """Return a message with Word's namespaces written as their prefixes ('{…/2006/main}pStyle' → 'w:pStyle')."""
    for prefix, uri in nsmap.items():
        text = text.replace("{" + uri + "}", prefix + ":")
    return text
