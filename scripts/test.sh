#!/usr/bin/env bash
# Runs every test of phiencho, after installing what the tests need (scripts/setup.sh test):
#   1. swift build                the engine and the phiencho command (debug)
#   2. swift test                 Swift unit tests (XCTest and Swift Testing), Tests/
#   3. node --test                theme scripts' tests, themes/*/assets/*.test.mjs and
#                                 tests/js/*.test.mjs (skipped when there are none)
#   4. pytest tests/acceptance    acceptance tests against the built binary, in .venv/
# Each runner prints its own closing line. Exits non-zero when any step fails; pytest's exit 5
# ("no tests collected") counts as a failure, since the acceptance suite is never empty.
set -uo pipefail
shopt -s nullglob

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    PATH="/opt/swift/usr/bin:$PATH"
fi
command -v swift >/dev/null 2>&1 || { echo "test: không tìm thấy bộ công cụ Swift (lệnh swift) trong PATH" >&2; exit 2; }

./scripts/setup.sh test || exit $?

failed=()
step() {
    local name=$1
    shift
    echo
    echo "==> bước $name: $*"
    "$@"
    local status=$?
    if ((status != 0)); then
        echo "==> $name thất bại (mã kết thúc $status)" >&2
        failed+=("$name")
    fi
    return "$status"
}

if ! step "swift build" swift build; then
    echo "test: gói không biên dịch được; không chạy được kiểm thử nào" >&2
    exit 1
fi

step "swift test" swift test

js_tests=(themes/*/assets/*.test.mjs tests/js/*.test.mjs)
if ((${#js_tests[@]})); then
    step "node --test" node --test "${js_tests[@]}"
else
    echo
    echo "==> node --test: không có themes/*/assets/*.test.mjs hay tests/js/*.test.mjs, bỏ qua"
fi

PHIENCHO_BIN="$(swift build --show-bin-path)/phiencho"
export PHIENCHO_BIN
echo
echo "==> bước kiểm thử chấp nhận: pytest tests/acceptance (PHIENCHO_BIN=$PHIENCHO_BIN)"
.venv/bin/python -m pytest -p no:cacheprovider -ra tests/acceptance </dev/null
status=$?
if ((status == 5)); then
    echo "==> pytest không tìm thấy kiểm thử nào: đó là lỗi, bộ kiểm thử chấp nhận không bao giờ trống" >&2
    failed+=("pytest")
elif ((status != 0)); then
    echo "==> pytest thất bại (mã kết thúc $status)" >&2
    failed+=("pytest")
fi

echo
if ((${#failed[@]})); then
    echo "test: CÁC BƯỚC THẤT BẠI: ${failed[*]}" >&2
    exit 1
fi
echo "test: mọi bước đều đạt"
