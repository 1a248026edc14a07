// Reading the definition files extract works with (data/taxonomy.json, data/benchmarks.json):
// parsed JSON in, checked typed values out, or a LitgraphError that names the file and the entry.
import { LitgraphError } from "../errors.ts";
import { isWordPhrase, normalizePhrase } from "./phrase-matcher.ts";
import { isAcronym } from "./topics.ts";
import type { BenchmarkDefinition, DomainDefinition, Taxonomy, TopicDefinition } from "./types.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LANGUAGES = new Set(["en", "zh", "multi"]);

type JsonObject = Record<string, unknown>;

/**
 * Check a parsed `taxonomy.json`: `{ "topics": TopicDefinition[] }` with unique slug ids, labels,
 * English aliases made of ASCII words, Chinese aliases, optional `excludes`, `proseNeeds` and `headingAliases`, parents that exist and
 * no cycle, and no alias shared by two topics. `aliasesZh` may be left out (none).
 * @throws LitgraphError `invalid-options` naming `file` and the bad topic.
 */
export function parseTaxonomy(json: unknown, file: string): Taxonomy {
  if (!isObject(json) || !Array.isArray(json.topics)) {
    throw createInvalidError(file, 'expected an object with a "topics" array');
  }
  const topics: TopicDefinition[] = [];
  const ids = new Set<string>();
  const aliasOwners = new Map<string, string>();
  json.topics.forEach((entry: unknown, index: number) => {
    const where = `topic ${index}`;
    if (!isObject(entry)) throw createInvalidError(file, `${where}: expected an object`);
    const id = entry.id;
    if (typeof id !== "string" || !SLUG.test(id)) {
      throw createInvalidError(
        file,
        `${where}: "id" must be a lower-case slug such as "clinical-reasoning"`,
      );
    }
    const at = `${where} ("${id}")`;
    if (ids.has(id)) throw createInvalidError(file, `${at}: the id is used twice`);
    ids.add(id);
    const label = readText(entry.label, file, at, "label");
    if (label === undefined)
      throw createInvalidError(file, `${at}: "label" must be a non-empty string`);
    const labelZh = readText(entry.labelZh, file, at, "labelZh");
    const parent = readText(entry.parent, file, at, "parent");
    const domain = readText(entry.domain, file, at, "domain");
    const aliases = readPhrases(entry.aliases, file, at, "aliases", true);
    for (const alias of aliases) {
      if (CJK.test(alias)) {
        throw createInvalidError(
          file,
          `${at}: alias "${alias}" is Chinese; move it to "aliasesZh"`,
        );
      }
      if (!isWordPhrase(alias)) {
        throw createInvalidError(
          file,
          `${at}: alias "${alias}" must be words of letters and digits joined by spaces or hyphens`,
        );
      }
    }
    const aliasesZh = readPhrases(entry.aliasesZh, file, at, "aliasesZh", false);
    const proseNeeds = entry.proseNeeds;
    if (proseNeeds !== undefined && proseNeeds !== "introduced-benchmark") {
      throw createInvalidError(file, `${at}: "proseNeeds" must be "introduced-benchmark"`);
    }
    const excludes = readPhrases(entry.excludes, file, at, "excludes", false);
    const headingAliases = readPhrases(entry.headingAliases, file, at, "headingAliases", false);
    for (const alias of aliases) claimAlias(aliasOwners, toSingularKey(alias), id, file, at);
    for (const alias of aliasesZh)
      claimAlias(aliasOwners, normalizePhrase(alias, true), id, file, at);
    for (const alias of headingAliases) {
      const key = CJK.test(alias) ? normalizePhrase(alias, true) : toSingularKey(alias);
      claimAlias(aliasOwners, key, id, file, at);
    }
    const topic: TopicDefinition = { id, label, aliases, aliasesZh };
    if (labelZh !== undefined) topic.labelZh = labelZh;
    if (parent !== undefined) topic.parent = parent;
    if (excludes.length > 0) topic.excludes = excludes;
    if (domain !== undefined) topic.domain = domain;
    if (proseNeeds !== undefined) topic.proseNeeds = proseNeeds;
    if (headingAliases.length > 0) topic.headingAliases = headingAliases;
    topics.push(topic);
  });
  checkHierarchy(topics, file);
  const domains = parseDomains(json.domains, file);
  for (const topic of topics) {
    if (topic.domain !== undefined && !domains.some((d) => d.id === topic.domain)) {
      throw createInvalidError(
        file,
        `topic "${topic.id}": domain "${topic.domain}" is not in "domains"`,
      );
    }
  }
  return domains.length > 0 ? { topics, domains } : { topics };
}

/**
 * Check a parsed `benchmarks.json`: an array of `{ slug, name, aliases?, modality?, language?, task?,
 * caseSensitive?, needsContext? }` with unique slugs, names and aliases made of words (no name shared by two entries), and `language`
 * one of `en`, `zh`, `multi` when given.
 * @throws LitgraphError `invalid-options` naming `file` and the bad entry.
 */
