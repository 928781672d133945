"""peacedraft's command line: the only module that prints or exits.

Commands import the library inside their bodies, so `peacedraft --help` starts without pydantic.
"""

from __future__ import annotations

import functools
import json
import sys

import click

EXAMPLES = ("round-1", "round-2")


def handles_errors(command):
    """Wrap a command so library errors become one-line messages and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from agreements.errors import DraftError, OutputError

        try:
            return command(*args, **kwargs)
        except DraftError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            sys.exit(2)
        except OutputError as error:
            click.echo(f"peacedraft: {error}", err=True)
            sys.exit(2)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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

    write_atomic(draft, example_bytes(example), overwrite=force)
    click.echo(f"wrote {draft}" + (f" (example {example})" if example else ""), err=True)


@main.command()
@click.argument("draft")
@click.option("--strict", is_flag=True, help="Count warnings as errors (exit 1 on any finding).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handles_errors
def validate(draft: str, strict: bool, output_format: str) -> None:
    """Load DRAFT and check it against the consistency rules.

    Prints one line per finding; exits 1 when there are errors (or, with
    --strict, warnings), 2 when the draft cannot be loaded at all.

    Example: peacedraft validate example.yaml --format json
    """
    from agreements.drafts import load_agreement
    from agreements.rules import check

    findings = check(load_agreement(draft))
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


@main.command()
@click.argument("draft")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["en", "ko", "zh"]), default="en", show_default=True)
@click.option("--templates", type=click.Path(file_okay=False, exists=True), help="Folder of your own clause templates (sandboxed).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@handles_errors
def render(draft: str, output_format: str, lang: str, templates: str | None, output: str | None) -> None:
    """Print the draft's text in one language, numbered, with its brackets and options.

    Example: peacedraft render example.yaml --lang ko --format markdown
    """
    from pathlib import Path

    from agreements.atomic import write_atomic
    from agreements.drafts import load_agreement
    from agreements.textrender import render_document

    folder = Path(templates).resolve() if templates else None
    text = render_document(load_agreement(draft), lang, markdown=output_format == "markdown", user_folder=folder)
    if output:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the schema to a file instead of stdout.")
@handles_errors
def schema(output: str | None) -> None:
    """Print the JSON Schema of draft files, for editors that check YAML.

    Example: peacedraft schema -o peacedraft.schema.json
    """
    from agreements.atomic import write_atomic
    from agreements.schema import draft_schema

    text = json.dumps(draft_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if output:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":
    main()
