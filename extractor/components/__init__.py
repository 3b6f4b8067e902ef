"""spaCy components, one registered factory per module.

Importing this package registers every factory with spaCy.
"""
from . import agreements, dateline, dates, organisations, people, roles, sentences  # noqa: F401
