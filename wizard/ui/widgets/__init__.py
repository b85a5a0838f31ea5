"""Reusable widgets shown on the pages (hop table, findings list, talk-script panel, charts, ...)."""
