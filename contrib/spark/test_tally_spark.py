#!/usr/bin/env python3
"""Tests of the Spark job and its known traps (`python -m unittest` from this folder, pyspark installed).

TALLY_BIN (default: the checkout's .build/debug/tally) must be built; Spark tests need Java.
"""

import base64
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_findings  # noqa: E402
import tally_spark  # noqa: E402

REPO = tally_spark.REPO
TALLY = os.environ.get("TALLY_BIN", os.path.join(REPO, ".build/debug/tally"))
RULES = os.path.join(REPO, "rules")
ARTICLES = os.path.join(REPO, "corpus/articles")
MAP_SCRIPT = os.path.join(HERE, "tally_map.py")


def tally_json(*arguments, cwd=REPO):
    """Runs tally and parses its JSON stdout (exit status 0 or 2: skipped inputs)."""
    result = subprocess.run([TALLY, *arguments], cwd=cwd, capture_output=True, env=dict(os.environ, TALLY_RULES=RULES))
    if result.returncode not in (0, 2):
        raise AssertionError(f"tally {' '.join(arguments)} failed: {result.stderr.decode()}")
    return result.stdout


def write_failing_tally(folder):
    """A stand-in tally that prints one claim line, then fails: what a crash mid-partition looks like."""
    path = os.path.join(folder, "failing-tally")
    with open(path, "w") as handle:
        handle.write("#!/bin/sh\n"
                     "echo '{\"doc\":\"x\",\"kind\":\"people\",\"subject\":\"crowd\",\"event\":null}'\n"
                     "echo 'tally: simulated failure' >&2\nexit 3\n")
    os.chmod(path, 0o755)
    return path


def messy_copy(folder):
    """Two corpus articles with old-Mac CR line ends and an invalid UTF-8 byte: what Hadoop's line reader mangles."""
    os.makedirs(folder)
    for name in ("000_8defa8e41f7bd2f8.txt", "003_5da635cc32b012b1.txt"):
        with open(os.path.join(ARTICLES, name), "rb") as handle:
            data = handle.read()
        first = data.index(b"\n")
        data = data[:first] + b" \xff\xfe" + data[first:]  # invalid UTF-8 in the headline
        # A space, a '%' and a non-ASCII letter in one name: Hadoop paths are URIs and must map back exactly.
        target = name if name.startswith("000") else "sub dir/3 % Ünï.txt"
        os.makedirs(os.path.dirname(os.path.join(folder, target)), exist_ok=True)
        with open(os.path.join(folder, target), "wb") as handle:
            handle.write(data.replace(b"\n", b"\r"))


class RecordTests(unittest.TestCase):
    def test_record_is_one_ascii_line_and_keeps_every_byte(self):
        data = b"a\rb\r\nc\n\xff\xfe \xe2\x80\xa8 \xc2\x85 end"
        record = tally_spark.encode_record(0, False, "x/a.txt", "in/x/a.txt", data)
        self.assertNotIn("\r", record)
        self.assertNotIn("\n", record)
        self.assertTrue(record.isascii())
        self.assertEqual(base64.b64decode(json.loads(record)["data"]), data)

    def test_large_jsonl_is_cut_after_line_ends_only(self):
        lines = [json.dumps({"id": str(i), "text": "x" * (i % 7)}).encode() + b"\n" for i in range(200)]
        data = b"".join(lines)
        pieces = tally_spark.chunks("crawl/day.jsonl", data, limit=300)
        self.assertGreater(len(pieces), 5)
        self.assertEqual(b"".join(p for _, p in pieces), data)
        for name, piece in pieces:
            self.assertTrue(piece.endswith(b"\n"))
            self.assertTrue(name.startswith("crawl/day.part") and name.endswith(".jsonl"))
        self.assertEqual(tally_spark.chunks("a.txt", data, limit=300), [("a.txt", data)])

    def test_group_key_is_kind_and_subject_and_drops_uncomparable_lines(self):
        claim = {"doc": "d", "kind": "prisoners", "subject": "prisoner exchange", "event": "2026-04"}
        self.assertEqual(tally_spark.group_key(json.dumps(claim)), ("prisoners", "prisoner exchange"))
        self.assertIsNone(tally_spark.group_key(json.dumps(dict(claim, subject=None))))
        self.assertIsNone(tally_spark.group_key(json.dumps({"skipped": {"path": "p", "reason": "r"}})))

    def test_pipe_environment_carries_rules_and_path(self):
        env = tally_spark.pipe_env("/opt/tally", "/opt/rules")
        self.assertEqual(env["TALLY_RULES"], "/opt/rules")
        self.assertEqual(env["TALLY_BIN"], "/opt/tally")
        self.assertTrue(env["PATH"])

    def test_compare_reports_a_missing_claim(self):
        finding = {"verdict": "conflict", "kind": "people", "subject": "crowd", "event": None, "reason": "r",
                   "claims": [{"doc": "a", "start": 1}, {"doc": "b", "start": 5}]}
        self.assertEqual(compare_findings.compare([finding], [dict(finding)]), [])
        fewer = dict(finding, claims=finding["claims"][:1])
        problems = compare_findings.compare([finding], [fewer])
        self.assertEqual(len(problems), 2)


