// Entity resolution: the same paper seen in several documents becomes one entity.
// Records are joined by arXiv id, DOI, ACL Anthology id, PubMed id, OpenReview id, normalised
// title, a shared repository link, and finally by overlapping abstract text; every join is logged with its reason, and a join that would
// unite two papers with different ids or titles is refused. Link words ("PDF", "论文链接") are no
// title, and a heading that tops several different documents is a page's heading, not a paper's.
import { yearOfArxivId } from "../extract/arxiv-id.ts";
import type { Evidence, ExtractedPaper } from "../extract/types.ts";
import { isLinkWord } from "../ingest/link-words.ts";
import { orNoItems } from "../ingest/records.ts";
import type { FormatId } from "../ingest/types.ts";
import { Components, type JoinStrength } from "./components.ts";
import { normalizeTitle, shingleText, slugifyTitle, visitShingles } from "./normalize.ts";
import type {
  DocumentExtraction,
  EntityRelation,
  MergeReason,
  MergeRecord,
  PaperEntity,
  ResolveOptions,
  ResolveResult,
} from "./types.ts";

export const DEFAULT_RESOLVE_OPTIONS: ResolveOptions = {
  overlapContainment: 0.6,
  overlapMinShared: 8,
  repoMaxPapers: 2,
};

/** A shingle found in more records than this is boilerplate ("large language models llms have"). */
const MAX_SHINGLE_DOCUMENT_FREQUENCY = 24;

export function resolveResolveOptions(partial: Partial<ResolveOptions> = {}): ResolveOptions {
  const options = { ...DEFAULT_RESOLVE_OPTIONS, ...partial };
  if (!(options.overlapContainment > 0 && options.overlapContainment <= 1)) {
    throw new RangeError(
      `resolve: overlapContainment must be in (0, 1], got ${options.overlapContainment}`,
    );
  }
  return options;
}

const STRENGTH: Record<MergeReason, JoinStrength> = {
  arxiv: "identifier",
  doi: "identifier",
  acl: "identifier",
  pmid: "identifier",
  openreview: "identifier",
  title: "title",
  repo: "hint",
  "text-overlap": "hint",
};

/** A join that was considered and refused, for the report. */
export interface RefusedMerge {
  reason: MergeReason;
  a: string;
  b: string;
  why: string;
}

/** Identifiers that join records, in the order they are tried (and preferred for node keys). */
const IDENTIFIER_REASONS = ["arxiv", "doi", "acl", "pmid", "openreview"] as const;

/**
 * Resolve the papers of all documents into entities.
 * Deterministic: the result depends only on the documents and their order.
 */
