"""Structure of texts that OCR read from scans: loose tones, handwritten numbers, a received
stamp over the header, the Nơi nhận column read across the signature, a seal's marks.

The texts below are written after what tesseract gives on real scans (``corpus/published``
p07-p09), each cut to the case it exercises.
"""

from __future__ import annotations

import pytest

from extractors.record.build import extract
from extractors.structure.signature import find_signatures, with_known_surname
from extractors.text.lines import split_lines
from extractors.text.normalize import normalize_text

BODY = (
    "Thực hiện Quyết định số 7404/QĐ-BCA-C04 ngày 27/8/2025 của Bộ trưởng Bộ Công an về việc thành lập "
    "Tổ Công tác liên ngành phối hợp kiểm soát (Tổ Công tác liên ngành trung ương), Tổ Công tác liên "
    "ngành trung ương ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Tăng cường phối hợp.\n"
)


def _decision(issuer_place: str, heading: str, rest: str) -> str:
    """A decision of the Quảng Ngãi people's committee, its header as ``issuer_place`` prints the
    province, its type heading as ``heading``; ``rest`` after its trích yếu."""
    return normalize_text(
        f"ỦY BAN NHÂN DÂN\n{issuer_place}\nSố: 51/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Quảng Ngãi, ngày 17 tháng 01 năm 2025\n{heading}\nVề việc phê duyệt Kế hoạch ứng phó sự cố tràn dầu\n{rest}"
    )


@pytest.mark.parametrize(
    ("header", "number", "issuer", "warned"),
    [
        # a handwritten number OCR reads as signs among digits: the line is the number line, the
        # number is null and a warning says why; a received stamp below it is not the issuer
        (
            "BỘ CÔNG AN\nTỎ CÔNG TÁC LIÊN NGÀNH TW\nSó:đÓ6 /KH-TCTLNTW-C04\nUBND TỈNH LÂM ĐỒNG\nSố.....1614.....\n\n"
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 24 tháng 02 năm 2026\n"
            "KẾ HOẠCH\nPhối hợp kiểm soát năm 2026\n",
            None,
            "Tổ Công tác liên ngành trung ương",
            True,
        ),
        # the quốc hiệu with OCR's wrong tone, the number read whole
        (
            "BỘ CÔNG AN\nSố:4214/BCA-C04\nV/v Triển khai thực hiện Chương trình\nKính gửi:\n\n"
            "CỘNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 16 tháng 9 năm 2025\n",
            "4214/BCA-C04",
            "Bộ Công an",
            False,
        ),
        (
            "ỦY BAN NHÂN DÂN\nTINH QUANG NGAI\nSố: 9{ /QĐÐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Quảng Ngãi, ngày 17 tháng 01 năm 2025\nQUYÉT ĐỊNH\nVề việc phê duyệt Kế hoạch ứng phó sự cố\n",
            None,
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
            True,
        ),
    ],
)
def test_scanned_header(header: str, number: str | None, issuer: str, warned: bool) -> None:
    text = normalize_text(header + "Ủy ban nhân dân tỉnh Quảng Ngãi quyết định.\n" + BODY)
    document, *_, warnings = extract(text)
    assert document.number == number
    assert document.issuer is not None and document.issuer.name == issuer
    assert any("cannot be read" in w for w in warnings) == warned


def test_province_is_spelled_as_the_body_writes_it() -> None:
    text = _decision("TINH QUANG NGAI", "QUYẾT ĐỊNH", "Căn cứ giá lại các mặt hàng;\nỦy ban nhân dân tỉnh ký.\n")
    document, *_ = extract(text)
    assert document.issuer is not None
    assert (document.issuer.name, document.issuer.province) == ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi")


