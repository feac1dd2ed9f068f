#!/usr/bin/env bash
# The benchmarks: builds rt and the generator in release mode, makes synthetic team folders of
# 1 000, 10 000 and 100 000 cases under target/bench/ (kept between runs), times the commands
# against the read floor and a Python tomllib script, and writes BENCHMARKS.md.
#   bash bench/run.sh            all three sizes
#   bash bench/run.sh 1000 10000 only these
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --bin rt --example generate
python3 bench/bench.py "$@"
