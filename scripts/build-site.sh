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
command -v swift >/dev/null 2>&1 || { echo "build-site: không tìm thấy bộ công cụ Swift (lệnh swift); hãy cài Swift rồi chạy lại" >&2; exit 2; }

output=public
for ((i = 1; i <= $#; i++)); do
    if [[ ${!i} == --output ]]; then
        next=$((i + 1))
        output=${!next:-public}
    elif [[ ${!i} == --output=* ]]; then
        output=${!i#--output=}
    fi
done

./scripts/setup.sh build

if [[ -x .build/release/phiencho ]]; then
    echo "build-site: biên dịch lại phiencho nếu mã nguồn có thay đổi (swift build -c release --product phiencho)"
else
    echo "build-site: đang biên dịch phiencho lần đầu; việc này mất vài phút (có máy tới 10 phút), các lần sau chỉ vài giây."
fi
swift build -c release --product phiencho

echo "build-site: đang tạo trang: .build/release/phiencho build${*:+ $*}"
status=0
.build/release/phiencho build "$@" || status=$?
if ((status != 0)); then
    echo "build-site: chưa tạo trang (mã kết thúc $status); thư mục $output/ vẫn giữ nguyên như trước. Hãy sửa các lỗi ở trên rồi chạy lại." >&2
    exit "$status"
fi

echo "build-site: trang đã được tạo trong $(cd "$output" && pwd)/"
echo "build-site: để xem trang trên máy này, chạy: .build/release/phiencho serve   rồi mở http://127.0.0.1:8080/ trong trình duyệt"
echo "build-site: (mở thẳng tệp $output/index.html từ ổ đĩa thì trang vẫn đọc được, nhưng ô tìm kiếm cần một địa chỉ web nên không chạy)"
