"""The export imported into khal, a terminal calendar: each event shows on its day(s)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ics_support import write_khal_config

from timeline import Event, Location, extract, read_article
from timeline.ics import write_ics

KHAL = Path(sys.executable).with_name("khal")


@pytest.fixture
def khal(tmp_path: Path):
    """Run khal with a config, a calendar folder and a cache of its own, in UTC."""
    home = tmp_path / "khal"
    (home / "calendar").mkdir(parents=True)
    config = write_khal_config(home / "config", home / "calendar", home / "khal.db")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
        "XDG_DATA_HOME": str(home),
        "TZ": "UTC",
    }

    def run(*args: str) -> str:
        done = subprocess.run(
            [str(KHAL), "-c", str(config), *args], capture_output=True, text=True, env=env, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run


def days(listing: str) -> dict[str, list[str]]:
    """``khal list`` output as day -> the lines under it."""
    out: dict[str, list[str]] = {}
    day = ""
    for line in listing.splitlines():
        if line[:1].isalpha() and ", 20" in line:  # "Friday, 2024-07-05"
            day = line.split(", ")[1]
            out[day] = []
        elif line.strip():
            out[day].append(line.strip())
    return out


def test_khal_shows_each_event_on_its_days_and_a_second_import_adds_nothing(khal, seed, tmp_path):
    events = extract(read_article(seed))
    events.append(
        Event(type="visit", start=dt.date(2024, 7, 8), end=dt.date(2024, 7, 10), countries=("CN", "KZ"))
    )
    events.append(
        Event(
            type="call",
            start=dt.date(2024, 7, 12),
            time=dt.time(10, 30),
            countries=("DE", "TJ"),
            location=Location("Berlin", "DE", timezone="Europe/Berlin"),
        )
    )
    path = write_ics(events, tmp_path / "calendar.ics")
    khal("import", "--batch", "-a", "timeline", str(path))
    khal("import", "--batch", "-a", "timeline", str(path))

    listing = days(khal("list", "2024-07-01", "20d", "--format", "{start-end-time-style} {title}"))
    assert set(listing) == {"2024-07-05", "2024-07-08", "2024-07-09", "2024-07-10", "2024-07-12"}
    july5 = listing["2024-07-05"]
    assert len(july5) == 5, july5
    assert "Talks: Xi Jinping – Emomali Rahmon" in [line.strip() for line in july5]
    assert all("Xi Jinping" in line for line in july5)
    # The visit of July 8–10 shows on each of its three days and not on July 11.
    for day in ("2024-07-08", "2024-07-09", "2024-07-10"):
        assert [line for line in listing[day] if "Visit: China, Kazakhstan" in line], day
    # 10:30 in Berlin in summer is 08:30 UTC.
    assert listing["2024-07-12"] == ["08:30-09:30 Phone call: Germany, Tajikistan"]
