"""peacedraft's command line: the only module that prints or exits.

Commands import the library inside their bodies, so `peacedraft --help` starts without pydantic.
"""

from __future__ import annotations

import functools
import json
import os
import sys

import click

from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES
from clauses.topics import TOPICS

EXAMPLES = ("round-1", "round-2")
RENDER_FORMATS = ("docx", "pdf", "text", "markdown", "html")
USAGE_ERROR = "PD-E001"


def format_option(*choices: str, default: str | None = "text", **extra):
    """Return the --format option: text or json unless other choices are given."""
    if default is not None:
        extra |= {"default": default, "show_default": True}
    return click.option("--format", "output_format", type=click.Choice(choices or ("text", "json")), **extra)


def lang_option(help: str, default: str | None = None, also: tuple[str, ...] = ()):
    """Return the --lang option over the languages with a file in templates/language/ (and any extra choice)."""
    extra = {"default": default, "show_default": True} if default is not None else {}
    return click.option("--lang", type=click.Choice((*LANGUAGES, *also)), help=help, **extra)


def topic_option(help: str):
    """Return the --topic option over the topics of clauses/topics.py."""
    return click.option("--topic", type=click.Choice(TOPICS), help=help)


CORPUS_OPTION = click.option("--corpus", "corpus_folders", multiple=True, metavar="DIR",
                             help="Add a folder of your own precedent files (also PEACEDRAFT_CORPUS).")


