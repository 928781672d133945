"""The manifest lists every file with its hash and size; verify finds each missing, altered and extra file."""

from __future__ import annotations

import datetime
import hashlib
import json
import zipfile

import pytest

from clauses.errors import InputError, OutputError
from agreements.package.folder import write_folder, zip_bytes
from agreements.package.manifest import MANIFEST, manifest_bytes, verify

FILES = {"a.txt": b"alpha\n", "text/b.docx": b"PK-not-really", "text/c.json": b"{}\n"}
WHEN = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)


def package_files() -> dict[str, bytes]:
    """Return the sample files with their manifest."""
    return {**FILES, MANIFEST: manifest_bytes(FILES, [{"role": "draft", "name": "d.yaml", "sha256": "0" * 64}],
                                              "9.9", "Title")}


@pytest.fixture
def folder(tmp_path):
    """Return a written sample package folder."""
    return write_folder(package_files(), tmp_path / "pkg")


def test_manifest_lists_every_file_with_its_sha256_and_size():
    data = json.loads(package_files()[MANIFEST])
    assert data["format"] == "peacedraft.package/1" and data["peacedraft"] == "9.9"
    assert data["files"] == [{"path": name, "sha256": hashlib.sha256(FILES[name]).hexdigest(),
                              "size": len(FILES[name])} for name in sorted(FILES)]


def test_an_intact_folder_verifies(folder):
    manifest, found = verify(str(folder))
    assert found == [] and len(manifest["files"]) == 3


def test_one_changed_byte_is_reported_as_altered(folder):
    (folder / "text/b.docx").write_bytes(b"PK-not-reallY")
    found = [str(item) for item in verify(str(folder))[1]]
    assert found == ["altered: text/b.docx (SHA-256 differs from the manifest)"]


def test_a_changed_size_is_reported_with_both_sizes(folder):
    (folder / "a.txt").write_bytes(b"alpha!\n")
    assert [str(item) for item in verify(str(folder))[1]] == ["altered: a.txt (7 bytes, manifest says 6)"]


def test_missing_and_extra_files_are_named(folder):
    (folder / "text/c.json").unlink()
    (folder / "text/new.txt").write_bytes(b"x")
    assert [str(item) for item in verify(str(folder))[1]] == ["missing: text/c.json",
                                                             "extra: text/new.txt (not in the manifest)"]


def test_a_zip_under_a_top_folder_verifies_and_reports_the_same_way(tmp_path):
    path = tmp_path / "pkg.zip"
    path.write_bytes(zip_bytes(package_files(), "pkg", WHEN))
    assert verify(str(path))[1] == []
    files = package_files()
    files["a.txt"] = b"alphA\n"
    path.write_bytes(zip_bytes(files, "pkg", WHEN))
    assert [str(item) for item in verify(str(path))[1]] == ["altered: a.txt (SHA-256 differs from the manifest)"]


def test_zip_entries_are_sorted_dated_and_identical_on_rebuild():
    data = zip_bytes(package_files(), "pkg", WHEN)
    assert data == zip_bytes(dict(reversed(package_files().items())), "pkg", WHEN)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == sorted(names) and names[0] == "pkg/a.txt"
        assert {info.date_time for info in archive.infolist()} == {(2026, 3, 1, 0, 0, 0)}


def test_zip_times_before_1980_are_clamped():
    data = zip_bytes(FILES, "p", datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc))
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


@pytest.mark.parametrize("content, message", [
    (None, "no manifest.json: not a peacedraft package"),
    (b"{", "manifest.json is not valid JSON"),
    (b'{"format": "other", "files": []}', "manifest.json is not a peacedraft.package/1 manifest"),
    (b'{"format": "peacedraft.package/1", "files": [{"path": "../x", "sha256": "' + b"0" * 64 + b'", "size": 1}]}',
     "manifest.json: malformed file entry"),
])
def test_a_bad_manifest_is_refused(tmp_path, content, message):
    files = dict(FILES)
    if content is not None:
        files[MANIFEST] = content
    write_folder(files, tmp_path / "p")
    with pytest.raises(InputError, match=message):
        verify(str(tmp_path / "p"))


def test_a_file_that_is_neither_folder_nor_zip_is_refused(tmp_path):
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="neither a package folder nor a zip file"):
        verify(str(tmp_path / "x.zip"))
    with pytest.raises(InputError, match="no such file or folder"):
        verify(str(tmp_path / "absent"))


def test_an_existing_folder_is_kept_without_force_and_replaced_with_it(folder):
    with pytest.raises(OutputError, match="already exists"):
        write_folder({"z.txt": b"z"}, folder)
    assert (folder / "a.txt").exists()
    write_folder({"z.txt": b"z"}, folder, force=True)
    assert sorted(path.name for path in folder.iterdir()) == ["z.txt"]
    assert [path.name for path in folder.parent.iterdir()] == ["pkg"]


def test_a_failed_write_leaves_neither_the_target_nor_a_temporary_folder(tmp_path):
    with pytest.raises(OutputError, match="cannot write"):
        write_folder({"a": b"1", "a/b": b"2"}, tmp_path / "pkg")
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_the_way_or_a_missing_parent_is_refused(tmp_path):
    (tmp_path / "f").write_bytes(b"")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        write_folder({}, tmp_path / "f", force=True)
    with pytest.raises(OutputError, match="does not exist"):
        write_folder({}, tmp_path / "no" / "pkg")
