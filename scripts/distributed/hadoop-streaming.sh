#!/usr/bin/env bash
# Hadoop Streaming: `entgraph count` as the mapper, `entgraph merge -` as the reducer.
# An example for a cluster (not run here: no Hadoop on this machine). entgraph must be installed
# on every node (or shipped with -files).
#
# Every counts record has three key fields; equal keys add up. Hadoop must therefore use three
# key fields and sort keys as bytes (its default Text comparator does), so that every reducer
# sees its records in LC_ALL=C order, which `entgraph merge` checks.
# With several reducers each writes a part of the summed counts; every key is in exactly one
# part, and the header in all of them, so `entgraph merge part-*` (which takes any number of
# sorted files) gives the final counts.
# Usage: hadoop-streaming.sh HDFS_INPUT_DIR HDFS_OUTPUT_DIR [REDUCERS]
set -euo pipefail
in="$1"; out="$2"; reducers="${3:-4}"
hadoop jar "${HADOOP_STREAMING_JAR:-$HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming.jar}" \
  -D stream.num.map.output.key.fields=3 \
  -D mapreduce.job.reduces="$reducers" \
  -input "$in" -output "$out" \
  -mapper 'entgraph count --jsonl --quiet -' \
  -reducer 'entgraph merge -'
mkdir -p parts
hdfs dfs -get "$out"/part-* parts/
entgraph merge parts/part-* -o all.counts
entgraph build --counts all.counts -o graph.graphml -o graph.svg
