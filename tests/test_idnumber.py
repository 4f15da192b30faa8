import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.domain import InputError
from gui.domain.idnumber import check_char, mask, normalise, parse

STANDARD_EXAMPLES = ["11010519491231002X", "440524188001010014"]


def test_the_standards_examples_have_correct_check_characters():
    for number in STANDARD_EXAMPLES:
        assert check_char(number[:17]) == number[17]


def test_parse_returns_the_birth_date():
    number = parse("11010519491231002X")
    assert number.birth == date(1949, 12, 31)
    assert not number.converted_from_15


def test_born_before_1900_is_rejected():
    with pytest.raises(InputError) as info:
        parse("440524188001010014")
    assert info.value.code == "id_bad_birth_date"


@pytest.mark.parametrize(
    "typed",
    [
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits and Ｘ
        "11010519491231002x",
        "110105 19491231 002X",
        "110105\u300019491231\u3000002X",  # ideographic space
        " 11010519491231002X\t",
    ],
)
def test_normalisation(typed):
    assert parse(typed).digits == "11010519491231002X"


def test_non_ascii_digits_are_rejected():
    arabic_indic = "".join(chr(0x0660 + int(c)) for c in "11010519491231002") + "X"
    with pytest.raises(InputError) as info:
        parse(arabic_indic)
    # NFKC leaves Arabic-Indic digits alone; str.isdigit() would have let them through
    assert info.value.code == "id_characters"


def test_fifteen_digit_number_is_converted():
    number = parse("110105491231002")
    assert number.digits == "11010519491231002X"
    assert number.converted_from_15
    assert number.birth == date(1949, 12, 31)


def test_mask_and_repr_hide_the_middle():
    assert mask("11010519491231002X") == "1101**********002X"
    assert "19491231" not in repr(parse("11010519491231002X"))


def test_normalise_is_idempotent():
    assert normalise(normalise("１１０ １")) == "1101"


@st.composite
def valid_numbers(draw):
    area = draw(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 11, 29)))
    seq = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    first17 = area + birth.strftime("%Y%m%d") + seq
    return first17 + check_char(first17)


@given(valid_numbers())
def test_generated_numbers_are_valid(number):
    assert parse(number).digits == number


@given(valid_numbers(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_every_single_substitution_is_rejected(number, position, char):
    changed = number[:position] + char + number[position + 1 :]
    if changed == number:
        return
    with pytest.raises(InputError):
        parse(changed)


@given(valid_numbers(), st.integers(0, 16))
def test_every_adjacent_swap_is_rejected(number, position):
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    if swapped == number:
        return
    with pytest.raises(InputError):
        parse(swapped)


@given(st.text(max_size=40))
def test_validation_raises_only_the_engines_error(text):
    with contextlib.suppress(InputError):
        parse(text)


@pytest.mark.parametrize("number", ["11010519491231002X", "440524199001010011"[:17] + "X"])
def test_all_substitutions_and_swaps_of_a_number_exhaustively(number):
    number = number[:17] + check_char(number[:17])
    variants = {number[:i] + c + number[i + 1 :] for i in range(18) for c in "0123456789X"}
    variants |= {number[:i] + number[i + 1] + number[i] + number[i + 2 :] for i in range(17)}
    variants.discard(number)
    for changed in variants:
        with pytest.raises(InputError):
            parse(changed)
