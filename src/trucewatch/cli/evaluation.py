"""``trucewatch eval realdev`` and ``eval all``, and the strict-beside-lenient table every evaluation prints."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from trucewatch.cli import evaluate, shared_dir
from trucewatch.cli.output import emit, format_option

COLUMNS = ["data", "system", "measure", "strict", "lenient", "exact", "n"]


def _value(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _prf(metrics: dict) -> str:
    return " ".join(_value(metrics[k]) for k in ("precision", "recall", "f1"))


def side_by_side(rows: list[dict], title: str) -> None:
    emit(rows, "table", COLUMNS, widths={"measure": 34},
         title=f"{title} (strict: one-to-one, half of both spans, every prediction counted; lenient: any overlap)")


def quote_rows(data: str, system: str, report: dict) -> list[dict]:
    """P/R/F1 per category, then speaker, said_on and kind accuracy over all attributions."""
    rows = [{"data": data, "system": system, "measure": f"quotes {category} P R F1", "strict": _prf(m["strict"]),
             "lenient": _prf(m["lenient"]), "exact": _prf(m["exact"]), "n": m["gold"]}
            for category, m in report.items()]
    for what in ("speaker", "said_on", "kind"):
        judged = report["all"][what]
        if judged["strict_n"] or judged["lenient_n"]:
            rows.append({"data": data, "system": system, "measure": f"{what} accuracy",
                         "strict": _value(judged["strict"]), "lenient": _value(judged["lenient"]),
                         "n": f"{judged['strict_n']}/{judged['lenient_n']}"})
    return rows


def linking_rows(data: str, summary: dict) -> list[dict]:
    return [{"data": data, "system": "trucewatch", "measure": "links P R F1", "strict": _prf(summary["strict"]),
             "lenient": _prf(summary["lenient"]), "n": summary["correct"] + summary["missed"]},
            {"data": data, "system": "trucewatch", "measure": "status agreement",
             "strict": _value(summary["status_agreement"]), "n": summary["status_n"]}]


def cleaning_rows(data: str, result: dict) -> list[dict]:
    """Seed cleaning: line-level body figures (strict by construction) and metadata."""
    pairs = [("body precision (lines)", "body_precision", None), ("body recall (lines)", "body_recall", None),
             ("date right (null = no date)", "date_accuracy", "date_accuracy_lenient"),
             ("explicit date right", "explicit_date_accuracy", None), ("title exact", "title_accuracy", None),
             ("wire", "wire_accuracy", None), ("outlet", "outlet_accuracy", None)]
    return [{"data": data, "system": "trucewatch", "measure": label, "strict": _value(result[strict]),
             "lenient": _value(result[lenient]) if lenient else "", "n": result["documents"]}
            for label, strict, lenient in pairs]


REALDEV_CHECKS = [("title exact", "title", None), ("explicit date right", "date_explicit", None),
                  ("no invented date", "date_none", "date_none_lenient"),
                  ("first body sentence kept", "body_first", None), ("last body sentence kept", "body_last", None),
                  ("boilerplate removed", "boilerplate_removed", "boilerplate_removed_lenient")]


def realdev_rows(groups: dict) -> list[dict]:
    rows = []
    for group, summary in groups.items():
        data = f"real-dev {group}"
        checks = summary["cleaning"]
        for label, strict, lenient in REALDEV_CHECKS:
            if strict in checks:
                rows.append({"data": data, "system": "trucewatch", "measure": label,
                             "strict": _value(checks[strict]["accuracy"]),
                             "lenient": _value(checks[lenient]["accuracy"]) if lenient else "",
                             "n": checks[strict]["n"]})
        rows += quote_rows(data, "trucewatch", summary["quotes"])
        rows += linking_rows(data, summary["links"])[:1]
    return rows


# A source view's date is the document's, whatever gave it: not the cleaning's measure of the date the text states.
REALDEV_VIEW_CHECKS = [("date = the date the text states", "date_as_text_states"),
                       ("dated though the text states none", "dated_where_text_states_none")]


def realdev_view_rows(groups: dict, view: str) -> list[dict]:
    """The measures a source view may change (the document's date, speakers, said_on, links), labelled with it."""
    rows = []
    for group, summary in groups.items():
        data = f"real-dev {group}, {view}"
        checks = summary["cleaning"]
        rows += [{"data": data, "system": "trucewatch", "measure": label, "strict": _value(checks[name]["accuracy"]),
                  "n": checks[name]["n"]} for label, name in REALDEV_VIEW_CHECKS if name in checks]
        rows += [r for r in quote_rows(data, "trucewatch", summary["quotes"])
                 if r["measure"] in ("speaker accuracy", "said_on accuracy")]
        rows += linking_rows(data, summary["links"])[:1]
    return rows


def _realdev(annotations: str, corpus: Path, splits: tuple[str, ...], hints: dict | None = None) -> dict:
    from trucewatch.evaluation.realdev import evaluate_realdev

    try:
        return evaluate_realdev(annotations, corpus, splits, hints)
    except FileNotFoundError as error:
        raise click.ClickException(f"{error} (see --annotations, --corpus)") from None


# The real-dev options every evaluation over the real-dev articles takes.
realdev_corpus_option = click.option(
    "--corpus", type=click.Path(exists=True, file_okay=False), default=None,
    help="Folder of the NNN.txt articles (default: $TRUCEWATCH_SHARED/corpus/real-dev).")
realdev_split_option = click.option(
    "--split", type=click.Choice(["dev", "heldout", "all"]), default="dev", show_default=True,
    help="dev: files not numbered by a multiple of 4; heldout: the others (look rarely).")
source_metadata_option = click.option(
    "--source-metadata", "source_metadata", type=click.Path(exists=True, dir_okay=False), default=None,
    help="The corpus's MANIFEST.tsv: also read each article with its URL, then with its URL and the publication "
         "date a crawler or news API returned, as a feed gives them (never annotation gold).")


@evaluate.command("realdev", short_help="Score the whole system on the real-dev annotations.")
@click.option("--annotations", type=click.Path(exists=True, file_okay=False), required=True,
              help="Folder of the NNN.json annotations (eval/real-dev of the source checkout).")
@realdev_corpus_option
@realdev_split_option
@source_metadata_option
@click.option("--rows", "per_file", is_flag=True, help="Also list one row per article.")
@format_option("table", "json")
def eval_realdev_command(annotations: str, corpus: str | None, split: str, source_metadata: str | None,
                         per_file: bool, fmt: str) -> None:
    """Titles, dates, body bounds, boilerplate, quotes, speakers, said_on and provision links on real news.

    Russian articles are reported apart too (pattern rules, no parser) and count in their split. With
    --source-metadata, the text-only figures come first, unchanged; then, for the text and its URL and for the
    text, URL and metadata date, the measures those may change: the document's date (against the date the text
    states; not the cleaning's measure), speaker, said_on and links.
    """
    from trucewatch.evaluation.realdev import SOURCE_VIEWS, read_source_metadata

    folder = shared_dir("--corpus", corpus, "corpus", "real-dev")
    result = _realdev(annotations, folder, (split,))
    if source_metadata:
        result["views"] = {view: _realdev(annotations, folder, (split,), read_source_metadata(source_metadata, view))
                           for view, columns in SOURCE_VIEWS.items() if columns}
    if fmt == "json":
        emit([result], "json", [])
        return
    rows = realdev_rows(result["groups"])
    for view, scored in result.get("views", {}).items():
        rows += realdev_view_rows(scored["groups"], view)
    side_by_side(rows, "Real-dev")
    if per_file:
        emit(result["rows"], "table", list(result["rows"][0]) if result["rows"] else [], title="Per article")
    sys.stdout.flush()


@evaluate.command("all", short_help="Every evaluation: seeds, demo, PolNeAR dev and real-dev, strict and lenient.")
@click.option("--fixtures", type=click.Path(exists=True, file_okay=False), required=True,
              help="The project's annotation fixtures (tests/fixtures: seeds/, quotes/, linking/).")
@click.option("--realdev", "realdev_dir", type=click.Path(exists=True, file_okay=False), required=True,
              help="Folder of the real-dev annotations (eval/real-dev).")
@click.option("--shared", type=click.Path(exists=True, file_okay=False), default=None,
              help="The shared data folder (corpus/, eval/polnear/). Env: TRUCEWATCH_SHARED.")
@click.option("--split", type=click.Choice(["dev", "heldout", "all"]), default="dev", show_default=True,
              help="Real-dev split.")
@format_option("table", "json")
def eval_all_command(fixtures: str, realdev_dir: str, shared: str | None, split: str, fmt: str) -> None:
    """Cleaning, quotes, speakers, said_on and linking on the seeds, the demo, PolNeAR dev and real-dev."""
    from trucewatch.cli.ingest import demo_corpus
    from trucewatch.evaluation.cleaning import evaluate as evaluate_cleaning
    from trucewatch.evaluation.linking import evaluate_linking
    from trucewatch.evaluation.polnear import read_polnear
    from trucewatch.evaluation.quotes import evaluate_polnear, evaluate_seeds, read_seed_annotations

    root = shared_dir("--shared", shared)
    seeds, own = root / "corpus" / "karabakh-seeds", Path(fixtures)
    try:
        results = {
            "seeds cleaning": evaluate_cleaning(own / "seeds", seeds),
            "seeds quotes": evaluate_seeds(read_seed_annotations(own / "quotes"), seeds, baseline=False),
            "seeds linking": evaluate_linking(seeds, own / "linking" / "karabakh-seeds.yaml").summary(),
            "demo linking": evaluate_linking(demo_corpus(), own / "linking" / "demo.yaml").summary(),
            "polnear-dev quotes": evaluate_polnear(read_polnear(root / "eval" / "polnear" / "data" / "dev"),
                                                   baseline=False),
        }
    except (OSError, ValueError, KeyError) as error:
        raise click.ClickException(f"{error} (see --fixtures, --shared)") from None
    results["real-dev"] = _realdev(realdev_dir, root / "corpus" / "real-dev", (split,))
    if fmt == "json":
        results["seeds cleaning"] = {k: v for k, v in results["seeds cleaning"].items() if k != "rows"}
        emit([results], "json", [])
        return
    rows = cleaning_rows("seeds", results["seeds cleaning"])
    rows += quote_rows("seeds", "trucewatch", results["seeds quotes"]["trucewatch"])
    rows += linking_rows("seeds", results["seeds linking"]) + linking_rows("demo", results["demo linking"])
    rows += quote_rows("polnear-dev", "trucewatch", results["polnear-dev quotes"]["trucewatch"])
    rows += realdev_rows(results["real-dev"]["groups"])
    side_by_side(rows, "All evaluations")
    sys.stdout.flush()


@evaluate.command("acled-snippets", short_help="Score ACLED sub-event types on labelled news snippets (CASE 2021).")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--ids", type=click.Choice(["odd", "even", "all"]), default="odd", show_default=True,
              help="Which snippets by numeric id: odd ones to tune on, even ones held out (look rarely).")
