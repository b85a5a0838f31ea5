"""Spam Support Wizard: a desktop troubleshooting wizard for spam cases on support calls."""

__version__ = "0.1.0"
