"""Pure functions from document text to facts with character spans: no I/O, no global state.

The folders are the path of a document: ``text`` (any text form → one normalized text of
logical lines, the text every span points into) → ``structure`` (header, signature, where the
plan lies, its section tree) → ``facts`` (one module per fact type) → ``record`` (the plan and
the record). Vocabulary is data, in ``data``.
"""
