"""Citations of other documents: rows copied from the seeds, and rows that vary the wording."""

from __future__ import annotations

import pytest

from extractors.facts.citations import doc_type_from_number, iter_citations, normalize_doc_number

# (text, [(span text, type, number, date, issuer), ...]) — every citation in the text, in order.
CITATIONS = [
    # seeds
    (
        "Căn cứ Quyết định số: 2361/QĐ-TTg ngày 22 tháng 12 năm 2015 của Thủ tướng Chính phủ về việc phê duyệt "
        "Chương trình bảo vệ trẻ em giai đoạn 2016 - 2020;",
        [
            (
                "Quyết định số: 2361/QĐ-TTg ngày 22 tháng 12 năm 2015 của Thủ tướng Chính phủ",
                "Quyết định",
                "2361/QĐ-TTg",
                "2015-12-22",
                "Thủ tướng Chính phủ",
            )
        ],
    ),
    (
        "Xét đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số: 300/TTr-LĐTBXH ngày 14 tháng 3 "
        "năm 2017,",
        [("Tờ trình số: 300/TTr-LĐTBXH ngày 14 tháng 3 năm 2017", "Tờ trình", "300/TTr-LĐTBXH", "2017-03-14", None)],
    ),
    (
        "THỰC HIỆN QUYẾT ĐỊNH SỐ 1863/QĐ-TTG NGÀY 23/12/2019 CỦA THỦ TƯỚNG CHÍNH PHỦ PHÊ DUYỆT KẾ HOẠCH HÀNH ĐỘNG",
        [
            (
                "QUYẾT ĐỊNH SỐ 1863/QĐ-TTG NGÀY 23/12/2019 CỦA THỦ TƯỚNG CHÍNH PHỦ",
                "Quyết định",
                "1863/QĐ-TTg",
                "2019-12-23",
                "THỦ TƯỚNG CHÍNH PHỦ",
            )
        ],
    ),
    (
        "Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ phê duyệt Kế hoạch hành động "
        "quốc gia (sau đây gọi tắt là Quyết định số 1863/QĐ-TTg);",
        [
            (
                "Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ",
                "Quyết định",
                "1863/QĐ-TTg",
                "2019-12-23",
                "Thủ tướng Chính phủ",
            ),
            ("Quyết định số 1863/QĐ-TTg", "Quyết định", "1863/QĐ-TTg", None, None),
        ],
    ),
    (
        "Thực hiện Công văn số 216/LĐTBXH-TTr ngày 9/01/2023 của Bộ Lao động - Thương binh và Xã hội và Công văn số "
        "669/UBND-VH ngày 31/01/2023 của Ủy ban nhân dân tỉnh Thừa Thiên Huế về việc thanh tra, kiểm tra",
        [
            (
                "Công văn số 216/LĐTBXH-TTr ngày 9/01/2023 của Bộ Lao động - Thương binh và Xã hội",
                "Công văn",
                "216/LĐTBXH-TTr",
                "2023-01-09",
                "Bộ Lao động - Thương binh và Xã hội",
            ),
            (
                "Công văn số 669/UBND-VH ngày 31/01/2023 của Ủy ban nhân dân tỉnh Thừa Thiên Huế",
                "Công văn",
                "669/UBND-VH",
                "2023-01-31",
                "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
            ),
        ],
    ),
    (
        "Thực hiện Kế hoạch số 844/KH-UBND, ngày 27/4/2016 của UBND tỉnh Kon Tum về triển khai, thực hiện Chương trình "
        "giai đoạn 2016-2020; Quyết định số 624/QĐ-UBND, ngày 09/6/2016 của UBND tỉnh Kon Tum về ban hành bộ chỉ số,",
        [
            (
                "Kế hoạch số 844/KH-UBND, ngày 27/4/2016 của UBND tỉnh Kon Tum",
                "Kế hoạch",
                "844/KH-UBND",
                "2016-04-27",
                "UBND tỉnh Kon Tum",
            ),
            (
                "Quyết định số 624/QĐ-UBND, ngày 09/6/2016 của UBND tỉnh Kon Tum",
                "Quyết định",
                "624/QĐ-UBND",
                "2016-06-09",
                "UBND tỉnh Kon Tum",
            ),
        ],
    ),
    (
        "theo Nghị định số 80/2017/NĐ-CP ngày 17/7/2018 của Chính phủ quy định về môi trường giáo dục an toàn.",
        [
            (
                "Nghị định số 80/2017/NĐ-CP ngày 17/7/2018 của Chính phủ",
                "Nghị định",
                "80/2017/NĐ-CP",
                "2018-07-17",
                "Chính phủ",
            )
        ],
    ),
    (
        "các trường hợp xâm hại theo Kế hoạch số 411/KH-CAT-PC02 ngày 22/01/2021 đã đề ra.",
        [("Kế hoạch số 411/KH-CAT-PC02 ngày 22/01/2021", "Kế hoạch", "411/KH-CAT-PC02", "2021-01-22", None)],
    ),
    (
        "khẩn cấp theo Thông tư 23/2010/TT-LĐTBXH ngày 16/8/2010 của Bộ Lao động - Thương binh và Xã hội qui định qui "
        "trình can thiệp",
        [
            (
                "Thông tư 23/2010/TT-LĐTBXH ngày 16/8/2010 của Bộ Lao động - Thương binh và Xã hội",
                "Thông tư",
                "23/2010/TT-LĐTBXH",
                "2010-08-16",
                "Bộ Lao động - Thương binh và Xã hội",
            )
        ],
    ),
    (
        "kinh phí đã giao tại Quyết định số 3399/QĐ-UBND ngày 12/12/2023 và các nguồn kinh phí hợp pháp khác",
        [("Quyết định số 3399/QĐ-UBND ngày 12/12/2023", "Quyết định", "3399/QĐ-UBND", "2023-12-12", None)],
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        [("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Luật", None, "2015-06-19", None)],
    ),
    (
        "+ Triển khai tới thôn, bản, tổ phố về Luật Trẻ em năm 2016, Chương trình Bảo vệ trẻ em",
        [("Luật Trẻ em năm 2016", "Luật", None, None, None)],
    ),
    ("bám sát mục tiêu theo Công ước quốc tế về trẻ em và Luật Trẻ em.", []),
    ("Số: 313/QĐ-UBND", []),
    ("CỘNG HÒA\nSố: 39/KH-UBND\nThái Bình, ngày 10 tháng 4 năm 2020", []),
    ("Hướng dẫn 9/9 huyện, thị xã tổ chức Diễn đàn; HIV/AIDS; 24/7", []),
    # variations
    (
        "Căn cứ Luật số 102/2016/QH13 ngày 05/4/2016 của Quốc hội;",
        [("Luật số 102/2016/QH13 ngày 05/4/2016 của Quốc hội", "Luật", "102/2016/QH13", "2016-04-05", "Quốc hội")],
    ),
    (
        "Căn cứ Luật Trẻ em số 102/2016/QH13;",
        [("Luật Trẻ em số 102/2016/QH13", "Luật", "102/2016/QH13", None, None)],
    ),
    (
        "Thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về công tác dân số",
        [
            (
                "Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương",
                "Nghị quyết",
                "21-NQ/TW",
                "2017-10-25",
                "Ban Chấp hành Trung ương",
            )
        ],
    ),
    (
        "Thực hiện Kế hoạch số 119-KH/TU ngày ... của Tỉnh ủy về thực hiện",
        [("Kế hoạch số 119-KH/TU ngày ... của Tỉnh ủy", "Kế hoạch", "119-KH/TU", None, "Tỉnh ủy")],
    ),
    (
        "theo Chỉ thị 05/CT-TTg, Chỉ thị số 05-CT/TU",
        [
            ("Chỉ thị 05/CT-TTg", "Chỉ thị", "05/CT-TTg", None, None),
            ("Chỉ thị số 05-CT/TU", "Chỉ thị", "05-CT/TU", None, None),
        ],
    ),
    (
        "các Quyết định số 123/QĐ-UBND và số 456/QĐ-UBND của UBND tỉnh",
        [
            ("Quyết định số 123/QĐ-UBND", "Quyết định", "123/QĐ-UBND", None, None),
            ("456/QĐ-UBND của UBND tỉnh", "Quyết định", "456/QĐ-UBND", None, "UBND tỉnh"),
        ],
    ),
    (
        "theo văn bản số 123/UBND-VX ngày 5/3/2024",
        [
            ("văn bản số 123/UBND-VX ngày 5/3/2024", "Công văn", "123/UBND-VX", "2024-03-05", None),
        ],
    ),
    (
        "tại Tờ trình số 300/ttr-lđtbxh ngày 14/3/2017",
        [
            ("Tờ trình số 300/ttr-lđtbxh ngày 14/3/2017", "Tờ trình", "300/TTr-LĐTBXH", "2017-03-14", None),
        ],
    ),
    (
        "theo Quyết định số 313 /QĐ-UBND ngày 1/2/2017",
        [
            ("Quyết định số 313 /QĐ-UBND ngày 1/2/2017", "Quyết định", "313/QĐ-UBND", "2017-02-01", None),
        ],
    ),
    (
        "Thông tư liên tịch số 01/2023/TTLT-BLĐTBXH-BTC ngày 10/02/2023 của Bộ Tài chính;",
        [
            (
                "Thông tư liên tịch số 01/2023/TTLT-BLĐTBXH-BTC ngày 10/02/2023 của Bộ Tài chính",
                "Thông tư liên tịch",
                "01/2023/TTLT-BLĐTBXH-BTC",
                "2023-02-10",
                "Bộ Tài chính",
            )
        ],
    ),
    (
        "Quyết định số 123/QĐ-UBND của UBND tỉnh ngày 12/12/2023 về việc ban hành Kế hoạch",
        [
            (
                "Quyết định số 123/QĐ-UBND của UBND tỉnh ngày 12/12/2023",
                "Quyết định",
                "123/QĐ-UBND",
                "2023-12-12",
                "UBND tỉnh",
            )
        ],
    ),
    (
        "Thực hiện Chương trình hành động số 48-CTr/TU ngày 10 tháng 3 năm 2022 của Ban Thường vụ Tỉnh ủy Quảng Nam;",
        [
            (
                "Chương trình hành động số 48-CTr/TU ngày 10 tháng 3 năm 2022 của Ban Thường vụ Tỉnh ủy Quảng Nam",
                "Chương trình",
                "48-CTr/TU",
                "2022-03-10",
                "Ban Thường vụ Tỉnh ủy Quảng Nam",
            )
        ],
    ),
    ("theo 1863/QĐ-TTg", [("1863/QĐ-TTg", "Quyết định", "1863/QĐ-TTg", None, None)]),
    (
        "Quyết định số 1234/QĐ-UBND ngày 12/5/2020 của UBND TP. Hà Nội về việc X.",
        [
            (
                "Quyết định số 1234/QĐ-UBND ngày 12/5/2020 của UBND TP. Hà Nội",
                "Quyết định",
                "1234/QĐ-UBND",
                "2020-05-12",
                "UBND TP. Hà Nội",
            )
        ],
    ),
    (
        "Căn cứ Luật Phòng, chống bạo lực gia đình năm 2022; Bộ luật Lao động năm 2019;",
        [
            ("Luật Phòng, chống bạo lực gia đình năm 2022", "Luật", None, None, None),
            ("Bộ luật Lao động năm 2019", "Bộ luật", None, None, None),
        ],
    ),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
        "ngày 22 tháng 11 năm 2019;",
        [
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
                "ngày 22 tháng 11 năm 2019",
                "Luật",
                None,
                "2019-11-22",
                None,
            )
        ],
    ),
    ("tuyên truyền Luật Trẻ em, các chính sách về trẻ em năm 2024", []),
    ("PHÁP LUẬT VỀ TRẺ EM NĂM 2023; vi phạm pháp luật năm 2020; kỷ luật tích cực năm 2020", []),
    ("mỗi lớp 2 lần/tháng, 35 học sinh/lớp", []),
]


