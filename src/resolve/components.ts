// Union-find over records, with what each component already knows about its identity, so that a
// merge that would join two different papers (two arXiv ids, two different titles) is refused.
import { normalizedTitleSimilarity, normalizeTitle } from "./normalize.ts";

/** The identifier kinds a component tracks, strongest first. */
const ID_KINDS = ["arxiv", "doi", "acl", "pmid", "openreview"] as const;
type IdKind = (typeof ID_KINDS)[number];

/** How a conflict names each identifier kind. */
const ID_NAMES: Record<IdKind, string> = {
  arxiv: "arXiv ids",
  doi: "DOIs",
  acl: "ACL Anthology ids",
  pmid: "PubMed ids",
  openreview: "OpenReview ids",
};

/** The identity facts of one record. */
export type IdentityFacts = Partial<Record<IdKind, string>> & { title?: string; titleZh?: string };

/** Identity facts of one component: the ids and titles (English and Chinese apart) its records carry. */
interface Identity {
  ids: Record<IdKind, Set<string>>;
  titles: Map<string, string>;
  titlesZh: Map<string, string>;
}

/** How strong the evidence of a join is: identifiers override titles, titles override weaker hints. */
export type JoinStrength = "identifier" | "title" | "hint";

/** Two titles this similar (word Jaccard) may belong to one paper (a subtitle dropped, a typo). */
const SAME_PAPER_TITLE_SIMILARITY = 0.8;

export class Components {
  private readonly parent: Int32Array;
  /**
   * Identities of the components that have joined another, by root. A record alone is its own
   * component, and its identity is read from its facts when asked for: at a million records, seven
   * sets and maps per record would hold a gigabyte for joins that mostly never happen.
   */
  private readonly joined = new Map<number, Identity>();

  /**
   * @param count How many records there are.
   * @param factsOf The identity facts of record `i` (read again whenever needed, so kept cheap).
   */
  constructor(
    count: number,
    private readonly factsOf: (i: number) => IdentityFacts,
  ) {
    this.parent = new Int32Array(count);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  /** True when the two records carry no evidence yet (no id, no title) of who they are. */
  isAnonymous(i: number): boolean {
    const root = this.find(i);
    const id = this.joined.get(root);
    if (!id) {
      const facts = this.factsOf(root);
      return ID_KINDS.every((kind) => !facts[kind]) && !facts.title && !facts.titleZh;
    }
    return (
      ID_KINDS.every((kind) => id.ids[kind].size === 0) &&
      id.titles.size === 0 &&
      id.titlesZh.size === 0
    );
  }

  /** True when some record of the component of `i` has a title, in any language. */
  hasTitle(i: number): boolean {
    const root = this.find(i);
    const id = this.joined.get(root);
    if (!id) {
      const facts = this.factsOf(root);
      return Boolean(facts.title || facts.titleZh);
    }
    return id.titles.size > 0 || id.titlesZh.size > 0;
  }

  /**
   * Why the components of `a` and `b` cannot be one paper, or undefined when they can. A shared identifier
   * is trusted over differing titles (a title changes between versions); a title or a weaker hint is not
   * trusted over differing identifiers; a hint is not trusted over differing titles in the same language.
   */
  conflict(a: number, b: number, strength: JoinStrength): string | undefined {
    if (strength === "identifier") return undefined;
    const ia = this.identityOf(this.find(a));
    const ib = this.identityOf(this.find(b));
    for (const kind of ID_KINDS) {
      const a = ia.ids[kind];
      const b = ib.ids[kind];
      if (a.size > 0 && b.size > 0 && !intersects(a, b)) {
        return `different ${ID_NAMES[kind]} (${[...a].join(", ")} vs ${[...b].join(", ")})`;
      }
    }
    if (strength === "title") return undefined;
    for (const [ta, tb] of [
      [ia.titles, ib.titles],
      [ia.titlesZh, ib.titlesZh],
    ] as const) {
      if (ta.size > 0 && tb.size > 0 && !titlesAgree(ta, tb)) {
        return `different titles ("${[...ta.values()][0]}" vs "${[...tb.values()][0]}")`;
      }
    }
    return undefined;
  }

  /** Join the components of `a` and `b`. Returns false when they were already one. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // The smaller index stays root, so the result does not depend on the order of unions.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    const target = this.identityOf(root);
    const source = this.identityOf(child);
    this.joined.set(root, target);
    this.joined.delete(child);
    for (const kind of ID_KINDS) for (const id of source.ids[kind]) target.ids[kind].add(id);
    for (const [key, title] of source.titles)
      if (!target.titles.has(key)) target.titles.set(key, title);
    for (const [key, title] of source.titlesZh)
      if (!target.titlesZh.has(key)) target.titlesZh.set(key, title);
    return true;
  }

  /** The identity of the component rooted at `root`: the joined one, or a fresh one of its record. */
  private identityOf(root: number): Identity {
    const known = this.joined.get(root);
    if (known) return known;
    const facts = this.factsOf(root);
    return {
      ids: {
        arxiv: new Set(facts.arxiv ? [facts.arxiv] : []),
        doi: new Set(facts.doi ? [facts.doi] : []),
        acl: new Set(facts.acl ? [facts.acl] : []),
        pmid: new Set(facts.pmid ? [facts.pmid] : []),
        openreview: new Set(facts.openreview ? [facts.openreview] : []),
      },
      titles: facts.title ? new Map([[normalizeTitle(facts.title), facts.title]]) : new Map(),
      titlesZh: facts.titleZh
        ? new Map([[normalizeTitle(facts.titleZh), facts.titleZh]])
        : new Map(),
    };
  }
}

function intersects<T>(a: Set<T>, b: Set<T>): boolean {
  for (const value of a) if (b.has(value)) return true;
  return false;
}

function titlesAgree(a: Map<string, string>, b: Map<string, string>): boolean {
  for (const ka of a.keys()) {
    for (const kb of b.keys()) {
      if (ka === kb || isLongPrefix(ka, kb) || isLongPrefix(kb, ka)) return true;
      // The keys are the titles as normalizeTitle made them: compared without normalising again.
      if (normalizedTitleSimilarity(ka, kb) >= SAME_PAPER_TITLE_SIMILARITY) return true;
    }
  }
  return false;
}

/** `short` starts `long` and is itself a real title (four words or more), e.g. a dropped subtitle. */
function isLongPrefix(long: string, short: string): boolean {
  return long.startsWith(short) && short.split(" ").length >= 4;
}
