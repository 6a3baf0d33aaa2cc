import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from practices.models import (
    Action,
    Category,
    Event,
    Municipality,
    Organisation,
    Person,
    PolicyDomain,
    Practice,
    PracticeLink,
    PracticeLocation,
    Role,
    Session,
    Source,
    TargetGroup,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@gemeente.example")
    password = factory.django.Password("een-lang-wachtwoord")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        # The official register may hold the name already (it is loaded by a migration).
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    province = Municipality.Province.ANTWERPEN


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Categorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    introduction = "Praktijken die mensen samenbrengen."


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Doelgroep {n}")
    slug = factory.Sequence(lambda n: f"doelgroep-{n}")


class PolicyDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyDomain

    name = factory.Sequence(lambda n: f"Beleidsdomein {n}")
    slug = factory.Sequence(lambda n: f"beleidsdomein-{n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n % 24 + 1)
    title = factory.Sequence(lambda n: f"Actie titel {n}")


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijk {n}")
    slug = factory.Sequence(lambda n: f"praktijk-{n}")
    summary = "Een korte samenvatting van de praktijk."
    description = "Een langere beschrijving."
    category = factory.SubFactory(CategoryFactory)
    status = Practice.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(status=Practice.Status.DRAFT, published_at=None)

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        """PracticeFactory(places=[municipality, ...]) adds where the practice runs."""
        for position, municipality in enumerate(extracted or []):
            PracticeLocationFactory(practice=self, municipality=municipality, position=position)


class PracticeLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeLocation

    practice = factory.SubFactory(PracticeFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    description = "Wat de gemeente hier doet."


class PracticeLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeLink

    practice = factory.SubFactory(PracticeFactory)
    title = "Meer informatie"
    url = "https://www.gemeente.example/praktijk"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Persoon {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Studienamiddag {n}")
    slug = factory.Sequence(lambda n: f"studienamiddag-{n}")
    kind = Event.Kind.STUDY_AFTERNOON
    summary = "Een namiddag over sociale samenhang."
    year, month, day = 2019, 3, 26


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    kind = Session.Kind.WORK_SESSION
    title = factory.Sequence(lambda n: f"Werksessie {n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    kind = Role.Kind.LEADS
    session = factory.SubFactory(SessionFactory)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Verslag {n}")
    kind = Source.Kind.REPORT
    year, month, day = 2019, 5, 27
