import type { Quota } from "@app/contract";
import { useEffect, useState } from "react";

/** "3h 04m 05s" */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const pad = (n: number) => String(n).padStart(2, "0");
	return hours > 0
		? `${hours}h ${pad(minutes)}m ${pad(seconds)}s`
		: `${minutes}m ${pad(seconds)}s`;
}

function useNow(active: boolean, now: () => number) {
	const [time, setTime] = useState(now);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => setTime(now()), 1000);
		return () => clearInterval(timer);
	}, [active, now]);
	return time;
}

interface QuotaDisplayProps {
	quota: Quota;
	/** called once when the refill time is reached, to fetch the refilled quota */
	onRefillDue?: () => void;
	now?: () => number;
}

/** The challenges left (CONTRACT: text containing "remaining"), and at zero a live countdown to the refill. */
export function QuotaDisplay({
	quota,
	onRefillDue,
	now = Date.now,
}: QuotaDisplayProps) {
	const exhausted = quota.quota_remaining <= 0;
	const time = useNow(exhausted, now);
	const left = Date.parse(quota.next_reset_at) - time;
	useEffect(() => {
		if (exhausted && left <= 0) onRefillDue?.();
	}, [exhausted, left, onRefillDue]);
	const noun = quota.quota_remaining === 1 ? "challenge" : "challenges";
	return (
		<div className={`quota${exhausted ? " quota-exhausted" : ""}`}>
			<p className="quota-count">
				<strong>{quota.quota_remaining}</strong> {noun} remaining
			</p>
			{exhausted && (
				<p className="quota-refill">
					Refills in{" "}
					<time dateTime={quota.next_reset_at}>{formatDuration(left)}</time>
					<span className="visually-hidden">
						{" "}
						(at {new Date(quota.next_reset_at).toLocaleString()})
					</span>
				</p>
			)}
		</div>
	);
}
