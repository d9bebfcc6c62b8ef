import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { GenerateForm } from "./generate-form";

describe("GenerateForm", () => {
	it("asks for the chosen difficulty, language and trimmed topic, and remembers the choice", async () => {
		const user = userEvent.setup();
		const onGenerate = vi.fn();
		const { unmount } = render(
			<GenerateForm onGenerate={onGenerate} busy={false} exhausted={false} />,
		);
		await user.selectOptions(
			screen.getByRole("combobox", { name: "Difficulty" }),
			"Hard",
		);
		await user.selectOptions(
			screen.getByRole("combobox", { name: "Language" }),
			"JavaScript",
		);
		await user.type(
			screen.getByRole("textbox", { name: /Topic/ }),
			"  closures ",
		);
		await user.click(
			screen.getByRole("button", { name: "Generate challenge" }),
		);
		expect(onGenerate).toHaveBeenCalledWith({
			difficulty: "hard",
			language: "javascript",
			topic: "closures",
		});
		unmount();
		render(
			<GenerateForm onGenerate={onGenerate} busy={false} exhausted={false} />,
		);
		expect(screen.getByRole("combobox", { name: "Difficulty" })).toHaveValue(
			"hard",
		);
	});

	it("shows progress with the elapsed time in the button and refuses a second request while one runs", async () => {
		const onGenerate = vi.fn();
		render(<GenerateForm onGenerate={onGenerate} busy exhausted={false} />);
		const button = screen.getByRole("button", { name: "Generate challenge" });
		expect(button).toBeDisabled();
		expect(button).toHaveAttribute("aria-busy", "true");
		expect(button).toHaveTextContent(/Generate challenge\s*\d+\.\d s/);
		await userEvent.setup().click(button);
		expect(onGenerate).not.toHaveBeenCalled();
	});

	it("announces Generating… once, without the ticking time", () => {
		render(<GenerateForm onGenerate={vi.fn()} busy exhausted={false} />);
		// the status is read out on every change: it must not hold the clock
		expect(screen.getByRole("status")).toHaveTextContent(/^Generating…$/);
		expect(screen.getByText(/\d+\.\d s/)).toHaveAttribute(
			"aria-hidden",
			"true",
		);
	});

	it("explains why it cannot generate when the quota is used up", () => {
		render(<GenerateForm onGenerate={vi.fn()} busy={false} exhausted />);
		expect(
			screen.getByRole("button", { name: "Generate challenge" }),
		).toBeDisabled();
		expect(screen.getByRole("status")).toHaveTextContent(
			"No challenges left until your quota refills.",
		);
	});
});
