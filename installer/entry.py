"""Entry script of the frozen application: the same ``spam-wizard`` command line."""

from wizard.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
