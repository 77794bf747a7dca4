"""Every agency a text names, found once and looked up by window.

Scanning for agencies is the costliest pass of an extraction, and duties, reporting lines
and the issuer each ask for the agencies of a small window; they ask this index instead
of scanning again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from extractors.facts.agencies import AgencyMention, iter_agencies


@dataclass(frozen=True, slots=True)
class AgencyIndex:
    """The mentions of one text in order, with their starts and ends kept apart for bisection.

    The scan yields mentions that do not overlap, so their ends rise with their starts.
    """

    mentions: tuple[AgencyMention, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> AgencyIndex:
        """Scan ``text`` once; every later question about a window is answered from the index."""
        mentions = tuple(iter_agencies(text))
        return cls(mentions, tuple(m.start for m in mentions), tuple(m.end for m in mentions))

    def within(self, start: int, end: int) -> tuple[AgencyMention, ...]:
        """The mentions that lie wholly inside ``[start, end)``, in order.

        Both bounds are found by bisection, the first on the starts and the last on the ends
        (ends rise with starts, so the mentions that end by ``end`` are a prefix of those
        after ``start``): the windows are small and many, and a slice is all they cost.
        """
        lo = bisect_left(self.starts, start)
        return self.mentions[lo : bisect_right(self.ends, end, lo)]
