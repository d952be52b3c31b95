#!/usr/bin/python3
"""Dask: `entgraph count` on each file as a task, `entgraph merge` on the parts.

The test suite runs the same steps on a LocalCluster (tests/counts/dask_run.py); for a real
cluster give the scheduler's address instead (`Client("tcp://scheduler:8786")`) and paths that
every worker can read.

Usage: dask-example.py OUT.counts FILE.jsonl...
"""
import subprocess
import sys

from dask.distributed import Client, LocalCluster


def count(path):
    return subprocess.run(["entgraph", "count", "--jsonl", "--quiet", path],
                          capture_output=True, check=True).stdout


def main():
    out, files = sys.argv[1], sys.argv[2:]
    with LocalCluster(dashboard_address=None) as cluster, Client(cluster) as client:
        parts = client.gather(client.map(count, files))
    names = []
    for i, data in enumerate(parts):
        names.append("%s.part-%d" % (out, i))
        with open(names[-1], "wb") as fh:
            fh.write(data)
    subprocess.run(["entgraph", "merge", *names, "-o", out], check=True)


if __name__ == "__main__":
    main()
