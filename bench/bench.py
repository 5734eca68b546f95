#!/usr/bin/env python3
"""phiencho benchmark: builds synthetic sites of N vacancies and prints a table.

    python3 bench/bench.py [--sizes 1000,10000,100000] [--binary .build/release/phiencho]

For each N: synthetic content (natural Vietnamese phrases, the example province's 129 communes, 15 sectors, about half
of the vacancies open at --now, 2,000 seeker records), then
  - a full build (pages, term pages, feeds, search index, leak audit): wall time (the fastest of
    `--repeat` builds up to 10,000 vacancies, of two above), pages/s, peak RSS;
  - a rebuild after editing one vacancy (into the output of earlier builds, as on a staff machine);
  - output size and search index size (raw and gzip);
  - the bytes a first and a second search query download (gzip), with the theme's own search.js;
  - at 10,000: a build that fails with 500 planted findings (50 seekers' phones on 10 pages each),
    and the first search result's time on a slow link in Chromium (bench/first_result.py).
Targets (issue 9, issue 4, and issue 16's audit time) are checked and printed; they live here, never
in timed tests. Content and outputs go to a tmpfs (/dev/shm) unless --disk; --both measures both.
"""
import argparse
import csv
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

import first_result
import relevance

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOW = "2026-11-22"

# Each role's sector, as an employer would file it.
SECTOR_OF = {
    "Công nhân may công nghiệp": "Dệt may – Da giày", "Lái xe tải hạng C": "Vận tải – Lái xe", "Phụ hồ": "Xây dựng",
    "Thợ hàn": "Cơ khí – Hàn", "Công nhân bốc xếp kho": "Kho vận – Bốc xếp", "Phụ bếp": "Dịch vụ – Nhà hàng",
    "Nhân viên bảo vệ": "Bảo vệ", "Công nhân đóng gói": "Đóng gói – Lắp ráp", "Công nhân trồng rau": "Nông nghiệp",
    "Công nhân chăn nuôi": "Nông nghiệp", "Thợ mộc": "Sản xuất đồ gỗ", "Thợ điện": "Điện – Điện tử",
    "Công nhân vệ sinh": "Vệ sinh môi trường", "Nhân viên giao hàng": "Kho vận – Bốc xếp", "Thợ cơ khí": "Cơ khí – Hàn",
    "Thợ đá mỹ nghệ": "Thủ công mỹ nghệ", "Công nhân sản xuất gạch": "Vật liệu xây dựng", "Thợ sơn": "Xây dựng",
    "Công nhân lắp ráp điện tử": "Điện – Điện tử", "Nhân viên phục vụ nhà hàng": "Dịch vụ – Nhà hàng", "Thợ xây": "Xây dựng",
    "Công nhân chế biến thực phẩm": "Chế biến thực phẩm", "Công nhân may mũ giày": "Dệt may – Da giày",
    "Lái xe nâng": "Kho vận – Bốc xếp", "Thợ sửa xe máy": "Cơ khí – Hàn",
}
ROLES = ["Công nhân may công nghiệp", "Lái xe tải hạng C", "Phụ hồ", "Thợ hàn", "Công nhân bốc xếp kho",
         "Phụ bếp", "Nhân viên bảo vệ", "Công nhân đóng gói", "Công nhân trồng rau", "Công nhân chăn nuôi",
         "Thợ mộc", "Thợ điện", "Công nhân vệ sinh", "Nhân viên giao hàng", "Thợ cơ khí", "Thợ đá mỹ nghệ",
         "Công nhân sản xuất gạch", "Thợ sơn", "Công nhân lắp ráp điện tử", "Nhân viên phục vụ nhà hàng",
         "Thợ xây", "Công nhân chế biến thực phẩm", "Công nhân may mũ giày", "Lái xe nâng", "Thợ sửa xe máy"]
QUALIFIERS = ["", "", "ca ngày", "ca đêm", "theo mùa vụ", "làm theo giờ", "có chỗ ở", "gần nhà", "xưởng 2", "tại công trình"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Đinh", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Ngọc", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hùng", "Lan", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tuấn", "Hà", "Yến", "Long", "Hải"]
COMPANY_WORDS = ["Hoa Lư", "Tràng An", "Kim Sơn", "Phát Đạt", "Thành Công", "Bình Minh", "An Phú", "Hưng Thịnh",
                 "Xuân Trường", "Gia Viễn", "Nam Định", "Phủ Lý", "Đồng Văn", "Tam Điệp", "Yên Mô", "Hải Hậu"]
