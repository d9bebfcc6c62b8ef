import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const GUARD = fileURLToPath(new URL("./python-guard.py", import.meta.url));

// The guard defines its runner and audit hook in exec'd strings, for globals of their own: those
// sources are compiled too, or a typo in them would surface only when a worker starts.
const COMPILE_ALL = `
import ast, sys
path = sys.argv[1]
tree = ast.parse(open(path, encoding="utf-8").read(), path)
compile(tree, path, "exec")
inner = 0
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "exec":
        source = node.args[0] if node.args else None
        if isinstance(source, ast.Constant) and isinstance(source.value, str):
            compile(source.value, f"{path}, exec at line {node.lineno}", "exec")
            inner += 1
print(inner)
`;

describe("python-guard.py", () => {
	it("compiles with the host's python3, the sources it execs included", () => {
		const inner = execFileSync("python3", ["-c", COMPILE_ALL, GUARD], {
			encoding: "utf8",
		});
		expect(Number(inner)).toBeGreaterThan(0);
	});
});
