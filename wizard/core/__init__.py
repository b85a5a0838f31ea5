"""Qt-free analysis core. Nothing here imports PySide6 or wizard.ui, and nothing does I/O at import."""
