import { defineFamily } from "../family.js";

/** name, text put before and after the wrapped result */
const WRAPPERS = [
	["bold", "<b>", "</b>"],
	["italic", "<i>", "</i>"],
	["underline", "<u>", "</u>"],
	["bracket", "[", "]"],
	["paren", "(", ")"],
	["brace", "{", "}"],
	["stars", "*", "*"],
] as const;
const FUNCTIONS = [
	["greet", "hi"],
	["title", "menu"],
	["status", "ok"],
	["answer", "yes"],
	["label", "new"],
	["banner", "sale"],
] as const;

type Wrapper = (typeof WRAPPERS)[number];

interface Params {
	/** listed top to bottom, as written above the function */
	stack: Wrapper[];
	fn: (typeof FUNCTIONS)[number];
}

function decorator([name, before, after]: Wrapper): string {
	return [
		`def ${name}(fn):`,
		`    applied.append("${name}")`,
		"    def wrapper():",
		`        return "${before}" + fn() + "${after}"`,
		"    return wrapper",
		"",
	].join("\n");
}

export const decoratorOrder = defineFamily<Params>({
	id: "python/decorator-order",
	language: "python",
	difficulty: "hard",
	title: "Stacked decorators",
	topics: ["decorators", "functions", "closures", "wrappers"],
	params: (rng) => ({
		stack: rng.sample(WRAPPERS, rng.int(2, 3)),
		fn: rng.pick(FUNCTIONS),
	}),
	build: ({ stack, fn: [fn, value] }) => {
		const program = (applied: Wrapper[], shown = "applied") =>
			[
				"applied = []",
				"",
				...stack.map(decorator),
				...applied.map(([name]) => `@${name}`),
				`def ${fn}():`,
				`    return "${value}"`,
				"",
				`print(${fn}(), ${shown})`,
				"",
			].join("\n");
		const nearest = stack.at(-1);
		const outer = stack[0];
		if (!nearest || !outer) throw new RangeError("empty decorator stack");
		const bottomUp = [...stack].reverse().map(([name]) => name);
		return {
			code: program(stack),
			mistakes: [
				{
					misconception:
						"stacked decorators are applied from the top down, so the top one wraps the function directly",
					code: program([...stack].reverse()),
				},
				{
					misconception:
						"only the decorator written closest to the function takes effect",
					code: program([nearest]),
				},
				{
					misconception:
						"the decorator written on top is applied first, even though its wrapper ends up outermost",
					code: program(stack, "applied[::-1]"),
				},
			],
			explain: (answer) =>
				`Stacked decorators are applied from the bottom up when the def runs: ${fn} = ${stack.map(([name]) => `${name}(`).join("")}${fn}${")".repeat(stack.length)}. ` +
				`So applied records ${bottomUp.join(", ")}, and ${outer[0]}'s wrapper is the outermost: calling ${fn}() runs it first, it calls the next wrapper in, ` +
				`and the innermost, ${nearest[0]}, wraps "${value}" first. It prints ${answer}.`,
		};
	},
});
