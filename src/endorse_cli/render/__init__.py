"""Presentation: the same results as text (rich), JSON and Markdown."""
