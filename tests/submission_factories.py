import factory

from submissions.models import Submission, SubmittedLink, SubmittedPlace
from tests.factories import PracticeFactory


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    kind = Submission.Kind.NEW_PRACTICE
    title = "Buurtmoestuin De Linde"
    summary = "Bewoners beheren samen een moestuin."
    description = "Elke zaterdag werken buren samen in de tuin."
    goals = factory.LazyFunction(lambda: ["Ontmoeting", "Groen in de wijk"])
    submitter_name = "An Peeters"
    submitter_organisation = "Stad Lokeren"
    submitter_email = "an@lokeren.example"
    reference = factory.Sequence(lambda n: f"DSS-T{n:05}")

    class Params:
        change = factory.Trait(
            kind=Submission.Kind.CHANGE,
            practice=factory.SubFactory(PracticeFactory),
            title="",
            message="Het contactadres is veranderd.",
        )


class SubmittedPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubmittedPlace

    submission = factory.SubFactory(SubmissionFactory)
    municipality_name = "Lokeren"


class SubmittedLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubmittedLink

    submission = factory.SubFactory(SubmissionFactory)
    title = "Projectpagina"
    url = "https://www.lokeren.example/moestuin"
