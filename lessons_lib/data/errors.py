"""The data package's errors: all are ``ValueError`` subclasses, each names the file or input."""

from __future__ import annotations


class DataError(ValueError):
    """Base class of the data package's errors (a ``ValueError``)."""


class UnknownDatasetError(DataError, KeyError):
    """A dataset name that the course does not ship; the message lists the available names."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class DataIntegrityError(DataError):
    """A shipped or cached file that is missing, altered or breaks its schema."""


class RawFormatError(DataError):
    """A publisher's file or response that does not have the expected layout."""


class RefreshError(DataError):
    """A download that failed, was cut short or was malformed; no data was replaced."""
