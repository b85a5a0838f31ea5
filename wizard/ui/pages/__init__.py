"""One module per wizard page. Pages never import each other; they share the case session object."""
