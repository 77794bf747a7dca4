"""The front door: every text form comes out as the same clean logical lines.

Rows are (form, raw text as the converter or crawler saved it, the logical lines expected).
The raw texts are cut from the real pages in ``corpus/`` (thuvienphapluat pages as their
crawler converted them, CongBot files, a plain-text crawler's chunks), names kept.
"""

from __future__ import annotations

import pytest

from extractors.record.build import build_record
from extractors.text.normalize import normalize
from models import Source

CELLS_HEADER = """|
|
**ỦY BAN NHÂN
DÂN **
TỈNH HÀ TĨNH
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
84/2025/QĐ-UBND
|
*Hà Tĩnh, ngày
02 tháng 12 năm 2025*
|
**QUYẾT ĐỊNH**
BÃI BỎ TOÀN BỘ
QUYẾT ĐỊNH SỐ 10/2016/QĐ-UBND NGÀY 21/3/2016 CỦA ỦY BAN NHÂN DÂN TỈNH
*Căn cứ Luật Tổ chức chính quyền địa phương
ngày 16/6/2025;*
*Căn cứ Nghị định số
150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định tổ chức các cơ quan chuyên
môn thuộc Ủy ban nhân dân tỉnh;*
**Điều 1. Bãi bỏ toàn bộ các quyết định**"""

CELLS_BODY = """|
**ỦY BAN NHÂN DÂN**
THÀNH PHỐ CẦN THƠ
|
**I. MỤC ĐÍCH,
YÊU CẦU**

**1. Mục đích**

a) Chủ trì, phối hợp với sở,
ban, ngành tăng cường kiểm tra theo các văn bản chỉ đạo của
Chính phủ[2], Bộ Y tế[3], Thành ủy.

**2. Sở Tài
chính**

Phối hợp với Sở Y tế tham mưu bố trí kinh phí."""

CELLS_SIGNATURE = """|
Nơi nhận:
- Như Điều 4;
- Lưu: VT, NC, KGVX (DCV).
|
**TM. ỦY BAN NHÂN
DÂN**
CHỦ TỊCH
Hồ Văn Mười
|"""

HEADER_ROW = (
    "| ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "--------------- |"
)
CONGBOT = f"""*Source: https://thuvienphapluat.vn/van-ban/Quyet-dinh-986-QD-UBND-2024-621424.aspx*

# Về việc giải quyết chế độ trợ cấp một lần đối với thanh niên xung phong của UBND tỉnh Bạc Liêu

{HEADER_ROW}
|---|---|
| Số: 986/QĐ-UBND | Tuyên Quang, ngày 13 tháng 8 năm 2024 |

QUYẾT ĐỊNH

Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.

| Nơi nhận: - Bộ Giáo dục và Đào tạo; (báo cáo) - Lưu: VT, THVX (VB). | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương |
|---|---|"""

CHUNKED = """Quyết định 435/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM -------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU
I. MỤC ĐÍCH, YÊU CẦU
Quyết định 435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG HOẠT ĐỘNG"""

PLAIN = """ỦY BAN NHÂN DÂN
TỈNH BẾN TRE
Số: 1234/KH-UBND
Bến Tre, ngày 15 tháng 3 năm 2023

KẾ HOẠCH
Thực hiện công tác phòng, chống dịch bệnh truyền nhiễm năm 2023

A. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Chủ động phòng, chống dịch bệnh, giảm tỷ lệ mắc và tử vong.
2. Yêu cầu
Các sở, ngành phối hợp chặt chẽ."""

