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
    """The mentions of one text in order, with their starts kept apart for bisection."""

    mentions: tuple[AgencyMention, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> AgencyIndex:
        """Scan ``text`` once; every later question about a window is answered from the index."""
        mentions = tuple(iter_agencies(text))
        return cls(mentions, tuple(m.start for m in mentions))

    def within(self, start: int, end: int) -> Iterator[AgencyMention]:
        """The mentions that lie wholly inside ``[start, end)``, in order.

        Both bounds are found by bisection: the windows are small and many, so only the
        mentions that start inside one are read.
        """
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end, lo)
        return (mention for mention in self.mentions[lo:hi] if mention.end <= end)
