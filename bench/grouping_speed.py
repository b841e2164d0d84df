"""How long grouping reports into incidents takes on a crowded store: random reports, timed.

    PYTHONPATH=src .venv/bin/python bench/grouping_speed.py [--reports 16000 46000] [--seed 7]

The reports crowd three months, the first 12 places of the bundled gazetteer (or none), three types (one
with a day's window, two with a week's), a perpetrator's side half the time, a count a third of the time;
a tenth are dated to the month, a tenth not at all. Reported: seconds and the incidents formed. A store of
this size (the 20k-document workspace store holds 46,528 reports) is grouped once per analysis.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.incidents.grouping import group_incidents
from trucewatch.records import Incident

TYPES = ("shelling", "blockade", "troop_withdrawal")
SIDES = ("AZ", "AM", "RU")


def reports(count: int, rng: random.Random) -> list[Incident]:
    places: list[str | None] = [*list(load_gazetteer().places)[:12], None]
    made = []
    for number in range(count):
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(90))
        roll = rng.random()
        precision = "day" if roll < 0.8 else "month" if roll < 0.9 else None
        place = rng.choice(places)
        actors = [{"name": "forces", "side": rng.choice(SIDES), "role": "actor"}] if rng.random() < 0.5 else []
        counts = {"killed": rng.choice((1, 2, 5, 10))} if rng.random() < 0.3 else {}
        made.append(
            Incident(
                doc_id=f"d{number // 3}",
                start=number,
                end=number + 5,
                sentence="s",
                type=rng.choice(TYPES),
                plover_type="ASSAULT",
                date=day.isoformat() if precision else None,
                date_precision=precision,
                place=place,
                place_id=place,
                actors=actors,
                counts=counts,
            )
        )
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, nargs="+", default=[16000, 46000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    places = load_gazetteer().places
    for count in args.reports:
        made = reports(count, random.Random(args.seed))
        started = time.perf_counter()
        groups = group_incidents(made, places)
        print(f"{count} reports: {time.perf_counter() - started:.2f} s, {len(set(groups.values()))} incidents")


if __name__ == "__main__":
    main()
