# Python run once in the Pyodide worker, in a namespace of its own, before any snippet. It cuts
# Python off from Pyodide's JavaScript modules, installs an audit hook (which snippets cannot
# remove), snapshots the shared interpreter state and leaves these names for the worker:
# - `run_snippet(code)` runs a snippet in a fresh `__main__` namespace and reports how it ended
#   (and the class name of an exception that escaped it);
# - `after_run()` puts back `sys`, `sys.modules`, the import machinery, signal handlers and the
#   standard streams, which ordinary snippets change (an import adds a module); whatever it
#   replaces goes to `graveyard`, because freeing it could run the snippet's finalizers while the
#   guard is on the stack;
# - `release_graveyard()`, which the worker calls from JavaScript (so that no frame of the guard is
#   below the snippet's finalizers) before it re-enables and runs the collector;
# - `intact()`, False when the run changed what after_run does not undo (files, the environment,
#   builtins, a module's globals, a class or function of the standard library): the worker is then
#   replaced. Snippets seldom do that, and comparing the ~15,000 shared names once per run, after
#   the finalizers, costs half of what a second comparison to put them back in place would.
#
# The guard's own functions read builtins and module functions from snapshots taken when it loads,
# never from the live modules: a snippet that replaced `builtins.all` or `operator.is_` would
# otherwise decide what the guard sees.
#
# The guard is the inner wall. The outer one is on the JavaScript side (pyodide-worker.ts), because
# CPython can always recreate a built-in module such as `_pyodide_core` with `_imp.create_builtin`.
#
# pyodide-worker.ts reads this file next to itself: the build copies it into dist/sandbox/, and
# source-bundle.ts next to the bundled worker. Its syntax is checked by python-guard.test.ts.

import builtins, gc, itertools, operator, os, signal, sys
from types import SimpleNamespace

# Functions defined in this namespace look builtins up in this snapshot (CPython takes a function's
# builtins from its globals when the function is created), not in the module snippets share.
__builtins__ = dict(vars(builtins))

# the ways from Python to the JavaScript host, to raw memory, or into CPython's test hooks
BLOCKED = frozenset({
    "js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip",
    "ctypes", "_ctypes", "_testcapi", "_testinternalcapi", "_testlimitedcapi", "_testbuffer",
    "_testclinic", "_testclinic_limited", "_xxtestfuzz", "_remote_debugging",
})
# heap walks would reach the guard's own state; hooks and tracers would outlive the run
REFUSED = frozenset({
    "gc.get_objects", "gc.get_referrers", "gc.get_referents",
    "sys.addaudithook", "sys.settrace", "sys.setprofile", "sys.monitoring.register_callback",
})
# starting a process (in Node, Emscripten's system() would run a shell on the host) or signalling
# one (the only process there is the worker's own, and a deadly signal kills its interpreter)
PROCESS = frozenset({
    "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty",
    "subprocess.Popen", "pty.spawn", "os.startfile", "os.startfile/2",
    "os.kill", "os.killpg", "signal.pthread_kill",
})
# effects that after_run does not undo
OUTLIVES_RUN = frozenset({
    "os.putenv", "os.unsetenv", "os.mkdir", "os.remove", "os.rmdir", "os.rename", "os.link",
    "os.symlink", "os.chmod", "os.chown", "os.utime", "os.truncate", "os.setxattr",
    "os.removexattr", "shutil.rmtree",
})
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
HEAP_TYPE, IMMUTABLE_TYPE = 1 << 9, 1 << 8
FUNCTION = type(lambda: None)
# advanced by the audit hook when a run does something after_run cannot undo; never reset
changes = itertools.count()

# the interpreter after start-up, minus the bridge modules and the stateful ones that snippets
# configure (each snippet that needs one imports a fresh copy)
from _pyodide._core_docs import JsProxy
for name in list(sys.modules):
    if name.partition(".")[0] in BLOCKED | {"logging", "random", "asyncio"}:
        module = sys.modules.pop(name)
        # JavaScript values these modules still hold, such as the API's loadedPackages
        if type(module) is type(sys):
            for key in [key for key, value in vars(module).items() if isinstance(value, JsProxy)]:
                del vars(module)[key]
del JsProxy, module

