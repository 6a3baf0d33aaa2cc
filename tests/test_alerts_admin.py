"""Editors see how many follow a search, not who; the addresses take their own permission.
Query counts of the public alert pages stay fixed whatever the number of subscriptions."""

import pytest
from django.contrib.auth.models import Permission

from alerts import services
from alerts.models import Subscription
from tests.factories import CategoryFactory, PracticeFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db

LIST = "/beheer/alerts/subscription/"


def subscriptions(n, search="categorie=sociale-cohesie", confirmed=True):
    made = [
        Subscription.objects.create(
            email=f"abonnee{n}-{i}@gemeente.be", search=search, description="Sociale cohesie"
        )
        for i in range(n)
    ]
    if confirmed:
        for subscription in made:
            services.confirm_subscription(subscription=subscription)
    return made


def test_an_editor_sees_the_number_of_subscribers_not_their_addresses(editor):
    subscriptions(3)
    subscriptions(1, confirmed=False)
    page = editor.get(LIST)
    assert page.status_code == 200
    html = page.content.decode()
    assert "3 actieve abonnementen (0 dagelijks, 3 wekelijks); 1 nog niet bevestigd." in html
    assert "Meest gevolgde zoekopdrachten" in html
    assert "@gemeente.be" not in html
    one = Subscription.objects.first()
    detail = editor.get(f"{LIST}{one.pk}/change/").content.decode()
    assert one.email not in detail
    assert "Sociale cohesie" in detail
    # Searching does not find an address either.
    assert "Actief (0)" in editor.get(f"{LIST}?q=abonnee3-0").content.decode()


def test_with_the_permission_an_editor_sees_the_addresses(editor, editor_user):
    subscriptions(2)
    editor_user.user_permissions.add(Permission.objects.get(codename="view_subscriber_email"))
    html = editor.get(LIST).content.decode()
    assert "abonnee2-0@gemeente.be" in html
    found = editor.get(f"{LIST}?q=abonnee2-1").content.decode()
    assert "abonnee2-1@gemeente.be" in found
    assert "Actief (1)" in found


def test_editors_cannot_add_or_change_a_subscription(editor):
    (one,) = subscriptions(1)
    assert editor.get(f"{LIST}add/").status_code == 403
    editor.post(f"{LIST}{one.pk}/change/", {"frequency": "dagelijks"})
    one.refresh_from_db()
    assert one.frequency == "wekelijks"


def test_the_admin_list_takes_the_same_queries_for_3_or_30_subscriptions(editor):
    subscriptions(3)
    few = queries_for(editor, LIST)
    subscriptions(30, search="q=buurt")
    assert queries_for(editor, LIST) == few


def test_the_public_pages_take_the_same_queries_whatever_the_data(anonymous):
    category = CategoryFactory(slug="sociale-cohesie")
    PracticeFactory.create_batch(2, category=category)
    (one,) = subscriptions(1)
    pages = ["/meldingen/?categorie=sociale-cohesie&q=buurt", one.get_absolute_url()]
    few = [queries_for(anonymous, url) for url in pages]
    PracticeFactory.create_batch(20, category=category)
    subscriptions(20, search="q=jeugd")
    assert [queries_for(anonymous, url) for url in pages] == few
    assert max(few) <= 6
