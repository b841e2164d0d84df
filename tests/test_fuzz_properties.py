"""Property-based hardening: any text, page, feed or archive goes through every reader and stage without raising,
with offsets inside the body, within a per-input budget of 2 s. The long run of the same checks is ``make fuzz``.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz import inputs
from fuzz.checks import SLOW_SECONDS, check_document, check_file, check_text, seconds, source_item, warm
from trucewatch.sources import normalise_text

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

seeds = st.integers(min_value=0, max_value=2**32 - 1)
sizes = st.integers(min_value=0, max_value=3_000)


def within_budget(what: str, run: Callable[[], object]) -> None:
    """Fail the example (hypothesis keeps and shrinks the input) when it takes over :data:`SLOW_SECONDS` twice."""
    elapsed = seconds(run)
    assert elapsed <= SLOW_SECONDS, f"{what} took {elapsed:.1f} s, over the {SLOW_SECONDS} s budget"


@pytest.fixture(scope="module", autouse=True)
def warmed() -> None:
    """Load the parser, lexicons, agreements and language models once, so no example pays for them."""
    warm()


def _built(builder: Callable[[random.Random, int], str], seed: int, size: int) -> str:
    return builder(random.Random(seed), size)


@FUZZ
@given(text=st.one_of(st.text(max_size=2_000), st.builds(_built, st.just(inputs.text), seeds, sizes)),
       published=st.one_of(st.sampled_from(inputs.PUBLISHED), st.dates().map(str)))
def test_dates_and_numbers_of_any_text(text: str, published: str | None) -> None:
    within_budget("dates and numbers", lambda: check_text(text, published))


@FUZZ
@given(text=st.one_of(st.text(max_size=2_000), st.builds(_built, st.just(inputs.text), seeds, sizes)),
       published=st.sampled_from(inputs.PUBLISHED))
def test_any_text_goes_through_every_stage(text: str, published: str | None) -> None:
    item = source_item(text, hints={"published": published} if published else {})
    within_budget("a text document", lambda: check_document(item))
    assert check_document(item).raw_text == normalise_text(text)[0]  # what the reader stores, offsets point into


@FUZZ
@given(page=st.builds(_built, st.just(inputs.html), seeds, sizes), url=st.sampled_from([None, "http://[::1", "x"]))
def test_any_page_goes_through_every_stage(page: str, url: str | None) -> None:
    within_budget("an HTML document", lambda: check_document(source_item(page, "html", {"url": url} if url else {})))


@FUZZ
@given(suffix=st.sampled_from(inputs.SUFFIXES), seed=seeds, size=sizes)
def test_any_file_is_read_unit_by_unit(suffix: str, seed: int, size: int) -> None:
    data = inputs.file_bytes(random.Random(seed), suffix, size)
    with tempfile.TemporaryDirectory() as folder:  # hypothesis forbids function-scoped fixtures such as tmp_path
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        within_budget(f"a {suffix} file", lambda: check_file(path))
        units = check_file(path)  # a container may hold no unit (blank lines, WARC requests), a page is one
        assert units == 1 or suffix not in (".txt", ".html")
