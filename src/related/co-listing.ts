// Co-listing: two papers a curator put side by side. A collection (an awesome list) lists both, more
// so under the same section; a survey lists both; one source page gives both as related entries; or one
// reference file (a survey's BibTeX, RIS or CSL-JSON bibliography) holds both: co-citation.
// Like shared neighbours, a pair counts by rarity: 1 / ln(1 + n), n the members of the smallest unit
// (section, list or page) holding both, so a section of five says more than a list of five hundred.
import type { LitGraph, NodeAttributes } from "../graph/types.ts";

/** Where two papers were listed together. */
export type ListingKind = "collection" | "survey" | "page" | "bibliography";

/**
 * A reference file with more papers than this is a metadata dump or a whole library rather than one
 * work's bibliography (a survey cites a few hundred): sharing it says nothing, and it would make every
 * query touch all its papers.
 */
export const MAX_BIBLIOGRAPHY_PAPERS = 1000;

/** The document a record id names: `refs.bib#12` → `refs.bib`. */
const documentOf = (source: string) => {
  const hash = source.lastIndexOf("#");
  return hash > 0 ? source.slice(0, hash) : source;
};

/** The separator of section paths, as collections write them (`Models › Multimodal`). */
export const SECTION_SEPARATOR = " › ";

/** One list: its members (paper positions) and the section paths each member is listed under. */
export interface Listing {
  kind: ListingKind;
  /** The collection's or survey's node key, or the page's document id. */
  key: string;
  label: string;
  members: Int32Array;
  /** Per member: its section paths, each split into headings. Empty for no section. */
  sections: string[][][];
  /** Per member: true for a collection's companion survey, which the list accompanies. */
  companion: boolean[];
  /** Members under each section prefix (`Models`, `Models › Multimodal`). */
  sectionSizes: Map<string, number>;
  /** For pages: pairs the page links directly (`a,b`, a < b), which are explicit links instead. */
  linked: Set<string>;
}

export interface CoListingIndex {
  listings: Listing[];
  /** By paper position: [listing, member position within it] pairs. */
  memberships: Array<Array<[number, number]>>;
}

/** A listing two papers share, for reasons. */
export interface SharedListing {
  kind: ListingKind;
  key: string;
  label: string;
  /** The deepest section path both are listed under, when there is one. */
  section?: string;
  /** Whether the query paper, or the other one, is the collection's companion survey. */
  companion?: "mine" | "theirs";
  weight: number;
}

const isPaperLike = (attributes: NodeAttributes) =>
  attributes.kind === "paper" || attributes.kind === "survey";

/**
 * Precompute every listing of the graph: collections (`lists` edges from a `collection` node, with
 * their `sections`, and its `companion` survey), surveys or papers that `lists` others, source pages
 * with two or more related entries (from the evidence of `related` edges), and bibliographies: files
 * of several records (paper `sources` such as `refs.bib#12`) that are neither a collection nor such a
 * page, with at most `MAX_BIBLIOGRAPHY_PAPERS` papers.
 */
