"""Every `Example:` line of every command's --help runs, in a folder holding the files the examples name.

The folder is made from the shipped rounds: example.yaml, draft.yaml, round-2.yaml and round-3.yaml are
round 2, round-1.yaml round 1; en.docx, ko.docx and zh.docx round 2 in Word, partner-draft.docx its Korean;
my-precedents/ a shipped precedent file; negotiation-package.zip the package of the shipped example, signed with delegation-key, which
allowed_signers lists; pax_all_agreements_data.csv a small table in the PA-X
Database's columns; drafts/ rounds 1 and 2. A `serve` example is checked up to the point where it would serve:
it prints its address and opens the browser with --open. An
example exits 0, or with the code its line names: `Example (exit 1): …`. One that writes a PDF needs
LibreOffice, and is skipped only where LibreOffice is not installed.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.render.docx.render import render_docx
from cli import main
from tests.agreements.render.docx.test_libreoffice import require_libreoffice
from tests.precedents.pax_table import write_table

EXAMPLE = re.compile(r"^\s*Example(?: \(exit (\d)\))?: (.+)$")
PRECEDENT = Path(__file__).resolve().parents[1] / "precedents" / "corpus" / "paris-1973.yaml"
OUTPUT_OPTIONS = ("-o", "--output", "--summary-out")


def commands(group: click.Group, path: tuple[str, ...] = ()):
    """Yield (words, command) for every command of a click group, its subcommands' included."""
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def examples() -> list[tuple[str, int, str]]:
    """Return (command, exit code, example) for every Example line of every command's help."""
    found = []
    for words, command in commands(main):
        for line in (command.help or "").splitlines():
            match = EXAMPLE.match(line)
            if match:
                found.append((" ".join(words), int(match.group(1) or 0), match.group(2).strip()))
    return found


EXAMPLES = examples()


def outputs(words: list[str]) -> set[str]:
    """Return the files an example writes that must not be there before it runs (new's DRAFT, -o FILE …)."""
    named = {after for before, after in zip(words, words[1:]) if before in OUTPUT_OPTIONS}
    return named | ({words[2]} if words[1] == "new" else set())


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """Return a folder holding every file the examples read, made from the shipped rounds."""
    folder = tmp_path_factory.mktemp("examples")
    for name, source in [("example", "round-2"), ("draft", "round-2"), ("round-1", "round-1"),
                         ("round-2", "round-2"), ("round-3", "round-2")]:
        shutil.copyfile(example_path(source), folder / f"{name}.yaml")
    round_2 = load_agreement(str(example_path("round-2")))
    for lang in ("en", "ko", "zh"):
        (folder / f"{lang}.docx").write_bytes(render_docx(round_2, lang))
    shutil.copyfile(folder / "ko.docx", folder / "partner-draft.docx")
    write_table(folder / "pax_all_agreements_data.csv")
    (folder / "my-precedents").mkdir()
    shutil.copyfile(PRECEDENT, folder / "my-precedents" / PRECEDENT.name)
    key = folder / "delegation-key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "alice@rok.example", "-f", str(key)],
                   check=True, capture_output=True)
    public = (folder / "delegation-key.pub").read_text(encoding="utf-8")
    (folder / "allowed_signers").write_text(f'alice@rok.example namespaces="peacedraft-package" {public}',
                                            encoding="utf-8")
    package = CliRunner().invoke(main, ["package", "-o", str(folder / "negotiation-package"), "--zip",
                                        "--sign", str(key)])
    assert package.exit_code == 0, package.output
    shutil.rmtree(folder / "negotiation-package")
    (folder / "drafts").mkdir()
    for name in ("round-1", "round-2"):
        shutil.copyfile(example_path(name), folder / "drafts" / f"{name}.yaml")
    return folder


def test_every_command_has_an_example():
    leaves = {" ".join(words) for words, command in commands(main) if not isinstance(command, click.Group)}
    assert leaves - {command for command, _, _ in EXAMPLES} == set()


@pytest.mark.parametrize("command, code, example", EXAMPLES, ids=[example for _, _, example in EXAMPLES])
def test_help_example_runs(scratch, tmp_path, monkeypatch, command, code, example):
    words = shlex.split(example)
    assert words[0] == "peacedraft" and " ".join(words[1:]).startswith(command), example
    if any(word.lower().endswith(".pdf") for word in words) or "pdf" in words:
        require_libreoffice()
    folder = tmp_path / "scratch"
    shutil.copytree(scratch, folder)
    for name in outputs(words):
        (folder / name).unlink(missing_ok=True)
    monkeypatch.chdir(folder)
    words, redirected = (words[:words.index(">")], words[words.index(">") + 1]) if ">" in words else (words, None)
    served = serving_stub(monkeypatch) if command == "serve" else None
    result = CliRunner().invoke(main, words[1:])
    assert "Traceback" not in result.output
    assert result.exit_code == code, result.output
    if redirected:
        (folder / redirected).write_text(result.stdout, encoding="utf-8")
        assert result.stdout
    if served is not None:
        assert result.stdout.startswith("peacedraft workbench: http://127.0.0.1:"), result.output
        assert served == (["opened", "served"] if "--open" in words else ["served"])


def serving_stub(monkeypatch) -> list[str]:
    """Return a list that records what `serve` did instead of serving (uvicorn and the browser stubbed, any port)."""
    from workbench import server

    done: list[str] = []
    any_port = server.bound_socket
    monkeypatch.setattr(server, "bound_socket", lambda host, port: any_port(host, 0))
    monkeypatch.setattr("uvicorn.Server.run", lambda self, sockets: [done.append("served"), sockets[0].close()])
    monkeypatch.setattr("webbrowser.open", lambda address: done.append("opened"))
    return done