export function parseBenchmarkGazetteer(json: unknown, file: string): BenchmarkDefinition[] {
  if (!Array.isArray(json))
    throw createInvalidError(file, "expected an array of benchmark definitions");
  const slugs = new Set<string>();
  const nameOwners = new Map<string, string>();
  return json.map((entry: unknown, index: number) => {
    const where = `benchmark ${index}`;
    if (!isObject(entry)) throw createInvalidError(file, `${where}: expected an object`);
    const slug = entry.slug;
    if (typeof slug !== "string" || !SLUG.test(slug)) {
      throw createInvalidError(file, `${where}: "slug" must be a lower-case slug such as "medqa"`);
    }
    const at = `${where} ("${slug}")`;
    if (slugs.has(slug)) throw createInvalidError(file, `${at}: the slug is used twice`);
    slugs.add(slug);
    const name = readText(entry.name, file, at, "name");
    if (name === undefined)
      throw createInvalidError(file, `${at}: "name" must be a non-empty string`);
    const aliases = readPhrases(entry.aliases, file, at, "aliases", false);
    const caseSensitive = readFlag(entry.caseSensitive, file, at, "caseSensitive");
    const needsContext = readFlag(entry.needsContext, file, at, "needsContext");
    for (const phrase of [name, ...aliases]) {
      if (!isWordPhrase(phrase) && !CJK.test(phrase)) {
        throw createInvalidError(
          file,
          `${at}: "${phrase}" must be words of letters and digits joined by spaces or hyphens`,
        );
      }
      const exact = caseSensitive || needsContext || !/[a-z]/.test(phrase);
      claimAlias(nameOwners, normalizePhrase(phrase, exact), slug, file, at);
    }
    const definition: BenchmarkDefinition = { slug, name, aliases };
    if (caseSensitive) definition.caseSensitive = true;
    if (needsContext) definition.needsContext = true;
    for (const key of ["modality", "language", "task"] as const) {
      const value = readText(entry[key], file, at, key);
      if (value !== undefined) definition[key] = value;
    }
    if (definition.language !== undefined && !LANGUAGES.has(definition.language)) {
      throw createInvalidError(file, `${at}: "language" must be "en", "zh" or "multi"`);
    }
    return definition;
  });
}

/** `domains`: `[{ "id": "medicine", "terms": ["medical", "patient", "临床", …] }]`, optional. */
function parseDomains(json: unknown, file: string): DomainDefinition[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw createInvalidError(file, '"domains" must be an array');
  return json.map((entry: unknown, index: number) => {
    const where = `domain ${index}`;
    if (!isObject(entry) || typeof entry.id !== "string" || !SLUG.test(entry.id)) {
      throw createInvalidError(file, `${where}: expected { "id": a slug, "terms": [...] }`);
    }
    const terms = readPhrases(entry.terms, file, `${where} ("${entry.id}")`, "terms", false);
    if (terms.length === 0) {
      throw createInvalidError(file, `${where} ("${entry.id}"): "terms" must not be empty`);
    }
    return { id: entry.id, terms };
  });
}

function checkHierarchy(topics: readonly TopicDefinition[], file: string): void {
  const parents = new Map(topics.map((topic) => [topic.id, topic.parent]));
  for (const topic of topics) {
    if (topic.parent === undefined) continue;
    if (!parents.has(topic.parent)) {
      throw createInvalidError(
        file,
        `topic "${topic.id}": parent "${topic.parent}" is not a topic id`,
      );
    }
    const seen = new Set([topic.id]);
    for (let up: string | undefined = topic.parent; up !== undefined; up = parents.get(up)) {
      if (seen.has(up))
        throw createInvalidError(
          file,
          `topic "${topic.id}": its parents form a cycle through "${up}"`,
        );
      seen.add(up);
    }
  }
}

/** English aliases match with a plural ending, so `benchmark` and `Benchmarks` are one alias. */
function toSingularKey(alias: string): string {
  const key = normalizePhrase(alias, isAcronym(alias));
  return /[^s]s$/i.test(key) && key.length > 3 ? key.slice(0, -1) : key;
}

function claimAlias(
  owners: Map<string, string>,
  key: string,
  owner: string,
  file: string,
  at: string,
): void {
  const previous = owners.get(key);
  if (previous !== undefined && previous !== owner) {
    throw createInvalidError(file, `${at}: "${key}" is already an alias of "${previous}"`);
  }
  owners.set(key, owner);
}

function readFlag(value: unknown, file: string, at: string, key: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean")
    throw createInvalidError(file, `${at}: "${key}" must be true or false`);
  return value;
}

function readText(value: unknown, file: string, at: string, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !value.trim()) {
    throw createInvalidError(file, `${at}: "${key}" must be a non-empty string`);
  }
  return value.trim();
}

function readPhrases(
  value: unknown,
  file: string,
  at: string,
  key: string,
  required: boolean,
): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item.trim())) {
    throw createInvalidError(file, `${at}: "${key}" must be an array of non-empty strings`);
  }
  return value.map((item: string) => item.trim());
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function createInvalidError(file: string, problem: string): LitgraphError {
  return new LitgraphError("invalid-options", `extract: ${file}: ${problem}.`);
}
