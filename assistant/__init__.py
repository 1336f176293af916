"""A local, private writing assistant for daily office chores.

The package is layered so that tests and the CLI can use the core without Qt
or llama.cpp: templates, prompt assembly, settings and model discovery are
plain Python; ``assistant.backend.llama`` is the only module that imports
``llama_cpp`` and ``assistant.gui`` the only package that imports PySide6.
"""

__version__ = "0.1.0"
