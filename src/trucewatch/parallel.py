"""Mapping the per-document stages: inline, or on a Dask distributed cluster.

Stages are pure functions of one unit, so scale-out is just ``client.map``; there is
no scheduler of our own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter): the unit of mapping and of writing."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Mapper:
    """Applies a pure function to a batch of units, in order.

    With no arguments (or ``workers=0``) it runs inline. ``workers=N`` (N >= 1) starts a
    local Dask cluster of N processes; ``scheduler=ADDRESS`` joins an existing one.
    """

    def __init__(self, workers: int = 0, scheduler: str | None = None) -> None:
        self.client = None
        if scheduler or workers >= 1:
            from dask.distributed import Client, LocalCluster

            if scheduler:
                self.client = Client(scheduler)
            else:
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                self.client = Client(cluster)

    def map(self, function: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        items = list(items)
        if self.client is None or not items:
            return [function(item) for item in items]
        futures = self.client.map(function, items, pure=False)
        return self.client.gather(futures)

    def close(self) -> None:
        if self.client is not None:
            cluster = self.client.cluster
            self.client.close()
            if cluster is not None:
                cluster.close()
            self.client = None

    def __enter__(self) -> Mapper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
