import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { counted } from "../prose.js";

const WORDS = ["kiwi", "fig", "plum", "lime", "pear", "oslo", "rome", "lima"];

/** One placeholder of the f-string: how it is written, a belief that misreads it, and what it does. */
interface Reading {
	/** the placeholder as the snippet writes it, e.g. `{city:>8}` */
	shown: string;
	/** the placeholder a learner with the belief would have written to get what they expect */
	mistaken: string;
	misconception: Belief;
	/** what the placeholder prints, said for the explanation */
	why: string;
	/** the text the placeholder puts in the line */
	result: string;
}

/** A kind of placeholder: its variable's names, how it draws a value, and how that value is read. */
interface Spec {
	names: readonly string[];
	draw(rng: Rng): { literal: string; read(name: string): Reading };
}

const word = (rng: Rng) => rng.pick(WORDS);

const SPECS = {
	rightText: {
		names: ["city", "team"],
		draw: (rng) => {
			const value = word(rng);
			const width = value.length + rng.int(2, 4);
			const added = rng.bool();
			return {
				literal: `"${value}"`,
				read: (name) => ({
					shown: `{${name}:>${width}}`,
					...(added
						? {
								mistaken: `{'':${width}}{${name}}`,
								misconception: belief`\`{${name}:>${width}}\` puts ${width} spaces before "${value}" rather than filling it out to ${width} characters`,
							}
						: {
								mistaken: `{${name}:<${width}}`,
								misconception: belief`the > in \`{${name}:>${width}}\` puts the padding after the text, so "${value}" starts at the left`,
							}),
					why: `\`{${name}:>${width}}\` pads "${value}" with spaces on the left to ${width} characters, so it ends at the right`,
					result: value.padStart(width),
				}),
			};
		},
	},
	plainText: {
		names: ["item", "fruit"],
		draw: (rng) => {
			const value = word(rng);
			const width = value.length + rng.int(2, 4);
			const added = rng.bool();
			return {
				literal: `"${value}"`,
				read: (name) => ({
					shown: `{${name}:${width}}`,
					...(added
						? {
								mistaken: `{${name}}{'':${width}}`,
								misconception: belief`\`{${name}:${width}}\` adds ${width} spaces after "${value}" rather than filling it out to ${width} characters`,
							}
						: {
								mistaken: `{${name}:>${width}}`,
								misconception: belief`a width alone right-aligns text, as it does numbers`,
							}),
					why: `a width alone left-aligns a string, so \`{${name}:${width}}\` is "${value}" followed by spaces up to ${width} characters`,
					result: value.padEnd(width),
				}),
			};
		},
	},
	plainNumber: {
		names: ["count", "score"],
		draw: (rng) => {
			const value = rng.int(3, 999);
			const width = String(value).length + rng.int(2, 4);
			const added = rng.bool();
			return {
				literal: String(value),
				read: (name) => ({
					shown: `{${name}:${width}}`,
					...(added
						? {
								mistaken: `{'':${width}}{${name}}`,
								misconception: belief`\`{${name}:${width}}\` puts ${width} spaces before ${value} rather than filling it out to ${width} characters`,
							}
						: {
								mistaken: `{${name}:<${width}}`,
								misconception: belief`a width alone left-aligns a number, as it does text`,
							}),
					why: `a width alone right-aligns a number, so \`{${name}:${width}}\` is ${value} with spaces before it up to ${width} characters`,
					result: String(value).padStart(width),
				}),
			};
		},
	},
	repr: {
		names: ["code", "tag"],
		draw: (rng) => {
			const value = word(rng);
			return {
				literal: `"${value}"`,
				read: (name) => ({
					shown: `{${name}!r}`,
					mistaken: `{${name}}`,
					misconception: belief`the conversion \`!r\` shows a string as print shows it, without quotes`,
					why: `\`{${name}!r}\` formats ${name} with repr, which puts quotes around a string: '${value}'`,
					result: `'${value}'`,
				}),
			};
		},
	},
	debug: {
		names: ["user", "label"],
		draw: (rng) => {
			const value = word(rng);
			return {
				literal: `"${value}"`,
				read: (name) => ({
					shown: `{${name}=}`,
					mistaken: `${name}={${name}}`,
					misconception: belief`\`{${name}=}\` writes the name, an equals sign and the value as str shows it, without quotes`,
					why: `\`{${name}=}\` writes the expression, an equals sign and the value's repr, so a string keeps its quotes: ${name}='${value}'`,
					result: `${name}='${value}'`,
				}),
			};
		},
	},
	rounded: {
		names: ["price", "cost"],
		draw: (rng) => {
			// the third decimal is 6 to 9, so rounding and cutting off give different cents
			const cents = rng.int(1, 98);
			const value = `${rng.int(1, 9)}.${String(cents).padStart(2, "0")}${rng.int(6, 9)}`;
			const up = (Number(value.slice(0, -1)) + 0.01).toFixed(2);
			return {
				literal: value,
				read: (name) => ({
					shown: `{${name}:.2f}`,
					mistaken: `{int(${name} * 100) / 100:.2f}`,
					misconception: belief`the spec \`.2f\` cuts off the digits after the second decimal instead of rounding`,
					why: `\`{${name}:.2f}\` rounds ${value} to two decimals, ${up}`,
					result: up,
				}),
			};
		},
	},
	grouped: {
		names: ["views", "steps"],
		draw: (rng) => {
			const value = rng.int(1001, 99999);
			const digits = String(value);
			const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ",");
			return {
				literal: digits,
				read: (name) => ({
					shown: `{${name}:,}`,
					mistaken: `{str(${name})[:3]},{str(${name})[3:]}`,
					misconception: belief`\`:,\` puts a separator after every three digits counting from the left`,
					why: `\`{${name}:,}\` groups the digits in threes from the right, so ${digits} prints as ${grouped}`,
					result: grouped,
				}),
			};
		},
	},
	percent: {
		names: ["ratio", "share"],
		draw: (rng) => {
			const hundredths = rng.pick([4, 6, 8, 15, 25, 35, 45, 64, 75, 82]);
			const literal = `0.${String(hundredths).padStart(2, "0")}`;
			return {
				literal,
				read: (name) => ({
					shown: `{${name}:.0%}`,
					mistaken: `{${name}}%`,
					misconception: belief`the spec \`.0%\` adds a percent sign after the number as it is`,
					why: `\`{${name}:.0%}\` multiplies ${literal} by 100, keeps no decimals and adds a percent sign: ${hundredths}%`,
					result: `${hundredths}%`,
				}),
			};
		},
	},
} satisfies Record<string, Spec>;
const KINDS = Object.keys(SPECS) as (keyof typeof SPECS)[];

