"""django-otp's own admin pages for devices are English and show secret keys: a lost phone is
reset with `manage.py reset_second_factor NAME` instead."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
