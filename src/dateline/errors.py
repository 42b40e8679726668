"""One catalogue of dateline's errors, each with a code a user can search for.

Bad input is terminal for that one article (it is recorded as skipped with the reason and
the run goes on); ``--strict`` turns it into a fatal error.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: ``code`` is stable across versions, the message is for people."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(DatelineError):
    """A file could not be turned into articles. Names the file and the reason."""

    code = "E100"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # rebuilt from (path, reason), so a skip survives pickling to and from a worker
        return (self.__class__, (self.path, self.reason))


class UnreadableInput(InputError):
    code = "E101"


class EmptyInput(InputError):
    code = "E102"


class BinaryInput(InputError):
    code = "E103"


class UnsupportedFormat(InputError):
    code = "E104"


class TooLarge(InputError):
    code = "E105"


class NotEnglish(InputError):
    code = "E106"


class MalformedInput(InputError):
    code = "E107"


class ModelMissing(DatelineError):
    code = "E200"


class StoreError(DatelineError):
    code = "E300"


class SchemaTooNew(StoreError):
    code = "E301"


class UnknownEvent(StoreError):
    code = "E302"


class OverrideRejected(StoreError):
    """A split or merge that cannot be recorded as asked (ids outside the event, too few)."""

    code = "E303"


class ConfigError(DatelineError):
    code = "E400"


class ExtractionFailed(DatelineError):
    """The extractor raised on one article (a bug, not bad input). The run records it as a
    skip and goes on; the article is not stored, so a later run tries it again."""

    code = "E500"
