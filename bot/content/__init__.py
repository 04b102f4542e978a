"""Curated answers: schema, queries, seed files, import/export and editorial checks."""
