"""Sources: turn paths into a stream of readable units (or skips with a reason).

Files and folders are walked recursively in a stable order. Containers (JSONL,
WARC, RSS/Atom feeds) are streamed record by record, so memory does not grow with
the corpus; a feed URL is fetched only when named explicitly. JSONL records of news
APIs are read with their own field names (:mod:`trucewatch.news_apis`). Nothing
here raises on bad input: every problem becomes a :class:`Skip`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from charset_normalizer import from_bytes

from trucewatch.cleaning.invisible import strip_invisible
from trucewatch.feeds import FEED_SUFFIXES, fetch_feed, is_url, read_feed
from trucewatch.news_apis import HINTS, formats, read_record
from trucewatch.records import ContentType, Skip, SkipOrItem, SourceItem

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
MAX_UNIT_BYTES = 20_000_000  # one article; a larger "article" is a dump, not a news report


def unit_key(path: str, locator: str, content: bytes) -> str:
    """Identity of a unit: where it came from and what it held."""
    digest = hashlib.sha256(content).hexdigest()
    return hashlib.sha256(f"{path}\0{locator}\0{digest}".encode()).hexdigest()


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Skip]:
    """Files under ``paths`` in sorted order; missing paths become skips."""
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.is_file():
            yield path
        else:
            yield Skip(str(path), "", "no such file or folder")


def read_sources(paths: Iterable[str | os.PathLike], max_bytes: int = MAX_UNIT_BYTES,
                 field_map: Mapping[str, str] | None = None) -> Iterator[SkipOrItem]:
    """Every readable unit under ``paths`` (files, folders, feed URLs), or a skip that says why it could not be read.

    ``field_map`` (document field -> dotted path) names the fields of JSONL records in formats not known.
    """
    for raw in paths:
        if is_url(raw):
            yield from fetch_feed(str(raw), max_bytes)
        else:
            yield from _read_files(raw, max_bytes, field_map)


def _read_files(raw: str | os.PathLike, max_bytes: int, field_map: Mapping[str, str] | None) -> Iterator[SkipOrItem]:
    for entry in iter_files([raw]):
        if isinstance(entry, Skip):
            yield entry
            continue
        path = os.path.abspath(entry)  # not resolve(): a broken link is reported under its own name
        name = entry.name.lower()
        try:
            mode = entry.stat().st_mode
            if not stat.S_ISREG(mode):  # a FIFO or device would block the run or never end
                yield Skip(path, "", "not a regular file (a pipe, socket or device)")
                continue
            if name.endswith(".jsonl"):
                yield from _read_jsonl(entry, path, max_bytes, field_map)
            elif name.endswith(FEED_SUFFIXES):
                yield from _read_feed_file(entry, path, max_bytes)
            elif name.endswith((".warc", ".warc.gz")):
                yield from _read_warc(entry, path, max_bytes)
            elif entry.suffix.lower() in TEXT_SUFFIXES:
                yield _read_file(entry, path, TEXT_SUFFIXES[entry.suffix.lower()], max_bytes)
            else:
                yield Skip(path, "", f"unsupported file type {entry.suffix or '(none)'!r}")
        except OSError as error:
            yield Skip(path, "", f"unreadable: {error.strerror or error}")


def _read_file(entry: Path, path: str, content_type: ContentType, max_bytes: int) -> SkipOrItem:
    size = entry.stat().st_size
    if size > max_bytes:
        return Skip(path, "", f"too large for one article: {size / 1e6:.0f} MB (limit {max_bytes / 1e6:.0f} MB)",
                    key=unit_key(path, "", f"size:{size}:mtime:{entry.stat().st_mtime_ns}".encode()))
    content = entry.read_bytes()
    return make_item(path, "", content_type, content)


def make_item(path: str, locator: str, content_type: ContentType, content: bytes | str,
              hints: dict[str, str] | None = None) -> SkipOrItem:
    """Decode and vet one unit's bytes."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    key = unit_key(path, locator, data)
    read_as: str | None = None  # how the bytes were decoded, when that is worth a note
    if isinstance(content, str):
        text = content
    else:
        if looks_binary(data):
            return Skip(path, locator, "binary content, not text", key=key)
        decoded = decode(data)
        if decoded is None:
            return Skip(path, locator, "undecodable text: no character encoding fits", key=key)
        text, read_as = decoded
    text, note = normalise_text(text)
    note = ", ".join(part for part in (read_as, note) if part) or None
    if not text.strip():
        return Skip(path, locator, "empty", key=key)
    hints = dict(hints or {})
    if note:
        hints["normalised"] = note
    return SourceItem(key=key, source_path=path, locator=locator, content_type=content_type,
                      raw_text=text, hints=hints)


