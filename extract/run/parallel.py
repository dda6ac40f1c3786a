"""Extraction over several processes (``--jobs N``) or a Dask cluster (``--dask ADDRESS``),
streamed in input order.

The parent lists the inputs (directories expanded, as :func:`extract.run.batch.expand_inputs` does)
and hands each file to a worker; results come back in input order as they are ready, with at
most a few files per worker in flight, so memory stays flat however many files there are. A
worker runs the very code of ``--jobs 1`` (:func:`extract.run.batch.iter_extract` on one file), so
the documents, the error lines and their order are those of a run in one process.

Each worker builds the pipeline once and runs the NER backend on one thread
(``ZHKG_NER_THREADS=1``): N processes on N cores, not N times onnxruntime's own pool.

Dask workers read the files by the absolute paths the client gives (relative ones made absolute
in the client's working directory): run them where those paths are readable (one machine, or a
shared file system); the documents name the files as they were given.
"""
from __future__ import annotations

import errno
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..model import Document

#: files in flight per worker: enough to keep every worker busy, few enough to keep memory flat
AHEAD = 2


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_one(path: str, ner: str, year: int | None, debug: bool = False, published: str | None = None,
                name: str | None = None, doc_id: str | None = None,
                max_bytes: int | None = None) -> tuple[list[Document], list[str]]:
    """The documents of one input file and the error lines reported for it (the worker's job).
    ``name``: what the file is called where it was given (a Dask worker reads ``path``, made
    absolute, from another working directory): the documents and errors name it so, as a run in
    one process does. ``doc_id``: the base of the documents' ids (a file found in a folder)."""
    from .batch import DatedInput, iter_extract

    errors: list[str] = []
    item = DatedInput(Path(path), published, doc_id)
    docs = list(iter_extract([item], ner=ner, year=year, on_error=errors.append, debug=debug, max_bytes=max_bytes))
    if name is not None and name != path:
        docs = [d.model_copy(update={"source": name}) if d.source == path else d for d in docs]
        errors = [line.replace(path, name) for line in errors]
    return docs, errors


def _init_worker(ner: str) -> None:
    os.environ.setdefault("ZHKG_NER_THREADS", "1")
    _exit_with_parent()
    from ..nlp.pipeline import build_nlp

    build_nlp(ner)


def _exit_with_parent() -> None:
    """End this worker when the process that started it is gone (killed with SIGKILL, say), so
    that no worker outlives its ``zhkg``: Linux's parent-death signal, else a watching thread."""
    parent = os.getppid()
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, int(signal.SIGKILL)) == 0 and os.getppid() == parent:  # PR_SET_PDEATHSIG
            return
    except (OSError, AttributeError):
        pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def iter_extract_parallel(paths: Iterable[str | Path], ner: str = "lac", year: int | None = None,
                          on_error: Callable[[str], None] | None = None, on_file=None, debug: bool = False,
                          jobs: int | None = None, dask: str | None = None,
                          published: str | None = None, glob=(), exclude=(),
                          max_bytes: int | None = -1) -> Iterator[Document]:
    """What :func:`extract.run.batch.iter_extract` yields, computed by ``jobs`` processes (default: the
    number of cores) or by the Dask scheduler at ``dask``; ``jobs=1`` (or a single input) runs in
    this process. Standard input (``-``) is always read here. Ids are unique: a document whose
    id another input already gave is left out and reported (:func:`extract.run.batch.unique_ids`)."""
    from .batch import MAX_BYTES, unique_ids

    report = on_error or (lambda line: None)
    max_bytes = MAX_BYTES if max_bytes == -1 else max_bytes
    yield from unique_ids(_iter_parallel(paths, ner, year, report, on_file, debug, jobs, dask, published, glob,
                                         exclude, max_bytes), report)


