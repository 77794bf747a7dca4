"""One name per agency within a document: "Trung tâm Y tế" is "Trung tâm Y tế huyện" when the
same document names it with its level elsewhere and names no other such centre.

The alias table can only expand what a phrase says; the document itself says which level
a bare name means.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from extractors.structure.header import document_vocab


@lru_cache(maxsize=1)
def _level_suffixes() -> tuple[str, ...]:
    """What a level adds to a bare name (" tỉnh", " thành phố", ...), read once."""
    return tuple(f" {level}" for level in document_vocab()["levels"])


def leveled_names(names: Iterable[str]) -> dict[str, str]:
    """Map each bare name to the one name of the same document that adds only a level word to it."""
    names = set(names)
    fuller: dict[str, list[str]] = {}
    for name in names:
        if not name.endswith(_level_suffixes()):
            continue
        for suffix in _level_suffixes():
            bare = name[: len(name) - len(suffix)]
            if name.endswith(suffix) and bare in names:
                fuller.setdefault(bare, []).append(name)
    return {bare: found[0] for bare, found in fuller.items() if len(found) == 1}
