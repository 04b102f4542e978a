"""Languages, translated text and locale-aware formatting."""
