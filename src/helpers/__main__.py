"""Command line: ``python -m helpers quotes|terms|report`` (see ``helpers.cli``)."""
import sys

from helpers.cli import main

sys.exit(main())
