"""Mapping the per-document stages: inline, or on a Dask distributed cluster.

Stages are pure functions of their units, so scale-out is just mapping; there is no
scheduler of our own. On a cluster a batch goes out as one task per worker thread (a
task per document costs more in scheduling and serialisation than small documents take
to analyse), and the next batches are sent before the current one is collected, so the
main process reads and writes the store while the workers compute.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter): the unit of mapping and of writing."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def apply_all(function: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    """One task: ``function`` over a chunk of items, in order."""
    return [function(item) for item in items]


class Mapper:
    """Applies a pure function to a batch of units, in order.

    With no arguments (or ``workers=0``) it runs inline. ``workers=N`` (N >= 1) starts a
    local Dask cluster of N processes; ``scheduler=ADDRESS`` joins an existing one.
    """

    def __init__(self, workers: int = 0, scheduler: str | None = None, *, ahead: int = 2) -> None:
        self.client = None
        self.ahead = ahead  # batches in flight on the cluster beyond the one being collected
        if scheduler or workers >= 1:
            from dask.distributed import Client, LocalCluster

            if scheduler:
                self.client = Client(scheduler)
            else:
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                self.client = Client(cluster)

    def map(self, function: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
        """``function`` of each item, in order."""
        items = list(items)
        if self.client is None or not items:
            return apply_all(function, items)
        return self._gather(self._submit(partial(apply_all, function), items))

    def imap(self, function: Callable[[list[Any]], list[Any]], groups: Iterable[list[Any]]
             ) -> Iterator[tuple[list, list]]:
        """``(group, function(group))`` for each group in order; on a cluster, the next groups compute meanwhile.

        ``function`` maps a list of items to their results at once (a stage may be faster on many);
        on a cluster each worker thread gets one slice of the group.

        ``groups`` is consumed lazily, so a generator that reads each batch from the store reads
        the next one while the workers process the current one.
        """
        if self.client is None:
            for group in groups:
                yield group, function(group)
            return
        pending: deque[tuple[list, list]] = deque()
        for group in groups:
            pending.append((group, self._submit(function, group)))
            if len(pending) > self.ahead:
                done, futures = pending.popleft()
                yield done, self._gather(futures)
        while pending:
            done, futures = pending.popleft()
            yield done, self._gather(futures)

    def _submit(self, function: Callable[[list[Any]], list[Any]], items: list[Any]) -> list:
        threads = max(1, sum(self.client.nthreads().values()))
        size = -(-len(items) // threads)
        return [self.client.submit(function, chunk, pure=False) for chunk in batches(items, size)]

    def _gather(self, futures: list) -> list[Any]:
        return [result for chunk in self.client.gather(futures) for result in chunk]

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