interface Field {
	name: string;
	literal: string;
	reading: Reading;
}

interface Params {
	fields: Field[];
	separator: string;
}

export const fStringFormats = defineFamily<Params>({
	id: "python/f-string-formats",
	idea: "py.string-formatting",
	language: "python",
	difficulty: "easy",
	title: "f-string format specs",
	topics: ["f-strings", "formatting", "strings", "format spec"],
	params: (rng) => ({
		fields: rng.sample(KINDS, 3).map((kind): Field => {
			const spec: Spec = SPECS[kind];
			const name = rng.pick(spec.names);
			const { literal, read } = spec.draw(rng);
			return { name, literal, reading: read(name) };
		}),
		separator: rng.pick(["|", "/", ";"]),
	}),
	build: ({ fields, separator }) => {
		const program = (changed: Field | null) =>
			[
				...fields.map(({ name, literal }) => `${name} = ${literal}`),
				`print(f"${fields
					.map((f) => (f === changed ? f.reading.mistaken : f.reading.shown))
					.join(separator)}")`,
				"",
			].join("\n");
		return {
			code: program(null),
			mistakes: fields.map((field) => ({
				misconception: field.reading.misconception,
				code: program(field),
			})),
			explain: (answer) =>
				`Each placeholder formats its value by what follows the name in the braces: ` +
				`${fields.map((f) => f.reading.why).join("; ")}. It prints ${answer}.`,
			trace: fields.map(
				({ reading }) =>
					`${reading.shown} → "${reading.result}" (${counted(reading.result.length, "character")})`,
			),
		};
	},
});
