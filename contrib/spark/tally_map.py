#!/usr/bin/env python3
"""The map step's wrapper: `rdd.pipe` feeds it file records, it runs `tally extract` on them.

`tally extract` reads files and folders, not documents on stdin, so this script (run once per Spark
partition) writes the partition's records back into a temporary folder tree and runs
`tally extract` on it, exactly as on one machine: the same folder walk, sniffing and ingestion.

stdin, one JSON object per line (pure ASCII: no raw CR, no raw bytes; see `tally_spark.encode_record`):
    {"root": 0, "explicit": false, "rel": "articles/a.txt", "doc": "corpus/articles/a.txt", "data": "<base64>"}
  `root` numbers the job's input paths; `rel` is the file's place under it (`""` when the input is a
  file); `doc` is the path `tally` would print on one machine; `data` the file's exact bytes.
stdout: `tally extract --format jsonl` claim lines, with `doc` mapped back to the original path, and
  one `{"skipped": {"path", "reason"}}` line per input tally skipped.

Environment (rdd.pipe starts this with exactly the environment the job passes):
  TALLY_BIN    the tally executable (relative paths resolve against the start folder)
  TALLY_RULES  the rules folder (idem), read by tally itself
  TALLY_JOBS   worker threads for tally (default 1: Spark already runs one task per core)
  TALLY_STRICT "1": treat skipped inputs (tally's exit status 2) as a failure
Exit status: 0, or tally's own status when it failed (so `checkCode=True` fails the Spark task).
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

EX_DATAERR = 65


def fail(message, status=EX_DATAERR):
    sys.stderr.write("tally_map: " + message + "\n")
    sys.exit(status)


def safe_rel(rel):
    """A relative path with no `..`, empty or hidden-escaping parts, or None when it is unsafe."""
    if rel == "":
        return rel
    parts = rel.split("/")
    if rel.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\0" in rel:
        return None
    return rel


def read_records(stream):
    """Yields the records on `stream`, split on LF only (never on CR or Unicode line separators)."""
    for number, line in enumerate(stream, start=1):
        line = line.rstrip(b"\n")
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("ascii"))
            data = base64.b64decode(record["data"], validate=True)
            yield record, data
        except (ValueError, KeyError, TypeError) as error:
            fail(f"stdin line {number}: not a file record ({error})")


def materialise(records, folder):
    """Writes the records under `folder`; returns (tally arguments, temp path -> original doc)."""
    arguments, docs = [], {}
    for record, data in records:
        rel = safe_rel(record.get("rel", ""))
        root = record.get("root", 0)
        if rel is None or not isinstance(root, int) or root < 0:
            fail(f"unsafe record path {record.get('rel')!r}")
        top = f"in{root}"
        if record.get("explicit"):
            # An input named explicitly is a single file: tally reads it whatever its extension.
            top = os.path.join(top, "file")
            target = os.path.join(top, rel or "input")  # rel keeps the file name: sniffing may use it
            arguments.append(target)
        else:
            target = os.path.join(top, rel)
            if top not in arguments:
                arguments.append(top)
        full = os.path.join(folder, target)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(data)
        docs[target] = record.get("doc", target)
    return arguments, docs


def main():
    start = os.getcwd()
    tally = os.environ.get("TALLY_BIN", "tally")
    if os.sep in tally:
        tally = os.path.join(start, tally)
    env = dict(os.environ)
    if env.get("TALLY_RULES"):
        env["TALLY_RULES"] = os.path.join(start, env["TALLY_RULES"])
    jobs = env.get("TALLY_JOBS", "1")
    strict = env.get("TALLY_STRICT") == "1"

    folder = tempfile.mkdtemp(prefix="tally-map-")
    try:
        arguments, docs = materialise(read_records(sys.stdin.buffer), folder)
        if not arguments:
            return 0
        command = [tally, "extract", *arguments, "--format", "jsonl", "--quiet", "--jobs", jobs]
        try:
            process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as error:
            fail(f"cannot run {tally}: {error}", 127)
        captured = []
        drain = threading.Thread(target=lambda: captured.append(process.stderr.read()))
        drain.start()  # read stderr alongside stdout so a chatty tally cannot block on a full pipe
        out = sys.stdout.buffer
        broken = 0
        for line in process.stdout:
            try:
                claim = json.loads(line)
            except ValueError:  # a line cut short by a crash: the exit status below says what happened
                broken += 1
                continue
            if claim.get("doc") in docs:
                claim["doc"] = docs[claim["doc"]]
            out.write(json.dumps(claim, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        status = process.wait()
        drain.join()
        errors = b"".join(captured).decode("utf-8", "replace")
        skipped = skipped_inputs(errors, docs)
        for path, reason in skipped:
            out.write(json.dumps({"skipped": {"path": path, "reason": reason}}).encode("ascii") + b"\n")
        out.flush()
        if status == 0 and broken:
            fail(f"tally extract wrote {broken} line(s) that are not JSON", 1)
        if status == 2 and not strict:
            return 0
        if status != 0:
            sys.stderr.write(errors.replace(folder + "/", ""))
            fail(f"tally extract exited with status {status}", status if 0 < status < 256 else 1)
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def skipped_inputs(errors, docs):
    """(original path, reason) for each "tally: skipped PATH: REASON" line about a file written here."""
    result = []
    for line in errors.splitlines():
        if not line.startswith("tally: skipped "):
            continue
        rest = line[len("tally: skipped "):]
        for target, doc in docs.items():
            if rest.startswith(target + ": "):
                result.append((doc, rest[len(target) + 2:]))
                break
    return result


if __name__ == "__main__":
    sys.exit(main())
