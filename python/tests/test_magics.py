"""The IPython magics in a real in-process IPython shell."""
import numpy as np
import pytest

import catapult


@pytest.fixture(scope="module")
def ip():
    from IPython.testing.globalipapp import start_ipython
    shell = start_ipython()
    shell.run_line_magic("load_ext", "catapult")
    return shell


def test_cell_magic_moves_variables_in_and_out(ip):
    ip.user_ns["X"] = np.ones((2, 3), dtype=np.float32)
    result = ip.run_cell("%%catapult -i X -o K,S\nlet K = X * 3\nlet S = K.shape\nS")
    assert result.success and result.result == [2, 3]
    assert ip.user_ns["K"].dtype == np.float32 and ip.user_ns["K"].shape == (2, 3)
    np.testing.assert_array_equal(ip.user_ns["K"], 3 * np.ones((2, 3)))
    assert ip.user_ns["S"] == [2, 3]


def test_line_magic_value_and_shared_session(ip):
    result = ip.run_cell("y = %catapult K[0, 0] + 1\ny")
    assert result.success and result.result == 4
    assert ip.run_cell("%catapult S").result == [2, 3], "all magics share one session"
    assert ip.user_ns["catapult_session"]().get("S") == [2, 3]


def test_plot_and_table_values_display_richly(ip):
    plot = ip.run_cell("%catapult plot([1, 4, 9])").result
    assert isinstance(plot, catapult.Plot)
    for mime in ("image/png", "text/html"):  # a terminal shell starts with only text enabled
        ip.display_formatter.formatters[mime].enabled = True
    png = ip.display_formatter.formatters["image/png"](plot)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    table = ip.run_cell('%catapult table([{a: 1, b: "x"}])').result
    assert "<th>a</th>" in ip.display_formatter.formatters["text/html"](table)


def test_error_is_the_positioned_message_and_state_survives(ip, capsys):
    ip.run_cell("%%catapult\nlet before = 1")
    result = ip.run_cell("%%catapult\nlet z = nope + 1")
    assert isinstance(result.error_in_exec, catapult.CatapultError)
    err = result.error_in_exec
    assert err.line == 1 and err.column == 9 and err.file.startswith("cell[")
    shown = capsys.readouterr()
    text = shown.out + shown.err
    assert "unknown name 'nope'" in text and "^^^^" in text
    assert "Traceback" not in text and "File \"" not in text
    assert ip.run_cell("%catapult before + 1").result == 2


def test_bad_options_and_missing_inputs_are_clear(ip):
    result = ip.run_cell("%%catapult -i not_defined_anywhere\n1")
    assert "no Python variable named 'not_defined_anywhere'" in str(result.error_in_exec)
    result = ip.run_cell("%%catapult --bogus\n1")
    assert "usage: %%catapult" in str(result.error_in_exec)
