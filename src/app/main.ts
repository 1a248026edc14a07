// The explorer's entry point (index.html loads it): styles, the graph's fetch started at once, then
// the explorer's code (its own chunk, loaded while the graph arrives) mounted on the page.
import "./styles.css";
import { prefetchGraph } from "./prefetch.ts";

prefetchGraph(location.search, location.href);
const { mountExplorer } = await import("./explorer.ts");
mountExplorer();