@pytest.mark.parametrize(("text", "expected"), CITATIONS)
def test_iter_citations(text: str, expected: list[tuple[str, str | None, str | None, str | None, str | None]]) -> None:
    got = [(text[c.start : c.end], c.type, c.number, c.date, c.issuer) for c in iter_citations(text)]
    assert got == expected


# (text, title of the first citation)
TITLES = [
    (
        "Căn cứ Quyết định số: 2361/QĐ-TTg ngày 22 tháng 12 năm 2015 của Thủ tướng Chính phủ về việc phê duyệt "
        "Chương trình bảo vệ trẻ em giai đoạn 2016 - 2020;",
        "về việc phê duyệt Chương trình bảo vệ trẻ em giai đoạn 2016 - 2020",
    ),
    (
        "Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ phê duyệt Kế hoạch hành động "
        "quốc gia phòng, chống bạo lực, xâm hại trẻ em giai đoạn 2020 - 2025 (sau đây gọi tắt là Quyết định số "
        "1863/QĐ-TTg);",
        "phê duyệt Kế hoạch hành động quốc gia phòng, chống bạo lực, xâm hại trẻ em giai đoạn 2020 - 2025",
    ),
    (
        "(theo Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ quy định về tiêu chuẩn, trình tự đánh "
        "giá và công nhận xã, phường, thị trấn phù hợp với trẻ em).",
        "quy định về tiêu chuẩn, trình tự đánh giá và công nhận xã, phường, thị trấn phù hợp với trẻ em",
    ),
    (
        "Thực hiện Kế hoạch số 119-KH/TU ngày 15 tháng 12 năm 2023 của Ban Thường vụ Tỉnh ủy Hà Giang về lãnh đạo "
        "thực hiện nhiệm vụ giảm nghèo năm 2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "về lãnh đạo thực hiện nhiệm vụ giảm nghèo năm 2024",
    ),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "Luật Tổ chức chính quyền địa phương"),
    ("về Luật Trẻ em năm 2016, Chương trình", "Luật Trẻ em"),
    ("theo Kế hoạch số 411/KH-CAT-PC02 ngày 22/01/2021 đã đề ra.", None),
    ("báo cáo kết quả thực hiện Kế hoạch số 39/KH-UBND về Sở Lao động - Thương binh và Xã hội trước ngày 15/6", None),
    (
        "Công văn số 216/LĐTBXH-TTr ngày 9/01/2023 của Bộ Lao động - Thương binh và Xã hội và Công văn số 669/UBND-VH",
        None,
    ),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_titles(text: str, title: str | None) -> None:
    assert next(iter_citations(text)).title == title


