from practices.models.actions import Action
from practices.models.practices import Practice, PracticeLink, PracticeLocation, TaggedPractice
from practices.models.synonyms import SynonymGroup
from practices.models.taxonomies import Category, Municipality, PolicyDomain, TargetGroup

__all__ = [
    "Action",
    "Category",
    "Municipality",
    "PolicyDomain",
    "Practice",
    "PracticeLink",
    "PracticeLocation",
    "SynonymGroup",
    "TaggedPractice",
    "TargetGroup",
]
