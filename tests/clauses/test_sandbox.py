"""A hostile folder of clause templates (`render --templates DIR`) reads no file, imports nothing, reaches no internals,
changes no data, and fails with one located line; only the shipped templates are rendered outside the sandbox."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from agreements.drafts import load_agreement
from agreements.document.context import scope_for
from cli import main
from clauses import rendering
from clauses.rendering import CLAUSE_TEMPLATES, RenderError, environment, render_template
from tests.conftest import BASE_DRAFT

ROOT = Path(__file__).resolve().parents[2]
SECRET = "TOPSECRET-7d41c"
PASSWD = "root:x:0:0"
KIND = "un_command_status"  # the kind of unc.status in the base draft (line 56)
TEMPLATE = f"{KIND}.en.j2"

READ_FILES = [
    "{{ open('/etc/passwd').read() }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../etc/passwd' %}",
    "{% include '../secret.txt' %}",
    "{% import '../secret.txt' as s %}{{ s }}",
    "{% from '/etc/passwd' import x %}{{ x }}",
    "{% extends '../secret.txt' %}",
]
IMPORT_MODULES = [
    "{{ self.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ c.model_dump.__func__.__globals__ }}",
    "{% import 'os' as os %}{{ os }}",
]
INTERNALS = [
    "{{ c.__class__ }}",
    "{{ c.__dict__ }}",
    "{{ c['__class__'] }}",
    "{{ c|attr('__class__') }}",
    "{{ c.mro() }}",
    "{{ c.func_globals }}",
    "{{ ([1]|map('string')).gi_frame }}",
    "{{ ([1]|map('string')).gi_code }}",
    "{% for x in [1] %}{{ loop.__class__ }}{% endfor %}",
    "{% set ns = namespace(c=c) %}{{ ns.c.__class__ }}",
    "{{ '{0.__class__}'.format(c) }}",
    "{{ '{0.__init__.__globals__}'.format(c) }}",
    "{{ '{c.__class__}'.format_map({'c': c}) }}",
    "{{ '%(__class__)s' % c }}",
]
MUTATIONS = [
    "{% set _ = c.alternatives.append(1) %}",
    "{% set _ = c.positions.update({'rok': 1}) %}",
    "{{ c.positions.clear() }}",
    "{{ c.proposed_by.extend(['x']) }}",
    "{{ c.translation.setdefault('en', 'final') }}",
    "{{ c.model_fields_set.clear() }}",
    "{{ c.model_config.update({'frozen': true}) }}",
    "{{ c.effective.__setattr__('days', 1) }}",
]
UNCAUGHT = {  # attempts that fail with errors of every other kind: each must still be one located line
    "assign-attribute": "{% set c.id = 'x' %}",
    "huge-range": "{{ range(10**9)|length }}",
    "zero-division": "{{ 1 / 0 }}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "helper-attribute": "{{ deadline('x') }}",
    "cycler-empty": "{{ cycler().next() }}",
    "percent-key": "{{ '%(a)s' % {} }}",
    "filter-argument": "{{ {}|dictsort(by='x') }}",
}


@pytest.fixture
def folder(tmp_path) -> Path:
    """Return a copy of the shipped clause templates, beside a secret file outside it."""
    (tmp_path / "secret.txt").write_text(SECRET + "\n")
    copy = tmp_path / "templates"
    shutil.copytree(CLAUSE_TEMPLATES, copy)
    return copy


def render(folder: Path, hostile: str, *options: str):
    """Replace the template of one kind by a hostile one and render the base draft with the folder."""
    (folder / TEMPLATE).write_text(hostile, encoding="utf-8")
    return CliRunner().invoke(main, ["render", str(BASE_DRAFT), "--templates", str(folder), *options])


def assert_refused(result) -> None:
    """Check exit 2 and one located line naming the node and the template, with no traceback and no secret."""
    assert result.exit_code == 2, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{BASE_DRAFT}:56:13: unc.status: ") and TEMPLATE in lines[0], lines[0]
    assert_no_secret(result)


def assert_no_secret(result) -> None:
    """Check that neither the secret file nor /etc/passwd reached the output."""
    assert SECRET not in result.output and PASSWD not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("hostile", READ_FILES)
def test_a_user_template_cannot_read_files(folder, hostile):
    """open() does not exist, and include/import/extends find nothing outside the folder."""
    assert_refused(render(folder, hostile))


@pytest.mark.parametrize("hostile", IMPORT_MODULES)
def test_a_user_template_cannot_reach_modules(folder, hostile):
    """No path from the template's globals leads to a function's globals or to a module."""
    assert_refused(render(folder, hostile))


@pytest.mark.parametrize("hostile", INTERNALS)
def test_a_user_template_cannot_reach_object_internals(folder, hostile):
    """Dunder attributes, generator frames and format-string field lookups are refused."""
    assert_refused(render(folder, hostile))


def test_percent_formatting_shows_values_only(folder):
    """`'%s' % x` gives the value's text (the clause's fields), never a module, a frame or a secret."""
    result = render(folder, "{{ '%s|%r' % (c, c) }}")
    assert result.exit_code == 0, result.output
    assert "unc.status" in result.stdout and "__" not in result.stdout and "<module" not in result.stdout
    assert_no_secret(result)


@pytest.mark.parametrize("hostile", MUTATIONS)
def test_a_user_template_cannot_change_the_clause(folder, hostile):
    """Mutating methods and setattr are refused on the command line ..."""
    assert_refused(render(folder, hostile))


@pytest.mark.parametrize("hostile", MUTATIONS)
def test_a_refused_mutation_leaves_the_data_as_it_was(folder, hostile):
    """... and the clause given to the template is the same afterwards."""
    agreement = load_agreement(str(BASE_DRAFT))
    clause = agreement.body[0].children[1].children[0]
    assert clause.id == "unc.status"
    scope = scope_for(agreement, folder)
    before, fields = clause.model_dump(), set(clause.model_fields_set)
    (folder / TEMPLATE).write_text(hostile, encoding="utf-8")
    with pytest.raises(RenderError, match=f"template {TEMPLATE}"):
        render_template(KIND, "en", {"c": clause, **scope.helpers("en", KIND)}, folder)
    assert clause.model_dump() == before and clause.model_fields_set == fields


@pytest.mark.parametrize("hostile", list(UNCAUGHT.values()), ids=list(UNCAUGHT))
def test_every_failing_user_template_is_one_line(folder, hostile):
    """Any error a user template raises is reported as one located line, exit 2."""
    assert_refused(render(folder, hostile))


def test_a_bounded_loop_is_allowed(folder):
    """Work within the sandbox's bounds renders: the largest range it allows."""
    result = render(folder, "{{ range(100000)|sum }}")
    assert result.exit_code == 0 and "4999950000" in result.stdout