export function resolvePapers(
  documents: DocumentExtraction[],
  partial: Partial<ResolveOptions> = {},
): ResolveResult & { refused: RefusedMerge[]; recordKeys: string[][] } {
  const options = resolveResolveOptions(partial);
  const papers: ExtractedPaper[] = [];
  const offsets: number[] = [];
  for (const doc of documents) {
    offsets.push(papers.length);
    for (const paper of doc.papers) papers.push(withoutLinkWordTitles(paper));
  }
  const sharedHeadings = findSharedHeadings(papers);

  const components = new Components(papers.length, (i) => (papers[i] as ExtractedPaper).record);
  const joins: Array<{ a: number; b: number; reason: MergeReason; detail: string }> = [];
  const refused: RefusedMerge[] = [];

  const tryJoin = (a: number, b: number, reason: MergeReason, detail: string): void => {
    if (components.find(a) === components.find(b)) return;
    const why = components.conflict(a, b, STRENGTH[reason]);
    if (why) {
      refused.push({ reason, a: describe(papers[a]), b: describe(papers[b]), why });
      return;
    }
    components.union(a, b);
    joins.push({ a, b, reason, detail });
  };

  for (const reason of IDENTIFIER_REASONS) {
    joinByKey(papers, (p) => p.record[reason], reason, tryJoin);
  }
  for (const heading of sharedHeadings.values()) {
    refused.push({
      reason: "title",
      a: describe(papers[heading.a]),
      b: describe(papers[heading.b]),
      why: `the title "${heading.title}" heads ${heading.documents} documents whose texts differ and that share no identifier: a page heading, not a paper's title`,
    });
  }
  // A shared heading joins nothing by itself; its records still join by identifier or text.
  const titleKey = (title: string | undefined): string | undefined => {
    if (!title) return undefined;
    const key = normalizeTitle(title);
    return sharedHeadings.has(key) ? undefined : key;
  };
  joinByKey(papers, (p) => titleKey(p.record.title), "title", tryJoin);
  joinByKey(papers, (p) => titleKey(p.record.titleZh), "title", tryJoin);
  joinByRepository(papers, components, options, tryJoin);
  joinByTextOverlap(papers, components, options, tryJoin);

  // The members of each component, in record order, as one flat list grouped by root (a root is
  // its component's first record, so components come in the order of their first records).
  const count = papers.length;
  const rootOf = new Int32Array(count);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const root = components.find(i);
    rootOf[i] = root;
    start[root + 1] = (start[root + 1] as number) + 1;
  }
  for (let i = 0; i < count; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const members = new Int32Array(count);
  const filled = start.slice(0, count);
  for (let i = 0; i < count; i++) {
    const root = rootOf[i] as number;
    members[filled[root] as number] = i;
    filled[root] = (filled[root] as number) + 1;
  }

  const entities: PaperEntity[] = [];
  const entityOf: PaperEntity[] = new Array(count);
  const usedKeys = new Set<string>();
  for (let root = 0; root < count; root++) {
    if (rootOf[root] !== root) continue;
    // Made at its final length: a list grown by push keeps room for 16 (an entity holds it).
    const from = start[root] as number;
    const group = Array.from(
      { length: (start[root + 1] as number) - from },
      (_, m) => papers[members[from + m] as number] as ExtractedPaper,
    );
    const entity = createEntity(group, usedKeys, sharedHeadings);
    entities.push(entity);
    for (let m = start[root] as number; m < (start[root + 1] as number); m++)
      entityOf[members[m] as number] = entity;
  }

  // A record joined to several others is described once, and its description is shared.
  const descriptions = new Map<number, string>();
  const describeOnce = (i: number) => {
    let text = descriptions.get(i);
    if (text === undefined) {
      text = describe(papers[i]);
      descriptions.set(i, text);
    }
    return text;
  };
  const merges: MergeRecord[] = joins.map(({ a, b, reason, detail }) => ({
    node: entityOf[a]?.key ?? "",
    reason,
    a: describeOnce(a),
    b: describeOnce(b),
    detail,
  }));
  descriptions.clear();

  const relations = collectRelations(documents, offsets, entityOf);
  const recordKeys = documents.map((doc, d) =>
    doc.papers.map((_, i) => entityOf[(offsets[d] ?? 0) + i]?.key ?? ""),
  );
  return { entities, relations, merges, refused, recordKeys };
}

type Join = (a: number, b: number, reason: MergeReason, detail: string) => void;

function joinByKey(
  papers: ExtractedPaper[],
  keyOf: (paper: ExtractedPaper) => string | undefined,
  reason: MergeReason,
  join: Join,
): void {
  const first = new Map<string, number>();
  papers.forEach((paper, i) => {
    const key = keyOf(paper);
    if (!key) return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else join(seen, i, reason, key);
  });
}

/**
 * A repository link identifies a paper when only one paper links to it (a survey's companion list,
 * a model's code). A repository linked from several different papers is a shared resource and joins nothing.
 */
function joinByRepository(
  papers: ExtractedPaper[],
  components: Components,
  options: ResolveOptions,
  join: Join,
): void {
  const byRepo = new Map<string, number[]>();
  papers.forEach((paper, i) => {
    for (const repo of new Set(paper.repos.map((r) => r.repo))) {
      const list = byRepo.get(repo);
      if (list) list.push(i);
      else byRepo.set(repo, [i]);
    }
  });
  for (const [repo, members] of [...byRepo].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (members.length < 2) continue;
    const roots = new Set(members.map((i) => components.find(i)));
    const identified = [...roots].filter((root) => !components.isAnonymous(root));
    if (roots.size > options.repoMaxPapers || identified.length > 1) continue;
    const [head, ...rest] = members;
    if (head === undefined) continue;
    for (const other of rest) join(head, other, "repo", `github.com/${repo}`);
  }
}

/** Bits of the hash prefix filter that lets most records skip the overlap count (2²⁴ bits: 2 MB). */
const SHINGLE_FILTER_BITS = 24;

/**
 * Two records whose texts share most of the shorter one's 5-word runs describe the same paper:
 * a listing site's two-sentence summary taken from the abstract, or a page that lost its title.
 * Only pairs with a record whose paper has no title yet are compared: two titled papers are already
 * joined by title or known to differ, and records already joined need no comparing. Candidate pairs come from an inverted index of the untitled records' shingles;
 * shingles common to many records (boilerplate openings) are ignored.
 */
