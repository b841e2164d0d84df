"""Invisible format characters that carry no text: dropped before storage so that every stage sees plain words.

A zero-width space after every space hid each word boundary from ``\\s`` (cue and speaker patterns found no
speakers); soft hyphens split words; direction marks and embeddings reorder what a reader sees ("Trojan
source") without changing what the text says. The zero-width joiner and non-joiner stay: they spell words in
Persian, Indic scripts and emoji.
"""

from __future__ import annotations

import re

# soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space, left-to-right and right-to-left
# marks, bidi embeddings and overrides, word joiner and invisible operators, bidi isolates, zero-width no-break
# space (a byte-order mark inside the text)
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def strip_invisible(text: str) -> tuple[str, int]:
    """``text`` without its invisible format characters, and how many there were."""
    stripped, count = INVISIBLE.subn("", text)
    return stripped, count