@click.option("--confusions", "show_confusions", is_flag=True, help="Also list the commonest confusions.")
@format_option("table", "json")
def eval_acled_snippets_command(file: str, ids: str, show_confusions: bool, fmt: str) -> None:
    """Weighted and macro F1, accuracy, coverage and per-type P/R/F1 of the ACLED sub-event type the incident
    stage gives each snippet of FILE (a TSV: id, EventSnippet, SubType, as the CASE 2021 shared task 2 test
    set with labels). Scope `acled`: the snippets labelled with one of ACLED's 25 sub-event types; `all`: every
    snippet, a label that is no ACLED type (disasters, crime, diplomacy, attribution) counted right when no
    incident is found. A snippet without incident counts as wrong."""
    from trucewatch.evaluation.acled_snippets import evaluate_acled_snippets

    try:
        result = evaluate_acled_snippets(file, ids)
    except (KeyError, ValueError) as error:
        raise click.ClickException(f"{file}: {error} (expected columns id, EventSnippet, SubType)") from None
    if fmt == "json":
        emit([result], "json", [])
        return
    rows = [{"scope": scope, "measure": measure, "value": _value(result[scope][key]), "n": result[scope]["n"]}
            for scope in ("acled", "all")
            for measure, key in (("weighted F1", "weighted_f1"), ("macro F1", "macro_f1"),
                                 ("accuracy", "accuracy"), ("coverage", "coverage"))]
    emit(rows, "table", ["scope", "measure", "value", "n"], title=f"ACLED sub-event types, {ids} ids (strict)")
    types = [{"sub-event type": name, "P": _value(m["precision"]), "R": _value(m["recall"]), "F1": _value(m["f1"]),
              "support": m["support"], "predicted": m["predicted"]} for name, m in result["all"]["per_type"].items()]
    emit(types, "table", ["sub-event type", "P", "R", "F1", "support", "predicted"], title="Per type (scope all)")
    if show_confusions:
        emit(result["confusions"][:40], "table", ["gold", "predicted", "n"], title="Commonest confusions")
    sys.stdout.flush()
