"""In-code documentation: every public callable has a signature and a numpydoc docstring with runnable Examples."""

import inspect

import pytest

import sharply

PUBLIC = [(name, getattr(sharply, name)) for name in sharply.__all__]
FUNCTIONS = [(name, obj) for name, obj in PUBLIC if callable(obj) and not inspect.isclass(obj)]
CLASSES = [(name, obj) for name, obj in PUBLIC if inspect.isclass(obj)]
RETURN_NOTHING = {"set_num_threads"}


def test_all_is_sorted_and_complete():
    assert sharply.__all__ == sorted(sharply.__all__)
    assert len(FUNCTIONS) + len(CLASSES) + 1 == len(PUBLIC)  # + the errors module


@pytest.mark.parametrize("name, function", FUNCTIONS, ids=[name for name, _ in FUNCTIONS])
def test_function_is_documented(name, function):
    signature = inspect.signature(function)
    doc = function.__doc__ or ""
    assert "Examples\n" in doc and ">>> " in doc, f"{name}: no runnable Examples section"
    if signature.parameters:
        assert "Parameters\n" in doc, f"{name}: no Parameters section"
        for parameter in signature.parameters:
            assert parameter in doc, f"{name}: parameter {parameter!r} is not documented"
    assert "Returns\n" in doc or name in RETURN_NOTHING, f"{name}: no Returns section"


@pytest.mark.parametrize("name, cls", CLASSES, ids=[name for name, _ in CLASSES])
def test_class_is_documented(name, cls):
    assert cls.__doc__ and cls.__doc__.strip(), f"{name}: no docstring"