KINDS = ["Công ty TNHH", "Công ty cổ phần", "Hợp tác xã", "Hộ kinh doanh", "Xưởng"]
SENTENCES = [
    "Công việc ổn định, làm giờ hành chính và nghỉ Chủ nhật.",
    "Người chưa có kinh nghiệm sẽ được hướng dẫn tại chỗ trong tháng đầu.",
    "Đơn vị không phân biệt quá khứ và tạo điều kiện cho người đã chấp hành xong án phạt tù.",
    "Có bữa trưa tại xưởng, được đóng bảo hiểm xã hội sau khi ký hợp đồng.",
    "Tăng ca khi có đơn hàng gấp, có báo trước và tính lương riêng.",
    "Nơi làm việc gần trục đường chính, thuận tiện đi lại bằng xe máy hoặc xe buýt.",
    "Ưu tiên người ở gần, có sức khỏe tốt và chăm chỉ.",
    "Lương trả đúng hạn vào ngày 10 hằng tháng qua tài khoản ngân hàng.",
    "Được cấp quần áo bảo hộ và dụng cụ làm việc.",
    "Có xe nâng và máy móc hỗ trợ, không phải mang vác nặng quá sức.",
]


STAGES = ["load", "validate", "render", "derive", "audit", "write"]
VILLAGES = ["Thôn", "Xóm", "Tổ", "Tổ dân phố", "Khu", "Ấp", "Bản"]


def plant_findings(content, phones, pages_each=10):
    """Pastes each phone into the description of `pages_each` vacancies (50 phones: 500 findings)."""
    # Open vacancies only (the even ones), so that every pasted phone is published.
    files = sorted(os.path.join(base, name) for base, _, names in os.walk(os.path.join(content, "vacancies"))
                   for name in names if int(name[6:12]) % 2 == 0)
    for index, phone in enumerate(phones):
        for copy in range(pages_each):
            path = files[(index * pages_each + copy) * 7 % len(files)]
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"\nLiên hệ {phone[:4]} {phone[4:7]} {phone[7:]}.\n")


def load_list(name):
    import yaml
    with open(os.path.join(ROOT, "content", name), encoding="utf-8") as f:
        return yaml.safe_load(f)