ROWS = [
    (
        "converter cells: header cells, emphasis over lines, a label before its value",
        CELLS_HEADER,
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH HÀ TĨNH",
            "--------",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "---------------",
            "Số: 84/2025/QĐ-UBND",
            "Hà Tĩnh, ngày 02 tháng 12 năm 2025",
            "QUYẾT ĐỊNH",
            "BÃI BỎ TOÀN BỘ QUYẾT ĐỊNH SỐ 10/2016/QĐ-UBND NGÀY 21/3/2016 CỦA ỦY BAN NHÂN DÂN TỈNH",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
            "Căn cứ Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định tổ chức các cơ quan "
            "chuyên môn thuộc Ủy ban nhân dân tỉnh;",
            "Điều 1. Bãi bỏ toàn bộ các quyết định",
        ],
    ),
    (
        "converter body: a heading wrapped in bold, footnote markers, a duty holder over two lines",
        CELLS_BODY,
        [
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ CẦN THƠ",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "",
            "1. Mục đích",
            "",
            "a) Chủ trì, phối hợp với sở, ban, ngành tăng cường kiểm tra theo các văn bản chỉ đạo của "
            "Chính phủ, Bộ Y tế, Thành ủy.",
            "",
            "2. Sở Tài chính",
            "",
            "Phối hợp với Sở Y tế tham mưu bố trí kinh phí.",
        ],
    ),
    (
        "converter signature: authority over two lines, title, name",
        CELLS_SIGNATURE,
        ["Nơi nhận:", "- Như Điều 4;", "- Lưu: VT, NC, KGVX (DCV).", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hồ Văn Mười"],
    ),
    (
        "CongBot: source line and wrong title go, flattened cells split at their rules, the signature cell too",
        CONGBOT,
        [
            "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
            "Số: 986/QĐ-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Tuyên Quang, ngày 13 tháng 8 năm 2024",
            "",
            "QUYẾT ĐỊNH",
            "",
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
            "",
            "Nơi nhận:",
            "- Bộ Giáo dục và Đào tạo; (báo cáo)",
            "- Lưu: VT, THVX (VB).",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Hoàng Việt Phương",
        ],
    ),
    (
        "a crawler's chunk prefixes and the annex breadcrumb they repeat",
        CHUNKED,
        [
            "ỦY BAN NHÂN DÂN TỈNH KON TUM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG HOẠT ĐỘNG",
        ],
    ),
    ("plain text, one paragraph a line: kept as it is", PLAIN, PLAIN.split("\n")),
]


@pytest.mark.parametrize(("form", "raw", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_every_form_gives_the_same_logical_lines(form: str, raw: str, expected: list[str]) -> None:
    assert normalize(raw).text.rstrip("\n").split("\n") == expected


def test_markdown_is_recognised_by_content_whatever_the_file_name() -> None:
    assert normalize(CELLS_BODY, markdown=False).text == normalize(CELLS_BODY, markdown=True).text


METADATA = """Đang tải văn bản...
#
**Số hiệu:**
|
2284/QĐ-UBND
|
|
**Loại văn bản:**
|
Quyết định
|
**Nơi ban hành:**
|
Tỉnh Lâm Đồng
|
|
**Người ký:**
|
Hồ Văn Mười
|
**Ngày ban hành:**
|
25/11/2025
|
|
**Tình trạng:**
|
Đã biết
|
|
**ỦY BAN NHÂN DÂN**
TỈNH LÂM ĐỒNG"""


def test_the_sites_metadata_block_leaves_the_text_and_is_kept() -> None:
    normalized = normalize(METADATA)
    assert normalized.text == "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n"
    assert normalized.metadata == {
        "number": "2284/QĐ-UBND",
        "type": "Quyết định",
        "issuer": "Tỉnh Lâm Đồng",
        "signer": "Hồ Văn Mười",
        "issued_date": "25/11/2025",
        "status": "Đã biết",
    }


TRAILER = """Hồ Văn Mười
Quyết định 84/2025/QĐ-UBND bãi bỏ toàn bộ Quyết định 10/2016/QĐ-UBND
Văn bản này chưa cập nhật nội dung Tiếng Anh Quyết định 84/2025/QĐ-UBND ngày 02/12/2025 bãi bỏ toàn bộ
## Văn bản liên quan
Ban hành:
18/11/2025"""


def test_the_sites_caption_and_trailer_are_cut() -> None:
    normalized = normalize(TRAILER)
    assert normalized.text == "Hồ Văn Mười\n"
    assert normalized.metadata == {"caption_type": "Quyết định", "caption_number": "84/2025/QĐ-UBND"}


CHROME = """Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý của **
THƯ VIỆN PHÁP LUẬT** là vi phạm pháp luật về Sở hữu trí tuệ.
X
**
CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN
**
Click vào phần bôi vàng để xem chi tiết.
|
Đang tải văn bản...
#

Đã biết
|
**Kính gửi:**
|
- Thuế tỉnh/thành phố;"""


def test_legal_database_chrome_goes_even_when_the_page_lost_its_header() -> None:
    assert normalize(CHROME).text == "Kính gửi:\n- Thuế tỉnh/thành phố;\n"


def test_text_a_published_file_loses_beyond_a_small_share_is_a_warning() -> None:
    """A file an office published carries no site chrome: when cleaning drops much of it (here a
    quốc hiệu printed low on the page makes all above it look like a portal's chrome), the record
    says so."""
    body = "Căn cứ kết quả rà soát, Sở Nội vụ báo cáo tình hình thực hiện nhiệm vụ trong năm như sau. " * 5
    raw = f"{body}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    source = Source(uri="a.docx", format="docx", sha256="0" * 64)
    record = build_record(raw, source)
    assert record.warnings[0].endswith("of the letters read from the file were dropped as chrome")
    assert not any("dropped" in w for w in build_record(raw, source.model_copy(update={"format": "txt"})).warnings)
