"""The built-in templates, installed as the package ``assistant.builtin_templates``.

This file only makes the folder importable so ``importlib.resources`` finds
the ``*.md`` templates both in a wheel and in an editable install.
"""
