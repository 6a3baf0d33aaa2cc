"""The editors see how many follow which search; an address only with its own permission."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.html import format_html

from alerts.models import Subscription

EMAIL_PERMISSION = "alerts.view_subscriber_email"


class ConfirmedFilter(admin.SimpleListFilter):
    title = "stand"
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return [("actief", "Actief"), ("onbevestigd", "Nog niet bevestigd")]

    def queryset(self, request, queryset):
        if self.value() == "actief":
            return queryset.confirmed()
        if self.value() == "onbevestigd":
            return queryset.pending()
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["description", "frequency", "state", "created_at", "last_sent_at"]
    list_filter = [ConfirmedFilter, "frequency"]
    show_facets = admin.ShowFacets.ALWAYS
    date_hierarchy = "created_at"
    fields = [
        "email",
        "description",
        "search_link",
        "frequency",
        "created_at",
        "requested_at",
        "confirmed_at",
        "checked_until",
        "last_sent_at",
    ]
    readonly_fields = fields
    search_fields = ["description"]
    change_list_template = "admin/alerts/subscription/change_list.html"

    @staticmethod
    def may_see_addresses(request):
        return request.user.has_perm(EMAIL_PERMISSION)

    def get_list_display(self, request):
        if self.may_see_addresses(request):
            return ["email", *self.list_display]
        return self.list_display

    def get_search_fields(self, request):
        if self.may_see_addresses(request):
            return ["email", *self.search_fields]
        return self.search_fields

    def get_fields(self, request, obj=None):
        if self.may_see_addresses(request):
            return self.fields
        return [f for f in self.fields if f != "email"]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request):
        return False  # only the subscriber subscribes (double opt-in)

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="stand")
    def state(self, subscription):
        return subscription.status_label

    @admin.display(description="zoekresultaten")
    def search_link(self, subscription):
        return format_html('<a href="{0}">{0}</a>', subscription.search_url())

    def changelist_view(self, request, extra_context=None):
        """Above the list: how many are active, and the searches most followed."""
        totals = Subscription.objects.aggregate(
            active=Count("pk", filter=Q(confirmed_at__isnull=False)),
            pending=Count("pk", filter=Q(confirmed_at__isnull=True)),
            daily=Count("pk", filter=Q(confirmed_at__isnull=False, frequency="dagelijks")),
            weekly=Count("pk", filter=Q(confirmed_at__isnull=False, frequency="wekelijks")),
        )
        followed = (
            Subscription.objects.confirmed()
            .values("search", "description")
            .annotate(subscribers=Count("pk"))
            .order_by("-subscribers", "description")[:15]
        )
        extra_context = {**(extra_context or {}), "totals": totals, "followed": followed}
        return super().changelist_view(request, extra_context)
