"""Training runs, plots and handles through the Python package."""
import numpy as np
import pytest

import catapult

SETUP = """
arch two_layer(width = 64) {
  let x = input(1)
  output(dense(relu(dense(x, width)), 1))
}
let data = mixture(32, d: 1, means: [-2, 2], std: 1, labels: [-1, 1], seed: 0)
let net = init(two_layer(width: 64), seed: 0)
"""


@pytest.fixture(scope="module")
def trained(session):
    session.eval(SETUP)
    run = session.eval('train(copy(net), data, gd(0.01), steps: 20, loss: "half_sse", track: [ntk_eigs(2)], every: 5)')
    return run


def test_run_series_are_numpy_arrays(trained):
    assert isinstance(trained, catapult.Run)
    assert trained.steps == 20 and trained.diverged is False
    assert trained.loss.shape == (21,) and trained.loss[-1] < trained.loss[0]
    assert trained.ntk_eigs.shape == (5, 2)
    np.testing.assert_array_equal(trained.when("ntk_eigs"), [0, 5, 10, 15, 20])
    assert "loss" in trained.series and isinstance(trained.catapults, list)
    assert isinstance(trained.table(), catapult.Table)


def test_handles_read_fields_call_and_go_back(session, trained):
    data = session.get("data")
    assert isinstance(data, catapult.Handle) and data.n == 32
    assert data.x.shape == (32, 1) and data.x.dtype == np.float32
    net = session.get("net")
    out = net(np.array([[0.5], [1.0]], dtype=np.float32))
    assert out.shape == (2, 1)
    assert "dense" in repr(net.summary())
    run = session.call("train", session.call("copy", net), data, session.call("gd", 0.01), steps=3, loss="half_sse")
    assert run.steps == 3
    assert session.call("len", [1, 2, 3]) == 3
    assert trained.model is not None


def test_plots_render_png_for_ipython(session, trained, tmp_path):
    session.set("run", trained)
    p = session.eval('plot(run, title: "loss")')
    assert isinstance(p, catapult.Plot)
    png = p._repr_png_()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000
    assert p.title == "loss" and "loss" in p.series
    assert p.svg().lstrip().startswith("<?xml") or "<svg" in p.svg()
    out = tmp_path / "fig.png"
    p.save(out)
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_print_output_reaches_sys_stdout(session, capsys):
    session.eval('print("hello from catapult")\nprint(1 + 1)')
    assert capsys.readouterr().out == "hello from catapult\n2\n"


def test_run_a_script_file(session, tmp_path):
    script = tmp_path / "s.cat"
    script.write_text("let from_file = 40\nfrom_file + 2\n")
    assert session.run(script) == 42
    assert session.get("from_file") == 40


def test_sessions_are_independent(session):
    other = catapult.Session()
    try:
        other.eval("let only_here = 1")
        assert "only_here" not in session
    finally:
        other.close()
    with pytest.raises(catapult.CatapultError, match="closed"):
        other.eval("1")
