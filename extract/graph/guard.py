"""Reading a store within a memory bound (issue 21, point 7): RocksDB, under pyoxigraph 0.5, takes
no option that bounds what a read allocates, and a damaged block has made a read allocate without
end (5.6 GB in 19 s, then the kernel's OOM killer). So the risky reads run in a child process
whose address space is bounded (``RLIMIT_AS``): a child that runs out of it, or dies of a signal
(Rust aborts on a failed allocation), is one :class:`StoreError` naming the store and what to do,
and the machine is not taken down.

:func:`bounded` runs one reading operation of :data:`OPERATIONS` (``probe``: open the store
read-only and read its first quad and graph; ``stats``, ``list``, ``check``) in such a child and
returns its result. The CLI turns the guard on (:func:`enable`): ``zhkg store stats|list|check``
run whole in the child, every other command that reads a store probes it there before opening it
itself. The bound is :func:`limit`: ``ZHKG_STORE_MAX_MEMORY`` bytes, by default half the
machine's memory, that the child may allocate beyond the address space it starts with.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import StoreError, ZhkgError

#: the variable that sets the bound in bytes (a whole number; ``0`` turns the guard off)
ENV = "ZHKG_STORE_MAX_MEMORY"
_ENABLED = False
#: a store was opened in this process: forking it then could copy a lock held by one of RocksDB's
#: threads into the child, so the child is spawned afresh instead
_OPENED = False


def enable(on: bool = True) -> None:
    """Run the risky reads of every store this process opens in a bounded child (the CLI's choice)."""
    global _ENABLED
    _ENABLED = on


def enabled() -> bool:
    return _ENABLED and limit() > 0


def opened() -> None:
    """Called by :func:`extract.graph.store.open_store` when it opens a store in this process."""
    global _OPENED
    _OPENED = True


def limit() -> int:
    """The bound in bytes: ``ZHKG_STORE_MAX_MEMORY``, else half the physical memory (at least 2 GB)."""
    value = os.environ.get(ENV, "").strip().replace("_", "")
    if value:
        if not value.isdigit():
            raise StoreError(f"{ENV}={value!r}: give a number of bytes (0: no bound)")
        return int(value)
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        total = 8 << 30
    return max(2 << 30, total // 2)


def _probe(st) -> dict:
    for _ in st._ox.quads_for_pattern(None, None, None, None):
        break
    for _ in st._ox.named_graphs():
        break
    return {}


OPERATIONS = {"probe": _probe, "stats": lambda st: st.stats(), "list": lambda st: st.list_documents(),
              "check": lambda st: st.check()}


def _child(conn, path: str, op: str, bound: int, log: str, opener) -> None:
    """In the child: its standard error to the file ``log`` (what RocksDB or Rust says as they
    abort is the parent's to report, in its one line), bound the address space to what it holds
    and ``bound`` bytes more, open the store read-only, run ``op``, send the result (or the
    error) back."""
    import resource

    enable(False)
    fd = os.open(log, os.O_WRONLY | os.O_TRUNC)
    os.dup2(fd, 2)
    os.close(fd)
    try:
        soft = _address_space() + bound  # what the read may allocate beyond what the child holds (a fork's copy)
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]  # a limit set from outside stays the ceiling
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        with opener(path, read_only=True) as st:
            conn.send(("ok", OPERATIONS[op](st)))
    except ZhkgError as e:  # pickled whole: its class, message and exit code
        conn.send(("error", e))
    except MemoryError:
        conn.send(("memory", ""))
    except BaseException as e:  # noqa: BLE001 - told to the parent, which decides
        conn.send(("crash", f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"))
    finally:
        conn.close()


def read(path: str | Path, op: str, opener):
    """The result of the reading operation ``op`` on the store at ``path`` opened by ``opener``
    (:func:`extract.graph.store.open_store`): in a bounded child when the guard is on
    (:func:`bounded`), else here."""
    if enabled():
        return bounded(path, op, opener)
    with opener(path, read_only=True) as st:
        return OPERATIONS[op](st)


def _address_space() -> int:
    """The bytes of address space this process holds (``VmSize``; 0 where ``/proc`` has none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def unreadable(path: Path, why: str) -> StoreError:
    """The one line for a store whose reading failed in the bounded child."""
    return StoreError(f"the store is corrupt or unreadable ({why}): restore it from a backup, or save what can "
                      f"still be read with: zhkg store export --store {path} -o saved.nq", str(path))


def bounded(path: str | Path, op: str, opener):
    """Run the reading operation ``op`` on the store at ``path``, opened by ``opener``
    (:func:`extract.graph.store.open_store`, which this module does not import), in a child process that may
    take :func:`limit` bytes of address space beyond what it holds when it starts; its result, or :class:`StoreError` naming the store
    (the child's own error; or, when it ran out of memory or died, that the store is corrupt and
    what to do). Ctrl-C and SIGTERM reach the child too and end the wait."""
    import multiprocessing
    import tempfile

    bound = limit()
    method = "fork" if not _OPENED and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    recv, send = ctx.Pipe(duplex=False)
    fd, log = tempfile.mkstemp(prefix="zhkg-store-", suffix=".log")
    os.close(fd)
    proc = ctx.Process(target=_child, args=(send, str(path), op, bound, log, opener), name=f"zhkg-store-{op}", daemon=True)
    proc.start()
    send.close()
    try:
        try:
            kind, value = recv.recv()
        except EOFError:  # the child died without a word: killed, or aborted by a failed allocation
            kind, value = "died", ""
        proc.join()
    finally:
        if proc.is_alive():
            proc.kill()
            proc.join()
        recv.close()
        said = _last_line(log)
    if kind == "ok":
        return value
    if kind == "error":
        raise value
    mb = bound >> 20
    if kind == "memory" or (kind == "died" and proc.exitcode in (-6, -9)):  # abort: a failed allocation
        raise unreadable(Path(path), f"reading it needed more than {mb:,} MB, the bound {ENV} sets"
                         + (f"; {said}" if said else ""))
    code = proc.exitcode
    why = value or said or (f"the reading process died of signal {-code}" if code and code < 0 else
                            f"the reading process ended with status {code}")
    raise unreadable(Path(path), why)


def _last_line(log: str) -> str:
    """The last line the child wrote on its standard error (cut to 200 characters); the file goes."""
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            lines = [ln.strip() for ln in f.read()[-4000:].splitlines() if ln.strip()]
        os.unlink(log)
    except OSError:
        return ""
    return lines[-1][:200] if lines else ""
