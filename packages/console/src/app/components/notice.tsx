import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Tells the shell to announce a short result (a polite live region reads it out). */
export const NoticeContext = createContext<(text: string) => void>(() => undefined);

export function useNotice() {
  return useContext(NoticeContext);
}
