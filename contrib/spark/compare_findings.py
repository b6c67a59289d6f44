#!/usr/bin/env python3
"""Checks that two Tally reports (JSON) carry the same findings; prints a diff and exits 1 if not.

    compare_findings.py single-machine.json spark.json

A finding is compared by verdict, kind, subject, event and the set of its claims' (doc, start), so
order and wording of reasons do not matter; the reasons are compared too and reported separately.
"""

import json
import sys


def signature(finding):
    claims = tuple(sorted((c["doc"], c["start"]) for c in finding.get("claims", [])))
    return (finding["verdict"], finding["kind"], finding.get("subject") or "", finding.get("event") or "", claims)


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["findings"]


def compare(expected, actual):
    """Lines describing each difference (empty when the findings are equal)."""
    want = {signature(f): f for f in expected}
    got = {signature(f): f for f in actual}
    problems = []
    if len(want) != len(expected) or len(got) != len(actual):
        problems.append(f"duplicate findings: {len(expected)} vs {len(want)} distinct; {len(actual)} vs {len(got)} distinct")
    for key in sorted(set(want) - set(got)):
        problems.append("- only in the first:  " + describe(key))
    for key in sorted(set(got) - set(want)):
        problems.append("+ only in the second: " + describe(key))
    for key in sorted(set(want) & set(got)):
        if want[key].get("reason") != got[key].get("reason"):
            problems.append("~ reason differs for " + describe(key))
    return problems


def describe(key):
    verdict, kind, subject, event, claims = key
    cited = ", ".join(f"{doc}@{start}" for doc, start in claims)
    return f"{verdict} {kind} / {subject or '-'} / {event or '-'}: {cited}"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: compare_findings.py EXPECTED.json ACTUAL.json\n")
        return 64
    expected, actual = load(argv[1]), load(argv[2])
    problems = compare(expected, actual)
    if problems:
        print(f"findings differ ({len(expected)} vs {len(actual)}):")
        print("\n".join(problems))
        return 1
    print(f"findings equal: {len(expected)} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
