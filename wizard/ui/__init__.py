"""PySide6 front end: thin pages over the Qt-free core."""
