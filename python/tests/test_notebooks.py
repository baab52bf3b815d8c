"""The example notebooks, executed by nbclient against real kernels: the `catapult` kernel
(installed with `./catapult jupyter install`) and the `python3` kernel with the magics."""
import os
import subprocess

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def _execute(path, kernel_name, cwd):
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name=kernel_name, timeout=600, startup_timeout=180,
                                     resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return notebook


def _outputs(cell, output_type):
    return [o for o in cell.outputs if o.output_type == output_type]


def _cell(notebook, starting_with):
    return next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith(starting_with))


def _check_rich_outputs(nb, plot_cell, table_cell, error_cell, after_cell):
    image = _outputs(_cell(nb, plot_cell), "execute_result")[0]
    assert image.data["image/png"].startswith("iVBORw0KGgo"), "plot shows inline as a PNG"
    table = _outputs(_cell(nb, table_cell), "execute_result")[0]
    assert "<table" in table.data["text/html"] and "</th>" in table.data["text/html"]
    error = _outputs(_cell(nb, error_cell), "error")[0]
    assert len(error.traceback) == 3, "the positioned message, the source line and the caret, no stack"
    return error, _outputs(_cell(nb, after_cell), "execute_result")[0].data["text/plain"]


@pytest.fixture(scope="module")
def kernelspec(repo, tmp_path_factory):
    """`./catapult jupyter install --prefix DIR`, and JUPYTER_PATH pointing there."""
    prefix = tmp_path_factory.mktemp("prefix")
    install = subprocess.run([str(repo / "catapult"), "jupyter", "install", "--prefix", str(prefix)],
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    assert (prefix / "share" / "jupyter" / "kernels" / "catapult" / "kernel.json").is_file()
    saved = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
    yield prefix
    if saved is None:
        del os.environ["JUPYTER_PATH"]
    else:
        os.environ["JUPYTER_PATH"] = saved


def test_catapult_kernel_notebook(repo, tmp_path, kernelspec):
    nb = _execute(repo / "examples" / "catapult_kernel.ipynb", "catapult", tmp_path)
    assert "critical learning rate" in _outputs(nb.cells[1], "stream")[0].text
    progress = _outputs(_cell(nb, "let run = train("), "display_data")
    assert progress and progress[-1].data["text/plain"].startswith("train 60/60"), "progress line, updated to the end"
    error, after = _check_rich_outputs(nb, "plot(", "sweep(", "eta_typo", "eta > 0")
    count = _cell(nb, "eta_typo").execution_count
    assert error.traceback[0].startswith(f"cell[{count}]:1:1: unknown name 'eta_typo'"), "named like its In[N]"
    assert error.traceback[2] == "^^^^^^^^"
    assert after == "true", "state survives the error"


def test_python_magics_notebook(repo, tmp_path, monkeypatch):
    paths = [str(repo / "python")] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))
    nb = _execute(repo / "examples" / "python_magics.ipynb", "python3", tmp_path)
    progress = _outputs(_cell(nb, "%%catapult -i X"), "display_data")
    assert progress and progress[-1].data["text/plain"].startswith("train 100/100"), "progress line, updated to the end"
    assert _outputs(_cell(nb, "losses.dtype"), "execute_result")[0].data["text/plain"] == \
        "(dtype('float64'), (101,), True)"
    error, after = _check_rich_outputs(nb, "%catapult plot(", "%catapult table(", "%catapult losses_typo", "%catapult len(")
    assert error.ename == "CatapultError"
    count = _cell(nb, "%catapult losses_typo").execution_count
    assert error.traceback[0].startswith(f"cell[{count}]:1:1: unknown name 'losses_typo'"), error.traceback
    assert after == "101", "state survives the error"
    assert _outputs(_cell(nb, "s = catapult_session()"), "execute_result")[0].data["text/plain"] == "(100, (101,))"


def test_catapult_kernel_interrupt_complete_inspect(kernelspec):
    """Protocol requests a notebook front end sends: interrupt_request, complete, inspect."""
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name="catapult", startup_timeout=180)
    try:
        loop = kc.execute("let i = 0\nwhile true { i = i + 1 }")
        _wait_for(kc, loop, lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "busy")
        km.interrupt_kernel()
        error = _wait_for(kc, loop, lambda m: m["msg_type"] == "error")
        assert error["content"]["ename"] == "Interrupted" and error["content"]["traceback"][0].endswith("interrupted")
        reply = kc.execute_interactive("i > 0", timeout=120)
        assert reply["content"]["status"] == "ok"
        completion = kc.complete("let w = dens", 12, reply=True, timeout=60)["content"]
        assert "dense" in completion["matches"] and completion["cursor_start"] == 8
        help_text = kc.inspect("dense(", 6, reply=True, timeout=60)["content"]["data"]["text/plain"]
        assert help_text.startswith("dense(src, units")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _wait_for(kc, msg_id, matches, timeout=120):
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") == msg_id and matches(m):
            return m
