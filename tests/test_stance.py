"""Stance: graded, explainable assessments of targets by actors, on the seed articles' own words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trucewatch.assess.stance import StanceDataError, load_lexicon, load_targets, observe, series, stance
from trucewatch.records import BodySpan, Document, Statement

DEC = "000_0bfb6b525d050286.txt"  # 18 Dec 2020: "very successfully"
FEB = "004_e65fb313b34ee5a9.txt"  # 26 Feb 2021: "certain problems ... in general satisfactory"


def _doc(doc_id: str, body: str, published: str | None = None) -> Document:
    return Document(id=doc_id, source_key=doc_id, source_path=f"{doc_id}.txt", locator="", content_type="text",
                    raw_text=body, body=body, body_spans=[BodySpan(0, 0, len(body))], published=published)


def _statement(doc: Document, text: str, said_on: str | None, speaker: str | None = "ilham-aliyev") -> Statement:
    start = doc.body.index(text)
    return Statement(doc.id, "direct", start, start + len(text), text, speaker=speaker,
                     speaker_name="Ilham Aliyev" if speaker else None, said_on=said_on)


@pytest.fixture(scope="module")
def seed_docs(seeds: list[Path]) -> dict[str, Document]:
    by_name = {p.name: p for p in seeds}
    return {name: _doc(name[:3], by_name[name].read_text(encoding="utf-8")) for name in (DEC, FEB)}


def test_very_successfully_is_very_positive_and_explained(seed_docs):
    doc = seed_docs[DEC]
    quote = "It [the peacekeeping mission] is being carried out very successfully"
    (obs,) = observe(_statement(doc, quote, "2020-12-18"), doc)
    assert (obs.actor, obs.target, obs.date) == ("ilham-aliyev", "peacekeeping-mission", "2020-12-18")
    assert obs.score == 2 and obs.label == "very positive"
    assert obs.mention == "peacekeeping mission"
    (cue,) = obs.cues
    assert doc.body[cue.start:cue.end] == "successfully"
    assert "intensifier 'very'" in cue.rule


def test_assessment_moves_between_december_and_february(seed_docs):
    dec, feb = seed_docs[DEC], seed_docs[FEB]
    quote = "It [the peacekeeping mission] is being carried out very successfully"
    first = observe(_statement(dec, quote, "2020-12-18"), dec)
    start = feb.body.index("The activity of foreign soldiers")
    end = feb.body.index("stability of our region.") + len("stability of our region.")
    later = observe(_statement(feb, feb.body[start:end], "2021-02-26"), feb)
    by_target = {o.target: o for o in later}
    mission = by_target["peacekeeping-mission"]
    assert 0 < mission.score < first[0].score
    assert mission.label == "positive, with reservations"
    problems = next(c for c in mission.cues if c.text == "problems")
    assert problems.score == -0.5 and "hedge 'Sometimes'" in problems.rule  # not "certain" (issue 9)
    satisfactory = next(c for c in mission.cues if c.text == "satisfactory")
    assert "in general" in satisfactory.rule and 0 < satisfactory.score < 1
    # "a very important step" is about the monitoring centre, not the peacekeepers
    assert by_target["joint-monitoring-centre"].label.startswith("very positive")
    assert not any(c.text == "important" for c in mission.cues)
    grouped = series(first + later)
    assert [o.date for o in grouped[("ilham-aliyev", "peacekeeping-mission")]] == ["2020-12-18", "2021-02-26"]


def test_negation_flips_and_unattributed_statements_have_no_stance():
    doc = _doc("n1", "The peacekeepers have not been effective, the minister said.")
    (obs,) = observe(_statement(doc, "The peacekeepers have not been effective", "2021-05-01"), doc)
    assert obs.score < 0 and "negation 'not'" in obs.cues[0].rule
    assert observe(_statement(doc, "The peacekeepers have not been effective", None, speaker=None), doc) == []


def test_partial_quote_is_read_in_its_sentence_and_dated_by_the_document():
    body = ("Header line\nAliyev said the Russian peacekeeping mission was being carried out \"very successfully\". "
            "He spoke online.")
    doc = _doc("p1", body, published="2020-12-18T10:00")
    (obs,) = observe(_statement(doc, "very successfully", None), doc)
    assert obs.target == "peacekeeping-mission" and obs.score == 2 and obs.date == "2020-12-18"
    assert body[obs.start:obs.end].startswith("Aliyev said the Russian peacekeeping mission")
    assert "He spoke" not in obs.text


def test_stance_over_documents_skips_statements_of_absent_documents():
    doc = _doc("s1", "Aliyev said the peacekeepers worked very successfully.")
    st = _statement(doc, "the peacekeepers worked very successfully", "2021-01-01")
    other = Statement("gone", "direct", 0, 10, "the peacekeepers failed", speaker="x")
    assert [o.doc_id for o in stance([st, other], {doc.id: doc})] == ["s1"]


def test_bundled_data_is_valid_and_user_files_are_checked(tmp_path):
    assert {t.id for t in load_targets()} >= {"peacekeeping-mission", "agreement", "joint-monitoring-centre",
                                              "osce-minsk-group"}
    assert load_lexicon().label(2) == "very positive"
    broken = yaml.safe_load((Path(__file__).parents[1] / "src/trucewatch/data/stance/lexicon.yaml").read_text())
    broken["terms"][0]["score"] = "high"
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(broken))
    with pytest.raises(StanceDataError, match=r"terms/0/score"):
        load_lexicon(str(path))
    path.write_text("targets: [unclosed")
    with pytest.raises(StanceDataError, match="not valid YAML"):
        load_targets(str(path))


def test_condemning_those_who_would_revise_the_agreement_is_not_negative_toward_it():
    text = ("The trilateral statement is being implemented successfully, and revanchist forces who try to revise "
            "the trilateral statement will face failure.")
    doc = _doc("r1", text)
    observations = observe(_statement(doc, text, "2021-03-01"), doc)
    assert observations and all(o.score > 0 for o in observations), [o.explanation for o in observations]


@pytest.mark.parametrize(("text", "negative"), [
    ("Only one incident was recorded in the zone of the peacekeepers over the past day.", False),
    ("Several incidents were recorded in the zone of the peacekeepers over the past day.", True),
])
def test_a_count_of_how_little_happened_is_no_complaint(text, negative):
    doc = _doc("i1", text)
    (obs,) = observe(_statement(doc, text, "2021-03-01", speaker="russia-mod"), doc)
    assert (obs.score < 0) is negative, obs.explanation
