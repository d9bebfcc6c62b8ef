import { oneLine } from "../../sandbox/outcome-option.js";
import { belief } from "../belief.js";
import { defineFamily, type Instance, type Mistake } from "../family.js";
import { twoOf } from "../item-at.js";

const NAMES = ["status", "mode", "level", "label", "phase", "theme"] as const;
const FUNCTIONS = ["report", "check", "show", "describe", "inspect"] as const;
const WORDS = [
	"busy",
	"ready",
	"done",
	"idle",
	"open",
	"draft",
	"live",
] as const;

interface Params {
	name: (typeof NAMES)[number];
	fn: (typeof FUNCTIONS)[number];
	keyword: "let" | "const";
	/** the value the inner declaration gives */
	inner: string;
	/** an outer variable of the same name that the inner one shadows (a number), or null */
	outer: number | null;
	/**
	 * `value`: the function logs the variable before its declaration; `typeof`: it logs its typeof;
	 * `called-after`: the function reads a top-level variable declared below it, but is only called
	 * once the declaration has run (and has no outer variable)
	 */
	read: "value" | "typeof" | "called-after";
	/** a line the function logs first, so the output shows where the run stops */
	first: string;
}

export const temporalDeadZone = defineFamily<Params>({
	id: "javascript/temporal-dead-zone",
	idea: "js.hoisting",
	language: "javascript",
	difficulty: "medium",
	kind: "error",
	title: "let and const before their declaration",
	topics: [
		"hoisting",
		"let",
		"const",
		"temporal dead zone",
		"referenceerror",
		"scope",
	],
	params: (rng) => {
		const [inner, first] = twoOf(rng.sample(WORDS, 2));
		const read = rng.pick([
			"value",
			"value",
			"typeof",
			"called-after",
		] as const);
		return {
			name: rng.pick(NAMES),
			fn: rng.pick(FUNCTIONS),
			keyword: rng.pick(["let", "const"] as const),
			inner,
			outer: read !== "called-after" && rng.bool() ? rng.int(1, 9) : null,
			read,
			first,
		};
	},
	build: (params) =>
		params.read === "called-after" ? calledAfter(params) : readBefore(params),
});

/** The function reads a top-level variable declared below it, and runs once the declaration has. */
function calledAfter({ name, fn, keyword, inner, first }: Params): Instance {
	const declaration = `${keyword} ${name} = "${inner}";\n`;
	const program = ({
		read = name,
		declareFirst = true,
		head = "",
	}: {
		read?: string;
		declareFirst?: boolean;
		/** a line the function's body begins with */
		head?: string;
	} = {}) =>
		`function ${fn}() {\n${head}  console.log("${first}");\n  return ${read};\n}\n` +
		`console.log("start");\n${declareFirst ? declaration : ""}console.log(${fn}());\n` +
		`${declareFirst ? "" : declaration}console.log("end");\n`;
	return {
		code: program(),
		mistakes: [
			{
				misconception: belief`${fn} reads ${name} above its ${keyword} line, so calling it throws a ReferenceError wherever the call is`,
				code: program({ declareFirst: false }),
			},
			{
				misconception: belief`calling ${fn} first checks every name its body reads, and ${name} is declared below ${fn}, so the call throws before ${fn} logs anything`,
				code: program({ head: `  ${name}Checked;\n` }),
			},
			{
				misconception: belief`${fn} sees ${name} as it was when ${fn} was defined, before the ${keyword} line ran`,
				code: program({ read: "undefined" }),
			},
			{
				// as short as the answer, and as close to the code
				misconception: belief`console.log(${fn}()) prints what ${fn} returns before the line ${fn} logs itself`,
				code: program().replace(
					`console.log(${fn}());`,
					`console.log(${name});\n${fn}();`,
				),
			},
		],
		explain: (answer) =>
			`The temporal dead zone is about time, not about where the code is written: ${name} is in it only until its ${keyword} line runs. ` +
			`${fn}'s body mentions ${name} above that line, but ${fn} is only called after \`${declaration.trim()}\` has run, so the read finds "${inner}". ` +
			`Calling ${fn}() before that line would throw a ReferenceError. What happens: “${oneLine(answer)}”.`,
	};
}

/** The function reads its own let or const before the declaration: the read throws. */
function readBefore({
	name,
	fn,
	keyword,
	inner,
	outer,
	read,
	first,
}: Params): Instance {
	const declaration = `${keyword} ${name} = "${inner}";`;
	const shown = (variable: string) =>
		read === "typeof" ? `typeof ${variable}` : variable;
	const program = ({
		log = shown(name),
		body = (logLine: string) =>
			`  console.log(${logLine});\n  ${declaration}\n`,
		top = "",
		head = "",
	}: {
		log?: string;
		body?: (logLine: string) => string;
		top?: string;
		/** a line the function's body begins with */
		head?: string;
	} = {}) =>
		`${top}${outer === null ? "" : `let ${name} = ${outer};\n`}` +
		`function ${fn}() {\n${head}  console.log("${first}");\n${body(log)}  console.log("declared");\n  return ${name};\n}\n` +
		`console.log("start");\nconsole.log(${fn}());\nconsole.log("end");\n`;
	// the wrong type where the run really stops, and two runs that finish a word apart: every
	// option is then as far from the rest as the answer is
	const mistakes: Mistake[] = [
		{
			misconception: belief`${read === "typeof" ? `typeof ${name}` : `reading ${name}`} before its ${keyword} line throws a TypeError, as using a missing value does`,
			code: program({ log: "null.length" }),
		},
		{
			misconception: belief`a ${keyword} declaration is hoisted with its value, as if it stood at the top of ${fn}`,
			code: program({
				body: (logLine) => `  ${declaration}\n  console.log(${logLine});\n`,
			}),
		},
	];
	if (read === "value")
		mistakes.push({
			misconception: belief`${keyword} is hoisted like var, so ${name} is undefined until its line runs`,
			code: program({
				body: (logLine) =>
					`  console.log(${logLine});\n  var ${name} = "${inner}";\n`,
			}),
		});
	else
		mistakes.push({
			misconception: belief`typeof never throws, whatever name it is given`,
			code: program({ log: `"undefined"` }),
		});
	mistakes.push(
		outer === null
			? {
					misconception: belief`the engine finds ${name} used before its ${keyword} as the script starts, so nothing is printed`,
					code: program({ top: `${name}Checked;\n` }),
				}
			: {
					misconception: belief`the inner ${name} only exists from its own line on, so the line before it reads the outer ${name}`,
					code: program({
						body: (logLine) =>
							`  console.log(${logLine});\n  {\n    ${keyword} ${name} = "${inner}";\n  }\n`,
					}),
				},
	);
	const where =
		outer === null
			? `${name} is declared with ${keyword} inside ${fn}`
			: `the ${keyword} inside ${fn} makes ${name} a new variable for the whole function, hiding the outer ${name} = ${outer}`;
	return {
		code: program(),
		mistakes,
		explain: (answer) =>
			`let and const are hoisted to the top of their block, but unlike var they are not initialised: ` +
			`from the block's start to the declaration the variable is in the temporal dead zone, and any read of it throws a ReferenceError` +
			`${read === "typeof" ? ", typeof included" : ""}. ` +
			`Here ${where}. ${fn}() logs "${first}", then ${read === "typeof" ? `typeof ${name}` : `reading ${name}`} on the line before the declaration throws, ` +
			`so ${fn} never returns and "end" is never printed. What happens: “${oneLine(answer)}”.`,
	};
}
