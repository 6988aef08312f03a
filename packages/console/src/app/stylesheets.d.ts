// The console's entry imports its stylesheet for Vite to bundle (`import './styles.css'`); TypeScript 7
// checks side-effect imports, so it needs to know such a module exists. Narrower than Vite's
// `vite/client` types, which would add `import.meta.env` and asset modules to every workspace of
// the one typecheck program (decision 0018).
declare module '*.css';
