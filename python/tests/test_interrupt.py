"""Ctrl-C (SIGINT) during a long evaluation: KeyboardInterrupt, what ran is kept, the session goes on."""
import os
import signal

import pytest

import catapult


def _sigint_on_call(n):
    """A Python predicate for train(until:) that sends this process SIGINT on its n-th call."""
    calls = {"count": 0}

    def until(metrics):
        calls["count"] += 1
        if calls["count"] == n:
            os.kill(os.getpid(), signal.SIGINT)
        return False
    return until


def test_ctrl_c_stops_train_and_keeps_the_partial_run(session):
    session.eval("""
arch tiny(width = 32) {
  let x = input(1)
  output(dense(relu(dense(x, width)), 1))
}
let idata = mixture(16, d: 1, means: [-2, 2], std: 1, labels: [-1, 1], seed: 0)
""")
    session.set("stop_soon", _sigint_on_call(5))
    with pytest.raises(KeyboardInterrupt):
        session.eval('let partial = train(init(tiny(), seed: 0), idata, gd(0.01), steps: 100000000,'
                     ' loss: "half_sse", until: stop_soon)\nlet after = 1')
    assert session.eval("partial.interrupted") is True
    assert 5 <= session.eval("partial.steps") < 100000000
    assert "after" not in session, "the statements after the interrupted one did not run"
    assert session.eval("1 + 1") == 2


def test_ctrl_c_stops_a_plain_loop(session):
    session.set("tick", _sigint_on_call(50))
    with pytest.raises(KeyboardInterrupt):
        session.eval("let n = 0\nwhile true { n = n + 1\n tick(n) }")
    assert session.get("n") >= 50
    assert session.eval("n - n") == 0


def test_interrupt_from_python_code_is_a_catapult_error(session):
    calls = {"n": 0}

    def stop_on_fifth(_):
        calls["n"] += 1
        if calls["n"] == 5:
            session.interrupt()  # as another thread would, while the loop runs
        return 0
    session.set("stop_on_fifth", stop_on_fifth)
    with pytest.raises(catapult.CatapultError, match="interrupted"):
        session.eval("let k = 0\nwhile true { k = k + 1\n stop_on_fifth(k) }")
    assert session.get("k") >= 5 and session.eval("k - k") == 0
