from typing import Any

import pytest

from extractors.facts.indicators import IndicatorMention, iter_indicators


def _check(sentence: str, expected: list[dict[str, Any]], **options: bool) -> list[IndicatorMention]:
    """Each expected dict names the fields it checks; "kw" is a word that must be in text or subject,
    "expr" the exact value expression the span covers."""
    found = list(iter_indicators(sentence, **options))
    assert len(found) == len(expected), [(sentence[m.start : m.end], m.unit, m.value) for m in found]
    for m, want in zip(found, expected, strict=True):
        assert m.text == sentence[m.text_start : m.text_end]
        assert m.text_start <= m.start < m.end <= m.text_end
        for key, value in want.items():
            if key == "kw":
                assert value in f"{m.text} {m.subject or ''}"
            elif key == "expr":
                assert sentence[m.start : m.end] == value
            else:
                assert getattr(m, key) == value, (key, getattr(m, key), value)
    return found


# Sentences copied from the seed documents, with the gold answers.
SEEDS = [
    (
        "- Giảm trẻ em có hoàn cảnh đặc biệt trên tổng số trẻ em xuống còn dưới 1,5%. Trẻ em có nguy cơ rơi vào "
        "hoàn cảnh đặc biệt được quản lý và có các biện pháp can thiệp, trợ giúp kịp thời;",
        [dict(value=1.5, unit="%", comparator="<", direction="decrease", expr="dưới 1,5%", kw="hoàn cảnh đặc biệt")],
    ),
    (
        "- 85% tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp, chăm sóc để phục hồi, hòa nhập cộng đồng và có cơ "
        "hội phát triển;",
        [dict(value=85.0, unit="%", comparator="=", direction=None, kw="trợ giúp")],
    ),
    (
        "- 60% huyện, thành phố xây dựng, củng cố hệ thống bảo vệ trẻ em.",
        [dict(value=60.0, unit="%", subject="huyện, thành phố xây dựng, củng cố hệ thống bảo vệ trẻ em")],
    ),
    (
        "- Giảm tỷ lệ trẻ em có hoàn cảnh đặc biệt từ 1,38% năm 2023 xuống còn 1,36% năm 2024.",
        [
            dict(
                value=1.36,
                unit="%",
                comparator="=",
                direction="decrease",
                baseline_value=1.38,
                baseline_year=2023,
                target_year=2024,
                subject="tỷ lệ trẻ em có hoàn cảnh đặc biệt",
            ),
        ],
    ),
    (
        "- Phấn đấu 100% trẻ em có hoàn cảnh đặc biệt được trợ giúp, chăm sóc. 100% trẻ em bị bạo lực, xâm hại được "
        "kịp thời phát hiện, can thiệp, trợ giúp để ổn định tâm lý và phát triển bình đẳng. Đảm bảo 100% cơ sở giáo "
        "dục không để xảy ra tình trạng bạo lực học đường.",
        [
            dict(
                value=100.0,
                direction="reach",
                subject="trẻ em có hoàn cảnh đặc biệt được trợ giúp, chăm sóc",
                text="Phấn đấu 100% trẻ em có hoàn cảnh đặc biệt được trợ giúp, chăm sóc",
            ),
            dict(value=100.0, kw="kịp thời phát hiện"),
            dict(value=100.0, direction="reach", kw="bạo lực học đường"),
        ],
    ),
    (
        "- Duy trì tỷ lệ 100% cán bộ làm công tác bảo vệ chăm sóc trẻ em cấp xã, phường, thị trấn được tập huấn bồi "
        "dưỡng kiến thức, nâng cao năng lực bảo vệ, chăm sóc trẻ em. Phấn đấu có trên 80% xã, phường, thị trấn đạt "
        "tiêu chuẩn phù hợp với trẻ em.",
        [
            dict(value=100.0, comparator="=", direction="maintain", kw="tập huấn"),
            dict(value=80.0, comparator=">", expr="trên 80%", kw="phù hợp với trẻ em"),
        ],
    ),
    (
        "- Vận động, xây dựng Quỹ Bảo trợ trẻ em cấp tỉnh đạt 01 tỷ đồng trở lên (bao gồm tiền mặt và hiện vật quy "
        "đổi thành tiền).",
        [dict(value=1e9, unit="VND", comparator=">=", expr="01 tỷ đồng trở lên", kw="Quỹ Bảo trợ trẻ em")],
    ),
    (
        "- 90% cơ sở y tế cấp xã và 100% cơ sở y tế cấp huyện được tăng cường khả năng cung cấp dịch vụ chăm sóc "
        "sức khỏe cho trẻ em bị bạo lực, bị xâm hại tình dục một cách kịp thời, phù hợp;",
        [
            dict(value=90.0, subject="cơ sở y tế cấp xã", direction=None),
            dict(value=100.0, kw="cơ sở y tế cấp huyện", direction=None),
        ],
    ),
    (
        "- Hằng năm tăng thêm 20% số tình nguyện viên bảo vệ trẻ em từ các tổ chức, nhóm xã hội, cá nhân và các "
        "nhóm kết nối, bao gồm cả các nhóm và cá nhân trên môi trường mạng.",
        [dict(value=20.0, direction="increase", kw="tình nguyện viên")],
    ),
    (
        "-100% cơ quan quản lý giáo dục ở địa phương và cơ sở giáo dục có quy chế phối hợp với các cơ quan chức năng.",
        [dict(value=100.0, kw="quy chế phối hợp")],
    ),
    (
        "- 70% trẻ em từ 05 đến dưới 16 tuổi được cung cấp thông tin, hướng dẫn kỹ năng sống;",
        [dict(value=70.0, unit="%", kw="kỹ năng sống")],
    ),
    (
        "- 100% các cơ sở giáo dục công khai, tuyên truyền về kế hoạch phòng ngừa bạo lực học đường, tổng đài bảo vệ "
        "trẻ em Quốc gia 111, các kênh tiếp nhận thông tin;",
        [dict(value=100.0, kw="công khai")],
    ),
    (
        "5. Chỉ đạo làm tốt công tác tiếp nhận, giải quyết tin báo; bảo đảm 100% các tin báo, tố giác về tội phạm "
        "xâm hại trẻ em được tiếp nhận, giải quyết kịp thời.",
        [
            dict(
                value=100.0,
                text="bảo đảm 100% các tin báo, tố giác về tội phạm xâm hại trẻ em được tiếp nhận, giải quyết kịp thời",
                text_start=59,
            ),
        ],
    ),
    (
        "- Đảm bảo 100% trẻ em khuyết tật, trẻ em bị nhiễm HIV/AIDS được can thiệp, trợ giúp bằng nhiều hình thức; "
        "75% trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt được can thiệp để giảm nguy cơ rơi vào hoàn cảnh đặc biệt; "
        "giảm 5% trẻ em có hoàn cảnh đặc biệt so với năm 2016; giảm 10% tình trạng trẻ em bị tai nạn thương tích so "
        "với năm 2016 (",
        [
            dict(value=100.0, direction="reach", kw="khuyết tật"),
            dict(value=75.0, direction=None, kw="có nguy cơ"),
            dict(value=5.0, direction="decrease", baseline_year=2016, baseline_value=None, kw="so với năm 2016"),
            dict(value=10.0, direction="decrease", baseline_year=2016, kw="tai nạn thương tích"),
        ],
    ),
    (
        "- 9/9 xã, thị trấn đạt xã, thị trấn phù hợp với trẻ em vào năm 2017.",
        [
            dict(
                value=9.0,
                unit="ratio",
                numerator=9.0,
                denominator=9.0,
                target_year=2017,
                expr="9/9",
                subject="xã, thị trấn đạt xã, thị trấn phù hợp với trẻ em",
            ),
        ],
    ),
    (
        "- Duy trì 4/9 xã, thị trấn hoạt động có hiệu quả hệ thống cung cấp dịch vụ bảo vệ trẻ em, gồm: 04 điểm tham "
        "vấn bảo vệ trẻ em tại cộng đồng (xã Tân Cảnh, Thị trấn Đăk Tô, xã Ngọc Tụ và xã Đăk Trăm).",
        [dict(unit="ratio", numerator=4.0, denominator=9.0, direction="maintain", kw="dịch vụ bảo vệ trẻ em")],
    ),
]


