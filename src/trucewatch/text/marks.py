"""Typographic marks that cleaning and statements both read: one definition of a list bullet."""

from __future__ import annotations

import re

BULLET_MARKS = "•·▪►●◦*"
# A list item's opening mark: a bullet sign, or a dash followed by a space ("- item", "— item").
BULLET = re.compile(rf"^(?:[{BULLET_MARKS}]|[-–—](?=\s))\s*")


def only_bullet(text: str) -> bool:
    """Whether ``text`` holds nothing but white space and at most one list bullet ("  • ")."""
    stripped = text.strip()
    return not stripped or not BULLET.sub("", stripped + " ", count=1).strip()
