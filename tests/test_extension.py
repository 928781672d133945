"""Adding a topic and a language as the recipes say: a toy topic and a partial fourth language, end to end.

peacedraft's source is copied into a temporary folder; the files of tests/fixtures/extension are added to the
copy as docs/architecture.md says (the toy topic: its module, library options, templates and terms; the
language: its file and two templates), nothing else is edited, and the command line runs on the copy.
Every command works or refuses in one located line; none ends in a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import BASE_DRAFT

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "extension"
SOURCE = ("clauses", "agreements", "precedents", "templates", "cli.py")
RUSSIAN_DRAFT = """\
peacedraft: 1
meta:
  title: {en: Test Agreement, ru: Тестовое соглашение}
  form: peace_agreement
  round: 1
  version: R1
  date: 2027-01-15
  languages: [en, ru]
parties:
  - id: rok
    names: {en: Republic of Korea, ru: Республика Корея}
    role: signatory
  - id: dprk
    names: {en: Democratic People's Republic of Korea, ru: Корейская Народно-Демократическая Республика}
    role: signatory
zones:
  - id: dmz
    names: {en: Demilitarized Zone, ru: демилитаризованной зоне}
    kind: demilitarized_zone
body:
  - id: heritage
    kind: article
    heading: {en: Cultural Heritage, ru: Культурное наследие}
    children:
      - id: heritage.principle
        kind: text
        status: agreed
        text: {en: The Parties shall cooperate for their common heritage., ru: Стороны сотрудничают ради общего наследия.}
      - id: heritage.survey
        kind: cultural_heritage
        sites: [palace_ruins]
        zone: dmz
        deadline: {after: entry_into_force, days: 180}
"""


def _merge_terms(language_file: Path, topic: str, terms: dict) -> None:
    """Add a topic's section and name to a language file's terms, as a person would in an editor."""
    lines = language_file.read_text(encoding="utf-8").split("\n")
    section = [f"  {topic}:"] + [f"    {key}: {value}" for key, value in terms["section"].items()]
    at = lines.index("terms:") + 1
    lines[at:at] = section
    topics = next(index for index, line in enumerate(lines) if line.startswith("  topics:"))
    lines.insert(topics + 1, f"    {topic}: {terms['topic']}")
    language_file.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> Path:
    """Return a copy of peacedraft with the toy topic and the toy language added."""
    root = tmp_path_factory.mktemp("extended")
    source = root / "src"
    for name in SOURCE:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                            if (ROOT / name).is_dir() else {}))
    for path in FIXTURES.rglob("*"):
        target = source / path.relative_to(FIXTURES)
        if path.is_file() and path.name not in ("README.md", "terms.yaml"):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    for lang, terms in YAML(typ="safe").load((FIXTURES / "terms.yaml").read_text(encoding="utf-8")).items():
        _merge_terms(source / "templates" / "language" / f"{lang}.yaml", "cultural_heritage", terms)
    work = root / "work"
    work.mkdir()
    shutil.copy(BASE_DRAFT, work / "base.yaml")
    (work / "ru.yaml").write_text(RUSSIAN_DRAFT, encoding="utf-8")
    return root


DRIVER = """
import json, sys, traceback
from click.testing import CliRunner
import cli
runner = CliRunner()
done = []
for arguments in json.loads(sys.argv[1]):
    result = runner.invoke(cli.main, arguments)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    done.append([result.exit_code, result.stdout, stderr])
print(json.dumps(done))
"""


@dataclass(frozen=True)
class Ran:
    """What one command did: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def run(root: Path, *commands: list[str]) -> list[Ran]:
    """Run commands of the copy's command line one after another in one new process, in its work folder.

    A traceback fails the test. Each batch starts afresh, so a language file changed between batches is read again.
    """
    environment = {**os.environ, "PYTHONPATH": str(root / "src"), "PEACEDRAFT_CACHE": str(root / "cache"),
                   "SOURCE_DATE_EPOCH": "1800000000", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(commands)], cwd=root / "work", env=environment,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    results = [Ran(*result) for result in json.loads(done.stdout)]
    for result in results:
        assert "Traceback" not in result.stderr, result.stderr
    return results


def test_the_topic_list_and_the_language_list_are_the_files(extended):
    listed, shown = run(extended, ["clauses", "list", "--topic", "cultural_heritage", "--format", "json"],
                        ["clauses", "show", "heritage/joint-survey", "--lang", "ru"])
    assert [row["id"] for row in json.loads(listed.stdout)] == ["heritage/joint-survey"]
    assert "Стороны обследуют и охраняют руины дворцов и военные захоронения в пределах 2 километров" in shown.stdout


def test_a_toy_topic_goes_through_every_command(extended):
    work = extended / "work"
    shutil.copy(work / "base.yaml", work / "with-heritage.yaml")
    added, valid, text, parallel, changes, timeline, compared, exported, packaged = run(
        extended, ["add", "with-heritage.yaml", "heritage/joint-survey"], ["validate", "with-heritage.yaml"],
        ["render", "with-heritage.yaml", "--lang", "ko"],
        ["render", "with-heritage.yaml", "--lang", "parallel", "-o", "h.docx"],
        ["diff", "base.yaml", "with-heritage.yaml", "--format", "json", "-o", "redline.docx"],
        ["timeline", "with-heritage.yaml", "--format", "json"], ["compare", "with-heritage.yaml", "--format", "json"],
        ["export", "with-heritage.yaml", "--format", "akn", "-o", "h.xml", "--validate"],
        ["package", "with-heritage.yaml", "--against", "base.yaml", "-o", "pack", "--allow-findings"])
    assert added.returncode == 0 and "as heritage.joint-survey in a new article" in added.stderr
    assert valid.returncode == 0
    assert "제4조 문화유산\n\n1. 당사자는 이 협정 발효 후 365일 이내에 비무장지대 안의" in text.stdout
    assert "궁궐터 및 전쟁 묘지를 조사하고 보호한다." in text.stdout
    assert parallel.returncode == 0
    assert "宫殿遗址和战争墓地" in zipfile.ZipFile(work / "h.docx").read("word/document.xml").decode()
    kinds = {(change["kind"], change["node"]) for change in json.loads(changes.stdout)["changes"]}
    assert ("added", "art.heritage.joint-survey") in kinds and (work / "redline.docx").exists()
    entry = next(entry for entry in json.loads(timeline.stdout)["entries"] if entry["id"] == "heritage.joint-survey")
    assert (entry["track"], entry["day"]) == ("relations", 365)
    clauses = json.loads(compared.stdout)["clauses"]
    clause = next(clause for clause in clauses if clause["node"] == "heritage.joint-survey")
    assert (clause["topic"], clause["precedents"], clause["parameters"]) == ("cultural_heritage", [], {"implementation_days": 365})
    assert exported.returncode == 0, exported.stderr
    assert packaged.returncode == 0, packaged.stderr


def test_a_fourth_language_given_as_data_renders_validates_and_exports(extended):
    work = extended / "work"
    strict, text, *renders, exported, diffed, timeline = run(
        extended, ["validate", "ru.yaml", "--strict"], ["render", "ru.yaml", "--lang", "ru"],
        *(["render", "ru.yaml", "--lang", lang, "-o", f"ru-{lang}.docx"] for lang in ("ru", "parallel")),
        ["export", "ru.yaml", "--format", "akn", "-o", "ru.xml", "--validate"],
        ["diff", "ru.yaml", "ru.yaml", "--lang", "ru", "-o", "ru-redline.docx"], ["timeline", "ru.yaml"])
    assert strict.returncode == 1  # warnings only: the 1953 Armistice's functions this draft leaves open
    assert text.stdout.startswith("Тестовое соглашение\n\nРаунд 1 · R1 · 15 января 2027 года\n\n"
                                  "Республика Корея и Корейская Народно-Демократическая Республика, именуемые в "
                                  "дальнейшем «Стороны»,\n\nдоговорились о нижеследующем:\n\n"
                                  "Статья 1. Культурное наследие")
    assert "Совершено в …… 15 января 2027 года в двух экземплярах на английском и русском языках, причем все " \
           "тексты имеют одинаковую силу.\n\nРеспублика Корея:\n(подпись)\n" in text.stdout
    assert "2. Стороны обследуют и охраняют руины дворцов в пределах 2 километров от линии в демилитаризованной " \
           "зоне в течение 180 дней после вступления настоящего Соглашения в силу." in text.stdout
    assert [render.returncode for render in renders] == [0, 0]
    document = zipfile.ZipFile(work / "ru-ru.docx").read("word/document.xml").decode()
    assert 'w:val="ru-RU"' in document and "Стороны сотрудничают" in document
    assert exported.returncode == 0, exported.stderr
    assert '<FRBRlanguage language="rus"/>' in (work / "ru.ru.xml").read_text(encoding="utf-8")
    assert (diffed.returncode, timeline.returncode) == (0, 0)


def test_what_a_partial_language_lacks_is_refused_in_one_located_line(extended):
    work = extended / "work"
    draft = RUSSIAN_DRAFT + """\
  - id: unc-article
    kind: article
    heading: {en: United Nations Command, ru: Командование ООН}
    children:
      - id: unc.status
        kind: un_command_status
        command: dmz-command
        disposition: dissolve
        effective: {after: entry_into_force, days: 90}
"""
    draft = draft.replace("zones:", "bodies:\n  - id: dmz-command\n    names: {en: UN Command, ru: Командование ООН}\n"
                       "    kind: command\nzones:")
    (work / "ru-unc.yaml").write_text(draft, encoding="utf-8")
    refused, english = run(extended, ["render", "ru-unc.yaml", "--lang", "ru"],
                           ["render", "ru-unc.yaml", "--lang", "en"])
    line = draft.split("\n").index("      - id: unc.status") + 1
    assert (refused.returncode, refused.stderr.splitlines()) == (
        2, [f"ru-unc.yaml:{line}:9: unc.status: no template un_command_status.ru.j2 [PD-E040]"])
    assert english.returncode == 0
    language_file = extended / "src" / "templates" / "language" / "ru.yaml"
    original = language_file.read_text(encoding="utf-8")
    try:
        language_file.write_text(original.replace('  draft_mark: "ПРОЕКТ для переговоров"\n', ""), encoding="utf-8")
        [refused] = run(extended, ["render", "ru.yaml", "--lang", "ru", "-o", "x.docx"])
        assert (refused.returncode, refused.stderr) == (
            2, "peacedraft: templates/language/ru.yaml: no phrase 'draft_mark' [PD-E047]\n")
        language_file.write_text(original.replace("  tag: ru-RU\n", ""), encoding="utf-8")
        [refused] = run(extended, ["validate", "ru.yaml"])
        assert (refused.returncode, refused.stderr) == (
            2, "peacedraft: templates/language/ru.yaml: language.tag: field required [PD-E039]\n")
    finally:
        language_file.write_text(original, encoding="utf-8")
    assert not (work / "x.docx").exists()
