import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed, possessive } from "../prose.js";

/** A decorator: its name, and the text its wrapper puts before and after the wrapped result. */
interface Wrapper {
	name: string;
	before: string;
	after: string;
}
const WRAPPERS: readonly Wrapper[] = [
	{ name: "bold", before: "<b>", after: "</b>" },
	{ name: "italic", before: "<i>", after: "</i>" },
	{ name: "underline", before: "<u>", after: "</u>" },
	{ name: "bracket", before: "[", after: "]" },
	{ name: "paren", before: "(", after: ")" },
	{ name: "brace", before: "{", after: "}" },
	{ name: "stars", before: "*", after: "*" },
];
/** the decorated function, and the text it returns */
const FUNCTIONS: readonly { name: string; value: string }[] = [
	{ name: "greet", value: "hi" },
	{ name: "title", value: "menu" },
	{ name: "status", value: "ok" },
	{ name: "answer", value: "yes" },
	{ name: "label", value: "new" },
	{ name: "banner", value: "sale" },
];

interface Params {
	/** listed top to bottom, as written above the function */
	stack: Wrapper[];
	fn: (typeof FUNCTIONS)[number];
}

function decorator({ name, before, after }: Wrapper): string {
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
	idea: "py.decorators",
	language: "python",
	difficulty: "hard",
	title: "Stacked decorators",
	topics: ["decorators", "functions", "closures", "wrappers"],
	params: (rng) => ({
		stack: rng.sample(WRAPPERS, rng.int(2, 3)),
		fn: rng.pick(FUNCTIONS),
	}),
	build: ({ stack, fn: { name: fn, value } }) => {
		const program = (
			applied: Wrapper[],
			shown = "applied",
			calls: string[] = [],
		) =>
			[
				"applied = []",
				"",
				...stack.map(decorator),
				...applied.map(({ name }) => `@${name}`),
				`def ${fn}():`,
				`    return "${value}"`,
				"",
				...calls,
				`print(${fn}(), ${shown})`,
				"",
			].join("\n");
		const nearest = stack.at(-1);
		const outer = stack[0];
		if (!nearest || !outer) throw new RangeError("empty decorator stack");
		const bottomUp = [...stack].reverse().map(({ name }) => name);
		const quoted = (names: readonly string[]) =>
			`[${names.map((n) => `'${n}'`).join(", ")}]`;
		// the text each wrapper returns, from the innermost out
		const wrapped: string[] = [];
		for (const { before, after } of [...stack].reverse())
			wrapped.push(`${before}${wrapped.at(-1) ?? value}${after}`);
		return {
			code: program(stack),
			trace: [
				...bottomUp.map(
					(name, i) =>
						`${name}(${i === 0 ? fn : `${possessive(itemAt(bottomUp, i - 1))} wrapper`}) runs: applied is ${quoted(bottomUp.slice(0, i + 1))}`,
				),
				`${fn}() calls ${possessive(outer.name)} wrapper; each calls the one below, down to the original ${fn}`,
				...[...stack]
					.reverse()
					.map(
						({ name, before, after }, i) =>
							`${possessive(name)} wrapper: "${before}" + "${i === 0 ? value : itemAt(wrapped, i - 1)}" + "${after}" → "${itemAt(wrapped, i)}"`,
					),
			],
			mistakes: [
				{
					misconception: belief`stacked decorators are applied from the top down, so the top one wraps the function directly`,
					code: program([...stack].reverse()),
				},
				{
					misconception: belief`each decorator wraps the original ${fn}, so ${outer.name}, applied last, replaces the wrappers below it instead of wrapping them`,
					code: program([], "applied", [
						...bottomUp.slice(0, -1).map((name) => `${name}(${fn})`),
						`${fn} = ${outer.name}(${fn})`,
					]),
				},
				{
					misconception: belief`the decorator written on top is applied first, even though its wrapper ends up outermost`,
					code: program(stack, "applied[::-1]"),
				},
			],
			explain: (answer) =>
				`Stacked decorators are applied from the bottom up when the def runs: ${fn} = ${stack.map(({ name }) => `${name}(`).join("")}${fn}${")".repeat(stack.length)}. ` +
				`So applied records ${listed(bottomUp)} in that order, and ${possessive(outer.name)} wrapper is the outermost: calling ${fn}() runs it first, it calls the next wrapper in, ` +
				`and the innermost, ${nearest.name}, wraps "${value}" first. It prints ${answer}.`,
		};
	},
});
