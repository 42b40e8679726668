"""The ``dateline`` command line: a thin shell over the library.

Each command parses its options, calls one library function and prints the result
with rich. Nothing here decides anything a library caller could not decide too.
"""

from __future__ import annotations

from dateline.cli.main import cli, main

__all__ = ["cli", "main"]
