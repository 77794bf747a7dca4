"""Structure: header fields, issuer, signature, section tree and kinds, plan segments."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.record.build import extract
from extractors.structure.header import parse_header
from extractors.structure.sections import heading_kind, parse_sections
from extractors.structure.signature import find_recipients, find_signatures
from extractors.text.lines import split_lines
from extractors.text.normalize import normalize_text

HEADER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
-------
Số: 15 /KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Quảng Nam, ngày 05 tháng 01 năm 2024
KẾ HOẠCH
TRIỂN KHAI CHUYỂN ĐỔI SỐ TỈNH QUẢNG NAM NĂM 2024
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
"""


def test_header_fields_and_spans() -> None:
    text = normalize_text(HEADER)
    header = parse_header(text)
    assert header.number is not None and header.number.value == "15/KH-UBND"
    assert header.place is not None and header.place.value == "Quảng Nam"
    assert header.date is not None and header.date.value == "2024-01-05"
    assert header.type is not None and text[header.type.start : header.type.end] == "KẾ HOẠCH"
    assert header.title is not None and header.title.value == "TRIỂN KHAI CHUYỂN ĐỔI SỐ TỈNH QUẢNG NAM NĂM 2024"
    assert [f.value for f in header.issuer_lines] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]
    assert text[header.body_start :].startswith("Căn cứ Quyết định")