function joinByTextOverlap(
  papers: ExtractedPaper[],
  components: Components,
  options: ResolveOptions,
  join: Join,
): void {
  const textOf = ({ record }: ExtractedPaper) =>
    [record.abstract, record.summary, record.abstractZh].filter(Boolean).join("\n");
  const untitled = papers
    .map((paper, i) => (!components.hasTitle(i) && textOf(paper) ? i : -1))
    .filter((i) => i >= 0);
  if (untitled.length === 0) return;

  const postings = new Map<number, number[]>();
  const sizes = new Map<number, number>();
  for (const i of untitled) {
    const set = shingleText(textOf(papers[i] as ExtractedPaper));
    sizes.set(i, set.size);
    for (const hash of set) {
      const list = postings.get(hash);
      if (list) list.push(i);
      else postings.set(hash, [i]);
    }
  }

  // How many records hold each shingle. One held by more than MAX_SHINGLE_DOCUMENT_FREQUENCY is
  // boilerplate and counts for no pair: it leaves the postings as soon as it is known to be one.
  const frequency = new Map<number, number>();
  for (const [hash, list] of postings) {
    frequency.set(hash, list.length);
    if (list.length > MAX_SHINGLE_DOCUMENT_FREQUENCY) postings.delete(hash);
  }

  // A bit per hash prefix of the untitled records' shingles: most of a text's shingles are passed
  // over without a look-up.
  const filter = new Int32Array(1 << (SHINGLE_FILTER_BITS - 5));
  for (const hash of postings.keys()) {
    const bit = hash >>> (32 - SHINGLE_FILTER_BITS);
    filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
  }
  const isHeld = (hash: number) => {
    const bit = hash >>> (32 - SHINGLE_FILTER_BITS);
    return ((filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0 && postings.has(hash);
  };

  // Every other record's shingles that an untitled record also has, each once per record, in one
  // flat list (`heldFrom[k]` … `heldFrom[k + 1]` for the k-th such record). Only shingles in the
  // postings are looked at: most of a text's are not.
  const lastRecord = new Map<number, number>();
  const held: number[] = [];
  const heldBy: number[] = [];
  const heldFrom: number[] = [0];
  let current = -1;
  const collect = (hash: number) => {
    if (!isHeld(hash) || lastRecord.get(hash) === current) return;
    lastRecord.set(hash, current);
    const seen = (frequency.get(hash) ?? 0) + 1;
    frequency.set(hash, seen);
    if (seen > MAX_SHINGLE_DOCUMENT_FREQUENCY) postings.delete(hash);
    else held.push(hash);
  };
  papers.forEach((paper, i) => {
    if (sizes.has(i)) return;
    current = i;
    visitShingles(textOf(paper), collect);
    if (held.length === (heldFrom[heldFrom.length - 1] as number)) return;
    heldBy.push(i);
    heldFrom.push(held.length);
  });
  lastRecord.clear();

  // Each record's document and component, as numbers: no join happens while pairs are counted.
  const documentOf = new Int32Array(papers.length);
  const rootOf = new Int32Array(papers.length);
  const documentIds = new Map<string, number>();
  papers.forEach(({ record }, i) => {
    let id = documentIds.get(record.document);
    if (id === undefined) {
      id = documentIds.size;
      documentIds.set(record.document, id);
    }
    documentOf[i] = id;
    rootOf[i] = components.find(i);
  });
  const shared = new Map<number, number>();
  const count = (a: number, b: number) => {
    if (documentOf[a] === documentOf[b] || rootOf[a] === rootOf[b]) return;
    const pair = Math.min(a, b) * papers.length + Math.max(a, b);
    shared.set(pair, (shared.get(pair) ?? 0) + 1);
  };
  heldBy.forEach((i, k) => {
    for (let h = heldFrom[k] as number; h < (heldFrom[k + 1] as number); h++) {
      const hash = held[h] as number;
      if ((frequency.get(hash) ?? 0) > MAX_SHINGLE_DOCUMENT_FREQUENCY) continue;
      for (const other of postings.get(hash) ?? []) count(i, other);
    }
  });
  for (const [hash, list] of postings) {
    if ((frequency.get(hash) ?? 0) > MAX_SHINGLE_DOCUMENT_FREQUENCY) continue;
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) count(list[x] as number, list[y] as number);
    }
  }
  // A record's count of distinct shingles, needed for the few in a candidate pair only.
  const sizeOf = (i: number): number => {
    let size = sizes.get(i);
    if (size === undefined) {
      size = shingleText(textOf(papers[i] as ExtractedPaper)).size;
      sizes.set(i, size);
    }
    return size;
  };

  const candidates = [...shared]
    .filter(([, n]) => n >= options.overlapMinShared)
    .sort(([p], [q]) => p - q);
  for (const [pair, n] of candidates) {
    const a = Math.floor(pair / papers.length);
    const b = pair % papers.length;
    const smaller = Math.min(sizeOf(a), sizeOf(b));
    const containment = smaller === 0 ? 0 : n / smaller;
    if (containment >= options.overlapContainment) {
      join(
        a,
        b,
        "text-overlap",
        `${n} shared 5-word runs, ${Math.round(containment * 100)}% of the shorter text`,
      );
    }
  }
}