def generate(folder, count, rng):
    """Writes the corpus; returns each vacancy's record (id, title, role, qualifier, commune, sector,
    employer, open) for the relevance set."""
    records = []
    os.makedirs(os.path.join(folder, "vacancies"))
    os.makedirs(os.path.join(folder, "pages"))
    os.makedirs(os.path.join(folder, "seekers"))
    shutil.copy(os.path.join(ROOT, "content", "site.yml"), folder)
    # Every commune of the province, Đại Hoàng, Vũ Dương and Mỹ Lộc among them (names that fold to
    # street words: "đại lộ", "đường", "lộ").
    communes = load_list("communes.yml")
    sector_names = {s["name"] for s in load_list("sectors.yml")}
    assert set(SECTOR_OF.values()) <= sector_names and set(SECTOR_OF) == set(ROLES)
    with open(os.path.join(folder, "communes.yml"), "w", encoding="utf-8") as f:
        for c in communes:
            f.write(f"- name: {c['name']}\n  kind: {c['kind']}\n")
    shutil.copy(os.path.join(ROOT, "content", "sectors.yml"), folder)
    shutil.copy(os.path.join(ROOT, "content", "synonyms.yml"), folder)
    for page in os.listdir(os.path.join(ROOT, "content", "pages")):
        shutil.copy(os.path.join(ROOT, "content", "pages", page), os.path.join(folder, "pages"))
    for i in range(count):
        open_now = i % 2 == 0
        posted_day = rng.randint(1, 300)
        posted = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((2026, 1, 1, 12, 0, 0, 0, 0, 0)) + posted_day * 86400))
        if open_now:
            expires = "2027-%02d-%02d" % (rng.randint(1, 6), rng.randint(1, 28))
        else:
            expires = posted
        role = rng.choice(ROLES)
        qualifier = rng.choice(QUALIFIERS)
        title = f"{role} {qualifier}".strip()
        employer = f"{rng.choice(KINDS)} {rng.choice(COMPANY_WORDS)} {i % 97}"
        place = rng.choice(communes)
        commune = place["name"]
        sector = SECTOR_OF[role]
        lo = rng.randint(40, 90) * 100000
        body = "\n\n".join(" ".join(rng.sample(SENTENCES, 3)) for _ in range(2))
        month = posted[:7]
        records.append({"id": f"BENCH-{i:06d}", "title": title, "role": role, "qualifier": qualifier, "commune": commune,
                        "sector": sector, "employer": employer, "open": open_now})
        os.makedirs(os.path.join(folder, "vacancies", month), exist_ok=True)
        with open(os.path.join(folder, "vacancies", month, f"bench-{i:06d}.md"), "w", encoding="utf-8") as f:
            f.write(f"""---
id: BENCH-{i:06d}
title: "{title}"
status: approved
posted: {posted}
expires: {expires}
employer:
  name: "{employer}"
  address: "{rng.choice(VILLAGES)} {rng.randint(1, 30)}, {place['kind']} {commune}{rng.choice(['', ', tỉnh Ninh Bình'])}"
  phone: "0229 3{rng.randint(100, 999)} {rng.randint(100, 999)}"
location:
  commune: "{commune}"
sector: "{sector}"
employment_type: {rng.choice(['full_time', 'part_time', 'seasonal'])}
openings: {rng.randint(1, 30)}
salary:
  min: {lo}
  max: {lo + rng.randint(0, 30) * 100000}
  period: month
requirements:
  - {rng.choice(['Từ 18 tuổi trở lên', 'Nam, nữ sinh năm 1975–2006', 'Sinh từ năm 1980 đến 2004'])}
  - {rng.choice(['Chăm chỉ, đi làm đều', 'Có sức khỏe tốt', 'Biết đọc, biết viết', 'Trình độ 9/12 trở lên'])}
tags:
  - {rng.choice(['không yêu cầu kinh nghiệm', 'có chỗ ở', 'bao ăn trưa', 'gần nhà', 'nhận người đã chấp hành xong án phạt tù'])}
internal:
  nguon: Công an xã
---
{body}
""")
    # Seekers as a province's are: common family names, shared birth years, the same communes and
    # thôn as the employers' addresses above (the everyday case of a local job fair), the plan's
    # categories; none of this may be a finding.
    with open(os.path.join(folder, "seekers", "ho-so.csv"), "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(["ma_ho_so", "ho_ten", "ngay_sinh", "gioi_tinh", "so_cccd", "dien_thoai", "xa_phuong", "dia_chi",
                         "tinh_trang_an_tich", "trinh_do_hoc_van", "ky_nang", "nhu_cau_viec_lam", "ghi_chu"])
        phones = []
        for s in range(2000):
            commune = rng.choice(communes)
            born = rng.randint(1960, 2005)
            phones.append("09%08d" % rng.randint(0, 10**8 - 1))
            writer.writerow([f"HS-2026-{s:05d}", f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}",
                             "%02d/%02d/%d" % (rng.randint(1, 28), rng.randint(1, 12), born) if s % 2 else born,
                             rng.choice(["Nam", "Nữ"]), "037%09d" % rng.randint(0, 10**9 - 1), phones[-1],
                             commune["name"], f"{rng.choice(VILLAGES)} {rng.randint(1, 30)}, {commune['kind'].lower()} {commune['name']}",
                             rng.choice(["Chấp hành xong án phạt tù, chưa được xóa án tích", "Đã được xóa án tích", "Đang chấp hành án treo"]),
                             rng.choice(["9/12", "12/12", "7/12", "Trung cấp nghề"]), rng.choice(ROLES), rng.choice(ROLES),
                             rng.choice(["Chưa có việc làm", "Biết bơi", "Có bằng lái xe máy", ""])])
    return records, phones


