"""Dates as the genre writes them: rows copied from the seeds, and rows that vary the wording."""

from __future__ import annotations

import pytest

from extractors.facts.dates import first_date, iter_date_ranges, iter_dates

# (text, [(mention text, kind, value), ...]) — every mention in the text, in order.
DATES = [
    # seeds
    ("Bắc Kạn, ngày 20 tháng 3 năm 2017", [("ngày 20 tháng 3 năm 2017", "date", "2017-03-20")]),
    ("Lào Cai, ngày 30 tháng 01 năm 2024", [("ngày 30 tháng 01 năm 2024", "date", "2024-01-30")]),
    ("(Kèm theo Quyết định số: 313/QĐ-UBND ngày 20/3/2017 của", [("ngày 20/3/2017", "date", "2017-03-20")]),
    ("THỰC HIỆN QUYẾT ĐỊNH SỐ 1863/QĐ-TTG NGÀY 23/12/2019 CỦA", [("NGÀY 23/12/2019", "date", "2019-12-23")]),
    ("Công văn số 216/LĐTBXH-TTr ngày 9/01/2023 của Bộ", [("ngày 9/01/2023", "date", "2023-01-09")]),
    (
        "theo định kỳ (trước ngày 05/6/2017 và 15/12/2017).",
        [("ngày 05/6/2017", "date", "2017-06-05"), ("15/12/2017", "date", "2017-12-15")],
    ),
    (
        "định kỳ 6 tháng (vào ngày 15/6) và hằng năm (vào ngày 15/12) về Ủy ban",
        [("ngày 15/6", "day_month", "--06-15"), ("ngày 15/12", "day_month", "--12-15")],
    ),
    ("- Báo cáo năm: Trước ngày 15/11.", [("ngày 15/11", "day_month", "--11-15")]),
    ("Diễn đàn trẻ em, tết Thiếu nhi 1/6, tết Trung thu...;", [("1/6", "day_month", "--06-01")]),
    ("Tết Nguyên đán, Ngày Quốc tế Thiếu nhi (1/6), Tết Trung thu;", [("1/6", "day_month", "--06-01")]),
    ("Năm 2016, số trẻ em có hoàn cảnh đặc biệt khó khăn là 1.210 trẻ", [("Năm 2016", "year", "2016")]),
    ("- 9/9 xã, thị trấn đạt xã, thị trấn phù hợp với trẻ em", []),
    ("- Duy trì 4/9 xã, thị trấn hoạt động có hiệu quả", []),
    ("Hướng dẫn 9/9 huyện, thị xã, thành phố tổ chức Diễn đàn", []),
    ("theo Nghị định số 80/2017/NĐ-CP ngày 17/7/2018 của Chính phủ", [("ngày 17/7/2018", "date", "2018-07-17")]),
    ("theo Thông tư 23/2010/TT-LĐTBXH", []),
    ("giảm 1,38% so với năm trước", []),
    # variations
    (
        "ngày 20-3-2017 và ngày 20.3.2017",
        [("ngày 20-3-2017", "date", "2017-03-20"), ("ngày 20.3.2017", "date", "2017-03-20")],
    ),
    ("hạn chót 20/03/2017.", [("20/03/2017", "date", "2017-03-20")]),
    ("ngày 15/6 năm 2024", [("ngày 15/6 năm 2024", "date", "2024-06-15")]),
    ("ngày 29/2/2024 và ngày 29/2/2023", [("ngày 29/2/2024", "date", "2024-02-29")]),
    ("ngày 31/4/2017", []),
    ("ngày 12/5/1890", []),
    ("Hà Nội, ngày ... tháng ... năm 2017", [("năm 2017", "year", "2017")]),
    (
        "trong tháng 6/2024 và tháng 7 năm 2024",
        [("tháng 6/2024", "month", "2024-06"), ("tháng 7 năm 2024", "month", "2024-07")],
    ),
    ("THÁNG 12-2023", [("THÁNG 12-2023", "month", "2023-12")]),
    (
        "quý II/2024, quý 3 năm 2024, QUÝ IV/2024",
        [
            ("quý II/2024", "quarter", "2024-Q2"),
            ("quý 3 năm 2024", "quarter", "2024-Q3"),
            ("QUÝ IV/2024", "quarter", "2024-Q4"),
        ],
    ),
    (
        "năm học 2024-2025 và năm học 2024 - 2025",
        [
            ("năm học 2024-2025", "school_year", "2024-2025"),
            ("năm học 2024 - 2025", "school_year", "2024-2025"),
        ],
    ),
    ("năm học 2024-2026", []),
    ("giai đoạn 2016 - 2020", [("giai đoạn 2016", "year", "2016"), ("2020", "year", "2020")]),
    ("có 2024 trẻ em", []),
    ("đạt 9/9 và 3/5 trường", []),
    ("tổng đài hoạt động 24/7, miễn phí", []),
    ("Tháng hành động vì trẻ em (1/6 - 30/6)", [("1/6", "day_month", "--06-01"), ("30/6", "day_month", "--06-30")]),
    ("Tháng 6 và tháng 12/2025", [("Tháng 6", "month", "2025-06"), ("tháng 12/2025", "month", "2025-12")]),
    ("1.000.000 đồng, 1.210 trẻ, số điện thoại 0243.825.1234", []),
    ("tham gia Diễn đàn 15/6 hằng năm", [("15/6", "day_month", "--06-15")]),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_iter_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(text[m.start : m.end], m.kind, m.value) for m in iter_dates(text)]
    assert got == expected


