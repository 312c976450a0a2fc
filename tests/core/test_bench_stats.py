"""The benchmark scripts' own statistics (bench/ is not a package: loaded by path)."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_feedback_p90_is_never_below_the_median():
    common = load("_feedback_common")
    assert common.nearest_rank([100.0, 200.0], 0.9) == 200.0
    assert common.nearest_rank([5.0], 0.9) == 5.0
    ten = [float(n) for n in range(1, 11)]
    assert common.nearest_rank(ten, 0.9) == 9.0
    calls = iter(range(3))
    result = common.timed(lambda: next(calls), 3)
    assert result["p90_ms"] >= result["median_ms"] and result["p90_ms"] == result["max_ms"]
