"""The one background runner: QThreadPool + QRunnable + a signal-carrying QObject.

Core work is synchronous and pure; pages hand it to :class:`TaskRunner` and get the result back on the
GUI thread by signal. Every request carries an id and an owner key: :meth:`TaskRunner.cancel_owner`
(called when the agent leaves a page or replaces its input) makes late answers for that owner be dropped,
and asks a running job to stop through its :class:`CancelToken`.
"""

from __future__ import annotations

import itertools
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class CancelToken:
    """Handed to jobs that accept one: poll :attr:`cancelled` and report progress through it."""

    def __init__(self, emit_progress: Callable[[int, int], None]) -> None:
        self._event = threading.Event()
        self._emit_progress = emit_progress

    @property
    def cancelled(self) -> bool:
        """True once the owner cancelled the request."""
        return self._event.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._event.set()

    def progress(self, done: int, total: int) -> None:
        """Report progress (``done`` of ``total``; total 0 means unknown)."""
        if not self._event.is_set():
            self._emit_progress(done, total)


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str, str)
    progress = Signal(int, int, int)


class _Job(QRunnable):
    def __init__(self, request_id: int, fn: Callable[..., Any], token: CancelToken | None,
                 signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = request_id
        self._fn = fn
        self._token = token
        self._signals = signals

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._fn(self._token) if self._token is not None else self._fn()
        except Exception as exc:  # the job failed: report it, never crash the pool thread
            self._signals.failed.emit(self._id, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            self._signals.finished.emit(self._id, result)


class _Request:
    __slots__ = ("on_done", "on_error", "on_progress", "owner", "token")

    def __init__(self, owner: object, on_done: Callable[[Any], None],
                 on_error: Callable[[str], None] | None,
                 on_progress: Callable[[int, int], None] | None, token: CancelToken | None) -> None:
        self.owner = owner
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.token = token


class TaskRunner(QObject):
    """Runs callables off the GUI thread and delivers results on it.

    ``busyChanged(bool)`` drives the busy indicator; ``error(str)`` reports failures that had no
    ``on_error`` callback.
    """

    busyChanged = Signal(bool)
    error = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Request] = {}
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)

    @property
    def busy(self) -> bool:
        """True while any live request is outstanding."""
        return bool(self._pending)

    def submit(self, fn: Callable[..., Any], on_done: Callable[[Any], None], *,
               owner: object = None, on_error: Callable[[str], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None,
               cancellable: bool = False) -> int:
        """Run ``fn()`` (or ``fn(token)`` when ``cancellable``) on the pool; returns the request id.

        ``on_done(result)`` / ``on_error(message)`` / ``on_progress(done, total)`` run on the GUI thread,
        only while the request is still live (not cancelled through its owner).
        """
        request_id = next(self._ids)
        token: CancelToken | None = None
        if cancellable:
            token = CancelToken(lambda d, t, rid=request_id: self._signals.progress.emit(rid, d, t))
        was_busy = self.busy
        self._pending[request_id] = _Request(owner, on_done, on_error, on_progress, token)
        if not was_busy:
            self.busyChanged.emit(True)
        self._pool.start(_Job(request_id, fn, token, self._signals))
        return request_id

    def cancel(self, request_id: int) -> None:
        """Drop one request: its result, error and progress are never delivered."""
        request = self._pending.pop(request_id, None)
        if request is not None and request.token is not None:
            request.token.cancel()
        self._maybe_idle()

    def cancel_owner(self, owner: object) -> None:
        """Drop every live request submitted with ``owner``."""
        for request_id in [rid for rid, req in self._pending.items() if req.owner is owner]:
            self.cancel(request_id)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until the pool has no running jobs (for shutdown and tests)."""
        return bool(self._pool.waitForDone(msecs))

    def _maybe_idle(self) -> None:
        if not self._pending:
            self.busyChanged.emit(False)

    @Slot(int, object)
    def _on_finished(self, request_id: int, result: object) -> None:
        request = self._pending.pop(request_id, None)
        if request is None:
            return  # cancelled or superseded: a late answer for a page the agent left
        try:
            request.on_done(result)
        finally:
            self._maybe_idle()

    @Slot(int, str, str)
    def _on_failed(self, request_id: int, message: str, details: str) -> None:
        request = self._pending.pop(request_id, None)
        if request is None:
            return
        try:
            if request.on_error is not None:
                request.on_error(message)
            else:
                self.error.emit(message)
        finally:
            self._maybe_idle()

    @Slot(int, int, int)
    def _on_progress(self, request_id: int, done: int, total: int) -> None:
        request = self._pending.get(request_id)
        if request is not None and request.on_progress is not None:
            request.on_progress(done, total)
