"""An ordered list of short texts (goals, success factors, ...), edited one item per line."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

# Bullets people paste from Word or a PDF along with the items.
BULLETS = "•◦▪‣·-*–"
MAX_ITEMS = 30
MAX_ITEM_LENGTH = 600


class LinesFormField(forms.CharField):
    """A textarea in which every non-empty line becomes one item of the list."""

    widget = forms.Textarea(attrs={"rows": 6, "cols": 80, "class": "vLargeTextField"})
    default_help_text = "Eén punt per regel; de volgorde blijft bewaard."

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        # JSONField.formfield() passes encoder/decoder; a list of lines needs neither.
        kwargs.setdefault("help_text", self.default_help_text)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def has_changed(self, initial, data):
        """Compare the items, not the text: pasted bullets or blank lines change nothing."""
        try:
            return self.to_python(initial or []) != self.to_python(data or "")
        except ValidationError:
            return True

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        text = super().to_python(value)
        items = [line.strip().lstrip(BULLETS).strip() for line in text.splitlines()]
        return [item for item in items if item]

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(value) > MAX_ITEMS:
            raise ValidationError(
                f"Geef hoogstens {MAX_ITEMS} punten op (nu {len(value)}).", code="max_items"
            )
        for number, item in enumerate(value, start=1):
            if len(item) > MAX_ITEM_LENGTH:
                raise ValidationError(
                    f"Punt {number} is te lang: hoogstens {MAX_ITEM_LENGTH} tekens "
                    f"(nu {len(item)}).",
                    code="max_item_length",
                )


class TextListField(models.JSONField):
    """A JSON array of strings, kept in order; forms show it as one item per line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": LinesFormField, **kwargs})

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError("Dit moet een lijst van teksten zijn.", code="invalid_list")
