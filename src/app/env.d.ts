// Types of Vite's import suffixes (`?raw`, `?worker`, …) used by the explorer's modules.
/// <reference types="vite/client" />
