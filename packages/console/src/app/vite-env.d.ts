// Vite's ambient types for what the console's entry imports through Vite (its stylesheet).
/// <reference types="vite/client" />