@pytest.mark.parametrize(
    ("block", "name", "authority"),
    [
        # the Nơi nhận column read across the signature, a seal's strokes between them
        (
            "Nơi nhận:\n- UBQG PC AIDS (để báo cáo);\n\nKT. TỎ TRƯỞNG mê giết\n\n"
            "- Bộ Công an, Bộ Công Thương, Bộ Y PHO TƠ TRƯỢNG THƯỜNG TRỤC\n\ntế, Bộ Quốc phòng (để báo cáo);\n\nNT\n\n"
            "=5\n\n- Thành viên Tổ CTLNTW;\n\n- Các đơn vị thuộc C04 (để thực hiện);\n- Lưu: VT, P5.\n\ncố mA+\n"
            "Đại tá Bùi Duy Hưng\n",
            "Bùi Duy Hưng",
            "KT. Tổ trưởng",
        ),
        # OCR's tones on the title: the genre's spelling
        ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Phước Hiền\n", "Trần Phước Hiền", "KT. Chủ tịch"),
        ("GIÁM ĐÓC\n\nThiếu tướng Trương Minh Đương\n", "Trương Minh Đương", None),
    ],
)
def test_signature_of_a_scan(block: str, name: str, authority: str | None) -> None:
    [found] = find_signatures(split_lines(block))
    assert (found.name, found.authority) == (name, authority)
    assert found.title in (None, "Phó Chủ tịch", "Giám đốc")
    assert block[found.name_start : found.name_end] == name


def test_a_body_paragraph_ends_the_signature_block() -> None:
    assert find_signatures(split_lines("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nCác sở thực hiện.\nNguyễn Văn An\n")) == []


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("Trân Phước Hiền", "Trần Phước Hiền"),
        ("Nguyến Văn An", "Nguyễn Văn An"),
        ("Đô Văn Chung", "Đỗ Văn Chung"),
        # a family name already, or one that reads as two: unchanged
        ("Giàng Thị Dung", "Giàng Thị Dung"),
        ("Giang Thị Dung", "Giang Thị Dung"),
        ("Hạ Văn Bình", "Hạ Văn Bình"),
        ("Ksor Phước", "Ksor Phước"),
    ],
)
def test_family_names(printed: str, read: str) -> None:
    assert with_known_surname(printed) == read


def test_a_misread_family_name_is_set_right_only_in_ocr_text() -> None:
    text = _decision(
        "TỈNH QUẢNG NGÃI",
        "QUYẾT ĐỊNH",
        "QUYẾT ĐỊNH:\nĐiều 1. Giao chỉ tiêu.\nNơi nhận:\n- Như Điều 3;\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nTrân Phước Hiền\n",
    )
    printed, *_ = extract(text)
    assert printed.signers[0].name == "Trân Phước Hiền"
    read, *_, warnings = extract(text, ocr=True)
    assert read.signers[0].name == "Trần Phước Hiền"
    assert read.signers[0].span == printed.signers[0].span
    assert any("'Trân Phước Hiền' (OCR): taken as 'Trần Phước Hiền'" in w for w in warnings)


@pytest.mark.parametrize(
    ("article", "plan"),
    [
        ("Điều 1. Phê duyệt nội dung Kế hoạch ứng phó sự cố tràn dầu huyện Nghĩa Hành (kèm theo thuyết minh).", True),
        ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ứng phó sự cố tràn dầu huyện Nghĩa Hành.", True),
        ("Điều 1. Công nhận các xã đạt chuẩn nông thôn mới năm 2025.", False),
    ],
)
def test_a_decision_that_approves_a_plan_published_apart_carries_it(article: str, plan: bool) -> None:
    text = _decision(
        "TỈNH QUẢNG NGÃI",
        "QUYÉT ĐỊNH",
        f"Căn cứ Luật Bảo vệ môi trường;\nQUYÉT ĐỊNH:\n{article}\n"
        "Điều 2. UBND huyện Nghĩa Hành chịu trách nhiệm thực hiện.\nĐiều 3. Quyết định này có hiệu lực từ ngày ký.\n",
    )
    _, _, found, _, _ = extract(text)
    assert (found is not None) == plan
    if found is not None:
        assert found.title == "Kế hoạch ứng phó sự cố tràn dầu"


@pytest.mark.parametrize(
    ("preamble", "issuer"),
    [
        # a header OCR could not read: the issuer of a text the preamble cites is not this one's
        (
            "Thực hiện Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ ban hành Kế hoạch triển khai Nghị quyết"
            " 163/2024/QH15; Bộ Công an đề nghị các bộ phối hợp thực hiện.",
            None,
        ),
        (
            "Thực hiện Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ, UBND huyện Đăk Tô xây dựng Kế hoạch"
            " như sau:",
            "Ủy ban nhân dân huyện Đăk Tô",
        ),
    ],
)
def test_issuer_from_the_preamble_is_the_one_that_issues(preamble: str, issuer: str | None) -> None:
    document, *_ = extract(normalize_text(f"{preamble}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Tiếp tục thực hiện.\n"))
    assert (document.issuer.name if document.issuer else None) == issuer
