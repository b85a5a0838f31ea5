"""``python -m wizard`` does what the ``spam-wizard`` console script does."""

from wizard.cli import main

raise SystemExit(main())
