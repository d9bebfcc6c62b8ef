import { useId } from "react";
import "./field.css";

interface SelectFieldProps<T extends string> {
	label: string;
	value: T;
	options: readonly { value: T; label: string }[];
	onChange(value: T): void;
}

/** A select with its visible label (the label is its accessible name). */
export function SelectField<T extends string>({
	label,
	value,
	options,
	onChange,
}: SelectFieldProps<T>) {
	const id = useId();
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select
				id={id}
				value={value}
				onChange={(event) => onChange(event.target.value as T)}
			>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
		</div>
	);
}
