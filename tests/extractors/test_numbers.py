import pytest

from extractors.facts.numbers import parse_number, parse_scaled, parse_vnd

NUMBERS = [
    ("1,5", 1.5),
    ("1,38", 1.38),
    ("1.000.000", 1_000_000.0),
    ("1.210", 1210.0),
    ("01", 1.0),
    ("09", 9.0),
    ("94", 94.0),
    ("100", 100.0),
    ("99,5", 99.5),
    ("99.5", 99.5),  # typed on an English keyboard: a lone dot before one digit is a decimal mark
    ("30.25", 30.25),
    ("1.000.000,5", 1_000_000.5),
    ("1,000,000", 1_000_000.0),
    ("1,234.5", 1234.5),
    ("0,5", 0.5),
    ("2024", 2024.0),
]

NOT_NUMBERS = ["", "abc", "1/2", "1,5%", "-", "1,", ".5", "12a"]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


VND = [
    (("01", "tỷ"), 1e9),
    (("500", "triệu"), 5e8),
    (("1.000.000", None), 1e6),
    (("1,5", "tỷ"), 1.5e9),
    (("200", "nghìn"), 2e5),
    (("200", "ngàn"), 2e5),
    (("2", "nghìn tỷ"), 2e12),
    (("1,36", "triệu"), 1_360_000.0),
    (("60", "Triệu"), 6e7),
    (("500.000", ""), 5e5),
]


@pytest.mark.parametrize(("args", "expected"), VND)
def test_parse_vnd(args: tuple[str, str | None], expected: float) -> None:
    assert parse_vnd(*args) == expected


@pytest.mark.parametrize(("amount", "scale"), [("x", "tỷ"), ("5", "trăm"), ("1/2", None)])
def test_parse_vnd_rejects(amount: str, scale: str | None) -> None:
    assert parse_vnd(amount, scale) is None


SCALED = [
    (("36.000", None), 36000.0),  # "36.000 tấn"
    (("1,2", "triệu"), 1_200_000.0),  # "1,2 triệu con"
    (("1", "triệu"), 1e6),  # "trên 1 triệu tấn"
    (("36", "nghìn"), 36000.0),  # "36 nghìn ha"
    (("62", ""), 62.0),  # "62 tạ/ha"
]


@pytest.mark.parametrize(("args", "expected"), SCALED)
def test_parse_scaled(args: tuple[str, str | None], expected: float) -> None:
    assert parse_scaled(*args) == expected
    assert parse_vnd(*args) == parse_scaled(*args)


def test_parse_scaled_rejects_a_non_scale_word() -> None:
    assert parse_scaled("5", "tấn") is None
