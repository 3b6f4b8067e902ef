import pytest

from extractor.common.rules import RuleData
from extractor.people.component import PEOPLE_FILES


@pytest.fixture(autouse=True)
def component_rules():
    """The component's shipped rules, active for tests that call its helpers directly."""
    with RuleData.from_package(PEOPLE_FILES).active() as rules:
        yield rules
