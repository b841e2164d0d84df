"""Per-process cache of an agreement's views, keyed by what they are computed from.

A status, matrix or provision view depends on the agreement's evidence and its reviews; the store's
``evidence_version`` token (link count, newest run, newest revision) changes whenever either may have,
so a key holding it can never serve stale data, and a request costs one small query while nothing
changes. The agreement, the code and the language data are fixed for a server process's life.
The token also makes a cheap ETag: a client that sends it back gets ``304 Not Modified``.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class ViewCache:
    """A bounded LRU map shared by a process's request threads (a value is computed outside the lock:
    two threads may both compute a new key once, and both get a correct answer)."""

    def __init__(self, size: int = 256, token_seconds: float = 0.0) -> None:
        self.size = size
        self.token_seconds = token_seconds
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._tokens: dict[Hashable, tuple[float, object]] = {}
        self._refreshing: set[Hashable] = set()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def token(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A version token, asked of the store at most once per ``token_seconds`` in this process (a token
        query scans an index: on a large store it would cost every request more than the cached view saves).
        A write through this process forgets them at once (``forget_tokens``); another worker's write is
        seen within ``token_seconds``."""
        if self.token_seconds <= 0:
            return compute()
        now = time.monotonic()
        with self._lock:
            found = self._tokens.get(key)
            fresh = found is not None and now - found[0] < self.token_seconds
            if not fresh and found is not None and key in self._refreshing:
                return found[1]  # type: ignore[return-value]  # one thread asks; the others keep the last answer
            if not fresh:
                self._refreshing.add(key)
        if fresh:
            return found[1]  # type: ignore[index,return-value]
        try:
            value = compute()
        finally:
            with self._lock:
                self._refreshing.discard(key)
        with self._lock:
            self._tokens[key] = (now, value)
        return value

    def trusted_token(self, key: Hashable) -> object | None:
        """The token of ``key`` if it is still trusted (without asking the store), else None."""
        with self._lock:
            found = self._tokens.get(key)
        return found[1] if found is not None and time.monotonic() - found[0] < self.token_seconds else None

    def forget_tokens(self, but: Hashable | None = None) -> None:
        with self._lock:
            self._tokens = {k: v for k, v in self._tokens.items() if k == but}

    def __len__(self) -> int:
        return len(self._items)


def etag(*parts: object) -> str:
    """A strong validator for a response computed from ``parts``."""
    return '"' + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:24] + '"'
