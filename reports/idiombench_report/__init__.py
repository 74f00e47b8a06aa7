"""idiombench_report: validate idiombench results and render comparative HTML reports."""

from pathlib import Path

# VERSION is the repository's (a link here, a copy in an installed package): one place.
__version__ = (Path(__file__).with_name("VERSION")).read_text(encoding="utf-8").strip()
