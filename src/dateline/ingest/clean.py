"""Cleaning article text: keep the report, drop what the web page wrapped around it.

News pages and crawls arrive full of navigation, share widgets, adverts, photo credits,
captions repeated under every image, newsletter prompts and hard-wrapped lines. Extraction
must never see those: "Share on Facebook" is not evidence, and a caption repeated three times
makes one event look like three. :func:`clean_text` is a pure function so the stored text
(to which every evidence offset refers) is reproducible from the raw input alone.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

#: Whole lines that are page furniture, never report text (matched case-insensitively).
_BOILERPLATE_LINES = [
    r"skip to (?:main )?(?:content|navigation|search|footer)",
    r"jump to (?:content|navigation)",
    r"(?:advertisement|advert|sponsored(?: content)?|ad|promoted)",
    r"(?:story|article) continues (?:below|after)(?: (?:this|the))? (?:advertisement|ad|advert)",
    r"(?:share|share this|share this (?:article|story|page)|share (?:on|via|to) \w+(?: \w+)?)",
    r"(?:tweet|copy link|link copied|email|e-mail|print|whatsapp|facebook|twitter|x|"
    r"linkedin|reddit|pinterest|messenger|telegram|comments?|reuse this content)",
    r"(?:sign up|subscribe)(?: (?:to|for))? (?:our|the)? ?.{0,40}newsletters?.{0,40}",
    r"(?:get|receive) (?:our|the) .{0,40}newsletters?.{0,40}",
    r"(?:after )?newsletter promotion",
    r"enter your email(?: address)?.{0,40}",
    r"by signing up,? you agree.{0,120}",
    r"(?:read more|related|also read|see also|more from .{1,40}|most (?:read|viewed|popular)|"
    r"trending|recommended)\s*(?::.{0,160})?",
    r"(?:menu|search|sections|home|log ?in|sign ?in|subscribe|close|next article|"
    r"previous article|topics|listen to this article|back to top)",
    r"\d{1,2} min(?:ute)?s? read",
    r"follow us on .{1,60}",
    r"(?:©|\(c\)|copyright ©?)\s*(?:19|20)\d\d\b.{0,120}",
    r"all rights reserved\.?",
    r".{0,80}licensed under a creative commons .{0,80}",
    # A line that is only a credit: "Photo: AFP/Getty", "Image credit: Reuters".
    r"(?:photo|photograph|picture|image|video|credit|photo credit|image credit)s?\s*:\s*.{1,100}",
    r"\(?(?:photo|picture|image) by .{1,100}\)?",
]
_BOILERPLATE_RE = re.compile("^(?:" + "|".join(_BOILERPLATE_LINES) + r")[.!]?$", re.IGNORECASE)

#: A caption line: text ending in a Guardian-style credit ("... Photograph: X/Getty Images").
_CAPTION_RE = re.compile(
    r"^.{0,300}\b(?:photograph|photo|photos|picture|image)\s*:\s*[^.:]{1,80}$", re.IGNORECASE
)
#: An inline credit inside a paragraph: "(Photo by Ahmad Al-Rubaye/AFP via Getty Images)".
_INLINE_CREDIT_RE = re.compile(
    r"\((?:photo|picture|image|photograph)s?(?: by|:| credit:)[^()]{1,100}\)", re.IGNORECASE
)
#: Navigation bars: "Home | World | Middle East | Politics".
_NAV_SEP_RE = re.compile(r"\s+[|·•»]\s+")
_TERMINAL = tuple(".!?:;\"'”’)]…")
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
#: Hard-wrapped text breaks lines at a fixed width: no line longer than this.
_WRAP_MAX = 100
#: ... and the lines before a block's last are at least this long on average.
_WRAP_MIN_MEAN = 40
#: Shorter repeated fragments ("He said.") may be real text; longer ones are crawler echoes.
_MIN_ECHO = 8
#: No furniture pattern matches a longer line; skipping them saves most of the matching.
_MAX_FURNITURE = 400


def is_boilerplate(line: str) -> bool:
    """True for a line that is page furniture: menus, share widgets, adverts, credits."""
    line = line.strip()
    if not line or len(line) > _MAX_FURNITURE:
        return False
    if _BOILERPLATE_RE.match(line) or _CAPTION_RE.match(line):
        return True
    parts = _NAV_SEP_RE.split(line)
    return len(parts) >= 3 and all(len(p.split()) <= 3 and not p.endswith(".") for p in parts)


def _normalise_line(line: str) -> str:
    if "(" in line:
        line = _INLINE_CREDIT_RE.sub("", line)
    # str.split() splits on every Unicode space (no-break, thin, ideographic...).
    return " ".join(line.split())


def _looks_wrapped(lines: list[str]) -> bool:
    """A block hard-wrapped at a fixed width: every line but the last short and similar."""
    head = lines[:-1]
    return (
        len(lines) > 1
        and max(len(x) for x in head) <= _WRAP_MAX
        and sum(len(x) for x in head) / len(head) >= _WRAP_MIN_MEAN
    )


def _join(left: str, right: str) -> str:
    # "terror-\nism": a word split at the wrap keeps its hyphen but loses the space.
    if left.endswith("-") and right[:1].islower():
        return left + right
    return f"{left} {right}"


def _paragraphs(lines: list[str]) -> list[str]:
    """Turn the lines of one blank-line-separated block into paragraphs."""
    if _looks_wrapped(lines):
        width = max(len(x) for x in lines)
        out = [lines[0]]
        for prev, line in itertools.pairwise(lines):
            # Inside wrapped text a short line ending a sentence closes a paragraph.
            if prev.endswith(_TERMINAL) and len(prev) < 0.6 * width:
                out.append(line)
            else:
                out[-1] = _join(out[-1], line)
        return out
    out = [lines[0]]
    for line in lines[1:]:
        # Without a wrap width, a line break is a paragraph break unless the sentence
        # plainly continues ("... the\nbase was hit").
        if not out[-1].endswith(_TERMINAL) and line[:1].islower():
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
    return out


def _drop_echoes(paragraphs: list[str]) -> list[str]:
    """Keep the first of repeated paragraphs (captions under every photo, crawler echoes).

    A paragraph is an echo when the same text was already kept, or when it is the tail of a
    kept paragraph: crawlers that concatenate nested elements repeat endings this way.
    """
    kept: list[str] = []
    seen: set[str] = set()
    for para in paragraphs:
        key = para.casefold()
        if key in seen:
            continue
        if len(para) >= _MIN_ECHO and any(k.endswith(key) for k in seen):
            continue
        seen.add(key)
        kept.append(para)
    return kept


def _strip_invisible(text: str) -> str:
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    return text


def clean_text(raw: str) -> str:
    """The report text of ``raw``: paragraphs separated by one blank line, furniture removed.

    Furniture is removed line by line before wrapped lines are joined (an advert inside a
    paragraph must not split it), and again from the joined paragraphs, so that a widget
    wrapped over two lines ("Share on" / "Facebook") goes too and cleaning clean text changes
    nothing.
    """
    text = _strip_invisible(unicodedata.normalize("NFC", raw))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[list[str]] = [[]]
    for raw_line in text.split("\n"):
        line = _normalise_line(raw_line)
        if not line:
            if blocks[-1] and not raw_line.strip():
                blocks.append([])
        elif not is_boilerplate(line):
            blocks[-1].append(line)
    paragraphs = [_normalise_line(p) for block in blocks if block for p in _paragraphs(block)]
    return "\n\n".join(_drop_echoes([p for p in paragraphs if p and not is_boilerplate(p)]))
