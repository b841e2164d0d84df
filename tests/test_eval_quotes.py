"""The brat reader and the scorer on a tiny synthetic example; the seed annotations as a regression gate."""

from __future__ import annotations

from pathlib import Path

from conftest import need

from trucewatch.actors import load_registry
from trucewatch.evaluation.polnear import GoldAttribution, read_ann, read_polnear
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


def test_scorer_gives_strict_exact_and_lenient_figures_side_by_side():
    gold = read_ann(ANN, TEXT)
    scorer = Scorer()
    scorer.add(gold, [
        Prediction(1, 17, True, ((19, 24),), "Smith"),  # exact once quote marks and comma are trimmed
        Prediction(46, 59, False, ((61, 67),), "Nobody"),  # 12 of Jones's 14 characters: strict, wrong speaker
        Prediction(61, 63, False),  # 2 of 12 characters: lenient only
    ], TEXT)
    report = scorer.report()
    quoted, unquoted = report["quoted"], report["unquoted"]
    assert quoted["strict"] == quoted["exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert quoted["speaker"]["strict"] == 1.0
    assert unquoted["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert unquoted["exact"]["recall"] == 0.0
    assert unquoted["lenient"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert unquoted["speaker"]["strict"] == 0.0 and unquoted["speaker"]["strict_n"] == 1
    assert report["all"]["gold"] == 3 and report["all"]["predicted"] == 3


def test_speaker_needs_the_actor_or_the_full_name_in_strict():
    registry = load_registry()
    gold = [GoldAttribution(((0, 10),), speaker=("Ilham Aliyev", "Aliyev"), said_on="2020-11-10", kind="direct"),
            GoldAttribution(((20, 30),), speaker=("Jane Unknown-Person", "Unknown-Person"), kind="indirect")]
    right = [Prediction(0, 10, True, speaker="ilham-aliyev", said_on="2020-11-10", kind="direct"),
             Prediction(20, 30, False, speaker="provisional:jane", speaker_name="Jane Unknown-Person", kind="partial")]
    surname_only = [Prediction(0, 10, True, speaker="provisional:x", speaker_name="Mr Aliyev", said_on="2020-11-11"),
                    Prediction(20, 30, False, speaker_text="Ms Unknown-Person")]
    for predictions, strict, lenient in ((right, 1.0, 1.0), (surname_only, 0.0, 1.0)):
        scorer = Scorer(registry)
        scorer.add(gold, predictions)
        speaker = scorer.report()["all"]["speaker"]
        assert (speaker["strict"], speaker["lenient"]) == (strict, lenient), predictions
    assert scorer.report()["all"]["said_on"]["strict"] == 0.0
    scorer = Scorer(registry)
    scorer.add(gold, right)
    assert scorer.report()["all"]["said_on"] == {"strict": 1.0, "strict_n": 1, "lenient": 1.0, "lenient_n": 1}
    assert scorer.report()["all"]["kind"]["strict"] == 0.5


def test_polnear_speaker_span_must_match_strictly():
    gold = read_ann(ANN, TEXT)[:1]
    one_letter = [Prediction(0, 18, True, ((23, 30),), "h said")]  # overlaps "Smith" by one character
    scorer = Scorer()
    scorer.add(gold, one_letter)
    speaker = scorer.report()["quoted"]["speaker"]
    assert speaker["strict"] == 0.0 and speaker["lenient"] == 1.0


def test_scorer_accepts_the_same_entity_named_elsewhere():
    gold = read_ann(ANN, TEXT)[:1]
    scorer = Scorer()
    scorer.add(gold, [Prediction(0, 18, True, ((200, 202),), "he", "provisional:john-smith", "John Smith")])
    assert scorer.report()["quoted"]["speaker"]["lenient"] == 1.0
    assert scorer.report()["quoted"]["speaker"]["strict"] == 0.0  # "Smith" is not the full name "John Smith"


def test_strict_speaker_is_the_gold_source_less_its_appositive():
    text = "Taxes rise, said David Kamin, an adviser to the campaign, on Monday."
    gold = [GoldAttribution(((0, 10),), ((17, 55),), source_text=text[17:55], quoted=True)]
    for name, right in (("David Kamin", 1.0), ("Kamin", 0.0), ("an adviser", 0.0)):
        scorer = Scorer()
        scorer.add(gold, [Prediction(0, 10, True, ((17, 28),), name, "provisional:x", name)])
        assert scorer.report()["quoted"]["speaker"]["strict"] == right, name


# Measured on the seed annotations (trucewatch eval quotes --seeds), strict, no gold date fed in: all F1 0.911,
# quoted F1 0.982, speaker accuracy 0.978, said_on accuracy 0.413 (lenient F1 0.941; said_on was 1.0 only while
# the evaluation injected the annotated publication date). The gate sits a little below, so a regression fails.
THRESHOLDS = {("all", "f1"): 0.91, ("quoted", "f1"): 0.95}
JUDGED_THRESHOLDS = {("all", "speaker"): 0.94, ("all", "said_on"): 0.36}


def test_seed_annotations_score_at_least_what_was_measured(seeds):
    notes = read_seed_annotations(FIXTURES)
    assert len(notes) == 5 and sum(len(n.gold) for n in notes) >= 50
    report = evaluate_seeds(notes, seeds[0].parent, baseline=False)["trucewatch"]
    for (category, metric), threshold in THRESHOLDS.items():
        assert report[category]["strict"][metric] >= threshold, (category, metric, report[category])
    for (category, what), threshold in JUDGED_THRESHOLDS.items():
        assert report[category][what]["strict"] >= threshold, (category, what, report[category])
    assert report["all"]["lenient"]["f1"] >= report["all"]["strict"]["f1"] >= report["all"]["exact"]["f1"]


# Measured on PolNeAR dev (trucewatch eval quotes), strict: quoted F1 0.847, quoted speaker accuracy 0.912,
# unquoted precision 0.797 (lenient: 0.965, 0.905, 0.948). The gate sits a little below.
POLNEAR_THRESHOLDS = {("quoted", "f1"): 0.83, ("unquoted", "precision"): 0.76}


def test_polnear_dev_scores_at_least_what_was_measured(shared):
    folder = shared / "eval" / "polnear" / "data" / "dev"
    need(folder.is_dir(), f"PolNeAR dev split missing at {folder}")
    report = evaluate_polnear(read_polnear(folder), baseline=False)["trucewatch"]
    assert report["quoted"]["gold"] > 600
    for (category, metric), threshold in POLNEAR_THRESHOLDS.items():
        assert report[category]["strict"][metric] >= threshold, (category, metric, report[category])
    assert report["quoted"]["speaker"]["strict"] >= 0.89