def _limit_memory() -> None:
    """Cap the child's address space at 2 GiB."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_a_huge_string_fails_cleanly(folder):
    """Multiplying a string past memory ends in one located line, exit 2 (run in a child with 2 GiB)."""
    (folder / TEMPLATE).write_text("{{ ('x' * 10**10)|length }}", encoding="utf-8")
    child = subprocess.run([sys.executable, "-m", "cli", "render", str(BASE_DRAFT), "--templates", str(folder)],
                           check=False, capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.returncode == 2 and len(child.stderr.splitlines()) == 1, child.stderr[-300:]


@pytest.mark.parametrize("link", ["included", "the template itself"])
def test_a_symbolic_link_does_not_lead_out_of_the_folder(folder, link):
    """A link in the folder to a file outside it is not read."""
    secret = folder.parent / "secret.txt"
    if link == "included":
        (folder / "leak.j2").symlink_to(secret)
        result = render(folder, "{% include 'leak.j2' %}")
    else:
        (folder / TEMPLATE).unlink()
        (folder / TEMPLATE).symlink_to(secret)
        result = CliRunner().invoke(main, ["render", str(BASE_DRAFT), "--templates", str(folder)])
    assert SECRET not in result.output and result.exit_code == 2


def test_a_missing_include_is_named(folder):
    """An include that is not found names the file the template asked for."""
    result = render(folder, "{% include 'missing.j2' %}")
    assert result.exit_code == 2 and "missing.j2" in result.stderr


def test_only_the_shipped_folder_is_rendered_outside_the_sandbox(tmp_path):
    """Without a user folder the environment is plain and loads from the shipped folder; with one, it is sandboxed."""
    shipped = environment(None)
    assert not isinstance(shipped, SandboxedEnvironment)
    assert isinstance(shipped.loader, jinja2.FileSystemLoader)
    assert [Path(path) for path in shipped.loader.searchpath] == [CLAUSE_TEMPLATES]
    for user in (tmp_path, CLAUSE_TEMPLATES, tmp_path / "missing"):
        assert isinstance(environment(user), ImmutableSandboxedEnvironment)


@pytest.mark.parametrize("options", [[], ["--format", "markdown"], ["-o", "out.docx"],
                                     ["-o", "out.docx", "--lang", "parallel"]], ids=["text", "markdown", "docx",
                                                                                     "parallel"])
def test_every_user_template_is_loaded_by_the_sandbox(tmp_path, monkeypatch, options):
    """Whatever the output, each template read from the user's folder is read by a sandboxed environment."""
    user = tmp_path / "mine"
    shutil.copytree(CLAUSE_TEMPLATES, user)
    for path in user.glob("*.j2"):
        path.write_text("MINE " + path.read_text(encoding="utf-8"), encoding="utf-8")
    loads: list[tuple[bool, Path]] = []
    real = jinja2.FileSystemLoader.get_source

    def get_source(self, env, name):
        found = real(self, env, name)
        loads.append((isinstance(env, SandboxedEnvironment), Path(found[1])))
        return found

    monkeypatch.setattr(jinja2.FileSystemLoader, "get_source", get_source)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["render", str(BASE_DRAFT), "--templates", str(user), *options])
    assert result.exit_code == 0, result.output
    from_user = [sandboxed for sandboxed, path in loads if path.parent == user]
    assert len(from_user) >= 4 and all(from_user)
    assert all(sandboxed or path.is_relative_to(CLAUSE_TEMPLATES.parent) for sandboxed, path in loads)


