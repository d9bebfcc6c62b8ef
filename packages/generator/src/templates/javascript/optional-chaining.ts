import { belief } from "../belief.js";
import { defineFamily } from "../family.js";

/** A falsy value that is not null or undefined, with a method or property ?. goes on to read. */
const FALSY_READS = [
	{ value: "0", read: "toFixed(1)", shows: "'0.0'" },
	{ value: "0", read: "toString()", shows: "'0'" },
	{ value: '""', read: "length", shows: "0" },
	{ value: "false", read: "toString()", shows: "'false'" },
	{ value: "false", read: "toString().length", shows: "5" },
	{ value: '""', read: 'padEnd(3, "-")', shows: "'---'" },
] as const;

/** A falsy value behind ?., then ?? with a fallback: the read that shows ?? keeps it. */
const NULLISH_READS = [
	{ field: "volume", value: "0", fallback: "100" },
	{ field: "count", value: "0", fallback: "250" },
	{ field: "title", value: '""', fallback: '"untitled"' },
	{ field: "label", value: '""', fallback: '"none"' },
	{ field: "limit", value: "0", fallback: "1000" },
	{ field: "nickname", value: '""', fallback: '"guest"' },
] as const;

const THEMES = [
	{
		object: "user",
		missing: "address",
		inner: "city",
		falsy: "score",
		nested: "prefs",
	},
	{
		object: "order",
		missing: "coupon",
		inner: "code",
		falsy: "discount",
		nested: "options",
	},
	{
		object: "post",
		missing: "author",
		inner: "name",
		falsy: "likes",
		nested: "settings",
	},
	{
		object: "song",
		missing: "album",
		inner: "title",
		falsy: "plays",
		nested: "player",
	},
] as const;

const READS = ["stop", "falsy", "nullish"] as const;

interface Params {
	theme: (typeof THEMES)[number];
	falsy: (typeof FALSY_READS)[number];
	nullish: (typeof NULLISH_READS)[number];
	/** the order of the three reads in the printed array */
	order: (typeof READS)[number][];
	/** the order of the properties in the object literal */
	declared: (typeof READS)[number][];
}

/** Which read a mistake changes: each read has its own belief, so mistakes combine. */
interface Belief {
	/** ?. gives back the null it stopped at */
	keepsNull?: boolean;
	/** ?. stops at any falsy value, as && does */
	stopsAtFalsy?: boolean;
	/** ?? falls back on any falsy value, as || does */
	nullishAsOr?: boolean;
}

export const optionalChaining = defineFamily<Params>({
	id: "javascript/optional-chaining",
	idea: "js.missing-properties",
	language: "javascript",
	difficulty: "easy",
	title: "Where optional chaining stops",
	topics: [
		"optional chaining",
		"nullish coalescing",
		"null",
		"undefined",
		"operators",
	],
	params: (rng) => ({
		theme: rng.pick(THEMES),
		falsy: rng.pick(FALSY_READS),
		nullish: rng.pick(NULLISH_READS),
		order: rng.shuffle(READS),
		declared: rng.shuffle(READS),
	}),
	build: ({ theme: t, falsy, nullish, order, declared }) => {
		const o = t.object;
		const property = {
			stop: `${t.missing}: null`,
			falsy: `${t.falsy}: ${falsy.value}`,
			nullish: `${t.nested}: { ${nullish.field}: ${nullish.value} }`,
		};
		const read = (which: (typeof READS)[number], b: Belief) => {
			if (which === "stop")
				return b.keepsNull
					? `${o}.${t.missing}`
					: `${o}.${t.missing}?.${t.inner}`;
			if (which === "falsy")
				return b.stopsAtFalsy
					? `${o}.${t.falsy} && ${o}.${t.falsy}.${falsy.read}`
					: `${o}.${t.falsy}?.${falsy.read}`;
			return `${o}.${t.nested}?.${nullish.field} ${b.nullishAsOr ? "||" : "??"} ${nullish.fallback}`;
		};
		const program = (b: Belief = {}) =>
			[
				`const ${o} = { ${declared.map((d) => property[d]).join(", ")} };`,
				`console.log([${order.map((which) => read(which, b)).join(", ")}]);`,
				"",
			].join("\n");
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`${o}.${t.missing}?.${t.inner} gives null, the value where the chain stopped`,
					code: program({ keepsNull: true }),
				},
				{
					misconception: belief`?. stops at any falsy value, as && does, so ${o}.${t.falsy}?.${falsy.read} gives ${falsy.value}`,
					code: program({ stopsAtFalsy: true }),
				},
				{
					misconception: belief`?? falls back whenever the left side is falsy, as || does, so ${nullish.value} is replaced by ${nullish.fallback}`,
					code: program({ nullishAsOr: true }),
				},
			],
			explain: (answer) =>
				`?. stops only at null or undefined, and then the whole chain gives undefined, whatever the value it stopped at: ${o}.${t.missing} is null, so ${o}.${t.missing}?.${t.inner} is undefined. ` +
				`Any other value goes on through the chain, falsy or not, so ${o}.${t.falsy}?.${falsy.read} is ${falsy.shows}. ` +
				`?? likewise falls back only on null or undefined, so ${o}.${t.nested}?.${nullish.field} keeps ${nullish.value}. ` +
				`console.log shows the array as ${answer}.`,
			trace: order.map((which) => {
				if (which === "stop")
					return `${o}.${t.missing} is null, so ?. stops: ${o}.${t.missing}?.${t.inner} is undefined`;
				if (which === "falsy")
					return `${o}.${t.falsy} is ${falsy.value}, not null or undefined, so .${falsy.read} runs: ${falsy.shows}`;
				return `${o}.${t.nested}?.${nullish.field} is ${nullish.value}, not null or undefined, so ?? keeps it`;
			}),
		};
	},
});
