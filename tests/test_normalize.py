"""Text normalization: characters, tone placement, layout repair, Markdown and chrome."""

from __future__ import annotations

import unicodedata

import pytest

from extractors.text.layout import split_columns, split_flattened
from extractors.text.markdown import markdown_pieces
from extractors.text.normalize import normalize_chars, normalize_text
from extractors.text.paragraphs import logical_lines, plain_pieces
from extractors.text.tones import modern_tones

TONES = [
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    ("Hoà Bình", "Hòa Bình"),
    ("thuỷ lợi", "thủy lợi"),
    ("sức khoẻ", "sức khỏe"),
    ("văn hoá", "văn hóa"),
    ("tuỳ theo", "tùy theo"),
    ("Thuỵ Anh", "Thụy Anh"),
    ("huỷ bỏ", "hủy bỏ"),
    ("KHOẺ", "KHỎE"),
    ("xoè", "xòe"),
    ("quý II", "quý II"),
    ("Quỳnh Lưu", "Quỳnh Lưu"),
    ("hoàn thành", "hoàn thành"),
    ("ngoài ra", "ngoài ra"),
    ("thuở", "thuở"),
    ("hòa nhập", "hòa nhập"),
]


@pytest.mark.parametrize(("old", "new"), TONES)
def test_one_tone_placement(old: str, new: str) -> None:
    assert modern_tones(unicodedata.normalize("NFC", old)) == new


CHARS = [
    ("Sở\u00a0Y tế", "Sở Y tế"),
    ("trẻ\u200b em", "trẻ em"),
    ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2"),
    ("lỗi \ufffd ký tự", "lỗi  ký tự"),
    ("ngày 05 tháng 0 6 năm 2017", "ngày 05 tháng 06 năm 2017"),
    ("xuống còn 1 ,5 %", "xuống còn 1,5%"),
    ("85 %", "85%"),
    ("Lao động \u2013 Thương binh", "Lao động - Thương binh"),
    ("U\u0309y ban", "Ủy ban"),
    ("ho\u0300a", "hòa"),
    ("a\x00b\x07c", "abc"),
]


@pytest.mark.parametrize(("raw", "clean"), CHARS)
def test_character_clean_up(raw: str, clean: str) -> None:
    assert normalize_chars(raw) == clean


def test_signature_beside_recipients_is_put_in_columns() -> None:
    lines = [
        "Nơi nhận:",
        "                            TM. ỦY BAN NHÂN DÂN HUYỆN",
        "- Sở LĐTBXH tỉnh;",
        "                             KT. CHỦ TỊCH",
        "- TT Huyện ủy;                                        PHÓ CHỦ TỊCH",
        "- TT HĐND huyện;",
        "- UBND các xã, thị trấn;                              Sa Phương",
        "- Lưu: VT-VP.",
    ]
    assert split_columns(lines) == [
        "Nơi nhận:",
        "- Sở LĐTBXH tỉnh;",
        "- TT Huyện ủy;",
        "- TT HĐND huyện;",
        "- UBND các xã, thị trấn;",
        "",
        "TM. ỦY BAN NHÂN DÂN HUYỆN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Sa Phương",
        "- Lưu: VT-VP.",
    ]


def test_wrapped_sentence_is_joined_but_list_items_are_not() -> None:
    lines = [
        "Giảm tỷ lệ trẻ em xuống còn",
        "1,36% năm 2024.",
        "a) Nội dung",
        "b) Tổ chức",
        "chi tiết thêm",
        "(Kèm theo Quyết định số",
        ": 313/QĐ-UBND)",
    ]
    assert logical_lines(plain_pieces(lines), None) == [
        "Giảm tỷ lệ trẻ em xuống còn",
        "1,36% năm 2024.",
        "a) Nội dung",
        "b) Tổ chức chi tiết thêm",
        "(Kèm theo Quyết định số: 313/QĐ-UBND)",
    ]


def test_flattened_header_is_split_at_the_genre_markers() -> None:
    flat = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "--------------- Số: 12/KH-UBND Quảng Nam, ngày 05 tháng 3 năm 2024 KẾ HOẠCH Chuyển đổi số năm 2024 "
        "Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ; I. MỤC TIÊU - Đạt 100% hồ sơ."
    )
    assert [line.strip() for line in split_flattened([flat]) if line.strip()] == [
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-UBND",
        "Quảng Nam, ngày 05 tháng 3 năm 2024",
        "KẾ HOẠCH Chuyển đổi số năm 2024",
        "Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
        "I. MỤC TIÊU - Đạt 100% hồ sơ.",
    ]


def test_markdown_layout_table_is_read_column_by_column() -> None:
    md = (
        "| **ỦY BAN NHÂN DÂN<br>TỈNH CẦN THƠ**<br>Số: 45/KH-UBND | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>"
        "Độc lập - Tự do - Hạnh phúc<br>Cần Thơ, ngày 02 tháng 4 năm 2024 |\n|---|---|\n\n**KẾ HOẠCH**  \n"
        "Tiêm chủng mở rộng năm 2024\n\n| STT | Chỉ tiêu | Đơn vị | Năm 2024 |\n|---|---|---|---|\n"
        "| 1 | Tỷ lệ trẻ em được tiêm chủng đầy đủ | % | 95 |"
    )
    assert logical_lines(markdown_pieces(md), None) == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH CẦN THƠ",
        "Số: 45/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Cần Thơ, ngày 02 tháng 4 năm 2024",
        "",
        "KẾ HOẠCH",
        "Tiêm chủng mở rộng năm 2024",
        "",
        "STT | Chỉ tiêu | Đơn vị | Năm 2024",
        "1 | Tỷ lệ trẻ em được tiêm chủng đầy đủ | % | 95",
    ]


def test_portal_chrome_is_removed() -> None:
    page = "\n".join(
        [
            "Tìm kiếm thông tin",
            "Đăng nhập",
            "Lượt xem: 1.234",
            "ỦY BAN NHÂN DÂN",
            "HUYỆN ĐĂK TÔ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "KẾ HOẠCH",
            "Bảo vệ trẻ em năm 2017",
            "Tập tin đính kèm:",
            "ke-hoach.pdf",
            "Thống kê truy cập",
        ]
    )
    assert normalize_text(page) == (
        "ỦY BAN NHÂN DÂN\nHUYỆN ĐĂK TÔ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\nBảo vệ trẻ em năm 2017\n"
    )


def test_seed_chrome_is_gone_and_text_is_kept() -> None:
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "000_c9d837584bff20a9.txt"
    text = normalize_text(seed.read_text(encoding="utf-8"))
    assert text.startswith("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n")
    for chrome in ("Đăng nhập", "Bạn Chưa Đăng Nhập", "DMCA", "IP: 52.15", "Từ khóa", "Tiếng Anh"):
        assert chrome not in text
    assert "Trên đây là Kế hoạch thực hiện Chương trình Bảo vệ trẻ em năm 2017 của tỉnh Bắc Kạn." in text
    assert text == unicodedata.normalize("NFC", text)