# Sentences of my own wording, across topics.
OWN = [
    (
        "Tỷ lệ huy động trẻ 5 tuổi đến lớp đạt 99,5%.",
        [dict(value=99.5, unit="%", comparator="=", direction="reach", subject="Tỷ lệ huy động trẻ 5 tuổi đến lớp")],
    ),
    (
        "- Phấn đấu giảm tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi xuống dưới 20%.",
        [dict(value=20.0, comparator="<", direction="decrease", kw="thấp còi")],
    ),
    (
        "+ 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.",
        [dict(value=100.0, direction=None, subject="hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng")],
    ),
    (
        "Tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm.",
        [dict(value=1.0, value_max=1.5, direction="decrease", subject="Tỷ lệ hộ nghèo", expr="1-1,5%")],
    ),
    (
        "Có ít nhất 80% dịch vụ công trực tuyến toàn trình được cung cấp trên Cổng dịch vụ công của tỉnh.",
        [dict(value=80.0, comparator=">=", expr="ít nhất 80%", kw="dịch vụ công trực tuyến")],
    ),
    ("Tỷ lệ che phủ rừng đạt 85%-90%.", [dict(value=85.0, value_max=90.0, comparator="=", kw="che phủ rừng")]),
    (
        "Tỷ lệ người dân hài lòng với dịch vụ y tế đạt từ 85% đến 90%.",
        [dict(value=85.0, value_max=90.0, baseline_value=None, direction="reach", expr="từ 85% đến 90%")],
    ),
    (
        "Tăng tỷ lệ người dân tham gia bảo hiểm y tế từ 80% lên 90% vào năm 2025.",
        [dict(value=90.0, value_max=None, baseline_value=80.0, direction="increase", target_year=2025)],
    ),
    ("15/15 xã đạt chuẩn quốc gia về y tế.", [dict(unit="ratio", numerator=15.0, denominator=15.0, value=15.0)]),
    ("Phấn đấu 10/10 huyện có trung tâm hành chính công.", [dict(unit="ratio", numerator=10.0, direction="reach")]),
    (
        "Phấn đấu huy động nguồn xã hội hóa cho công tác bảo vệ trẻ em đạt 500 triệu đồng.",
        [dict(value=5e8, unit="VND", comparator="=", kw="xã hội hóa")],
    ),
    (
        "Thu nhập bình quân đầu người đạt 60 triệu đồng/người/năm.",
        [dict(value=6e7, unit="VND", subject="Thu nhập bình quân đầu người")],
    ),
    (
        "Phấn đấu mỗi hộ gia đình tiết kiệm ít nhất 1.000.000 đồng.",
        [dict(value=1e6, unit="VND", comparator=">=")],
    ),
    (
        "Đến năm 2025, 95% thủ tục hành chính được giải quyết đúng hạn; tỷ lệ cấp giấy chứng nhận quyền sử dụng đất "
        "lần đầu đạt trên 98%.",
        [
            dict(value=95.0, target_year=2025, kw="thủ tục hành chính"),
            dict(
                value=98.0,
                comparator=">",
                target_year=None,
                subject="tỷ lệ cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            ),
        ],
    ),
    (
        "Phấn đấu 100% thửa đất được đo đạc, lập bản đồ địa chính vào năm 2026.",
        [dict(value=100.0, target_year=2026, kw="bản đồ địa chính")],
    ),
    ("Tỷ lệ tăng dân số tự nhiên không quá 1,2%.", [dict(value=1.2, comparator="<=", direction=None)]),
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt 95% trở lên.", [dict(value=95.0, comparator=">=", expr="95% trở lên")]),
    (
        "Tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt đô thị đạt từ 95% trở lên.",
        [dict(value=95.0, comparator=">=", kw="chất thải rắn")],
    ),
    (
        "Giữ vững tỷ lệ 100% xã, phường đạt chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi.",
        [dict(value=100.0, direction="maintain", kw="phổ cập giáo dục mầm non")],
    ),
    ("Tốc độ tăng trưởng kinh tế bình quân đạt 7%/năm.", [dict(value=7.0, direction="reach")]),
    (
        "Giảm tỷ lệ thất nghiệp ở khu vực thành thị xuống còn 3% vào cuối năm 2025 so với năm 2020.",
        [dict(value=3.0, direction="decrease", target_year=2025, baseline_year=2020, baseline_value=None)],
    ),
    (
        "Hằng năm, tỷ lệ lao động qua đào tạo tăng 2%; đến năm 2025 đạt 70%.",
        [dict(value=2.0, direction="increase", target_year=None), dict(value=70.0, target_year=2025)],
    ),
    (
        "Đến năm 2030, nâng tỷ lệ đô thị hóa lên 45%.",
        [dict(value=45.0, direction="increase", target_year=2030, subject="tỷ lệ đô thị hóa")],
    ),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân còn 8,5%.", [dict(value=8.5, direction="decrease")]),
    (
        "Phấn đấu 100% cơ sở giáo dục ứng dụng công nghệ thông tin trong quản lý; 70% trường học triển khai học bạ số.",
        [
            dict(value=100.0, direction="reach"),
            dict(value=70.0, direction=None, text="70% trường học triển khai học bạ số"),
        ],
    ),
    (
        "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 30,5% vào cuối năm 2025.",
        [dict(value=30.5, target_year=2025)],
    ),
    ("Có 20/22 tiêu chí được đánh giá đạt.", [dict(unit="ratio", numerator=20.0, denominator=22.0)]),
    (
        "Tỷ lệ A đạt 90%, tỷ lệ hộ gia đình sử dụng nước sạch đạt 80%.",
        [dict(value=90.0, subject="Tỷ lệ A"), dict(value=80.0, subject="tỷ lệ hộ gia đình sử dụng nước sạch")],
    ),
    (
        "Giảm 10% - 15% số vụ tai nạn giao thông.",
        [dict(value=10.0, value_max=15.0, direction="decrease", subject="số vụ tai nạn giao thông")],
    ),
    (
        "Giảm 20% số hộ nghèo so với năm 2020 (năm 2020 có 1.200 hộ nghèo, chiếm 5,2%).",
        [dict(value=20.0, direction="decrease", baseline_year=2020)],
    ),
    (
        "9/9 xã (đạt 100%) được công nhận xã đạt chuẩn tiếp cận pháp luật.",
        [dict(unit="ratio", numerator=9.0, kw="tiếp cận pháp luật")],
    ),
    (
        "Giảm tỷ lệ sinh con thứ 3 trở lên xuống còn 5%.",
        [dict(value=5.0, comparator="=", subject="tỷ lệ sinh con thứ 3 trở lên")],
    ),
    (
        "TP. Lào Cai đạt 100% trường học có nhà vệ sinh đạt chuẩn. TX. Sa Pa đạt 95%.",
        [dict(value=100.0, kw="nhà vệ sinh"), dict(value=95.0, text="TX. Sa Pa đạt 95%")],
    ),
    (
        "Quỹ Bảo trợ trẻ em huy động tối thiểu 1,5 tỷ đồng mỗi năm.",
        [dict(value=1.5e9, unit="VND", comparator=">=", expr="tối thiểu 1,5 tỷ đồng")],
    ),
    ("Tỷ lệ người khuyết tật có việc làm không dưới 40%.", [dict(value=40.0, comparator=">=")]),
    ("Tỷ lệ nợ xấu tối đa 3%.", [dict(value=3.0, comparator="<=")]),
    ("Tỷ lệ hộ nghèo ở mức dưới 2%.", [dict(value=2.0, comparator="<")]),
    ("Số vụ cháy rừng giảm hơn 30%.", [dict(value=30.0, comparator=">", direction="decrease")]),
]

# Table rows: "subject | unit | value" and "subject | value%".
TABLE_ROWS = [
    (
        "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ | % | 95",
        [dict(value=95.0, unit="%", subject="Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", expr="95")],
    ),
    ("1 | Tỷ lệ hộ nghèo | % | 3,5", [dict(value=3.5, subject="Tỷ lệ hộ nghèo", text="1 | Tỷ lệ hộ nghèo | % | 3,5")]),
    ("| 2 | Tỷ lệ hộ nghèo đa chiều | % | 5,2 | 4,5 |", [dict(value=4.5, subject="Tỷ lệ hộ nghèo đa chiều")]),
    ("Tỷ lệ trường đạt chuẩn quốc gia | ≥ 60%", [dict(value=60.0, comparator=">=", kw="trường đạt chuẩn")]),
    ("Tỷ lệ xã đạt chuẩn nông thôn mới | 80%", [dict(value=80.0, unit="%")]),
    ("Số xã đạt chuẩn nông thôn mới | xã | 15/15", [dict(unit="ratio", numerator=15.0, denominator=15.0)]),
    ("Thu nhập bình quân đầu người | triệu đồng | 65", [dict(unit="VND", value=6.5e7)]),
    ("Tỷ lệ hộ nghèo giảm | % | 1,5", [dict(value=1.5, direction="decrease")]),
    ("STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024", []),
    ("---|---|---", []),
]

# Numbers of the genre that are no targets.
NOT_TARGETS = [
    "Trẻ em từ 05 đến dưới 16 tuổi được tư vấn qua Tổng đài 111 hoặc số 18001136.",
    "Quảng bá Tổng đài điện thoại quốc gia bảo vệ trẻ em (số 111) trong sách giáo khoa.",
    "Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ.",
    "Chỉ đạo thực hiện Nghị định số 80/2017/NĐ-CP ngày 17/7/2018 của Chính phủ.",
    "Báo cáo 6 tháng gửi về Sở trước ngày 15/6 và báo cáo năm trước ngày 20/3/2017.",
    "Tổ chức các hoạt động nhân ngày Quốc tế thiếu nhi 1/6 và Tết Trung thu.",
    "Báo cáo kết quả trong quý II/2024 và năm 2024.",
    "Cung cấp dịch vụ bảo vệ trẻ em 3 cấp độ.",
    "Thực hiện khám chữa bệnh miễn phí cho trẻ em dưới 6 tuổi.",
    "Tổng kinh phí thực hiện: 500 triệu đồng.",
    "Mức hỗ trợ 500.000 đồng/người/tháng.",
    "Ngân sách tỉnh hỗ trợ 50% kinh phí xây dựng nhà văn hóa.",
    "Miễn 100% học phí cho trẻ em mầm non.",
    "Cho vay với lãi suất 5% đối với hộ nghèo.",
    "Hàng triệu đồng bào được tuyên truyền.",
    "Tham gia Chương trình giai đoạn 2021-2025 tại cộng đồng.",
    "Triển khai theo Kế hoạch số 411/KH-CAT-PC02 ngày 22/01/2021 (đạt 100% theo Quyết định số 12/QĐ-UBND).",
]

# Activity sections: the caller turns ratios and counts off; some activity scopes stay out even with them on.
ACTIVITIES = [
    ("Hướng dẫn 9/9 huyện, thị xã, thành phố tổ chức Diễn đàn trẻ em cấp huyện.", dict(ratios=False), []),
    ("Hướng dẫn 9/9 huyện, thị xã, thành phố tổ chức Diễn đàn trẻ em cấp huyện.", dict(ratios=True), []),
    ("Tổ chức 09 lớp tập huấn cho 540 cộng tác viên.", dict(counts=True), []),
    ("Tổ chức 01 Lễ phát động Tháng hành động vì trẻ em.", dict(counts=True), []),
    ("Duy trì mô hình tại 02 xã: Tân Cảnh và Thị trấn Đăk Tô.", dict(counts=False), []),
    ("Duy trì mô hình tại 02 xã: Tân Cảnh và Thị trấn Đăk Tô.", dict(counts=True), []),
    ("- 9/9 xã, thị trấn đạt xã, thị trấn phù hợp với trẻ em.", dict(ratios=False), []),
]

COUNTS = [
    (
        "Phấn đấu có 50 xã đạt chuẩn nông thôn mới.",
        [dict(unit="count", value=50.0, direction="reach", subject="xã đạt chuẩn nông thôn mới")],
    ),
    (
        "Đào tạo ít nhất 1.000 lao động nông thôn.",
        [dict(unit="count", value=1000.0, comparator=">=", subject="lao động nông thôn")],
    ),
    ("Có thêm 5 trường đạt chuẩn quốc gia.", [dict(unit="count", value=5.0)]),
    ("Phấn đấu có 500 người được tư vấn, 200 lượt người được trợ giúp.", [dict(value=500.0), dict(value=200.0)]),
]

# Physical units and counts of a targets section (counts=True), from the synthetic documents and my own
# wording across agriculture, land, construction, health and education.
QUANTITIES = [
    (
        "1. Tổng sản lượng lương thực đạt 4.800 tấn.",
        [dict(value=4800.0, unit="tấn", comparator="=", expr="4.800 tấn", subject="Tổng sản lượng lương thực")],
    ),
    (
        "1. Tổng sản lượng lương thực đạt trên 36.000 tấn.",
        [dict(value=36000.0, unit="tấn", comparator=">", expr="trên 36.000 tấn", kw="sản lượng lương thực")],
    ),
    (
        "3. Sản lượng nuôi trồng thủy sản đạt 1.200 tấn.",
        [dict(value=1200.0, unit="tấn", subject="Sản lượng nuôi trồng thủy sản")],
    ),
    (
        "Sản lượng thịt hơi xuất chuồng đạt trên 1 triệu tấn.",
        [dict(value=1e6, unit="tấn", comparator=">", expr="trên 1 triệu tấn")],
    ),
    ("Năng suất lúa bình quân đạt 62 tạ/ha.", [dict(value=62.0, unit="tạ/ha", subject="Năng suất lúa")]),
    (
        "Tổng đàn gia súc đạt 15.000 con, đàn gia cầm đạt 1,2 triệu con.",
        [dict(value=15000.0, unit="con", kw="gia súc"), dict(value=1.2e6, unit="con", subject="đàn gia cầm")],
    ),
    (
        "Duy trì diện tích lúa 3.000 ha (vụ Xuân 1.600 ha, vụ Hè Thu 1.400 ha).",
        [dict(value=3000.0, unit="ha", direction="maintain", subject="diện tích lúa")],
    ),
    (
        "1. Giải phóng mặt bằng đạt 150 ha cho các dự án đầu tư công trên địa bàn huyện.",
        [dict(value=150.0, unit="ha", comparator="=", subject="Giải phóng mặt bằng")],
    ),
    ("Trồng mới 500 ha rừng tập trung.", [dict(value=500.0, unit="ha", subject="rừng tập trung")]),
    (
        "Cứng hóa thêm 25 km đường giao thông nông thôn.",
        [dict(value=25.0, unit="km", expr="25 km", subject="đường giao thông nông thôn")],
    ),
    (
        "Phát triển nhà ở xã hội đạt tối thiểu 50.000 m² sàn.",
        [dict(value=50000.0, unit="m2", comparator=">=", expr="tối thiểu 50.000 m²")],
    ),
    (
        "Hỗ trợ xây mới, sửa chữa nhà ở cho 1.500 hộ nghèo, hộ cận nghèo.",
        [dict(value=1500.0, unit="count", comparator="=", kw="nhà ở", subject="hộ nghèo, hộ cận nghèo")],
    ),
    (
        "Xây mới 120 phòng học, 30 phòng học bộ môn.",
        [dict(value=120.0, unit="count", subject="phòng học"), dict(value=30.0, subject="phòng học bộ môn")],
    ),
    ("Có thêm 02 xã đạt chuẩn nông thôn mới nâng cao.", [dict(value=2.0, unit="count", kw="nông thôn mới nâng cao")]),
    (
        "Đến năm 2025, có 5 trường đạt chuẩn quốc gia mức độ 2.",
        [dict(value=5.0, unit="count", target_year=2025, subject="trường đạt chuẩn quốc gia mức độ 2")],
    ),
    ("Khám sàng lọc cho 5.000 người cao tuổi.", [dict(value=5000.0, unit="count", subject="người cao tuổi")]),
    (
        "Phấn đấu 100% trạm y tế có bác sĩ; tuyển dụng thêm 20 bác sĩ.",
        [dict(value=100.0, unit="%"), dict(value=20.0, unit="count", subject="bác sĩ")],
    ),
    ("Giải quyết việc làm cho 2.000 lao động.", [dict(value=2000.0, unit="count", subject="lao động")]),
    (
        "Giá trị sản xuất trên 1 ha đất canh tác đạt trên 150 triệu đồng.",
        [dict(value=1.5e8, unit="VND", comparator=">", expr="trên 150 triệu đồng", kw="đất canh tác")],
    ),
    (
        "Diện tích cây ăn quả đạt 1.500 ha (trong đó cam 800 ha, bưởi 700 ha).",
        [dict(value=1500.0, unit="ha", subject="Diện tích cây ăn quả")],
    ),
]

# Numbers next to a unit or a noun in a targets section that are no targets.
QUANTITY_DECOYS = [
    "Giá trị sản phẩm thu hoạch trên 01 ha đất trồng trọt tăng so với năm trước.",  # a rate's denominator
    "Tổ chức 08 lớp tập huấn cho 400 lượt nông dân về kỹ thuật canh tác lúa cải tiến.",  # an activity's audience
    "Tổ chức 12 buổi truyền thông, hỗ trợ tư vấn cho 600 người dân.",
    "Hỗ trợ 50 kg giống lúa/hộ cho các hộ bị thiệt hại.",  # a support norm
    "Năm 2023 có 1.200 hộ nghèo được hỗ trợ nhà ở.",  # a fact of the past year
    "Phấn đấu mỗi cặp vợ chồng sinh đủ 2 con.",  # children, not heads of livestock
    "Đạt 25 giường bệnh/vạn dân.",  # a rate, not a count of beds
    "Trẻ em từ 6 đến 36 tháng tuổi được uống vitamin A liều cao 2 lần/năm.",  # ages and frequency
    "Thu hồi 20 ha đất theo Quyết định số 123/QĐ-UBND ngày 5/3/2024.",  # no frame, a citation
    "Tiếp nhận phản ánh qua đường dây nóng 028.3760.3456 của Ủy ban nhân dân huyện.",
    "Học sinh được bồi dưỡng 35 tiết, mỗi tiết 45 phút trong 2 tháng.",
    "Diện tích đất lúa hiện có 3.000 ha, phân bố ở 12 xã.",  # a description, not framed
    "Lực lượng chức năng tấn công 3 ổ nhóm tội phạm.",  # "tấn công" is no tonne
]


@pytest.mark.parametrize(("sentence", "expected"), QUANTITIES)
def test_quantities_in_targets(sentence: str, expected: list[dict[str, Any]]) -> None:
    _check(sentence, expected, counts=True)
    # Outside a targets section only %, ratios (when asked) and money remain.
    rest = [want for want in expected if want.get("unit") in ("%", "VND")]
    _check(sentence, rest, counts=False)


@pytest.mark.parametrize("sentence", QUANTITY_DECOYS)
def test_quantity_decoys(sentence: str) -> None:
    _check(sentence, [], ratios=True, counts=True)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Sản lượng lương thực | tấn | 36.000", [dict(value=36000.0, unit="tấn", subject="Sản lượng lương thực")]),
        ("2 | Diện tích trồng rừng mới | ha | ≥ 500", [dict(value=500.0, unit="ha", comparator=">=")]),
        ("Diện tích nhà ở bình quân | m² sàn/người | 25", []),  # no unit cell of this list: not read as a table
    ],
)
def test_quantity_table_rows(row: str, expected: list[dict[str, Any]]) -> None:
    _check(row, expected, counts=True)
    _check(row, [], counts=False)


