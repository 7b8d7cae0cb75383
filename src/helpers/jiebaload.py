"""jieba, imported without ``pkg_resources``.

jieba finds its dictionary through ``pkg_resources`` when that imports, and through a plain path
when it does not. Importing ``pkg_resources`` costs about 0.11 s in every process that imports
jieba (the report and each kernel) and warns on recent setuptools; the plain path reads the same
file. Import ``jieba`` from here: ``from helpers.jiebaload import jieba``.
"""
import sys

if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
    sys.modules["pkg_resources"] = None  # jieba's `import pkg_resources` fails: it opens its files by path
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]

import jieba  # noqa: E402
from jieba import finalseg  # noqa: E402,F401

__all__ = ["jieba", "finalseg"]
