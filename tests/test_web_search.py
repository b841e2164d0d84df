"""Search orders a bounded set of candidates: the best match first on a small store, a page at most on a big one."""

from __future__ import annotations

from tests.test_store import make_document
from trucewatch.store import Store, browse


def _documents(store: Store, bodies: list[str]) -> None:
    store.add_documents([(make_document(f"d{i}", f"k{i}", body), str(i).encode(), []) for i, body in enumerate(bodies)])


def test_best_match_comes_first_on_sqlite(tmp_path) -> None:
    """SQLite ranks by relevance (FTS5 bm25); PostgreSQL orders its matches by id (docs/workspace.md)."""
    store = Store(str(tmp_path / "store.db"))
    assert store.search_method() == "fts5"
    _documents(
        store,
        [
            "Talks went on about the corridor and many other things besides, for hours on end.",
            "Corridor, corridor: the corridor was closed.",
            "Nothing about it here.",
        ],
    )
    found = store.search("corridor", limit=10, offset=0)["documents"]
    assert [d["id"] for d in found] == ["d1", "d0"]


def test_a_word_in_more_items_than_candidates_still_pages_without_repeats(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(browse, "SEARCH_CANDIDATES", 3)
    _documents(store, [f"A ceasefire report number {i}." for i in range(8)])
    first = store.search("ceasefire", limit=3, offset=0)["documents"]
    far = store.search("ceasefire", limit=3, offset=6)["documents"]  # beyond the candidates: more are read
    assert len(first) == 3 and len(far) == 2
    pages = [store.search("ceasefire", limit=2, offset=n)["documents"] for n in (0, 2, 4, 6)]
    assert len({d["id"] for page in pages for d in page}) == 8  # every match once, across the candidates' edge
    if store.search_method() == "fts5":  # the candidates are the most recently stored matches
        assert {d["id"] for d in first} == {"d5", "d6", "d7"}