@pytest.mark.parametrize(("sentence", "expected"), SEEDS)
def test_seed_sentences(sentence: str, expected: list[dict[str, Any]]) -> None:
    _check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), OWN)
def test_own_sentences(sentence: str, expected: list[dict[str, Any]]) -> None:
    _check(sentence, expected)


@pytest.mark.parametrize(("row", "expected"), TABLE_ROWS)
def test_table_rows(row: str, expected: list[dict[str, Any]]) -> None:
    _check(row, expected)


@pytest.mark.parametrize("sentence", NOT_TARGETS)
def test_not_targets(sentence: str) -> None:
    _check(sentence, [], ratios=True, counts=True)


@pytest.mark.parametrize(("sentence", "options", "expected"), ACTIVITIES)
def test_activity_scopes(sentence: str, options: dict[str, bool], expected: list[dict[str, Any]]) -> None:
    _check(sentence, expected, **options)


@pytest.mark.parametrize(("sentence", "expected"), COUNTS)
def test_counts_when_asked(sentence: str, expected: list[dict[str, Any]]) -> None:
    _check(sentence, expected, counts=True)
    _check(sentence, [], counts=False)


def test_window_and_absolute_offsets() -> None:
    doc = (
        "I. MỤC TIÊU\n- Phấn đấu 100% trẻ em có hoàn cảnh đặc biệt được trợ giúp.\n"
        "II. NHIỆM VỤ\n- Hướng dẫn 9/9 huyện tổ chức Diễn đàn; 85% xã có điểm vui chơi.\n"
    )
    cut = doc.index("II.")
    first = list(iter_indicators(doc, 0, cut))
    assert [(m.value, doc[m.start : m.end]) for m in first] == [(100.0, "100%")]
    assert first[0].text == doc[first[0].text_start : first[0].text_end]
    second = list(iter_indicators(doc, cut, ratios=False))
    assert [(m.value, m.text) for m in second] == [(85.0, "85% xã có điểm vui chơi")]
    assert doc[second[0].start : second[0].end] == "85%"


def test_baseline_is_not_a_second_indicator() -> None:
    found = list(iter_indicators("Giảm tỷ lệ trẻ em có hoàn cảnh đặc biệt từ 1,38% năm 2023 xuống còn 1,36% năm 2024."))
    assert [m.value for m in found] == [1.36]