_UNSTORABLE = re.compile(r"[\ud800-\udfff\x00]")


def normalise_text(text: str) -> tuple[str, str | None]:
    """Text every store can hold and every stage can read, with a note saying what changed: lone surrogates
    become U+FFFD, NULs and invisible format characters (zero-width spaces, soft hyphens, direction marks) are
    dropped.

    This is the text stored as ``raw_text``: every offset (body spans, removed blocks, statements) points into
    it, never into the file's bytes, so dropping characters here moves no offset.
    """
    text, invisible = strip_invisible(text)
    found = _UNSTORABLE.findall(text)
    nuls = found.count("\x00")
    note = ", ".join(part for part in (f"{len(found) - nuls} lone surrogates replaced" if len(found) > nuls else "",
                                       f"{nuls} NUL characters removed" if nuls else "",
                                       f"{invisible} invisible format characters removed" if invisible else "")
                     if part)
    if found:
        text = _UNSTORABLE.sub(lambda m: "" if m.group(0) == "\x00" else "\ufffd", text)
    return text, note or None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 text has NULs too; let the decoder try when it starts with a BOM.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.05


_NON_ASCII = re.compile(rb"[\x80-\xff]+")
LEGACY_DEFAULT = "cp1252"  # the WHATWG default for legacy Latin pages; the tie-break among equally clean guesses
FEW_NON_ASCII = 64  # below this many non-ASCII bytes the detector's language guess is noise


def decode(data: bytes) -> tuple[str, str | None] | None:
    """Text and a note on how it was read, or None when no encoding fits.

    UTF-8 first (the common case, and exact). Bytes that are not UTF-8 but whose non-ASCII runs mostly
    are, are UTF-8 with a few broken bytes: they are decoded as UTF-8, each broken sequence replaced by
    U+FFFD and counted in the note. Otherwise the detector (charset_normalizer) chooses; when only a few
    bytes are non-ASCII its choice among equally clean single-byte encodings is a guess, and Windows-1252
    is taken if it is among them. The file's bytes are not stored; its key holds their hash.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    runs = _NON_ASCII.findall(sample)
    if sum(_is_utf8(run) for run in runs) * 2 > len(runs):
        text = data.decode("utf-8", errors="replace")
        broken = text.count("\ufffd") - data.count("\ufffd".encode())
        return text, f"broken encoding: {broken} invalid UTF-8 byte sequences replaced by U+FFFD"
    matches = from_bytes(sample)
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    encoding = best.encoding
    if sum(map(len, runs)) < FEW_NON_ASCII and any(
            match.encoding == LEGACY_DEFAULT and match.chaos <= best.chaos for match in matches):
        encoding = LEGACY_DEFAULT
    return data.decode(encoding, errors="replace"), f"not UTF-8: decoded as {encoding}"


def _is_utf8(run: bytes) -> bool:
    try:
        run.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _lines(handle, max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """(line, full length) pairs; a line longer than ``max_bytes`` is read in bounded chunks and
    only its head is kept, so one enormous record never sits in memory whole."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        length = len(line)
        if length > max_bytes and not line.endswith(b"\n"):
            while chunk := handle.readline(1 << 20):
                length += len(chunk)
                if chunk.endswith(b"\n"):
                    break
            line = line[:65536]
        yield line, length


