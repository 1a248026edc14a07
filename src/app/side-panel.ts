// The side panel of the selected node: titles, authors, date, links, community, topics, benchmarks,
// the papers related to it with the reasons, and for every link the evidence (which document, which
// words). Every item that names a node navigates to it. Text only through textContent (dom.ts).
import type { Evidence } from "../extract/types.ts";
import type { EdgeAttributes, EdgeKind, LitGraph, NodeAttributes } from "../graph/types.ts";
import type { RelatedResult } from "../related/index.ts";
import type { DetailsState } from "./details.ts";
import { clear, el, externalLink, safeHref } from "./dom.ts";
import { isPaperLike } from "./visibility.ts";

export interface SidePanelOptions {
  onNavigate: (key: string) => void;
  onClose: () => void;
}

export interface SidePanelContent {
  graph: LitGraph;
  key: string;
  /** Ranked related papers, for papers and surveys. */
  related: RelatedResult[];
  /** Whether the node's details (abstract, authors, evidence) are in the graph yet; default ready. */
  details?: DetailsState;
}

export interface SidePanel {
  show(content: SidePanelContent): void;
  hide(): void;
  destroy(): void;
}

/** A neighbour and the links to it, grouped by edge kind. */
interface Link {
  key: string;
  attributes: NodeAttributes;
  kinds: EdgeKind[];
  evidence: Evidence[];
  score?: number;
}

/** Evidence items shown before the rest fold into "n more". */
const EVIDENCE_SHOWN = 2;
/** Authors shown before "and n more". */
const AUTHORS_SHOWN = 12;
/** Linked papers listed for a topic or benchmark before the rest fold away. */
const LINKS_SHOWN = 30;

const RELATION_WORDS: Partial<Record<EdgeKind, string>> = {
  evaluates: "evaluated on",
  introduces: "introduced",
  covers: "covers",
  lists: "lists",
  related: "listed as related",
  broader: "part of",
};

/** Mount the panel into `panel` (an <aside>); it starts hidden. */
export function mountSidePanel(panel: HTMLElement, options: SidePanelOptions): SidePanel {
  panel.hidden = true;
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    const key = target?.closest<HTMLElement>("[data-node]")?.dataset.node;
    if (key && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      options.onNavigate(key);
    }
  };
  const onClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest(".panel-close")) {
      options.onClose();
      return;
    }
    const key = target?.closest<HTMLElement>("[data-node]")?.dataset.node;
    if (key) options.onNavigate(key);
  };
  panel.addEventListener("click", onClick);
  panel.addEventListener("keydown", onKey);
  return {
    show(content) {
      clear(panel);
      panel.append(...renderPanel(content));
      panel.hidden = false;
      panel.scrollTop = 0;
    },
    hide() {
      panel.hidden = true;
      clear(panel);
    },
    destroy() {
      panel.removeEventListener("click", onClick);
      panel.removeEventListener("keydown", onKey);
      clear(panel);
    },
  };
}

