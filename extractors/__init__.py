"""Pure functions from document text to facts with character spans: no I/O, no global state.

The path of a document: ``normalize`` (text) → ``layout``/``header``/``sections`` (structure)
→ one module per fact type → ``record`` (the plan record).
"""
