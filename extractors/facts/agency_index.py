"""Every agency a text names, found once and looked up by window.

Scanning for agencies is the costliest pass of an extraction, and duties, reporting lines
and the issuer each ask for the agencies of a small window; they ask this index instead
of scanning again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.facts.agencies import AgencyMention, iter_agencies


@dataclass(frozen=True, slots=True)
class AgencyIndex:
    mentions: tuple[AgencyMention, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> AgencyIndex:
        mentions = tuple(iter_agencies(text))
        return cls(mentions, tuple(m.start for m in mentions))

    def within(self, start: int, end: int) -> Iterator[AgencyMention]:
        """The mentions that lie wholly inside ``[start, end)``, in order."""
        for i in range(bisect_left(self.starts, start), len(self.mentions)):
            mention = self.mentions[i]
            if mention.start >= end:
                return
            if mention.end <= end:
                yield mention
