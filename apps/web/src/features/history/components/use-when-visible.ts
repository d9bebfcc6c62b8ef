import { type RefObject, useEffect, useRef } from "react";

/**
 * Calls `onVisible` when the element scrolls near the viewport, while `enabled`. Without
 * IntersectionObserver (old browsers, jsdom) it does nothing and the button remains the way.
 */
export function useWhenVisible(
	ref: RefObject<Element | null>,
	enabled: boolean,
	onVisible: () => void,
) {
	// the latest callback, so a new function each render does not re-create the observer
	const callback = useRef(onVisible);
	useEffect(() => {
		callback.current = onVisible;
	});
	useEffect(() => {
		const element = ref.current;
		if (!enabled || !element || typeof IntersectionObserver === "undefined")
			return;
		const observer = new IntersectionObserver(
			(entries) => {
				if (entries.some((entry) => entry.isIntersecting)) callback.current();
			},
			{ rootMargin: "200px" },
		);
		observer.observe(element);
		return () => observer.disconnect();
	}, [ref, enabled]);
}
