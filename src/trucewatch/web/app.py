"""The workspace application: pages and API over one store, with security headers and ``.json`` pages."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from trucewatch import __version__
from trucewatch.agreements import Agreement, load_agreements
from trucewatch.store import Store
from trucewatch.web import api, pages, review_pages
from trucewatch.web.cache import ViewCache
from trucewatch.web.render import error_page, wants_json
from trucewatch.web.responses import CachedResponses
from trucewatch.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"


class JsonSuffix:
    """Datasette's convention: ``/path.json`` is the page at ``/path`` as JSON."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] == "http"
            and path.endswith(".json")
            and path != "/openapi.json"
            and not path.startswith(("/api/", "/static/"))
        ):
            path = path[:-5] or "/"
            scope = {
                **scope,
                "path": path,
                "raw_path": path.encode(),
                "state": {**scope.get("state", {}), "json": True},
            }
        await self.app(scope, receive, send)


SERVED_TOKEN_SECONDS = 1.0  # how stale another worker's write may look to `serve` (see ViewCache.token)


def from_environment() -> FastAPI:
    """The application over ``$TRUCEWATCH_DB``: what each worker process of ``serve --workers N`` builds."""
    return create_app(Store(os.environ["TRUCEWATCH_DB"]), token_seconds=SERVED_TOKEN_SECONDS)


def create_app(store: Store, agreements: dict[str, Agreement] | None = None, *, token_seconds: float = 0.0) -> FastAPI:
    """The application over ``store`` (the caller keeps it open for the server's life). ``token_seconds``:
    how long the store's version tokens are trusted in this process (0: asked on every request, so a write
    made around the application, as tests make, is seen at once)."""
    app = FastAPI(
        title="Truce Watch",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description="Browse, search and review the evidence of a peace agreement. Every page is also "
        "JSON: add `.json` to its path or send `Accept: application/json`.",
    )
    app.state.store = store
    app.state.agreements = agreements if agreements is not None else load_agreements()
    app.state.session_key = secrets.token_bytes(32)
    app.state.views = ViewCache(token_seconds=token_seconds)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(review_pages.router)

    @app.exception_handler(HTTPException)
    def http_error(request: Request, error: HTTPException):
        if request.url.path.startswith("/api/") or wants_json(request):
            return JSONResponse({"detail": error.detail}, error.status_code, headers=error.headers)
        return error_page(request, error.status_code, str(error.detail), headers=error.headers)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, error: RequestValidationError):
        problems = [{"where": list(e.get("loc", ())), "problem": e.get("msg")} for e in error.errors()]
        if request.url.path.startswith("/api/") or wants_json(request):
            return JSONResponse({"detail": problems}, 422)
        return error_page(
            request, 422, "; ".join(f"{'.'.join(map(str, p['where']))}: {p['problem']}" for p in problems)
        )

    app.add_middleware(CachedResponses, state=app.state)  # also forgets the tokens after a write
    app.add_middleware(JsonSuffix)
    app.add_middleware(SecurityHeaders)
    return app
