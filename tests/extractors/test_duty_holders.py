"""The bodies that head a duty, read up to the predicate: (item text after "Đề nghị"/"Giao", names)."""

from __future__ import annotations

import pytest

from extractors.facts.responsibilities import named_bodies

ROWS = [
    # A request to a dozen bodies, longer than a line: every one is named, regional branches whole.
    (
        "Văn phòng Tỉnh ủy và các Ban Xây dựng Đảng và Ủy ban Kiểm tra Tỉnh ủy, Ủy ban Mặt trận Tổ quốc"
        " Việt Nam tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh, Thuế tỉnh, Kiểm toán nhà nước"
        " khu vực II, Kho bạc nhà nước khu vực XI, Ngân hàng nhà nước khu vực 8, Chi cục Hải quan khu vực XI"
        " tăng cường công tác bảo vệ bí mật nhà nước.",
        [
            "Văn phòng Tỉnh ủy",
            "các Ban Xây dựng Đảng",
            "Ủy ban Kiểm tra Tỉnh ủy",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Viện Kiểm sát nhân dân tỉnh",
            "Tòa án nhân dân tỉnh",
            "Thuế tỉnh",
            "Kiểm toán Nhà nước khu vực II",
            "Kho bạc Nhà nước khu vực XI",
            "Ngân hàng nhà nước khu vực 8",
            "Chi cục Hải quan khu vực XI",
        ],
    ),
    # A capitalised word of a name is no predicate; the same word in lower case is.
    ("Ban Xây dựng Đảng xây dựng kế hoạch thực hiện.", ["Ban Xây dựng Đảng"]),
    ("Sở Tư pháp, Sở Nội vụ chủ trì, phối hợp với các đơn vị.", ["Sở Tư pháp", "Sở Nội vụ"]),
    # Names the alias table knows as one body stay one, "và" and commas inside them.
    (
        "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh, Sở Tư pháp tăng cường kiểm tra.",
        ["Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "Sở Tư pháp"],
    ),
    (
        "Văn phòng Đoàn ĐBQH, HĐND và UBND huyện chủ trì.",
        ["Văn phòng Đoàn Đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân huyện"],
    ),
    ("Sở Tư pháp, Sở Nội vụ và Công an tỉnh chủ trì.", ["Sở Tư pháp", "Sở Nội vụ", "Công an tỉnh"]),
    # No head word: nobody named.
    ("tăng cường công tác tuyên truyền.", []),
]


@pytest.mark.parametrize(("text", "names"), ROWS)
def test_named_bodies(text: str, names: list[str]) -> None:
    found = named_bodies(text, 0, len(text))
    assert [m.name for m in found] == names
    assert all(text[m.start : m.end] == m.surface for m in found)
