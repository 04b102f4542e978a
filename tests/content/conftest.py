import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data" / "content"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A copy of the small test catalogue (tests/data/content) that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(DATA, target)
    return target
