"""The vendored yardsticks (tests/eval/, verbatim copies of ../shared/eval) as modules.

They are scripts, not package modules, so tests load them from their paths through this one place.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parent / "eval"
GOLD = EVAL / "gold"


def load_script(path: Path, name: str) -> ModuleType:
    """The script at ``path`` loaded as the module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = load_script(EVAL / "score.py", "kehoach_vendored_score")
