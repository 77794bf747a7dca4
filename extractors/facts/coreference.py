"""One name per agency within a document: "Trung tâm Y tế" is "Trung tâm Y tế huyện" when the
same document names it with its level elsewhere and names no other such centre.

The alias table can only expand what a phrase says; the document itself says which level
a bare name means.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors.structure.header import document_vocab


def leveled_names(names: Iterable[str]) -> dict[str, str]:
    """Map each bare name to the one name of the same document that adds only a level word to it."""
    names = set(names)
    levels = set(document_vocab()["levels"])
    mapping: dict[str, str] = {}
    for bare in names:
        fuller = [n for n in names if n.startswith(bare + " ") and n[len(bare) + 1 :] in levels]
        if len(fuller) == 1:
            mapping[bare] = fuller[0]
    return mapping
