import pytest
from django.contrib.auth.models import Permission

from tests import factories

EDITOR_APPS = ["practices", "taggit"]


@pytest.fixture(autouse=True)
def _plain_static_and_tmp_media(settings, tmp_path):
    # Tests do not run collectstatic, so serve static files without the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def anonymous(client):
    """A visitor who is not logged in."""
    return client


@pytest.fixture
def submitter(client, db):
    """Somebody with an account but no editor rights."""
    user = factories.UserFactory(username="indiener")
    client.force_login(user)
    return client


@pytest.fixture
def editor_user(db):
    user = factories.UserFactory(username="redacteur", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    return user


@pytest.fixture
def editor(client, editor_user):
    """A member of the editorial team, logged in."""
    client.force_login(editor_user)
    return client
