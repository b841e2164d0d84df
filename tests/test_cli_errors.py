"""What a new user runs into: every mistake is a one-line ``Error: ...``, never a traceback, and every
listing reads the same way (table on one line per record, JSON/JSONL/CSV in full)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trucewatch.agreements import load_agreements
from trucewatch.cli import main
from trucewatch.cli.output import emit
from trucewatch.store import Store

AGREEMENT = "karabakh-2020-11-10"
ARTICLE = ("Ceasefire holds in Karabakh\n\n"
           "Azerbaijani President Ilham Aliyev spoke to reporters in Baku on Friday.\n\n"
           "“The ceasefire is observed, and it is becoming stronger every day,” he said.\n")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def assert_one_line_error(result, *fragments: str, code: int = 1) -> None:
    """Exit ``code`` with ``Error: ...`` naming the problem: no traceback, no stray exception."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


@pytest.fixture()
def ingested_db(tmp_path: Path) -> str:
    """A store right after ``ingest``, before ``analyse``."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "fresh.db")
    assert run("ingest", str(path), "--db", db, "--quiet").exit_code == 0
    return db


READERS = [
    ["documents"], ["status", "--agreement", AGREEMENT], ["stance"], ["contradictions", "--agreement", AGREEMENT],
    ["analyse"], ["actors"], ["quotes", "0123456789abcdef"],
]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_mistyped_store_is_an_error_not_a_new_empty_store(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    assert_one_line_error(run(*command, "--db", str(missing)), f"no store at {missing}", "trucewatch ingest")
    assert not missing.exists()


@pytest.mark.parametrize("command", [["ingest", "."], *READERS], ids=lambda c: c[0])
def test_a_folder_as_store_is_an_error(tmp_path: Path, command: list[str]) -> None:
    assert_one_line_error(run(*command, "--db", str(tmp_path)), "is a folder", str(tmp_path / "trucewatch.db"))


def test_a_file_that_is_no_database_or_an_unknown_url_is_an_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100, encoding="utf-8")
    assert_one_line_error(run("documents", "--db", str(text)), "cannot open the store", "not a database")
    assert_one_line_error(run("documents", "--db", "mysql://user@host/db"), "postgresql://")
    assert_one_line_error(run("ingest", str(text), "--db", str(tmp_path / "no" / "such" / "folder.db")),
                          "cannot open the store")


def test_a_bad_scheduler_address_or_worker_count_is_an_error(ingested_db: str) -> None:
    assert_one_line_error(run("analyse", "--db", ingested_db, "--scheduler", "foo://nowhere"),
                          "cannot use the Dask scheduler foo://nowhere", "unknown address scheme")
    assert_one_line_error(run("ingest", ".", "--db", ingested_db, "--workers", "-1"), "--workers", code=2)


def test_quotes_on_a_missing_file_or_unknown_id(ingested_db: str) -> None:
    assert_one_line_error(run("quotes", "news/a.txt", "--db", ingested_db), "news/a.txt: no such file")
    assert_one_line_error(run("quotes", "a.html", "--db", ingested_db), "no such file")
    assert_one_line_error(run("quotes", "0123456789abcdef", "--db", ingested_db),
                          "neither a file nor a document id")


@pytest.mark.parametrize("command", [["status"], ["stance"], ["contradictions"], ["agreements", "--show", "nope"],
                                     ["report", "--out", "x.html"]], ids=lambda c: c[0])
def test_an_unknown_agreement_lists_the_known_ones(ingested_db: str, command: list[str]) -> None:
    args = [*command, "--db", ingested_db] if command[0] != "agreements" else command
    if "--show" not in command:
        args += ["--agreement", "nope"]
    assert_one_line_error(run(*args), "no agreement 'nope'", AGREEMENT, code=2)


@pytest.mark.parametrize("command", [["status"], ["contradictions"]], ids=lambda c: c[0])
def test_no_agreement_named_lists_the_known_ones(ingested_db: str, command: list[str]) -> None:
    """Several agreements are bundled: the command asks for one by name instead of failing on a missing option."""
    assert_one_line_error(run(*command, "--db", ingested_db), "choose an agreement with --agreement", AGREEMENT,
                          code=2)


def test_every_command_on_agreements_takes_your_own_file(ingested_db: str, tmp_path: Path) -> None:
    bundled = Path(load_agreements()[AGREEMENT].path).read_text(encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text(bundled.replace(f"id: {AGREEMENT}", "id: my-accord", 1), encoding="utf-8")
    analysed = run("analyse", "--db", ingested_db, "--agreements", str(mine))
    assert analysed.exit_code == 0 and "for my-accord" in analysed.stderr, analysed.output
    for command in (["status"], ["stance"], ["contradictions"], ["report", "--out", str(tmp_path / "r.html")]):
        result = run(*command, "--db", ingested_db, "--agreement", "my-accord", "--agreements", str(mine))
        assert result.exit_code == 0, (command, result.output)
    status = json.loads(run("status", "--db", ingested_db, "--agreement", "my-accord", "--agreements", str(mine),
                            "--format", "json").stdout)
    assert any(item["undated"] for item in status)  # an undated text: listed, not counted
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    for command in (["analyse"], ["stance"], ["contradictions", "--agreement", AGREEMENT]):
        assert_one_line_error(run(*command, "--db", ingested_db, "--agreements", str(broken)), "not valid YAML")


def test_report_to_an_unwritable_place(ingested_db: str, tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "report.html"
    assert_one_line_error(run("report", "--db", ingested_db, "--agreement", AGREEMENT, "--out", str(out)),
                          f"cannot write {out}")


def test_views_before_analyse_say_what_to_run(ingested_db: str) -> None:
    for command in (["stance"], ["contradictions", "--agreement", AGREEMENT],
                    ["status", "--agreement", AGREEMENT]):
        result = run(*command, "--db", ingested_db)
        assert result.exit_code == 0, result.output
        assert "trucewatch analyse" in result.stderr and "trucewatch analyse" not in result.stdout


def test_analyse_on_an_empty_store_says_to_ingest(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    assert run("ingest", str(tmp_path / "nothing-here"), "--db", db, "--quiet").exit_code == 1
    result = run("analyse", "--db", db)
    assert result.exit_code == 0 and "trucewatch ingest" in result.stderr


LISTINGS = [["documents"], ["quotes", "{doc}"], ["status", "--agreement", AGREEMENT], ["stance"],
            ["contradictions", "--agreement", AGREEMENT], ["agreements"], ["actors"]]


@pytest.mark.parametrize("command", LISTINGS, ids=lambda c: c[0])
def test_every_listing_takes_every_format(demo_db: str, command: list[str]) -> None:
    doc = Store(demo_db).statements()[0].doc_id
    args = [part.format(doc=doc) for part in command] + ["--db", demo_db]
    if command[0] == "agreements":
        args = command
    outputs = {}
    for fmt in ("table", "json", "jsonl", "csv"):
        result = run(*args, "--format", fmt)
        assert result.exit_code == 0, result.output
        outputs[fmt] = result.stdout
    records = json.loads(outputs["json"])
    assert records, f"{command[0]} listed nothing on the demo store"
    assert [json.loads(line) for line in outputs["jsonl"].splitlines()] == records
    rows = list(csv.DictReader(io.StringIO(outputs["csv"])))
    assert len(rows) == len(records) and all(any(row.values()) for row in rows)
    assert "┃" in outputs["table"]


def test_document_ids_are_shown_whole_so_they_can_be_copied(demo_db: str) -> None:
    table = run("documents", "--db", demo_db).stdout
    ids = Store(demo_db).document_ids()
    assert ids and all(doc_id in table for doc_id in ids)


def test_quote_text_is_one_line_in_the_table_and_whole_in_json(seeds: list[Path]) -> None:
    path = next(p for p in seeds if p.name.startswith("004_"))
    records = [json.loads(line) for line in run("quotes", str(path), "--format", "jsonl").stdout.splitlines()]
    long = [r for r in records if len(r["text"]) > 120]  # a statement per paragraph since issue 8: long, not multiline
    assert long, "the seed article no longer has a long quote"
    table = run("quotes", str(path)).stdout
    for record in long:
        start = " ".join(record["text"].split())[:40]
        assert any(start in line for line in table.splitlines()), start


def test_table_cells_collapse_whitespace_and_csv_keeps_it(capsys) -> None:
    record = {"id": "5bf9e5e77e8187dc", "text": "first paragraph\n\nsecond   paragraph"}
    emit([record], "table", ["id", "text"])
    assert "first paragraph second paragraph" in capsys.readouterr().out
    emit([record], "csv", ["id", "text"])
    assert next(csv.DictReader(io.StringIO(capsys.readouterr().out)))["text"] == record["text"]


@pytest.mark.parametrize("cut", [False, True], ids=["wrapped", "cut"])
def test_a_narrow_terminal_squeezes_no_column_to_nothing(capsys, monkeypatch, cut: bool) -> None:
    """Whole cells wider than the terminal: the table grows past it rather than hide the text columns."""
    monkeypatch.setenv("FORCE_COLOR", "1")  # a terminal, so its width counts
    monkeypatch.setenv("COLUMNS", "60")
    record = {f"field{i}": f"2021-0{i}-01" for i in range(1, 7)} | {"topic": "prisoners", "note": "released"}
    emit([record], "table", [*record], widths={"note": 30} if cut else None)
    out = capsys.readouterr().out
    assert "prisoners" in out and "released" in out, out
    assert all("2021-06-01" in line for line in out.splitlines() if "2021-01-01" in line)  # dates whole


def test_eval_on_a_folder_of_other_json_files(tmp_path: Path) -> None:
    (tmp_path / "other.json").write_text('[{"not": "an annotation"}]', encoding="utf-8")
    assert_one_line_error(run("eval", "cleaning", "--fixtures", str(tmp_path), "--corpus", str(tmp_path)),
                          "not cleaning annotations")
    assert_one_line_error(run("eval", "quotes", "--seeds", "--annotations", str(tmp_path)),
                          "not seed quote annotations")


def test_eval_cleaning_works_from_any_folder(shared: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRUCEWATCH_SHARED", str(shared))
    fixtures = Path(__file__).parent / "fixtures" / "seeds"  # annotations are given, never found through the checkout
    result = run("eval", "cleaning", "--fixtures", str(fixtures), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] >= 5


def test_a_documents_table_shows_a_page_and_says_so_while_other_formats_list_all(demo_db: str) -> None:
    ids = Store(demo_db).document_ids()
    assert len(ids) > 3
    table = run("documents", "--db", demo_db, "--limit", "2")
    assert f"showing 2 of {len(ids):,} documents" in table.stderr + table.stdout
    assert sum(doc_id in table.stdout for doc_id in ids) == 2
    assert "showing" not in run("documents", "--db", demo_db).stdout + run("documents", "--db", demo_db).stderr
    lines = run("documents", "--db", demo_db, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == len(ids) and "body" in json.loads(lines[0])
    assert len(run("documents", "--db", demo_db, "--format", "jsonl", "--limit", "3").stdout.splitlines()) == 3
    rows = list(csv.DictReader(io.StringIO(run("documents", "--db", demo_db, "--format", "csv").stdout)))
    assert sorted(r["id"] for r in rows) == sorted(ids)


def test_status_json_gives_each_piece_of_evidence_the_id_review_takes(demo_db: str, tmp_path: Path) -> None:
    import shutil

    db = str(tmp_path / "copy.db")
    shutil.copy(demo_db, db)
    records = json.loads(run("status", "--agreement", AGREEMENT, "--db", db, "--format", "json").stdout)
    link_id = next(x["id"] for r in records for x in r["evidence"])
    table = run("status", "--agreement", AGREEMENT, "--db", db).stdout
    assert link_id in table and "review evidence ID" in table  # the table shows the id too
    other = next(x["id"] for r in records for x in r["evidence"] if x["id"] != link_id)
    assert run("review", "evidence", other, "--verdict", "confirmed", "--db", db).exit_code == 0
    assert f"{other} (" in (line := next(li for li in run("status", "--agreement", AGREEMENT, "--db", db).stdout
                                         .splitlines() if other in li)) and "[confirmed by" in line
    reviewed = run("review", "evidence", link_id, "--verdict", "rejected", "--note", "wrong war", "--db", db)
    assert reviewed.exit_code == 0, reviewed.output
    after = json.loads(run("status", "--agreement", AGREEMENT, "--db", db, "--format", "json").stdout)
    assert link_id not in {x["id"] for r in after for x in r["evidence"]}  # rejected: it no longer counts


def test_ingest_says_which_documents_are_analysed_only_up_to_the_body_budget(tmp_path: Path) -> None:
    from trucewatch.cleaning.lines import MAX_BODY_CHARS

    long, short = tmp_path / "long.txt", tmp_path / "short.txt"
    sentence = "The monitors said the night was calm along the line of contact. "
    long.write_text(sentence * (2 * MAX_BODY_CHARS // len(sentence)), encoding="utf-8")
    short.write_text(ARTICLE, encoding="utf-8")
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0, result.output
    cut = [line.strip() for line in result.stderr.splitlines() if line.strip().startswith("cut ")]
    assert len(cut) == 1 and cut[0].startswith(f"cut {long}: ") and f"{MAX_BODY_CHARS:,}" in cut[0], cut
