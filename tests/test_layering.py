"""Arrows run one way (DESIGN.md, "Layout"): `api` imports `home`, never the reverse, and `home` imports neither
content app (`network`, `practices`) nor the apps standing on them (`accounts`, `search`, `demo`)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The API reads home (page types, filters, serializer fields); home importing it back would be a cycle.
HIGHER_APPS = ("api", "network", "practices", "accounts", "search", "demo", "partners")


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


HOME_MODULES = sorted(path for path in (ROOT / "home").rglob("*.py") if "migrations" not in path.parts)


@pytest.mark.parametrize("path", HOME_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_home_imports_no_higher_app(path):
    higher = [name for name in imported_modules(path) if name.split(".")[0] in HIGHER_APPS]
    assert higher == []


def test_the_check_sees_imports():
    # The walker must see absolute imports, or the test above would pass on anything.
    assert "home.filters" in set(imported_modules(ROOT / "api" / "views.py"))
