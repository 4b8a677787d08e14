#!/usr/bin/env bash
# The test suite with the clock moved ahead, to find tests tied to the calendar:
#   npm run test:later -- DAYS [jest arguments]     e.g. npm run test:later -- 40 test/workerKill.test.ts
# Needs libfaketime (Debian: apt-get install faketime); see test/support/laterClock.ts for what runs on which clock.
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-}
if ! [[ "$days" =~ ^[0-9]+$ ]]; then
  echo "usage: npm run test:later -- DAYS [jest arguments]   (DAYS: whole days ahead, e.g. 40)" >&2
  exit 2
fi
shift
if ! command -v faketime >/dev/null 2>&1; then
  echo "test:later needs libfaketime: apt-get install faketime" >&2
  exit 2
fi
npm run build --silent
exec faketime -f "+${days}d" node_modules/.bin/jest "$@"