# (text, kind, first_day, last_day) for the one mention in the text.
BOUNDS = [
    ("ngày 20/3/2017", "date", "2017-03-20", "2017-03-20"),
    ("ngày 15/6", "day_month", None, None),
    ("tháng 2/2024", "month", "2024-02-01", "2024-02-29"),
    ("tháng 2 năm 2023", "month", "2023-02-01", "2023-02-28"),
    ("quý II/2024", "quarter", "2024-04-01", "2024-06-30"),
    ("quý IV năm 2023", "quarter", "2023-10-01", "2023-12-31"),
    ("năm 2024", "year", "2024-01-01", "2024-12-31"),
    ("năm học 2024-2025", "school_year", "2024-09-01", "2025-05-31"),
]


@pytest.mark.parametrize(("text", "kind", "first_day", "last_day"), BOUNDS)
def test_bounds(text: str, kind: str, first_day: str | None, last_day: str | None) -> None:
    (mention,) = iter_dates(text)
    assert (mention.kind, mention.first_day, mention.last_day) == (kind, first_day, last_day)


# (text, range text, first value, last value) — the first range in the text.
RANGES = [
    (
        "- Cấp thị xã tổ chức tự kiểm tra, giám sát: Từ ngày 10/03/2023 đến ngày 31/03/2023.",
        "Từ ngày 10/03/2023 đến ngày 31/03/2023",
        "2023-03-10",
        "2023-03-31",
    ),
    (
        "giám sát: Từ ngày 01/04/2023 đến ngày 31/12/2023.",
        "Từ ngày 01/04/2023 đến ngày 31/12/2023",
        "2023-04-01",
        "2023-12-31",
    ),
    ("thực hiện từ tháng 3 đến tháng 6 năm 2024", "từ tháng 3 đến tháng 6 năm 2024", "2024-03", "2024-06"),
    ("thực hiện tháng 3-6/2024", "tháng 3-6/2024", "2024-03", "2024-06"),
    ("từ năm 2021 đến năm 2025", "từ năm 2021 đến năm 2025", "2021", "2025"),
    ("giai đoạn 2020 - 2025 trên địa bàn", "giai đoạn 2020 - 2025", "2020", "2025"),
    ("kể từ ngày 01/6 đến 30/6/2024", "kể từ ngày 01/6 đến 30/6/2024", "2024-06-01", "2024-06-30"),
    ("từ ngày 10 đến ngày 20/3/2023", "từ ngày 10 đến ngày 20/3/2023", "2023-03-10", "2023-03-20"),
    ("Quý II - Quý III/2025", "Quý II - Quý III/2025", "2025-Q2", "2025-Q3"),
]


@pytest.mark.parametrize(("text", "span", "first", "last"), RANGES)
def test_iter_date_ranges(text: str, span: str, first: str, last: str) -> None:
    found = next(iter_date_ranges(text))
    assert (text[found.start : found.end], found.first.value, found.last.value) == (span, first, last)


NOT_RANGES = [
    "trước ngày 05/6/2017 và 15/12/2017",
    "(vào ngày 15/6) và hằng năm (vào ngày 15/12)",
    "từ ngày 31/12/2023 đến ngày 01/01/2023",
]


@pytest.mark.parametrize("text", NOT_RANGES)
def test_not_ranges(text: str) -> None:
    assert list(iter_date_ranges(text)) == []


def test_window_offsets_are_absolute() -> None:
    text = "ngày 01/01/2020; báo cáo trước ngày 15/6/2020."
    start = text.index("báo")
    (mention,) = iter_dates(text, start)
    assert (mention.start, mention.end, mention.value) == (text.index("ngày 15"), len(text) - 1, "2020-06-15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bắc Kạn, ngày 20 tháng 3 năm 2017", "2017-03-20"),
        ("năm 2017, trước ngày 15/6 và ngày 5/12/2017", "2017-12-05"),
        ("Hà Nội, ngày ... tháng ... năm 2017", None),
    ],
)
def test_first_date(text: str, expected: str | None) -> None:
    assert first_date(text) == expected
