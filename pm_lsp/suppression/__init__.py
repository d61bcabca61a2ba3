"""Suppression comments: reading directives, and placing new ones."""
