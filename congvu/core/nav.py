"""Registries that let each app add itself to the shared pages without editing them.

- staff navigation (by role), the cards on the staff home page, and links on the public portal.
Each app registers in its own `nav.py`, found by the plugin loader the first time a menu is built.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from congvu.core.plugins import app_modules


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: tuple[str, ...] = ()  # empty: any staff role
    order: int = 100
    self_service: bool = False  # shown to every logged-in official, with or without a role
    section: str = ""


@dataclass(frozen=True)
class PublicLink:
    label: str
    url_name: str
    description: str = ""
    order: int = 100


@dataclass
class Registry:
    staff_nav: list[NavItem] = field(default_factory=list)
    public_links: list[PublicLink] = field(default_factory=list)
    home_cards: list[Callable] = field(default_factory=list)
    # Where a provider's cards go among the others (lower first; same order: registration order).
    home_card_order: dict[Callable, int] = field(default_factory=dict)


registry = Registry()
_discovered = False


def discover() -> Registry:
    """Import every app's nav.py once (each registers its entries at import)."""
    global _discovered
    if not _discovered:
        app_modules("nav")
        _discovered = True
    return registry


def add_staff_nav(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in registry.staff_nav):
        registry.staff_nav.append(item)


def add_public_link(link: PublicLink) -> None:
    if all(existing.url_name != link.url_name for existing in registry.public_links):
        registry.public_links.append(link)


def add_home_cards(provider: Callable, *, order: int = 0) -> None:
    """`provider(request)` returns a list of dicts: {"label", "value", "url", "tone"}; `order` places its
    cards among the other apps' (lower first, ties in registration order)."""
    if provider not in registry.home_cards:
        registry.home_cards.append(provider)
        registry.home_card_order[provider] = order


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _section_of(item: NavItem) -> str:
    """The heading an item sits under: its own section, else the name of the app its URL belongs to."""
    if item.section:
        return item.section
    namespace = item.url_name.split(":", 1)[0]
    from django.apps import apps

    try:
        return str(apps.get_app_config(namespace).verbose_name)
    except LookupError:
        return ""


def staff_nav_for(user, holds_any_role: Callable[..., bool]) -> list[dict]:
    """The user's menu, grouped by section (sections in the order of their first item); each entry
    says whether it starts a new section, for a heading. `holds_any_role(user, *roles)` is the
    accounts app's role check (core knows no roles)."""
    if not user.is_authenticated:
        return []
    allowed = []
    for item in discover().staff_nav:
        url = _url(item.url_name) if item.self_service or holds_any_role(user, *item.roles) else None
        if url:
            allowed.append((item, url, _section_of(item)))
    section_rank: dict[str, int] = {}
    for item, _url_path, section in allowed:
        section_rank[section] = min(section_rank.get(section, item.order), item.order)
    allowed.sort(key=lambda entry: (section_rank[entry[2]], entry[2], entry[0].order))
    items, previous_section = [], None
    for item, url, section in allowed:
        items.append(
            {"label": item.label, "url": url, "section": section, "new_section": section != previous_section}
        )
        previous_section = section
    return items


def public_links() -> list[dict]:
    links = []
    for link in sorted(discover().public_links, key=lambda i: i.order):
        url = _url(link.url_name)
        if url:
            links.append({"label": link.label, "url": url, "description": link.description})
    return links


def home_cards(request) -> list[dict]:
    cards = []
    found = discover()
    for provider in sorted(found.home_cards, key=lambda p: found.home_card_order.get(p, 0)):
        cards.extend(provider(request))
    return cards
