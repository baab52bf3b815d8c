"""Progress of a long train: a line redrawn in place on a terminal, erased when the run ends."""
import io
import sys


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_train_progress_is_drawn_and_erased_on_a_terminal(session, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    session.eval("""
arch ptiny(width = 16) {
  let x = input(1)
  output(dense(relu(dense(x, width)), 1))
}
let pdata = mixture(16, d: 1, means: [-2, 2], std: 1, labels: [-1, 1], seed: 0)
train(init(ptiny(), seed: 0), pdata, gd(0.01), steps: 300, loss: "half_sse")""")
    drawn = terminal.getvalue()
    assert "\rtrain " in drawn and "300/300" in drawn, drawn
    assert drawn.endswith("\r") and drawn.rstrip("\r").endswith(" "), "the line is erased at the end"


def test_no_progress_when_stderr_is_not_a_terminal(session, monkeypatch):
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stderr", plain)
    session.eval('train(init(ptiny(), seed: 0), pdata, gd(0.01), steps: 50, loss: "half_sse")')
    assert plain.getvalue() == ""
