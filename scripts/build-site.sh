#!/usr/bin/env bash
# Builds the example site: installs what building needs, builds the release binary, then runs
#   .build/release/phiencho build
# on content/ with the default theme into public/. Extra arguments go to `phiencho build`,
# e.g. ./scripts/build-site.sh --now 2026-11-22 --base-url http://localhost:8000/
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "build-site: the Swift toolchain (swift) is not on PATH" >&2; exit 2; }

./scripts/setup.sh build

echo "build-site: swift build -c release --product phiencho"
swift build -c release --product phiencho

echo "build-site: .build/release/phiencho build${*:+ $*}"
status=0
.build/release/phiencho build "$@" || status=$?
if ((status != 0)); then
    echo "build-site: phiencho build failed (exit $status); public/ was not changed" >&2
    exit "$status"
fi

output=public
for ((i = 1; i <= $#; i++)); do
    if [[ ${!i} == --output ]]; then
        next=$((i + 1))
        output=${!next}
    elif [[ ${!i} == --output=* ]]; then
        output=${!i#--output=}
    fi
done
echo "build-site: the site is in $(cd "$output" && pwd)/ (home page: $output/index.html)"