function renderPanel({ graph, key, related, details }: SidePanelContent): HTMLElement[] {
  const a = graph.getNodeAttributes(key);
  const links = collectLinks(graph, key);
  const community = graph.getAttribute("communities")?.[String(a.community)];
  const parts: HTMLElement[] = [];

  parts.push(
    el("div", { className: "panel-head" }, [
      el("span", { className: "panel-kind" }, [
        el("span", { className: `kind-glyph kind-${a.kind}`, attrs: { "aria-hidden": "true" } }),
        String(a.kind),
      ]),
      el("button", {
        className: "panel-close icon-button",
        text: "×",
        attrs: { type: "button", "aria-label": "Close the panel (Esc)", title: "Close (Esc)" },
      }),
    ]),
  );
  const title = a.title && a.title !== "" ? a.title : a.label;
  parts.push(
    el("h2", { className: "panel-title", text: String(title), attrs: { id: "panel-title" } }),
  );
  if (a.titleZh && a.titleZh !== title)
    parts.push(el("p", { className: "panel-title-zh", text: a.titleZh, attrs: { lang: "zh" } }));
  if (details?.state === "loading")
    parts.push(
      el("p", {
        className: "panel-details-state muted",
        text: "Loading details…",
        attrs: { role: "status", "data-details": "loading" },
      }),
    );
  else if (details?.state === "error")
    parts.push(
      el("p", {
        className: "panel-details-state panel-error",
        text: `Details could not be loaded: ${details.message}`,
        attrs: { role: "alert", "data-details": "error" },
      }),
    );

  const meta: (string | HTMLElement)[] = [];
  if (a.date) meta.push(a.date.slice(0, 10));
  else if (typeof a.year === "number") meta.push(String(a.year));
  if (a.arxiv) meta.push(`arXiv ${a.arxiv}`);
  if (community) {
    meta.push(
      el("span", { className: "panel-community" }, [
        el("span", {
          className: "swatch",
          attrs: { style: `background:${cssColor(community.color)}` },
        }),
        `${community.label}`,
      ]),
    );
  }
  if (meta.length > 0) {
    const line = el("p", { className: "panel-meta" });
    meta.forEach((item, i) => {
      if (i > 0)
        line.append(el("span", { className: "dot", text: "·", attrs: { "aria-hidden": "true" } }));
      line.append(item);
    });
    parts.push(line);
  }

  if (Array.isArray(a.authors) && a.authors.length > 0) {
    const shown = a.authors.slice(0, AUTHORS_SHOWN).join(", ");
    const more = a.authors.length - AUTHORS_SHOWN;
    parts.push(
      el("p", { className: "panel-authors", text: more > 0 ? `${shown} and ${more} more` : shown }),
    );
  }

  const urls = collectUrls(a);
  if (urls.length > 0) {
    parts.push(
      el(
        "p",
        { className: "panel-links" },
        urls.map(({ url, text }) => externalLink(url, text, "chip-link")),
      ),
    );
  }

  const facts = [
    a.task ? `Task: ${a.task}` : "",
    a.modality ? `Modality: ${a.modality}` : "",
    a.language ? `Language: ${a.language}` : "",
  ].filter(Boolean);
  if (facts.length > 0)
    parts.push(
      el(
        "ul",
        { className: "panel-facts" },
        facts.map((f) => el("li", { text: f })),
      ),
    );

  if (a.abstract || a.abstractZh) {
    const abstract = el("details", { className: "panel-abstract" }, [
      el("summary", { text: "Abstract" }),
      a.abstract ? el("p", { text: a.abstract }) : null,
      a.abstractZh ? el("p", { text: a.abstractZh, attrs: { lang: "zh" } }) : null,
    ]);
    parts.push(abstract);
  }

  const byKind = (kind: string) => links.filter((link) => link.attributes.kind === kind);
  if (isPaperLike(a)) {
    const topics = byKind("topic");
    if (topics.length > 0)
      parts.push(
        section(
          "Topics",
          topics.map((l) => renderLink(l)),
          "topics",
        ),
      );
    const benchmarks = byKind("benchmark");
    if (benchmarks.length > 0)
      parts.push(
        section(
          "Benchmarks",
          benchmarks.map((l) => renderLink(l, true)),
          "benchmarks",
        ),
      );
    parts.push(
      section(
        "Related papers",
        related.length > 0
          ? related.map((result) =>
              renderRelated(result, graph.getNodeAttributes(result.key), links),
            )
          : [el("p", { className: "muted", text: "No related papers found in this graph." })],
        "related",
      ),
    );
    const listed = links.filter((l) => l.kinds.includes("lists") && isPaperLike(l.attributes));
    if (listed.length > 0)
      parts.push(
        section(
          a.kind === "survey" ? "Papers it lists" : "Listed by",
          listed.map((l) => renderLink(l, true)),
          "lists",
        ),
      );
  } else {
    const papers = links
      .filter((l) => isPaperLike(l.attributes))
      .sort((x, y) => (y.attributes.year ?? 0) - (x.attributes.year ?? 0) || compareLabels(x, y));
    if (papers.length > 0)
      parts.push(
        section(
          `Papers (${papers.length})`,
          foldList(papers.map((l) => renderLink(l, true))),
          "papers",
        ),
      );
    const others = links.filter((l) => !isPaperLike(l.attributes));
    if (others.length > 0)
      parts.push(
        section(
          "Linked topics and benchmarks",
          others.map((l) => renderLink(l, true)),
          "others",
        ),
      );
  }

  if (Array.isArray(a.sources) && a.sources.length > 0) {
    parts.push(
      section(
        "Found in",
        [
          el(
            "ul",
            { className: "panel-sources" },
            a.sources.map((s) => el("li", { text: s })),
          ),
        ],
        "sources",
      ),
    );
  }
  return parts;
}

function section(title: string, items: HTMLElement[], name: string): HTMLElement {
  return el("section", { className: "panel-section", attrs: { "data-section": name } }, [
    el("h3", { text: title }),
    ...items,
  ]);
}

function foldList(items: HTMLElement[]): HTMLElement[] {
  if (items.length <= LINKS_SHOWN) return items;
  return [
    ...items.slice(0, LINKS_SHOWN),
    el("details", { className: "fold" }, [
      el("summary", { text: `${items.length - LINKS_SHOWN} more` }),
      ...items.slice(LINKS_SHOWN),
    ]),
  ];
}

function nodeButton(key: string, attributes: NodeAttributes): HTMLElement {
  return el(
    "button",
    {
      className: "node-link",
      attrs: { type: "button", "data-node": key, title: `Go to ${attributes.label}` },
    },
    [
      el("span", {
        className: `kind-glyph kind-${attributes.kind}`,
        attrs: { "aria-hidden": "true" },
      }),
      el("span", { className: "node-link-label", text: String(attributes.label) }),
    ],
  );
}

