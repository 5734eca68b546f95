"""The benchmark's relevance set: judged queries over its synthetic corpus, and precision@10.

Every query comes with a rule over the generator's own record of each vacancy (its role, qualifier,
commune, sector, employer), so its relevant vacancies are known exactly, not guessed from the
search. Kinds: job titles with and without diacritics, diacritics that change the word, synonyms
(content/synonyms.yml), typos, place + job, employer names, and queries that should find nothing.

precision@10 of one query = relevant vacancies among the first 10 results / min(10, relevant ones);
results labelled "Kết quả gần đúng" count like any other. For a query that should find nothing it
is 1 when no result matches every word (anything shown is labelled approximate), else 0.
"""
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SEWING = {"Công nhân may công nghiệp", "Công nhân may mũ giày"}
DRIVING = {"Lái xe tải hạng C", "Lái xe nâng"}


def role(*names):
    names = set(names)
    return lambda v: v["role"] in names


def fold(text):
    import unicodedata
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def queries(vacancies):
    """[(kind, query, relevant(vacancy) or None for "should find nothing")], at least 60."""
    titles = [
        ("công nhân may", role(*SEWING)), ("lái xe", role(*DRIVING)), ("phụ hồ", role("Phụ hồ")),
        ("thợ hàn", role("Thợ hàn")), ("bốc xếp", role("Công nhân bốc xếp kho")), ("phụ bếp", role("Phụ bếp")),
        ("bảo vệ", role("Nhân viên bảo vệ")), ("đóng gói", role("Công nhân đóng gói")),
        ("trồng rau", role("Công nhân trồng rau")), ("chăn nuôi", role("Công nhân chăn nuôi")), ("thợ mộc", role("Thợ mộc")),
        ("thợ điện", role("Thợ điện")), ("công nhân vệ sinh", role("Công nhân vệ sinh")),
        ("giao hàng", role("Nhân viên giao hàng")), ("cơ khí", lambda v: v["sector"] == "Cơ khí – Hàn"),
        ("thợ đá", role("Thợ đá mỹ nghệ")), ("sản xuất gạch", role("Công nhân sản xuất gạch")), ("thợ sơn", role("Thợ sơn")),
        ("lắp ráp điện tử", role("Công nhân lắp ráp điện tử")), ("phục vụ nhà hàng", role("Nhân viên phục vụ nhà hàng")),
        ("thợ xây", role("Thợ xây")), ("chế biến thực phẩm", role("Công nhân chế biến thực phẩm")),
        ("mũ giày", role("Công nhân may mũ giày")), ("lái xe nâng", role("Lái xe nâng")), ("sửa xe máy", role("Thợ sửa xe máy")),
    ]
    found = [("title", text, rule) for text, rule in titles]
    found += [("title, no diacritics", fold(text), rule) for text, rule in titles[:14]]
    found += [
        ("diacritics", "máy", role("Thợ sửa xe máy")),
        ("diacritics", "xe máy", role("Thợ sửa xe máy")),
        ("diacritics", "công nhân may ca đêm", lambda v: v["role"] in SEWING and v["qualifier"] == "ca đêm"),
        ("title and shift", "thợ hàn ca đêm", lambda v: v["role"] == "Thợ hàn" and v["qualifier"] == "ca đêm"),
        ("title and shift", "phu bep ca ngay", lambda v: v["role"] == "Phụ bếp" and v["qualifier"] == "ca ngày"),
    ]
    found += [("synonym", text, rule) for text, rule in [
        ("tài xế", role(*DRIVING)), ("tai xe", role(*DRIVING)), ("vận hành xe nâng", role("Lái xe nâng")),
        ("thợ phụ xây dựng", role("Phụ hồ")), ("nhân viên an ninh", role("Nhân viên bảo vệ")), ("bốc vác", role("Công nhân bốc xếp kho")),
        ("khuân vác", role("Công nhân bốc xếp kho")), ("shipper", role("Nhân viên giao hàng")),
        ("bồi bàn", role("Nhân viên phục vụ nhà hàng")), ("thợ hồ", role("Thợ xây")), ("công nhân hàn", role("Thợ hàn")),
        ("bếp phụ", role("Phụ bếp")), ("đóng thùng", role("Công nhân đóng gói")), ("công nhân sơn", role("Thợ sơn")),
        ("chế tác đá", role("Thợ đá mỹ nghệ")), ("nuôi gia súc", role("Công nhân chăn nuôi")),
    ]]
    found += [("typo", text, rule) for text, rule in [
        ("thợ hànn", role("Thợ hàn")), ("congg nhan may", role(*SEWING)), ("lai xe nangg", role("Lái xe nâng")),
        ("phuj bep", role("Phụ bếp")), ("giao hagn", role("Nhân viên giao hàng")), ("baoo ve", role("Nhân viên bảo vệ")),
        ("chan nuoii", role("Công nhân chăn nuôi")), ("trong rauu", role("Công nhân trồng rau")), ("thoj moc", role("Thợ mộc")),
        ("dong goii", role("Công nhân đóng gói")),
    ]]
    # Place and job: communes some employers are also named after (their vacancies elsewhere hold
    # every word too), and others; only pairs with at least one open vacancy.
    jobs = [("phụ hồ", {"Phụ hồ"}), ("thợ hàn", {"Thợ hàn"}), ("lai xe", DRIVING), ("cong nhan may", SEWING), ("bảo vệ", {"Nhân viên bảo vệ"})]
    places = ["Phủ Lý", "Hoa Lư", "Đồng Văn", "Tam Điệp", "Hải Hậu", "Xuân Trường", "Nho Quan", "Bình Lục", "Giao Thủy", "Kim Bảng"]
    pairs = 0
    for number, place in enumerate(places):
        for offset in range(len(jobs)):
            text, roles = jobs[(number + offset) % len(jobs)]
            rule = (lambda roles, place: lambda v: v["role"] in roles and v["commune"] == place)(roles, place)
            if any(v["open"] and rule(v) for v in vacancies):
                typed = f"{text} {place if text != fold(text) else fold(place)}"
                found.append(("place and job", typed, rule))
                pairs += 1
                break
    found += [("employer", text, rule) for text, rule in [
        ("Hưng Thịnh", lambda v: " Hưng Thịnh " in v["employer"] + " "), ("phat dat", lambda v: " Phát Đạt " in v["employer"] + " "),
        ("hợp tác xã bình minh", lambda v: v["employer"].startswith("Hợp tác xã Bình Minh ")),
        ("xưởng tràng an", lambda v: v["employer"].startswith("Xưởng Tràng An ")),
        ("hộ kinh doanh an phú", lambda v: v["employer"].startswith("Hộ kinh doanh An Phú ")),
    ]]
    found += [("nothing", text, None) for text in
              ["bác sĩ", "giáo viên tiếng anh", "lập trình viên", "kế toán trưởng", "phi công", "xyzabc", "thợ lặn", "dược sĩ"]]
    return found


