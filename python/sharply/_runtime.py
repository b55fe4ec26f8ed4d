"""Threads used by Sharply's kernels."""

from ._native import native

__all__ = ["set_num_threads", "get_num_threads"]


@native
def set_num_threads(n: int) -> None:
    """Set the number of threads Sharply's kernels use.

    Parameters
    ----------
    n : int
        Number of threads, at least 1. The default is the number of cores. Results are identical
        whatever the number of threads.

    Examples
    --------
    >>> import sharply
    >>> before = sharply.get_num_threads()
    >>> sharply.set_num_threads(1)
    >>> sharply.get_num_threads()
    1
    >>> sharply.set_num_threads(before)
    """


@native
def get_num_threads() -> int:
    """Return the number of threads Sharply's kernels use.

    In a process forked after Sharply was loaded (multiprocessing's default on Linux) kernels run on
    one thread, because worker threads do not survive ``fork()``; this then returns 1.

    Returns
    -------
    int

    Examples
    --------
    >>> import sharply
    >>> sharply.get_num_threads() >= 1
    True
    """
