#!/usr/bin/env python3
"""Side-by-side speed of `tally quantities` and Python quantity parsers on identical text.

    scripts/peer_speed.sh [--size-mb 1] [--tally .build/release/tally]

The text is the corpus article bodies as `tally ingest --format jsonl` cleans them, repeated until it
reaches the requested size. Every tool gets the same list of documents: tally as one JSON Lines file
(one record per document), the Python parsers one document per call. Start-up (imports, model and
rule loading) is excluded for the Python parsers by a warm-up call and included for tally (one
process, measured end to end), which favours the peers.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus_texts(tally, corpus):
    out = subprocess.run([tally, "ingest", corpus, "--format", "jsonl", "--quiet"], capture_output=True, cwd=REPO)
    if out.returncode not in (0, 2):
        sys.exit(f"peer_speed: tally ingest failed: {out.stderr.decode()}")
    texts = [json.loads(line)["text"] for line in out.stdout.decode().splitlines() if line.strip()]
    texts = [t for t in texts if t.strip()]
    if not texts:
        sys.exit(f"peer_speed: no article text in {corpus}")
    return texts


def repeated(texts, size):
    """Documents cycling through `texts` until their UTF-8 size reaches `size` bytes."""
    docs, total = [], 0
    while total < size:
        text = texts[len(docs) % len(texts)]
        docs.append(text)
        total += len(text.encode("utf-8"))
    return docs, total


def time_tally(tally, docs, jobs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for index, text in enumerate(docs):
            handle.write(json.dumps({"id": f"doc{index}", "published": "2025-06-02", "text": text}) + "\n")
        path = handle.name
    try:
        before = children_cpu()
        start = time.perf_counter()
        out = subprocess.run([tally, "quantities", path, "--jobs", str(jobs), "--quiet"], capture_output=True, cwd=REPO)
        seconds = time.perf_counter() - start
        if out.returncode != 0:
            sys.exit(f"peer_speed: tally quantities failed: {out.stderr.decode()}")
        return seconds, children_cpu() - before, out.stdout.count(b"\n")
    finally:
        os.unlink(path)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_quantulum(docs):
    from quantulum3 import parser

    parser.parse(docs[0][:2000])  # warm-up: loads the classifier and unit tables
    start, cpu = time.perf_counter(), time.process_time()
    found = sum(len(parser.parse(text)) for text in docs)
    return time.perf_counter() - start, time.process_time() - cpu, found


def time_duckling(docs):
    import glob

    import duckling
    import jpype
    from duckling import DucklingWrapper

    # The wrapper (2018) expects JPype to hand back Python strings; JPype >= 0.8 does so only with
    # convertStrings=True, so start the JVM here with Duckling's jars and that option.
    jars = glob.glob(os.path.join(os.path.dirname(duckling.__file__), "jars", "*.jar"))
    if not jpype.isJVMStarted():
        jpype.startJVM(jpype.getDefaultJVMPath(), "-Xms128m", "-Xmx2048m",
                       "-Djava.class.path=" + os.pathsep.join(jars), convertStrings=True)
    wrapper = DucklingWrapper(jvm_started=True)
    wrapper.parse(docs[0][:2000])  # warm-up: starts the JVM and loads Duckling
    start, cpu = time.perf_counter(), time.process_time()  # process-wide: the JVM's threads included
    found = sum(len(wrapper.parse(text)) for text in docs)
    return time.perf_counter() - start, time.process_time() - cpu, found


def row(name, size, seconds, cpu, found):
    """Prints wall-clock and CPU-time speed; returns the CPU-time speed, which a busy machine disturbs least."""
    print(f"{name:<28} {size / 1e6:7.2f} MB {seconds:9.2f} s {size / seconds / 1e3:11.1f} KB/s"
          f" {cpu:9.2f} s {size / cpu / 1e3:11.1f} KB/s {found:9d}")
    return size / cpu, size / seconds


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size-mb", type=float, default=1.0, help="text size (default 1 MB)")
    options.add_argument("--tally", default=os.path.join(REPO, ".build/release/tally"), help="tally executable (a release build)")
    options.add_argument("--corpus", default="corpus/articles", help="articles to repeat (default corpus/articles)")
    options.add_argument("--skip", action="append", default=[], help="skip a peer: quantulum3 or duckling")
    args = options.parse_args()
    if not os.access(args.tally, os.X_OK):
        sys.exit(f"peer_speed: {args.tally} is not an executable (build with: swift build -c release)")

    docs, size = repeated(corpus_texts(args.tally, args.corpus), int(args.size_mb * 1e6))
    print(f"text: {len(docs)} documents, {size} bytes (UTF-8), from {args.corpus}")
    print(f"{'tool':<28} {'size':>10} {'wall time':>11} {'wall speed':>16} {'CPU time':>11} {'CPU speed':>16} {'quantities':>9}")
    rates = {}
    seconds, cpu, found = time_tally(args.tally, docs, 1)
    rates["tally"] = row("tally quantities (1 core)", size, seconds, cpu, found)
    start = time.perf_counter()
    subprocess.run([args.tally, "quantities", "--text", "about 1,000 people"], capture_output=True, cwd=REPO)
    startup = time.perf_counter() - start
    print(f"{'  (of which start-up)':<28} {'':>10} {startup:9.2f} s  (rules loading; {size / (seconds - startup) / 1e3:,.1f} KB/s without it)"
          if seconds > startup else f"  start-up {startup:.2f} s")
    seconds, cpu, found = time_tally(args.tally, docs, os.cpu_count() or 1)
    row(f"tally quantities ({os.cpu_count()} cores)", size, seconds, cpu, found)
    for name, timer in (("quantulum3", time_quantulum), ("duckling", time_duckling)):
        if name in args.skip:
            continue
        try:
            seconds, cpu, found = timer(docs)
        except Exception as error:  # an optional peer that does not install or start is skipped, not fatal
            print(f"{name:<28} skipped: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
            continue
        rates[name] = row(name, size, seconds, cpu, found)
    for name, rate in rates.items():
        if name != "tally":
            print(f"ratio: tally (1 core) is {rates['tally'][0] / rate[0]:,.0f}x faster than {name} in CPU time"
                  f" ({rates['tally'][1] / rate[1]:,.0f}x in wall-clock time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
