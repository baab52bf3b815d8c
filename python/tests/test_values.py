"""Values crossing between Python and a Catapult session, both ways."""
import numpy as np
import pytest

import catapult


def test_scalars_and_containers(session):
    assert session.eval("1 + 2") == 3 and isinstance(session.eval("1 + 2"), int)
    assert session.eval("0.5") == 0.5
    assert session.eval('[1, "a", true, none]') == [1, "a", True, None]
    assert session.eval("{lr: 0.5, widths: [64, 128]}") == {"lr": 0.5, "widths": [64, 128]}
    assert list(session.eval("{b: 1, a: 2}")) == ["b", "a"], "record field order is kept"
    assert session.eval("0..3") == [0, 1, 2, 3]


def test_float32_tensor_comes_back_as_float32_array_with_shape(session):
    x = session.eval("randn(3, 4, seed: 1)")
    assert isinstance(x, np.ndarray) and x.dtype == np.float32 and x.shape == (3, 4)
    assert x.flags.writeable
    first_row = session.eval("randn(3, 4, seed: 1)[0]")
    np.testing.assert_array_equal(x[0], first_row)


def test_transposed_view_comes_back_in_row_major_order(session):
    t = session.eval("tensor([[1, 2, 3], [4, 5, 6]]).T")
    np.testing.assert_array_equal(t, np.array([[1, 4], [2, 5], [3, 6]], dtype=np.float32))


def test_float64_tensor_keeps_its_dtype(session):
    session.eval("precision(64)")
    try:
        y = session.eval("tensor([[1, 2], [3, 4]]) / 3")
        assert y.dtype == np.float64
        np.testing.assert_allclose(y, np.array([[1, 2], [3, 4]]) / 3, rtol=1e-15)
        session.set("p", np.ones(2, dtype=np.float32))
        assert session.eval("p.dtype") == "double", "arrays going in take the session's precision"
    finally:
        session.eval("precision(32)")


def test_numpy_arrays_go_in_as_tensors_in_session_precision(session):
    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    session.set("a", a)
    assert session.eval("a.shape") == [3, 4]
    assert session.eval("a.dtype") == "float"
    np.testing.assert_array_equal(session.eval("a * 2"), a * 2)
    session.set("b", np.arange(6, dtype=np.int64).reshape(2, 3))
    np.testing.assert_array_equal(session.eval("b + 0"), np.arange(6, dtype=np.float32).reshape(2, 3))
    session.set("c", np.asfortranarray(np.arange(6.0).reshape(2, 3)))
    np.testing.assert_array_equal(session.eval("c[1]"), np.array([3, 4, 5], dtype=np.float32))


def test_large_array_round_trip_is_exact(session):
    big = np.random.default_rng(0).standard_normal((500, 400)).astype(np.float32)
    session.set("big", big)
    back = session.get("big")
    assert back.dtype == np.float32 and back.shape == big.shape
    np.testing.assert_array_equal(back, big)


def test_dicts_lists_and_none_go_in(session):
    session.set("cfg", {"lr": 0.1, "tags": ["a", "b"], "on": True, "nothing": None})
    assert session.eval("cfg.lr * 10") == 1
    assert session.eval("len(cfg.tags)") == 2
    assert session.eval("cfg.nothing") is None
    with pytest.raises(TypeError, match="record keys must be strings"):
        session.set("bad", {1: 2})
    with pytest.raises(TypeError, match="cannot pass a object"):
        session.set("bad", object.__new__(object))


def test_tables_become_catapult_tables(session):
    t = session.eval('table([{lr: 0.1, model: "net", loss: 0.3}, {lr: 0.5, model: "lin", loss: none}])')
    assert isinstance(t, catapult.Table)
    assert t.columns == ["lr", "model", "loss"] and len(t) == 2
    assert t[0] == {"lr": 0.1, "model": "net", "loss": 0.3}
    np.testing.assert_array_equal(t["lr"], [0.1, 0.5])
    assert np.isnan(t["loss"][1])
    assert t["model"] == ["net", "lin"]
    html = t._repr_html_()
    assert "<th>model</th>" in html and ">0.1</td>" in html
    frame = t.to_pandas()
    assert list(frame.columns) == ["lr", "model", "loss"] and frame["model"].tolist() == ["net", "lin"]


def test_a_data_frame_goes_in_as_a_table(session):
    pandas = pytest.importorskip("pandas")
    session.set("df", pandas.DataFrame({"width": [64, 128], "name": ["a", "b"]}))
    assert session.eval('df.col("width")') == [64, 128]
    assert session.eval("df.n") == 2
    back = session.get("df")
    assert isinstance(back, catapult.Table) and back.columns == ["width", "name"]


def test_python_functions_are_callable_from_catapult(session):
    session.set("double", lambda x: 2 * x)
    assert session.eval("map([1, 2, 3], double)") == [2, 4, 6]
    session.set("target", lambda x: float(x[0]) * 3.0)
    data = session.eval("regress(tensor([[1], [2]]), target)")
    np.testing.assert_allclose(data.y.ravel(), [3.0, 6.0])


def test_a_python_exception_in_a_callback_is_a_catapult_error_at_the_call(session):
    def broken(x):
        raise ValueError("no good")
    session.set("broken", broken)
    with pytest.raises(catapult.CatapultError) as e:
        session.eval("map([1], broken)", "cb.cat")
    assert e.value.file == "cb.cat" and "ValueError: no good" in e.value.message


def test_call_builtins_and_functions_with_keywords(session):
    session.eval("fn scale(a, b = 2) = a * b")
    assert session.call("scale", 3) == 6
    assert session.call("scale", 3, b=10) == 30
    scale = session.get("scale")
    assert isinstance(scale, catapult.Handle) and scale(4, b=3) == 12
    x = session.call("randn", 2, 3, seed=0)
    assert x.shape == (2, 3)
    with pytest.raises(catapult.CatapultError, match="no function named 'nothing_here'"):
        session.call("nothing_here")


def test_get_set_and_item_access(session):
    session["w"] = 7
    assert session["w"] == 7 and "w" in session and "w" in session.globals()
    with pytest.raises(catapult.CatapultError, match="no global named 'missing'"):
        session.get("missing")
