#!/usr/bin/env python3
"""Tally on Apache Spark: `tally extract` as the map, `tally reconcile` as the reduce.

    spark-submit --master 'local[2]' contrib/spark/tally_spark.py corpus --output report.json

1. Every input file is read as bytes (`binaryFile`), never as text lines: Hadoop's line reader splits
   on a raw CR and replaces invalid UTF-8, which would change what tally reads. Each file becomes one
   pure-ASCII JSON record (bytes in base64); big `.jsonl` files are cut into chunks at line ends.
2. Map: `rdd.pipe` runs `tally_map.py`, which writes the partition's files into a temporary folder tree
   and runs `tally extract` on it, so ingestion is exactly the single-machine one.
3. Shuffle: `groupByKey` on (kind, subject). The reconciler compares claims within kind + subject +
   event, but it first merges a month- or year-level event into the one day-level event it contains
   *across the whole kind + subject group* ("2026-04" into "2026-04-09"), so keying on the raw event
   would split groups one machine keeps together (it does on corpus/). Claims without a subject are
   never compared and are dropped before the shuffle.
4. Reduce: `rdd.pipe` runs `tally reconcile - --format json` once per partition on all its groups.

Known traps, each handled here: `pipe` starts the command with an EMPTY environment unless `env=` is
given (so PATH and TALLY_RULES are passed explicitly); without `checkCode=True` a failing command
yields a "successful" job with truncated output (always passed); see step 1 for the line reader.
"""

import argparse
import base64
import json
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VERDICT_ORDER = {"conflict": 0, "framing": 1, "variance": 2, "agreement": 3}
JSONL_CHUNK_BYTES = 8 << 20


def encode_record(root, explicit, rel, doc, data):
    """One map input record: a single line of pure-ASCII JSON (no raw CR/LF, bytes in base64)."""
    return json.dumps({"root": root, "explicit": explicit, "rel": rel, "doc": doc,
                       "data": base64.b64encode(data).decode("ascii")}, ensure_ascii=True, separators=(",", ":"))


def chunks(rel, data, limit=JSONL_CHUNK_BYTES):
    """(rel, bytes) pieces of one file: plain `.jsonl` files past `limit` are cut after a LF."""
    if not rel.lower().endswith(".jsonl") or len(data) <= limit:
        return [(rel, data)]
    pieces, start, number = [], 0, 0
    while start < len(data):
        end = data.find(b"\n", min(start + limit, len(data)) - 1)
        end = len(data) if end < 0 else end + 1
        pieces.append((f"{rel[:-6]}.part{number:05d}.jsonl", data[start:end]))
        start, number = end, number + 1
    return pieces


def doc_path(argument, rel):
    """The path tally prints for file `rel` found under the folder `argument` (as given)."""
    return (argument if argument.endswith("/") else argument + "/") + rel


