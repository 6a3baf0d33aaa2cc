import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from practices.models import (
    Action,
    Category,
    Municipality,
    PolicyDomain,
    Practice,
    PracticeLink,
    PracticeLocation,
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
