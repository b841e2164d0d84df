"""Who is asking, and what they may do: bearer tokens for the API, signed cookie sessions for the browser.

Sessions are signed with a key made when the server starts (restarting it logs everyone out: no
secret to keep on disk). Forms carry a CSRF token equal to a random cookie (double submit) on top of
SameSite=Strict cookies. Every response gets security headers; pages load nothing from elsewhere.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from trucewatch.store.reviews import WRITERS

SESSION_COOKIE = "tw_session"
CSRF_COOKIE = "tw_csrf"
SESSION_SECONDS = 12 * 3600
HEADERS = {
    "content-security-policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


class SecurityHeaders:
    """ASGI middleware adding ``HEADERS`` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode()
                                        not in present)]
            await send(message)

        await self.app(scope, receive, sending)


def _sign(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def session_value(key: bytes, user_id: int) -> str:
    payload = f"{user_id}.{int(time.time()) + SESSION_SECONDS}"
    return f"{payload}.{_sign(key, payload)}"


def session_user_id(key: bytes, value: str | None) -> int | None:
    """The user id of a valid, unexpired session cookie."""
    if not value or value.count(".") != 2:
        return None
    payload, signature = value.rsplit(".", 1)
    if not hmac.compare_digest(_sign(key, payload), signature):
        return None
    user_id, expires = payload.split(".")
    if not (user_id.isdigit() and expires.isdigit()) or int(expires) < time.time():
        return None
    return int(user_id)


def _bearer_user(request: Request) -> dict | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return request.app.state.store.user_for_token(token.strip()) if scheme.lower() == "bearer" else None


def current_user(request: Request) -> dict | None:
    """The user of the bearer token, else of the session cookie; None for anonymous."""
    if request.headers.get("authorization"):
        return _bearer_user(request)
    user_id = session_user_id(request.app.state.session_key, request.cookies.get(SESSION_COOKIE))
    return request.app.state.store.user(user_id) if user_id is not None else None


def bearer_writer(request: Request) -> dict:
    """The API's writer: a reviewer's or admin's bearer token (anonymous 401, viewer 403)."""
    return _writer(_bearer_user(request))


def form_writer(request: Request, csrf: str) -> dict:
    """A form's writer: a signed-in reviewer or admin whose form carries the CSRF token of its cookie."""
    check_csrf(request, csrf)
    user_id = session_user_id(request.app.state.session_key, request.cookies.get(SESSION_COOKIE))
    return _writer(request.app.state.store.user(user_id) if user_id is not None else None)


def check_csrf(request: Request, csrf: str) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie, csrf or ""):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def _writer(user: dict | None) -> dict:
    if user is None:
        raise HTTPException(401, "sign in (or send Authorization: Bearer TOKEN) to review",
                            headers={"WWW-Authenticate": "Bearer"})
    if user["role"] not in WRITERS:
        raise HTTPException(403, f"{user['name']} is a {user['role']}: only reviewers and admins change data")
    return user


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser (its cookie), making one if it has none yet (set by ``page``)."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if token is None:
        token = request.state.new_csrf = secrets.token_urlsafe(32)
    return token
