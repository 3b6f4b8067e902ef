import pytest

from extractor.common.rules import RuleData
from extractor.organisations.component import ORGANISATION_FILES


@pytest.fixture(autouse=True)
def component_rules():
    """The component's shipped rules, active for tests that call its helpers directly."""
    with RuleData.from_package(ORGANISATION_FILES).active() as rules:
        yield rules
