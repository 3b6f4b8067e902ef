import pytest

from extractor.common.rules import RuleData
from extractor.layers.entities import ENTITY_FILES


@pytest.fixture(autouse=True)
def component_rules():
    """The layers' shipped rules, active for tests that call the entity helpers directly."""
    with RuleData.from_package(ENTITY_FILES).active() as rules:
        yield rules
