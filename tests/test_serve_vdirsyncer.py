"""A calendar client subscribed to `timeline serve`: vdirsyncer syncs the served calendar into
a folder (its read-only ``http`` storage), khal lists it; after one more article, a second
sync updates the event (same UID on the server, higher SEQUENCE) and duplicates nothing.

vdirsyncer's ``http`` storage names each item by a hash of its content, not by its UID (it
rewrites the UID so: upstream's design for WebCAL feeds, with no option to keep UIDs in
0.21), so in the synced folder the changed event is one file replaced by one file, while
the served calendar, which calendar apps read, keeps its UID."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import icalendar
from ics_support import write_khal_config
from serve_support import TASS_DUSHANBE, ingest, serving, write
from test_ics_khal import days

BIN = Path(sys.executable).parent


def run(tool: str, config: Path, *args: str, home: Path) -> str:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
        "XDG_DATA_HOME": str(home),
        "TZ": "UTC",
    }
    done = subprocess.run(
        [str(BIN / tool), "-c", str(config), *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def configs(home: Path, url: str) -> tuple[Path, Path, Path]:
    folder = home / "calendar"
    folder.mkdir(parents=True)
    (home / "status").mkdir()
    sync = home / "vdirsyncer.conf"
    sync.write_text(
        f"""\
[general]
status_path = "{home / "status"}/"

[pair timeline]
a = "timeline_web"
b = "timeline_local"
collections = null
conflict_resolution = "a wins"

[storage timeline_web]
type = "http"
url = "{url}/calendar.ics?country=TJ"

[storage timeline_local]
type = "filesystem"
path = "{folder}/"
fileext = ".ics"
""",
        encoding="utf-8",
    )
    khal = write_khal_config(home / "khal.conf", folder, home / "khal.db")
    return sync, khal, folder


def stored(folder: Path) -> dict[str, tuple[str, int, str]]:
    """File name -> (UID, SEQUENCE, SUMMARY) of each event vdirsyncer wrote."""
    out = {}
    for path in sorted(folder.glob("*.ics")):
        (vevent,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        out[path.name] = (str(vevent["uid"]), int(vevent["sequence"]), str(vevent["summary"]))
    return out


def test_vdirsyncer_subscribes_khal_lists_and_a_new_article_updates_in_place(seed, tmp_path):
    db = tmp_path / "timeline.db"
    ingest(db, seed)
    home = tmp_path / "client"
    with serving(db) as url:
        sync, khal, folder = configs(home, url)
        run("vdirsyncer", sync, "discover", home=home)
        run("vdirsyncer", sync, "sync", home=home)
        first = stored(folder)
        assert len(first) == 5, first
        listing = days(run("khal", khal, "list", "2024-07-01", "10d", "--format", "{title}", home=home))
        assert set(listing) == {"2024-07-05"}
        assert len(listing["2024-07-05"]) == 5
        assert "Talks: Xi Jinping – Emomali Rahmon" in listing["2024-07-05"]

        served = uids(httpx.get(url + "/calendar.ics?country=TJ").content)
        ingest(db, write(tmp_path / "more", "tass.txt", TASS_DUSHANBE))
        now = uids(httpx.get(url + "/calendar.ics?country=TJ").content)
        assert set(now) == set(served)  # every UID kept on the server
        rose = [uid for uid in served if now[uid][0] > served[uid][0]]
        assert len(rose) == 1 and now[rose[0]][1].startswith("Talks")

        run("vdirsyncer", sync, "sync", home=home)
        second = stored(folder)
        assert len(second) == len(first) == 5  # nothing duplicated
        kept = set(first) & set(second)
        assert len(kept) == 4  # the four unchanged events are the very same files
        assert {second[n] for n in kept} == {first[n] for n in kept}
        (new,) = set(second) - kept
        (old,) = set(first) - kept
        assert second[new][1:] == (now[rose[0]][0], first[old][2])  # the talks, at the higher SEQUENCE
        assert second[new][1] > first[old][1]
        again = days(run("khal", khal, "list", "2024-07-01", "10d", "--format", "{title}", home=home))
        assert again == listing  # each event once, on its day
        said = run("khal", khal, "list", "2024-07-05", "1d", "--format", "{title}|{description}", home=home)
        assert "the Tajik presidency said" in " ".join(said.split())


def uids(calendar: bytes) -> dict[str, tuple[int, str]]:
    """UID -> (SEQUENCE, SUMMARY) of each event of a served calendar."""
    cal = icalendar.Calendar.from_ical(calendar)
    return {str(v["uid"]): (int(v["sequence"]), str(v["summary"])) for v in cal.walk("VEVENT")}
