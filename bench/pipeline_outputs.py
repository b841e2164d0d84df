"""Everything the whole pipeline writes for a corpus, as JSON, to compare two versions of the code.

    PYTHONPATH=src .venv/bin/python bench/pipeline_outputs.py --corpus polnear real-dev --out outputs.json

Ingests each corpus into a fresh SQLite store, analyses it and assesses every agreement, then writes every
statement, evidence link, incident and status (all fields but run ids and times), with the number of
sentences and words the parser read (``statements.parse``). Two versions give equal files (but for the parse
counts) when a change is an exact rewrite.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from pathlib import Path

from whole_pipeline import analysed_corpus  # bench/ is on sys.path when run as a script

from trucewatch.agreements import load_agreements
from trucewatch.assess.status import assess

_VOLATILE = {"run_id", "created_at", "updated_at", "analysed_at", "assessed_at"}


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items() if k not in _VOLATILE}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if k not in _VOLATILE}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | bool | type(None)) else repr(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["polnear", "real-dev"], choices=["polnear", "real-dev"])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    agreements = list(load_agreements().values())
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.corpus:
            store, kept = analysed_corpus(name, Path(tmp))
            out[name] = {
                "parsed_sentences": len(kept),
                "parsed_words": sum(len(t.split()) for t in kept),
                "statements": _plain(store.statements()),
                "links": {a.id: _plain(store.evidence(a.id)) for a in agreements},
                "incidents": _plain(list(store.incidents())),
                "status": {a.id: _plain(assess(a, store.evidence(a.id))) for a in agreements},
            }
            store.close()
            print(name, out[name]["parsed_sentences"], out[name]["parsed_words"], len(out[name]["statements"]),
                  flush=True)
    Path(args.out).write_text(json.dumps(out, indent=1, sort_keys=True, default=repr), encoding="utf-8")


if __name__ == "__main__":
    main()
