"""Shared pytest fixtures."""

import shutil
from pathlib import Path

import pytest

from hemisphere import paths


@pytest.fixture
def shared_sources():
    """The reference copies of publishers' releases; skip when they are not on this machine."""
    if not paths.SHARED_SOURCES.is_dir():
        pytest.skip("../shared/sources is not present (developers' reference material)")
    return paths.SHARED_SOURCES


FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A project whose notebooks are the fixtures and whose outputs go to a temporary folder."""
    notebooks = tmp_path / "notebooks"
    shutil.copytree(FIXTURES, notebooks)
    monkeypatch.setattr(paths, "NOTEBOOKS", notebooks)
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    monkeypatch.setattr(paths, "FIGURES", tmp_path / "figures")
    report = tmp_path / "report.yaml"
    report.write_text("title: Fixture report\nsubtitle: fixture\ndate: '2026-01-01'\n"
                      "sections:\n  - notebook: alpha\n  - notebook: beta\n")
    monkeypatch.setattr(paths, "REPORT_CONFIG", report)
    return tmp_path