class MapScriptTests(unittest.TestCase):
    """tally_map.py without Spark: records in, the claims single-machine tally prints out."""

    def run_map(self, records, tally=TALLY):
        env = tally_spark.pipe_env(tally, RULES)
        stdin = "".join(r + "\n" for r in records).encode()
        return subprocess.run([sys.executable, MAP_SCRIPT], input=stdin, capture_output=True, env=env)

    def test_messy_bytes_give_the_same_claims_as_one_machine(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = os.path.join(scratch, "messy")
            messy_copy(folder)
            expected = tally_json("extract", "messy", "--format", "jsonl", "--quiet", cwd=scratch).decode().splitlines()
            records = []
            for top, _, names in os.walk(folder):
                for name in sorted(names):
                    rel = os.path.relpath(os.path.join(top, name), folder)
                    with open(os.path.join(top, name), "rb") as handle:
                        records.append(tally_spark.encode_record(0, False, rel, "messy/" + rel, handle.read()))
            result = self.run_map(records)
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            got = [json.loads(line) for line in result.stdout.decode().splitlines()]
            self.assertGreater(len(expected), 10)
            self.assertEqual(got, [json.loads(line) for line in expected])

    def test_failing_tally_fails_the_map_script(self):
        with tempfile.TemporaryDirectory() as scratch:
            record = tally_spark.encode_record(0, False, "a.txt", "in/a.txt", b"About 2,000 people marched.")
            result = self.run_map([record], tally=write_failing_tally(scratch))
            self.assertEqual(result.returncode, 3)
            self.assertIn(b"simulated failure", result.stderr)

    def test_unsafe_paths_are_refused(self):
        record = tally_spark.encode_record(0, False, "../escape.txt", "x", b"text")
        result = self.run_map([record])
        self.assertEqual(result.returncode, 65)
        self.assertIn(b"unsafe record path", result.stderr)


@unittest.skipUnless(shutil.which("java") or os.environ.get("JAVA_HOME"), "Spark needs Java")
class SparkTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from pyspark.sql import SparkSession

        os.environ["PYTHONPATH"] = HERE + os.pathsep + os.environ.get("PYTHONPATH", "")  # for the Python workers
        cls.spark = (SparkSession.builder.master("local[2]").appName("tally-tests")
                     .config("spark.ui.showConsoleProgress", "false").getOrCreate())
        cls.spark.sparkContext.setLogLevel("FATAL")  # the failing-binary test logs expected task errors
        cls.sc = cls.spark.sparkContext

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()

    def test_pipe_runs_commands_with_an_empty_environment_unless_env_is_given(self):
        probe = shlex.join([sys.executable, "-c", "import os; print(os.environ.get('TALLY_RULES'), 'PATH' in os.environ)"])
        bare = self.sc.parallelize(["x"], 1).pipe(probe).collect()
        self.assertEqual(bare, ["None False"])  # the trap: no PATH, no TALLY_RULES
        given = self.sc.parallelize(["x"], 1).pipe(probe, env=tally_spark.pipe_env(TALLY, RULES)).collect()
        self.assertEqual(given, [f"{RULES} True"])

    def test_failing_binary_fails_the_job(self):
        with tempfile.TemporaryDirectory() as scratch:
            failing = write_failing_tally(scratch)
            # The trap: without checkCode the job "succeeds" with whatever was printed before the failure.
            truncated = self.sc.parallelize(["a", "b"], 1).pipe(shlex.join([failing])).collect()
            self.assertEqual(len(truncated), 1)
            with self.assertRaises(Exception) as caught:
                tally_spark.run(self.spark, [ARTICLES], failing, RULES, MAP_SCRIPT, python=sys.executable)
            self.assertIn("exit", str(caught.exception).lower() + repr(caught.exception).lower())

    def test_hadoop_line_reader_splits_on_cr_and_replaces_invalid_utf8(self):
        with tempfile.TemporaryDirectory() as scratch:
            path = os.path.join(scratch, "a.txt")
            with open(path, "wb") as handle:
                handle.write(b"one\rtwo \xff\n")
            self.assertEqual(self.sc.textFile(path).collect(), ["one", "two \ufffd"])  # the trap

    def test_messy_articles_give_the_single_machine_findings(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = os.path.join(scratch, "messy")
            messy_copy(folder)
            # Absolute paths: the JVM resolves relative ones against its own start folder.
            expected = json.loads(tally_json("report", folder, "--format", "json", "--quiet"))
            report = tally_spark.run(self.spark, [folder], TALLY, RULES, MAP_SCRIPT, python=sys.executable)
            self.assertGreater(len(expected["findings"]), 0)
            self.assertEqual(compare_findings.compare(expected["findings"], report["findings"]), [])
            self.assertEqual({d["doc"]: d["claims"] for d in report["documents"]},
                             {d["doc"]: d["claims"] for d in expected["documents"] if d["claims"]})


if __name__ == "__main__":
    unittest.main()
