/**
 * Python run once in the Pyodide worker before any snippet. It closes the doors from Python to
 * the JavaScript host (`js`, `pyodide*`), and defines `_sandbox_run`, which executes a snippet in a
 * fresh `__main__` namespace and reports how it ended, and then undoes what a snippet can leave
 * behind (modules it imported, the recursion limit, a replaced stdout).
 */
export const PYTHON_GUARD = `
import builtins, sys

_BLOCKED = frozenset({"js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip", "ctypes", "_ctypes"})

for _name in list(sys.modules):
    if _name.split(".")[0] in _BLOCKED:
        del sys.modules[_name]

class _RefuseHostModules:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in _BLOCKED:
            raise ImportError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, _RefuseHostModules())

# stateless modules snippets often import stay loaded; anything else a snippet imports is dropped after it
import collections, functools, itertools, math, operator, string

_BASELINE_MODULES = frozenset(sys.modules)
_RECURSION_LIMIT = sys.getrecursionlimit()
_STDOUT = sys.stdout

def _sandbox_run(code):
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        exec(compile(code, "main.py", "exec"), namespace)
        outcome = ("ok", "")
    except KeyboardInterrupt:
        outcome = ("timeout", "time limit exceeded")
    except MemoryError:
        outcome = ("memory", "memory limit exceeded")
    except SystemExit as exit:
        outcome = ("ok", "") if exit.code in (None, 0) else ("error", f"SystemExit: {exit.code}")
    except BaseException as error:
        outcome = ("error", f"{type(error).__name__}: {error}")
    finally:
        try:
            sys.stdout.flush()
        except BaseException:
            pass
        sys.stdout = _STDOUT
        sys.setrecursionlimit(_RECURSION_LIMIT)
        for name in list(sys.modules):
            if name not in _BASELINE_MODULES:
                del sys.modules[name]
        namespace.clear()
    return outcome
`;
