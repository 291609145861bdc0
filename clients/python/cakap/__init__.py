"""A Python client of cakapd, the cakap job-matching service, over its HTTP/JSON API.

Standard library only. See README.md beside this package.
"""

from .client import Client
from .csv_workers import CsvMapping
from .errors import CakapError, field_of

__all__ = ["Client", "CakapError", "CsvMapping", "field_of"]
__version__ = "0.1.0"
