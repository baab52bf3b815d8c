"""Errors: positioned CatapultError, no Java exception chain, and the session survives."""
import pytest

import catapult


def test_unknown_name_is_positioned(session):
    with pytest.raises(catapult.CatapultError) as e:
        session.eval("let a = 1\nlet y = nope + 1", "exp.cat")
    err = e.value
    assert (err.file, err.line, err.column) == ("exp.cat", 2, 9)
    assert err.kind == "ResolveError" and err.message.startswith("unknown name 'nope'")
    assert str(err).splitlines() == ["exp.cat:2:9: " + err.message, "let y = nope + 1", "        ^^^^"]
    assert err.__cause__ is None and err.__suppress_context__


def test_syntax_error(session):
    with pytest.raises(catapult.CatapultError) as e:
        session.eval("let x = (1 +\n", "syn.cat")
    assert e.value.kind == "SyntaxError" and e.value.file == "syn.cat" and e.value.line == 1


def test_runtime_error_then_state_survives(session):
    session.eval("let kept = 5")
    with pytest.raises(catapult.CatapultError) as e:
        session.eval('tensor([1, 2]) + tensor([1, 2, 3])')
    assert e.value.line == 1
    assert session.eval("kept") == 5


def test_missing_file(session, tmp_path):
    with pytest.raises(catapult.CatapultError, match="no such file"):
        session.run(tmp_path / "absent.cat")
