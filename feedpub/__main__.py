"""`python -m feedpub` runs the command-line interface."""
from .cli import entry

entry()
