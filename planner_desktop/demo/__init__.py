"""A realistic, deterministic demo municipality for trying the program and for benchmarks."""

from planner_desktop.demo.generator import generate

__all__ = ["generate"]
