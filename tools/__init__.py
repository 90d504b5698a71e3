"""Maintainer tooling, not installed with aelib; CONTRIBUTING.md lists every tool and its command."""
