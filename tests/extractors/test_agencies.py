"""Agency names: canonical forms, levels, collectives and list splitting, driven by tables."""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from extractors.facts.agencies import AgencyMention, canonical_agency, iter_agencies, split_agency_list

GOLD_DIR = Path("/work/shared/eval/gold")


def norm(s: str) -> str:
    """The scorer's comparison: case, "&", dash spacing and trailing punctuation do not count."""
    s = unicodedata.normalize("NFC", s).casefold().replace("&", " và ")
    s = re.sub(r"\s*-\s*", " - ", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:")


# Gold names and accepted forms of the seeds (phrase, the names that score as right).
GOLD_ROWS = [
    ("Sở Lao động - Thương binh và Xã hội", {"Sở Lao động - Thương binh và Xã hội"}),
    ("Sở Tư pháp", {"Sở Tư pháp"}),
    ("Công an tỉnh", {"Công an tỉnh"}),
    ("Viện Kiểm sát nhân dân tỉnh", {"Viện Kiểm sát nhân dân tỉnh"}),
    ("Tòa án nhân dân tỉnh", {"Tòa án nhân dân tỉnh"}),
    ("Sở Giáo dục và Đào tạo", {"Sở Giáo dục và Đào tạo"}),
    ("Sở Y tế", {"Sở Y tế"}),
    ("Sở Văn hóa, Thể thao và Du lịch", {"Sở Văn hóa, Thể thao và Du lịch"}),
    ("Sở Thông tin và Truyền thông", {"Sở Thông tin và Truyền thông"}),
    ("Sở Tài chính", {"Sở Tài chính"}),
    ("Sở Văn hóa và Thể thao", {"Sở Văn hóa và Thể thao"}),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"}),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thái Bình", {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"}),
    ("Phòng Lao động - Thương binh và Xã hội", {"Phòng Lao động - Thương binh và Xã hội"}),
    ("Phòng Lao động - Thương binh và Xã hội thị xã", {"Phòng Lao động - Thương binh và Xã hội"}),
    ("Phòng Lao động - TB và XH thị xã", {"Phòng Lao động - Thương binh và Xã hội"}),
    ("Phòng Lao động - Thương binh và Xã hội huyện", {"Phòng Lao động - Thương binh và Xã hội"}),
    ("Phòng Giáo dục và Đào tạo", {"Phòng Giáo dục và Đào tạo"}),
    ("Phòng Giáo dục và Đào tạo huyện", {"Phòng Giáo dục và Đào tạo"}),
    ("Phòng Giáo dục - Đào tạo", {"Phòng Giáo dục và Đào tạo"}),
    ("Phòng Văn hóa và Thông tin", {"Phòng Văn hóa và Thông tin"}),
    ("Phòng Văn hóa và Thông tin huyện", {"Phòng Văn hóa và Thông tin"}),
    ("Trung tâm Văn hóa - Thông tin và Thể thao", {"Trung tâm Văn hóa - Thông tin và Thể thao"}),
    ("Công an thị xã", {"Công an thị xã"}),
    ("Phòng Tài chính - Kế hoạch", {"Phòng Tài chính - Kế hoạch"}),
    ("Phòng Tài chính - Kế hoạch huyện", {"Phòng Tài chính - Kế hoạch"}),
    ("Phòng Nội vụ", {"Phòng Nội vụ"}),
    ("Phòng Nội vụ huyện", {"Phòng Nội vụ"}),
    ("Phòng Y tế", {"Phòng Y tế"}),
    ("Phòng Y tế huyện", {"Phòng Y tế"}),
    ("Công an huyện", {"Công an huyện"}),
    ("Trung tâm Y tế huyện", {"Trung tâm Y tế huyện", "Trung tâm Y tế"}),
    ("Trung tâm Y tế", {"Trung tâm Y tế huyện", "Trung tâm Y tế"}),
    ("Trung tâm Dân số - Kế hoạch hóa gia đình", {"Trung tâm Dân số - Kế hoạch hóa gia đình"}),
    (
        "Đài Truyền thanh - Truyền hình huyện",
        {"Đài Truyền thanh - Truyền hình huyện", "Đài Truyền thanh - Truyền hình"},
    ),
    ("Đài Truyền thanh - Truyền hình", {"Đài Truyền thanh - Truyền hình huyện", "Đài Truyền thanh - Truyền hình"}),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", {"Ủy ban Mặt trận Tổ quốc Việt Nam huyện"}),
    ("Mặt trận", {"Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"}),
    ("Mặt trận và các đoàn thể liên quan", {"Ủy ban Mặt trận Tổ quốc Việt Nam"}),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam", {"Ủy ban Mặt trận Tổ quốc Việt Nam"}),
]

# Collectives the gold lists as optional: each names itself.
OPTIONAL_ROWS = [
    "Các Sở, Ban, Ngành, đoàn thể tỉnh",
    "Ủy ban nhân dân các huyện, thành phố",
    "Ủy ban nhân dân huyện, thành phố",
    "Các Sở, Ngành liên quan",
    "Các sở, ngành tỉnh có liên quan",
    "Các tổ chức chính trị - xã hội",
    "Các tổ chức xã hội",
    "Các sở, ban, ngành liên quan",
    "Các sở, ban, ngành",
    "Ủy ban nhân dân các xã, phường",
    "Các cơ quan, đơn vị liên quan",
    "Các cơ quan, ban ngành liên quan",
    "Các sở, ban, ngành, tổ chức chính trị xã hội tỉnh",
    "Ủy ban nhân dân các huyện, thị xã, thành phố",
    "Ủy ban nhân dân các xã, thị trấn",
    "Các ban, ngành, đoàn thể có liên quan",
    "Các ngành liên quan",
    "Các đoàn thể liên quan",
]

# Phrases from the seeds and from other provinces, districts, communes and ministries:
# (phrase, canonical name, level, is_group).
CANONICAL_ROWS = [
    # seeds
    ("Sở Lao động - Thương binh và xã hội", "Sở Lao động - Thương binh và Xã hội", "province", False),
    ("Bộ Lao động Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội", "ministry", False),
    ("Bộ Lao động - TBXH", "Bộ Lao động - Thương binh và Xã hội", "ministry", False),
    ("Sở LĐTBXH tỉnh", "Sở Lao động - Thương binh và Xã hội", "province", False),
    ("Sở Lao động - Thương binh và Xã hội tỉnh", "Sở Lao động - Thương binh và Xã hội", "province", False),
    ("Phòng Lao động - TBXH", "Phòng Lao động - Thương binh và Xã hội", "district", False),
    ("Phòng LĐTB&XH", "Phòng Lao động - Thương binh và Xã hội", "district", False),
    ("UBND tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum", "province", False),
    ("Ủy ban nhân dân tỉnh Bắc Kạn", "Ủy ban nhân dân tỉnh Bắc Kạn", "province", False),
    ("Ủy ban nhân dân thị xã Hương Trà", "Ủy ban nhân dân thị xã Hương Trà", "district", False),
    ("Ủy ban nhân dân huyện Đăk Tô", "Ủy ban nhân dân huyện Đăk Tô", "district", False),
    ("UBND các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn", "commune", True),
    ("các sở, ban, ngành liên quan", "Các sở, ban, ngành liên quan", None, True),
    ("các Sở, Ngành liên quan", "Các Sở, Ngành liên quan", None, True),
    ("các tổ chức chính trị - xã hội", "Các tổ chức chính trị - xã hội", None, True),
    ("Các tổ chức CT - XH tỉnh", "Các tổ chức chính trị - xã hội tỉnh", "province", True),
    (
        "Các Sở, Ban, Ngành, đoàn thể tỉnh trong phạm vi chức năng",
        "Các Sở, Ban, Ngành, đoàn thể tỉnh",
        "province",
        True,
    ),
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "province", False),
    ("Giám đốc Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội", "province", False),
    ("Chủ tịch Ủy ban nhân dân các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố", "district", True),
    ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "central", False),
    ("Cục Bảo trợ xã hội", "Cục Bảo trợ xã hội", "ministry", False),
    ("Cục Trẻ em", "Cục Trẻ em", "ministry", False),
    ("Tỉnh đoàn", "Tỉnh đoàn", "province", False),
    ("Báo Lào Cai", "Báo Lào Cai", "province", False),
    ("Đài Phát thanh - Truyền hình Bắc Kạn", "Đài Phát thanh và Truyền hình", "province", False),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", None, False),
    ("Hội Liên hiệp phụ nữ", "Hội Liên hiệp Phụ nữ", None, False),
    ("Trung tâm Dân số - Kế hoạch hóa gia đình", "Trung tâm Dân số - Kế hoạch hóa gia đình", None, False),
    (
        "Trung tâm Văn hóa, Thể thao - Truyền thông các huyện, thị xã, thành phố",
        "Trung tâm Văn hóa, Thể thao - Truyền thông các huyện, thị xã, thành phố",
        "district",
        True,
    ),
    # other provinces, districts, communes, ministries
    ("Sở Tài nguyên và Môi trường tỉnh Quảng Nam", "Sở Tài nguyên và Môi trường", "province", False),
    ("Phòng TN&MT huyện", "Phòng Tài nguyên và Môi trường", "district", False),
    ("Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "ministry", False),
    ("UBND xã Tân Cảnh", "Ủy ban nhân dân xã Tân Cảnh", "commune", False),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư", "province", False),
    ("Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý các khu công nghiệp tỉnh", "province", False),
    ("Sở Nội vụ", "Sở Nội vụ", "province", False),
    ("Bộ Y tế", "Bộ Y tế", "ministry", False),
    ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh", "province", False),
    ("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "province", False),
    ("BCH Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "province", False),
    ("BCH Quân sự huyện", "Ban Chỉ huy Quân sự huyện", "district", False),
    ("Ban CHQS xã", "Ban Chỉ huy Quân sự xã", "commune", False),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo", "province", False),
    ("Phòng GD-ĐT thành phố", "Phòng Giáo dục và Đào tạo", "district", False),
    ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch", "province", False),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "province", False),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông", "province", False),
    ("Sở NN&PTNT tỉnh Nghệ An", "Sở Nông nghiệp và Phát triển nông thôn", "province", False),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ", "province", False),
    ("Sở GTVT", "Sở Giao thông vận tải", "province", False),
    ("Sở Công thương", "Sở Công Thương", "province", False),
    ("Sở Lao động - TB&XH", "Sở Lao động - Thương binh và Xã hội", "province", False),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội", "province", False),
    ("Phòng Kinh tế - Hạ tầng quận", "Phòng Kinh tế - Hạ tầng", "district", False),
    ("Phòng Văn hóa - Thông tin huyện", "Phòng Văn hóa - Thông tin", "district", False),
    ("Viện KSND huyện", "Viện Kiểm sát nhân dân huyện", "district", False),
    ("TAND tỉnh Gia Lai", "Tòa án nhân dân tỉnh", "province", False),
    ("Công an tỉnh Bắc Kạn", "Công an tỉnh", "province", False),
    ("Công an xã", "Công an xã", "commune", False),
    ("Ủy ban MTTQ Việt Nam huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "district", False),
    ("UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "province", False),
    ("Đoàn TNCS Hồ Chí Minh huyện", "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện", "district", False),
    ("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh", "province", False),
    ("TTYT huyện", "Trung tâm Y tế huyện", "district", False),
    ("HĐND tỉnh Quảng Ngãi", "Hội đồng nhân dân tỉnh Quảng Ngãi", "province", False),
    ("UBND phường 3", "Ủy ban nhân dân phường 3", "commune", False),
    ("UBND TP. Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh", "province", False),
    ("UBND thành phố Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng", "province", False),
    ("UBND thành phố Bắc Kạn", "Ủy ban nhân dân thành phố Bắc Kạn", "district", False),
    ("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "province", False),
    ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "Ủy ban nhân dân tỉnh Bắc Kạn", "province", False),
    ("SỞ Y TẾ", "Sở Y tế", "province", False),
    ("Ubnd tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai", "province", False),
    ("UBND cấp xã", "Ủy ban nhân dân cấp xã", "commune", True),
    ("UBND các huyện, TP", "Ủy ban nhân dân các huyện, thành phố", "district", True),
    ("Công an các huyện, thị xã", "Công an các huyện, thị xã", "district", True),
    ("Phòng LĐ-TB&XH các huyện", "Phòng Lao động - Thương binh và Xã hội các huyện", "district", True),
    ("các Bộ, ngành Trung ương", "Các Bộ, ngành Trung ương", "central", True),
    ("Bộ Công an", "Bộ Công an", "ministry", False),
    ("Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", "ministry", False),
    ("Văn phòng Chính phủ", "Văn phòng Chính phủ", "central", False),
    ("Văn phòng HĐND và UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "district", False),
    ("Thường trực HĐND tỉnh", "Hội đồng nhân dân tỉnh", "province", False),
    ("Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh", "province", False),
    ("Huyện đoàn", "Huyện đoàn", "district", False),
    ("Chính phủ", "Chính phủ", "central", False),
    ("Quốc hội", "Quốc hội", "central", False),
    ("sở Tư pháp", "Sở Tư pháp", "province", False),
    ("Phòng Dân tộc huyện", "Phòng Dân tộc", "district", False),
    ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường", "province", False),
    ("Sở Dân tộc và Tôn giáo", "Sở Dân tộc và Tôn giáo", "province", False),
    ("Tỉnh Đoàn Quảng Nam", "Tỉnh đoàn", "province", False),
    ("Thành Đoàn Thành phố Hồ Chí Minh", "Thành đoàn", "province", False),
    ("Hội Khuyến học tỉnh Quảng Nam", "Hội Khuyến học tỉnh", "province", False),
    ("Phòng Văn hóa, Khoa học và Thông tin huyện", "Phòng Văn hóa, Khoa học và Thông tin", "district", False),
    (
        "Trung tâm Văn hóa - Thể thao và Truyền thông huyện",
        "Trung tâm Văn hóa - Thể thao và Truyền thông huyện",
        "district",
        False,
    ),
    ("Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "province", False),
    ("Trạm Y tế xã", "Trạm Y tế xã", "commune", False),
    # open names: a head and a capitalized name, ended by punctuation, a level word or a predicate
    ("Phòng Nghiệp vụ Y:", "Phòng Nghiệp vụ Y", None, False),
    ("Phòng Kế hoạch - Tài chính chủ trì", "Phòng Kế hoạch - Tài chính", None, False),
    ("Bệnh viện Sản Nhi Nghệ An", "Bệnh viện Sản Nhi Nghệ An", None, False),
    (
        "Ban Bồi thường giải phóng mặt bằng huyện phối hợp",
        "Ban Bồi thường giải phóng mặt bằng huyện",
        "district",
        False,
    ),
    (
        "Chi nhánh Văn phòng Đăng ký đất đai huyện Bình Chánh",
        "Chi nhánh Văn phòng Đăng ký đất đai huyện",
        "district",
        False,
    ),
    (
        "Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường",
        "Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường",
        None,
        False,
    ),
    ("Hợp tác xã Dịch vụ nông nghiệp Nghi Phong", "Hợp tác xã Dịch vụ nông nghiệp Nghi Phong", None, False),
    ("Vụ Sức khỏe Bà mẹ - Trẻ em", "Vụ Sức khỏe Bà mẹ - Trẻ em", "ministry", False),
    ("Viện Dinh dưỡng hướng dẫn các địa phương", "Viện Dinh dưỡng", None, False),
    ("Cục An toàn thực phẩm", "Cục An toàn thực phẩm", None, False),
    ("Cục Quản lý Khám, chữa bệnh", "Cục Quản lý Khám, chữa bệnh", "ministry", False),
    ("Vụ Giáo dục Trung học", "Vụ Giáo dục Trung học", "ministry", False),
    ("Văn phòng Bộ", "Văn phòng Bộ", None, False),
    ("Hạt Kiểm lâm thị xã Kỳ Anh", "Hạt Kiểm lâm thị xã", "district", False),
    (
        "Trung tâm Ứng dụng khoa học kỹ thuật và Bảo vệ cây trồng vật nuôi",
        "Trung tâm Ứng dụng khoa học kỹ thuật và Bảo vệ cây trồng vật nuôi",
        None,
        False,
    ),
    ("các sở giáo dục và đào tạo", "Các sở giáo dục và đào tạo", None, True),
    ("Các đoàn thể xã", "Các đoàn thể xã", "commune", True),
    (
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "province",
        True,
    ),
    # Regional branches of the 2025 reorganisation: the body as the table spells it, the branch
    # word as printed, "khu vực" and its number.
    ("Chi Cục Thuế Khu vực V", "Chi cục Thuế khu vực V", None, False),
    ("Kho bạc Nhà nước khu vực XI", "Kho bạc Nhà nước khu vực XI", None, False),
    ("Bảo hiểm xã hội khu vực XXXII", "Bảo hiểm xã hội khu vực XXXII", None, False),
    # The province's tax office since 2025: a body only with its level.
    ("Thuế tỉnh Nghệ An", "Thuế tỉnh Nghệ An", "province", False),
    ("Ngân hàng nhà nước khu vực 8", "Ngân hàng nhà nước khu vực 8", None, False),
    (
        "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II",
        "Ngân hàng Nhà nước Việt Nam - Chi nhánh khu vực II",
        None,
        False,
    ),
]

# Phrases that name no agency: a sector, a verb, a law, a person's rank, participants.
NONE_ROWS = [
    "Thuế thu nhập cá nhân",
    # The issuer's code inside a document number names no agency of the text.
    "Kế hoạch số 60/KH-UBND",
    "Công văn số 123/UBND-KGVX",
    "phòng, chống bạo lực, xâm hại trẻ em",
    "Phòng ngừa, trợ giúp trẻ em",
    "cán bộ Tư pháp xã",
    "Câu lạc bộ Ông Bà Cháu",
    "Luật Bảo hiểm xã hội năm 2014",
    "ngành Lao động - Thương binh và Xã hội",
    "các cơ quan báo chí",
    "các tổ chức, cá nhân có liên quan",
    "các cơ quan, tổ chức, cá nhân",
    "các huyện, thành phố",
    "Báo cáo kết quả",
    "bộ công cụ đánh giá",
    "các ngành Lao động - Thương binh và Xã hội, Y tế",
    "lực lượng công an các cấp",
    "Thanh tra, kiểm tra việc thực hiện",
    "PHÒNG CHỐNG BẠO LỰC, XÂM HẠI TRẺ EM",
    "Vụ việc xâm hại trẻ em",
    "Ban hành kế hoạch",
]

# Lists: the seeds' partner lists and headings, and lists written for the test.
SPLIT_ROWS = [
    (
        "Sở Tư pháp, Công an tỉnh, Tòa án nhân dân tỉnh, Viện Kiểm sát nhân dân "
        "và Ủy ban nhân dân các huyện, thành phố",
        [
            "Sở Tư pháp",
            "Công an tỉnh",
            "Tòa án nhân dân tỉnh",
            "Viện Kiểm sát nhân dân",
            "Ủy ban nhân dân các huyện, thành phố",
        ],
    ),
    ("Tỉnh đoàn và Sở Giáo dục và Đào tạo", ["Tỉnh đoàn", "Sở Giáo dục và Đào tạo"]),
    (
        "Các cơ quan, đơn vị có liên quan và UBND các huyện, thị xã, thành phố",
        ["Các cơ quan, đơn vị có liên quan", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "Công an huyện, Trung tâm Y tế, Phòng Y tế, Phòng Văn hóa và Thông tin, Phòng Giáo dục - Đào tạo, "
        "Phòng Tài chính - Kế hoạch, Đài Truyền thanh - Truyền hình huyện, các ngành liên quan "
        "và UBND các xã, thị trấn",
        [
            "Công an huyện",
            "Trung tâm Y tế",
            "Phòng Y tế",
            "Phòng Văn hóa và Thông tin",
            "Phòng Giáo dục và Đào tạo",
            "Phòng Tài chính - Kế hoạch",
            "Đài Truyền thanh - Truyền hình huyện",
            "Các ngành liên quan",
            "Ủy ban nhân dân các xã, thị trấn",
        ],
    ),
    (
        "Đơn vị thực hiện: Sở Lao động - Thương binh và xã hội, các Sở, Ngành liên quan, "
        "Ủy ban nhân dân các huyện, thành phố.",
        [
            "Sở Lao động - Thương binh và Xã hội",
            "Các Sở, Ngành liên quan",
            "Ủy ban nhân dân các huyện, thành phố",
        ],
    ),
    (
        "Sở Lao động - Thương binh và Xã hội, Sở Giáo dục và Đào tạo, các Sở, Ngành liên quan, "
        "Ủy ban nhân dân các huyện, thành phố.",
        [
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Giáo dục và Đào tạo",
            "Các Sở, Ngành liên quan",
            "Ủy ban nhân dân các huyện, thành phố",
        ],
    ),
    (
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các tổ chức chính trị - xã hội và các tổ chức xã hội: "
        "Trong phạm vi chức năng",
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức chính trị - xã hội", "Các tổ chức xã hội"],
    ),
    (
        "Chủ trì, phối hợp với các sở, ban, ngành, tổ chức chính trị xã hội tỉnh và Ủy ban nhân dân các huyện, "
        "thị xã, thành phố triển khai thực hiện kế hoạch.",
        ["Các sở, ban, ngành, tổ chức chính trị xã hội tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ),
    (
        "Phòng Lao động - Thương binh và Xã hội thị xã chủ trì phối hợp với các cơ quan, đơn vị liên quan và "
        "Ủy ban nhân dân các xã, phường triển khai",
        [
            "Phòng Lao động - Thương binh và Xã hội",
            "Các cơ quan, đơn vị liên quan",
            "Ủy ban nhân dân các xã, phường",
        ],
    ),
    (
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Lao động - Thương binh và Xã hội, Thủ trưởng các cơ quan, "
        "tổ chức có liên quan và Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành",
        [
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Sở Lao động - Thương binh và Xã hội",
            "Các cơ quan, tổ chức có liên quan",
            "Ủy ban nhân dân các huyện, thành phố",
        ],
    ),
    ("các Sở: Y tế, Tư pháp và Tài chính", ["Sở Y tế", "Sở Tư pháp", "Sở Tài chính"]),
    ("Sở Tài chính, Kế hoạch và Đầu tư", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]),
    ("Sở Y tế, Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh", ["Sở Y tế", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
    ("Bộ Công an, Bộ Quốc phòng, Bộ Ngoại giao", ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"]),
    (
        "Hội Nông dân, Hội Cựu chiến binh, Hội LHPN, Huyện đoàn và UBND các xã",
        [
            "Hội Nông dân",
            "Hội Cựu chiến binh",
            "Hội Liên hiệp Phụ nữ",
            "Huyện đoàn",
            "Ủy ban nhân dân các xã",
        ],
    ),
    (
        "Sở Nội vụ, Sở KH&ĐT, Sở TN&MT, BHXH tỉnh, Ban Quản lý các KCN tỉnh",
        [
            "Sở Nội vụ",
            "Sở Kế hoạch và Đầu tư",
            "Sở Tài nguyên và Môi trường",
            "Bảo hiểm xã hội tỉnh",
            "Ban Quản lý các khu công nghiệp tỉnh",
        ],
    ),
    (
        "Bộ Y tế, Viện Dinh dưỡng và Cục An toàn thực phẩm",
        ["Bộ Y tế", "Viện Dinh dưỡng", "Cục An toàn thực phẩm"],
    ),
    (
        "Phòng Y tế và Trung tâm Y tế huyện phối hợp",
        ["Phòng Y tế", "Trung tâm Y tế huyện"],
    ),
    (
        "Các ngành chức năng, các tổ chức chính trị - xã hội, gia đình, nhà trường",
        ["Các ngành chức năng", "Các tổ chức chính trị - xã hội"],
    ),
]


@pytest.mark.parametrize(("phrase", "accepted"), GOLD_ROWS)
def test_gold_names_and_accepted_forms(phrase: str, accepted: set[str]) -> None:
    m = canonical_agency(phrase)
    assert m is not None
    assert norm(m.name) in {norm(a) for a in accepted}


@pytest.mark.parametrize("phrase", OPTIONAL_ROWS)
def test_optional_collectives_name_themselves(phrase: str) -> None:
    m = canonical_agency(phrase)
    assert m is not None
    assert m.is_group
    assert m.name == phrase


@pytest.mark.parametrize(("phrase", "name", "level", "is_group"), CANONICAL_ROWS)
def test_canonical_agency(phrase: str, name: str, level: str | None, is_group: bool) -> None:
    m = canonical_agency(phrase)
    assert m is not None
    assert (m.name, m.level, m.is_group) == (name, level, is_group)
    assert phrase[m.start : m.end] == m.surface


@pytest.mark.parametrize("phrase", NONE_ROWS)
def test_no_agency(phrase: str) -> None:
    assert canonical_agency(phrase) is None


@pytest.mark.parametrize(("text", "names"), SPLIT_ROWS)
def test_split_agency_list(text: str, names: list[str]) -> None:
    found = split_agency_list(text)
    assert [m.name for m in found] == names
    assert all(text[m.start : m.end] == m.surface for m in found)


def test_spans_point_into_the_text_and_respect_the_window() -> None:
    text = (
        "4. Viện Kiểm sát nhân dân tỉnh phối hợp với Tòa án nhân dân tỉnh lựa chọn một số vụ án.\n"
        "5. Các Sở, Ban, Ngành, đoàn thể tỉnh trong phạm vi chức năng, nhiệm vụ của mình.\n"
    )
    all_found = list(iter_agencies(text))
    assert [m.name for m in all_found] == [
        "Viện Kiểm sát nhân dân tỉnh",
        "Tòa án nhân dân tỉnh",
        "Các Sở, Ban, Ngành, đoàn thể tỉnh",
    ]
    second_line = text.index("5.")
    windowed = list(iter_agencies(text, second_line))
    assert windowed == all_found[2:]
    assert list(iter_agencies(text, 0, second_line)) == all_found[:2]
    assert all(text[m.start : m.end] == m.surface for m in all_found)


def test_a_window_that_starts_inside_a_word_finds_nothing_there() -> None:
    text = "xUBND tỉnh"
    assert list(iter_agencies(text, 1)) == []


def test_mention_is_frozen() -> None:
    m = AgencyMention(0, 3, "Sở", "Sở", "province", False)
    with pytest.raises(AttributeError):
        m.name = "x"  # type: ignore[misc]


def _table() -> dict:
    return tomllib.loads(resources.files("extractors.data").joinpath("agencies.toml").read_text("utf-8"))


@pytest.mark.parametrize("sector", [s for s in _table()["sector"] if not s.get("only")], ids=lambda s: s["name"])
def test_every_sector_and_alias_names_its_sector(sector: dict) -> None:
    for alias in [sector["name"], *sector.get("aliases", ())]:
        m = canonical_agency(f"Sở {alias} tỉnh")
        assert m is not None and m.name == f"Sở {sector['name']}", alias


@pytest.mark.parametrize(
    "entry",
    [
        a
        for a in _table()["agency"]
        if not (
            a.get("sector")
            or a.get("nest")
            or a.get("open")
            or a.get("requires_level")
            or a.get("direct_place") == "require"
        )
    ],
    ids=lambda a: a["name"],
)
def test_every_agency_alias_names_its_agency(entry: dict) -> None:
    for alias in [entry["name"], *entry.get("aliases", ())]:
        m = canonical_agency(alias)
        assert m is not None and m.name == entry["name"], alias


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared gold not mounted")
def test_shared_gold_files() -> None:
    """Every gold name and accepted form scores as its gold name; every optional phrase as itself."""
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        for agency in gold["agencies"]:
            for form in [agency["name"], *agency.get("accept", [])]:
                m = canonical_agency(form)
                ok = {norm(agency["name"]), *(norm(a) for a in agency.get("accept", []))}
                assert m is not None and norm(m.name) in ok, (path.name, form)
        for phrase in gold.get("agencies_optional", []):
            m = canonical_agency(phrase)
            assert m is not None and norm(m.name) == norm(phrase), (path.name, phrase)
