"""Shared fixtures: paths to ../shared, and stores on SQLite and (when available) PostgreSQL.

Tests that need ../shared or PostgreSQL skip with the reason when they are absent;
CI sets TRUCEWATCH_REQUIRE_ALL=1 so that nothing can skip there.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TRUCEWATCH_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL = os.environ.get("TRUCEWATCH_TEST_POSTGRES_URL")
REQUIRE_ALL = os.environ.get("TRUCEWATCH_REQUIRE_ALL") == "1"


def need(condition: bool, reason: str) -> None:
    """Skip when a resource is missing, except in CI where a missing resource is a failure."""
    if not condition:
        if REQUIRE_ALL:
            pytest.fail(f"required in CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    need(SHARED.is_dir(), f"../shared not found at {SHARED} (set TRUCEWATCH_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> list[Path]:
    paths = sorted((shared / "corpus" / "karabakh-seeds").glob("*.txt"))
    need(bool(paths), "seed articles missing from ../shared/corpus/karabakh-seeds")
    return paths


def _postgres_url_with_schema() -> tuple[str, str]:
    """A fresh schema per test, so parallel runs and reruns never see each other's rows."""
    import psycopg

    schema = f"tw_{uuid.uuid4().hex[:12]}"
    plain = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}", schema


def _drop_schema(schema: str) -> None:
    import psycopg

    plain = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path: Path):
    """A store URL on each backend: a SQLite file, and a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    need(bool(POSTGRES_URL), "PostgreSQL not configured (set TRUCEWATCH_TEST_POSTGRES_URL)")
    try:
        url, schema = _postgres_url_with_schema()
    except Exception as error:  # server down: same treatment as not configured
        need(False, f"PostgreSQL at {POSTGRES_URL} unreachable: {error}")
    yield url
    _drop_schema(schema)


@pytest.fixture
def store(db_url: str):
    from trucewatch.store import Store

    instance = Store(db_url)
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """The bundled demo corpus, ingested and analysed once per run; tests only read it."""
    from trucewatch.cli.ingest import demo_corpus
    from trucewatch.ingest import ingest
    from trucewatch.pipeline import analyse
    from trucewatch.store import Store

    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    store = Store(db)
    ingest([demo_corpus()], store)
    analyse(store)
    store.close()
    return db


CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    """A real headless Chromium (the Debian package) driven by Playwright; skips with the reason when absent."""
    import shutil

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    need(binary is not None, "chromium not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright not installed (pip install playwright; never `playwright install`)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def serve_app():
    """Start an ASGI app with uvicorn on a free loopback port in a thread; yields a function app -> base URL."""
    import socket
    import threading
    import time

    import uvicorn

    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(app) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def countries():
    """The actor registry's countries (names, demonyms, capitals), as the contradiction rules read them."""
    from trucewatch.actors import load_registry

    return load_registry().countries