function collectRelations(
  documents: DocumentExtraction[],
  offsets: number[],
  entityOf: readonly (PaperEntity | undefined)[],
): EntityRelation[] {
  const byPair = new Map<string, EntityRelation>();
  documents.forEach((doc, d) => {
    const offset = offsets[d] ?? 0;
    for (const relation of doc.relations) {
      const from = entityOf[offset + relation.from];
      const to = entityOf[offset + relation.to];
      if (!from || !to || from === to) continue;
      const [a, b] = from.key < to.key ? [from.key, to.key] : [to.key, from.key];
      const pairKey = `${a}|${b}`;
      const evidence: Evidence = { source: relation.source, snippet: relation.snippet };
      const existing = byPair.get(pairKey);
      if (existing) {
        if (
          !existing.evidence.some(
            (e) => e.source === evidence.source && e.snippet === evidence.snippet,
          )
        ) {
          existing.evidence.push(evidence);
        }
        if (relation.score !== undefined)
          existing.score = Math.max(existing.score ?? 0, relation.score);
      } else {
        byPair.set(pairKey, {
          kind: "related",
          a,
          b,
          evidence: [evidence],
          ...(relation.score !== undefined ? { score: relation.score } : {}),
        });
      }
    }
  });
  return [...byPair.values()];
}

const ROLE_RANK = { main: 0, listed: 1, related: 2 } as const;

/**
 * How far a record's title can be trusted, best first: bibliographic metadata (a BibTeX, RIS or
 * CSL entry, an arXiv feed or snapshot) states the title; a page's own heading names the paper it is
 * about (a digest page, a paper page, one paper's section of a daily report); a list's link text is
 * whatever its curator typed.
 */
const TITLE_SOURCE_RANK: Record<FormatId, number> = {
  bibtex: 0,
  ris: 0,
  "csl-json": 0,
  "arxiv-atom": 0,
  "arxiv-snapshot": 0,
  "zh-digest": 1,
  zhuanzhi: 1,
  "arxiv-digest": 1,
  "paper-page": 1,
  "digest-list": 1,
  "awesome-list": 2,
  text: 1,
};

/** The rank of the title of `paper`: a list's or related entry's text ranks after any page's own title. */
function titleRank(paper: ExtractedPaper, title: string, sharedHeadings: SharedHeadings): number {
  // A heading many different documents share is the weakest title of all.
  if (sharedHeadings.has(normalizeTitle(title))) return 4;
  const { record } = paper;
  const rank = TITLE_SOURCE_RANK[record.format] ?? 2;
  if (rank === 0) return 0;
  if (record.format === "digest-list") return 1;
  return record.role === "main" ? rank : Math.max(rank, 2);
}

