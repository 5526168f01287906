"""Medians of docs/bench-train.sh's RESULT lines (images/s) and the ratios docs/benchmarks.md quotes."""
import re
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    if not line.startswith("RESULT"):
        continue
    fields = dict(re.findall(r"(\w+)=(\S+)", line))
    key = (fields.get("design"), fields.get("jobs", ""), fields.get("mode"))
    rows.setdefault(key, []).append(float(fields["img_per_s"]))

median = {key: statistics.median(values) for key, values in rows.items()}
for (design, jobs, mode), value in sorted(median.items(), key=lambda kv: str(kv[0])):
    label = f"{jobs} job(s) " if jobs else ""
    values = " ".join(f"{v:.0f}" for v in rows[(design, jobs, mode)])
    print(f"  {design:14} {label}{mode:8} median {value:8.1f}   runs: {values}")


def lenet(mode):
    return median.get(("lenet", "", mode))


if lenet("service") and lenet("bare"):
    print(f"  service / bare DL4J: {lenet('service') / lenet('bare'):.3f}")
if lenet("service") and lenet("pytorch"):
    print(f"  service / PyTorch: {lenet('service') / lenet('pytorch'):.3f}"
          f"   bare DL4J / PyTorch: {lenet('bare') / lenet('pytorch'):.3f}")
one, two = median.get(("lenet", "1", "service")), median.get(("lenet", "", "2-jobs"))
if one and two:
    print(f"  two concurrent jobs / one job (total throughput): {two / one:.3f}")
