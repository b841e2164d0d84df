"""Commands of the agreements and evidence stages (agreements, status, linking evaluation)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from trucewatch.cli import db_option, evaluate, main, open_store
from trucewatch.cli.evaluation import realdev_corpus_option, realdev_split_option
from trucewatch.cli.output import emit, format_option

if TYPE_CHECKING:  # the commands import what they use: `--help` loads no YAML, SQL or NLP
    from trucewatch.agreements import Agreement
    from trucewatch.store import Store

as_of_option = click.option(
    "--as-of", "as_of", metavar="DATE", default=None,
    help="Only what was known by this date, YYYY-MM-DD (default: the newest evidence of the agreement).")
agreements_path_option = click.option(
    "--agreements", "agreement_paths", multiple=True, metavar="PATH", type=click.Path(exists=True),
    help="Extra agreement file or directory (repeatable). Env: TRUCEWATCH_AGREEMENTS.")


def load_agreement_files(paths: tuple[str, ...] = ()) -> dict[str, Agreement]:
    """Bundled agreements, $TRUCEWATCH_AGREEMENTS and ``--agreements``; a bad file is a one-line error."""
    from trucewatch.agreements import AgreementError, load_agreements

    try:
        return load_agreements(paths)
    except AgreementError as error:
        raise click.ClickException(str(error)) from None


def _date_option(value: str | None, hint: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=hint) from None


agreement_option = click.option("--agreement", "agreement_id", metavar="ID", default=None,
                                help="Agreement id, e.g. karabakh-2020-11-10 (optional when only one is loaded).")


def chosen_agreement(agreement_id: str | None, paths: tuple[str, ...] = ()) -> Agreement:
    """The agreement named by --agreement, or the only one loaded; a clear usage error otherwise."""
    agreements = load_agreement_files(paths)
    if agreement_id is None:
        if len(agreements) == 1:
            return next(iter(agreements.values()))
        raise click.UsageError(f"choose an agreement with --agreement: {', '.join(sorted(agreements)) or 'none'}")
    if agreement_id not in agreements:
        raise click.UsageError(f"no agreement {agreement_id!r}; known: {', '.join(sorted(agreements))}")
    return agreements[agreement_id]


@main.command("agreements", short_help="List the known agreements, or the provisions of one.")
@click.option("--show", "show_id", metavar="ID", default=None, help="List the provisions of one agreement.")
@agreements_path_option
@format_option()
def agreements_command(show_id: str | None, agreement_paths: tuple[str, ...], fmt: str) -> None:
    """List the agreements (bundled and your own), or the provisions of one with --show."""
    agreements = load_agreement_files(agreement_paths)
    if show_id is None:
        rows = [{"id": a.id, "title": a.short_title or a.title, "signed": a.signed, "effective": a.effective,
                 "provisions": len(a.provisions), "parties": ", ".join(p.id for p in a.parties),
                 "language": (a.language_used().language if a.language_used() else ""),
                 "text_source": a.language_used().source if a.language_used() else "", "path": a.path}
                for a in agreements.values()]
        emit(rows, fmt, ["id", "title", "signed", "provisions"], widths={"title": 48}, title="Agreements")
        return
    if show_id not in agreements:
        raise click.UsageError(f"no agreement {show_id!r}; known: {', '.join(sorted(agreements))}")
    agreement = agreements[show_id]
    rows = []
    for p in agreement.provisions:
        rows.append({
            "provision": p.number, "topic": p.topic, "obligated": ", ".join(p.obligated),
            "deadlines": "; ".join(f"{d.id} {d.due}" for d in p.deadlines),
            "quantities": "; ".join(f"{q.value:g} {q.unit}" + (f" ({q.what})" if q.what else "") for q in p.quantities),
            "term": (f"{p.term.duration} from {p.term.starts}"
                     + (f", renews {p.term.renewal} unless notice {p.term.notice} before expiry"
                        if p.term.automatic and p.term.renewal and p.term.notice else "")) if p.term else "",
            "amendments": "; ".join(f"{a.id} ({a.date})" for a in agreement.amendments_for(p.number)),
            "text": p.text.strip(),
        })
    emit(rows, fmt, ["provision", "topic", "deadlines", "quantities", "term", "amendments"],
         widths={"topic": 24, "quantities": 36, "term": 36}, title=agreement.short_title or agreement.title)


def _deadline_summary(record: dict) -> str:
    parts = []
    for d in record["deadlines"]:
        moved = f", moved to {d['effective_due']} by {d['moved_by']}" if d["moved_by"] else ""
        parts.append(f"{d['id']} {d['due']}{moved}: {d['state']}")
    if record["term"]:
        parts.append(f"term {record['term']['state']}: {record['term']['note']}")
    return "; ".join(parts)


EVIDENCE_SHOWN = 20  # per provision: on a large store the whole list is tens of megabytes


def _latest_evidence(record: dict, shown: int) -> dict:
    """The record with its latest ``shown`` pieces of evidence (all when 0) and the count of all of them."""
    evidence = record["evidence"]
    undated = record["undated"]
    return {**record, "evidence": evidence[-shown:] if shown else evidence, "evidence_total": len(evidence),
            "undated": undated[:shown] if shown else undated, "undated_total": len(undated)}


@main.command("status", short_help="Implementation status of each provision, with evidence.")
@agreement_option
@db_option
@as_of_option
@agreements_path_option
@format_option()
@click.option("--evidence", "shown", type=click.IntRange(min=0), default=EVIDENCE_SHOWN, show_default=True,
              help="Pieces of evidence listed per provision (the latest); 0 for all.")
def status_command(agreement_id: str | None, db: str | None, as_of: str | None, agreement_paths: tuple[str, ...],
                   fmt: str, shown: int) -> None:
    """Implementation status of each provision, with deadlines, term and the evidence behind it.

    Status is "no evidence" (nothing reported), the Peace Accords Matrix scale (0 not initiated, 1 minimal,
    2 intermediate, 3 full), "disputed", "regressed" or "terminated" (docs/status-model.md); each change
    cites the evidence that moved it and the evidence against it. Reads the evidence links written by
    `trucewatch analyse`. CSV has one row per provision; JSON and JSONL add the history, deadlines,
    term and the latest pieces of evidence (--evidence; evidence_total counts them all), each with the
    `id` that `trucewatch review evidence` takes. Only evidence dated from the signing to --as-of is
    counted; evidence without a date is listed apart (undated, undated_total) and counts for nothing.
    """
    from trucewatch.web.views import agreement_status  # each piece of evidence with the id `review evidence` takes

    agreement = chosen_agreement(agreement_id, agreement_paths)
    store = open_store(db)
    try:
        when, _ = as_of_or_default(store, agreement.id, as_of)
        records = [_latest_evidence(r, shown) for r in agreement_status(store, agreement, when)]
    finally:
        store.close()
    if fmt in ("json", "jsonl"):
        emit(records, fmt, [])
        return
    rows = [{"provision": r["provision"], "topic": r["topic"], "status": r["label"], "since": r["since"],
             "evidence": r["evidence_total"], "sides": ", ".join(r["coverage"]["sides"]),
             "last report": r["coverage"]["last_report"], "incidents": r["incidents"]["count"] or "",
             "deadlines and term": _deadline_summary(r)} for r in records]
    emit(rows, fmt, ["provision", "topic", "status", "since", "evidence", "sides", "last report", "incidents",
                     "deadlines and term"],
         title=f"{agreement.short_title or agreement.id}: status as of {when}")
    if fmt == "csv":
        return
    for r in records:
        if r["evidence"] or r["undated"] or r["incidents"]["count"]:
            click.echo(f"\n{r['provision']} {r['topic']}: {r['label']}"
                       + (f" · {r['incidents']['summary']}" if r["incidents"]["count"] else ""))
        for x in r["evidence"]:
            click.echo("  " + _evidence_line(x))
        if r["evidence_total"] > len(r["evidence"]):
            click.echo(f"  ... and {r['evidence_total'] - len(r['evidence']):,} earlier (--evidence 0 lists all)")
        if r["undated"]:
            click.echo("  without a date (not counted: the status cannot place it in time):")
        for x in r["undated"]:
            click.echo("    " + _evidence_line(x))
        if r["undated_total"] > len(r["undated"]):
            click.echo(f"    ... and {r['undated_total'] - len(r['undated']):,} more (--evidence 0 lists all)")
    if any(r["evidence"] or r["undated"] for r in records):
        click.echo("\nConfirm or reject a line by its id: trucewatch review evidence ID --verdict confirmed|rejected")
    else:
        click.echo(f"No evidence for {agreement.id} dated from its signing to {when}: `trucewatch analyse` "
                   "writes it.", err=True)


def as_of_or_default(store: Store, agreement_id: str | None, value: str | None) -> tuple[date, str]:
    """``--as-of`` when given; else the newest evidence date (or today), said on stderr, and how it was chosen."""
    from trucewatch.assess.views import default_as_of

    when = _date_option(value, "--as-of")
    if when is not None:
        return when, ""
    when, how = default_as_of(store, agreement_id)
    click.echo(f"as of {when} ({how})", err=True)
    return when, how


def _evidence_line(x: dict) -> str:
    """A line of evidence with the id that `trucewatch review evidence` takes and any reviewer's verdict."""
    who = f" {x['speaker']}" if x["speaker"] else ""
    signal = f" [{x['signal']}]" if x["signal"] else ""
    verdict = f" [{x['review']['verdict']} by {x['review']['user']}]" if x.get("review") else ""
    text = " ".join(x["text"].split())
    return (f"{x['date'] or 'undated'}{who} {x['id']} ({x['doc_id']}:{x['start']}-{x['end']}){signal}{verdict} "
            f"{text[:160]}")


