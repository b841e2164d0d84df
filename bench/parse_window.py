"""How many parsed words a smaller parse window could save, from full parses of the candidate sentences.

    PYTHONPATH=src .venv/bin/python bench/parse_window.py [--corpus polnear real-dev]

Ingests and analyses each corpus once, keeping the candidate sentences the statements stage hands to the parser
(``statements.parse``), parses them whole, and reads them as the stage does (``parse_attributions``, on the
sentence itself). For windows of N tokens after a sentence's last trigger word (a cue form or "according"), it
counts the tokens a cut there would leave out (sentences with at least 4 tokens past it), and the sentences whose
readings all end before the window's last token: with a fallback that parses the whole sentence again whenever a
reading reaches the cut, those are all a window saves, and the fallbacks cost their window twice. It also counts
the tokens before the first trigger that a cut at the last comma or semicolon at least 12 tokens before it would
leave out, and how many readings of a cue followed by "that" end at the sentence's end (what a placeholder for the
content clause after "that" would assume). Only the parse of each window would tell what it reads; these counts
bound what a window could gain.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path

from whole_pipeline import analysed_corpus  # bench/ is on sys.path when run as a script

import trucewatch.statements as statements_stage
from trucewatch.statements.cues import CUE_FORMS
from trucewatch.statements.parsed import Skeleton, parse_attributions

_TRAILING = re.compile(r"[\s!#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~…—–‘’“]*$")  # what the readings trim at the end
_MIN_CUT = 4
_PREFIX_KEEP = 12


def window_counts(texts: list[str]) -> dict:
    docs = statements_stage.parse(texts)
    tokens = sum(len(d) for d in docs)
    result: dict = {"parsed_sentences": len(texts), "parsed_tokens": tokens, "windows": {}}
    readings = []
    for text, doc in zip(texts, docs, strict=True):
        sk = Skeleton(text, [(0, 0, len(text))], [])
        readings.append(parse_attributions(sk, doc))
    for n in (6, 8, 10, 15):
        cut_sentences = left_out = no_fallback = saved_with_fallback = 0
        for doc, found in zip(docs, readings, strict=True):
            triggers = [t.i for t in doc if t.lower_ in CUE_FORMS or t.lower_ == "according"]
            if not triggers or len(doc) - (triggers[-1] + n) < _MIN_CUT:
                continue
            cut = triggers[-1] + n
            cut_sentences += 1
            left_out += len(doc) - cut
            reach = max([a.end for a in found] + [a.speaker_end or 0 for a in found] + [0])
            if reach <= doc[cut - 1].idx:
                no_fallback += 1
                saved_with_fallback += len(doc) - cut
            else:
                saved_with_fallback -= cut
        result["windows"][n] = {"cut_sentences": cut_sentences, "tokens_left_out": left_out,
                                "share_left_out": round(left_out / tokens, 3), "no_fallback": no_fallback,
                                "share_saved_with_fallback": round(saved_with_fallback / tokens, 3)}
    prefix = 0
    for doc in docs:
        triggers = [t.i for t in doc if t.lower_ in CUE_FORMS or t.lower_ == "according"]
        if triggers:
            commas = [t.i for t in doc[:max(0, triggers[0] - _PREFIX_KEEP)] if t.text in (",", ";")]
            prefix += commas[-1] + 1 if commas else 0
    result["prefix_tokens_left_out"] = prefix
    result["share_prefix_left_out"] = round(prefix / tokens, 3)
    that = to_end = 0
    for text, found in zip(texts, readings, strict=True):
        end = _TRAILING.search(text).start()
        for a in found:
            if a.cue_end is not None and re.match(r"\s+that\s", text[a.cue_end:a.cue_end + 6]):
                that += 1
                to_end += a.end == end
    result["cue_that_readings"] = that
    result["cue_that_readings_to_the_end"] = to_end
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["polnear", "real-dev"], choices=["polnear", "real-dev"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.corpus:
            store, sentences = analysed_corpus(name, Path(tmp))
            store.close()
            print(name, json.dumps(window_counts(sentences)), flush=True)


if __name__ == "__main__":
    main()
