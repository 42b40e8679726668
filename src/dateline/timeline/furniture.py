"""Page furniture that carries a date but reports no event.

News pages as scraped keep their timestamps: reader-comment stamps, blog bylines, "last
updated" lines, wire datelines. Read as day mentions they are noise with a pattern: a
comment thread votes for every day it was written on, and every article of some outlets
votes a second time for its own publication day. :func:`furniture_spans` finds them so the
day-mention finders can skip the dates inside. Reports of events put a clock time *before*
the date ("the rig exploded at 9:45 pm on April 20"); furniture puts it after, or ties the
date to a byline, a comment author or a news agency, which is what these patterns key on.
"""

from __future__ import annotations

import re

#: A clock time as furniture writes it: "11:02 pm EDT", "17.33 BST", "4:49 PM", "1130 GMT".
_CLOCK = r"\d{1,2}[:.]?\d\d ?(?:[AaPp]\.?[Mm]\.?|UK time|GMT|BST|EDT|EST|ET|CET|UTC)\b"
#: "28 May 2010", "Apr 22 , 2010", "1st Jun 2010", "14 January , 2010", with a weekday or not.
_DATE = (
    r"(?:[A-Za-z]{3,9}\.?(?: ,)? )?"
    r"(?:\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.? \d{1,2})(?: ,)? (?:19|20)\d\d"
)

#: One pattern per kind of furniture, each with an example from the T17 collections.
FURNITURE: tuple[tuple[str, str], ...] = (
    # "At 10:14 am on 28 May 2010 , pzero wrote :", "At 19:42 1st Jun 2010 , John wrote :"
    (
        "comment",
        r"\b[Aa]t \d{1,2}[:.]\d\d ?(?:[AaPp]\.?[Mm]\.?)?(?: on)? [^,]{4,30}?"
        r"(?: , \d{4})? , \S+(?: \S+)? wrote :",
    ),
    # "18:00 UK time , Saturday , 25 April 2009", "12:16 PM , Thursday , 28 May 2009",
    # "22.59 BST on Tuesday 1 June 2010"
    (
        "byline",
        rf"\b\d{{1,2}}[:.]\d\d ?(?:(?:[AaPp]\.?[Mm]\.?|UK time|GMT|BST) ,|"
        rf"(?:UK time|GMT|BST) on) {_DATE}",
    ),
    # "Thu Apr 22 , 2010 7:30 pm EDT", "Friday , May 6 , 2010 ; 11:30 AM", "July 15 , 2010 -
    # 7:48 AM", "Last updated : 14 January , 2010 - 17:26 GMT"
    ("timestamp", rf"\b{_DATE}(?: ;| ,| -)? {_CLOCK}"),
    # "12 October 2011 Last updated at 20:01 GMT"
    ("updated", rf"\b{_DATE} Last updated\b"),
    # "This article was amended on 18 June 2010"
    ("amended", rf"\bThis article was (?:amended|corrected) on {_DATE}"),
    # "RIYADH , June 3 -LRB- Reuters -RRB-", "TOKYO May 21 -LRB- Reuters -RRB-"
    ("dateline", r"\b[A-Za-z]{3,9}\.? \d{1,2}(?: ,? (?:19|20)\d\d)? -LRB- (?:Reuters|AP|AFP)\b"),
)
_FURNITURE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in FURNITURE))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of dated page furniture in ``text``, in order."""
    return [m.span() for m in _FURNITURE.finditer(text)]


__all__ = ["FURNITURE", "furniture_spans"]
