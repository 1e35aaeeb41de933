#!/usr/bin/env python3
"""Run docpipe's stream mode under Apache Spark (RDD.pipe), then check the results.

    python3 scripts/scale-out/spark_pipe.py INPUT.jsonl OUTPUT.jsonl [--docpipe PATH] [--config FILE]
                                           [--partitions N]

Each partition's lines go through one `docpipe filter` process; checkCode=True makes Spark fail
the task (and retry it) when docpipe exits non-zero, so a failure is never silent. Documents that
fail inside docpipe come back as error records ({"id", "line", "error": {...}}) and are counted.
The script verifies that every input record came back exactly once and writes the results in
input order. Needs pyspark (pip install pyspark) and Java; runs Spark in local mode.
"""
import argparse
import json
import os
import shlex
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--docpipe", default=os.path.abspath(".build/release/docpipe"))
    ap.add_argument("--config", default=os.path.abspath("pipeline.json"))
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster("local[2]").setAppName("docpipe").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = open(args.input, encoding="utf-8").read().splitlines()
        # Give every record an id (its line number) when it has none, so results can be matched.
        records = []
        for n, line in enumerate(lines, 1):
            try:
                obj = json.loads(line)
                if isinstance(obj, dict) and "id" not in obj:
                    obj["id"] = f"line-{n}"
                    line = json.dumps(obj, ensure_ascii=False)
            except ValueError:
                pass
            records.append(line)
        rdd = sc.parallelize(records, args.partitions)
        # PySpark splits the command with shlex; quote it so paths with spaces survive.
        command = shlex.join([args.docpipe, "filter", "--config", args.config, "--jobs", "1", "--no-cache"])
        results = rdd.pipe(command, checkCode=True).collect()
    finally:
        sc.stop()

    if len(results) != len(records):
        sys.exit(f"error: {len(records)} records in, {len(results)} results out")
    out_ids = []
    failed = 0
    for r in results:
        obj = json.loads(r)
        out_ids.append(str(obj.get("id")))
        if "error" in obj:
            failed += 1
    in_ids = []
    for n, line in enumerate(records, 1):
        try:
            obj = json.loads(line)
            in_ids.append(str(obj.get("id")) if isinstance(obj, dict) and "id" in obj else f"line-{n}")
        except ValueError:
            in_ids.append(None)
    if sorted(i for i in out_ids) != sorted(i if i is not None else o for i, o in zip(in_ids, out_ids)):
        sys.exit("error: the ids that came back differ from the ids sent")
    with open(args.output, "w", encoding="utf-8") as f:
        for r in results:
            f.write(r + "\n")
    print(f"spark: {len(records)} records, {len(results)} results, {failed} error records -> {args.output}")


if __name__ == "__main__":
    main()
