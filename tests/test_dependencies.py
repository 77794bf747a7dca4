"""What ``pip install .`` (no extras) installs is all the code needs.

A module imported but not declared works in the development environment, where the ``dev``
extra happens to bring it, and fails for a user: Pillow once did, on every scan. The first test
reads the imports of the package's code; the second reads a scan in a Python that cannot import
anything outside the declared dependencies and what they require, as a user's install would be,
offline (no package is downloaded).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from flows.ingest.ocr import ocr_available

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("flows", "extractors", "models")
SCAN = ROOT / "corpus" / "published" / "p10.pdf"


def _name(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"]]


def _closure() -> set[str]:
    """The project, its declared distributions and everything they require, extras left out."""
    seen: set[str] = set()
    todo = ["kehoach", *(r.name for r in _declared())]
    while todo:
        name = _name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue
        for line in requires:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def _imports() -> dict[str, str]:
    """Top-level modules the package's code imports, each with a file that imports it."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def test_every_imported_module_is_a_declared_dependency() -> None:
    declared = {_name(r.name) for r in _declared()}
    providers = metadata.packages_distributions()
    missing = {}
    for module, where in _imports().items():
        if module in sys.stdlib_module_names or module in PACKAGES or module == "__future__":
            continue
        dists = {_name(d) for d in providers.get(module, [])}
        if not dists & declared:
            missing[module] = (where, sorted(dists))
    assert missing == {}, f"imported but not in [project.dependencies]: {missing}"


_BLOCKED_RUN = """
import importlib.abc, json, sys
blocked = set(json.loads(sys.argv[1]))

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r} (not installed without extras)")
        return None

sys.meta_path.insert(0, Blocked())
from pathlib import Path
from flows.extract import extract_file
record = extract_file(Path(sys.argv[2]))
print(record.model_dump_json())
"""


def test_a_scan_is_read_with_only_the_declared_dependencies() -> None:
    if not ocr_available():
        pytest.skip("tesseract with Vietnamese data is not installed (tesseract-ocr, tesseract-ocr-vie)")
    allowed = _closure()
    blocked = sorted(
        module
        for module, dists in metadata.packages_distributions().items()
        if module not in sys.stdlib_module_names and not {_name(d) for d in dists} & allowed
    )
    assert "pytest" in blocked and "PIL" not in blocked
    run = subprocess.run(
        [sys.executable, "-c", _BLOCKED_RUN, json.dumps(blocked), str(SCAN)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    record = json.loads(run.stdout)
    assert record["source"]["ocr_pages"] == 1
    assert record["document"]["issuer"]["name"] == "Công an tỉnh Lâm Đồng"
    assert record["document"]["signers"][0]["name"] == "Trương Minh Đương"
