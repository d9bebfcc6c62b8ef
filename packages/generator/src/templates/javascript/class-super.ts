import { defineFamily } from "../family.js";

/** base class, subclass, the subclass's property, values it may hold */
const THEMES = [
	["Shape", "Square", "side", ["2", "3", "4", "5", "7", "9"]],
	["Animal", "Dog", "sound", ['"woof"', '"arf"', '"yip"', '"ruff"']],
	["Account", "Savings", "rate", ["1", "2", "3", "4", "5"]],
	["Widget", "Button", "caption", ['"OK"', '"Save"', '"Go"', '"Undo"']],
	["Vehicle", "Truck", "wheels", ["6", "8", "10", "18"]],
] as const;
const VARIABLES = ["item", "obj", "thing", "made"];
const METHODS = ["describe", "summary", "toText"];
const LOGS = ["notes", "log", "history"];

interface Params {
	theme: number;
	value: number;
	method: string;
	log: string;
	variable: string;
	/** the subclass sets its property with a class field, or in its constructor after super() */
	field: boolean;
}

export const classSuper = defineFamily<Params>({
	id: "javascript/class-super",
	language: "javascript",
	difficulty: "hard",
	title: "Overridden methods called from a base constructor",
	topics: ["classes", "inheritance", "super", "constructors", "fields"],
	params: (rng) => {
		const theme = rng.int(0, THEMES.length - 1);
		return {
			theme,
			value: rng.int(0, (THEMES[theme]?.[3].length ?? 1) - 1),
			method: rng.pick(METHODS),
			log: rng.pick(LOGS),
			variable: rng.pick(VARIABLES),
			field: rng.bool(),
		};
	},
	build: ({ theme, value, method, log, variable, field }) => {
		const chosen = THEMES[theme];
		if (!chosen) throw new RangeError(`no theme ${theme}`);
		const [base, sub, prop, values] = chosen;
		const literal = values[value] ?? values[0];
		const lower = sub.toLowerCase();
		const program = (baseCall: string, after = "", shown = `this.${prop}`) =>
			[
				`class ${base} {`,
				"  constructor() {",
				`    this.${log} = [${baseCall}];`,
				"  }",
				`  ${method}() {`,
				`    return "${base.toLowerCase()}";`,
				"  }",
				"}",
				"",
				`class ${sub} extends ${base} {`,
				...(field
					? [`  ${prop} = ${literal};`]
					: [
							`  constructor(${prop}) {`,
							"    super();",
							`    this.${prop} = ${prop};`,
							"  }",
						]),
				`  ${method}() {`,
				`    return "${lower} " + ${shown};`,
				"  }",
				"}",
				after,
				`const ${variable} = new ${sub}(${field ? "" : literal});`,
				`console.log(${variable}.${log}, ${variable}.${method}());`,
				"",
			].join("\n");
		const ownCall = `this.${method}()`;
		return {
			code: program(ownCall),
			mistakes: [
				{
					misconception: `the ${base} constructor calls ${base}'s own ${method}, because that is the class it is written in`,
					code: program(`${base}.prototype.${method}.call(this)`),
				},
				{
					misconception: field
						? `class fields such as ${prop} are set before the ${base} constructor runs`
						: `this.${prop} is already set when super() runs the ${base} constructor`,
					code: program(ownCall, `${sub}.prototype.${prop} = ${literal};\n`),
				},
				{
					misconception: `a property that is not set yet adds nothing when it is joined to a string, so the log holds "${lower} "`,
					code: program(ownCall, "", `(this.${prop} ?? "")`),
				},
			],
			explain: (answer) =>
				`new ${sub}() runs the ${base} constructor first, with this already a ${sub}, so this.${method}() finds ${sub}'s override. ` +
				(field
					? `But ${sub}'s field ${prop} is only initialised after the ${base} constructor returns, `
					: `But this.${prop} is only assigned after super() returns, `) +
				`so at that moment this.${prop} is undefined, which + turns into the text "undefined": the log holds "${lower} undefined". Later, ${variable}.${method}() sees ${prop} = ${literal}. It prints ${answer}.`,
		};
	},
});
