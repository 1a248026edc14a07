// The explorer's entry point (index.html loads it): styles, then the explorer on the page.
import "./styles.css";
import { mountExplorer } from "./explorer.ts";

mountExplorer();
