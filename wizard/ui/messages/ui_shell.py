"""Finding texts the wizard shell adds itself (input errors shown among the findings)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS = {
    "input_unreadable": QT_TRANSLATE_NOOP("Findings", "This input could not be read: {message}"),
}