# The runner's frame is reachable from a snippet (sys._getframe, a traceback, a signal handler), so
# it lives in globals of its own, which after_run restores like a module's.
runner_globals = {"__builtins__": builtins, "gc": gc}
exec('''
def run_snippet(code):
    # (status, error, the escaped exception's class name or "")
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        exec(compile(code, "main.py", "exec"), namespace)
        return ("ok", "", "")
    except KeyboardInterrupt:
        return ("timeout", "time limit exceeded", "")
    except MemoryError:
        return ("memory", "memory limit exceeded", "")
    except SystemExit as exit:
        return ("ok", "", "") if exit.code in (None, 0) else ("error", f"SystemExit: {exit.code}", "")
    except BaseException as error:
        raised = type(error).__name__
        # the message runs the exception's own __str__, which may fail as Python's traceback allows
        try:
            message = str(error)
        except Exception:
            message = "<exception str() failed>"
        return ("error", f"{raised}: {message}", raised)
    finally:
        namespace.clear()
        # a cycle's finalizer must print into this run, not into a later one
        gc.collect()
''', runner_globals)
run_snippet = runner_globals["run_snippet"]

graveyard = []
# C functions the worker calls around after_run, so that no Python frame of the guard is below them
release_graveyard = graveyard.clear
disable_collector, enable_collector, collect = gc.disable, gc.enable, gc.collect
streams = []

def open_streams():
    # a snippet can close, reconfigure or replace the streams; each run gets new ones
    graveyard.append(streams[:])
    streams[:] = [
        open(fd, mode, encoding="utf-8", errors="surrogateescape", closefd=False)
        for fd, mode in ((0, "r"), (1, "w"), (2, "w"))
    ]
    for stream in streams[1:]:
        stream.reconfigure(line_buffering=True)

open_streams()
STREAM_NAMES = ("stdin", "stdout", "stderr")
for name, stream in zip(STREAM_NAMES, streams):
    setattr(sys, name, stream)
    setattr(sys, f"__{name}__", stream)
SAVED_FDS = [(os.dup(fd), fd) for fd in (0, 1, 2)]
RECURSION_LIMIT = sys.getrecursionlimit()
INT_MAX_STR_DIGITS = sys.get_int_max_str_digits()
GC_THRESHOLD = gc.get_threshold()
ASYNCGEN_HOOKS = sys.get_asyncgen_hooks()
CWD = os.getcwd()
UMASK = os.umask(0o022)
os.umask(UMASK)
SIGNAL_HANDLERS = [(s, h) for s in signal.valid_signals() if (h := signal.getsignal(s)) is not None]

modules = [m for m in sys.modules.values() if type(m) is type(sys) and m is not sys]
MODULE_DICTS = [vars(m) for m in modules] + [runner_globals]
CLASSES = list({
    id(value): value
    for d in MODULE_DICTS
    for value in d.values()
    if isinstance(value, type)
    and value.__flags__ & HEAP_TYPE
    and not value.__flags__ & IMMUTABLE_TYPE
}.values())
FUNCTIONS = [
    f for d in MODULE_DICTS + [vars(c) for c in CLASSES] for f in d.values() if type(f) is FUNCTION
]
del modules

# After a run the shared namespaces are compared as flat sequences, in C, by identity (a snippet's
# object may claim to equal anything, and comparing by == would run its code).
flat = itertools.chain.from_iterable
values_of = operator.methodcaller("values")
NAMESPACES = tuple(MODULE_DICTS) + tuple(map(vars, CLASSES))
LENGTHS = tuple(map(len, NAMESPACES))
KEYS = tuple(flat(NAMESPACES))
VALUES = tuple(flat(map(values_of, NAMESPACES)))
# replacing a function's code or defaults is an audit event, caught by the hook; a keyword-only
# default changed in place is not, so those dicts are compared
KWDEFAULTS = [(kw, dict(kw)) for f in FUNCTIONS if (kw := f.__kwdefaults__)]
# small and changed by ordinary snippets (an import adds a module), so always put back; the copy
# of sys's namespace takes each run's new streams
SYS_DICTS = [vars(sys), sys.modules, sys.path_importer_cache]
SYS_DICT_COPIES = [dict(d) for d in SYS_DICTS]
SYS_LISTS = [sys.meta_path, sys.path, sys.path_hooks, sys.argv, sys.warnoptions, gc.callbacks]
SYS_LIST_COPIES = [list(l) for l in SYS_LISTS]

def same(current, saved):
    return (
        len(current) == len(saved)
        and all(map(operator.is_, current, saved))
        and all(map(operator.is_, current.values(), saved.values()))
    )

def same_list(current, saved):
    return len(current) == len(saved) and all(map(operator.is_, current, saved))

def put_back(d, saved):
    # the replaced entries stay alive in the graveyard: freeing them here could run the snippet's code
    graveyard.append(d.copy())
    d.clear()
    d.update(saved)

