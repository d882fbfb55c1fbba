"""Dataset specifications, the one registry of them, and the publishers' endpoints.

A dataset is one :class:`DatasetSpec`: its schema, its source for captions, its raw
:class:`Input` s and the builder that turns them into a table. The catalogue modules
(``lessons_lib.data.catalogue.*``) each hold the specs of one domain beside their builders
and call :func:`register`; the sources modules (``lessons_lib.data.sources.*``) each parse
one publisher's layouts and call :func:`register_endpoint` for the publisher's download URLs.
Adding a dataset is a spec, a builder and, where its layout is new, a parser: nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from .errors import UnknownDatasetError
from .schema import Schema

Raw = Mapping[str, bytes]
"""Raw inputs of a build, by :attr:`Input.key`: the bytes of each file as distributed."""

Fetch = Callable[[str, float], bytes]
"""``fetch(url, timeout) -> body``: HTTP GET (tests pass recorded responses instead)."""


@dataclass(frozen=True)
class Input:
    """One raw input of a dataset: where its publisher serves it and where a raw folder has it.

    ``kind`` names a registered :class:`Endpoint` (``"fred"``, ``"fiscaldata"``, ``"tic"``,
    ...) or ``"curated"`` for a table transcribed by hand from cited documents (kept in the
    course's ``tools/curated`` folder, never downloaded). ``param`` fills the endpoint's URL
    template. ``local`` is the file's path inside a raw folder (what ``make datasets`` reads
    offline); ``mirror`` says, when that copy is not the publisher's
    own download, whose copy it is and how its layout differs.
    """

    key: str
    kind: str
    param: str
    local: str
    required: bool = True
    mirror: str = ""

    @property
    def downloadable(self) -> bool:
        """True when the input has a public endpoint (everything but curated tables)."""
        return self.kind != "curated"


@dataclass(frozen=True)
class Built:
    """A built dataset, the vintage text for its caption and the optional series it lacks."""

    frame: pd.DataFrame
    vintage: str = ""
    missing: tuple[str, ...] = ()


Builder = Callable[[Raw], Built]


@dataclass(frozen=True)
class DatasetSpec:
    """Everything the course knows about one dataset besides its figures.

    ``short_source`` opens figure captions; ``publisher``, ``title``, ``url``, ``series``,
    ``units``, ``transformation`` and ``notes`` are what :func:`lessons_lib.data.describe`
    reports. ``builder`` makes the table from the raw inputs. ``shipped`` is false for a
    dataset with no verified offline source, which only ``refresh`` can fetch.
    """

    name: str
    schema: Schema
    publisher: str
    short_source: str
    title: str
    url: str
    series: tuple[str, ...]
    units: str
    transformation: str
    builder: Builder = field(repr=False)
    inputs: tuple[Input, ...] = ()
    notes: str = ""
    shipped: bool = True

    @property
    def refreshable(self) -> bool:
        """True when every input can be downloaded from a public endpoint."""
        return bool(self.inputs) and all(item.downloadable for item in self.inputs)

    def variant(self, **changes: object) -> DatasetSpec:
        """A spec that shares this one's source and inputs, with ``changes`` (a dataset's
        monthly means beside its daily values, say): name, schema, builder, titles."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def curated(self) -> tuple[Input, ...]:
        """The hand-curated tables among the inputs."""
        return tuple(item for item in self.inputs if not item.downloadable)


@dataclass(frozen=True)
class Endpoint:
    """A publisher's download URL template, and how to fetch it when one GET is not enough.

    ``template`` has a ``{param}`` field. ``fetch``, when given, is
    ``fetch(url, get, timeout) -> bytes`` for responses that come in pages; it must raise
    :class:`~lessons_lib.data.errors.RefreshError` on a partial download.
    """

    kind: str
    template: str
    fetch: Callable[[str, Fetch, float], bytes] | None = None


SPECS: dict[str, DatasetSpec] = {}
"""Every dataset, by name: the one registry (filled by the catalogue modules)."""

ENDPOINTS: dict[str, Endpoint] = {}
"""Every publisher endpoint, by kind (filled by the sources modules)."""


def register(spec: DatasetSpec) -> DatasetSpec:
    """Add ``spec`` to :data:`SPECS`; a second spec of the same name is an error."""
    if spec.name in SPECS:
        raise ValueError(f"dataset {spec.name!r} is registered twice")
    for item in spec.inputs:
        if item.downloadable and item.kind not in ENDPOINTS:
            raise ValueError(f"dataset {spec.name!r}: input {item.key!r} has unknown endpoint "
                             f"kind {item.kind!r}; known: {sorted(ENDPOINTS)}")
    SPECS[spec.name] = spec
    return spec


def register_endpoint(endpoint: Endpoint) -> Endpoint:
    """Add a publisher's endpoint to :data:`ENDPOINTS`."""
    if endpoint.kind in ENDPOINTS and ENDPOINTS[endpoint.kind] != endpoint:
        raise ValueError(f"endpoint kind {endpoint.kind!r} is registered twice")
    ENDPOINTS[endpoint.kind] = endpoint
    return endpoint


def available() -> list[str]:
    """Names of the shipped datasets, sorted."""
    return sorted(name for name, spec in SPECS.items() if spec.shipped)


def download_only() -> list[str]:
    """Datasets not shipped (no verified offline source) that ``refresh`` can download."""
    return sorted(name for name, spec in SPECS.items() if not spec.shipped)


def get_spec(name: str) -> DatasetSpec:
    """The spec of dataset ``name``; :class:`UnknownDatasetError` lists the known names."""
    if not isinstance(name, str) or name not in SPECS:
        raise UnknownDatasetError(
            f"unknown dataset {name!r}; available datasets: {', '.join(available())}; "
            f"downloadable with refresh() when online: {', '.join(download_only()) or 'none'}"
        )
    return SPECS[name]