def precision(ranked_ids, complete, relevant_ids):
    if relevant_ids is None:
        return 1.0 if complete == 0 else 0.0
    if not relevant_ids:
        return None
    top = ranked_ids[:10]
    return sum(1 for i in top if i in relevant_ids) / min(10, len(relevant_ids))


def measure(site, vacancies):
    """Runs the set with the theme's script; returns (mean precision, per-kind means, worst queries,
    largest first-query bytes, number of queries)."""
    judged = queries(vacancies)
    index = os.path.join(site, "tim-kiem")
    manifest = json.load(open(os.path.join(index, "manifest.json")))
    hrefs = [card[1] for name in manifest["blocks"] for card in json.load(open(os.path.join(index, name)))]
    by_id = {v["id"].lower(): v for v in vacancies}
    out = subprocess.run(["node", os.path.join(ROOT, "bench", "query-bytes.js"), "--fresh", index] + [q for _, q, _ in judged],
                         capture_output=True, text=True, check=True).stdout
    scores, kinds, worst, largest = [], {}, [], 0
    for (kind, text, rule), result in zip(judged, json.loads(out)):
        relevant = None if rule is None else {v["id"].lower() for v in vacancies if v["open"] and rule(v)}
        ranked = [hrefs[d].split("/")[1] for d in result["documents"]]
        score = precision(ranked, result["complete"], relevant)
        if score is None:
            continue
        scores.append(score)
        kinds.setdefault(kind, []).append(score)
        largest = max(largest, result["bytes"])
        if score < 1:
            worst.append((score, text, [by_id[i]["title"] + " | " + by_id[i]["commune"] for i in ranked[:3] if i in by_id]))
    means = {kind: sum(values) / len(values) for kind, values in kinds.items()}
    return sum(scores) / len(scores), means, sorted(worst)[:8], largest, len(scores)