@pytest.mark.parametrize(
    ("lines", "issuer", "level", "province"),
    [
        (["ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN"], "Ủy ban nhân dân tỉnh Bắc Kạn", "province", "Bắc Kạn"),
        (["UBND TỈNH NGHỆ AN", "SỞ Y TẾ"], "Sở Y tế tỉnh Nghệ An", "province", "Nghệ An"),
        (["ỦY BAN NHÂN DÂN", "HUYỆN ĐĂK TÔ"], "Ủy ban nhân dân huyện Đăk Tô", "district", None),
        (["BỘ Y TẾ"], "Bộ Y tế", "ministry", None),
        (["ỦY BAN NHÂN DÂN", "XÃ NGHI PHONG"], "Ủy ban nhân dân xã Nghi Phong", "commune", None),
        # a unit under its parent, also on the parent's line: the unit is the issuer
        (["BỘ TÀI CHÍNH", "CỤC THUẾ"], "Cục Thuế", None, None),
        (["BỘ TÀI CHÍNH CỤC THUẾ"], "Cục Thuế", None, None),
        # a name the table does not know, cased as the text writes it mid-sentence
        (["VĂN PHÒNG CHÍNH PHỦ"], "Văn phòng Chính phủ", "central", None),
        (["BỘ TÀI CHÍNH", "CỤC HẢI QUAN"], "Cục Hải quan", None, None),
        # a unit the header names by its head word alone takes its parent's name
        (["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"], "Văn phòng Ban Chấp hành Trung ương", None, None),
        # "PHÒNG" ending a place is no unit
        (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], "Ủy ban nhân dân thành phố Hải Phòng", "province", "Hải Phòng"),
        (["BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"], "Bộ Văn hóa, Thể thao và Du lịch", "ministry", None),
        (["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], "Hội đồng nhân dân thành phố Hà Nội", "province", "Hà Nội"),
    ],
)
def test_issuer_from_header_lines(lines: list[str], issuer: str, level: str, province: str | None) -> None:
    body = "Văn phòng Chính phủ thông báo; Cục Hải quan trả lời; Ban Chấp hành Trung ương kết luận."
    text = "\n".join([*lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH", "Bảo vệ trẻ em năm 2024", body, ""])
    document, *_ = extract(normalize_text(text))
    assert document.issuer is not None
    assert (document.issuer.name, document.issuer.level, document.issuer.province) == (issuer, level, province)


def test_issuer_from_preamble_when_the_portal_dropped_the_header() -> None:
    text = normalize_text(
        "KẾ HOẠCH Kiểm tra công tác trẻ em năm 2023\n"
        "Nhằm bảo đảm quyền trẻ em, Ủy ban nhân dân thị xã Hương Trà ban hành Kế hoạch kiểm tra như sau:\n"
        "I. Mục đích, yêu cầu\n- Kiểm tra việc thực hiện.\n"
    )
    document, *_ = extract(text)
    assert document.type == "Kế hoạch"
    assert document.title == "Kiểm tra công tác trẻ em năm 2023"
    assert document.issuer is not None and document.issuer.name == "Ủy ban nhân dân thị xã Hương Trà"
    assert document.number is None and document.issued_date is None


SIGNATURE = """Nơi nhận:
- Bộ Lao động - Thương binh và Xã hội;
- Thường trực Tỉnh ủy;
- Lưu: VT, VX.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

(Đã ký)

Nguyễn Thị Lĩnh
"""


def test_signature_block_and_recipients() -> None:
    lines = split_lines(SIGNATURE)
    [block] = find_signatures(lines)
    assert (block.name, block.title, block.authority) == ("Nguyễn Thị Lĩnh", "Phó Chủ tịch", "KT. Chủ tịch")
    assert SIGNATURE[block.name_start : block.name_end] == "Nguyễn Thị Lĩnh"
    recipients, at = find_recipients(lines)
    assert recipients == ["Bộ Lao động - Thương binh và Xã hội", "Thường trực Tỉnh ủy"]
    assert at == 0


def test_caps_signer_name_is_title_cased() -> None:
    [block] = find_signatures(split_lines("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNGUYỄN VĂN AN\n"))
    assert (block.name, block.title, block.authority) == ("Nguyễn Văn An", "Thứ trưởng", "KT. Bộ trưởng")


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("I. MỤC TIÊU", "objectives"),
        ("II. MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("2. Chỉ tiêu cụ thể", "targets"),
        ("III. NỘI DUNG HOẠT ĐỘNG", "activities"),
        ("B. NHIỆM VỤ TRỌNG TÂM", "activities"),
        ("IV. CÁC GIẢI PHÁP CHỦ YẾU", "solutions"),
        ("V. KINH PHÍ THỰC HIỆN", "funding"),
        ("V. NGUỒN VỐN THỰC HIỆN", "funding"),
        ("4. Tổ chức thực hiện:", "implementation"),
        ("VI. CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "reporting"),
        ("I. KẾT QUẢ THỰC HIỆN NĂM 2023", None),
    ],
)
def test_heading_kinds(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


def test_section_tree_nests_styles_in_the_order_they_appear() -> None:
    text = "\n".join(
        [
            "1. MỤC TIÊU",
            "1.1. Mục tiêu chung",
            "Nâng cao chất lượng.",
            "1.2. Chỉ tiêu",
            "- 100% trường học có kết nối Internet;",
            "+ trong đó 90% cáp quang.",
            "2. NHIỆM VỤ",
            "a) Tuyên truyền",
            "b) Tập huấn",
            "3. TỔ CHỨC THỰC HIỆN",
        ]
    )
    lines = split_lines(text)
    tops = parse_sections(lines, 0, len(text))
    assert [(t.number, t.kind) for t in tops] == [("1", "objectives"), ("2", "activities"), ("3", "implementation")]
    assert [c.number for c in tops[0].children] == ["1.1", "1.2"]
    assert tops[0].children[1].kind == "targets"
    bullet = tops[0].children[1].children[0]
    assert bullet.style == "dash" and bullet.children[0].style == "plus"
    assert [c.number for c in tops[1].children] == ["a", "b"]
    assert [ln.text for ln in tops[0].children[0].own] == ["Nâng cao chất lượng."]


def test_decision_with_annexed_plan() -> None:
    text = normalize_text(
        "\n".join(
            [
                "ỦY BAN NHÂN DÂN",
                "TỈNH LÀO CAI",
                "Số: 100/QĐ-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Lào Cai, ngày 10 tháng 02 năm 2024",
                "QUYẾT ĐỊNH",
                "Ban hành Kế hoạch phòng, chống đuối nước trẻ em năm 2024",
                "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
                "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;",
                "QUYẾT ĐỊNH:",
                "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống đuối nước trẻ em năm 2024.",
                "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH",
                "Trịnh Xuân Trường",
                "KẾ HOẠCH",
                "Phòng, chống đuối nước trẻ em năm 2024",
                "(Kèm theo Quyết định số 100/QĐ-UBND ngày 10/02/2024 của UBND tỉnh Lào Cai)",
                "I. MỤC TIÊU",
                "- Giảm 10% số trẻ em bị đuối nước so với năm 2023.",
                "II. TỔ CHỨC THỰC HIỆN",
                "1. Sở Lao động - Thương binh và Xã hội: Chủ trì triển khai Kế hoạch.",
            ]
        )
    )
    document, citations, plan, _, warnings = extract(text)
    assert document.type == "Quyết định" and document.number == "100/QĐ-UBND"
    assert [a.number for a in document.articles] == ["1", "2"]
    assert document.signers[0].name == "Trịnh Xuân Trường" and document.signers[0].authority == "TM. Ủy ban nhân dân"
    assert [(c.title, c.date, c.role) for c in citations] == [("Luật Trẻ em", "2016-04-05", "basis")]
    assert plan is not None and plan.title == "Kế hoạch phòng, chống đuối nước trẻ em năm 2024"
    assert (plan.period.start_year, plan.period.end_year) == (2024, 2024)
    assert [(i.value, i.unit, i.direction) for i in plan.indicators] == [(10.0, "%", "decrease")]
    assert [(r.agency, r.role) for r in plan.responsibilities] == [("Sở Lao động - Thương binh và Xã hội", "lead")]
    assert warnings == []


def test_document_without_plan_is_warned() -> None:
    text = normalize_text(
        "BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG VĂN\nV/v báo cáo số liệu\nKính gửi: Sở Y tế các tỉnh.\n"
    )
    _, _, plan, _, warnings = extract(text)
    assert plan is None
    assert warnings == ["the document carries no plan"]


def test_lettered_top_sections_follow_the_vietnamese_alphabet() -> None:
    text = "\n".join(
        [
            "A. MỤC ĐÍCH, YÊU CẦU",
            "B. MỤC TIÊU",
            "C. NHIỆM VỤ",
            "D. KINH PHÍ",
            "Đ. TỔ CHỨC THỰC HIỆN",
            "1. Sở Y tế: Chủ trì triển khai.",
            "E. CHẾ ĐỘ BÁO CÁO",
        ]
    )
    tops = parse_sections(split_lines(text), 0, len(text))
    assert [(t.number, t.kind) for t in tops] == [
        ("A", "purpose"),
        ("B", "objectives"),
        ("C", "activities"),
        ("D", "funding"),
        ("Đ", "implementation"),
        ("E", "reporting"),
    ]
    assert [c.number for c in tops[4].children] == ["1"]


CONSTRUCTED = Path(__file__).resolve().parent.parent / "corpus" / "constructed"


def test_decision_with_the_plan_inside_its_first_article() -> None:
    text = normalize_text((CONSTRUCTED / "qd_inline_plan_ninhbinh.txt").read_text(encoding="utf-8"))
    document, citations, plan, _, warnings = extract(text)
    assert (document.type, document.number, [a.number for a in document.articles]) == (
        "Quyết định",
        "88/QĐ-UBND",
        ["1", "2", "3"],
    )
    assert plan is not None
    assert plan.title == "Kế hoạch phát triển du lịch cộng đồng tỉnh Ninh Bình giai đoạn 2024 - 2026"
    assert (plan.period.start_year, plan.period.end_year) == (2024, 2026)
    assert [(s.number, s.kind) for s in plan.sections] == [
        ("1", "objectives"),
        ("2", "activities"),
        ("3", "funding"),
        ("Điều 2", "implementation"),
    ]
    assert [(r.agency, r.role, r.section_path) for r in plan.responsibilities] == [("Sở Du lịch", "lead", ["Điều 2"])]
    assert [(i.value, i.comparator, i.direction, i.target_year) for i in plan.indicators] == [
        (80.0, ">=", None, 2026),
        (15.0, "=", "increase", None),
    ]
    assert [c.number or c.title for c in citations] == ["Luật Du lịch", "12/TTr-SDL"]
    assert warnings == []


def test_lettered_plan_with_old_tone_placement() -> None:
    text = normalize_text((CONSTRUCTED / "kh_lettered_sections_bentre.txt").read_text(encoding="utf-8"))
    document, _, plan, _, _ = extract(text)
    assert document.issuer is not None and document.issuer.name == "Ủy ban nhân dân tỉnh Bến Tre"
    assert plan is not None
    assert [s.kind for s in plan.sections] == ["purpose", "objectives", "activities", "funding", "implementation"]
    assert [(i.value, i.comparator) for i in plan.indicators] == [
        (95.0, ">"),
        (10.0, "="),
        (100.0, "="),
        (0.09, "<"),
        (90.0, ">="),
    ]
    leads = [(r.agency, r.role) for r in plan.responsibilities if r.role != "partner"]
    assert leads[:3] == [("Sở Y tế", "lead"), ("Sở Tài chính", "implement"), ("Sở Giáo dục và Đào tạo", "implement")]
    assert ("Báo Đồng Khởi", "implement") in leads
    assert [(r.frequency, r.due) for r in plan.reporting] == [("monthly", None), ("annual", "2023-12-15")]


def test_plan_in_parts_with_a_background_part() -> None:
    text = normalize_text((CONSTRUCTED / "kh_parts_phong_gddt_chuse.txt").read_text(encoding="utf-8"))
    document, citations, plan, _, _ = extract(text)
    assert document.issuer is not None
    assert (document.issuer.name, document.issuer.level) == ("Phòng Giáo dục và Đào tạo huyện Chư Sê", "district")
    assert [(s.name, s.title, s.authority) for s in document.signers] == [("Rơ Châm Hà", "Trưởng phòng", None)]
    assert [c.number for c in citations] == ["1737/CT-BGDĐT", "120/KH-SGDĐT"]
    assert plan is not None and (plan.period.start_year, plan.period.end_year) == (2024, 2025)
    assert [s.kind for s in plan.sections] == ["other", "objectives", "activities", "implementation"]
    assert [(i.value, i.unit, i.comparator) for i in plan.indicators] == [
        (100.0, "%", "="),
        (0.5, "%", "<"),
        (2.0, "count", "="),
        (100.0, "%", "="),
    ]
    assert [(r.due, r.to) for r in plan.reporting] == [("2025-05-25", "Phòng Giáo dục và Đào tạo")]


def test_numeric_date_line_and_period_restated_in_the_preamble() -> None:
    text = normalize_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN A LƯỚI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nA Lưới, ngày 5/3/2024\n"
        "KẾ HOẠCH\nKiểm tra công tác trẻ em\n"
        "Ủy ban nhân dân huyện ban hành Kế hoạch kiểm tra công tác trẻ em năm 2024 như sau:\n"
        "I. MỤC TIÊU\n- Đạt 100% xã được kiểm tra.\n"
    )
    document, _, plan, _, _ = extract(text)
    assert (document.place, document.issued_date) == ("A Lưới", "2024-03-05")
    assert plan is not None and (plan.period.start_year, plan.period.end_year) == (2024, 2024)
    start, end = plan.period.span
    assert text[start:end] == "năm 2024"


@pytest.mark.parametrize(
    ("header", "kind", "number", "date", "signer"),
    [
        # a letter: no type heading, a "V/v" line under its number
        (
            "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5330/CT-CS\nV/v Chính sách thuế TNCN\n"
            "Hà Nội, ngày 19 tháng 11 năm 2025\nKính gửi: Bà Huỳnh Thị Mỹ Hằng\nCục Thuế nhận được văn bản.\n"
            "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nĐặng Ngọc Minh\n",
            "Công văn",
            "5330/CT-CS",
            "2025-11-19",
            "Đặng Ngọc Minh",
        ),
        # a Party document: its own quốc hiệu, "Số" without a colon, "T/M" before the body
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 212-KL/TW\nHà Nội, ngày 18 tháng 11 năm 2025\n"
            "KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ VỀ ĐỊNH HƯỚNG XÂY DỰNG TIÊU CHUẨN\nBộ Chính trị kết luận như sau:\n"
            "T/M BỘ CHÍNH TRỊ\nTrần Cẩm Tú\n",
            "Kết luận",
            "212-KL/TW",
            "2025-11-18",
            "Trần Cẩm Tú",
        ),
        # a consolidated text prints the heading of the text it consolidates; its number says what it is
        (
            "BỘ QUỐC PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 92/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\n"
            "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH ĐIỀU LỆ\nĐiều 1. Ban hành Điều lệ.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
            "Thượng tướng Vũ Hải Sản\n",
            "Văn bản hợp nhất",
            "92/VBHN-BQP",
            "2025-11-24",
            "Vũ Hải Sản",
        ),
        # the place-and-date line without its comma, "tháng12" run together
        (
            "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 388/NQ-CP\nHà Nội ngày 01 tháng12 năm 2025\n"
            "NGHỊ QUYẾT\nVỀ VIỆC NGHIÊN CỨU TIẾP THU\nCăn cứ Luật Tổ chức Chính phủ;\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\n"
            "PHÓ THỦ TƯỚNG\nHồ Đức Phớc\n",
            "Nghị quyết",
            "388/NQ-CP",
            "2025-12-01",
            "Hồ Đức Phớc",
        ),
    ],
)
def test_header_of_the_genre(header: str, kind: str, number: str, date: str, signer: str) -> None:
    document, *_ = extract(normalize_text(header))
    assert (document.type, document.number, document.issued_date) == (kind, number, date)
    assert document.signers and document.signers[0].name == signer


def test_duty_holders_however_numbered_under_a_heading_split_in_two() -> None:
    text = normalize_text((CONSTRUCTED / "kh_nested_duties_angiang.txt").read_text(encoding="utf-8"))
    _, _, plan, _, _ = extract(text)
    assert plan is not None
    assert [(s.kind, s.heading) for s in plan.sections] == [
        ("objectives", "I. MỤC TIÊU"),
        ("implementation", "II. TỔ CHỨC THỰC HIỆN"),
        ("reporting", "III. CHẾ ĐỘ BÁO CÁO"),
    ]
    assert [(r.agency, r.role, r.section_path) for r in plan.responsibilities] == [
        ("Sở Tài chính", "implement", ["II", "1", "1.1"]),
        ("Sở Văn hóa, Thể thao và Du lịch", "lead", ["II", "1", "1.2"]),
        ("Công an tỉnh", "partner", ["II", "1", "1.2"]),
        ("Ủy ban nhân dân các xã, phường", "implement", ["II", "2"]),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "implement", ["II", "9"]),
    ]
    assert [r.due for r in plan.reporting if r.due] == ["--12-15"]


def test_the_sites_metadata_fills_what_the_text_lacks_and_a_disagreement_is_a_warning() -> None:
    text = normalize_text(HEADER)
    metadata = {"number": "15/KH-UBND", "type": "Kế hoạch", "signer": "Lê Văn Dũng", "issued_date": "06/01/2024"}
    document, _, _, _, warnings = extract(text, metadata)
    assert document.number == "15/KH-UBND"
    assert document.issued_date == "2024-01-05"
    assert document.signers[0].name == "Lê Văn Dũng"
    assert "signer" not in document.spans
    assert any("signer 'Lê Văn Dũng' from the site's metadata" in w for w in warnings)
    assert any("issued date '2024-01-06', the text '2024-01-05'" in w for w in warnings)
