import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Ahead of the first request; with gunicorn's preload_app (config/gunicorn.py) once, in the
# process the workers are forked from.
from maps.figures import warm_up  # noqa: E402  (needs the app loaded above)

warm_up()
