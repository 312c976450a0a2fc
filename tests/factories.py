"""factory-boy factories shared by every app's tests."""

import factory

from congvu.accounts.models import RoleAssignment, User
from congvu.people.models import Position, Sex, Staff, StaffCategory
from congvu.units.models import Unit, UnitType


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Phường Thử Nghiệm {n}")
    unit_type = UnitType.WARD
    hotline = "0205 3888 888"
    email = factory.LazyAttribute(lambda o: f"{o.code.lower()}@example.gov.vn")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position
        django_get_or_create = ("name",)

    name = "Chuyên viên"


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Staff

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    sex = Sex.MALE
    category = StaffCategory.CONG_CHUC
    unit = factory.SubFactory(UnitFactory)
    position = factory.SubFactory(PositionFactory)
    badge_number = factory.Sequence(lambda n: f"T{n:05d}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def grant(user, role, unit):
    RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
    user.__dict__.pop("_role_assignments", None)
    user.__dict__.pop("_scope_roots", None)
    return user
