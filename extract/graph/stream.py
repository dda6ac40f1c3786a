"""A query run in a thread of its own, its rows handed over as they come (issue 21, point 12).

The engine (Oxigraph, rdflib) runs in a worker thread: the caller's thread only waits, so Ctrl-C
and SIGTERM reach it even while the engine is busy, and a time limit ends the wait. pyoxigraph's
solutions must be read by the thread that made them, so the worker runs the query and reads its
rows, and hands them over in batches of :data:`BATCH` through a queue of :data:`QUEUE` batches: a
``SELECT`` result is never held whole (a slow writer holds the worker back).

    >>> from types import SimpleNamespace as Result
    >>> res = in_thread(lambda lazy: Result(kind="SELECT", rows=iter([(1,), (2,)])), None, stream=True)
    >>> list(res.rows)
    [(1,), (2,)]
"""
from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator

from ..errors import QueryError, ZhkgError

#: rows a batch, and batches waiting in the queue at most
BATCH = 1000
QUEUE = 8
#: how often the waiting thread wakes up (a signal is handled at once anyway)
TICK = 0.2


def out_of_time(timeout: float) -> QueryError:
    return QueryError(f"the query ran out of time ({timeout:g} s; give --timeout SECONDS for more)")


def in_thread(work: Callable[[bool], object], timeout: float | None, stream: bool = False):
    """``work(lazy)`` (a query's run, giving a result with ``kind`` and ``rows``) in a worker
    thread; its result, or its error raised here. With ``stream`` the result comes as soon as the
    query is planned, its ``rows`` an iterator over rows still being read; else whole. A
    ``timeout`` (seconds, for the whole run, rows included) ends the wait with
    :class:`QueryError`; a signal ends it with its own exception. The worker stops at its next
    batch once the caller has gone (the engine itself cannot be stopped midway: the CLI exits)."""
    handover: queue.Queue = queue.Queue(QUEUE)
    gone = threading.Event()
    deadline = None if timeout is None else time.monotonic() + timeout

    def put(item) -> bool:
        while not gone.is_set():
            try:
                handover.put(item, timeout=TICK)
                return True
            except queue.Full:
                continue
        return False

    def worker() -> None:
        try:
            res = work(stream)
            rows = res.rows if stream and res.kind == "SELECT" else None
            if rows is not None:
                res.rows = []
            if not put(("result", res)) or rows is None:
                return
            batch: list = []
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    if not put(("rows", batch)):
                        return
                    batch = []
            put(("rows", batch))
            put(("end", None))
        except ZhkgError as e:
            put(("error", e))
        except (OSError, RuntimeError) as e:  # the engine's own, while the rows are read
            put(("error", QueryError(f"query failed: {(str(e).splitlines() or [type(e).__name__])[0]}")))
        except BaseException as e:  # handed to the waiting thread
            put(("error", e))

    def take():
        while True:
            wait = TICK if deadline is None else min(TICK, deadline - time.monotonic())
            if wait <= 0:
                raise out_of_time(timeout)
            try:
                kind, value = handover.get(timeout=wait)
            except queue.Empty:
                continue
            if kind == "error":
                raise value
            return kind, value

    def rows() -> Iterator[tuple]:
        try:
            while True:
                kind, batch = take()
                if kind == "end":
                    return
                yield from batch
        finally:
            gone.set()

    threading.Thread(target=worker, name="zhkg-query", daemon=True).start()
    try:
        _, res = take()
    except BaseException:
        gone.set()
        raise
    if stream and res.kind == "SELECT":
        res.rows = rows()
    else:
        gone.set()
    return res
