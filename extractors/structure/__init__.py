"""Structure: the header, the signature blocks, where the preamble, articles and plan lie, and
the plan's section tree, read from the logical lines of the normalized text."""
