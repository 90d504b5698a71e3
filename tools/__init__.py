"""Maintainer tooling (not installed with aelib): the benchmark, the figure regenerator, the shipped model's trainer."""