@evaluate.command("contradictions", short_help="Score conflicting accounts on the real-dev pairs.")
@click.option("--annotations", type=click.Path(exists=True, dir_okay=False), required=True,
              help="Gold pairs, e.g. eval/real-dev/contradictions.json of the source checkout.")
@realdev_corpus_option
@realdev_split_option
@format_option("table", "json")
def eval_contradictions_command(annotations: str, corpus: str | None, split: str, fmt: str) -> None:
    """Precision and recall of the contradictions between the two sides' accounts (strict: both citations
    cover half of their gold span, provision right; lenient: any overlap), with what was wrong or missed."""
    from trucewatch.cli import shared_dir
    from trucewatch.evaluation.contradictions import evaluate_contradictions

    folder = shared_dir("--corpus", corpus, "corpus", "real-dev")
    try:
        result = evaluate_contradictions(annotations, folder, split)
    except (FileNotFoundError, ValueError) as error:
        raise click.ClickException(f"{error} (see --annotations, --corpus)") from None
    if fmt == "json":
        emit([result], "json", [])
        return
    emit([{"metric": k, "strict": result["strict"][k], "lenient": result["lenient"][k]}
          for k in ("precision", "recall", "correct")] + [{"metric": k, "strict": result[k]}
                                                          for k in ("gold", "predicted")],
         fmt, ["metric", "strict", "lenient"], title=f"Conflicting accounts, real-dev {split}")
    for kind in ("wrong", "missed"):
        for line in result[kind]:
            click.echo(f"{kind}: {line}")


