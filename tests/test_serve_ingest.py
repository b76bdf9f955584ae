"""`timeline serve` while `timeline ingest` writes the store in another process: every answer
is whole, holds each article's events all or none, and the next poll sees the new events."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import httpx
import icalendar
from serve_support import ANKARA_TWO, HANOI_TWO, TIMELINE, ingest, serving, write


def by_article(jsonl: str) -> Counter[str]:
    """How many events each article (file name) has in a /events.jsonl answer."""
    return Counter(Path(json.loads(line)["source"]["path"]).name for line in jsonl.splitlines() if line)


def test_answers_during_an_ingest_hold_whole_articles_and_the_next_poll_sees_them(seed, tmp_path):
    db = tmp_path / "timeline.db"
    ingest(db, seed)
    new = tmp_path / "new"
    write(new, "ankara.txt", ANKARA_TWO)
    write(new, "hanoi.txt", HANOI_TWO)
    with serving(db) as url:
        before = httpx.get(url + "/events.jsonl")
        assert set(by_article(before.text)) == {seed.name}
        calendar = httpx.get(url + "/calendar.ics")
        seen: list[Counter[str]] = []
        polls = 0
        with subprocess.Popen(
            [str(TIMELINE), "ingest", "--db", str(db), "--jobs", "1", "--quiet", str(new)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        ) as writer:
            while writer.poll() is None:
                polls += 1
                got = httpx.get(url + "/events.jsonl", timeout=30)
                assert got.status_code == 200
                seen.append(by_article(got.text))
                cal = httpx.get(url + "/calendar.ics", headers={"If-None-Match": calendar.headers["etag"]})
                assert cal.status_code in (200, 304)
                if cal.status_code == 200:
                    icalendar.Calendar.from_ical(cal.content)  # whole, never cut
            output = writer.stdout.read().decode() if writer.stdout else ""
        assert writer.returncode == 0, output
        after = by_article(httpx.get(url + "/events.jsonl").text)
        assert after == {seed.name: by_article(before.text)[seed.name], "ankara.txt": 2, "hanoi.txt": 2}
        for counts in seen:  # each article's two events together, or neither
            assert counts["ankara.txt"] in (0, 2) and counts["hanoi.txt"] in (0, 2), counts
        assert polls > 0
        # The next calendar poll sees the new events: a new ETag and the Ankara talks.
        final = httpx.get(url + "/calendar.ics", headers={"If-None-Match": calendar.headers["etag"]})
        assert final.status_code == 200
        summaries = [str(v["summary"]) for v in icalendar.Calendar.from_ical(final.content).walk("VEVENT")]
        assert any("Erdogan" in s and "Orban" in s for s in summaries), summaries
        assert (
            httpx.get(url + "/calendar.ics", headers={"If-None-Match": final.headers["etag"]}).status_code
            == 304
        )
