import type { Stats } from "@app/contract";
import { useId } from "react";
import { formatDay, formatPercent } from "./format";
import "./progress-section.css";
import "./accuracy-chart.css";

type Day = Stats["daily"][number];

// heights in px; horizontal positions are percentages, so the chart fills any width and its text never scales
const HEIGHT = 200;
const TOP = 22;
const BOTTOM = 28;
const PLOT = HEIGHT - TOP - BOTTOM;
const GRID = [1, 0.5, 0];

const yOf = (ratio: number) => TOP + PLOT * (1 - ratio);

/** One sentence that stands in for the picture (the svg's aria-label). */
export function chartSummary(daily: readonly Day[]): string {
	const active = daily.filter((day) => day.answered > 0);
	const last = active.at(-1);
	if (!last) return `No answers in the last ${daily.length} days.`;
	const answered = active.reduce((sum, day) => sum + day.answered, 0);
	const correct = active.reduce((sum, day) => sum + day.correct, 0);
	const days = active.length === 1 ? "1 day" : `${active.length} days`;
	return (
		`Daily accuracy over the last ${daily.length} days: answers on ${days}, ` +
		`${formatPercent(correct / answered)} correct in all; ` +
		`latest ${formatDay(last.date)}, ${formatPercent(last.correct / last.answered)}.`
	);
}

function Bars({ daily }: { daily: readonly Day[] }) {
	const slot = 100 / daily.length;
	return daily.map((day, index) => {
		if (day.answered === 0) return null;
		const ratio = day.correct / day.answered;
		// a day answered all wrong still gets a visible stub, unlike a day with no answers
		const height = Math.max(PLOT * ratio, 3);
		return (
			<rect
				key={day.date}
				className={ratio === 0 ? "chart-bar chart-bar-zero" : "chart-bar"}
				x={`${(index + 0.15) * slot}%`}
				width={`${slot * 0.7}%`}
				y={TOP + PLOT - height}
				height={height}
				rx={2}
			>
				<title>
					{`${formatDay(day.date)}: ${day.correct} of ${day.answered} correct (${formatPercent(ratio)})`}
				</title>
			</rect>
		);
	});
}

function DayLabels({ daily }: { daily: readonly Day[] }) {
	const middle = Math.floor((daily.length - 1) / 2);
	const labels = [
		{ index: 0, x: "0%", anchor: "start" },
		{
			index: middle,
			x: `${((middle + 0.5) / daily.length) * 100}%`,
			anchor: "middle",
		},
		{ index: daily.length - 1, x: "100%", anchor: "end" },
	] as const;
	return labels.map(({ index, x, anchor }) => {
		const day = daily[index];
		return day ? (
			<text key={anchor} x={x} y={HEIGHT - 8} textAnchor={anchor}>
				{formatDay(day.date)}
			</text>
		) : null;
	});
}

/** Accuracy per UTC day as bars, drawn without a chart library; a hidden table gives the same numbers to screen readers. */
export function AccuracyChart({ daily }: { daily: readonly Day[] }) {
	const headingId = useId();
	const active = daily.filter((day) => day.answered > 0);
	return (
		<section className="progress-section" aria-labelledby={headingId}>
			<h2 id={headingId}>Accuracy over time</h2>
			{active.length === 0 ? (
				<p className="hint">{chartSummary(daily)}</p>
			) : (
				<figure className="accuracy-chart">
					<svg
						width="100%"
						height={HEIGHT}
						role="img"
						aria-label={chartSummary(daily)}
					>
						{GRID.map((ratio) => (
							<line
								key={ratio}
								className="chart-grid"
								x1="0"
								x2="100%"
								y1={yOf(ratio)}
								y2={yOf(ratio)}
							/>
						))}
						<Bars daily={daily} />
						{GRID.filter((ratio) => ratio > 0).map((ratio) => (
							<text
								key={ratio}
								className="chart-axis-label"
								x="0"
								y={yOf(ratio) - 5}
							>
								{formatPercent(ratio)}
							</text>
						))}
						<DayLabels daily={daily} />
					</svg>
					<figcaption className="hint">
						Share of answers that were correct, per day (UTC), over the last{" "}
						{daily.length} days.
					</figcaption>
					<table className="visually-hidden">
						<caption>Answers per day</caption>
						<thead>
							<tr>
								<th scope="col">Day</th>
								<th scope="col">Answered</th>
								<th scope="col">Correct</th>
								<th scope="col">Accuracy</th>
							</tr>
						</thead>
						<tbody>
							{active.map((day) => (
								<tr key={day.date}>
									<th scope="row">{formatDay(day.date)}</th>
									<td>{day.answered}</td>
									<td>{day.correct}</td>
									<td>{formatPercent(day.correct / day.answered)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</figure>
			)}
		</section>
	);
}
