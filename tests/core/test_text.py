from hypothesis import given
from hypothesis import strategies as st

from congvu.core.text import fold, folded_terms


def test_fold_removes_vietnamese_diacritics_including_d_bar():
    assert fold("Hoàng Đồng") == "hoang dong"
    assert fold("Phường Lương Văn Tri") == "phuong luong van tri"
    assert fold("  ĐÀ   NẴNG ") == "da nang"
    assert fold(None) == ""


def test_folded_terms_splits_words():
    assert folded_terms("Hoàng  đồng") == ["hoang", "dong"]


@given(st.text())
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    once = fold(text)
    assert fold(once) == once
    assert "đ" not in once and "Đ" not in once