function renderLink(link: Link, withRelation = false): HTMLElement {
  const relation = link.kinds
    .map((kind) => RELATION_WORDS[kind] ?? kind)
    .filter((word, i, all) => all.indexOf(word) === i)
    .join(", ");
  const year = typeof link.attributes.year === "number" ? String(link.attributes.year) : "";
  return el("div", { className: "link-item" }, [
    el("div", { className: "link-row" }, [
      nodeButton(link.key, link.attributes),
      withRelation && relation ? el("span", { className: "link-relation", text: relation }) : null,
      year ? el("span", { className: "link-year", text: year }) : null,
    ]),
    renderEvidence(link.evidence),
  ]);
}

function renderRelated(
  result: RelatedResult,
  attributes: NodeAttributes,
  links: Link[],
): HTMLElement {
  const explicit = links.find((l) => l.key === result.key && l.kinds.includes("related"));
  return el("div", { className: "link-item related-item", attrs: { "data-related": result.key } }, [
    el("div", { className: "link-row" }, [
      nodeButton(result.key, attributes),
      el("span", {
        className: "related-score",
        text: result.score.toFixed(2),
        title: "Relatedness score",
      }),
    ]),
    el(
      "ul",
      { className: "related-reasons" },
      result.reasons.map((reason) => el("li", { text: reason })),
    ),
    explicit ? renderEvidence(explicit.evidence) : null,
  ]);
}

/** The evidence of a link: the first items, then the rest folded. */
export function renderEvidence(evidence: readonly Evidence[]): HTMLElement | null {
  if (evidence.length === 0) return null;
  const item = (e: Evidence) =>
    el("div", { className: "evidence" }, [
      el("span", { className: "evidence-source", text: e.source }),
      el("q", { className: "evidence-snippet", text: e.snippet }),
    ]);
  const shown = evidence.slice(0, EVIDENCE_SHOWN).map(item);
  const rest = evidence.slice(EVIDENCE_SHOWN);
  return el("div", { className: "evidence-list" }, [
    ...shown,
    rest.length > 0
      ? el("details", { className: "fold" }, [
          el("summary", { text: `${rest.length} more` }),
          ...rest.map(item),
        ])
      : null,
  ]);
}

/** Every neighbour of `key` with the kinds and evidence of the edges to it. */
function collectLinks(graph: LitGraph, key: string): Link[] {
  const links = new Map<string, Link>();
  graph.forEachEdge(key, (_edge, attributes: EdgeAttributes, source, target) => {
    const other = source === key ? target : source;
    let link = links.get(other);
    if (!link) {
      link = { key: other, attributes: graph.getNodeAttributes(other), kinds: [], evidence: [] };
      links.set(other, link);
    }
    if (!link.kinds.includes(attributes.kind)) link.kinds.push(attributes.kind);
    if (Array.isArray(attributes.evidence))
      for (const item of attributes.evidence) link.evidence.push(item);
    if (typeof attributes.score === "number") link.score = attributes.score;
  });
  return [...links.values()].sort(compareLabels);
}

function compareLabels(a: Link, b: Link): number {
  return String(a.attributes.label).localeCompare(String(b.attributes.label));
}

/** Links to show: arXiv first (from the id), then the node's own URLs, named by site. */
function collectUrls(a: NodeAttributes): { url: string; text: string }[] {
  const out: { url: string; text: string }[] = [];
  const seen = new Set<string>();
  const add = (url: string) => {
    // Links that are not http(s) (javascript:, data:, …) are not offered at all.
    if (safeHref(url) === undefined) return;
    const normalized = url.replace(/\/+$/, "");
    if (seen.has(normalized)) return;
    seen.add(normalized);
    out.push({ url, text: nameLink(url) });
  };
  if (a.arxiv) add(`https://arxiv.org/abs/${a.arxiv}`);
  for (const url of Array.isArray(a.urls) ? a.urls : []) {
    if (a.arxiv && /arxiv\.org\/(abs|pdf)\//.test(url) && url.includes(a.arxiv)) continue;
    add(url);
  }
  return out;
}

function nameLink(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    if (hostname.endsWith("arxiv.org")) return "arXiv";
    if (hostname.endsWith("github.com")) {
      const repo = pathname.split("/").filter(Boolean).slice(0, 2).join("/");
      return repo ? `GitHub ${repo}` : "GitHub";
    }
    if (hostname.endsWith("doi.org")) return "DOI";
    return hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** A colour safe to put in a style attribute (hex or rgb()/rgba() only). */
function cssColor(color: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) || /^rgba?\([\d\s.,%]+\)$/i.test(color) ? color : "#888";
}
