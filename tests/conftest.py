"""Suite-wide settings: GUI tests run offscreen, Hypothesis runs without wall-clock deadlines."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests never assert on wall time: a loaded CI machine must not turn slowness into failures.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
settings.load_profile("default")
