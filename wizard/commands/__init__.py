"""One module per ``spam-wizard`` sub-command: ``HELP``, ``add_arguments(parser)``, ``run(args) -> int``."""
