import { defineFamily } from "../family.js";

const WORDS = [
	"pythonic",
	"sandwich",
	"keyboard",
	"triangle",
	"elephant",
	"workshop",
	"notebook",
	"language",
	"mountain",
	"calendar",
	"painting",
	"dinosaur",
	"umbrella",
	"sunshine",
	"aquarium",
	"treasure",
];

interface Params {
	word: string;
	start: number;
	stop: number;
}

export const stringSlicing = defineFamily<Params>({
	id: "python/string-slicing",
	language: "python",
	difficulty: "easy",
	title: "String slicing",
	topics: ["strings", "slicing", "indexing"],
	params: (rng) => {
		const word = rng.pick(WORDS);
		const start = rng.int(1, 4);
		// a stop at the end of the word would make "the stop is included" print the same slice
		const longest = Math.min(4, word.length - 1 - start);
		return { word, start, stop: start + rng.int(2, longest) };
	},
	build: ({ word, start, stop }) => {
		const program = (slice: string) =>
			`word = "${word}"\nprint(word[${slice}])\n`;
		return {
			code: program(`${start}:${stop}`),
			mistakes: [
				{
					misconception: "the stop index is included in the slice",
					code: program(`${start}:${stop + 1}`),
				},
				{
					misconception: "string positions are counted from 1",
					code: program(`${start - 1}:${stop - 1}`),
				},
				{
					misconception: "the second number is how many characters to take",
					code: program(`${start}:${start + stop}`),
				},
			],
			explain: (answer) =>
				`word[${start}:${stop}] takes the characters from index ${start} up to, but not including, index ${stop}; ` +
				`indexes start at 0, so that is ${stop - start} characters: ${answer}.`,
		};
	},
});
