#!/usr/bin/python3
"""The map and reduce steps of entgraph on a real engine: Dask's distributed scheduler.

A LocalCluster with two worker processes runs `entgraph count` on each shard of a JSON Lines
corpus (the map step), the partial counts come back to the client, and `entgraph merge` sums
them (the reduce step); `entgraph build --counts` must then write the very bytes of a direct
`entgraph build`. Uses Debian's python3-distributed; everything stays on this machine.

Usage: dask_run.py ENTGRAPH CORPUS.jsonl SHARDS OUTDIR
"""
import os
import subprocess
import sys

from dask.distributed import Client, LocalCluster


def count_shard(binary, path):
    """The map step, run on a worker: the worker's process id and the counts of one shard."""
    proc = subprocess.run([binary, "count", "--jsonl", "--quiet", path], capture_output=True, check=True)
    return os.getpid(), proc.stdout


def main():
    binary, corpus, shards, outdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with open(corpus, "rb") as fh:
        lines = fh.readlines()
    paths = []
    for i in range(shards):
        path = os.path.join(outdir, "shard-%d.jsonl" % i)
        with open(path, "wb") as fh:
            fh.writelines(lines[i::shards])
        paths.append(path)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, Client(cluster) as client:
        futures = client.map(count_shard, [binary] * len(paths), paths, pure=False)
        results = client.gather(futures)
    pids = {pid for pid, _ in results}
    # The map step ran in the cluster's worker processes, not in this client.
    assert os.getpid() not in pids, "shards were counted in the client process"
    part_files = []
    for i, (_, data) in enumerate(results):
        path = os.path.join(outdir, "part-%d.counts" % i)
        with open(path, "wb") as fh:
            fh.write(data)
        part_files.append(path)
    merged = os.path.join(outdir, "dask.counts")
    with open(merged, "wb") as fh:
        subprocess.run([binary, "merge", *part_files], stdout=fh, check=True)
    subprocess.run([binary, "build", "--counts", merged, "-o", os.path.join(outdir, "dask.graphml"),
                    "-o", os.path.join(outdir, "dask.dot"), "-o", os.path.join(outdir, "dask.tsv")],
                   check=True)
    print("dask: %d shards counted by %d worker processes" % (len(paths), len(pids)))


if __name__ == "__main__":
    main()
