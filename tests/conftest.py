from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0bd6bd9a6d1d6856.txt"


@pytest.fixture
def seed() -> Path:
    return SEED


@pytest.fixture
def write_article(tmp_path: Path) -> Callable[..., Path]:
    """Write a short article in an agency's style; returns its path."""

    def write(text: str, name: str = "article.txt") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write
