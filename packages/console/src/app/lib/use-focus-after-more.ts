import { useEffect, useRef } from 'preact/hooks';

/** What can take the keyboard's focus in an item: its link, its button or its disclosure. */
const FOCUSABLE = 'a[href], button, summary, [tabindex]';

/**
 * Keeps the keyboard's focus in a list paged by a "Load more" button. When the last page comes,
 * the button goes and the browser drops its focus to the page's start; this moves it to the
 * first item loaded instead (its link, button or disclosure, else the item itself).
 *
 * @param shown - how many items the list shows: the children of the element `list` is put on.
 * @returns `list`, the ref for the items' container, and `loadingMore`, to call as the button is pressed.
 *
 * @example
 * ```tsx
 * const focus = useFocusAfterMore<HTMLTableSectionElement>(rows.length);
 * <tbody ref={focus.list}>…</tbody>
 * <button onClick={() => { focus.loadingMore(); setPages((n) => n + 1); }}>…</button>
 * ```
 */
export function useFocusAfterMore<T extends HTMLElement>(shown: number) {
  // How many items were shown when the button was pressed, until more are shown.
  const shownBefore = useRef<number>();
  const list = useRef<T>(null);
  useEffect(() => {
    const first = shownBefore.current;
    if (first === undefined || shown <= first) return;
    shownBefore.current = undefined;
    // Only the focus that fell with the button: one the reader moved elsewhere meanwhile stays.
    if (document.activeElement !== document.body) return;
    const item = list.current?.children[first] as HTMLElement | undefined;
    if (!item) return;
    let target = item.querySelector<HTMLElement>(FOCUSABLE);
    // An item with nothing focusable in it (a delivery's row) takes the focus itself, out of the Tab order.
    if (!target) {
      item.tabIndex = -1;
      target = item;
    }
    target.focus();
  }, [shown]);
  return {
    list,
    loadingMore: () => {
      shownBefore.current = shown;
    },
  };
}
