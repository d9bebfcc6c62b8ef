import {
	type HistoryItem,
	HistoryResponseSchema,
	QuotaSchema,
} from "@app/contract";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fastSerializerCompiler } from "./fast-serializer.js";

const route = (schema: z.ZodType) =>
	fastSerializerCompiler({
		schema,
		method: "GET",
		url: "/test",
		httpStatus: "200",
	});

const item = (id: number, answered: boolean): HistoryItem => ({
	id,
	difficulty: "medium",
	language: "python",
	kind: "output",
	runtime: "Python 3",
	title: "What does this print?",
	code: 'print("a\\u0000b", "é", "\u2028")\n',
	options: ["1", "2", '"3"', "Error"],
	correct_answer_id: 0,
	explanation: "Because.",
	verified: true,
	source: "offline",
	verification: "executed",
	timestamp: "2026-12-05T19:17:45.695Z",
	idea: id % 2 ? null : { id: "py.aliasing", name: "Aliasing and copying" },
	review_of: null,
	date_created: "2026-12-05T19:17:45.695Z",
	answer: answered
		? {
				answer_id: 1,
				correct: false,
				answered_at: "2026-12-05T19:17:45.695Z",
				misconception:
					id % 3
						? null
						: { id: "py.aliasing.a", idea: "py.aliasing", statement: "A copy" },
			}
		: null,
});

describe("fastSerializerCompiler", () => {
	it("writes what zod's serializer wrote, nulls and nested nullable objects included", () => {
		const page = {
			challenges: [1, 2, 3, 4, 5, 6].map((id) => item(id, id % 2 === 0)),
			next_cursor: null,
		};
		const written = route(HistoryResponseSchema)(page);
		expect(written).toBe(JSON.stringify(HistoryResponseSchema.encode(page)));
		expect(JSON.parse(written)).toEqual(page);
	});

	it("writes only the properties the schema names, whatever else the value holds", () => {
		const quota = {
			user_id: "user_a",
			quota_remaining: 3,
			last_reset_date: "2026-12-05T00:00:00.000Z",
			next_reset_at: "2026-12-06T00:00:00.000Z",
			secret: "sk-never-sent",
		};
		const written = route(QuotaSchema)(quota);
		expect(written).not.toContain("sk-never-sent");
		expect(JSON.parse(written)).toEqual({ ...quota, secret: undefined });
	});

	it("falls back to zod's serializer for a schema JSON Schema cannot express", () => {
		const schema = z.object({ at: z.date() });
		const serialize = route(schema);
		expect(() => serialize({ at: "not a date" })).toThrow();
	});
});
