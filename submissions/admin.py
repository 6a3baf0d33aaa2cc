from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django_tasks_db.models import DBTaskResult

from practices.models import Practice
from submissions import accounts_admin, services
from submissions.admin_parts import (
    REGISTER_LIST,
    SHEET_FACTS,
    AssignedFilter,
    LinkInline,
    LogInline,
    OpenFilter,
    PlaceInline,
    item_list,
    material_link,
    register_options,
)
from submissions.differences import differences
from submissions.models import Submission
from submissions.proposals import apply_proposal


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    # Compact columns: the queue fits a 1280 px screen beside the menu and the filters.
    list_display = [
        "reference",
        "kind_and_status",
        "subject",
        "sent_by",
        "assigned_to",
        "submitted_on",
    ]
    list_filter = [OpenFilter, "status", "kind", "from_owner", ("assigned_to", AssignedFilter)]
    show_facets = admin.ShowFacets.ALWAYS
    list_select_related = ["practice", "assigned_to"]
    search_fields = ["reference", "title", "message", "submitter_organisation", "submitter_email"]
    date_hierarchy = "created_at"
    actions = ["assign_to_me", "start_review", "accept", "mark_spam"]
    inlines = [PlaceInline, LinkInline, LogInline]
    change_form_template = "admin/submissions/submission/change_form.html"
    save_on_top = True  # the decision buttons, at the top too (change_form.html)
    readonly_fields = [
        "reference",
        "kind",
        "from_owner",
        "status",
        "practice_link",
        "current_sheet",
        "changes",
        "similar_practices",
        "title",
        "summary",
        "description",
        "category",
        "goals_list",
        "success_factors_list",
        "challenges_list",
        "target_groups",
        "policy_domains",
        "actions",
        "message",
        "photo_preview",
        "photo_alt",
        "photo_credit",
        *SHEET_FACTS,
        "submitter_name",
        "submitter_organisation",
        "submitter_email",
        "submitter_phone",
        "created_at",
        "decided_at",
        "mail_problem",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "reference",
                    ("kind", "from_owner"),
                    "status",
                    "practice_link",
                    "created_at",
                ]
            },
        ),
        ("Behandeling", {"fields": ["assigned_to", "internal_notes", "decline_reason"]}),
        (
            "Voorstel",
            {"fields": ["current_sheet", "changes", "message"], "classes": ["change-only"]},
        ),
        ("Lijkt op", {"fields": ["similar_practices"]}),
        (
            "De fiche zoals ingediend",
            {
                "fields": [
                    "title",
                    "summary",
                    "description",
                    "category",
                    "goals_list",
                    "target_groups",
                    "success_factors_list",
                    "challenges_list",
                    "policy_domains",
                    "actions",
                ]
            },
        ),
        ("Foto", {"fields": ["photo_preview", "photo_alt", "photo_credit"]}),
        ("Aan de slag en looptijd, zoals ingediend", {"fields": SHEET_FACTS}),
        (
            "Indiener",
            {
                "fields": [
                    "submitter_name",
                    "submitter_organisation",
                    "submitter_email",
                    "submitter_phone",
                ]
            },
        ),
        ("Opvolging", {"fields": ["decided_at", "mail_problem"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj and obj.kind == Submission.Kind.NEW_PRACTICE:
            return [fs for fs in fieldsets if fs[0] != "Voorstel"]
        if obj and obj.title:
            # A new practice filed as a change: the proposal is the sheet as submitted.
            return [fs for fs in fieldsets if fs[0] != "Lijkt op"]
        if obj:
            return [fs for fs in fieldsets if fs[0] not in ("De fiche zoals ingediend", "Lijkt op")]
        return fieldsets

    def has_add_permission(self, request):
        return False  # submissions come in through the public forms

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The names the place boxes suggest, once per page (a <datalist>).
        extra_context = {
            **(extra_context or {}),
            "register_list": REGISTER_LIST,
            "register_options": register_options(),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def has_delete_permission(self, request, obj=None):
        # Nothing a user submitted is lost, nor the log of what editors did with it: spam and
        # old personal data go through `manage.py purge_submitters` instead.
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A plain list of the (few) editors: labelled and usable with the keyboard, where the
        # autocomplete widget has no accessible name while it is empty.
        if db_field.name == "assigned_to":
            kwargs["queryset"] = db_field.related_model.objects.filter(
                is_staff=True, is_active=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="over")
    def subject(self, obj):
        text = obj.title if obj.kind == Submission.Kind.NEW_PRACTICE else str(obj.practice)
        return Truncator(text).chars(50)

    @admin.display(description="materiaal (links)")
    def materials_list(self, obj):
        return item_list(obj.materials)

    @admin.display(description="materiaal (bestand)")
    def material_download(self, obj):
        return material_link(obj)

    @admin.display(description="doelen")
    def goals_list(self, obj):
        return item_list(obj.goals)

    @admin.display(description="succesfactoren")
    def success_factors_list(self, obj):
        return item_list(obj.success_factors)

    @admin.display(description="uitdagingen")
    def challenges_list(self, obj):
        return item_list(obj.challenges)

    @admin.display(description="praktijk")
    def practice_link(self, obj):
        if not obj.practice_id:
            return "–"
        url = reverse("admin:practices_practice_change", args=[obj.practice_id])
        return format_html('<a href="{}">{}</a>', url, obj.practice)

    @admin.display(description="soort en status", ordering="status")
    def kind_and_status(self, obj):
        """Kind and status, and a warning when a mail about it could not be sent."""
        warning = format_html('<br><strong class="mail-problem">{}</strong>', "e-mail mislukt")
        return format_html(
            "{}{}<br>{}{}",
            obj.get_kind_display(),
            " (van de eigenaar)" if obj.from_owner else "",
            obj.get_status_display(),
            warning if obj.mail_problem else "",
        )

    @admin.display(description="van", ordering="submitter_organisation")
    def sent_by(self, obj):
        return obj.submitter_organisation

    @admin.display(description="ingediend", ordering="created_at")
    def submitted_on(self, obj):
        return date_format(timezone.localtime(obj.created_at), "d-m-Y")

    @admin.display(description="de fiche nu")
    def current_sheet(self, obj):
        """The current sheet beside the suggestion (escaped by the template)."""
        if not obj.practice_id:
            return "–"
        return render_to_string("admin/submissions/_current_sheet.html", {"practice": obj.practice})

    @admin.display(description="wat het voorstel verandert")
    def changes(self, obj):
        """Part by part, the sheet now and the proposal (struck words go, marked words come),
        each with a box to take it over while the suggestion is open."""
        found = differences(obj)
        if not found:
            return (
                "Het voorstel is een vrije tekst (hieronder) of verandert geen tekst van de fiche."
            )
        return render_to_string(
            "admin/submissions/_proposal.html",
            {"differences": found, "can_apply": obj.status in services.OPEN},
        )

    @admin.display(description="bestaande praktijken die erop lijken")
    def similar_practices(self, obj):
        """The duplicate check: each similar practice with a button to file this as a change."""
        if not obj.pk:
            return "–"
        similar = list(services.similar_to_submission(obj))
        if not similar:
            return "Geen gelijkaardige praktijken gevonden."
        can_file = obj.status in (Submission.Status.NEW, Submission.Status.IN_REVIEW)
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a> ({}){}</li>',
            (
                (
                    reverse("admin:practices_practice_change", args=[practice.pk]),
                    practice.title,
                    practice.get_status_display().lower(),
                    format_html(
                        ' <button type="submit" name="_file_as_change" value="{}">'
                        "Behandel als wijziging van deze fiche</button>",
                        practice.pk,
                    )
                    if can_file
                    else "",
                )
                for practice in similar
            ),
        )
        return format_html('<ul class="similar-practices">{}</ul>', rows)

    @admin.display(description="foto")
    def photo_preview(self, obj):
        if not obj.photo:
            return "–"
        return format_html(
            # A width attribute, not an inline style (which the CSP blocks).
            '<img src="{}" alt="{}" width="384">',
            obj.photo.url,
            obj.photo_alt,
        )

    # Moderation: every step is a service, reported back to the editor.

    def _each(self, request, queryset, step, done):
        succeeded = 0
        for submission in queryset:
            try:
                step(submission=submission, editor=request.user)
                succeeded += 1
            except services.TransitionError as error:
                self.message_user(request, str(error), messages.WARNING)
        if succeeded:
            counted = "1 inzending" if succeeded == 1 else f"{succeeded} inzendingen"
            self.message_user(request, f"{counted} {done}.", messages.SUCCESS)

    @admin.action(description="Aan mij toewijzen", permissions=["change"])
    def assign_to_me(self, request, queryset):
        self._each(request, queryset, services.assign_submission, "aan jou toegewezen")

    @admin.action(description="In behandeling nemen", permissions=["change"])
    def start_review(self, request, queryset):
        self._each(request, queryset, services.start_review, "in behandeling genomen")

    @admin.action(description="Aanvaarden (maakt een conceptfiche)", permissions=["change"])
    def accept(self, request, queryset):
        self._each(request, queryset, services.accept_submission, "aanvaard")

    @admin.action(description="Als spam markeren", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._each(request, queryset, services.mark_spam, "als spam gemarkeerd")

    def response_change(self, request, obj):
        """The Accept and Decline buttons on the form (after the notes are saved)."""
        try:
            if "_apply" in request.POST:
                parts = request.POST.getlist("_apply_part")
                practice = apply_proposal(submission=obj, editor=request.user, parts=parts)
                self.message_user(
                    request,
                    f"Toegepast op ‘{practice}’ en aanvaard; de geschiedenis van de fiche toont "
                    "het voorstel. De indiener krijgt een mail met de link naar de fiche.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:practices_practice_history", args=[practice.pk])
                )
            if "_accept" in request.POST:
                practice = services.accept_submission(submission=obj, editor=request.user)
                self.message_user(request, accepted_message(obj, practice), messages.SUCCESS)
                if practice:
                    return HttpResponseRedirect(
                        reverse("admin:practices_practice_change", args=[practice.pk])
                    )
                return HttpResponseRedirect(request.path)
            if "_file_as_change" in request.POST:
                chosen = request.POST["_file_as_change"]
                practice = (
                    Practice.objects.filter(pk=int(chosen)).first() if chosen.isdigit() else None
                )
                if practice is None:
                    raise services.TransitionError("Die praktijk bestaat niet (meer).")
                services.file_as_change(submission=obj, practice=practice, editor=request.user)
                self.message_user(
                    request,
                    f"Behandeld als wijziging van ‘{practice}’: de fiche staat nu naast het "
                    "voorstel.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(request.path)
            if "_decline" in request.POST:
                services.decline_submission(
                    submission=obj, editor=request.user, reason=obj.decline_reason
                )
                self.message_user(
                    request, "Afgewezen; de indiener ziet de reden.", messages.SUCCESS
                )
                return HttpResponseRedirect(request.path)
        except services.TransitionError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def save_model(self, request, obj, form, change):
        # Only the editors' own fields are saved here; a decline goes through the service,
        # which sets the status (see response_change).
        obj.save(update_fields=["assigned_to", "internal_notes", "decline_reason"])


def accepted_message(submission, practice):
    if submission.kind == Submission.Kind.NEW_PRACTICE:
        return f"Aanvaard. Kijk de conceptfiche ‘{practice}’ na en publiceer ze."
    if practice is None:
        return "Aanvaard. De fiche waarover het voorstel ging, bestaat niet meer."
    return (
        f"Aanvaard. De fiche ‘{practice}’ is niet veranderd: pas het voorstel toe met de "
        "vakjes bij ‘wat het voorstel verandert’, of werk de fiche zelf bij."
    )


__all__ = ["accounts_admin"]  # registers users and groups with Dutch permission names


# The mail queue's own admin is in English and shows tracebacks that quote addresses; a mail
# that fails is shown on its submission ("probleem met e-mail") instead.
admin.site.unregister(DBTaskResult)
