"""Linking precision/recall and status agreement on the annotated seed sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trucewatch.cli import main
from trucewatch.cli.ingest import demo_corpus
from trucewatch.evaluation.linking import GoldSentence, LinkingScore, evaluate_linking, score_document
from trucewatch.records import EvidenceLink, Sentence

SEED_ANNOTATIONS = Path(__file__).parent / "fixtures" / "linking" / "karabakh-seeds.yaml"
# Measured on the five seed articles (sentences alone and with statements), dated by the system alone:
# strict precision 0.804 (9 predictions on optional labels count as wrong; lenient 1.0), recall 0.974
# (38 gold links), status agreement 0.923 (12/13; 1.0 while the annotated dates were fed in).
# Thresholds leave a small margin.
# Superseded by scoped evidence (issue 9): the seeds annotate every mention of the agreement or the peacekeepers,
# and naming the agreement, restating its terms or mentioning the contingent in passing is no longer evidence
# (validated on real-dev instead, where those mentions are not links). Now: strict precision 0.800, recall 0.526,
# status agreement 0.923 (12/13, with "no evidence" told apart from "not initiated").
MIN_PRECISION, MIN_RECALL, MIN_STATUS = 0.78, 0.5, 0.9
# The bundled demo digests: strict precision 0.694 (19 on optional labels; lenient 1.0), recall 0.915
# (47 gold links; 0.787 before the indicators were revised after a first run), status and deadline
# agreement 1.0 (18 expectations).
DEMO = demo_corpus()
DEMO_ANNOTATIONS = Path(__file__).parent / "fixtures" / "linking" / "demo.yaml"
# With scoped evidence: precision 0.771, recall 0.787 (terms restated on the signing day are no longer links).
MIN_DEMO_PRECISION, MIN_DEMO_RECALL, MIN_DEMO_STATUS = 0.67, 0.75, 0.94


@pytest.fixture(scope="module")
def seed_corpus(seeds):
    return seeds[0].parent


@pytest.mark.parametrize("statements", [False, True], ids=["sentences", "with-statements"])
def test_linking_quality_on_the_annotated_seeds(seed_corpus, statements):
    score = evaluate_linking(seed_corpus, SEED_ANNOTATIONS, statements=statements)
    assert score.correct + score.missed >= 35  # the gold set is all there
    assert score.precision >= MIN_PRECISION, score.errors
    assert score.recall >= MIN_RECALL, score.errors
    assert score.lenient_precision >= score.precision
    assert score.status_agreement >= MIN_STATUS, score.status_rows


@pytest.mark.parametrize("statements", [False, True], ids=["sentences", "with-statements"])
def test_linking_quality_on_the_demo_digests(statements):
    score = evaluate_linking(DEMO, DEMO_ANNOTATIONS, statements=statements)
    assert score.correct + score.missed >= 45 and not score.unmatched_keys
    assert score.precision >= MIN_DEMO_PRECISION, score.errors
    assert score.recall >= MIN_DEMO_RECALL, score.errors
    assert score.status_agreement >= MIN_DEMO_STATUS, score.status_rows


def test_scoring_counts_right_wrong_missed_and_optional():
    sentences = [Sentence("d", 0, 0, 20, "Peacekeepers arrived."), Sentence("d", 1, 21, 40, "The weather was fine."),
                 Sentence("d", 2, 41, 70, "Prisoners were exchanged today.")]

    def link(provision: str, start: int, end: int) -> EvidenceLink:
        return EvidenceLink("a", provision, "d", start, end, "", 1.0, "")

    gold = [GoldSentence("Peacekeepers arrived", frozenset({"a:3"}), frozenset({"a:5"})),
            GoldSentence("Prisoners were", frozenset({"a:8"}), frozenset()),
            GoldSentence("no such sentence", frozenset({"a:1"}), frozenset())]
    score = LinkingScore()
    score_document(sentences, [link("3", 0, 20), link("5", 0, 20), link("9", 21, 40)], gold, score, "d")
    assert (score.correct, score.optional, score.wrong, score.missed) == (1, 1, 1, 1)  # a:5 optional, a:9 wrong
    assert score.unmatched_keys == ["d: no such sentence"]
    assert (score.precision, score.recall) == (0.333, 0.5)  # strict: the optional prediction counts as wrong
    assert (score.lenient_precision, score.lenient_recall) == (0.5, 0.5)


def test_eval_linking_command(seed_corpus):
    result = CliRunner().invoke(main, ["eval", "linking", "--corpus", str(seed_corpus), "--annotations",
                                       str(SEED_ANNOTATIONS), "--no-statements", "--format", "json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    assert report["strict"]["precision"] >= MIN_PRECISION and report["strict"]["recall"] >= MIN_RECALL
    assert report["lenient"]["precision"] >= report["strict"]["precision"]
    assert "karabakh-2020-11-10:3" in report["by_label"]
    assert {row["provision"] for row in report["status"]} >= {"1", "3", "8"}


def test_eval_linking_names_the_missing_option(monkeypatch):
    monkeypatch.delenv("TRUCEWATCH_SHARED", raising=False)
    result = CliRunner().invoke(main, ["eval", "linking", "--annotations", str(SEED_ANNOTATIONS)])
    assert result.exit_code != 0 and "--corpus" in result.output and "TRUCEWATCH_SHARED" in result.output
    result = CliRunner().invoke(main, ["eval", "linking", "--corpus", str(DEMO)])
    assert result.exit_code != 0 and "--annotations" in result.output
