"""Regex alternations the engine can rule out quickly.

Python's regex engine has no trie: at every position of a text it tries each alternative of an alternation
in turn. A prefilter over hundreds of cue patterns ("is there any incident cue in this sentence?") spends
most of its time there. Grouping the alternatives by the literal character they must start with lets it
try one character per group instead; it changes nothing for a yes/no search (or for where a match starts),
as only the alternatives that can start at a position are tried there, in their order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and character class (its first character is then not
    the first character of every match)."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def by_first_character(alternatives: Sequence[str]) -> str:
    """``"|".join(alternatives)`` with the alternatives that start with a plain letter or digit grouped under it:
    ``shell(?:ed|ing)|shells?|mortars?`` -> ``s(?:hell(?:ed|ing)|hells?)|m(?:ortars?)``. For a case-sensitive
    pattern (the grouped letter matches itself only); within a group, and for the others (which follow the
    groups), the order is kept."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in alternatives:
        if len(alternative) >= 2 and alternative[0].isalnum() and alternative[1] not in "?*+{" \
                and not _top_level_bar(alternative):
            groups.setdefault(alternative[0], []).append(alternative[1:])
        else:
            others.append(alternative)
    return "|".join([f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()] + others)


def first_character_lookahead(words: Sequence[str], folded: Sequence[str] = ()) -> str:
    """A lookahead for the characters ``words`` (as written) and ``folded`` (in any case) can start with, to put
    before their alternation: the engine has no first-character scan for an alternation (nor for case-insensitive
    words), and the lookahead rejects most positions with one test, so the pattern matches the same. "" when a
    phrase is empty (it would match anywhere) or starts with a space or apostrophe, which ``lang.alternation``
    widens."""
    phrases = [*words, *folded]
    if not phrases or any(not p or p[0].isspace() or p[0] in "'’" for p in phrases):
        return ""

    def firsts(group: Sequence[str]) -> str:
        return "".join(sorted({re.escape(p[0]) for p in group}))

    options = ([f"(?i:[{firsts(folded)}])"] if folded else []) + ([f"[{firsts(words)}]"] if words else [])
    return f"(?={'|'.join(options)})"


def _lower_first(alternative: str) -> str:
    """``alternative`` with its first character in lower case when the two match each other case-insensitively
    (the same case-insensitive pattern: "Army" and "army" then fall in one group)."""
    first = alternative[:1]
    lower = first.lower()
    same = len(lower) == 1 and re.fullmatch(re.escape(first), lower, re.I) \
        and re.fullmatch(re.escape(lower), first, re.I)
    return lower + alternative[1:] if same else alternative


def folded_by_first_character(alternatives: Sequence[str]) -> str:
    """:func:`by_first_character` for a case-insensitive pattern: the first letters in lower case (the same
    pattern), grouped when no two different first characters match each other case-insensitively, so each
    position tries the same alternatives in the same order; else ``"|".join(alternatives)``. For alternatives
    longest first (the others, tried after the groups, may then only be one character long where they start
    like a group)."""
    lowered = [_lower_first(a) for a in alternatives]
    firsts = sorted({a[0] for a in lowered if a})
    if any(re.fullmatch(re.escape(a), b, re.I) or re.fullmatch(re.escape(b), a, re.I)
           for n, a in enumerate(firsts) for b in firsts[n + 1:]):
        return "|".join(alternatives)
    return by_first_character(lowered)
