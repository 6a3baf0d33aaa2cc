"""schema.org JSON-LD for a practice sheet, so search engines and linked-data tools read what a
sheet is: its places with NIS codes, organisations, audiences, dates and licence.

Built from what `Practice.objects.for_sheet()` already fetched: no extra query.
"""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from practices.documents import MEDIA_TYPES


def practice_data(practice):
    site = settings.SITE_URL.rstrip("/")
    url = site + practice.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": practice.title,
        "description": practice.summary,
        "inLanguage": "nl-BE",
        "license": settings.OPEN_DATA_LICENCE_URL,
        "isPartOf": {
            "@type": "Dataset",
            "@id": site + "/open-data/#dataset",
            "name": "Databank Sociale Samenhang",
        },
        "publisher": {"@type": "Organization", "name": settings.OPEN_DATA_PUBLISHER},
    }
    if practice.category_id:
        data["genre"] = practice.category.name
    if practice.published_at:
        data["datePublished"] = timezone.localdate(practice.published_at).isoformat()
    if practice.content_changed_at:
        data["dateModified"] = timezone.localdate(practice.content_changed_at).isoformat()
    keywords = [tag.name for tag in practice.tags.all()]
    keywords += [domain.name for domain in practice.policy_domains.all()]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    audiences = [group.name for group in practice.target_groups.all()]
    if audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": name} for name in audiences]
    places = [_place(location) for location in practice.locations.all()]
    if places:
        data["spatialCoverage"] = places
    organisations = [
        {
            "@type": "Organization",
            "name": organisation.name,
            "url": site + organisation.get_absolute_url(),
        }
        for organisation in practice.organisations.all()
    ]
    if organisations:
        data["contributor"] = organisations
    if practice.image:
        data["image"] = site + practice.image.url
    if practice.life_label:
        # Whether the practice still runs: 'Loopt', 'Afgelopen in 2022', 'Gestopt in 2021'.
        data["creativeWorkStatus"] = practice.life_label
    _add_start_facts(data, practice, site)
    return data


def _add_start_facts(data, practice, site):
    """'Aan de slag': a sheet that says what it takes is also a HowTo with its estimated cost
    (as stated, or the band); its materials are its parts (links and files)."""
    parts = [
        {"@type": "DigitalDocument", "name": title, "url": url}
        for title, url in practice.material_links
    ]
    for material in practice.material_files.all():
        part = {"@type": "DigitalDocument", "name": material.title}
        if material.file:
            part["url"] = site + material.file.url
            part["encodingFormat"] = MEDIA_TYPES[material.kind]
            part["contentSize"] = material.size_label
        else:
            part["url"] = material.url
        parts.append(part)
    if parts:
        data["hasPart"] = parts
    cost = practice.cost_amount
    if not cost and practice.cost_band != practice.CostBand.UNKNOWN:
        cost = practice.get_cost_band_display()
    if cost:
        data["@type"] = ["CreativeWork", "HowTo"]
        data["estimatedCost"] = cost


def _place(location):
    municipality = location.municipality
    place = {"@type": "Place", "name": municipality.name if municipality else location.area_label}
    if municipality and municipality.nis_code:
        place["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "NIS-code",
            "value": municipality.nis_code,
        }
        place["address"] = {
            "@type": "PostalAddress",
            "addressLocality": municipality.name,
            "addressCountry": municipality.country,
        }
    return place


def json_ld(data):
    """A <script type="application/ld+json"> element, escaped like Django's json_script."""
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
