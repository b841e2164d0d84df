"""Whole GET answers cached per process, keyed by what they are made of, so a repeated read costs no query.

A page depends on its path and query, on JSON or HTML, on who asks (HTML names the user and shows
writers their forms) and on the store's data: the key holds the store's version token
(``Store.data_version``, trusted for ``token_seconds`` as the view caches' tokens are), so a review, an
analysis or a record by hand makes every page new, at once in the process that wrote (its tokens are
forgotten) and within the token period in the others; a new version also makes the process ask the
views' own tokens again, so no page is made from views older than its key. The CSRF token of the browser
that first asked is cut out of a stored page and each asker's own put back. The entry's ETag answers
``If-None-Match`` with 304; large bodies are gzipped for clients that accept it (once per entry when the
body is the same for everyone).
"""

from __future__ import annotations

import gzip
import hashlib
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, State
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from trucewatch.web.cache import etag
from trucewatch.web.security import CSRF_COOKIE, SESSION_COOKIE, session_user_id

FRESH_PREFIXES = ("/api/reviews/", "/api/evidence/", "/static/")  # review versions read fresh; files by Starlette
GZIP_FROM = 16 * 1024  # bytes: smaller bodies cost more to compress than they save on a network
CACHE_BYTES = 128 * 1024 * 1024  # per process
_CSRF_MARK = b"\x00csrf\x00"


@dataclass
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]  # without Set-Cookie, Content-Length and ETag
    body: bytes  # with _CSRF_MARK where the asker's CSRF token goes
    etag: str
    personal: bool  # holds a CSRF token: gzipped per answer
    gzipped: bytes | None = field(default=None, repr=False)


class ResponseCache:
    """A byte-bounded LRU of ``Entry`` shared by a process's requests."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self._entries: OrderedDict[tuple, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Entry | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple, entry: Entry) -> None:
        if len(entry.body) > self.limit // 4:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            self._bytes += len(entry.body) - (len(old.body) if old else 0)
            self._entries[key] = entry
            while self._bytes > self.limit:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._entries)


class CachedResponses:
    """ASGI middleware answering GETs from ``ResponseCache`` (see the module's docstring); after any other
    method it forgets the process's version tokens, so the writer's next read shows its write."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self.app = app
        self.state = state
        self.cache = ResponseCache()
        self._seen: str | None = None  # the newest store version seen

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            try:
                await self.app(scope, receive, send)
            finally:
                self.state.views.forget_tokens()
            return
        path = scope["path"]
        if scope["method"] == "HEAD" or path.startswith(FRESH_PREFIXES):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cookies = _cookies(headers)
        as_json = (
            bool(scope.get("state", {}).get("json"))
            or path.startswith("/api/")
            or path == "/openapi.json"
            or headers.get("accept", "").split(",")[0].strip() == "application/json"
        )
        key = (
            path,
            scope["query_string"],
            as_json,
            None if as_json else self._who(headers, cookies),
            await self._version(),
        )
        entry = self.cache.get(key)
        if entry is None:
            entry, fresh_token = await self._compute(scope, receive, key)
            if entry is None:  # not cacheable: already sent
                return
        else:
            fresh_token = None
        await _answer(entry, headers, cookies, send, fresh_token)

    def _who(self, headers: Headers, cookies: dict[str, str]) -> object:
        """Who an HTML page is made for: a bearer token's digest, a signed-in user's id, or None (anonymous)."""
        authorization = headers.get("authorization")
        if authorization:
            return "bearer", hashlib.sha256(authorization.encode()).hexdigest()
        return session_user_id(self.state.session_key, cookies.get(SESSION_COOKIE))

    async def _version(self) -> str:
        views, store = self.state.views, self.state.store
        version = views.trusted_token("store")
        if version is None:
            version = await run_in_threadpool(views.token, "store", store.data_version)
            if version != self._seen:  # the views' own tokens may be older than this one: ask them again
                self._seen = version
                views.forget_tokens(but="store")
        return version

    async def _compute(self, scope: Scope, receive: Receive, key: tuple) -> tuple[Entry | None, str | None]:
        """The application's answer as an entry (stored if a 200), and the CSRF token it was made with."""
        started: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, keep)
        raw = Headers(raw=started.get("headers", []))
        body = b"".join(chunks)
        token = _csrf_cookie(raw.getlist("set-cookie")) or _cookies(Headers(scope=scope)).get(CSRF_COOKIE)
        marked = body.replace(token.encode(), _CSRF_MARK) if token else body
        kept = [
            (k, v)
            for k, v in started.get("headers", [])
            if k.lower() not in (b"set-cookie", b"content-length", b"etag")
        ]
        entry = Entry(started.get("status", 500), kept, marked, raw.get("etag") or etag(*key), personal=marked != body)
        if entry.status == 200:
            self.cache.put(key, entry)
        return entry, _csrf_cookie(raw.getlist("set-cookie"))


def _cookies(headers: Headers) -> dict[str, str]:
    jar = SimpleCookie()
    jar.load(headers.get("cookie", ""))
    return {k: m.value for k, m in jar.items()}


def _csrf_cookie(set_cookies: list[str]) -> str | None:
    for line in set_cookies:
        jar = SimpleCookie()
        jar.load(line)
        if CSRF_COOKIE in jar:
            return jar[CSRF_COOKIE].value
    return None


async def _answer(entry: Entry, headers: Headers, cookies: dict[str, str], send: Send, fresh_token: str | None) -> None:
    """``entry`` for this asker: 304 if it holds the current copy, else the body with its own CSRF token."""
    out = [*entry.headers, (b"etag", entry.etag.encode())]
    token = cookies.get(CSRF_COOKIE)
    if entry.personal and token is None:  # a first visit: a token of its own, in the page and a cookie
        token = fresh_token or secrets.token_urlsafe(32)
        out.append((b"set-cookie", f"{CSRF_COOKIE}={token}; HttpOnly; Path=/; SameSite=strict".encode()))
    elif entry.status == 200 and headers.get("if-none-match") == entry.etag:
        await send({"type": "http.response.start", "status": 304, "headers": out})
        await send({"type": "http.response.body", "body": b""})
        return
    body = entry.body.replace(_CSRF_MARK, token.encode()) if entry.personal else entry.body
    if len(body) >= GZIP_FROM and "gzip" in headers.get("accept-encoding", ""):
        if entry.personal:
            body = gzip.compress(body, compresslevel=5)
        else:
            entry.gzipped = entry.gzipped or gzip.compress(body, compresslevel=5)
            body = entry.gzipped
        out += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding")]
    if entry.status not in (204, 304):
        out.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": entry.status, "headers": out})
    await send({"type": "http.response.body", "body": body})