def test_number_span_and_window() -> None:
    text = "Căn cứ Quyết định số 1/QĐ-UBND; Căn cứ Quyết định số 313 /QĐ-UBND ngày 20/3/2017;"
    second = text.index("; ")
    (found,) = iter_citations(text, second)
    assert found.number_start is not None and found.number_end is not None
    number = text[found.number_start : found.number_end]
    assert (found.start, number) == (text.index("Quyết định số 313"), "313 /QĐ-UBND")


NUMBERS = [
    ("1863/QĐ-TTG", "1863/QĐ-TTg", "Quyết định"),
    ("300/ttr-lđtbxh", "300/TTr-LĐTBXH", "Tờ trình"),
    ("313 /QĐ-UBND", "313/QĐ-UBND", "Quyết định"),
    ("313/QĐ - UBND", "313/QĐ-UBND", "Quyết định"),
    ("21-NQ/TW", "21-NQ/TW", "Nghị quyết"),
    ("119-KH/TU", "119-KH/TU", "Kế hoạch"),
    ("05-CT/TU", "05-CT/TU", "Chỉ thị"),
    ("45-KL/TW", "45-KL/TW", "Kết luận"),
    ("411/KH-CAT-PC02", "411/KH-CAT-PC02", "Kế hoạch"),
    ("80/2017/NĐ-CP", "80/2017/NĐ-CP", "Nghị định"),
    ("23/2010/TT-LĐTBXH", "23/2010/TT-LĐTBXH", "Thông tư"),
    ("01/2023/TTLT-BLĐTBXH-BTC", "01/2023/TTLT-BLĐTBXH-BTC", "Thông tư liên tịch"),
    ("102/2016/QH13", "102/2016/QH13", "Luật"),
    ("216/LĐTBXH-TTr", "216/LĐTBXH-TTr", "Công văn"),
    ("669/UBND-VH", "669/UBND-VH", "Công văn"),
    ("1234/TTg-KGVX", "1234/TTg-KGVX", "Công văn"),
    ("12/TB-UBND", "12/TB-UBND", "Thông báo"),
    ("15/HD-SLĐTBXH", "15/HD-SLĐTBXH", "Hướng dẫn"),
    ("25/BC-UBND", "25/BC-UBND", "Báo cáo"),
    ("02/2020/UBTVQH14", "02/2020/UBTVQH14", None),
]


@pytest.mark.parametrize(("raw", "normalized", "type_"), NUMBERS)
def test_numbers(raw: str, normalized: str, type_: str | None) -> None:
    assert (normalize_doc_number(raw), doc_type_from_number(raw)) == (normalized, type_)
