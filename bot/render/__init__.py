"""Turning channel-neutral replies into what a channel kind can show (SMS text, web chat bubbles)."""
