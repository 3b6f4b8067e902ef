"""Importing this module registers every factory with spaCy."""
from .agreements import component as _agreements  # noqa: F401
from .dateline import component as _dateline  # noqa: F401
from .dates import component as _dates  # noqa: F401
from .organisations import component as _organisations  # noqa: F401
from .people import component as _people  # noqa: F401
from .roles import component as _roles  # noqa: F401
from .sentences import component as _sentences  # noqa: F401
