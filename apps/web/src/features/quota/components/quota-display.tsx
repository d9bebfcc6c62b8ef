import type { Quota } from "@app/contract";
import { useEffect, useRef, useState } from "react";
import "./quota-display.css";

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

/** How long to wait before asking again for a refill the server has not made yet. */
const RE_ASK_MS = 30_000;

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
	/** called when the refill time is reached, to fetch the refilled quota: once per next_reset_at, then every 30 s while it stays */
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
	// A clock ahead of the server's reaches the refill first, and the server still answers 0 with
	// the same next_reset_at: ask once for it, then only every RE_ASK_MS until the server catches up.
	const asked = useRef<{ resetAt: string; time: number } | null>(null);
	useEffect(() => {
		if (!exhausted || left > 0) return;
		const last = asked.current;
		if (last?.resetAt === quota.next_reset_at && time - last.time < RE_ASK_MS)
			return;
		asked.current = { resetAt: quota.next_reset_at, time };
		onRefillDue?.();
	}, [exhausted, left, time, quota.next_reset_at, onRefillDue]);
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
