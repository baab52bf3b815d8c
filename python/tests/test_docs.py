"""The Python examples of docs/python.md run as written (in order, in one namespace)."""
import re


def test_python_guide_examples_run(repo, capsys):
    text = (repo / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 3
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)
    assert "unknown name 'nope'" in capsys.readouterr().out
    namespace["s"].close()
