import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { possessive, withArticle } from "../prose.js";

interface Theme {
	base: string;
	sub: string;
	/** the subclass's property, and the values it may hold */
	prop: string;
	values: readonly string[];
}
const THEMES: readonly Theme[] = [
	{
		base: "Shape",
		sub: "Square",
		prop: "side",
		values: ["2", "3", "4", "5", "7", "9"],
	},
	{
		base: "Animal",
		sub: "Dog",
		prop: "sound",
		values: ['"woof"', '"arf"', '"yip"', '"ruff"'],
	},
	{
		base: "Account",
		sub: "Savings",
		prop: "rate",
		values: ["1", "2", "3", "4", "5"],
	},
	{
		base: "Widget",
		sub: "Button",
		prop: "caption",
		values: ['"OK"', '"Save"', '"Go"', '"Undo"'],
	},
	{
		base: "Vehicle",
		sub: "Truck",
		prop: "wheels",
		values: ["6", "8", "10", "18"],
	},
];
const VARIABLES = ["item", "obj", "thing", "made"];
const METHODS = ["describe", "summary", "toText"];
const LOGS = ["notes", "log", "history"];

interface Params {
	theme: Theme;
	/** the literal the subclass gives its property */
	literal: string;
	method: string;
	log: string;
	variable: string;
	/** the subclass sets its property with a class field, or in its constructor after super() */
	field: boolean;
	/**
	 * the base method's text is "a shape of some kind" rather than "shape": the answer, with its
	 * "undefined", is then not always the longest option
	 */
	vague: boolean;
}

export const classSuper = defineFamily<Params>({
	id: "javascript/class-super",
	idea: "js.classes",
	language: "javascript",
	difficulty: "hard",
	title: "Overridden methods called from a base constructor",
	topics: ["classes", "inheritance", "super", "constructors", "fields"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		return {
			theme,
			literal: rng.pick(theme.values),
			method: rng.pick(METHODS),
			log: rng.pick(LOGS),
			variable: rng.pick(VARIABLES),
			field: rng.bool(),
			vague: rng.int(0, 3) > 0,
		};
	},
	build: ({
		theme: { base, sub, prop },
		literal,
		method,
		log,
		variable,
		field,
		vague,
	}) => {
		const generic = vague
			? `${withArticle(base.toLowerCase())} of some kind`
			: base.toLowerCase();
		const lower = sub.toLowerCase();
		const program = (baseCall: string, after = "", shown = `this.${prop}`) =>
			[
				`class ${base} {`,
				"  constructor() {",
				`    this.${log} = [${baseCall}];`,
				"  }",
				`  ${method}() {`,
				`    return "${generic}";`,
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
		const made = `new ${sub}(${field ? "" : literal})`;
		return {
			code: program(ownCall),
			mistakes: [
				{
					misconception: belief`the ${base} constructor calls ${possessive(base)} own ${method}, because that is the class it is written in`,
					code: program(`${base}.prototype.${method}.call(this)`),
				},
				{
					misconception: field
						? belief`class fields such as ${prop} are set before the ${base} constructor runs`
						: belief`this.${prop} is already set when super() runs the ${base} constructor`,
					code: program(ownCall, `${sub}.prototype.${prop} = ${literal};\n`),
				},
				{
					misconception: belief`a property that is not set yet adds nothing when it is joined to a string, so ${variable}.${log} holds "${lower} "`,
					code: program(ownCall, "", `(this.${prop} ?? "")`),
				},
			],
			explain: (answer) =>
				`${made} runs the ${base} constructor first, with this already ${withArticle(sub)}, so this.${method}() finds ${possessive(sub)} override. ` +
				(field
					? `But ${possessive(sub)} field ${prop} is only initialised after the ${base} constructor returns, `
					: `But this.${prop} is only assigned after super() returns, `) +
				`so at that moment this.${prop} is undefined, which + turns into the text "undefined": ${variable}.${log} holds "${lower} undefined". Later, ${variable}.${method}() sees ${prop} = ${literal}. It prints ${answer}.`,
			trace: [
				`${made}: the ${base} constructor runs first, this is already ${withArticle(sub)}`,
				`this.${method}() is ${possessive(sub)}: "${lower} " + this.${prop}`,
				field
					? `the field ${prop} is not set yet: "${lower} " + undefined = "${lower} undefined"`
					: `this.${prop} = ${prop} has not run yet: "${lower} " + undefined = "${lower} undefined"`,
				`${variable}.${log} = ["${lower} undefined"]`,
				field
					? `${base} constructor returns, then the field is set: ${prop} = ${literal}`
					: `super() returns, then this.${prop} = ${literal}`,
				`${variable}.${method}() = "${lower} ${literal.replace(/^"|"$/g, "")}"`,
			],
		};
	},
});
