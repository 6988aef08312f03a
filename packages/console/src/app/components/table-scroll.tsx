import type { ComponentChildren } from "preact";

/**
 * A table's own sideways scroll box: a table wider than the screen (a phone's 375 px) scrolls in
 * it instead of making the whole page scroll. Focusable, so the keyboard can scroll it, and named
 * (`label`) for a screen reader; a shadow at an edge shows there is more to see that way.
 */
export function TableScroll({
  label,
  children,
}: {
  label: string;
  children: ComponentChildren;
}) {
  return (
    <div class="table-scroll" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
