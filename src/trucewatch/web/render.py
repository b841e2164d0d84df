"""One way to answer a page: the template for a browser, the same data as JSON for a program."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from trucewatch.web.security import CSRF_COOKIE, csrf_token, current_user

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,
)  # templates are compiled once per process, not checked on disk per page


def wants_json(request: Request) -> bool:
    return (
        bool(getattr(request.state, "json", False))
        or request.headers.get("accept", "").split(",")[0].strip() == "application/json"
    )


def page(
    request: Request, template: str, data: dict, *, status: int = 200, title: str = "", headers: dict | None = None
) -> Response:
    """``data`` as JSON, or rendered into ``template`` (autoescaped) with the user and the CSRF token."""
    if wants_json(request):
        return JSONResponse(data, status, headers=headers)
    html = _ENV.get_template(template).render(
        data=data,
        title=title,
        user=current_user(request),
        csrf=csrf_token(request),
        here=_here(request),
        page_link=lambda n: _here(request, page=n),
    )
    response = HTMLResponse(html, status, headers=headers)
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/")
    return response


def _here(request: Request, **params: object) -> str:
    """This page's path and query (with ``params`` changed): where a form or a pager link leads."""
    url = request.url.include_query_params(**params) if params else request.url
    return url.path + (f"?{url.query}" if url.query else "")


def error_page(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    return page(
        request,
        "error.html.j2",
        {"status": status, "detail": message},
        status=status,
        title=f"{status}",
        headers=headers,
    )
