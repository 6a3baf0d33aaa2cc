"""Submissions of new practices and suggested changes (the moderation queue: issue 4)."""