def handles_errors(command):
    """Wrap a command so library errors become their one-line messages and exit codes (2, or 1 for findings)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from clauses.errors import PeacedraftError

        try:
            return command(*args, **kwargs)
        except PeacedraftError as error:
            for line in error.lines():
                click.echo(line, err=True)
            sys.exit(error.exit_code)

    return wrapper


class Peacedraft(click.Group):
    """The command group: a usage error is one line naming its code (PD-E001), like every other error."""

    def main(self, *args, **kwargs):
        """Run the command line; usage errors end with their code."""
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except click.UsageError as error:
            click.echo(f"Error: {error.format_message()} [{USAGE_ERROR}]".replace("  ", " "), err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)


@click.group(cls=Peacedraft, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="peacedraft", prog_name="peacedraft")
def main() -> None:
    """Draft, compare and package the text of a Korean peace agreement.

    A draft is a YAML file of typed clauses with stable ids and negotiation
    state. Errors are one line each: file:line:col: node-id: message.
    Exit codes: 0 done, 1 consistency findings, 2 unusable input or usage.
    """


@main.command()
@click.argument("draft")
@click.option("--example", type=click.Choice(EXAMPLES), help="Copy a shipped example round instead of a minimal draft.")
@click.option("--force", is_flag=True, help="Replace DRAFT if it exists.")
@handles_errors
def new(draft: str, example: str | None, force: bool) -> None:
    """Create DRAFT: a minimal valid draft, or a copy of a shipped example.

    Example: peacedraft new example.yaml --example round-2
    """
    from agreements.atomic import write_atomic
    from agreements.examples import example_bytes
    from agreements.outputs import check_names

    check_names((draft,), ("yaml",))
    write_atomic(draft, example_bytes(example), overwrite=force)
    click.echo(f"wrote {draft}" + (f" (example {example})" if example else ""), err=True)


@main.command()
@click.argument("draft")
@click.option("--strict", is_flag=True, help="Count warnings as errors (exit 1 on any finding).")
@format_option()
@handles_errors
def validate(draft: str, strict: bool, output_format: str) -> None:
    """Load DRAFT and check it against the consistency rules.

    Prints one line per finding; exits 1 when there are errors (or, with
    --strict, warnings), 2 when the draft cannot be loaded at all.

    Example: peacedraft validate example.yaml --format json
    """
    from agreements.drafts import load_agreement
    from agreements.rules.registry import check

    if strict:
        import precedents.rules  # noqa: F401  (registers the Armistice coverage rule)
    findings = check(load_agreement(draft), strict=strict)
    errors = sum(finding.severity == "error" for finding in findings)
    warnings = len(findings) - errors
    if output_format == "json":
        click.echo(json.dumps(_findings_json(draft, findings, errors, warnings), ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(str(finding))
        verdict = "valid" if errors == 0 else "invalid"
        click.echo(f"{draft}: {verdict} ({_count(errors, 'error')}, {_count(warnings, 'warning')})", err=True)
    sys.exit(1 if errors or (strict and warnings) else 0)


@main.command("check-languages")
@click.argument("files", nargs=-1, required=True, metavar="DRAFT | --docx FILE.docx…")
@click.option("--docx", "word_files", is_flag=True,
              help="Check Word files instead, one per language, in the order of --languages.")
@click.option("--languages", default=",".join(LANGUAGES), show_default=True, metavar="CODES",
              help="The languages of the Word files, in order, comma-separated.")
@format_option()
@handles_errors
def check_languages(files: tuple[str, ...], word_files: bool, languages: str, output_format: str) -> None:
    """Check that a draft (or its Word files) says the same thing in each language.

    For every node: the same numbers, cross-references, names, defined
    terms, bracket groups and proposers as the first language; each term in
    its one form (peacedraft terms); each language's numeral style and
    punctuation. One line per finding: FILE:LINE:COL: NODE: LANG: message
    (for a Word file, LINE is its paragraph). Exits 1 when there are findings.

    Example: peacedraft check-languages round-2.yaml

    Example: peacedraft check-languages --docx en.docx ko.docx zh.docx
    """
    from agreements.authentic.check import check_languages as check
    from agreements.drafts import load_agreement

    if word_files:
        findings = _check_word_files(files, languages)
        name = ", ".join(files)
    elif len(files) != 1:
        raise click.UsageError("give one DRAFT (or --docx and one Word file per language)")
    else:
        findings, name = check(load_agreement(files[0])), files[0]
    if output_format == "json":
        click.echo(json.dumps(_findings_json(name, findings, len(findings), 0), ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(f"{finding.location}: {finding.node_id}: {finding.message}")
        verdict = "the languages agree" if not findings else _count(len(findings), "finding")
        click.echo(f"{name}: {verdict}", err=True)
    sys.exit(1 if findings else 0)


def _check_word_files(files: tuple[str, ...], languages: str):
    """Return the findings of the check of Word files, one per language in the order given."""
    from agreements.authentic.word import check_word_files

    codes = [code.strip() for code in languages.split(",") if code.strip()]
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise click.UsageError(f"unknown language {unknown[0]!r} (languages: {', '.join(LANGUAGES)})")
    if len(files) != len(codes):
        raise click.UsageError(f"{len(files)} Word files for {len(codes)} languages ({', '.join(codes)})")
    return check_word_files(dict(zip(codes, files)))


@main.command()
@format_option()
@handles_errors
def terms(output_format: str) -> None:
    """List the terminology base: each defined concept's one term in each language, and the variants to avoid.

    Templates write these terms; check-languages reports a variant to avoid and a concept that one
    language names and another does not. Edit them in templates/language/<lang>.yaml, `concepts`.
    A language variant (ko-KP: the DPRK's Korean) is listed where it words a concept its own way.

    Example: peacedraft terms --format json
    """
    from clauses.languages import LANGUAGES
    from clauses.terminology import concept_table

    table = concept_table()
    lines = []
    for concept, words in table.items():
        lines.append(concept)
        base_defined = any(lang in words for lang in LANGUAGES)
        for lang in (*LANGUAGES, *(code for code in words if code not in LANGUAGES)):
            entry = words.get(lang)
            if entry is None:
                lines += [f"  {lang}  (no term)"] if base_defined else []
                continue
            also = f"  also: {', '.join(entry['forms'])}" if entry["forms"] else ""
            replaces = f"  replaces: {', '.join(entry['replaces'])}" if entry.get("replaces") else ""
            avoid = f"  avoid: {', '.join(entry['avoid'])}" if entry["avoid"] else ""
            lines.append(f"  {lang}  {entry['term']}{also}{replaces}{avoid}")
    _emit(output_format, table, lines)


def _count(number: int, noun: str) -> str:
    """Return '1 error' or '2 errors'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _findings_json(draft: str, findings, errors: int, warnings: int) -> dict:
    """Return the JSON report of a validation."""
    return {
        "file": draft,
        "valid": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "findings": [
            {
                "rule": finding.rule,
                "severity": finding.severity,
                "node": finding.node_id,
                "line": finding.location.line,
                "column": finding.location.column,
                "message": finding.message,
            }
            for finding in findings
        ],
    }


@main.group()
def clauses() -> None:
    """Browse the clause library: options per topic, with parameters, rationale and precedents."""


@clauses.command("list")
@topic_option("Only the options of one topic.")
@format_option()
@handles_errors
def clauses_list(topic: str | None, output_format: str) -> None:
    """List the options of the clause library, by topic.

    Example: peacedraft clauses list --topic un_command_status
    """
    from clauses.library import library

    options = [option for option in library().values() if topic in (None, option.kind)]
    if output_format == "json":
        rows = [{"id": option.id, "topic": option.kind, "title": option.title,
                 "citations": len(option.citations)} for option in options]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max((len(option.id) for option in options), default=10)
    current = None
    for option in options:
        if option.kind != current:
            current = option.kind
            click.echo(("\n" if option is not options[0] else "") + click.style(current, bold=True))
        cited = f"  [{len(option.citations)} precedent{'s' * (len(option.citations) != 1)}]" if option.citations else ""
        click.echo(f"  {option.id:<{width}}  {option.title}{cited}")


@clauses.command("show")
@click.argument("option_id", metavar="OPTION")
@lang_option("Language of the option's text.", default=DEFAULT_LANGUAGE)
@format_option()
@handles_errors
def clauses_show(option_id: str, lang: str, output_format: str) -> None:
    """Show an option: its parameters with types and defaults, rationale, precedents and text.

    Example: peacedraft clauses show unc_status/transform --lang ko
    """
    from clauses.library_view import option_report

    report = option_report(option_id, lang)
    if output_format == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
        return
    from clauses.library_view import format_report

    click.echo(format_report(report))


@main.command()
@click.argument("draft")
@click.argument("option_id", metavar="OPTION")
@click.option("--under", metavar="ID", help="Add under this part, article or clause (default: a new article at the end).")
@click.option("--as", "as_id", metavar="NEW_ID", help="Id of the new clause (default: from the option's topic).")
@click.option("--set", "assignments", metavar="KEY=VALUE", multiple=True, help="Set a parameter (dotted keys for nested ones).")
@click.option("--alternative-to", metavar="ID", help="Add the option as an alternative to this clause instead.")
@click.option("--proposed-by", metavar="PARTY", help="Who proposes the alternative (with --alternative-to).")
@click.option("--party", "parties", metavar="PARTY=ROLE", multiple=True,
              help="Register a party the option needs in this role (signatory, guarantor, witness, observer).")
@handles_errors
def add(draft: str, option_id: str, under: str | None, as_id: str | None, assignments: tuple[str, ...],
        alternative_to: str | None, proposed_by: str | None, parties: tuple[str, ...]) -> None:
    """Add a library OPTION to DRAFT, editing the YAML in place (comments and layout kept).

    The result is validated before it is written; on any error the file is untouched. The standard bodies
    and zones the option names are registered; a party the draft lacks only in the role --party gives it
    (else the add is refused). Each registration is printed on a line of its own.

    Example: peacedraft add draft.yaml forces/artillery --alternative-to force.artillery --proposed-by dprk --set pullback_km=20

    Example: peacedraft add draft.yaml roles/six-party-observers --party jpn=observer --party rus=observer
    """
    from agreements.edit.add import add_alternative, add_option

    if alternative_to:
        if not proposed_by:
            raise click.UsageError("--alternative-to needs --proposed-by PARTY")
        result = add_alternative(draft, option_id, alternative_to, proposed_by, assignments, parties)
    else:
        result = add_option(draft, option_id, under, as_id, assignments, parties)
    for line in result.registered:
        click.echo(line)
    click.echo(f"{draft}: {result.summary}", err=True)


@main.command("set")
@click.argument("draft")
@click.argument("node_id", metavar="ID")
@click.argument("assignments", metavar="KEY=VALUE...", nargs=-1, required=True)
@handles_errors
def set_command(draft: str, node_id: str, assignments: tuple[str, ...]) -> None:
    """Set parameters of node ID (or its status, proposed_by, note, translation), in place.

    Example: peacedraft set draft.yaml force.artillery pullback_km=15 deadline.days=180
    """
    from agreements.edit.draft import set_values

    click.echo(f"{draft}: {set_values(draft, node_id, assignments).summary}", err=True)


@main.command()
@click.argument("draft")
@click.argument("node_id", metavar="ID")
@click.argument("party")
@click.argument("stance", type=click.Choice(["support", "oppose", "reserve"]))
@click.option("--note", help="The party's reasons, for the delegation.")
@handles_errors
def position(draft: str, node_id: str, party: str, stance: str, note: str | None) -> None:
    """Record PARTY's stance on node ID: support, oppose or reserve.

    Example: peacedraft position draft.yaml unc.status dprk oppose --note "Wants dissolution"
    """
    from agreements.edit.draft import set_position

    click.echo(f"{draft}: {set_position(draft, node_id, party, stance, note).summary}", err=True)


def _merge_options(command):
    """Return a command with the --ours-party and --theirs-party options of a merge."""
    command = click.option("--theirs-party", metavar="PARTY",
                           help="The party THEIRS speaks for (default: its meta.drafted_by).")(command)
    return click.option("--ours-party", metavar="PARTY",
                        help="The party OURS speaks for (default: its meta.drafted_by).")(command)


@main.command()
@click.argument("base")
@click.argument("ours")
@click.argument("theirs")
@click.option("-o", "--output", metavar="OUT", help="Write the merged draft here (default: standard output).")
@_merge_options
@format_option()
@handles_errors
def merge(base: str, ours: str, theirs: str, output: str | None, ours_party: str | None, theirs_party: str | None,
          output_format: str) -> None:
    """Merge two versions of a draft by node id: what OURS and THEIRS each changed from BASE.

    A node both sides changed becomes bracketed, OURS's version option A and THEIRS's the next, each
    proposed by its side; a node one side deleted and the other changed is kept, with the deletion as an
    option. OURS keeps its comments and layout. The report (standard error, or --format json) lists every
    bracket. Exits 0 when clean, 1 when something needs a decision, 2 on bad input.

    Example: peacedraft merge round-1.yaml round-2.yaml round-3.yaml -o merged.yaml --ours-party rok --theirs-party dprk
    """
    from agreements.atomic import write_atomic
    from agreements.merge.merge import merge_files, report_json, report_lines

    if output_format == "json" and not output:
        raise click.UsageError("--format json writes the report to standard output: give -o OUT for the draft")
    result = merge_files(base, ours, theirs, ours_party, theirs_party)
    if output:
        write_atomic(output, result.text.encode("utf-8"))
    else:
        click.echo(result.text, nl=False)
    if output_format == "json":
        click.echo(json.dumps(report_json(result, (base, ours, theirs)), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(result):
            click.echo(line, err=True)
    sys.exit(0 if result.clean else 1)


@main.command("merge-driver")
@click.argument("base", metavar="%O")
@click.argument("current", metavar="%A")
@click.argument("other", metavar="%B")
@click.argument("path", metavar="%P", required=False)
@_merge_options
@handles_errors
def merge_driver(base: str, current: str, other: str, path: str | None, ours_party: str | None,
                 theirs_party: str | None) -> None:
    """Git merge driver: merge %B into %A by node id, in place (docs/merge.md shows the git config).

    Brackets are negotiation text, not git conflicts: the driver exits 0 whenever the merged draft
    loads, listing its brackets on standard error; on bad input it exits 2 and git reports a conflict.
    A file that is not a draft (no `peacedraft: 1` line) is merged as git merges text.
    In .git/config: driver = peacedraft merge-driver %O %A %B %P

    Example: peacedraft merge-driver round-1.yaml round-2.yaml round-3.yaml draft.yaml
    """
    from agreements.atomic import write_atomic
    from agreements.merge.merge import is_draft_file, merge_as_text, merge_files, report_lines

    if not any(map(is_draft_file, (base, current, other))):
        conflicts = merge_as_text(current, base, other, path or current)
        if conflicts:
            click.echo(f"{path or current}: not a draft: merged as text, {_count(conflicts, 'conflict')}", err=True)
        sys.exit(1 if conflicts else 0)
    result = merge_files(base, current, other, ours_party, theirs_party, shown_as=path)
    write_atomic(current, result.text.encode("utf-8"))
    for line in report_lines(result):
        click.echo(f"{path or current}: {line}", err=True)


@main.command()
@click.argument("draft")
@format_option(*RENDER_FORMATS, default=None,
               help="Output format (default: the one -o FILE's extension says: .docx, .pdf, .txt, .md, .html; "
                    "else text).")
@lang_option(f"Language (default {DEFAULT_LANGUAGE}, or the draft's first language when it has no "
             f"{DEFAULT_LANGUAGE}); parallel puts every authentic language side by side (docx, pdf and html).",
             also=("parallel",))
@click.option("--templates", type=click.Path(file_okay=False, exists=True), help="Folder of your own clause templates (sandboxed).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@click.option("--copy-for", metavar="PARTY", help="The copy of this signatory: named first; its variant of a language.")
@click.option("--internal", is_flag=True, help="The internal edition: each node's drafters' note (Word: a comment).")
@click.option("--non-paper", is_flag=True,
              help="A non-paper: no proposers, positions or notes; every page marked; a neutral author.")
@handles_errors
def render(draft: str, output_format: str | None, lang: str | None, templates: str | None, output: str | None,
           copy_for: str | None, internal: bool, non_paper: bool) -> None:
    """Render the draft: a Word document, a PDF, an HTML page, or its text in one language, numbered, with brackets.

    A PDF is the Word document converted by LibreOffice (soffice, headless). An HTML page is one file any browser
    opens, styles inline, no script, nothing from the network: each option names its proposers, each node shows
    the parties' positions. The format is the one -o FILE's extension says unless --format gives it; a name
    whose extension says another is refused.
    With --copy-for PARTY, that signatory's own copy (the alternat): the party named first in the preamble,
    the testimonium's signature blocks and wherever the parties are listed, and the text in the party's
    variant of a language where it has one (the DPRK's Korean: templates/language/ko-KP.yaml).
    With --internal, the drafters' notes (each node's `note`): Word comments on their paragraphs, marked
    lines in text and Markdown; without it, no note appears anywhere.
    With --non-paper, a text that commits no party: options labelled by letter alone, no positions, notes or
    comments naming anyone, "Non-paper — without prejudice to the position of any party" on every page
    (first line of text and Markdown), and a neutral author in Word ("Non-paper").

    Example: peacedraft render example.yaml -o example-ko.docx --lang ko

    Example: peacedraft render example.yaml -o dprk-ko.docx --lang ko --copy-for dprk

    Example: peacedraft render example.yaml -o example.pdf --lang parallel

    Example: peacedraft render example.yaml -o non-paper-ko.docx --lang ko --non-paper

    Example: peacedraft render example.yaml -o example.html --lang parallel
    """
    from pathlib import Path

    from agreements.atomic import write_atomic
    from agreements.drafts import load_agreement
    from agreements.outputs import choose_format
    from agreements.text_language import text_language

    output_format = choose_format(output, output_format, RENDER_FORMATS, "text")
    if output_format in ("docx", "pdf") and not output:
        document = "a Word document" if output_format == "docx" else "a PDF"
        raise click.UsageError(f"{document} needs -o FILE.{output_format}")
    if lang == "parallel" and output_format not in ("docx", "pdf", "html"):
        raise click.UsageError("--lang parallel is for Word documents, PDF and HTML (--format docx, pdf or html)")
    if internal and non_paper:
        raise click.UsageError("--internal and --non-paper exclude each other (a non-paper carries no notes)")
    folder = Path(templates).resolve() if templates else None
    agreement = load_agreement(draft)
    lang = lang if lang == "parallel" else text_language(agreement, lang, draft)
    if output_format in ("docx", "pdf"):
        from agreements.render.docx.render import render_docx

        data = render_docx(agreement, lang, folder, copy_for, internal, non_paper)
        if output_format == "pdf":
            from agreements.document.compose import document_time
            from agreements.render.pdf import word_to_pdf

            data = word_to_pdf(data, document_time(agreement))
    elif output_format == "html":
        from agreements.render.html import html_page

        data = html_page(agreement, lang, folder, copy_for, internal, non_paper).encode("utf-8")
    else:
        from agreements.render.text import render_document

        data = render_document(agreement, lang, output_format == "markdown", folder, copy_for,
                               internal, non_paper).encode("utf-8")
    if output:
        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@main.command()
@click.argument("old")
@click.argument("new")
@format_option("text", "json", "html",
               help="The report printed: text, JSON, or an HTML page (one file, styles inline, no script).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write a redline .docx with tracked changes.")
@click.option("--author", default="peacedraft", show_default=True, help="Author of the tracked changes.")
@lang_option(f"Language of the redline and of the HTML page's text (default {DEFAULT_LANGUAGE}; for a Word file, "
             "the language it is written in).")
@click.option("--summary-out", type=click.Path(dir_okay=False),
              help="Write the change summary as a .docx: a table of the changes per article.")
@click.option("--notes/--no-notes", default=True, show_default=True,
              help="Report changes of the drafters' notes (internal: leave them out of a redline for others).")
@click.option("--non-paper", is_flag=True,
              help="Compare the non-paper texts: no proposers, positions or notes; changes by 'Non-paper'.")
@handles_errors
def diff(old: str, new: str, output_format: str, output: str | None, author: str, lang: str,
         summary_out: str | None, notes: bool, non_paper: bool) -> None:
    """Compare two versions of a draft: what changed, node by node, and a Word redline.

    OLD and NEW are files, or REV:PATH read from git (e.g. HEAD~1:draft.yaml). Either may be a Word
    file (.docx): it is imported, its articles and paragraphs matched to ours by number and text,
    and both sides are compared as text in one language. Renumbering alone is never a tracked change.
    With --non-paper, both versions as non-papers: no proposer, position or drafters' note in the report,
    the redline or the summary, every tracked change and comment by "Non-paper" (so --author is refused),
    the non-paper mark on every page and at the top of the report.

    Example: peacedraft diff round-1.yaml round-2.yaml -o redline.docx --author "ROK delegation"

    Example: peacedraft diff round-1.yaml round-2.yaml -o non-paper-redline.docx --non-paper

    Example: peacedraft diff round-1.yaml round-2.yaml --format html > changes.html
    """
    from agreements.atomic import write_all
    from agreements.diff.compare import compare_agreements
    from agreements.diff.report import text_report
    from agreements.diff.summary import summary_docx
    from agreements.diff.versions import load_sides
    from agreements.outputs import check_names

    check_names((output, summary_out), ("docx",))
    if non_paper and click.get_current_context().get_parameter_source("author").name != "DEFAULT":
        raise click.UsageError("--author and --non-paper exclude each other (a non-paper's changes are by no one)")
    sides = load_sides(old, new, lang)
    for note in sides.notes:
        click.echo(note, err=True)
    before, after, lang = sides.old, sides.new, sides.lang
    if non_paper:
        from agreements.document.nonpaper import non_paper_versions

        before, after = non_paper_versions(before, after)
    comparison = compare_agreements(before, after, notes=notes and not non_paper)
    outputs = []
    if output:
        from agreements.diff.redline import redline_docx

        outputs.append((output, redline_docx(before, after, comparison, lang, author, non_paper=non_paper)))
    if summary_out:
        outputs.append((summary_out, summary_docx(comparison, old, new, non_paper)))
    for path in write_all(outputs):
        click.echo(f"wrote {path}", err=True)
    if output_format == "json":
        click.echo(json.dumps(comparison.to_json(old, new), ensure_ascii=False, indent=2))
        return
    if output_format == "html":
        from agreements.diff.html import diff_page

        click.echo(diff_page(comparison, old, new, lang, non_paper), nl=False)
        return
    plain = bool(os.environ.get("NO_COLOR"))
    style = (lambda text, **_: text) if plain else click.style
    for line in text_report(comparison, old, new, style, non_paper):
        click.echo(line)


def _index(folders: tuple[str, ...]):
    """Return the search index of the corpus (built, or rebuilt when the files changed)."""
    from precedents.index import SearchIndex

    return SearchIndex.for_folders(list(folders))


def _emit(output_format: str, data, lines: list[str]) -> None:
    """Print JSON data or text lines."""
    if output_format == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            click.echo(line)


@main.group()
def precedents() -> None:
    """The precedent corpus: the 1953 Armistice, Vietnam, Germany, Yemen and the inter-Korean texts."""


@precedents.command("list")
@CORPUS_OPTION
@format_option()
@handles_errors
def precedents_list(corpus_folders: tuple[str, ...], output_format: str) -> None:
    """List the precedent agreements.

    Example: peacedraft precedents list --format json
    """
    from precedents.corpus import load_corpus
    from precedents.views import agreement_json, list_lines

    corpus = load_corpus(list(corpus_folders))
    data = [agreement_json(agreement, corpus, provisions=False) for agreement in corpus.agreements.values()]
    _emit(output_format, data, list_lines(corpus))


@precedents.command("show")
@click.argument("agreement_id", metavar="ID")
@CORPUS_OPTION
@format_option()
@handles_errors
def precedents_show(agreement_id: str, corpus_folders: tuple[str, ...], output_format: str) -> None:
    """Show one precedent: parties, date, context, every provision with its basis code, what is not yet verified.

    Example: peacedraft precedents show paris-1973
    """
    from precedents.corpus import load_corpus
    from precedents.views import agreement_json, show_lines

    corpus = load_corpus(list(corpus_folders))
    agreement = corpus.agreement(agreement_id)
    _emit(output_format, agreement_json(agreement, corpus), show_lines(agreement, corpus))


@precedents.command("search")
@click.argument("query")
@topic_option("Only provisions on this topic.")
@click.option("--agreement", "agreements", multiple=True, metavar="ID", help="Only provisions of this agreement.")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@CORPUS_OPTION
@format_option()
@handles_errors
def precedents_search(query: str, topic: str | None, agreements: tuple[str, ...], limit: int,
                      corpus_folders: tuple[str, ...], output_format: str) -> None:
    """Search the provisions (FTS5, best first) by stems, abbreviations and Korean or Chinese terms; why each matched.

    Example: peacedraft precedents search "withdrawal of foreign troops" --topic foreign_forces
    """
    from precedents.search import find, found_lines

    index = _index(corpus_folders)
    index.check_agreements(list(agreements))
    found = find(index, query, topic, list(agreements), limit)
    _emit(output_format, [hit.to_json() for hit in found.hits], found_lines(found))


@precedents.command("check")
@click.argument("folder")
@handles_errors
def precedents_check(folder: str) -> None:
    """Check a folder of your own precedent files against the corpus schema (located errors).

    Example: peacedraft precedents check my-precedents/
    """
    from precedents.corpus import check_folder

    agreements = check_folder(folder)
    count = sum(len(agreement.provisions) for agreement in agreements)
    click.echo(f"{folder}: {len(agreements)} agreements, {count} provisions, valid", err=True)


@precedents.command("import-pax")
@click.argument("table", metavar="PAX.csv")
@click.option("-o", "--output", "folder", required=True, metavar="FOLDER", help="The precedent folder to write.")
@handles_errors
def precedents_import_pax(table: str, folder: str) -> None:
    """Turn the agreement-level CSV of the PA-X Peace Agreements Database into a precedent folder.

    Each agreement becomes pax-<AgtId>.yaml: its PA-X id, name, date, conflict, region, stage, type and
    status, and a provision per PA-X code present that maps to a topic (basis P: coded by PA-X, no text).
    Download the table from PA-X under its own licence; use the folder with --corpus.

    Example: peacedraft precedents import-pax pax_all_agreements_data.csv -o pax/
    """
    from precedents.pax import import_pax

    imported = import_pax(table, folder)
    click.echo(f"wrote {imported.agreements:,} PA-X agreements to {imported.folder}", err=True)
    for topic, count in imported.by_topic.items():
        click.echo(f"  {topic}: {count:,}")


@main.command()
@click.argument("draft")
@click.option("--precedent", "precedent_ids", multiple=True, metavar="ID", help="Compare with these precedents only.")
@topic_option("Only clauses on this topic.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the comparison annex as .docx.")
@CORPUS_OPTION
@format_option()
@handles_errors
def compare(draft: str, precedent_ids: tuple[str, ...], topic: str | None, output: str | None,
            corpus_folders: tuple[str, ...], output_format: str) -> None:
    """Set each clause of DRAFT beside the precedents on its point, with parameters side by side.

    Also lists the topics the precedents settle that the draft leaves out, and what becomes of each
    function of the 1953 Armistice. With a folder made by `precedents import-pax`, also how many PA-X
    agreements address each topic of the draft, and the closest ones.

    Example: peacedraft compare example.yaml --precedent paris-1973 -o annex.docx
    """
    from agreements.atomic import write_atomic
    from agreements.drafts import load_agreement
    from agreements.outputs import check_names
    from precedents.compare import compare_with_precedents
    from precedents.pax import corpus_overview
    from precedents.views import comparison_json, comparison_lines

    check_names((output,), ("docx",))
    agreement = load_agreement(draft)
    comparison = compare_with_precedents(agreement, _index(corpus_folders), list(precedent_ids), topic)
    if output:
        from precedents.annex import annex_docx

        write_atomic(output, annex_docx(agreement, comparison))
        click.echo(f"wrote {output}", err=True)
    data, lines = comparison_json(comparison), comparison_lines(comparison)
    overview = corpus_overview([clause.topic for clause in comparison.clauses], list(corpus_folders))
    if overview:
        data, lines = {**data, "pax": overview.to_json()}, lines + overview.lines()
    _emit(output_format, data, lines)


@main.command()
@click.argument("draft")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the chart as .png or .svg.")
@lang_option(f"Language of the labels and the chart (default {DEFAULT_LANGUAGE}, or the draft's first language).")
@format_option()
@handles_errors
def timeline(draft: str, output: str | None, lang: str | None, output_format: str) -> None:
    """Compute the implementation schedule of DRAFT: the day each item falls due, lane by lane, and chart it.

    Days count from entry into force along every deadline and precondition; items with no fixed day
    are listed last. Each option of a clause in brackets is scheduled as an alternative. The chart
    (-o FILE.png or FILE.svg) is the same bytes for the same draft.

    Example: peacedraft timeline example.yaml -o timeline.png

    Example: peacedraft timeline example.yaml --lang ko -o timeline.ko.png
    """
    import os

    from agreements.atomic import write_atomic
    from agreements.drafts import load_agreement
    from agreements.outputs import check_names
    from agreements.schedule.timeline import schedule, text_lines
    from agreements.text_language import text_language

    suffix = os.path.splitext(output)[1].lower() if output else None
    check_names((output,), ("png", "svg"))
    agreement = load_agreement(draft)
    result = schedule(agreement, text_language(agreement, lang, draft))
    if output:
        from agreements.schedule.chart import chart_png, chart_svg

        write_atomic(output, chart_png(result) if suffix == ".png" else chart_svg(result))
        click.echo(f"wrote {output}", err=True)
    _emit(output_format, result.to_json(), text_lines(result))


@main.command("import")
@click.argument("document", metavar="AGREEMENT.docx")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="DRAFT.yaml",
              help="The draft to write.")
@lang_option("Language of the document (default: from its script).")
@click.option("--force", is_flag=True, help="Replace DRAFT.yaml if it exists.")
@click.option("--strict", is_flag=True,
              help="Exit 1 when less than 95% of the document's text was placed (the draft is still written).")
@handles_errors
def import_command(document: str, output: str, lang: str | None, force: bool, strict: bool) -> None:
    """Read an agreement in Word into a draft of text nodes: title, preamble, parts, articles, paragraphs, points.

    Articles and points are recognised by heading styles and by their numbers ("Article 7", "ARTICLE VII",
    "Clause 3", "Section 2", "§ 4", "2.1", "제7조(목적)", "第七条", "1.", "(a)"); tracked changes are read as
    accepted. Tables, text boxes, embedded
    documents, footnotes and comments are read too. The report says how much of the document's text was
    placed, and what was not. The file is checked before it is read: zip bombs, XML entities, encrypted or
    non-Word files are refused.

    Example: peacedraft import partner-draft.docx -o partner.yaml --lang ko
    """
    from agreements.atomic import write_atomic
    from agreements.drafts import dump_agreement
    from agreements.outputs import check_names
    from agreements.wordimport.coverage import STRICT_SHARE
    from agreements.wordimport.importer import import_word

    check_names((output,), ("yaml",))
    agreement, report = import_word(document, lang)
    write_atomic(output, dump_agreement(agreement).encode("utf-8"), overwrite=force)
    for line in report.unplaced:
        click.echo(f"{document}: not placed: {line}", err=True)
    coverage = report.coverage
    if coverage.missing_line():
        click.echo(f"{document}: not placed: {coverage.missing_line()}", err=True)
    for note in report.notes:
        click.echo(f"{document}: note: {note}", err=True)
    click.echo(f"{document}: {coverage.line()}", err=True)
    counts = report.counts()
    click.echo(f"wrote {output} ({counts} in {agreement.meta.languages[0]})", err=True)
    if strict and coverage.short_of(STRICT_SHARE):
        click.echo(f"peacedraft: {document}: placed {coverage.percent}% of the document's text, under the "
                   f"{STRICT_SHARE:.0%} --strict asks for [PD-E183]", err=True)
        sys.exit(1)


WORDED_INTAKE = ("text alternative", "position note")  # intake report lines that quote the partner's words


def _one_line(text: str) -> str:
    """Return a text on one line: its line breaks written as ' / '."""
    return " / ".join(part.strip() for part in text.splitlines() if part.strip())


@main.command("intake")
@click.argument("document", metavar="THEIRS.docx")
@click.option("--into", "draft", required=True, metavar="DRAFT.yaml", help="The draft THEIRS.docx was rendered from.")
@click.option("--party", required=True, metavar="P", help="The party whose changes these are (a party id of the draft).")
@lang_option("Language of the document (default: from its script).")
@click.option("--dry-run", is_flag=True, help="Write nothing; print what would be taken.")
@format_option()
@handles_errors
def intake(document: str, draft: str, party: str, lang: str | None, dry_run: bool, output_format: str) -> None:
    """Take a partner's tracked changes and comments in our Word text into DRAFT as its options.

    A changed paragraph becomes the party's alternative (typed when a changed number is a parameter), an
    inserted one its pending node, a deleted one its `delete: true` option, a comment its position note.

    Example: peacedraft intake partner-draft.docx --into draft.yaml --party dprk
    """
    from agreements.intake.intake import changes_taken, take_in

    report = take_in(document, draft, party, lang, dry_run)
    if report.nothing:
        click.echo(f"{document}: no changes to take", err=True)
        return
    lines = [f"{item.node}: {item.what}" + (f": {_one_line(item.text)}" if item.what in WORDED_INTAKE else "")
             for item in report.taken]
    lines += [f"not placed: {item.why}: {_one_line(item.text)}" for item in report.unplaced]
    _emit(output_format, report.to_json(), lines)
    verb = "would take" if dry_run else "took"
    click.echo(f"{draft}: {verb} {changes_taken(len(report.taken))} by {party}, {len(report.unplaced)} not placed",
               err=True)


@main.command()
@click.argument("draft", required=False)
@click.option("--against", metavar="PREVIOUS", help="The previous round (a file or REV:PATH), for the redline.")
@click.option("-o", "--output", default="negotiation-package", show_default=True, metavar="DIR",
              help="Folder to build the package in.")
@click.option("--zip", "as_zip", is_flag=True, help="Also write DIR.zip (sorted entries, fixed times).")
@click.option("--force", is_flag=True, help="Replace DIR (and DIR.zip) if they exist.")
@click.option("--allow-findings", is_flag=True,
              help="Build even when the draft breaks consistency rules; the memo lists them.")
@click.option("--author", default="peacedraft", show_default=True, help="Author of the redline's tracked changes.")
@click.option("--copies", is_flag=True, help="Also each signatory's own copy in every language (text/copies/PARTY/).")
@click.option("--non-paper", is_flag=True,
              help="A non-paper package: no attribution; no positions matrix, cover memo or draft files.")
@click.option("--sign", "key", metavar="KEY",
              help="Sign manifest.json with this OpenSSH private key (manifest.json.sig, namespace peacedraft-package).")
@CORPUS_OPTION
@handles_errors
def package(draft: str | None, against: str | None, output: str, as_zip: bool, force: bool, allow_findings: bool,
            author: str, copies: bool, key: str | None, corpus_folders: tuple[str, ...], non_paper: bool) -> None:
    """Build the negotiation text package of DRAFT (no DRAFT: the shipped round 2 against round 1).

    Clean text in every language and side by side, redline and change report, precedent annex and
    Armistice coverage, positions matrix, timeline, cover memo, the draft as YAML and JSON, and
    manifest.json with every file's SHA-256. Refused (exit 1) when the draft breaks consistency rules.
    With --sign KEY, manifest.json.sig: ssh-keygen's signature over the manifest (ssh-keygen -Y sign).
    With --non-paper, every document as a non-paper (no proposer, position or note; marked on every page;
    changes by "Non-paper", so --author is refused), without the positions matrix, cover memo and drafts.

    Example: peacedraft package round-3.yaml --against round-2.yaml -o round-3-package --zip
    """
    from agreements.package.build import InputDraft, build_package, package_time, shipped_example
    from agreements.package.folder import write_folder, zip_bytes
    from agreements.package.manifest import MANIFEST, SIGNATURE
    from agreements.package.signing import check_signing_key, sign_manifest

    if draft is None and against is not None:
        raise click.UsageError("--against needs a DRAFT")
    if non_paper and click.get_current_context().get_parameter_source("author").name != "DEFAULT":
        raise click.UsageError("--author and --non-paper exclude each other (a non-paper's changes are by no one)")
    current, previous = shipped_example() if draft is None else (InputDraft.read(draft), against and InputDraft.read(against))
    zip_path = output.rstrip("/") + ".zip"
    if as_zip and not force and os.path.exists(zip_path):
        raise click.UsageError(f"{zip_path} already exists (use --force to replace it)")
    if key is not None:
        check_signing_key(key)
    built = build_package(current, previous or None, allow_findings, author, list(corpus_folders),
                          _progress if _stderr_is_terminal() else None, copies, non_paper)
    if _stderr_is_terminal():
        click.echo("\r\033[K", nl=False, err=True, color=True)
    if key is not None:
        built.files[SIGNATURE] = sign_manifest(built.files[MANIFEST], key)
    top = os.path.basename(os.path.abspath(output))
    write_folder(built.files, output, force, (zip_path, zip_bytes(built.files, top, package_time(built))) if as_zip else None)
    errors = sum(finding.severity == "error" for finding in built.findings)
    note = f", {_count(errors, 'consistency error')} {'(no memo in a non-paper)' if non_paper else 'listed in the memo'}" \
        if errors else ""
    listed = len(built.files) - 1 - (SIGNATURE in built.files)
    signed = f" signed with {key}" if key is not None else ""
    click.echo(f"wrote {output}/ ({listed} files and manifest.json{signed}{note})"
               + (f" and {zip_path}" if as_zip else ""), err=True)


def _stderr_is_terminal() -> bool:
    """Return whether messages go to a terminal (progress is shown only there)."""
    return sys.stderr.isatty()


def _progress(number: int, total: int, stage: str) -> None:
    """Show which stage of the package is being built, on one terminal line (cleared after the last)."""
    click.echo(f"\r\033[K[{number}/{total}] {stage}…", nl=False, err=True, color=True)


@main.command()
@click.argument("package_path", metavar="PACKAGE")
@click.option("--signers", metavar="FILE",
              help="Check manifest.json.sig against this OpenSSH allowed_signers file and name the signer.")
@handles_errors
def verify(package_path: str, signers: str | None) -> None:
    """Check a package (folder or zip) against its manifest: one line per missing, altered or extra file.

    First prints the manifest's SHA-256, to compare with the sender's over another channel. With
    --signers, also checks the signature (ssh-keygen -Y verify, namespace peacedraft-package) and names
    the signer. Exits 0 only when every file is there with its recorded size and SHA-256 (and, with
    --signers, a key the file lists signed this manifest), else 1.

    Example: peacedraft verify negotiation-package.zip --signers allowed_signers
    """
    from agreements.package.manifest import digest, verify as verify_package
    from agreements.package.signing import check_signature, check_signers, signed_parts

    if signers is not None:
        check_signers(signers)
    manifest, discrepancies = verify_package(package_path)
    manifest_data, signature = signed_parts(package_path)
    click.echo(f"manifest SHA-256: {digest(manifest_data)}")
    for discrepancy in discrepancies:
        click.echo(str(discrepancy))
    count = len(manifest["files"])
    if discrepancies:
        click.echo(f"{package_path}: NOT intact ({_count(len(discrepancies), 'problem')} in {count} files)", err=True)
        sys.exit(1)
    intact = f"{package_path}: intact ({count} files, peacedraft {manifest.get('peacedraft', '?')})"
    if signers is not None:
        intact += f", signed by {check_signature(package_path, signers)}"
    elif signature is not None:
        intact += "; signed, the signature not checked (give --signers FILE)"
    click.echo(intact, err=True)


@main.command()
@click.argument("draft")
@format_option("akn", "json", default=None, required=True,
               help="akn: Akoma Ntoso 3.0 XML, one file per language; json: the draft as JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, metavar="FILE",
              help="File to write; without --lang, akn writes FILE with each authentic language before its suffix.")
@lang_option("Export this language only, to FILE itself (akn).")
@click.option("--validate", is_flag=True,
              help="Check before writing: akn against the Akoma Ntoso 3.0 XML Schema; json that it loads back.")
@handles_errors
def export(draft: str, output_format: str, output: str, lang: str | None, validate: bool) -> None:
    """Export DRAFT for other tools: Akoma Ntoso 3.0 (LegalDocML) XML per language, or JSON.

    Without --lang, akn writes one file per authentic language of the draft: out.xml becomes
    out.en.xml, out.ko.xml and out.zh.xml. Every file is built (and checked) before any is written, and all are written or none.

    Example: peacedraft export round-2.yaml --format akn -o round-2.xml --validate
    """
    from agreements.atomic import write_all
    from agreements.drafts import load_agreement
    from agreements.export import export_files
    from agreements.outputs import check_name

    if lang and output_format == "json":
        raise click.UsageError("--lang is for --format akn (the JSON holds every language)")
    check_name(output, (output_format,), ("akn", "json"))
    files = export_files(load_agreement(draft), output_format, output, lang, validate)
    for path in write_all([(file.path, file.data) for file in files]):
        click.echo(f"wrote {path}", err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the schema to a file instead of stdout.")
@handles_errors
def schema(output: str | None) -> None:
    """Print the JSON Schema of draft files, for editors that check YAML.

    Example: peacedraft schema -o peacedraft.schema.json
    """
    from agreements.atomic import write_atomic
    from agreements.outputs import check_names
    from agreements.schema import draft_schema

    check_names((output,), ("json",))
    text = json.dumps(draft_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if output:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("target", default=".", metavar="[FOLDER|DRAFT]")
@click.option("--port", type=click.IntRange(0, 65535), default=8800, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this machine's own is reachable by others on the network.")
@click.option("--open", "open_browser", is_flag=True, help="Open the workbench in the default browser.")
@handles_errors
def serve(target: str, port: int, host: str, open_browser: bool) -> None:
    """Serve the browser workbench for a folder of drafts (or one draft and its folder) on this machine.

    The address printed carries the access token: only a browser that opened it can use the workbench.
    Every change made in the browser is written to the draft files as `add`, `set` and `position` write them.
    Stop it with Ctrl+C.

    Example: peacedraft serve drafts/

    Example: peacedraft serve round-2.yaml --port 8900 --open
    """
    from workbench.server import serve as serve_folder

    def announce(address: str) -> None:
        click.echo(f"peacedraft workbench: {address}")
        click.echo("Press Ctrl+C to stop.", err=True)

    serve_folder(target, host, port, open_browser, announce)


if __name__ == "__main__":
    main()
