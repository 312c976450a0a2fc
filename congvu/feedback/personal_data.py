"""Finding personal data in text before it is published (Law 91/2025 on personal data protection).

A handler removes the sender's details before a case goes on the portal and Open311; this module looks
for what is left: the names of the people in the case (with or without diacritics), phone numbers in
every common spelling, e-mail addresses, ID-card numbers (9-digit CMND, 12-digit CCCD), house
addresses (số nhà, ngõ, ngách, hẻm, kiệt, tổ, thôn, khối, … with a number) and vehicle plates, plus
any person introduced by a form of address ("ông Trần Văn Minh", "chị Lan").

Detection errs on the side of finding: a false alarm costs a click (publishing with a reason), a miss
puts a citizen's details on the internet.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

NAME, PHONE, EMAIL, ID_CARD, ADDRESS, PLATE = "name", "phone", "email", "id_card", "address", "plate"
KIND_LABELS = {
    NAME: _("Họ tên"),
    PHONE: _("Số điện thoại"),
    EMAIL: _("Thư điện tử"),
    ID_CARD: _("Số CMND/CCCD"),
    ADDRESS: _("Địa chỉ"),
    PLATE: _("Biển số xe"),
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self):
        return KIND_LABELS[self.kind]


# --- accent folding that keeps positions -------------------------------------------------------------


def _fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The text lower-cased without diacritics ("đ" → "d"), and for each folded character the index of
    the original character it came from, so a match in the folded text maps back onto the original."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFD", char):
            if unicodedata.combining(part):
                continue
            part = "d" if part in "đĐ" else part.lower()
            folded.append(part)
            origin.append(index)
    return "".join(folded), origin


def _folded_phrase(value: str) -> str:
    folded, _origin = _fold_with_positions(value)
    return " ".join(folded.split())


# --- patterns ----------------------------------------------------------------------------------------

_SEP = r"[ .\-]?"
# 0xx… (10-11 digits), +84 / 84 / 0084 / (+84) followed by the number without its 0, (024) 3825 1234.
_PHONE = re.compile(
    rf"(?<![0-9])(?:(?:\+|00)[ ]?84|\(\+?84\)|84|\(0[0-9]{{1,3}}\)|0){_SEP}[0-9](?:{_SEP}[0-9]){{7,9}}(?![0-9])"
)
# 9 or 12 digits, together or in groups of three with spaces; dotted groups are amounts of money.
_ID_CARD = re.compile(r"(?<![0-9])[0-9]{3}(?:[ ]?[0-9]{3}){2}(?:[ ]?[0-9]{3})?(?![0-9])")
_EMAIL = re.compile(r"[\w.+\-]+\s?(?:@|\(at\)|\[at\])\s?[\w\-]+(?:\.[\w\-]+)+", re.IGNORECASE)
# 12A-345.67, 29A1-234.56, 51F 123.45, 30E-12345, 29-B1 234.56 (upper or lower case).
_PLATE = re.compile(
    r"(?<![0-9A-Za-z])[1-9][0-9][ \-]?[A-Za-z]{1,2}[0-9]?[ \-]?[0-9]{3}\.?[0-9]{1,2}(?![0-9A-Za-z])"
)
# House-number words, matched in the folded text (so "ngõ" and "ngo" are the same word).
_PLACE_WORDS = (
    r"so nha|nha so|can ho|phong|ngo|ngach|hem|kiet|to dan pho|to|thon|khoi|xom|ap|ban|khu pho|khu|lo"
)
_NUMBER = r"(?:so\s*)?[0-9]+[a-z]?(?:\s?[/\-]\s?[0-9]+[a-z]?)*"
_ADDRESS_WORD = re.compile(rf"(?<![\w])(?:{_PLACE_WORDS})\s*{_NUMBER}(?![\w])")
# "số 5 đường Lê Lợi", "20 phố Huế", "12/3 đường 3 tháng 2": a number before a street word.
_STREET_NUMBER = re.compile(
    r"(?<![\w/])(?:so\s*)?[0-9]+[a-z]?(?:/[0-9]+[a-z]?)*\s+(?:duong|pho)(?:\s+\w+){1,2}"
)
# "văn bản 3", "tổ công tác" are not places: the words just before that make "bản"/"tổ" something else.
_NOT_A_PLACE_BEFORE = ("van ", "phien ")
_HONORIFIC = re.compile(
    r"(?<![\w])(?:ông|bà|anh|chị|cô|chú|bác|cụ|em|ong|ba|chi|co|chu|bac|cu)\s+((?:\w+)(?:\s+\w+){0,3})",
    re.IGNORECASE,
)
# "Ông Chủ tịch", "bà Trưởng phòng": a post, not a name.
_POSTS = {"chu", "pho", "truong", "giam", "bi", "can", "cong", "uy", "thu", "ke", "dai", "to", "ban", "doi"}
_STREET_BEFORE_NAME = ("đường", "phố", "duong", "pho", "ngõ", "ngo", "quận", "huyện", "phường", "xã")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if "0" <= ch <= "9")


def _is_phone(text: str) -> bool:
    digits = _digits(text)
    international = text.lstrip("(+ ").startswith(("84", "0084"))
    if international:
        digits = digits.removeprefix("00")
        return len(digits) in (11, 12)
    return digits.startswith("0") and len(digits) in (10, 11)


def _phones(text):
    return [
        Finding(PHONE, m.start(), m.end(), m.group()) for m in _PHONE.finditer(text) if _is_phone(m.group())
    ]


def _id_cards(text):
    return [Finding(ID_CARD, m.start(), m.end(), m.group()) for m in _ID_CARD.finditer(text)]


def _emails(text):
    return [Finding(EMAIL, m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]


def _plates(text):
    return [Finding(PLATE, m.start(), m.end(), m.group()) for m in _PLATE.finditer(text)]


def _in_original(text, origin, kind, start, end):
    first, last = origin[start], origin[end - 1] + 1
    return Finding(kind, first, last, text[first:last])


def _addresses(text, folded, origin):
    found = []
    for match in _ADDRESS_WORD.finditer(folded):
        before = folded[max(0, match.start() - 6) : match.start()]
        if any(before.endswith(word) for word in _NOT_A_PLACE_BEFORE):
            continue
        found.append(_in_original(text, origin, ADDRESS, match.start(), match.end()))
    for match in _STREET_NUMBER.finditer(folded):
        found.append(_in_original(text, origin, ADDRESS, match.start(), match.end()))
    return found


def _known_values(text, folded, origin, kind, values):
    """Every place where one of `values` (a name, an address) appears, accents and case ignored, as
    whole words and whatever the spaces between them."""
    found = []
    for value in values:
        phrase = _folded_phrase(value or "")
        if len(phrase) < 3:
            continue
        pattern = r"(?<![\w])" + r"\s+".join(re.escape(word) for word in phrase.split()) + r"(?![\w])"
        for match in re.finditer(pattern, folded):
            found.append(_in_original(text, origin, kind, match.start(), match.end()))
    return found


def _given_names(names):
    """'Phạm Thị Lan' is also written 'bà Lan' or 'chị Thị Lan': the last one or two words."""
    given = set()
    for name in names:
        words = (name or "").split()
        if len(words) >= 2:
            given.add(words[-1])
            given.add(" ".join(words[-2:]))
    return given


def _addressed_people(text, names):
    """People introduced by a form of address and a capitalised name ("ông Trần Văn Minh"), and the
    given names of the people of the case after one ("bà lan", "chi Lan")."""
    given = {_folded_phrase(g) for g in _given_names(names)}
    found = []
    for match in _HONORIFIC.finditer(text):
        previous = text[: match.start()].split()[-1:] or [""]
        previous = previous[0].lower().strip(",.;:")
        if previous in _STREET_BEFORE_NAME or previous[-1:].isdigit():
            continue  # "đường Bà Triệu", "20 Bà Triệu" are streets
        words = match.group(1).split()
        capitalised = []
        for word in words:
            if not word[0].isupper() or not word.isalpha():
                break
            capitalised.append(word)
        start = match.start(1)
        if capitalised and _folded_phrase(capitalised[0]) not in _POSTS:
            end = _end_of_words(text, start, len(capitalised))
            found.append(Finding(NAME, match.start(), end, text[match.start() : end]))
            continue
        if capitalised:
            continue
        for size in (2, 1):
            candidate = " ".join(words[:size])
            if len(words) >= size and _folded_phrase(candidate) in given:
                end = _end_of_words(text, start, size)
                found.append(Finding(NAME, match.start(), end, text[match.start() : end]))
                break
    return found


def _end_of_words(text, start, count):
    """The index after the `count`-th word that begins at `start`."""
    for match in re.finditer(r"\w+", text[start:]):
        count -= 1
        if count == 0:
            return start + match.end()
    return len(text)


_PRIORITY = {EMAIL: 0, PHONE: 0, NAME: 1, PLATE: 2, ADDRESS: 3, ID_CARD: 4}


def find_personal_data(text: str, *, names=(), addresses=()) -> list[Finding]:
    """Personal data in `text`, in order. `names` are the people of the case (the sender, the officials
    concerned), `addresses` the addresses it knows (the sender's home, a private location)."""
    if not text:
        return []
    folded, origin = _fold_with_positions(text)
    phones = _phones(text)
    findings = (
        _known_values(text, folded, origin, NAME, names)
        + _addressed_people(text, names)
        + _emails(text)
        + phones
        + _id_cards(text)
        + _plates(text)
        + _known_values(text, folded, origin, ADDRESS, addresses)
        + _addresses(text, folded, origin)
    )
    # Where findings overlap, the more telling kind wins (the digits of a phone are not also an ID card),
    # then the longer one.
    findings.sort(key=lambda f: (_PRIORITY[f.kind], f.start - f.end))
    kept = []
    for finding in findings:
        if not any(f.start < finding.end and finding.start < f.end for f in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


def highlight(text: str, findings: list[Finding]):
    """The text, HTML-escaped, with each finding in a <mark> that says what it is."""
    parts, position = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        parts.append(escape(text[position : finding.start]))
        parts.append(
            f'<mark class="personal-data" data-kind="{finding.kind}" title="{escape(finding.label)}">'
            f"{escape(text[finding.start : finding.end])}</mark>"
        )
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def summary(findings_by_field: dict) -> str:
    """'Số điện thoại (2), Địa chỉ (1)': what was found, never the data itself (it goes in the log)."""
    counts: dict[str, int] = {}
    for findings in findings_by_field.values():
        for finding in findings:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
    return ", ".join(f"{KIND_LABELS[kind]} ({count})" for kind, count in counts.items())


def case_findings(case, texts: dict[str, str]) -> dict[str, list[Finding]]:
    """What each text about to be published (by field name) still holds of the case's personal data:
    the sender's and the officials' names, the sender's address, a location the sender kept private,
    and whatever looks like a phone, e-mail, ID card, house address or plate."""
    names = [case.sender_name] + [staff.full_name for staff in case.officials_concerned.all()]
    addresses = [case.sender_address]
    if case.location and not case.location_is_public:
        addresses.append(case.location)
    return {
        field: found
        for field, text in texts.items()
        if (found := find_personal_data(text, names=names, addresses=addresses))
    }


def plain_text(text: str) -> str:
    """The text as it will be read: compatibility forms folded (full-width digits become digits) and
    invisible format characters (zero-width spaces, direction overrides) removed, which could otherwise
    hide a phone number or a name from the check and still show it on the page."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(char for char in text if unicodedata.category(char) != "Cf")
