"""Grouping reports of one incident across articles, and the source metadata that dates the reports."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from trucewatch.agreements import Place
from trucewatch.documents import build_document
from trucewatch.evaluation.realdev import read_source_metadata
from trucewatch.incidents.grouping import group_incidents, grouping_rules
from trucewatch.records import Incident, SourceItem
from trucewatch.text.dates import url_date


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/world/2024/04/17/peacekeepers-leave/", "2024-04-17"),
        ("https://news.example.org/2023/07/the-talks-stall.html", "2023-07"),
        ("https://news.example.org/20201119/corridor-1585213399.html?in=t", "2020-11-19"),
        ("https://news.example.org/2024-04-17-peacekeepers-leave", "2024-04-17"),
        ("http://proxy.example?url=https%3A%2F%2Fnews.example.org%2F2022%2F09%2F13%2Fclashes", "2022-09-13"),
        ("https://web.archive.org/web/20201109235223/https://news.example.org/world-54882564", None),
        ("https://news.example.org/2023/02/30/no-such-day", None),
        ("https://news.example.org/articles/1202301", None),
        (None, None),
    ],
)
def test_url_date_reads_a_dated_path_and_nothing_else(url, expected):
    assert url_date(url) == expected


def _item(text: str, **hints: str) -> SourceItem:
    return SourceItem(key=text[:20], source_path="a.txt", locator="", content_type="text", raw_text=text, hints=hints)


def test_a_date_in_the_url_dates_a_page_below_a_date_printed_in_it():
    body = "Peacekeepers left the region.\n\nThe convoy crossed the bridge on Tuesday, officials said.\n"
    dated = build_document(_item(body, url="https://news.example.org/2024/04/17/convoy/"))
    assert (dated.published, dated.published_source) == ("2024-04-17", "url")
    printed = build_document(_item("18 April 2024\n\n" + body, url="https://news.example.org/2024/04/17/convoy/"))
    assert (printed.published, printed.published_source) == ("2024-04-18", "dateline")
    hinted = build_document(_item(body, url="https://news.example.org/2024/04/17/convoy/", published="2024-04-16"))
    assert (hinted.published, hinted.published_source) == ("2024-04-16", "hint")
    month = build_document(_item(body, url="https://news.example.org/2024/04/convoy/"))
    assert (month.published, month.published_source) == ("2024-04", "url")


def report(
    doc: str,
    date: str | None,
    place: str | None,
    kind: str = "shelling",
    *,
    precision: str = "day",
    doers: tuple[str, ...] = (),
    counts: dict[str, int] | None = None,
) -> Incident:
    actors = [{"name": f"{side} forces", "side": side, "role": "actor"} for side in doers]
    return Incident(
        doc_id=doc,
        start=0,
        end=10,
        sentence="s",
        type=kind,
        plover_type="ASSAULT",
        date=date,
        date_precision=precision if date else None,
        place=place,
        place_id=place,
        actors=actors,
        counts=counts or {},
    )


PLACES = {
    p.id: p
    for p in (
        Place("region", "Region", "region", ()),
        Place("hill", "Hill", "village", (), within="region"),
        Place("capital", "Capital", "city", ()),
        Place("far", "Far", "town", ()),
        Place("hill2", "Hill two", "village", (), within="region"),
        Place("land", "Land", "country", ()),
        Place("town", "Town", "town", (), within="land"),
    )
}


def together(*reports: Incident) -> bool:
    groups = group_incidents(reports, PLACES)
    return len({groups[r.id] for r in reports}) == 1


def test_the_date_window_is_the_types_own_and_scaled_to_the_dates_precision():
    assert together(report("a", "2022-12-12", "region", "blockade"), report("b", "2022-12-17", "region", "blockade"))
    assert not together(report("a", "2022-12-12", "region"), report("b", "2022-12-17", "region"))
    assert together(report("a", "2022-12-12", "region"), report("b", "2022-12-13", "region"))
    assert together(report("a", "2022-12-01", "region", precision="month"), report("b", "2022-12-28", "region"))
    assert not together(report("a", "2022-11-01", "region", precision="month"), report("b", "2022-12-28", "region"))
    assert not together(report("a", "2021-01-01", "region", precision="year"), report("b", "2022-12-28", "region"))
    # a year is no day: it joins only as an undated report does, and only a group of its year
    assert together(report("a", "2022-01-01", "region", precision="year"), report("b", "2022-12-28", "region"))


def test_a_report_dated_by_the_day_it_was_told_can_be_of_the_days_before():
    signed = report("a", "2020-11-10", "region", "agreement_signed")
    told = replace(report("b", "2020-11-13", "region", "agreement_signed"), sentence="The leaders signed the deal.")
    dated = replace(told, sentence="The leaders signed the deal on 13 November 2020.")
    assert together(signed, told) and not together(signed, dated)
    assert not together(signed, replace(told, date="2020-11-20"))  # a week later is another


def test_compatible_types_and_announced_types_but_not_two_places_of_a_local_incident():
    assert together(
        report("a", "2021-12-04", "region", "prisoner_exchange"), report("b", "2021-12-04", "hill", "detainee_release")
    )
    assert together(
        report("a", "2024-04-17", "capital", "troop_withdrawal", doers=("RU",)),
        report("b", "2024-04-17", "region", "troop_withdrawal", doers=("RU",)),
    )
    assert not together(
        report("a", "2024-04-17", "capital", "troop_withdrawal", doers=("RU",)),
        report("b", "2024-04-17", "region", "troop_withdrawal"),
    )
    assert not together(
        report("a", "2024-04-17", "far", doers=("AZ",)), report("b", "2024-04-17", "region", doers=("AZ",))
    )


def test_places_of_one_area_of_conflict_can_be_one_when_either_names_the_area_or_the_type_is_wide():
    from trucewatch.incidents.gazetteer import load_gazetteer

    places = load_gazetteer().places  # the bundled gazetteer and areas: the data must carry what this reads

    def one(*reports: Incident) -> bool:
        return len({group_incidents(reports, places)[r.id] for r in reports}) == 1

    # a border clash told by each side as on its own soil: two countries of one conflict
    assert one(report("a", "2022-09-13", "armenia"), report("b", "2022-09-13", "azerbaijan"))
    # a country contradicts no spot of its conflict, even one the gazetteer does not nest in it
    assert one(report("a", "2022-09-13", "nagorno-karabakh", "attack"), report("b", "2022-09-13", "kapan", "attack"))
    # two spots of one area are two shellings; a spot of another conflict is another shelling
    assert not one(report("a", "2022-09-13", "kapan"), report("b", "2022-09-13", "jermuk"))
    assert not one(report("a", "2022-09-13", "armenia"), report("b", "2022-09-13", "gaza-strip"))
    # two regions of one conflict are two areas: the violations counted in each are two reports of two places
    assert not one(report("a", "2020-12-08", "donetsk", "ceasefire_violation_report"),
                   report("b", "2020-12-08", "luhansk", "ceasefire_violation_report"))
    # a blockade is told of an area: its corridor's district and a town of the region it cuts off
    assert one(report("a", "2022-12-12", "lachin", "blockade"), report("b", "2022-12-14", "martakert", "blockade"))
    assert not one(report("a", "2022-12-12", "lachin", "blockade"), report("b", "2022-12-14", "gaza-city", "blockade"))


def test_an_undated_report_joins_by_a_large_count_it_shares():
    dated = report("a", "2021-12-04", "region", "detainee_release", counts={"released": 10})
    assert together(dated, report("b", None, "hill", "detainee_release", counts={"released": 10}))
    assert together(
        report("b", None, None, "detainee_release", counts={"released": 10}),
        report("c", None, "region", "detainee_release", counts={"released": 10}),
    )
    assert not together(dated, report("b", None, "far", "detainee_release", counts={"released": 10}))


def test_an_undated_report_joins_the_one_group_of_its_place_that_is_likelier_than_any_other():
    dated, undated = (report("a", "2021-12-04", "region", "detainee_release"),
                      report("b", None, "region", "detainee_release"))
    assert together(dated, undated)
    assert not together(dated, report("b", None, "hill", "detainee_release"))  # a wide type: within it is not enough
    assert not together(dated, report("b", None, None, "detainee_release"))  # nothing says which
    later = report("c", "2022-03-01", "region", "detainee_release")
    groups = group_incidents([dated, later, undated], PLACES)  # two releases there: either could be it
    assert groups[undated.id] not in (groups[dated.id], groups[later.id])
    retold = report("d", "2022-03-01", "region", "detainee_release")  # the later one told by two outlets
    groups = group_incidents([dated, later, retold, undated], PLACES)
    assert groups[undated.id] == groups[later.id] != groups[dated.id]
    clashes = [report(doc, day, "region", "armed_clash") for doc, day in (("a", "2022-03-01"), ("b", "2022-03-01"),
                                                                           ("c", "2022-05-01"))]
    groups = group_incidents([*clashes, report("d", None, "region", "armed_clash")], PLACES)
    assert len(set(groups.values())) == 3  # fighting recurs at one front: an undated clash is none of them
    sided = report("c", "2022-03-01", "region", "detainee_release", doers=("AZ",))
    groups = group_incidents([dated, sided, report("d", None, "region", "detainee_release", doers=("AZ",))], PLACES)
    assert len(set(groups.values())) == 2  # the same place and perpetrator: the likelier of two
    violations = report("a", "2021-12-04", "region", "ceasefire_violation_report")
    assert not together(violations, report("b", None, "region", "ceasefire_violation_report"))  # told daily there
    talks = report("a", "2023-06-02", "capital", "negotiation_meeting")
    assert not together(talks, report("b", None, "capital", "negotiation_meeting"))  # round after round in one capital
    counted = report("a", "2021-12-04", "region", "detainee_release", counts={"released": 10})
    assert not together(counted, report("b", None, "region", "detainee_release", counts={"released": 30}))


def test_an_undated_report_joins_a_group_of_the_region_it_lies_in_but_not_of_its_country_nor_of_a_wide_type():
    assert together(report("a", "2025-10-10", "region", "ceasefire_declared"),
                    report("b", None, "hill", "ceasefire_declared"))  # a city of the strip: the strip's ceasefire
    assert not together(report("a", "2025-10-10", "hill2", "ceasefire_declared"),
                        report("b", None, "hill", "ceasefire_declared"))  # another city of it
    assert not together(report("a", "2022-09-13", "land", "casualties"),
                        report("b", None, "town", "casualties"))  # a country holds too many incidents of a type
    assert not together(report("a", "2024-04-17", "region", "troop_withdrawal"),
                        report("b", None, "hill", "troop_withdrawal"))  # one post left of a withdrawal told of a region


def test_an_undated_report_naming_a_day_without_a_year_joins_no_group_of_another_day():
    dated = replace(report("a", "2021-06-15", "region", "detainee_release"),
                    sentence="Ten soldiers were freed on 15 June 2021.")  # a Tuesday
    told = report("b", None, "region", "detainee_release")
    assert together(dated, replace(told, sentence="Ten soldiers were freed on Tuesday, officials said."))
    assert together(dated, replace(told, sentence="Ten soldiers were freed on June 15, officials said."))
    assert not together(dated, replace(told, sentence="Ten soldiers were freed on Friday, officials said."))
    assert not together(dated, replace(told, sentence="Ten soldiers were freed on September 3, officials said."))
    assert not together(dated, replace(told, sentence="Ten soldiers were freed on Wednesday, officials said."))
    # a day counted back from the day it was told can be any day: it neither joins nor parts
    assert together(dated, replace(told, sentence="Ten soldiers were freed yesterday, officials said."))
    assert not together(dated, replace(told, sentence="Ten were freed on Friday, after talks ended yesterday."))


def test_an_undated_report_alone_joins_the_one_likelier_incident_its_own_article_tells_of():
    withdrawal = report("a", "2025-10-10", "region", "troop_withdrawal")
    retold = report("b", None, "region", "troop_withdrawal")
    from_a_town = replace(report("b", None, "hill", "troop_withdrawal"), start=20, end=30)  # one post of the region
    groups = group_incidents([withdrawal, retold, from_a_town], PLACES)
    assert groups[from_a_town.id] == groups[retold.id] == groups[withdrawal.id]
    assert not together(withdrawal, from_a_town)  # without its article's other report it stays alone
    released, freed = (report("a", None, "region", "detainee_release", counts={"released": 10}),
                       replace(report("a", None, "hill", "detainee_release", counts={"released": 30}), start=20))
    assert not together(released, freed)  # the article counts another release


def test_an_undated_report_of_a_type_placed_where_announced_joins_by_its_area_and_a_shared_perpetrator():
    rules = replace(grouping_rules(), areas={"land": "conflict", "region": "conflict"})

    def grouped(*reports: Incident) -> bool:
        return len(set(group_incidents(reports, PLACES, rules).values())) == 1

    handed = report("a", None, "region", "minefield_maps_handover", doers=("AZ",))
    assert grouped(handed, report("b", None, "land", "minefield_maps_handover", doers=("AZ",)))
    assert not grouped(handed, report("b", None, "land", "minefield_maps_handover", doers=("AM",)))
    assert not grouped(handed, report("b", None, "far", "minefield_maps_handover", doers=("AZ",)))  # another area
    assert not grouped(report("a", None, "region", "blockade", doers=("AZ",)),
                       report("b", None, "land", "blockade", doers=("AZ",)))  # told where it is: many closures


def test_a_report_takes_the_group_with_most_evidence_of_those_it_could_join():
    here, there = report("a", "2023-09-20", "hill"), report("b", "2023-09-20", "far", counts={"killed": 3})
    unplaced = report("c", "2023-09-20", None, counts={"killed": 3})  # could be either: the count says which
    groups = group_incidents([here, there, unplaced], PLACES)
    assert groups[unplaced.id] == groups[there.id] != groups[here.id]


def test_the_grouping_data_names_only_known_incident_types():
    known = set(
        json.loads(
            resources.files("trucewatch").joinpath("schemas/lang-incidents.schema.json").read_text(encoding="utf-8")
        )["$defs"]["type"]["enum"]
    )
    rules = grouping_rules()
    assert set(rules.windows) | set(rules.kind_of) | rules.announced <= known


def test_source_metadata_gives_the_url_and_the_metadata_date_as_hints(tmp_path: Path):
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text(
        "file\tsource\tpublication_date_from_metadata\tdate_visible_in_text\n"
        "001.txt\thttps://news.example.org/2024/04/17/a\t2024-04-17\t\n"
        "002.txt\thttps://news.example.org/b\t\t2020-11-10\n",
        encoding="utf-8",
    )
    assert read_source_metadata(manifest, "text only") == {"001.txt": {}, "002.txt": {}}
    assert read_source_metadata(manifest, "text + URL")["002.txt"] == {"url": "https://news.example.org/b"}
    assert read_source_metadata(manifest, "text + URL + metadata date") == {
        "001.txt": {"url": "https://news.example.org/2024/04/17/a", "published": "2024-04-17"},
        "002.txt": {"url": "https://news.example.org/b"},
    }


def test_grouping_reads_the_reviewed_report_a_corrected_date_or_place_regroups_it(store, tmp_path: Path):
    from trucewatch.ingest import ingest
    from trucewatch.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Shelling near Goris\n\nGORIS, May 14, 2021 - Azerbaijani forces shelled Goris on "
        "Thursday, the ministry said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Border villages under fire\n\nYEREVAN, May 21, 2021 - Residents of Goris said "
        "Azerbaijani troops shelled Goris on Thursday night. Schools stayed shut and "
        "farmers kept away from the fields along the road.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(
        "Night of shelling\n\nKAPAN, May 14, 2021 - The defence ministry said Azerbaijani units shelled Kapan "
        "on Thursday and no one was hurt.\n",
        encoding="utf-8",
    )
    ingest([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"], store)
    analyse(store)
    shellings = [i for i in store.incidents() if i.type == "shelling"]
    first, second = sorted((i for i in shellings if i.place_id == "goris"), key=lambda i: i.date)
    assert (first.date, second.date) == ("2021-05-13", "2021-05-20")
    [elsewhere] = [i for i in shellings if i.place_id == "kapan"]
    assert elsewhere.date == first.date and store.incident_groups([first, elsewhere])[elsewhere.id] != first.id
    assert len(set(store.incident_groups([first, second]).values())) == 2  # a week apart: two shellings
    store.add_revision("analyst", "incident", second.id, {"date": "2021-05-13"}, note="the same shelling")
    groups = store.incident_groups(list(store.incidents()))
    assert groups[first.id] == groups[second.id] != groups[elsewhere.id]
    store.add_revision("analyst", "incident", elsewhere.id, {"place": "Goris"}, note="Kapan was the dateline")
    assert len(set(store.incident_groups(list(store.incidents())).values())) == 1
    store.add_revision("analyst", "incident", second.id, {"verdict": "rejected"})
    rejected = store.incident_groups([first, second])
    assert rejected[second.id] != rejected[first.id]


def test_grouping_score_judges_the_grouping_apart_from_the_extractions_misses():
    from trucewatch.evaluation.incidents import grouping_score

    gold = {"001.txt#0": "g", "002.txt#0": "g", "003.txt#0": "g", "004.txt#0": "h", "005.txt#0": "h"}
    predicted = {"001.txt#0": "x", "002.txt#0": "x", "003.txt#0": None, "004.txt#0": "y", "005.txt#0": "z"}
    score = grouping_score(gold, predicted)
    assert (score["gold_pairs"], score["gold_pairs_matched"], score["predicted_pairs"]) == (4, 2, 1)
    assert (score["recall"], score["recall_matched"], score["precision"]) == (0.25, 0.5, 1.0)


def test_grouping_score_scores_pairs_of_one_article_apart():
    from trucewatch.evaluation.incidents import grouping_score

    gold = {"001.txt#0": "g", "001.txt#1": "g", "001.txt#2": "h", "002.txt#0": "g"}
    predicted = {"001.txt#0": "x", "001.txt#1": "y", "001.txt#2": "x", "002.txt#0": "x"}
    score = grouping_score(gold, predicted)
    assert (score["gold_pairs"], score["predicted_pairs"], score["precision"]) == (2, 2, 0.5)  # across articles
    within = score["within_document"]  # 0-1 gold, 0-2 predicted: neither found
    assert (within["gold_pairs"], within["predicted_pairs"], within["recall"], within["precision"]) == (1, 1, 0.0, 0.0)


def test_the_workspace_grouping_follows_a_correction_over_the_materialised_machine_grouping(store, tmp_path: Path):
    """The web reads the machine grouping materialised per analysis; a corrected date, place or a rejection
    regroups the report there too, as in exports, without regrouping the whole store."""
    from trucewatch.ingest import ingest
    from trucewatch.pipeline import analyse

    (tmp_path / "a.txt").write_text("Shelling near Goris\n\nGORIS, May 14, 2021 - Azerbaijani forces shelled Goris "
                                    "on Thursday, the ministry said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Border villages under fire\n\nYEREVAN, May 21, 2021 - Residents of Goris said "
                                    "Azerbaijani troops shelled Goris on Thursday night. Schools stayed shut.\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Night of shelling\n\nKAPAN, May 14, 2021 - The defence ministry said Azerbaijani "
                                    "units shelled Kapan on Thursday and no one was hurt.\n", encoding="utf-8")
    ingest([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"], store)
    analyse(store)
    shellings = [i for i in store.incidents(reviewed=False) if i.type == "shelling"]
    first, second = sorted((i for i in shellings if i.place_id == "goris"), key=lambda i: i.date)
    [elsewhere] = [i for i in shellings if i.place_id == "kapan"]
    machine = store.machine_incident_groups(store.incidents_version(reviews=False))
    assert len({machine[i.id] for i in (first, second, elsewhere)}) == 3
    assert store.reviewed_incident_groups(machine) == machine  # no review: the machine's grouping as it is
    store.add_revision("analyst", "incident", second.id, {"date": "2021-05-13"}, note="the same shelling")
    store.add_revision("analyst", "incident", elsewhere.id, {"place": "Goris"}, note="Kapan was the dateline")
    groups = store.reviewed_incident_groups(machine)
    assert groups[first.id] == groups[second.id] == groups[elsewhere.id]
    assert groups == store.incident_groups(list(store.incidents()))  # the same as the exports read
    store.add_revision("analyst", "incident", second.id, {"verdict": "rejected"})
    groups = store.reviewed_incident_groups(machine)
    assert groups[second.id] != groups[first.id] == groups[elsewhere.id]
