"""Helpers for studying Chinese political and government news text.

The data flow (see README): ``read`` → ``structure`` → ``quotes`` → ``tokenize`` →
``themes`` / ``districts`` / ``measures`` → ``plots``. ``analyze`` runs the chain for one
article and returns everything a notebook needs.
"""
from helpers.errors import InputError
from helpers.read import read_article, Article

__all__ = ["InputError", "read_article", "Article", "analyze"]


def analyze(path, **kwargs):
    """Read, structure, quote-extract and tokenize one article file; see ``pipeline.analyze``."""
    from helpers.pipeline import analyze as _analyze

    return _analyze(path, **kwargs)
