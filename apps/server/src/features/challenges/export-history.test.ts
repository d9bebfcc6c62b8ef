import type { HistoryItem } from "@app/contract";
import { describe, expect, it } from "vitest";
import { historyCsv } from "./export-history.js";

const item = (overrides: Partial<HistoryItem>): HistoryItem => ({
	id: 1,
	difficulty: "easy",
	language: "python",
	kind: "output",
	runtime: "Python 3",
	title: "A title",
	code: "print(1)",
	options: ["1", "2", "3", "4"],
	correct_answer_id: 0,
	explanation: "e",
	verified: true,
	source: "offline:x",
	verification: "executed",
	timestamp: "2026-01-01T00:00:00.000Z",
	date_created: "2026-01-01T00:00:00.000Z",
	idea: null,
	review_of: null,
	answer: null,
	...overrides,
});

describe("historyCsv", () => {
	it("quotes fields holding commas, quotes or line breaks, and defuses text a spreadsheet would run", () => {
		const csv = historyCsv([
			item({
				title: 'Say "hi", then',
				code: "x = [1, 2]\nprint(x)",
				options: ["=SUM(A1)", "@cmd", "-1", "+1"],
				answer: {
					answer_id: 2,
					correct: false,
					answered_at: "2026-01-01T00:01:00.000Z",
					misconception: null,
				},
			}),
		]);
		const [, row] = csv.split("\r\n");
		expect(row).toBe(
			`1,2026-01-01T00:00:00.000Z,easy,python,output,,"Say ""hi"", then","x = [1, 2]\nprint(x)",'=SUM(A1),'-1,false,2026-01-01T00:01:00.000Z,`,
		);
		expect(csv.endsWith("\r\n")).toBe(true);
	});
});
