"""The Agreement model: built once when imported; the models inside it build their own validators on first use."""

from __future__ import annotations

from agreements.model import Article
from clauses.registry import KINDS
from tests.processes import stdout_elsewhere


def test_importing_the_model_builds_the_agreement_and_not_the_models_inside_it():
    """Articles, parts and annexes are validated within the Agreement's validator; none is built on its own."""
    code = ("import agreements.model as model; "
            "print(*(cls.__pydantic_complete__ for cls in (model.Article, model.Part, model.Annex, model.Agreement)))")
    assert stdout_elsewhere(code).decode().split() == ["False", "False", "False", "True"]


def test_an_article_validated_on_its_own_holds_clauses_of_their_kinds():
    """An article built on first use validates its children as the kinds they name."""
    article = Article.model_validate({"id": "a", "kind": "article",
                                      "children": [{"id": "a.b", "kind": "text", "text": {"en": "B."}}]})
    assert isinstance(article.children[0], KINDS["text"])
