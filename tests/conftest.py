import pytest


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, built once for the whole test session."""
    from extractor.pipeline.build import get_pipeline

    return get_pipeline()
