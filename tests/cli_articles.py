"""Short articles in the styles agencies use, for the command-line tests.

Each is written by the tests themselves; the facts asserted are the ones a reader finds in
the text: who met whom, where, on which day.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

ANKARA = """\
    date 2024-03-12 Erdoğan receives Hungarian prime minister

    ANKARA, March 12 (Anadolu) -- Turkish President Recep Tayyip Erdoğan held talks with Hungarian Prime Minister Viktor Orbán in Ankara on Tuesday.

    The two leaders discussed energy cooperation and border security, the presidency said.
"""
MOSCOW = """\
    date 2023-11-02 Lavrov meets Kazakh counterpart

    MOSCOW, November 2. /TASS/. Russian Foreign Minister Sergey Lavrov met with Kazakh Foreign Minister Murat Nurtleu in Moscow on Thursday, the ministry said.

    They discussed the Caspian Sea and transport corridors.
"""
DELHI = """\
    date 2024-07-20 Modi speaks with Japanese PM

    NEW DELHI, July 20 (PTI): Prime Minister Narendra Modi held a phone call with Japanese Prime Minister Fumio Kishida on Saturday to discuss trade.
"""


def berlin(day: dt.date) -> str:
    """Two foreign ministers meet in Berlin on ``day`` (for relative dates like 'yesterday')."""
    month = day.strftime("%B")
    return (
        f"date {day.isoformat()} Ministers meet\n\n"
        f"BERLIN, {month} {day.day} (dpa) -- German Foreign Minister Annalena Baerbock met French "
        f"Foreign Minister Stéphane Séjourné in Berlin on {month} {day.day}, {day.year}.\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def corpus(folder: Path) -> Path:
    """Three articles, one in a subfolder: Ankara talks 2024-03-12, Moscow meeting 2023-11-02,
    New Delhi phone call 2024-07-20."""
    write(folder, "ankara.txt", ANKARA)
    write(folder, "moscow.txt", MOSCOW)
    write(folder, "asia/delhi.txt", DELHI)
    return folder


runner = CliRunner()


def run(*args: object, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], input=input, prog_name="timeline")


def sources(output: str) -> set[str]:
    """The article file names behind the JSON Lines events of ``output``."""
    import json

    return {Path(json.loads(line)["source"]["path"]).name for line in output.splitlines() if line}


def run_timeline(
    *args: object, env: dict[str, str] | None = None, **kw: object
) -> subprocess.CompletedProcess[str]:
    """``python -m timeline ARGS`` in a process of its own (as a user runs it, exit code and
    all), without any TIMELINE_MAX_BYTES of the caller's environment unless ``env`` sets one."""
    environ = {k: v for k, v in os.environ.items() if k != "TIMELINE_MAX_BYTES"}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "timeline", *map(str, args)],
        capture_output=True,
        text=True,
        env=environ,
        timeout=300,  # a guard against a read that never ends, not a measure of speed
        **kw,  # type: ignore[arg-type]
    )