function createEntity(
  members: ExtractedPaper[],
  usedKeys: Set<string>,
  sharedHeadings: SharedHeadings,
): PaperEntity {
  const byRole = [...members].sort((a, b) => ROLE_RANK[a.record.role] - ROLE_RANK[b.record.role]);
  const pick = <T>(get: (p: ExtractedPaper) => T | undefined): T | undefined => {
    for (const paper of byRole) {
      const value = get(paper);
      if (value !== undefined && value !== "") return value;
    }
    return undefined;
  };
  const longest = (get: (p: ExtractedPaper) => string | undefined): string | undefined => {
    let best: string | undefined;
    for (const paper of byRole) {
      const value = get(paper);
      if (value && (!best || value.length > best.length)) best = value;
    }
    return best;
  };

  // Titles from the most reliable source that has one; equal sources keep the role order above.
  const pickTitle = (get: (p: ExtractedPaper) => string | undefined): string | undefined => {
    let best: { title: string; rank: number } | undefined;
    for (const paper of byRole) {
      const value = get(paper);
      if (!value) continue;
      const rank = titleRank(paper, value, sharedHeadings);
      if (!best || rank < best.rank) best = { title: value, rank };
    }
    return best?.title;
  };
  const title = pickTitle((p) => p.record.title);
  const titleZh = pickTitle((p) => p.record.titleZh);
  const abstract = longest((p) => p.record.abstract);
  const abstractZh = longest((p) => p.record.abstractZh);
  const arxiv = pick((p) => p.record.arxiv);
  const doi = pick((p) => p.record.doi);
  const acl = pick((p) => p.record.acl);
  const pmid = pick((p) => p.record.pmid);
  const openreview = pick((p) => p.record.openreview);
  const venue = pick((p) => p.record.venue);
  const dates = members.map((p) => p.record.date).filter((d): d is string => Boolean(d));
  const date = dates.sort()[0];
  const years = members.map((p) => p.record.year).filter((y): y is number => y !== undefined);
  const arxivYear = arxiv ? yearOfArxivId(arxiv) : undefined;
  // An arXiv id dates the first version; a listing's date may be that of a later revision.
  const year = arxivYear ?? (years.length > 0 ? Math.min(...years) : undefined);
  const authors = members.reduce<string[]>(
    (best, p) => (p.record.authors.length > best.length ? p.record.authors : best),
    [],
  );
  const urls = orNoItems(unique(members.flatMap((p) => p.record.urls)));
  const sources = unique(members.map((p) => p.record.source)).sort();
  // One record's lists serve as they are; several records' are joined (an empty join is shared).
  const only = members.length === 1 ? members[0] : undefined;
  const listOf = <T>(get: (p: ExtractedPaper) => T[]): T[] =>
    only ? get(only) : orNoItems(members.flatMap(get));
  const surveyMember = members.find((p) => p.survey.isSurvey);

  // arXiv first, then DOI: the ids most sources share. The others name a paper only when it has neither.
  // Joined, not template literals: a rope keeps a 32-byte node besides its text, for every paper.
  const baseKey = arxiv
    ? ["paper:arxiv:", arxiv].join("")
    : doi
      ? `paper:doi:${doi}`
      : acl
        ? `paper:acl:${acl}`
        : pmid
          ? `paper:pmid:${pmid}`
          : openreview
            ? `paper:openreview:${openreview}`
            : title || titleZh
              ? `paper:title:${slugifyTitle(title ?? titleZh ?? "")}`
              : `paper:source:${members[0]?.record.source ?? "unknown"}`;
  let key = baseKey;
  for (let n = 2; usedKeys.has(key); n += 1) key = `${baseKey}~${n}`;
  usedKeys.add(key);

  // Without a title, the start of the abstract; else the identifier as people write it.
  const label =
    title ??
    titleZh ??
    (abstract ? `${abstract.slice(0, 80).trim()}…` : arxiv ? `arXiv:${arxiv}` : (doi ?? key));
  return {
    key,
    kind: surveyMember ? "survey" : "paper",
    label,
    ...(title ? { title } : {}),
    ...(titleZh ? { titleZh } : {}),
    ...(abstract ? { abstract } : {}),
    ...(abstractZh ? { abstractZh } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(doi ? { doi } : {}),
    ...(acl ? { acl } : {}),
    ...(pmid ? { pmid } : {}),
    ...(openreview ? { openreview } : {}),
    ...(venue ? { venue } : {}),
    ...(date ? { date } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(surveyMember?.survey.evidence ? { surveyEvidence: surveyMember.survey.evidence } : {}),
    authors,
    urls,
    sources,
    topics: listOf((p) => p.topics),
    benchmarks: listOf((p) => p.benchmarks),
    repos: listOf((p) => p.repos),
    members,
  };
}

/** A record whose title is a link word ("PDF", "论文链接") has no title: the word names a link, not a paper. */
function withoutLinkWordTitles(paper: ExtractedPaper): ExtractedPaper {
  const { record } = paper;
  const dropTitle = record.title !== undefined && isLinkWord(record.title);
  const dropTitleZh = record.titleZh !== undefined && isLinkWord(record.titleZh);
  if (!dropTitle && !dropTitleZh) return paper;
  const cleaned = { ...record };
  if (dropTitle) delete cleaned.title;
  if (dropTitleZh) delete cleaned.titleZh;
  return { ...paper, record: cleaned };
}

/** A title that heads several different documents, with one pair of records that shows it. */
interface SharedHeading {
  title: string;
  documents: number;
  a: number;
  b: number;
}

/** Shared headings by normalised title. */
type SharedHeadings = Map<string, SharedHeading>;

/** Records of one title compared pairwise at most (a heading on hundreds of pages shows itself early). */
const MAX_RECORDS_COMPARED_PER_TITLE = 24;
/** Two texts sharing less than this share of the shorter one's 5-word runs are different texts. */
const DIFFERENT_TEXT_CONTAINMENT = 0.3;
/** A text needs this many 5-word runs before it can be told apart from another. */
const MIN_COMPARED_SHINGLES = 8;

/**
 * Titles that head records of different documents which share no identifier and whose texts (in
 * the same language) differ: a report's heading ("ArXiv每日洞察报告") repeated on every day's page,
 * a site's name. Such a title identifies no paper, so it joins nothing by itself. Corpus-level:
 * only titles seen in two documents or more are compared, and only their first records.
 */
function findSharedHeadings(papers: readonly ExtractedPaper[]): SharedHeadings {
  // A title seen once is only its first writing and record; most titles are (a snapshot's million).
  const byTitle = new Map<string, { title: string; members: number[] | number }>();
  papers.forEach(({ record }, i) => {
    for (const title of [record.title, record.titleZh]) {
      if (!title) continue;
      const key = normalizeTitle(title);
      if (!key) continue;
      const entry = byTitle.get(key);
      if (!entry) byTitle.set(key, { title, members: i });
      else if (typeof entry.members === "number") entry.members = [entry.members, i];
      else entry.members.push(i);
    }
  });
  const shared: SharedHeadings = new Map();
  const shingles = new Map<string, Set<number>>();
  const shinglesOf = (i: number, field: "abstract" | "abstractZh"): Set<number> | undefined => {
    const text = papers[i]?.record[field];
    if (!text) return undefined;
    const key = `${i}:${field}`;
    let set = shingles.get(key);
    if (!set) {
      set = shingleText(text);
      shingles.set(key, set);
    }
    return set.size >= MIN_COMPARED_SHINGLES ? set : undefined;
  };
  for (const [key, { title, members }] of byTitle) {
    if (typeof members === "number") continue;
    const documents = new Set(members.map((i) => papers[i]?.record.document));
    if (documents.size < 2) continue;
    const compared = members.slice(0, MAX_RECORDS_COMPARED_PER_TITLE);
    let witness: [number, number] | undefined;
    for (let x = 0; x < compared.length && !witness; x++) {
      for (let y = x + 1; y < compared.length && !witness; y++) {
        const a = compared[x] as number;
        const b = compared[y] as number;
        if (papers[a]?.record.document === papers[b]?.record.document) continue;
        // Two records with identifiers of their own are told apart by them, not by their title.
        if (hasIdentifier(papers[a]) && hasIdentifier(papers[b])) continue;
        if (textsDiffer(shinglesOf(a, "abstract"), shinglesOf(b, "abstract"))) witness = [a, b];
        else if (textsDiffer(shinglesOf(a, "abstractZh"), shinglesOf(b, "abstractZh"))) {
          witness = [a, b];
        }
      }
    }
    if (witness) {
      shared.set(key, { title, documents: documents.size, a: witness[0], b: witness[1] });
    }
  }
  return shared;
}

function hasIdentifier(paper: ExtractedPaper | undefined): boolean {
  return IDENTIFIER_REASONS.some((kind) => paper?.record[kind] !== undefined);
}

function textsDiffer(a: Set<number> | undefined, b: Set<number> | undefined): boolean {
  if (!a || !b) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const hash of small) if (large.has(hash)) shared++;
  return shared / small.size < DIFFERENT_TEXT_CONTAINMENT;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function describe(paper: ExtractedPaper | undefined): string {
  if (!paper) return "?";
  const { record } = paper;
  const name = record.title ?? record.titleZh;
  // Joined, not a template: a template literal makes a rope of several parts that the report holds
  // for every merge, and the parts keep the record's title alive.
  const parts = record.line !== undefined ? [record.source, ":", record.line] : [record.source];
  return (name ? [...parts, ' "', name, '"'] : parts).join("");
}
