"""Which files a program may change: anything but the interpreter's own.

The standard library's zip and folders (/lib, site-packages and teachers' packages included) and
Sandpit's bootstrap (/sandpit) are read-only for programs, however they reach them: `open` and `io.FileIO`
for writing, `os.open` with writing flags, renaming, removing, creating folders or links, truncating,
changing modes or times. The audit hook (sandpit_isolation) asks `check` for every such event. Paths are
resolved the way the file system will resolve them (symbolic links, `..`, the working directory), with
functions taken before the program runs, so a patched `os.path` changes nothing; a path given as some other
object than str or bytes (an `__fspath__` that could answer differently twice) is refused for writing.

Without this, a program could move the standard library's zip aside and put its own files where the
interpreter trusts what it finds (SECURITY.md's old "trust by file name"), or leave a module behind in
site-packages.
"""

import os
import posix

PROTECTED_ROOTS = ("/lib", "/sandpit")
_AT_FDCWD = -100
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_LINK_MODE = 0o120000
_MAX_LINKS = 40

_DIRECTORY_MODE = 0o040000
_LINK_FOLDERS = ("/proc", "/dev")

# event -> (positions of the paths it changes, position of its folder descriptor or None). The path a
# symbolic link points to is checked apart (see check).
_CHANGING_EVENTS = {
    "os.rename": ((0, 1), 2), "os.remove": ((0,), 1), "os.rmdir": ((0,), 1), "os.mkdir": ((0,), 2),
    "os.symlink": ((1,), 2), "os.link": ((0, 1), 2), "os.truncate": ((0,), None), "os.chmod": ((0,), 2),
    "os.chown": ((0,), 3), "os.utime": ((0,), 3), "os.mknod": ((0,), 3), "os.mkfifo": ((0,), 2),
    "os.chflags": ((0,), None), "os.setxattr": ((0,), None), "os.removexattr": ((0,), None),
}


class ProtectedFileError(PermissionError):
    """A program tried to change the interpreter's own files."""


ProtectedFileError.__module__ = "builtins"


def _refuse(path):
    return ProtectedFileError(13, "the interpreter's own files can't be changed in the sandbox", path)


def make_write_guard(
    _lstat=posix.lstat, _readlink=posix.readlink, _getcwd=posix.getcwd, _fsdecode=os.fsdecode,
    _str=str, _bytes=bytes, _int=int, _type=type, _roots=PROTECTED_ROOTS, _changing=_CHANGING_EVENTS,
):
    """The guard: `check(event, args)` raises ProtectedFileError for a change to a protected path.

    Where a call names a folder descriptor (`dir_fd`), a relative path is resolved from that folder, which
    the audit event doesn't always tell (`os.open` doesn't). So no descriptor of a protected folder, of a
    folder holding one ("/"), or of /proc and /dev (links to open files) is ever handed out; no link may
    point at a protected folder or one above it; and relative paths that climb (`..`) are refused for
    writing. From any other folder, a relative path then stays outside them (shutil.rmtree works so)."""

    def split(path):
        return [part for part in path.split("/") if part not in ("", ".")]

    def resolve(path, base=None):
        """The absolute path the file system reaches for `path` (relative to `base`, by default the working
        folder), links followed, the last component too where it exists."""
        if not path.startswith("/"):
            path = (base or _getcwd()) + "/" + path
        parts = split(path)
        resolved = []
        links = 0
        while parts:
            part = parts.pop(0)
            if part == "..":
                if resolved:
                    resolved.pop()
                continue
            candidate = "/" + "/".join(resolved + [part])
            try:
                mode = _lstat(candidate).st_mode
            except OSError:
                resolved.append(part)
                continue
            if mode & 0o170000 == _LINK_MODE and links < _MAX_LINKS:
                links += 1
                target = _readlink(candidate)
                if target.startswith("/"):
                    resolved = []
                parts = split(target) + parts
                continue
            resolved.append(part)
        return "/" + "/".join(resolved)

    def protected(path):
        return any(path == root or path.startswith(root + "/") for root in _roots)

    def holds_protected(path):
        """A protected folder, a folder above one, or a folder of links to open files (/proc, /dev): a
        descriptor of one would reach protected files by a relative path."""
        return any(root == path or root.startswith(path.rstrip("/") + "/") for root in _roots) or any(
            path == folder or path.startswith(folder + "/") for folder in _LINK_FOLDERS
        )

    def text(path):
        if _type(path) is _bytes:
            return _fsdecode(path)
        if _type(path) is not _str:
            raise _refuse(_str(_type(path).__name__))
        return path

    def check_path(path, dir_fd=None):
        if _type(path) is _int:
            return  # a descriptor: only an open this guard saw can have made it writable
        path = text(path)
        if not path.startswith("/") and ".." in split(path):
            raise _refuse(path)
        if protected(resolve(path)):
            raise _refuse(path)

    def is_directory(path):
        try:
            return _lstat(path).st_mode & 0o170000 == _DIRECTORY_MODE
        except OSError:
            return False

    def check(event, args):
        if event == "open":
            path, mode, flags = args[0], args[1], args[2]
            if _type(path) is _int:
                return
            writing = (_type(mode) is _str and any(c in mode for c in "wax+")) or (
                _type(flags) is _int and flags & _WRITE_FLAGS
            )
            if writing:
                check_path(path)
            else:
                where = resolve(text(path))
                if holds_protected(where) and is_directory(where):
                    raise _refuse(path)
            return
        if event == "os.symlink" and args:
            # Where the new link will point, read from the folder it is made in.
            link = text(args[1]) if len(args) > 1 else "."
            folder = resolve(link).rsplit("/", 1)[0] or "/"
            target = resolve(text(args[0]), folder)
            if protected(target) or holds_protected(target):
                raise _refuse(args[0])
        change = _changing.get(event)
        if change is None:
            return
        positions, fd_position = change
        for index, position in enumerate(positions):
            if position < len(args):
                fd_at = fd_position + index if event in ("os.rename", "os.link") else fd_position
                dir_fd = args[fd_at] if fd_at is not None and fd_at < len(args) else None
                check_path(args[position], dir_fd)

    return check
