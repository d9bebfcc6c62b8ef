import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { quotaFixture } from "@/testing/fixtures";
import { formatDuration, QuotaDisplay } from "./quota-display";

describe("QuotaDisplay", () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date("2026-11-26T05:00:00.000Z"));
	});
	afterEach(() => vi.useRealTimers());

	it("shows the challenges left as text containing remaining", () => {
		render(<QuotaDisplay quota={quotaFixture({ quota_remaining: 7 })} />);
		expect(screen.getByText(/remaining/)).toHaveTextContent(
			"7 challenges remaining",
		);
		expect(screen.queryByText(/Refills in/)).not.toBeInTheDocument();
	});

	it("uses the singular for one challenge", () => {
		render(<QuotaDisplay quota={quotaFixture({ quota_remaining: 1 })} />);
		expect(screen.getByText(/remaining/)).toHaveTextContent(
			"1 challenge remaining",
		);
	});

	it("counts down to the refill when the quota is used up, and asks for the new quota when it is due", () => {
		const onRefillDue = vi.fn();
		render(
			<QuotaDisplay
				quota={quotaFixture({ quota_remaining: 0 })}
				onRefillDue={onRefillDue}
			/>,
		);
		expect(screen.getByText(/Refills in/)).toHaveTextContent(
			"Refills in 3h 00m 00s",
		);
		act(() => vi.advanceTimersByTime(61_000));
		expect(screen.getByText(/Refills in/)).toHaveTextContent(
			"Refills in 2h 58m 59s",
		);
		expect(onRefillDue).not.toHaveBeenCalled();
		act(() => vi.advanceTimersByTime(3 * 3600_000));
		expect(onRefillDue).toHaveBeenCalledOnce();
	});

	it("asks once for a refill the server has not made yet, not on every tick, when the local clock runs ahead", () => {
		const onRefillDue = vi.fn();
		const quota = quotaFixture({
			quota_remaining: 0,
			next_reset_at: "2026-11-26T04:59:50.000Z",
		});
		const { rerender } = render(
			<QuotaDisplay quota={quota} onRefillDue={onRefillDue} />,
		);
		expect(onRefillDue).toHaveBeenCalledOnce();
		// the server, behind, answers with the same quota
		act(() => vi.advanceTimersByTime(5_000));
		rerender(<QuotaDisplay quota={{ ...quota }} onRefillDue={onRefillDue} />);
		act(() => vi.advanceTimersByTime(5_000));
		expect(onRefillDue).toHaveBeenCalledOnce();
		// still not refilled: asked again, slowly
		act(() => vi.advanceTimersByTime(25_000));
		expect(onRefillDue).toHaveBeenCalledTimes(2);
		// a new refill time is a new question
		rerender(
			<QuotaDisplay
				quota={{ ...quota, next_reset_at: "2026-11-26T05:01:00.000Z" }}
				onRefillDue={onRefillDue}
			/>,
		);
		expect(onRefillDue).toHaveBeenCalledTimes(2);
		act(() => vi.advanceTimersByTime(25_000));
		expect(onRefillDue).toHaveBeenCalledTimes(3);
	});
});

describe("formatDuration", () => {
	it("formats hours, minutes and seconds, never below zero", () => {
		expect(formatDuration(3_723_000)).toBe("1h 02m 03s");
		expect(formatDuration(59_000)).toBe("0m 59s");
		expect(formatDuration(-5)).toBe("0m 00s");
	});
});
