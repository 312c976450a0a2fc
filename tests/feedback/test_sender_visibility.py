"""One rule for who sees a citizen: only the handling chain of a case sees its sender's details.

The chain (congvu.feedback.roles.can_see_sender): the officer who received the case, reception over the
receiving or handling unit, unit heads and the programme office over the handling unit, the handler it
is assigned to. Every output that can carry the sender's name, address, phone or e-mail is walked for
every named role; outside the chain the sender reads "Người gửi (ẩn)".
"""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from congvu.accounts.models import Role
from congvu.core.models import Notification
from congvu.core.text import fold
from congvu.feedback import services
from congvu.feedback.models import Case, Channel
from congvu.feedback.roles import can_see_sender, sender_visible_q
from tests.factories import UserFactory, grant
from tests.feedback.factories import make_case
from tests.scope_harness import response_text

pytestmark = pytest.mark.django_db

NAME = "Quách Thị Riêng Tư"
ADDRESS = "Số 77 ngõ Kín Đáo, tổ 19"
PHONE = "0977123999"
EMAIL = "rieng.tu.7391@example.vn"
ORGANISATION = "Hợp tác xã Giữ Kín"
MARKERS = (NAME, ADDRESS, PHONE, EMAIL, ORGANISATION)
HIDDEN = "Người gửi (ẩn)"
TITLE = "Cống thoát nước tắc ở tổ dân phố"
# A file the sender attached: it may well show who they are (a scanned letter), so it is theirs too.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n% " + NAME.encode() + b"\ntrailer<<>>\n%%EOF\n"

ROLES = (
    "reception_officer",
    "handler",
    "unit_head",
    "programme_office",
    "inspector",
    "leadership",
    "system_admin",
    "official",
    "ward_insider",
    "other_unit_head",
)
CHAIN = {"reception_officer", "handler", "unit_head", "programme_office", "ward_insider"}
# In the chain, but the answer letter is printed by those who handle and approve (HANDLE_ROLES).
NOT_THEIR_ACTION = {("reception_officer", "answer letter .docx"), ("programme_office", "answer letter .docx")}
PERIOD = {"date_from": "01/01/2020", "date_to": "31/12/2030"}


@pytest.fixture
def sent_case(ward, reception_officer, handler, unit_head, django_capture_on_commit_callbacks):
    """A case of Phường An Bình whose sender has distinctive details, received by the ward's reception,
    assigned to `handler`, with an approved answer and an attachment; notifications delivered."""
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(
            ward,
            title=TITLE,
            channel=Channel.WALK_IN,
            received_by=reception_officer,
            sender_name=NAME,
            sender_address=ADDRESS,
            sender_phone=PHONE,
            sender_email=EMAIL,
            sender_organisation=ORGANISATION,
        )
        services.add_attachment(case, SimpleUploadedFile("don-thu.pdf", PDF))
        services.decide_intake(case, by=reception_officer, decision="xu_ly")
        services.assign(case, by=unit_head, unit=ward, handler=handler)
        answer = services.save_answer(case, by=handler, body="Phường đã nạo vét cống.", submit=True)
        services.review_answer(answer, by=unit_head, approve=True)
    return Case.objects.get(pk=case.pk)


def _outputs(case, ward):
    """(name, url, what the chain must find in it): every staff output that can carry sender fields."""
    attachment = case.attachments.get()
    register = {"unit": ward.pk, **PERIOD}
    return [
        ("case page", reverse("feedback:case_detail", args=[case.pk]), MARKERS),
        ("case print", reverse("feedback:case_print", args=[case.pk]), (NAME,)),
        ("inbox", reverse("feedback:inbox"), ()),
        ("inbox search by phone", reverse("feedback:inbox") + f"?q={PHONE}", (case.code,)),
        ("inbox search by e-mail", reverse("feedback:inbox") + f"?q={EMAIL}", (case.code,)),
        ("inbox search by name", reverse("feedback:inbox") + "?q=quach+thi+rieng+tu", (case.code,)),
        ("register", reverse("feedback:register") + _query(register), (NAME,)),
        ("register .xlsx", reverse("feedback:register_export") + _query(register), (NAME, ADDRESS)),
        ("answer letter .docx", reverse("feedback:answer_letter", args=[case.pk]), (NAME, ADDRESS)),
        ("attachment", reverse("feedback:attachment", args=[attachment.pk]), (NAME,)),
        ("API list", "/api/v1/feedback/cases", ()),
        ("API search by phone", f"/api/v1/feedback/cases?q={PHONE}", (case.code,)),
        ("API case", f"/api/v1/feedback/cases/{case.pk}", ()),
        ("notifications page", reverse("accounts:notifications"), ()),
    ]