def run_measured(command, expect=0):
    """Runs a command in a fresh Python process so ru_maxrss is that command's own peak.

    First the disk is synced: the previous build's 50-500 MB would otherwise still be written back
    by the kernel during this one, on the same two cores."""
    os.sync()
    time.sleep(1)
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
             "w = time.perf_counter() - t; "
             "print(r.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
             "sys.stderr.write(r.stderr.decode())")
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True)
    code, wall, rss_kb = out.stdout.split()
    if int(code) != expect:
        sys.exit(f"build ended with {code}, not {expect}:\n{out.stderr[:5000]}")
    stages = [float(m.group(2).replace(",", ".")) for m in re.finditer(r"^\[(\d)/\d\] .*: ([\d,]+) giây \(CPU", out.stderr, re.M)]
    return float(wall), int(rss_kb) * 1024, stages


def folder_size(folder, gz=False):
    total = 0
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            total += len(gzip.compress(open(path, "rb").read(), 6)) if gz else os.path.getsize(path)
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "phiencho"))
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--disk", action="store_true",
                        help="content and outputs in the system's temporary folder on disk instead of a tmpfs (/dev/shm): "
                             "on this project's disk, freed inodes slow down the folders made after them for minutes")
    parser.add_argument("--both", action="store_true", help="measure every size on the tmpfs, then on disk")
    parser.add_argument("--repeat", type=int, default=3, help="full builds per size up to 10,000, at most two above (the fastest counts)")
    args = parser.parse_args()
    rng = random.Random(42)
    rows = []
    stage_rows = []
    relevance_rows = []
    # Removed only at the end: on an ext4 file system without a journal, inodes freed in the last
    # minutes make creating new ones slow, and one size's clean-up would slow the next size's build.
    works = []
    failures = []
    shm = os.path.isdir("/dev/shm")
    locations = ["tmpfs", "disk"] if args.both and shm else ["disk"] if args.disk or not shm else ["tmpfs"]
    for location in locations:
        rng = random.Random(42)   # the same corpora in every location
        for n in [int(x) for x in args.sizes.split(",")]:
            work = tempfile.mkdtemp(prefix=f"phiencho-bench-{n}-", dir="/dev/shm" if location == "tmpfs" else None)
            content, output = os.path.join(work, "content"), os.path.join(work, "public")
            records, phones = generate(content, n, rng)
            def command_into(folder):
                return [args.binary, "build", "--content", content, "--themes", os.path.join(ROOT, "themes"),
                        "--output", folder, "--now", NOW, "--timings"]
            # The fastest of `--repeat` full builds, each into a new folder (this VM's timings vary by
            # ±20 % from run to run); the peak memory is the largest.
            repeat = args.repeat if n <= 10000 else min(args.repeat, 2)
            runs = [run_measured(command_into(f"{output}-{attempt}")) for attempt in range(1, repeat)]
            runs.append(run_measured(command_into(output)))
            wall, _, stages = min(runs, key=lambda run: run[0])
            rss = max(run[1] for run in runs)
            command = command_into(output)
            pages = sum(1 for base, _, files in os.walk(output) for f in files if f.endswith(".html"))
            edited = os.path.join(content, "vacancies", sorted(os.listdir(os.path.join(content, "vacancies")))[-1])
            first = sorted(os.listdir(edited))[0]
            path = os.path.join(edited, first)
            # A staff member's build replaces the site of the build before it, which left its emptied
            # folders beside the output: one unmeasured rebuild gets there, then one vacancy is edited.
            run_measured(command)
            text = open(path, encoding="utf-8").read().replace('title: "', 'title: "Đã sửa: ', 1)
            open(path, "w", encoding="utf-8").write(text)
            rebuild, _, rebuild_stages = run_measured(command)
            index = os.path.join(output, "tim-kiem")
            queries = json.loads(subprocess.run(["node", os.path.join(ROOT, "bench", "query-bytes.js"), index,
                                                 "cong nhan may", "lái xe"], capture_output=True, text=True, check=True).stdout)
            p10, p10_kinds, misses, largest_first, judged = relevance.measure(output, records)
            # The first result on a slow link, in Chromium (10,000 only: three cold loads take a while).
            first_s = first_result.measure(output, "lai xe") if n == 10000 else None
            row = {
                "N": n, "build_s": wall, "pages": pages, "pages_per_s": pages / wall, "rebuild_s": rebuild,
                "peak_mb": rss / 2**20, "output_mb": folder_size(output) / 2**20,
                "index_kb": folder_size(index) / 1024, "index_gz_kb": folder_size(index, gz=True) / 1024,
                "q1_kb": queries[0]["bytes"] / 1024, "q2_kb": queries[1]["bytes"] / 1024,
                "qmax_kb": largest_first / 1024, "p10": p10,
            }
            if first_s is not None:
                row["first_result_s"] = first_s
            # A failing build: 50 seekers' phones pasted on 10 pages each (500 findings), after the
            # other measurements (the corpus is changed for good).
            if n == 10000:
                plant_findings(content, phones[:50])
                failing, _, _ = min((run_measured(command_into(f"{output}-failing"), expect=1) for _ in range(repeat)),
                                    key=lambda run: run[0])
                row["failing_s"] = failing
            relevance_rows.append((n, location, judged, p10, p10_kinds, misses))
            row["where"] = location
            rows.append(row)
            stage_rows.append((f"{n} {location}", stages, rebuild_stages))
            if n == 10000:
                if wall > 1.8: failures.append(f"[{location}] 10,000 vacancies built in {wall:.2f} s > 1.8 s")
                if stages[4] > 0.4: failures.append(f"[{location}] audit of 10,000 vacancies with 2,000 seekers took {stages[4]:.2f} s > 0.4 s")
                if rss > 330 * 2**20: failures.append(f"[{location}] 10,000 vacancies peak {rss / 2**20:.0f} MB > Hugo's 330 MB")
                if queries[0]["bytes"] > 25 * 1024: failures.append(f"[{location}] first query {queries[0]['bytes']} B > 25 KB")
                if queries[1]["bytes"] > 10 * 1024: failures.append(f"[{location}] second query {queries[1]['bytes']} B > 10 KB")
                if p10 < 0.98: failures.append(f"[{location}] precision@10 {p10:.3f} < 0.98 on {judged} judged queries")
                if first_s > 1.5:
                    failures.append(f"[{location}] first search result painted {first_s:.2f} s after navigation > 1.5 s "
                                    "(400 kbps, 400 ms, CPU ×4; served without gzip)")
                if row["failing_s"] > 2 * wall:
                    failures.append(f"[{location}] a build failing with 500 findings took {row['failing_s']:.2f} s > twice {wall:.2f} s")
            if n == 100000:
                if wall > 20: failures.append(f"[{location}] 100,000 vacancies built in {wall:.1f} s > 20 s")
                if rss > 1.5 * 2**30: failures.append(f"[{location}] 100,000 vacancies peak {rss / 2**20:.0f} MB > 1.5 GB")
            works.append(work)
    header = ["where", "N", "build_s", "pages", "pages_per_s", "rebuild_s", "peak_mb", "output_mb", "index_kb", "index_gz_kb", "q1_kb", "q2_kb",
              "qmax_kb", "p10", "failing_s", "first_result_s"]
    print(" | ".join(f"{h:>11}" for h in header))
    for row in rows:
        row.setdefault("failing_s", "-")
        row.setdefault("first_result_s", "-")
        print(" | ".join(f"{row[h]:>11.2f}" if isinstance(row[h], float) else f"{row[h]:>11}" for h in header))
    for work in works:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work)
    print()
    print("seconds per stage (build / rebuild):", " | ".join(STAGES))
    for n, stages, rebuild_stages in stage_rows:
        print(f"{n:>13}  " + " | ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(stages, rebuild_stages)))
    print()
    print("relevance set (bench/relevance.py): precision@10 by kind of query; below 1, the first results")
    for n, location, judged, p10, kinds, misses in relevance_rows:
        print(f"{n:>7} {location}: {judged} queries, precision@10 {p10:.3f}; " + ", ".join(f"{k} {v:.2f}" for k, v in kinds.items()))
        for score, text, top in misses:
            print(f"          {score:.2f} {text!r}: " + " / ".join(top))
    for failure in failures:
        print("TARGET MISSED:", failure)
    print("outputs on", " and ".join("tmpfs (/dev/shm)" if where == "tmpfs" else "disk" for where in locations))
    print("all targets met" if not failures else f"{len(failures)} target(s) missed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
