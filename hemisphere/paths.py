"""Every path the project uses, resolved from the package so no notebook builds paths by hand.

Notebooks execute with their own working directory; resolving from this file keeps data
loading independent of where a kernel was started.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# HEMISPHERE_DATA_DIR and HEMISPHERE_NOTEBOOKS_DIR point the build and its kernels at copies
# (tests build from hostile data this way, and the cache tests from edited copies).
DATA = Path(os.environ.get("HEMISPHERE_DATA_DIR") or ROOT / "data")
DATAPACKAGE = DATA / "datapackage.yaml"
EVENTS = DATA / "events.csv"
NOTEBOOKS = Path(os.environ.get("HEMISPHERE_NOTEBOOKS_DIR") or ROOT / "notebooks")
FIGURES = ROOT / "figures"
# HEMISPHERE_BUILD_DIR lets the benchmark time cold builds without touching build/.
BUILD = Path(os.environ.get("HEMISPHERE_BUILD_DIR") or ROOT / "build")
REPORT_CONFIG = ROOT / "report.yaml"
# Reference material gathered for developers; absent on users' machines.
SHARED_SOURCES = ROOT.parent / "shared" / "sources"
