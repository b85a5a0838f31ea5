"""A wizard page that tells QWizard about completeness changes only when they really change."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage


class QuietCompletePage(QWizardPage):
    """QWizard re-lays out its buttons on every ``completeChanged``: pages whose state changes often
    (live feedback, incoming analyses) call :meth:`update_complete` instead of emitting it directly."""

    _was_complete: bool | None = None

    def update_complete(self) -> None:
        """Emit ``completeChanged`` only when ``isComplete()`` changed while this page is shown."""
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is not self:
            self._was_complete = None  # QWizard asks isComplete() itself when the page is entered
            return
        complete = self.isComplete()
        if complete != self._was_complete:
            self._was_complete = complete
            self.completeChanged.emit()
