"""A visitor's question about a sheet that names no contact: "Stel je vraag via de redactie".

The question is kept only until the worker has mailed it to the editors (with the asker as
Reply-To) and a copy to the asker; then its name, address and text are wiped. What stays for a
day is the keyed hash of the sender's internet address, for the rate limit."""

from django.db import models
from django.utils import timezone


class Enquiry(models.Model):
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="enquiries",
        verbose_name="praktijk",
    )
    name = models.CharField("naam", max_length=150)
    email = models.EmailField("e-mail", max_length=254)
    message = models.TextField("vraag", max_length=5000)
    address_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField("gesteld op", auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField("doorgestuurd op", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "vraag aan de redactie"
        verbose_name_plural = "vragen aan de redactie"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=True)
                | (models.Q(name="") & models.Q(email="") & models.Q(message="")),
                name="enquiry_wiped_once_sent",
                violation_error_message="Een doorgestuurde vraag bewaart geen persoonsgegevens.",
            ),
        ]

    def __str__(self):
        return f"Vraag over {self.practice} ({self.created_at:%d-%m-%Y})"

    def forget(self):
        """Both mails are out: wipe who asked and what."""
        Enquiry.objects.filter(pk=self.pk).update(
            name="", email="", message="", sent_at=timezone.now()
        )
