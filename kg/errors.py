"""Every error kg raises on purpose: what happened, and what to do about it.

The CLI prints ``str(error)`` as one line and exits with ``error.exit_code``; the library lets
callers catch :class:`KgError` (or a subclass) and decide.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class. ``what`` says what happened; ``fix`` says what to do about it."""

    exit_code = 2

    def __init__(self, what: str, fix: str = "", *, source: str | None = None):
        self.what = what
        self.fix = fix
        self.source = source
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        advice = f" ({self.fix})" if self.fix else ""
        return f"{where}{self.what}{advice}"


class InputError(KgError):
    """An input cannot be read as an article: missing, empty, binary, undecodable, too large."""


class ConfigError(KgError):
    """A setting, pipeline or model path is wrong."""


class RdfInputError(KgError):
    """An RDF file given to kg (to validate, load or query) cannot be parsed."""


class ValidationFailed(KgError):
    """The graph does not conform to the shapes."""

    exit_code = 1

    def __init__(self, what: str, fix: str = "", *, source: str | None = None, report: str = ""):
        self.report = report
        super().__init__(what, fix, source=source)


class StoreError(KgError):
    """A triple store or SPARQL endpoint is unreachable, refuses, or answers with an error."""


class QueryError(KgError):
    """A SPARQL query is malformed or fails."""
