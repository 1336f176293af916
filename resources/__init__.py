"""Icons, translations and desktop files, installed as ``assistant.resources``.

This file only makes the folder importable so ``importlib.resources`` finds
the files both in a wheel and in an editable install.
"""
