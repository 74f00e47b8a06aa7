"""idiombench_report: validate idiombench results and render comparative HTML reports."""

__version__ = "0.1.0"
