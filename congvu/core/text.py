"""Vietnamese text helpers."""

import unicodedata


def fold(text: str | None) -> str:
    """Lower-case text with Vietnamese diacritics removed, for accent-insensitive search.

    NFD splits "ồ" into "o" plus combining marks, which we drop; "đ" is a letter of its own
    (not a "d" with a mark), so unicodedata leaves it alone and we map it ourselves.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("đ", "d").replace("Đ", "D").lower().split())


def folded_terms(query: str | None) -> list[str]:
    """The words of a search query, folded, so each can be matched on its own."""
    return fold(query).split()


def search_folded(queryset, query: str | None, field: str = "search_folded"):
    """Accent-insensitive search of a queryset: every folded word of `query` must appear in `field`."""
    for term in folded_terms(query):
        queryset = queryset.filter(**{f"{field}__contains": term})
    return queryset
