"""Everything that does I/O: reading files, the command line, Prefect flows, the store."""
