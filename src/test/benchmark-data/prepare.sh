#!/usr/bin/env bash
# Writes public medical datasets that ship inside Debian packages into a folder, in formats DeepRounds imports, for
# PublishedBaselinesBenchmark (docs/benchmarks.md). Development time only: the app and its tests never run this.
#
#   src/test/benchmark-data/prepare.sh [OUT]        (default OUT: target/benchmark-data)
#
# Needs apt-get (to download, not install, r-cran-mlbench) and the Debian package python3-rdata (reads R's .rda).
set -euo pipefail
out=${1:-target/benchmark-data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
(cd "$work" && apt-get download r-cran-mlbench >/dev/null && dpkg -x r-cran-mlbench_*.deb x)
"${PYTHON:-/usr/bin/python3}" -W ignore - "$work/x/usr/lib/R/site-library/mlbench/data" "$out" <<'PY'
import sys, rdata
src, out = sys.argv[1], sys.argv[2]
def load(name):
    return rdata.conversion.convert(rdata.parser.parse_file(f"{src}/{name}.rda"))[name]

# StatLog DNA (primate splice junctions): 3,186 windows of 60 nt, each base as three indicators
# (A 100, C 010, G 001, T 000); classes ei (exon-intron), ie (intron-exon), n (neither).
# StatLog's published protocol: the first 2,000 for training, the last 1,186 for testing, written into one FASTA
# as split=train / split=test header tags, which the import keeps (validation is carved from the 2,000).
dna = load("DNA")
code = {(1, 0, 0): "A", (0, 1, 0): "C", (0, 0, 1): "G", (0, 0, 0): "T"}
with open(f"{out}/statlog-dna.fasta", "w") as f:
    for i in range(len(dna)):
        bits = [int(v) for v in dna.iloc[i, :180]]
        seq = "".join(code[tuple(bits[k:k + 3])] for k in range(0, 180, 3))
        part = "train" if i < 2000 else "test"
        f.write(f">dna{i + 1:04d} class={dna.iloc[i, 180]} split={part}\n{seq}\n")

# Pima Indians Diabetes (version 2: impossible zeros recorded as missing).
pima = load("PimaIndiansDiabetes2")
pima.to_csv(f"{out}/pima-indians-diabetes.csv", index=False, na_rep="")
PY
ls -l "$out"
