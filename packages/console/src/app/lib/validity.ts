import type { Translate } from '../i18n/locale.js';

/**
 * The console's words for why a form control refuses its value, or `''` for one whose own
 * message was set on purpose (a JSON field's). The browser's bubble speaks the browser's
 * language, not the console's: a Chinese console in an English Chromium said "Please fill out
 * this field".
 *
 * @example
 * ```ts
 * validityText({ valueMissing: true, customError: false }, translator('zh')); // '请填写此项。'
 * ```
 */
export function validityText({ valueMissing, customError }: Pick<ValidityState, 'valueMissing' | 'customError'>, t: Translate): string {
  return customError ? '' : t(valueMissing ? 'form.required' : 'form.invalid');
}

type Control = HTMLInputElement;

/**
 * Gives every refused control of the page the console's message in the reader's language while
 * the browser checks a form (`invalid` does not bubble, hence capture), and lets the browser judge
 * the value afresh once it is edited. Returns the function that stops it.
 */
export function sayValidityIn(t: Translate): () => void {
  const invalid = (event: Event) => {
    const control = event.target as Control;
    const text = validityText(control.validity, t);
    if (text) control.setCustomValidity(text);
  };
  const edited = (event: Event) => (event.target as Control).setCustomValidity?.('');
  addEventListener('invalid', invalid, true);
  addEventListener('input', edited, true);
  return () => {
    removeEventListener('invalid', invalid, true);
    removeEventListener('input', edited, true);
  };
}