@pytest.mark.parametrize("endless", [  # 25 million turns: seconds unbounded, minutes traced
    "{% for a in range(5000) %}{% for b in range(5000) %}{% endfor %}{% endfor %}",
    "{% set xs = range(5000)|list %}{% for a in xs %}{% for b in xs %}{% endfor %}{% endfor %}",
    "{% macro turns() %}{% for x in range(5000) %}{% endfor %}{% endmacro %}"
    "{% for y in range(5000) %}{{ turns() }}{% endfor %}",
])
def test_a_loop_without_end_is_stopped_at_the_time_bound(folder, endless, monkeypatch):
    """Long loops, with or without calls in them, stop at the time bound with one located line, exit 2."""
    monkeypatch.setattr(rendering, "MAX_RENDER_SECONDS", 0.5)
    start = time.monotonic()
    result = render(folder, endless)
    assert time.monotonic() - start < 20
    assert_refused(result)
    assert result.stderr.endswith(f"template {TEMPLATE}: not allowed: rendering took longer than 0.5 s [PD-E042]\n")


def test_the_time_bound_leaves_the_tracer_it_found(folder):
    """Rendering with a user's folder puts back whatever tracer (a debugger, coverage) was there before."""
    before = sys.gettrace()
    assert render(folder, "{{ c.disposition }}").exit_code == 0
    assert sys.gettrace() is before
