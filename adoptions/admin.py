from django.contrib import admin, messages

from adoptions import services
from adoptions.models import Adoption


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["municipality", "practice", "period", "status", "show_contact", "created_at"]
    list_filter = ["status", "show_contact"]
    search_fields = ["practice__title", "municipality__name", "contact_name"]
    list_select_related = ["practice", "municipality"]
    autocomplete_fields = ["practice", "municipality"]
    readonly_fields = ["status", "created_at", "decided_at", "decided_by"]
    actions = ["accept", "decline"]

    @admin.display(description="periode")
    def period(self, obj):
        return obj.period or "–"

    def _decide(self, request, queryset, decide, done):
        count = 0
        for adoption in queryset:
            try:
                decide(adoption=adoption, editor=request.user)
            except services.AlreadyDecided as error:
                self.message_user(request, f"{adoption}: {error}", messages.WARNING)
            else:
                count += 1
        if count:
            word = "toepassing" if count == 1 else "toepassingen"
            self.message_user(request, f"{count} {word} {done}.", messages.SUCCESS)

    @admin.action(description="Aanvaarden: op de fiche bij ‘Ook toegepast in’")
    def accept(self, request, queryset):
        self._decide(request, queryset, services.accept_adoption, "aanvaard")

    @admin.action(description="Afwijzen")
    def decline(self, request, queryset):
        self._decide(request, queryset, services.decline_adoption, "afgewezen")
