"""Cases that span several calls: the case model, the store (SQLite locally, PostgreSQL for a desk),
optimistic versioning with merge, the "since last call" recap and the exports (ticket note, HTML report,
redaction, hand-over case files).

Modules: :mod:`.model` (frozen records), :mod:`.store` (``open_store(url)``, ``Conflict``,
``merge_cases``), :mod:`.sqlite_store`, :mod:`.pg_store`, :mod:`.migrations`, :mod:`.recap`,
:mod:`.exports`, :mod:`.textscan` (addresses / IPs / hosts in text), :mod:`.demo` (the seed story's case).
Nothing is imported or opened here: import the module you need.
"""
