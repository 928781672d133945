"""What the workbench knows while it runs: its folder, its tokens, its templates, and how it renders a page."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from clauses.languages import LANGUAGES, language
from workbench.paths import confined

NAVIGATION = (("drafts", "/", "Drafts"), ("precedents", "/precedents", "Precedents"))


@dataclass
class Bench:
    """The served folder (resolved), the access token, the secret behind the form tokens, and the templates."""

    root: Path
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    allowed_hosts: frozenset[str] = frozenset()
    start: str | None = None  # the draft to open first, relative to root
    environment: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self.environment = Environment(loader=PackageLoader("templates", "workbench"),
                                       autoescape=select_autoescape(default=True, default_for_string=True),
                                       trim_blocks=True, lstrip_blocks=True)
        self.environment.globals.update(languages=self.language_choices(), navigation=NAVIGATION, root=str(self.root))

    @property
    def csrf(self) -> str:
        """Return the token every form carries: derived from the access token (a form of another site cannot know it)."""
        return hmac.new(self.token.encode(), b"csrf", hashlib.sha256).hexdigest()

    def resolve(self, relative: str) -> Path:
        """Return the file a page names, inside the served folder (PD-E111 for anything outside it)."""
        return confined(self.root, relative)

    def relative(self, path: Path) -> str:
        """Return a file's path relative to the served folder, with forward slashes."""
        return path.resolve().relative_to(self.root).as_posix()

    @staticmethod
    def language_choices() -> list[tuple[str, str, str]]:
        """Return each language's code, name in itself and tag, for the language switch."""
        return [(code, language(code).name, language(code).tag) for code in LANGUAGES]

    def page(self, request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        """Return a page (or, for a partial update, the fragment the template names) rendered from a template."""
        partial = request.headers.get("hx-request") == "true" and "hx-target" in request.headers
        html = self.environment.get_template(template).render(
            request=request, csrf=self.csrf, partial=partial, current=request.url.path, **context)
        return HTMLResponse(html, status_code=status)
