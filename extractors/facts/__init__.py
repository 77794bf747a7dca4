"""Facts: one module per fact type, each a generator of typed mentions with their offsets."""