@evaluate.command("linking", short_help="Score evidence linking and status on annotated sentences.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of the annotated articles (default: $TRUCEWATCH_SHARED/corpus/karabakh-seeds).")
@click.option("--annotations", type=click.Path(exists=True, dir_okay=False), required=True,
              help="Gold links, e.g. tests/fixtures/linking/karabakh-seeds.yaml of the source checkout.")
@click.option("--statements/--no-statements", default=True, show_default=True,
              help="Attribute links with the statements stage.")
@click.option("--errors", is_flag=True, help="Also list every wrong and missed link.")
@format_option("table", "json")
def eval_linking_command(corpus: str | None, annotations: str, statements: bool, errors: bool,
                         fmt: str) -> None:
    """Linking precision/recall on annotated sentences (strict: every prediction counted; lenient: predictions
    on optional labels left out), and status agreement with expected statuses."""
    from trucewatch.agreements import AgreementError
    from trucewatch.cli import shared_dir
    from trucewatch.evaluation.linking import evaluate_linking

    corpus_path = shared_dir("--corpus", corpus, "corpus", "karabakh-seeds")
    try:
        score = evaluate_linking(corpus_path, annotations, statements=statements)
    except (FileNotFoundError, AgreementError) as error:
        raise click.ClickException(f"{error} (see --corpus, --annotations)") from None
    summary = score.summary()
    if fmt == "json":
        emit([{**summary, "by_label": {k: dict(v) for k, v in sorted(score.by_label.items())},
               "status": score.status_rows, "errors": score.errors}], "json", [])
        return
    rows = [{"metric": k, "strict": summary["strict"][k], "lenient": summary["lenient"][k]}
            for k in ("precision", "recall", "f1")]
    rows += [{"metric": k, "strict": v} for k, v in summary.items() if k not in ("strict", "lenient", "unmatched_keys")]
    emit(rows, fmt, ["metric", "strict", "lenient"], title="Evidence linking on annotated sentences")
    emit([{"label": k, **v} for k, v in sorted(score.by_label.items())], fmt,
         ["label", "correct", "wrong", "optional", "missed"], title="By provision")
    emit(score.status_rows, fmt, ["agreement", "as_of", "provision", "expected", "actual"], title="Status")
    if summary["unmatched_keys"]:
        click.echo(f"{len(summary['unmatched_keys'])} annotation keys match no sentence "
                   f"(text outside the cleaned body?): " + "; ".join(summary["unmatched_keys"]), err=True)
    if errors:
        emit(score.errors, fmt, ["doc", "label", "error", "sentence"], widths={"sentence": 90}, title="Errors")