export function createCoListingIndex(
  graph: LitGraph,
  paperPosition: ReadonlyMap<string, number>,
): CoListingIndex {
  const byOwner = new Map<
    string,
    {
      kind: ListingKind;
      label: string;
      members: Map<number, { sections: string[][]; companion: boolean }>;
      linked: Set<string>;
    }
  >();
  const listingOf = (key: string, kind: ListingKind, label: string) => {
    const id = `${kind}\u0000${key}`;
    let found = byOwner.get(id);
    if (!found) {
      found = { kind, label, members: new Map(), linked: new Set() };
      byOwner.set(id, found);
    }
    return found;
  };
  const addMember = (
    listing: ReturnType<typeof listingOf>,
    paper: number,
    sections: readonly string[],
    companion = false,
  ) => {
    const member = listing.members.get(paper) ?? { sections: [], companion: false };
    for (const section of sections) {
      const path = section
        .split(SECTION_SEPARATOR)
        .map((heading) => heading.trim())
        .filter((heading) => heading.length > 0);
      if (path.length > 0 && !member.sections.some((p) => p.join("\u0000") === path.join("\u0000")))
        member.sections.push(path);
    }
    member.companion ||= companion;
    listing.members.set(paper, member);
  };

  /** Documents whose records a survey lists: that survey's listing already holds them. */
  const surveyDocuments = new Set<string>();
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (attributes.kind === "lists" || attributes.kind === "companion") {
      // The lister is the collection at either end; between two papers, the edge's source (the build
      // adds `lists` edges from the survey to the paper it lists).
      const [owner, ownerAttributes, listed] =
        targetAttributes.kind === "collection" && sourceAttributes.kind !== "collection"
          ? [target, targetAttributes, source]
          : [source, sourceAttributes, target];
      const paper = paperPosition.get(listed);
      if (paper === undefined) return;
      if (ownerAttributes.kind === "collection") {
        const listing = listingOf(owner, "collection", ownerAttributes.label);
        addMember(listing, paper, attributes.sections ?? [], attributes.kind === "companion");
      } else if (attributes.kind === "lists" && isPaperLike(ownerAttributes)) {
        addMember(listingOf(owner, "survey", ownerAttributes.label), paper, []);
        for (const evidence of attributes.evidence)
          surveyDocuments.add(documentOf(evidence.source));
      }
      return;
    }
    if (attributes.kind !== "related") return;
    const a = paperPosition.get(source);
    const b = paperPosition.get(target);
    if (a === undefined || b === undefined) return;
    const pair = a < b ? `${a},${b}` : `${b},${a}`;
    for (const document of new Set(attributes.evidence.map((e) => e.source))) {
      const listing = listingOf(document, "page", document);
      addMember(listing, a, []);
      addMember(listing, b, []);
      listing.linked.add(pair);
    }
  });

  // Bibliographies: the papers of each multi-record file that no collection or page already covers.
  const covered = new Set<string>(surveyDocuments);
  const records = new Map<string, Set<number>>();
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === "collection")
      for (const source of attributes.sources) covered.add(documentOf(source));
    const paper = paperPosition.get(key);
    if (paper === undefined) return;
    for (const source of attributes.sources) {
      if (!source.includes("#")) continue;
      const document = documentOf(source);
      const papers = records.get(document) ?? new Set<number>();
      papers.add(paper);
      records.set(document, papers);
    }
  });
  for (const [id, owner] of byOwner)
    if (owner.kind === "page") covered.add(documentOf(id.slice(id.indexOf("\u0000") + 1)));
  for (const [document, papers] of records) {
    if (covered.has(document) || papers.size > MAX_BIBLIOGRAPHY_PAPERS) continue;
    const listing = listingOf(document, "bibliography", document);
    for (const paper of papers) addMember(listing, paper, []);
  }

  const listings: Listing[] = [];
  const memberships: Array<Array<[number, number]>> = Array.from(paperPosition, () => []);
  const ids = [...byOwner.keys()].sort();
  for (const id of ids) {
    const owner = byOwner.get(id);
    if (!owner || owner.members.size < 2) continue;
    const entries = [...owner.members].sort((x, y) => x[0] - y[0]);
    const sectionSizes = new Map<string, number>();
    for (const [, member] of entries) {
      const prefixes = new Set<string>();
      for (const path of member.sections)
        for (let depth = 1; depth <= path.length; depth += 1)
          prefixes.add(path.slice(0, depth).join(SECTION_SEPARATOR));
      for (const prefix of prefixes) sectionSizes.set(prefix, (sectionSizes.get(prefix) ?? 0) + 1);
    }
    const position = listings.length;
    listings.push({
      kind: owner.kind,
      key: id.slice(id.indexOf("\u0000") + 1),
      label: owner.label,
      members: Int32Array.from(entries, ([paper]) => paper),
      sections: entries.map(([, member]) => member.sections),
      companion: entries.map(([, member]) => member.companion),
      sectionSizes,
      linked: owner.linked,
    });
    entries.forEach(([paper], member) => {
      (memberships[paper] as Array<[number, number]>).push([position, member]);
    });
  }
  return { listings, memberships };
}

/** The deepest section path two members share, or undefined. */
function sharedSection(listing: Listing, a: number, b: number): string | undefined {
  let best: string[] = [];
  for (const pathA of listing.sections[a] ?? []) {
    for (const pathB of listing.sections[b] ?? []) {
      let depth = 0;
      while (depth < pathA.length && depth < pathB.length && pathA[depth] === pathB[depth])
        depth += 1;
      if (depth > best.length) best = pathA.slice(0, depth);
    }
  }
  return best.length > 0 ? best.join(SECTION_SEPARATOR) : undefined;
}

/** What two members of a listing share: the smallest unit holding both, and its weight. */
function pairListing(
  listing: Listing,
  a: number,
  b: number,
): { section: string | undefined; weight: number } | undefined {
  const paperA = listing.members[a] as number;
  const paperB = listing.members[b] as number;
  if (listing.kind === "page") {
    const pair = paperA < paperB ? `${paperA},${paperB}` : `${paperB},${paperA}`;
    if (listing.linked.has(pair)) return undefined;
  }
  const section = sharedSection(listing, a, b);
  const size = section ? (listing.sectionSizes.get(section) ?? 2) : listing.members.length;
  return { section, weight: 1 / Math.log(1 + Math.max(2, size)) };
}

/** Add the co-listing score of paper `doc` with every paper listed beside it into `into`. */
export function accumulateCoListing(
  index: CoListingIndex,
  doc: number,
  into: Float64Array,
  touched: number[],
  seen: Uint8Array,
): void {
  for (const [position, member] of index.memberships[doc] ?? []) {
    const listing = index.listings[position] as Listing;
    for (let other = 0; other < listing.members.length; other += 1) {
      if (other === member) continue;
      const shared = pairListing(listing, member, other);
      if (!shared) continue;
      const paper = listing.members[other] as number;
      into[paper] = (into[paper] as number) + shared.weight;
      if (seen[paper] === 0) {
        seen[paper] = 1;
        touched.push(paper);
      }
    }
  }
}

/** The listings papers `a` and `b` share, strongest first. */
export function describeCoListing(index: CoListingIndex, a: number, b: number): SharedListing[] {
  const theirs = new Map(index.memberships[b] ?? []);
  const found: SharedListing[] = [];
  for (const [position, member] of index.memberships[a] ?? []) {
    const other = theirs.get(position);
    if (other === undefined) continue;
    const listing = index.listings[position] as Listing;
    const shared = pairListing(listing, member, other);
    if (!shared) continue;
    found.push({
      kind: listing.kind,
      key: listing.key,
      label: listing.label,
      ...(shared.section ? { section: shared.section } : {}),
      ...(listing.companion[member]
        ? { companion: "mine" as const }
        : listing.companion[other]
          ? { companion: "theirs" as const }
          : {}),
      weight: shared.weight,
    });
  }
  return found.sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1));
}