def _iter_parallel(paths, ner, year, on_error, on_file, debug, jobs, dask, published, glob, exclude,
                   max_bytes) -> Iterator[Document]:
    from .batch import DatedInput, expand_inputs, iter_extract

    report = on_error
    jobs = jobs or default_jobs()
    files = expand_inputs(paths, glob, exclude)
    # never more workers than files (a worker costs a second or more to start): look ahead as many
    # files as workers asked for; one file runs here, with no pool at all
    head = list(itertools.islice(files, jobs if dask is None else 2))
    jobs = max(1, min(jobs, len(head)))
    if dask is None and jobs == 1:  # nothing to share out
        yield from iter_extract(itertools.chain(head, files), ner=ner, year=year, on_error=on_error,
                                on_file=on_file, debug=debug, published=published,
                                max_bytes=max_bytes)
        return
    files = itertools.chain(head, files)
    with _pool(jobs, ner, dask) as submit:
        pending: deque = deque()

        def fill(limit: int) -> None:
            while len(pending) < limit:
                f = next(files, None)
                if f is None:
                    return
                local = str(f) == "-"  # standard input is this process's
                pub, doc_id = (f.published or published, f.doc_id) if isinstance(f, DatedInput) else (published, None)
                # a Dask worker runs in its own working directory: it gets the absolute path
                where = os.path.abspath(str(f)) if dask is not None else str(f)
                if local:
                    pending.append((f, None))
                    continue
                try:
                    fut = submit(where, ner, year, debug, pub, str(f), doc_id, max_bytes)
                except (BrokenProcessPool, OSError):  # the pool broke (a worker killed): said in order, below
                    fut = _Broken()
                pending.append((f, fut))

        fill(jobs * AHEAD)
        while pending:
            f, fut = pending.popleft()
            if fut is None:
                yield from iter_extract([f], ner=ner, year=year, on_error=on_error, debug=debug,
                                        published=published, max_bytes=max_bytes)
            else:
                try:
                    docs, errors = fut.result()  # a DataError raised in the worker is raised here
                except (BrokenProcessPool, OSError) as e:
                    if isinstance(e, OSError) and not isinstance(e, BrokenProcessPool) and fut.__class__ is not _Broken \
                            and not _pool_broken(fut) and e.errno not in _PIPE_ERRORS:
                        raise
                    from ..errors import ZhkgError

                    raise ZhkgError("a worker process died while extracting this file (killed, or out of "
                                    "memory?); nothing more was written: run again, or with --jobs 1", str(f)) from None
                for line in errors:
                    report(line)
                yield from docs
            if on_file:
                on_file(f.path if isinstance(f, DatedInput) else f)
            fill(jobs * AHEAD)


#: errors of the pipes to a worker (EBADF, EPIPE, ECONNRESET): the worker is gone, the pool broke
_PIPE_ERRORS = frozenset({errno.EBADF, errno.EPIPE, errno.ECONNRESET})


class _Broken:
    """The future of a file submitted to a pool that had already broken (a worker was killed)."""

    def result(self):
        raise BrokenProcessPool("the pool broke before this file was submitted")


def _pool_broken(fut) -> bool:
    """Did ``fut`` fail because its pool broke (its exception a BrokenProcessPool)?"""
    try:
        return isinstance(fut.exception(timeout=0), BrokenProcessPool)
    except Exception:
        return False


class _pool:
    """``with _pool(jobs, ner, dask) as submit``: ``submit(path, ner, year, debug)`` gives a future
    of :func:`extract_one`; leaving cancels what is still queued."""

    def __init__(self, jobs: int, ner: str, dask: str | None):
        self.jobs, self.ner, self.dask = jobs, ner, dask

    def __enter__(self):
        if self.dask is not None:
            try:
                from distributed import Client
            except ImportError:
                from ..errors import InputError

                raise InputError("--dask needs the dask extra: pip install 'zhkg[dask]'") from None
            self._client = Client(self.dask)
            return lambda *args: self._client.submit(extract_one, *args, pure=False)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: a fresh interpreter per worker, whatever threads (Oxigraph, onnxruntime) this one runs
        self._ex = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init_worker, initargs=(self.ner,))
        return lambda *args: self._ex.submit(extract_one, *args)

    def __exit__(self, *exc) -> None:
        if self.dask is not None:
            self._client.close()
            return
        if exc[0] is not None:  # Ctrl-C, SIGTERM, an error: the workers are ended, not waited for
            procs = list((getattr(self._ex, "_processes", None) or {}).values())
            for proc in procs:
                try:
                    proc.terminate()
                except (OSError, ValueError, AttributeError):
                    pass
            # ... but their end is: what a dying worker prints (a traceback of a pipe closed under
            # it while it started) comes before zhkg's own one-line error, not after it
            for proc in procs:
                try:
                    proc.join(timeout=5)
                except (OSError, ValueError, AttributeError, AssertionError):
                    pass
        manager = getattr(self._ex, "_executor_manager_thread", None)
        try:
            self._ex.shutdown(wait=exc[0] is None, cancel_futures=True)
        except OSError:  # a killed worker's pipes are gone already
            pass
        if exc[0] is not None and manager is not None:
            # at exit, Python 3.11 wakes every pool's manager thread through a pipe that, once a
            # worker was killed, may be closed already: an EBADF traceback would follow zhkg's own
            # one-line error (CPython gh-125451). The thread's end is waited for here, and a pool
            # whose manager has ended is no longer woken at exit.
            import concurrent.futures.process as cfp

            manager.join(timeout=10)
            if not manager.is_alive():
                getattr(cfp, "_threads_wakeups", {}).pop(manager, None)
