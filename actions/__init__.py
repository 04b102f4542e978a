"""vaxbot's custom actions, served by ``rasa run actions --actions actions``.

rasa_sdk registers every ``Action`` subclass in every module of this package; keep each module to one
concern and the actions thin: read the turn, call ``bot``, dispatch.
"""
