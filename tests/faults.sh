#!/bin/sh
# The fault sweep of issue 16 (tests/integration/faults.rs): every case, its result and what it
# saw, printed as one table, the slow cases included (20 concurrent accepts, 1,000 nested
# folders, 300 kill -9 during writes, the extractor's measurements).
#
#   tests/faults.sh                  this build, in release
#   tests/faults.sh OTHER/claims     another build of claims (e.g. one from before the issue):
#                                    which cases it fails
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin claims
if [ $# -gt 0 ]; then
    CLAIMS_BIN="$(realpath "$1")"
    export CLAIMS_BIN
fi
exec cargo test --release --quiet --test integration faults::fault_sweep -- --ignored --nocapture
