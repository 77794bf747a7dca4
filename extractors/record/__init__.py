"""The record: the plan assembled from structure and facts, the plan record, and its drawing."""
