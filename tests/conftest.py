"""Shared pytest fixtures."""

import pytest

from hemisphere import paths


@pytest.fixture
def shared_sources():
    """The reference copies of publishers' releases; skip when they are not on this machine."""
    if not paths.SHARED_SOURCES.is_dir():
        pytest.skip("../shared/sources is not present (developers' reference material)")
    return paths.SHARED_SOURCES
