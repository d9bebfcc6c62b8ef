import {
	DIFFICULTIES,
	HISTORY_RESULTS,
	LANGUAGES,
} from "@app/contract/constants";
import { SelectField } from "@/components/ui/select-field";
import {
	DIFFICULTY_LABELS,
	LANGUAGE_LABELS,
	labelledOptions,
	RESULT_LABELS,
} from "@/config/labels";
import type { HistoryFilters as Filters } from "../api/get-history";
import "./history-filters.css";

/** "" stands for "All": a select's value is a string, and an absent filter is sent as nothing. */
const withAll = <T extends string>(
	values: readonly T[],
	labels: Record<T, string>,
) => [{ value: "" as const, label: "All" }, ...labelledOptions(values, labels)];

const pick = <T extends string>(values: readonly T[], raw: string | null) =>
	values.find((value) => value === raw);

/** The filters a URL asks for; unknown values are ignored rather than sent to the API to be refused. */
export function filtersFromSearch(params: URLSearchParams): Filters {
	return {
		difficulty: pick(DIFFICULTIES, params.get("difficulty")),
		language: pick(LANGUAGES, params.get("language")),
		result: pick(HISTORY_RESULTS, params.get("result")),
	};
}

export const hasFilters = (filters: Filters) =>
	Object.values(filters).some(Boolean);

/** Difficulty, Language and Result selects, each with an "All" option. */
export function HistoryFilters({
	value,
	onChange,
}: {
	value: Filters;
	onChange(next: Filters): void;
}) {
	return (
		<div className="history-filters">
			<SelectField
				label="Difficulty"
				value={value.difficulty ?? ""}
				options={withAll(DIFFICULTIES, DIFFICULTY_LABELS)}
				onChange={(difficulty) =>
					onChange({ ...value, difficulty: difficulty || undefined })
				}
			/>
			<SelectField
				label="Language"
				value={value.language ?? ""}
				options={withAll(LANGUAGES, LANGUAGE_LABELS)}
				onChange={(language) =>
					onChange({ ...value, language: language || undefined })
				}
			/>
			<SelectField
				label="Result"
				value={value.result ?? ""}
				options={withAll(HISTORY_RESULTS, RESULT_LABELS)}
				onChange={(result) =>
					onChange({ ...value, result: result || undefined })
				}
			/>
		</div>
	);
}
