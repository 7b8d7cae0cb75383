"""The one exception type the command line turns into a one-line message and exit status 2."""


class InputError(Exception):
    """An input file the study cannot use. ``str(err)`` says what is wrong and what to do."""
