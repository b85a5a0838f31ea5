"""Filter simulation speed: every action x sensitivity combination of a profile on the demo case and on
a synthetic 2,000-sample case (figures printed, never asserted). Run: python bench/filter_simulate.py"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from wizard.core.analyze import analyze_paths
from wizard.core.blocksuggest import suggest_block
from wizard.core.filtersim import SimSample, simulate, simulate_all
from wizard.core.profiles import get_profile, load_catalog

DEMO = Path(__file__).resolve().parent.parent / "resources" / "samples" / "demo"


def main() -> None:
    t0 = time.perf_counter()
    catalog = load_catalog()
    print(f"load {len(catalog.profiles)} profiles: {(time.perf_counter() - t0) * 1000:.1f} ms")
    batch = analyze_paths(sorted(DEMO.glob("spam_*.eml")) + sorted(DEMO.glob("good_*.eml")))
    samples = [SimSample(a, "good" if "good_" in a.source else "spam") for a in batch.messages]
    profile = get_profile("hosting_provider")
    t0 = time.perf_counter()
    suggestion = suggest_block([s.analysis for s in samples if s.kind == "spam"],
                               [s.analysis for s in samples if s.kind == "good"])
    print(f"block suggestion (first call, loads the public suffix list): "
          f"{(time.perf_counter() - t0) * 1000:.1f} ms -> {', '.join(suggestion.patterns)}")
    t0 = time.perf_counter()
    grid = simulate_all(samples, profile, suggestion.patterns)
    print(f"demo case, {len(samples)} samples x {len(grid)} combinations: "
          f"{(time.perf_counter() - t0) * 1000:.1f} ms")
    many = [SimSample(replace(s.analysis, source=f"{s.analysis.source}-{i}"), s.kind)
            for i in range(250) for s in samples]
    t0 = time.perf_counter()
    simulate(many, profile, suggestion.patterns, "folder")
    elapsed = time.perf_counter() - t0
    print(f"{len(many)} samples, one combination: {elapsed * 1000:.1f} ms ({len(many) / elapsed:,.0f} samples/s)")


if __name__ == "__main__":
    main()
