#!/usr/bin/env bash
# Kills a large wallet import with SIGKILL at random moments, many times (100
# by default; CI runs the same test with 12), checking after each kill that
# the database passes `PRAGMA integrity_check` and holds only whole badges,
# and at the end that a rerun adds exactly the rest, without duplicates.
#
#     bash scripts/crash-wallet.sh [KILLS] [SEED]
#
# The seed is printed; pass it back to replay a run.
set -euo pipefail
cd "$(dirname "$0")/.."
export WALLET_CRASH_KILLS="${1:-100}"
if [[ $# -ge 2 ]]; then export WALLET_CRASH_SEED="$2"; fi
exec cargo test --test cli wallet::an_import_killed_at_random_moments -- --nocapture
