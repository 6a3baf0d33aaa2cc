from practices.models.actions import Action
from practices.models.events import Event, Session
from practices.models.people import Organisation, Person, Role
from practices.models.practice_parts import (
    FormerSlug,
    PracticeLink,
    PracticeLocation,
    TaggedPractice,
)
from practices.models.practices import Practice
from practices.models.related import RelatedPractice
from practices.models.sources import Source
from practices.models.start import PracticeMaterial
from practices.models.synonyms import SynonymGroup
from practices.models.taxonomies import Category, Municipality, PolicyDomain, TargetGroup

__all__ = [
    "Action",
    "Category",
    "Event",
    "FormerSlug",
    "Municipality",
    "Organisation",
    "Person",
    "PolicyDomain",
    "Practice",
    "PracticeLink",
    "PracticeLocation",
    "PracticeMaterial",
    "RelatedPractice",
    "Role",
    "Session",
    "Source",
    "SynonymGroup",
    "TaggedPractice",
    "TargetGroup",
]
