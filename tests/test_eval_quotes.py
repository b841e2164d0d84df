"""The brat reader and the scorer on a tiny synthetic example; the seed annotations as a regression gate."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import need

from trucewatch.evaluation.polnear import read_ann, read_polnear
from trucewatch.evaluation.quotes import Prediction, Scorer, evaluate_polnear, evaluate_seeds, read_seed_annotations

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
TEXT = '"Taxes will fall," Smith said. Jones argued that rates rise. Nobody knows.\n'
ANN = """T1\tContent 0 18\t"Taxes will fall,"
T2\tSource 19 24\tSmith
T3\tCue 25 29\tsaid
T4\tAttribution 25 29\tsaid
E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
T5\tSource 31 36\tJones
T6\tCue 37 43\targued
T7\tContent 44 48;49 59\tthat rates rise
T8\tAttribution 37 43\targued
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
T9\tContent 61 74\tNobody knows.
T10\tAttribution 61 62\tN
E3\tAttribution-no-source:T10 Content:T9
broken line without tabs
"""


def test_brat_reader_keeps_discontinuous_spans_sources_and_quotedness(tmp_path):
    gold = read_ann(ANN, TEXT)
    assert [(g.content, g.source, g.source_text, g.quoted) for g in gold] == [
        (((0, 18),), ((19, 24),), "Smith", True),
        (((44, 48), (49, 59)), ((31, 36),), "Jones", False),
        (((61, 74),), (), None, False),
    ]
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "pub_2016-10-01_story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "pub_2016-10-01_story_b2.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "pub_2016-10-01_story_a1.ann").write_text(ANN, encoding="utf-8")
    (doc,) = read_polnear(tmp_path)
    assert doc.published == "2016-10-01" and len(doc.attributions) == 3  # the first annotator's file


def test_scorer_counts_coverage_precision_and_speakers():
    gold = read_ann(ANN, TEXT)
    scorer = Scorer()
    scorer.add(gold, [
        Prediction(1, 17, True, ((19, 24),), "Smith"),  # found, right speaker span
        Prediction(46, 59, False, ((61, 67),), "Nobody"),  # covers 12/14 of Jones's content, wrong speaker
        Prediction(61, 63, False),  # covers 2/13 < 30%: not found, not correct
    ])
    report = scorer.report()
    assert report["quoted"] == {"gold": 1, "predicted": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0,
                                "speaker_accuracy": 1.0, "speaker_n": 1, "said_on_accuracy": None}
    assert report["unquoted"]["recall"] == 0.5 and report["unquoted"]["precision"] == 0.5
    assert report["unquoted"]["speaker_accuracy"] == 0.0
    assert report["all"]["f1"] == pytest.approx(2 * 0.667 * 0.667 / 1.333, abs=0.01)


def test_scorer_accepts_the_same_entity_named_elsewhere():
    gold = read_ann(ANN, TEXT)[:1]
    scorer = Scorer()
    scorer.add(gold, [Prediction(0, 18, True, ((200, 202),), "he", "provisional:john-smith", "John Smith")])
    assert scorer.report()["quoted"]["speaker_accuracy"] == 1.0


# Measured on the seed annotations (trucewatch eval quotes --seeds): all F1 0.97, quoted F1 1.0,
# speaker accuracy 0.98, said_on accuracy 1.0. The gate sits a little below, so a regression fails.
THRESHOLDS = {("all", "f1"): 0.93, ("quoted", "f1"): 0.95, ("all", "speaker_accuracy"): 0.94,
              ("all", "said_on_accuracy"): 0.95}


def test_seed_annotations_score_at_least_what_was_measured(seeds):
    notes = read_seed_annotations(FIXTURES)
    assert len(notes) == 5 and sum(len(n.gold) for n in notes) >= 50
    report = evaluate_seeds(notes, seeds[0].parent, baseline=False)["trucewatch"]
    for (category, metric), threshold in THRESHOLDS.items():
        assert report[category][metric] >= threshold, (category, metric, report[category])


# Measured on PolNeAR dev (trucewatch eval quotes): quoted F1 0.949, quoted speaker accuracy 0.902,
# unquoted precision 0.906. The gate sits a little below, so a regression fails.
POLNEAR_THRESHOLDS = {("quoted", "f1"): 0.92, ("quoted", "speaker_accuracy"): 0.88, ("unquoted", "precision"): 0.87}


def test_polnear_dev_scores_at_least_what_was_measured(shared):
    folder = shared / "eval" / "polnear" / "data" / "dev"
    need(folder.is_dir(), f"PolNeAR dev split missing at {folder}")
    report = evaluate_polnear(read_polnear(folder), baseline=False)["trucewatch"]
    assert report["quoted"]["gold"] > 600
    for (category, metric), threshold in POLNEAR_THRESHOLDS.items():
        assert report[category][metric] >= threshold, (category, metric, report[category])
