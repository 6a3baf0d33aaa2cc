from django.shortcuts import render


def submit_practice(request):
    """How to get a practice into the databank, until the online form is in place."""
    return render(request, "submissions/submit_practice.html", {"nav": "submit"})
