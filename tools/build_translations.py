"""Compile the translations (same as ``python -m wizard.i18n_build``); ``--update`` refreshes the shell's .ts."""

from wizard.i18n_build import main

if __name__ == "__main__":
    raise SystemExit(main())
