"""The report's definition (`report.yaml`) with command-line overrides, validated up front.

Every parameter of every section is checked before any kernel starts, so a typo costs
a second, not a build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hemisphere import params, paths
from hemisphere.execute import CELL_TIMEOUT, KERNEL_START_TIMEOUT


class ReportConfigError(ValueError):
    """report.yaml is missing or malformed, or an override names no section."""


@dataclass(frozen=True)
class Section:
    notebook: str
    parameters: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    date: str
    authors: str
    sections: tuple[Section, ...]
    cell_timeout: float = CELL_TIMEOUT
    kernel_start_timeout: float = KERNEL_START_TIMEOUT
    abstract: str = ""
    scope: str = ""
    # Where the report's sources (repository) are published; empty until the project has a
    # public address. While empty, the report says how to obtain the sources instead.
    sources_url: str = ""


def load(path: Path | None = None, overrides: list[str] | None = None) -> Report:
    """Read report.yaml, apply `notebook.key=value` overrides, validate every section."""
    path = Path(path or paths.REPORT_CONFIG)
    if not path.is_file():
        raise ReportConfigError(f"report definition not found: {path}")
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ReportConfigError(f"{path.name} is not valid YAML: {error}") from error
    for key in ("title", "sections"):
        if not spec.get(key):
            raise ReportConfigError(f"{path.name} needs a `{key}`")
    given = {}
    for entry in spec["sections"]:
        if not isinstance(entry, dict) or "notebook" not in entry:
            raise ReportConfigError(f"{path.name}: each section needs a `notebook` ({entry!r})")
        if entry["notebook"] in given:
            raise ReportConfigError(f"{path.name}: notebook {entry['notebook']!r} is listed twice")
        given[entry["notebook"]] = dict(entry.get("parameters") or {})
    for text in overrides or []:
        key, value = params.parse_assignment(text)
        notebook, _, name = key.partition(".")
        if not name:
            raise params.ParameterError(f"override {text!r} must name its notebook: <notebook>.<parameter>=<value>")
        if notebook not in given:
            raise params.ParameterError(
                f"override {text!r}: {notebook!r} is not a section of the report; sections: {', '.join(given)}"
            )
        given[notebook][name] = value
    sections = tuple(Section(notebook, params.validate(notebook, values)) for notebook, values in given.items())
    return Report(
        title=str(spec["title"]),
        subtitle=str(spec.get("subtitle", "")),
        date=str(spec.get("date", "")),
        authors=str(spec.get("authors", "")),
        sections=sections,
        abstract=str(spec.get("abstract") or "").strip(),
        scope=str(spec.get("scope") or "").strip(),
        sources_url=_address(path, spec.get("sources_url")),
        cell_timeout=_seconds(path, spec, "cell_timeout", CELL_TIMEOUT),
        kernel_start_timeout=_seconds(path, spec, "kernel_start_timeout", KERNEL_START_TIMEOUT),
    )


def _address(path: Path, value) -> str:
    """`sources_url`: empty, or a web address (never a guess: the setting stays empty until real)."""
    text = str(value or "").strip()
    if text and not text.startswith(("https://", "http://")):
        raise ReportConfigError(f"{path.name}: `sources_url` must be empty or a web address, not {text!r}")
    return text


def _seconds(path: Path, spec: dict, key: str, default: float) -> float:
    """A positive number of seconds from report.yaml, or the default when the key is absent."""
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ReportConfigError(f"{path.name}: `{key}` must be a positive number of seconds, not {value!r}")
    return float(value)
