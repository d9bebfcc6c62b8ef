import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt, twoOf } from "../item-at.js";

const NAMES = [
	["label", "report"],
	["mode", "check"],
	["level", "inspect"],
	["color", "paint"],
	["theme", "render"],
] as const;
// CSS colour names, short and long: the answer prints undefined or 'ReferenceError' where a mistake
// prints a colour, so with short colours only it was always the longest option
const VALUES = [
	"red",
	"blue",
	"green",
	"gold",
	"gray",
	"pink",
	"teal",
	"navy",
	"mediumvioletred",
	"mediumspringgreen",
	"mediumaquamarine",
	"mediumslateblue",
	"mediumturquoise",
	"lightgoldenrodyellow",
];
// none is a browser global (window.open, close and stop are): a snippet pasted into a browser
// console must print what Node.js prints
const FUNCTIONS = [
	"start",
	"pause",
	"load",
	"save",
	"send",
	"reset",
	"show",
	"hide",
];
const SHAPES = ["var", "let", "functions"] as const;

/** A variable declared in a function that also reads the outer variable of the same name. */
interface Shadowed {
	shape: "var" | "let";
	/** the variable and the function */
	names: readonly [string, string];
	/** the outer value and the inner one */
	values: readonly [string, string];
}
/** Functions read with typeof above their definitions. */
interface Functions {
	shape: "functions";
	/** written as a declaration, or as a var holding a function expression */
	functions: { name: string; declared: boolean }[];
}
type Params = Shadowed | Functions;

export const hoisting = defineFamily<Params>({
	id: "javascript/hoisting",
	idea: "js.hoisting",
	language: "javascript",
	difficulty: "medium",
	title: "Hoisting of var, let and functions",
	topics: ["hoisting", "var", "let", "scope", "functions", "tdz"],
	params: (rng) => {
		const shape = rng.pick(SHAPES);
		if (shape !== "functions")
			return {
				shape,
				names: rng.pick(NAMES),
				values: twoOf(rng.sample(VALUES, 2)),
			};
		// at least one of each kind, so neither "all functions" nor "all undefined" is the answer
		const declared = rng.shuffle([true, false, rng.bool()]);
		return {
			shape,
			functions: rng
				.sample(FUNCTIONS, 3)
				.map((name, i) => ({ name, declared: itemAt(declared, i) })),
		};
	},
	build: (p) => (p.shape === "functions" ? functions(p) : shadowed(p)),
});

function shadowed({
	shape: keyword,
	names: [name, fn],
	values: [outer, inner],
}: Shadowed) {
	const read =
		keyword === "var"
			? [`  const before = ${name};`]
			: [
					"  let before;",
					"  try {",
					`    before = ${name};`,
					"  } catch (error) {",
					"    before = error.name;",
					"  }",
				];
	const program = (lines: string[], declared = name) =>
		[
			`let ${name} = "${outer}";`,
			`function ${fn}() {`,
			...lines,
			`  return [before, ${declared}];`,
			"}",
			`console.log(${fn}(), ${name});`,
			"",
		].join("\n");
	const declaration = (kw: string, as = name) => `  ${kw} ${as} = "${inner}";`;
	const renamed = `${name}Inside`;
	const mistakes = [
		{
			misconception: belief`a variable declared later in ${fn} does not exist yet, so the first line reads the outer ${name}`,
			code: program([...read, declaration(keyword, renamed)], renamed),
		},
		keyword === "var"
			? {
					misconception: belief`var moves the whole declaration, value included, to the top of the function`,
					code: program([declaration("var"), ...read]),
				}
			: {
					misconception: belief`let is hoisted like var, so it reads as undefined before its line`,
					code: program([...read, declaration("var")]),
				},
		{
			misconception: belief`the ${keyword} ${name} inside ${fn} reuses the outer ${name}, so it reads "${outer}" first and then changes the outer one`,
			code: program([...read, `  ${name} = "${inner}";`]),
		},
	];
	return {
		code: program([...read, declaration(keyword)]),
		mistakes,
		explain: (answer: string) =>
			`The ${keyword} ${name} inside ${fn} belongs to the whole function body, so every ${name} in ${fn} means the inner one, even on lines above the declaration; the outer "${outer}" is hidden. ` +
			(keyword === "var"
				? `var is hoisted and starts as undefined; only the assignment of "${inner}" waits for its line. `
				: `A let exists from the start of the block but cannot be read before its line (the temporal dead zone): reading it throws a ReferenceError, which the catch records. `) +
			`The outer ${name} is a different variable and keeps "${outer}". It prints ${answer}.`,
		trace:
			keyword === "var"
				? [
						`${fn}(): var ${name} is hoisted to the top of ${fn} and starts as undefined`,
						`before = ${name} → undefined (the inner ${name}, not yet assigned)`,
						`${name} = "${inner}", so ${fn} returns [undefined, "${inner}"]`,
						`the outer ${name} is still "${outer}"`,
					]
				: [
						`${fn}(): the inner let ${name} hides the outer one from the top of ${fn}`,
						`before = ${name}: read before its let line, it throws → before = "ReferenceError"`,
						`${name} = "${inner}", so ${fn} returns ["ReferenceError", "${inner}"]`,
						`the outer ${name} is still "${outer}"`,
					],
	};
}

function functions({ functions: defined }: Functions) {
	type Kind = "declaration" | "var";
	type Defined = Functions["functions"][number];
	const define = (name: string, as: Kind) =>
		as === "declaration"
			? `function ${name}() {\n  return "${name}";\n}`
			: `var ${name} = function () {\n  return "${name}";\n};`;
	const program = (kind: (f: Defined) => Kind) =>
		[
			`console.log(${defined.map(({ name }) => `typeof ${name}`).join(", ")});`,
			...defined.map((f) => define(f.name, kind(f))),
			"",
		].join("\n");
	const kindOf = (f: Defined): Kind => (f.declared ? "declaration" : "var");
	const list = (flag: boolean) =>
		defined
			.filter((f) => f.declared === flag)
			.map((f) => f.name)
			.join(" and ");
	return {
		code: program(kindOf),
		mistakes: [
			{
				misconception: belief`a function expression stored in a var is hoisted as a function too`,
				code: program(() => "declaration"),
			},
			{
				misconception: belief`a function declaration is hoisted as a var is, the name without its value, so every typeof gives "undefined"`,
				code: program(() => "var"),
			},
			{
				misconception: belief`var hoists the function assigned to it, while a function declaration exists only once its line has run`,
				code: program((f) => (f.declared ? "var" : "declaration")),
			},
		],
		explain: (answer: string) => {
			const several = (flag: boolean) =>
				defined.filter((f) => f.declared === flag).length > 1;
			return (
				`A function declaration is hoisted whole, body included, so ${list(true)} ${several(true) ? "are already functions" : "is already a function"} on the first line. ` +
				`For ${list(false)}, var hoists only the variable, not the function expression assigned to it, so ${several(false) ? "they are" : "it is"} undefined until the assignment runs. It prints ${answer}.`
			);
		},
		trace: defined.map((f) =>
			f.declared
				? `typeof ${f.name}: a declaration, hoisted with its body → "function"`
				: `typeof ${f.name}: var hoists the name, not the function → "undefined"`,
		),
	};
}
