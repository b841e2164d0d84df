"""Only copies of one story are grouped: bulletins of other days and other texts on the story stay apart.

The texts are invented for these tests: a daily ceasefire bulletin whose template stays and whose
figures and date change, a joint statement and a report quoting it, a syndicated copy.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from trucewatch.cli import main
from trucewatch.dedup import THRESHOLD, compare, signature, similarity
from trucewatch.ingest import ingest
from trucewatch.records import Document
from trucewatch.store import Store


def doc(doc_id: str, body: str, **fields) -> Document:
    return Document(id=doc_id, source_key=doc_id, source_path=f"{doc_id}.txt", locator="", content_type="text",
                    raw_text=body, body=body, body_spans=[], language="en", **fields)


def bulletin(day: int, shots: int, posts: int, wounded: int) -> str:
    return (
        f"On {day} November 2021 the joint monitoring centre recorded {shots} violations of the ceasefire along "
        "the line of contact in the northern and eastern sectors. According to the duty officers of the centre, "
        f"small arms fire was directed at {posts} observation posts near the villages in the valley, and "
        f"{wounded} servicemen were wounded and taken to the field hospital for treatment. The peacekeeping "
        "contingent continued to escort civilian convoys along the corridor and to patrol the roads between "
        "the settlements, and engineers went on clearing the fields of mines and unexploded ordnance so that "
        "farmers can return to work. The centre reminded both sides of their obligations under the trilateral "
        "statement and called on them to refrain from any actions that could escalate the situation. The "
        "next bulletin will be published tomorrow morning after the reports of the observation posts are "
        "collected and checked by the duty officers of the centre."
    )


STATEMENT = (
    "We, the presidents of the three co-chair countries, call upon the leaders of both sides to commit "
    "without delay to resuming substantive negotiations in good faith and without preconditions. We urge "
    "them to respect the ceasefire along the line of contact, to withdraw snipers and heavy weapons from the "
    "front line, and to allow the monitors full access to the conflict zone. A lasting settlement must rest "
    "on the principles of the Helsinki Final Act, including the non-use of force, territorial integrity and "
    "the equal rights and self-determination of peoples, and must be reached through peaceful negotiation."
)
REPORT = (
    "The presidents of three countries that have mediated in the conflict for decades issued a rare joint "
    "appeal on Thursday, as fighting along the front line entered its third week and thousands of families "
    "fled the towns near the border. The text reads "
    f"in full: {STATEMENT} Neither government commented on the appeal by the evening."
)


def test_bulletins_of_other_days_are_not_copies() -> None:
    monday, tuesday = bulletin(12, 14, 3, 2), bulletin(13, 9, 2, 1)
    assert similarity(signature(monday), signature(tuesday)) >= THRESHOLD  # the index does find them
    verdict = compare(doc("tue", tuesday, outlet="Bulletin Wire"), doc("mon", monday, outlet="Other Wire"))
    assert not verdict.copy and verdict.similarity >= THRESHOLD
    assert verdict.reason == (f"kept apart from mon (similarity {verdict.similarity:.2f}): different dates "
                              "(2021-11-12 there; 2021-11-13 here)")


def test_the_same_template_with_other_figures_is_not_a_copy() -> None:
    """No date in the text, another outlet, the same day: the figures still tell the bulletins apart."""
    first = bulletin(12, 14, 3, 2).replace("On 12 November 2021 the", "The")
    second = bulletin(12, 9, 2, 1).replace("On 12 November 2021 the", "The")
    verdict = compare(doc("b", second, outlet="B"), doc("a", first, outlet="A"))
    assert not verdict.copy and verdict.similarity >= THRESHOLD
    assert verdict.reason.endswith("different numbers (14 violations, 2 servicemen, 3 observation there; "
                                   "1 servicemen, 2 observation, 9 violations here)")


def test_the_same_figures_in_other_places_are_other_facts() -> None:
    first = bulletin(12, 3, 14, 2).replace("On 12 November 2021 the", "The")
    swapped = bulletin(12, 14, 3, 2).replace("On 12 November 2021 the", "The")
    verdict = compare(doc("b", swapped), doc("a", first))
    assert not verdict.copy and "different numbers" in verdict.reason


def test_one_outlet_on_another_day_is_a_recurring_report_even_word_for_word() -> None:
    quiet = bulletin(12, 0, 0, 0).replace("On 12 November 2021 the", "The")
    verdict = compare(doc("b", quiet, outlet="Defence Ministry", published="2021-11-13"),
                      doc("a", quiet, outlet="Defence Ministry", published="2021-11-12T09:00:00"))
    assert not verdict.copy and verdict.similarity == 1.0
    assert verdict.reason.endswith("the same outlet on another day (2021-11-12, 2021-11-13): a recurring report")


def test_a_report_quoting_a_statement_is_not_a_copy_of_it() -> None:
    assert similarity(signature(REPORT), signature(STATEMENT)) >= THRESHOLD
    verdict = compare(doc("report", REPORT), doc("statement", STATEMENT))
    assert not verdict.copy
    assert "words here are not in the other: another text on the story" in verdict.reason


def test_a_syndicated_copy_is_grouped_with_its_similarity_and_rule() -> None:
    original = bulletin(12, 14, 3, 2)
    copy = original + " This bulletin was republished on 13 November 2021."  # a date on one side only
    verdict = compare(doc("copy", copy, outlet="Aggregator", published="2021-11-13"),
                      doc("orig", original, outlet="Bulletin Wire", published="2021-11-12"))
    assert verdict.copy
    assert verdict.reason == (f"copy of orig (similarity {verdict.similarity:.2f}): 8 words differ, "
                              "same dates and numbers")


def test_ingest_groups_only_copies_and_documents_shows_why(tmp_path: Path) -> None:
    records = [
        {"text": bulletin(12, 14, 3, 2), "published": "2021-11-12", "outlet": "Bulletin Wire"},
        {"text": bulletin(13, 9, 2, 1), "published": "2021-11-13", "outlet": "Bulletin Wire"},
        {"text": bulletin(12, 14, 3, 2), "published": "2021-11-12", "outlet": "Aggregator"},
        {"text": STATEMENT, "published": "2021-11-11", "outlet": "Presidency"},
        {"text": REPORT, "published": "2021-11-11", "outlet": "Daily"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "t.db"
    report = ingest([feed], Store(str(db)))
    assert (report.ingested, report.duplicates) == (5, 1)
    listed = CliRunner().invoke(main, ["documents", "--db", str(db), "--format", "jsonl"])
    docs = {(r["locator"]): r for r in map(json.loads, listed.output.splitlines())}
    assert docs["line 3"]["duplicate_of"] == docs["line 1"]["id"]
    assert docs["line 3"]["duplicate_reason"].startswith(f"copy of {docs['line 1']['id']} (similarity 1.00)")
    assert [line for line, r in docs.items() if r["duplicate_of"]] == ["line 3"]
    assert "the same outlet on another day" in docs["line 2"]["duplicate_reason"]
    assert "another text on the story" in docs["line 5"]["duplicate_reason"]
    assert docs["line 4"]["duplicate_reason"] is None  # nothing before it was similar
    table = CliRunner().invoke(main, ["documents", "--db", str(db)])
    assert "duplicate_reason" in table.output and "copy of" in table.output
