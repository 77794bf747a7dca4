"""The vendored yardstick (tests/eval/score.py, a verbatim copy of shared/eval/score.py) as a module.

It is a script, not a package module, so tests load it from its path through this one place.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parent / "eval"
GOLD = EVAL / "gold"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kehoach_vendored_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = _load()
