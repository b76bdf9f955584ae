"""Writing files safely: every export goes to a temp file in the same folder, then is renamed.

A run that is killed mid-way leaves the previous file as it was and no half-written one.
Where the system allows (Linux, most file systems), the temp file has no name while it is
written (``O_TMPFILE``) and gets one only to be renamed at once, so even ``kill -9`` leaves
no stray temp file behind. Elsewhere it is a hidden ``.NAME.PID.*.tmp``, removed on any
error, and by the next write to the same file if its writer was killed. Text that is not
valid Unicode (lone surrogates) is written as ``\\udcxx`` escapes, never refused half-way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

# Errors that mean "no unnamed temp files here": old kernels, some file systems, no /proc.
_NO_TMPFILE = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT, errno.EPERM, errno.EXDEV}


def atomic_write(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    folder = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        _remove_orphans(folder, target.name)
        if not _write_unnamed(folder, target.name, payload):
            _write_named(folder, target.name, payload)
        with contextlib.suppress(OSError):
            os.fsync(folder)  # make the rename itself durable
    finally:
        os.close(folder)
    return target


def _temp_name(name: str) -> str:
    return f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"


def _write_all(fd: int, payload: bytes) -> None:
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def _write_unnamed(folder: int, name: str, payload: bytes) -> bool:
    """Write through an ``O_TMPFILE`` inode; False when the folder cannot have one."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return False
    try:
        # The kernel applies the umask to 0o666, as for any new file.
        fd = os.open(".", flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o666, dir_fd=folder)
    except OSError as err:
        if err.errno in _NO_TMPFILE:
            return False
        raise
    try:
        _write_all(os.dup(fd), payload)
        tmp = _temp_name(name)
        try:
            # linkat(AT_SYMLINK_FOLLOW): the finished inode gets a name...
            os.link(f"/proc/self/fd/{fd}", tmp, dst_dir_fd=folder, follow_symlinks=True)
        except OSError as err:
            if err.errno in _NO_TMPFILE:
                return False
            raise
        # ...and goes straight onto the target: the only moment a temp name exists.
        _replace(folder, tmp, name)
    finally:
        os.close(fd)
    return True


def _write_named(folder: int, name: str, payload: bytes) -> None:
    tmp = _temp_name(name)
    fd = os.open(
        tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666, dir_fd=folder
    )
    try:
        _write_all(fd, payload)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp, dir_fd=folder)
        raise
    _replace(folder, tmp, name)


def _replace(folder: int, tmp: str, name: str) -> None:
    try:
        os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp, dir_fd=folder)
        raise


def _remove_orphans(folder: int, name: str) -> None:
    """Temp files of earlier writes to ``name`` whose process is gone (killed mid-write)."""
    pattern = re.compile(rf"\.{re.escape(name)}\.(\d+)\.[0-9a-f]+\.tmp")
    with contextlib.suppress(OSError):
        for entry in os.listdir(folder):
            found = pattern.fullmatch(entry)
            if found and not _alive(int(found.group(1))):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry, dir_fd=folder)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: leave its file alone
    return True
