"""What the iCalendar tests share: articles other agencies might write, and the checks real
calendar software makes on an export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import icalendar
import vobject

# Another agency's telling of the seed's talks, published the same day.
SAME_TALKS = """\
date 2024-07-06 China's Xi holds talks with Tajik leader

DUSHANBE, July 5 (Reuters) - Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on Friday, pledging closer trade and transport links.

The two leaders discussed energy, security and the Belt and Road.
"""

# Talks that have nothing to do with the seed.
UNRELATED_TALKS = """\
date 2024-03-12 Modi holds talks with Mauritian Prime Minister

PORT LOUIS, March 12 (PTI) -- Prime Minister Narendra Modi held talks with Mauritian Prime Minister Pravind Jugnauth in Port Louis on Tuesday.
"""


def check_calendar(data: bytes) -> icalendar.Calendar:
    """The checks every exported calendar must pass: icalendar round trip, vobject validate()."""
    cal = icalendar.Calendar.from_ical(data)
    assert cal.to_ical() == data, "the calendar changes when icalendar reads and writes it again"
    parsed = vobject.readOne(data.decode("utf-8"))
    parsed.validate()  # raises on an invalid component
    return cal


def radicale_verify(item: bytes, tmp_path: Path) -> None:
    """``python -m radicale --verify-item`` on one calendar object (one VEVENT)."""
    path = tmp_path / "item.ics"
    path.write_bytes(item)
    run = subprocess.run(
        [sys.executable, "-m", "radicale", "--verify-item", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [line for line in run.stderr.splitlines() if "ERROR" in line or "CRITICAL" in line]
    assert run.returncode == 0, problems or run.stderr[-2000:]


def write_khal_config(config: Path, calendar: Path, cache: Path) -> Path:
    """A khal configuration reading the calendar folder ``calendar``, in UTC, with ISO dates."""
    config.write_text(
        f"""\
[calendars]
[[timeline]]
path = {calendar}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
[sqlite]
path = {cache}
""",
        encoding="utf-8",
    )
    return config
