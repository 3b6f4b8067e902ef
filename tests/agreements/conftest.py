import pytest

from extractor.common.rules import RuleData
from extractor.agreements.component import AGREEMENT_FILES


@pytest.fixture(autouse=True)
def component_rules():
    """The component's shipped rules, active for tests that call its helpers directly."""
    with RuleData.from_package(AGREEMENT_FILES).active() as rules:
        yield rules