def pipe_env(tally_bin, rules, jobs=1, strict=False, path=None):
    """The environment for both pipes: rdd.pipe would otherwise start them with none at all."""
    env = {
        "PATH": path or os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "TALLY_BIN": tally_bin,
        "TALLY_RULES": rules,
        "TALLY_JOBS": str(jobs),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    if strict:
        env["TALLY_STRICT"] = "1"
    for name in ("TMPDIR", "HOME"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def group_key(line):
    """(kind, subject) for a claim line that the reconciler may compare; None otherwise."""
    claim = json.loads(line)
    if "skipped" in claim or claim.get("subject") is None:
        return None
    return (claim["kind"], claim["subject"])


def finding_order(finding):
    """The single-machine order: most severe first, then kind, subject, event (stable for ties)."""
    return (VERDICT_ORDER.get(finding["verdict"], 9), finding["kind"], finding.get("subject") or "",
            finding.get("event") or "")


class Inputs:
    """The job's input paths, resolved through Hadoop (local folders, HDFS, S3, …)."""

    def __init__(self, spark, arguments):
        jvm = spark.sparkContext._jvm
        conf = spark.sparkContext._jsc.hadoopConfiguration()
        self.roots = []
        for index, argument in enumerate(arguments):
            path = jvm.org.apache.hadoop.fs.Path(argument)
            fs = path.getFileSystem(conf)
            if not fs.exists(path):
                raise SystemExit(f"tally_spark: {argument}: no such file or folder")
            qualified = fs.makeQualified(path).toString()
            self.roots.append((index, argument, qualified.rstrip("/"), fs.getFileStatus(path).isDirectory()))

    def records(self, spark, partitions):
        """RDD of map input records (strings), spread over `partitions` partitions."""
        rdds = []
        for index, argument, qualified, is_folder in self.roots:
            frame = spark.read.format("binaryFile")
            if is_folder:
                frame = frame.option("recursiveFileLookup", "true")
            rows = frame.load(argument).select("path", "content").rdd

            def to_records(row, index=index, argument=argument, qualified=qualified, is_folder=is_folder):
                path, data = row[0], bytes(row[1])
                if not is_folder:
                    return [encode_record(index, True, os.path.basename(path), argument, data)]
                rel = path[len(qualified) + 1:] if path.startswith(qualified + "/") else os.path.basename(path)
                return [encode_record(index, False, piece, doc_path(argument, rel), part)
                        for piece, part in chunks(rel, data)]

            rdds.append(rows.flatMap(to_records))
        union = rdds[0] if len(rdds) == 1 else spark.sparkContext.union(rdds)
        return union.repartition(partitions)


def run(spark, arguments, tally_bin, rules, map_script, python="python3", partitions=None, jobs=1, strict=False):
    """Runs map, shuffle and reduce; returns the report as a dict (the `tally report` JSON shape)."""
    sc = spark.sparkContext
    partitions = partitions or max(2, sc.defaultParallelism)
    env = pipe_env(tally_bin, rules, jobs=jobs, strict=strict)
    records = Inputs(spark, arguments).records(spark, partitions)

    map_command = shlex.join([python, map_script])
    lines = records.pipe(map_command, env=env, checkCode=True).cache()

    skipped = lines.filter(lambda line: line.startswith('{"skipped"')).map(lambda line: json.loads(line)["skipped"]).collect()
    claims = lines.filter(lambda line: not line.startswith('{"skipped"'))
    counts = claims.map(lambda line: (json.loads(line)["doc"], 1)).reduceByKey(lambda a, b: a + b).collect()

    keyed = claims.map(lambda line: (group_key(line), line)).filter(lambda pair: pair[0] is not None)
    grouped = keyed.groupByKey(numPartitions=partitions)
    reconcile_command = shlex.join([tally_bin, "reconcile", "-", "--format", "json"])
    reports = (grouped.flatMap(lambda pair: pair[1])
               .pipe(reconcile_command, env=env, checkCode=True)
               .mapPartitions(lambda part: [json.loads("\n".join(part))]))
    findings = []
    for report in reports.collect():
        findings.extend(report.get("findings", []))
    findings.sort(key=finding_order)
    lines.unpersist()
    return {
        "version": 1,
        "documents": [{"doc": doc, "claims": count} for doc, count in sorted(counts)],
        "findings": findings,
        "skipped": sorted(skipped, key=lambda s: s["path"]),
    }


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Run tally extract + reconcile on Spark.")
    parser.add_argument("paths", nargs="+", help="article files or folders (any Hadoop path)")
    parser.add_argument("--tally-bin", default=os.environ.get("TALLY_BIN", os.path.join(REPO, ".build/debug/tally")),
                        help="the tally executable as seen on the executors (default: $TALLY_BIN or this checkout's debug build)")
    parser.add_argument("--rules", default=os.environ.get("TALLY_RULES", os.path.join(REPO, "rules")),
                        help="the rules folder as seen on the executors (default: $TALLY_RULES or this checkout's rules/)")
    parser.add_argument("--map-script", default=os.path.join(HERE, "tally_map.py"),
                        help="tally_map.py as seen on the executors (ship it with --files on a cluster)")
    parser.add_argument("--python", default=os.environ.get("PYSPARK_PYTHON", "python3"),
                        help="Python on the executors, for the map script (default: $PYSPARK_PYTHON or python3)")
    parser.add_argument("--partitions", type=int, help="map and reduce partitions (default: the default parallelism, at least 2)")
    parser.add_argument("--tally-jobs", type=int, default=1, help="threads per tally process (default 1: one task per core)")
    parser.add_argument("--strict", action="store_true", help="fail when tally skips an input (exit status 2)")
    parser.add_argument("--output", "-o", help="write the report JSON here (default: stdout)")
    return parser.parse_args(argv)


def main(argv=None):
    from pyspark.sql import SparkSession

    options = parse_arguments(sys.argv[1:] if argv is None else argv)
    spark = SparkSession.builder.appName("tally").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    report = run(spark, options.paths, options.tally_bin, options.rules, options.map_script,
                 python=options.python, partitions=options.partitions, jobs=options.tally_jobs, strict=options.strict)
    text = json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if options.output:
        with open(options.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    for entry in report["skipped"]:
        sys.stderr.write(f"tally_spark: skipped {entry['path']}: {entry['reason']}\n")
    return 2 if report["skipped"] else 0


if __name__ == "__main__":
    sys.exit(main())