def _query(params):
    return "?" + "&".join(f"{key}={value}" for key, value in params.items())


@pytest.mark.parametrize("role", ROLES)
def test_every_output_shows_the_sender_only_to_the_handling_chain(request, client, sent_case, ward, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    in_chain = role in CHAIN
    assert can_see_sender(user, sent_case) is in_chain
    walked = []
    for name, url, chain_sees in _outputs(sent_case, ward):
        response = client.get(url)
        assert response.status_code < 500, (name, response.status_code)
        text = response_text(response)
        # A search page repeats what was typed (the search box): that is the user's own input, not a leak.
        leaked = [marker for marker in MARKERS if marker in text and marker not in url]
        if in_chain:
            refused = (role, name) in NOT_THEIR_ACTION
            assert response.status_code == (403 if refused else 200), (name, response.status_code)
            assert refused or all(marker in text for marker in chain_sees), (name, chain_sees)
        else:
            assert not leaked, (name, role, leaked)
            if "search" in name:
                assert sent_case.code not in text, (name, role)
        walked.append(name)
    assert len(walked) == 14


@pytest.mark.parametrize("role", sorted(set(ROLES) - CHAIN - {"inspector", "official", "other_unit_head"}))
def test_outside_the_chain_the_sender_reads_as_hidden(request, client, sent_case, ward, role):
    """Leadership and system admins open the case and the register: the sender is a placeholder there."""
    client.force_login(request.getfixturevalue(role))
    register = {"unit": ward.pk, **PERIOD}
    for url in (
        reverse("feedback:case_detail", args=[sent_case.pk]),
        reverse("feedback:case_print", args=[sent_case.pk]),
        reverse("feedback:register") + _query(register),
        reverse("feedback:register_export") + _query(register),
    ):
        text = response_text(client.get(url))
        assert HIDDEN in text and TITLE[:20] in text and NAME not in text and ADDRESS not in text


def test_leadership_register_and_export_hide_senders(login, sent_case, ward, leadership):
    """The finding: the intake register and its .xlsx used the viewing roles, not the handling chain."""
    client = login(leadership)
    params = {"unit": ward.pk, **PERIOD}
    page = client.get(reverse("feedback:register"), params).content.decode()
    export = response_text(client.get(reverse("feedback:register_export"), params))
    assert sent_case.code in export and TITLE in page
    for text in (page, export):
        assert NAME not in text and ADDRESS not in text and HIDDEN in text


def test_search_by_phone_matches_only_cases_whose_sender_the_user_sees(
    login, sent_case, leadership, unit_head
):
    """The finding: a role outside the chain could test whether a phone number filed a case."""
    spellings = (
        PHONE,
        "0977 123 999",
        "0977.123.999",
        "+84 977 123 999",
        "84977123999",
        EMAIL,
        "Quách Thị Riêng Tư",
        "rieng tu",
    )
    outsider = login(leadership)
    for query in spellings:
        assert sent_case.code not in outsider.get(reverse("feedback:inbox"), {"q": query}).content.decode()
        assert outsider.get("/api/v1/feedback/cases", {"q": query}).json() == []
    # The same user still finds the case by what anyone who sees it may read.
    assert (
        sent_case.code in outsider.get(reverse("feedback:inbox"), {"q": "cong thoat nuoc"}).content.decode()
    )
    assert [row["code"] for row in outsider.get("/api/v1/feedback/cases", {"q": sent_case.code}).json()] == [
        sent_case.code
    ]
    chain = login(unit_head)
    for query in spellings:
        assert sent_case.code in chain.get(reverse("feedback:inbox"), {"q": query}).content.decode(), query
    # Words from the sender and the text together: each must be found where the user may look.
    assert sent_case.code in chain.get(reverse("feedback:inbox"), {"q": "rieng cong"}).content.decode()
    outsider = login(leadership)
    assert sent_case.code not in outsider.get(reverse("feedback:inbox"), {"q": "rieng cong"}).content.decode()


def test_a_handler_of_the_unit_not_assigned_to_the_case_does_not_see_the_sender(login, sent_case, ward):
    colleague = UserFactory(username="xulykhac")
    grant(colleague, Role.HANDLER, ward)
    client = login(colleague)
    page = client.get(reverse("feedback:case_detail", args=[sent_case.pk])).content.decode()
    assert TITLE in page and HIDDEN in page and NAME not in page and PHONE not in page
    assert (
        client.get(reverse("feedback:attachment", args=[sent_case.attachments.get().pk])).status_code == 404
    )
    letter = response_text(client.get(reverse("feedback:answer_letter", args=[sent_case.pk])))
    assert HIDDEN in letter and NAME not in letter and ADDRESS not in letter
    assert sent_case.code not in client.get(reverse("feedback:inbox"), {"q": PHONE}).content.decode()
    # Once the case is assigned to them, they are in its chain.
    services.assign(sent_case, by=UserFactory(is_superuser=True), unit=ward, handler=colleague)
    assert NAME in client.get(reverse("feedback:case_detail", args=[sent_case.pk])).content.decode()


def test_the_chain_follows_the_case_when_it_moves_to_another_unit(
    login, sent_case, ward, other_ward, reception_officer, unit_head, other_unit_head
):
    """Forwarded to another ward: its head joins the chain; the receiving ward's reception stays in it (it
    logged the case), the ward's head leaves it (and the case leaves the ward's scope)."""
    case = make_case(ward, received_by=reception_officer, sender_name=NAME, sender_phone=PHONE)
    services.assign(case, by=UserFactory(is_superuser=True), unit=other_ward)
    case = Case.objects.get(pk=case.pk)
    assert can_see_sender(other_unit_head, case) and can_see_sender(reception_officer, case)
    assert not can_see_sender(unit_head, case)
    assert (
        NAME in login(other_unit_head).get(reverse("feedback:case_detail", args=[case.pk])).content.decode()
    )


def test_the_query_and_the_check_are_the_same_rule(request, sent_case, ward, other_ward, reception_officer):
    """`sender_visible_q` (lists, search, exports) and `can_see_sender` (one case) never disagree."""
    cases = [
        sent_case,
        make_case(ward, sender_name=NAME),  # from the portal: nobody received it by hand
        make_case(other_ward, sender_name=NAME),
        make_case(other_ward, sender_name=NAME, receiving_unit=ward, received_by=reception_officer),
    ]
    users = [request.getfixturevalue(role) for role in ROLES] + [UserFactory(is_superuser=True)]
    for user in users:
        visible = set(Case.objects.filter(sender_visible_q(user)).values_list("pk", flat=True))
        for case in cases:
            case = Case.objects.get(pk=case.pk)
            assert (case.pk in visible) is can_see_sender(user, case), (user.username, case.unit.code)


def test_notifications_and_e_mails_to_staff_carry_no_sender_details(
    sent_case, ward, unit_head, handler, programme_office, leadership, django_capture_on_commit_callbacks
):
    """Staff are told a case's code and title, never who sent it: the body may reach an inbox anyone reads."""
    from congvu.feedback import reminders

    for user in (unit_head, handler, programme_office, leadership):
        user.email = f"{user.username}@ubnd.example.vn"
        user.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(
            ward, sender_name=NAME, sender_address=ADDRESS, sender_phone=PHONE, sender_email=EMAIL
        )
        services.decide_intake(case, by=unit_head, decision="xu_ly")
        services.assign(case, by=unit_head, unit=ward, handler=handler)
        answer = services.save_answer(case, by=handler, body="Dự thảo", submit=True)
        services.review_answer(answer, by=unit_head, approve=False, comment="Bổ sung căn cứ")
        Case.objects.filter(pk=case.pk).update(answer_due="2020-01-02")
        reminders.run_due()
    notes = list(Notification.objects.all())
    assert {n.kind for n in notes} >= {"feedback.assigned", "feedback.approval", "feedback.returned"}
    to_staff = [m for m in mail.outbox if EMAIL not in m.to]
    assert to_staff
    for text in [f"{n.title} {n.body}" for n in notes] + [f"{m.subject} {m.body}" for m in to_staff]:
        assert not [marker for marker in MARKERS if marker in text], text


def test_reindex_sets_the_sender_apart_in_cases_indexed_before(login, ward, leadership, unit_head):
    """A case indexed the old way (sender's details among the text) is found by nobody outside the chain
    until the command rebuilds its search text; then by its title but still not by the phone."""
    case = make_case(ward, title=TITLE, sender_name=NAME, sender_phone=PHONE)
    old = fold(" ".join([case.code, NAME, PHONE, "", TITLE, case.content]))
    Case.objects.filter(pk=case.pk).update(search_folded=old)
    outsider = login(leadership)
    assert case.code not in outsider.get(reverse("feedback:inbox"), {"q": PHONE}).content.decode()
    out = io.StringIO()
    call_command("reindex_feedback_search", stdout=out)
    assert out.getvalue().startswith("1 cases")
    assert Case.objects.get(pk=case.pk).search_folded != old
    assert case.code in outsider.get(reverse("feedback:inbox"), {"q": "cong thoat"}).content.decode()
    assert case.code not in outsider.get(reverse("feedback:inbox"), {"q": PHONE}).content.decode()
    assert case.code in login(unit_head).get(reverse("feedback:inbox"), {"q": PHONE}).content.decode()


def test_the_rule_costs_no_query_per_row(login, ward, leadership, unit_head, django_assert_max_num_queries):
    """The register and the search decide visibility in the database, once for all rows."""
    for number in range(30):
        make_case(ward, title=f"Cống thoát nước tắc số {number}", sender_name=NAME, sender_phone=PHONE)
    params = {"unit": ward.pk, **PERIOD}
    for user in (leadership, unit_head):
        client = login(user)
        with django_assert_max_num_queries(12):
            client.get(reverse("feedback:register"), params)
        with django_assert_max_num_queries(12):
            client.get(reverse("feedback:register_export"), params)
        with django_assert_max_num_queries(15):
            client.get(reverse("feedback:inbox"), {"q": f"cong {PHONE}"})


def test_the_upgrade_reindexes_old_cases_as_the_service_does(ward):
    """Migration 0010 rebuilds search text written the old way (sender details mixed with the text)."""
    import importlib

    from django.apps import apps as current_apps

    from congvu.feedback.models import Case
    from congvu.feedback.selectors import search_index
    from tests.feedback.factories import make_case

    upgrade = importlib.import_module("congvu.feedback.migrations.0010_reindex_search")
    case = make_case(ward, sender_name="Hoàng Thị Mận", sender_phone="0912 345 678")
    Case.objects.filter(pk=case.pk).update(search_folded="hoang thi man 0912 345 678 old text")
    upgrade.reindex(current_apps, None)
    case = Case.objects.get(pk=case.pk)
    assert case.search_folded == search_index(case)


def test_while_no_one_is_assigned_the_units_handlers_are_the_chain(login, ward, handler):
    """Any handler of the unit may take up an unassigned case and answer it, so needs the sender; once
    it is assigned to a colleague, only the colleague does."""
    case = make_case(ward, sender_name="Đinh Thị Chưa Giao", sender_phone="0966111222")
    page = login(handler).get(reverse("feedback:case_detail", args=[case.pk])).content.decode()
    assert "Đinh Thị Chưa Giao" in page
    colleague = UserFactory(username="xulydonvi")
    grant(colleague, Role.HANDLER, ward)
    services.assign(case, by=UserFactory(is_superuser=True), unit=ward, handler=colleague)
    page = login(handler).get(reverse("feedback:case_detail", args=[case.pk])).content.decode()
    assert "Đinh Thị Chưa Giao" not in page and HIDDEN in page


def test_a_sender_who_typed_the_country_code_is_found_by_every_spelling(login, ward, unit_head):
    case = make_case(ward, sender_name="Lò Văn Quốc Tế", sender_phone="+84 912 345 679")
    chain = login(unit_head)
    for query in ("0912345679", "0912.345.679", "+84 912 345 679", "84912345679"):
        assert case.code in chain.get(reverse("feedback:inbox"), {"q": query}).content.decode(), query
