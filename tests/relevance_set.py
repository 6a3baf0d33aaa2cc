"""The relevance set of the search: Dutch queries a municipal worker would type, built from
the seed sheets (fixtures/databank.json), each with the practices that must come first.

Most queries use another form of a word than the sheets do (a plural, a diminutive, a part or
a longer compound), because that is where a search by exact words fails. Run by
tests/postgres/test_relevance.py and measured by benchmarks/relevance.py (precision at 3).
"""

# (query, slugs of the practices that must come first, in any order)
RELEVANCE_SET = [
    # Plurals and singulars
    ("jeugdhuizen", {"chillambas"}),
    ("jeugdhuis", {"chillambas"}),
    ("buurthuizen", {"pleinmaker-hof-ten-rode-en-buurtpunt-de-nestel"}),
    ("bibliotheken", {"bibambassadeurs"}),
    ("vluchteling", {"curant-cohousing-project"}),
    ("nieuwkomer", {"samen-inburgeren"}),
    ("verbindingsambtenaren", {"verbindingsambtenaar-sint-niklaas"}),
    ("omstaander", {"omstaandertraining"}),
    ("scholenwandeling", {"scholenwandelingen-gent"}),
    ("correspondentietest", {"correspondentietesten-huurmarkt"}),
    ("bondgenoot", {"bondgenotenmethodiek"}),
    ("gemeenschapscentrum", {"superdiverse-leerlingen-in-contact-met-cultuur"}),
    ("jeugdambassadeur", {"chillambas"}),
    ("basisschool", {"religieuze-en-levensbeschouwelijke-diversiteit-genks-basisonderwijs"}),
    ("selectieprocedures", {"12work"}),
    # Diminutives
    (
        "pleintjes",
        {"pleinpatrons", "pleinmakers", "pleinmaker-hof-ten-rode-en-buurtpunt-de-nestel"},
    ),
    ("buurthuisje", {"pleinmaker-hof-ten-rode-en-buurtpunt-de-nestel"}),
    # A word inside a compound, or a compound of the sheets' words
    ("huurmarktdiscriminatie", {"correspondentietesten-huurmarkt"}),
    ("cohousing", {"curant-cohousing-project"}),
    ("pleinmaker", {"pleinmakers", "pleinmaker-hof-ten-rode-en-buurtpunt-de-nestel"}),
    ("omstaandertrainingen", {"omstaandertraining"}),
    ("theaterworkshop", {"second-wave"}),
    ("vrijetijdswerking", {"leuvense-aanpak-jeugdwerk"}),
    ("regenboog", {"regenboogbeleid-amsterdam"}),
    ("vrijetijd", {"leuvense-aanpak-jeugdwerk", "verbindingsambassadeur-lokeren"}),
    ("inburger", {"samen-inburgeren"}),
    ("correspondentie", {"correspondentietesten-huurmarkt"}),
    ("stadsvernieuwing", {"standaertsite"}),
    # Subjects
    ("jongeren en politie", {"second-wave"}),
    ("vertrouwensband politie", {"bondgenotenmethodiek"}),
    ("hoger onderwijs kansengroepen", {"toeleiding-kansengroepen-hogere-studies"}),
    ("open hiring", {"12work"}),
    ("toegankelijkheid", {"antwerpse-aanpak-integrale-toegankelijkheid"}),
    ("tijdelijke invulling", {"allee-du-kaai"}),
    ("overlast in de bibliotheek", {"bibambassadeurs"}),
    ("haatspraak", {"lokaal-actieplan-polarisatie-turnhout-en-halle"}),
    ("desinformatie", {"lokaal-actieplan-polarisatie-turnhout-en-halle"}),
    ("extremisme", {"verbindingsambtenaar-sint-niklaas"}),
    ("radicalisering", {"verbindingsambtenaar-sint-niklaas"}),
    (
        "levensbeschouwelijke diversiteit",
        {"religieuze-en-levensbeschouwelijke-diversiteit-genks-basisonderwijs"},
    ),
    ("talenten van jongeren", {"talim"}),
    ("kleuterparticipatie", {"scholenwandelingen-gent"}),
    ("okan", {"leuvense-aanpak-jeugdwerk"}),
    ("cultuur voor leerlingen", {"superdiverse-leerlingen-in-contact-met-cultuur"}),
    ("stadsidentiteit", {"mensen-maken-de-stad"}),
    ("vooroordelen over de wijk", {"casablanca"}),
    # Places and names the sheets give
    ("Ledeberg", {"standaertsite"}),
    ("Materialenkaai", {"allee-du-kaai"}),
    ("Kessel-Lo", {"casablanca"}),
    ("Winterslag", {"wts-coaches"}),
    ("Bart Brandsma", {"samenwerkingstraject-bart-brandsma"}),
    ("Hof ten Rode", {"pleinmaker-hof-ten-rode-en-buurtpunt-de-nestel"}),
]


def precision_at(k, found, relevant):
    """The share of the first k results that are relevant, out of at most k relevant ones:
    1.0 when the practices that must come first fill the first places."""
    return len(set(found[:k]) & relevant) / min(k, len(relevant))


# Site-wide: the pages besides practices that a query must list under "Ook gevonden", each as
# (kind, the start of its name), found by the words on their own pages (issue 25, item 3).
SITE_SET = [
    # An action's description and goals
    ("klaslokaal", {("Actie", "Oefenkansen Nederlands organiseren")}),
    ("schoolpoort", {("Actie", "Brug leggen naar onderwijs")}),
    # An event's report and venue
    ("selectiecriteria", {("Activiteit", "Studienamiddag sociale cohesie")}),
    ("Kazerne Dossin", {("Activiteit", "Studienamiddag sociale cohesie")}),
    # A session's programme text
    ("ambassadeurswerking", {("Sessie", "Werksessie actie 7:")}),
    ("brugfiguren", {("Sessie", "Werksessie actie 15:"), ("Actie", "Brug leggen naar onderwijs")}),
    # An organisation's description
    ("woonunits", {("Organisatie", "CURANT")}),
    ("universiteit", {("Organisatie", "KU Leuven")}),
    # A person's roles, and the sessions they led
    ("consulent buurtsport", {("Persoon", "Tim Lamon")}),
    ("toxische polarisatie", {("Persoon", "Maarten De Waele")}),
    (
        "oefenkansen",
        {
            ("Actie", "Oefenkansen Nederlands organiseren"),
            ("Sessie", "Werksessie actie 5:"),
            ("Persoon", "Rebecca Johr"),
        },
    ),
    ("correspondentietesten", {("Persoon", "Frank Philips"), ("Persoon", "Dorien De Troy")}),
]


def site_recall(found, expected):
    """The share of the expected pages among those listed: `found` is [(kind, name)]."""
    met = {
        (kind, start)
        for kind, start in expected
        if any(k == kind and name.startswith(start) for k, name in found)
    }
    return len(met) / len(expected)