def _read_feed_file(entry: Path, path: str, max_bytes: int) -> Iterator[SkipOrItem]:
    size = entry.stat().st_size
    if size > max_bytes:
        yield Skip(path, "", f"feed too large: {size / 1e6:.0f} MB (limit {max_bytes / 1e6:.0f} MB)",
                   key=unit_key(path, "", f"size:{size}:mtime:{entry.stat().st_mtime_ns}".encode()))
        return
    yield from read_feed(entry.read_bytes(), path)


def _read_jsonl(entry: Path, path: str, max_bytes: int, field_map: Mapping[str, str] | None
                ) -> Iterator[SkipOrItem]:
    with entry.open("rb") as handle:
        for number, (line, length) in enumerate(_lines(handle, max_bytes), start=1):
            locator = f"line {number}"
            if length > max_bytes:
                yield Skip(path, locator, f"record too large: {length / 1e6:.0f} MB",
                           key=unit_key(path, locator, line))
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
                reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
                yield Skip(path, locator, f"invalid JSON: {reason}", key=unit_key(path, locator, line))
                continue
            if not isinstance(record, dict):
                yield Skip(path, locator, "JSON record is not an object", key=unit_key(path, locator, line))
                continue
            api, values = read_record(record, field_map)
            hints = {k: normalise_text(values[k])[0] for k in HINTS if k in values}
            for field, content_type in (("html", "html"), ("text", "text")):
                if values.get(field, "").strip():
                    yield make_item(path, locator, content_type, values[field], hints)
                    break
            else:
                what = "record" if api is formats()[-1] else f"{api.name} record"
                reason = (f"{what} has only a url; fetching pages is not supported" if "url" in hints
                          else f"{what} has no text or html field (--map text=FIELD names it)")
                yield Skip(path, locator, reason, key=unit_key(path, locator, line))


def _read_warc(entry: Path, path: str, max_bytes: int) -> Iterator[SkipOrItem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    opener = gzip.open if entry.name.lower().endswith(".gz") else open
    try:
        with opener(entry, "rb") as handle:
            if handle.read(5) != b"WARC/":
                yield Skip(path, "", "broken WARC archive: does not start with a WARC header")
                return
            handle.seek(0)
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if record.rec_type not in ("response", "resource"):
                    continue
                locator = f"record {number}"
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                mime = ""
                if record.http_headers is not None:
                    mime = (record.http_headers.get_header("Content-Type") or "").lower()
                else:
                    mime = (record.rec_headers.get_header("Content-Type") or "").lower()
                # A header line without its colon, or HTTP headers warcio could not read: say so, never lose it.
                if not mime or mime.startswith("application/http"):
                    yield Skip(path, locator, "record without a readable content type")
                    continue
                if "html" not in mime and "text/plain" not in mime:
                    continue  # images, scripts, styles: not articles
                content = record.content_stream().read(max_bytes + 1)
                if len(content) > max_bytes:
                    yield Skip(path, locator, "record too large", key=unit_key(path, locator, content[:65536]))
                    continue
                hints = {"url": url} if url else {}
                crawled = record.rec_headers.get_header("WARC-Date")
                if crawled:
                    hints["crawled"] = crawled
                yield make_item(path, locator, "html" if "html" in mime else "text", content, hints)
    except (ArchiveLoadFailed, EOFError, gzip.BadGzipFile, ValueError) as error:
        yield Skip(path, "", f"broken WARC archive: {error}")
    except Exception as error:  # warcio and zlib raise many kinds on corrupt data; the records read so far stay
        yield Skip(path, "", f"broken WARC archive: {type(error).__name__}: {error}")