def shared_objects_intact():
    return (
        tuple(map(len, NAMESPACES)) == LENGTHS
        and all(map(operator.is_, flat(NAMESPACES), KEYS))
        and all(map(operator.is_, flat(map(values_of, NAMESPACES)), VALUES))
        and all(same(kw, saved) for kw, saved in KWDEFAULTS)
    )

def restore_interpreter():
    for signum, handler in SIGNAL_HANDLERS:
        current = signal.getsignal(signum)
        if current is not handler:
            graveyard.append(current)
            signal.signal(signum, handler)
    for saved, fd in SAVED_FDS:
        os.dup2(saved, fd)
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)
    graveyard.append(sys.get_asyncgen_hooks())
    sys.set_asyncgen_hooks(*ASYNCGEN_HOOKS)
    sys.set_coroutine_origin_tracking_depth(0)
    sys.setrecursionlimit(RECURSION_LIMIT)
    sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
    gc.set_debug(0)
    gc.set_threshold(*GC_THRESHOLD)
    os.chdir(CWD)
    os.umask(UMASK)

def flush_streams():
    for stream in streams[1:]:
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # closed by the snippet: nothing buffered is left to print

def after_run():
    # the worker has disabled the collector, so nothing the snippet left runs until it is re-enabled
    restore_interpreter()
    flush_streams()
    open_streams()
    for name, stream in zip(STREAM_NAMES, streams):
        SYS_DICT_COPIES[0][name] = SYS_DICT_COPIES[0][f"__{name}__"] = stream
    for d, saved in zip(SYS_DICTS, SYS_DICT_COPIES):
        if not same(d, saved):
            put_back(d, saved)
    for l, saved in zip(SYS_LISTS, SYS_LIST_COPIES):
        if not same_list(l, saved):
            graveyard.append(l[:])
            l[:] = saved

def intact():
    # after the graveyard's finalizers ran: what they printed belongs to this run, and they may have
    # changed things again
    flush_streams()
    return (
        repr(changes) == "count(0)"
        and all(map(same, SYS_DICTS, SYS_DICT_COPIES))
        and all(map(same_list, SYS_LISTS, SYS_LIST_COPIES))
        and shared_objects_intact()
    )

# A refusal's traceback holds the hook's frame, so the hook reads no globals and keeps only
# immutable values and a mark that can be advanced, never reset.
hook_namespace = {
    "BLOCKED": BLOCKED, "REFUSED": REFUSED, "PROCESS": PROCESS, "OUTLIVES_RUN": OUTLIVES_RUN,
    "WRITE_FLAGS": WRITE_FLAGS,
    "PROTECTED": frozenset(map(id, FUNCTIONS + [run_snippet, after_run, intact])),
    "mark_change": changes.__next__,
}
exec('''
def audit(event, args, *, blocked=BLOCKED, refused=REFUSED, process=PROCESS,
          outlives_run=OUTLIVES_RUN, write_flags=WRITE_FLAGS, protected=PROTECTED,
          mark_change=mark_change, exact_str=str.__str__, type=type, id=id, set=set, int=int,
          ModuleNotFoundError=ModuleNotFoundError, RuntimeError=RuntimeError,
          PermissionError=PermissionError):
    # never call a method of an argument: it may be the snippet's object
    if event == "import":
        name = exact_str(args[0])
        if name.partition(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r}")
    elif event in refused or event.startswith("ctypes."):
        raise RuntimeError(f"{event} is not available in the sandbox")
    elif event in process:
        # an OSError, as on a system that forbids it, so code that handles a failed start still runs
        raise PermissionError(f"{event} is not available in the sandbox")
    elif event in outlives_run:
        mark_change()
    elif event in ("object.__setattr__", "object.__delattr__") and id(args[0]) in protected:
        mark_change()
    elif event == "open" and type(args[0]) is not int:
        mode, flags = args[1], args[2]
        if mode is None:
            writes = type(flags) is not int or flags & write_flags
        else:
            writes = type(mode) is not str or not set(mode).isdisjoint("wax+")
        if writes:
            mark_change()
''', hook_namespace)
audit = hook_namespace["audit"]
hook_namespace.clear()

# the guard's functions call these snapshots of the modules' functions, which no snippet can replace
gc, operator, os, signal, sys = (
    SimpleNamespace(**vars(module)) for module in (gc, operator, os, signal, sys)
)

# objects alive now are never garbage; collections after each run only look at the snippet's
gc.collect()
gc.freeze()
sys.addaudithook(audit)
del audit, hook_namespace
