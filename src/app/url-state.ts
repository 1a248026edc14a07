// The shareable part of the view (selection, filters, label density, camera) as URL hash parameters,
// and back. Decoding is forgiving: a missing or malformed parameter falls back to its default.
import type { NodeKind } from "../graph/types.ts";
import {
  DEFAULT_FILTERS,
  type Filters,
  LABEL_DENSITIES,
  type LabelDensity,
  type NeighbourhoodHops,
  NODE_KINDS,
} from "./state.ts";

/** Sigma's camera in its own (normalised) coordinates. */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** What a link carries. */
export interface SharedView {
  selected: string | null;
  filters: Filters;
  labelDensity: LabelDensity;
  camera: CameraView | null;
}

/** Hash parameter names. */
const PARAMS = {
  selected: "node",
  hiddenKinds: "hide",
  hiddenCommunities: "hidec",
  topic: "topic",
  benchmark: "bench",
  years: "years",
  hops: "hops",
  hideSimilar: "nosim",
  labels: "labels",
  camera: "cam",
} as const;

const DEFAULT_LABEL_DENSITY: LabelDensity = "some";

/** Digits kept for camera coordinates: enough to land on the same view, short enough to share. */
const CAMERA_DECIMALS = 4;

/** Encode a view as hash text without the leading `#` (empty when everything is at its default). */
export function encodeViewHash(view: SharedView): string {
  const params = new URLSearchParams();
  const { filters } = view;
  if (view.selected !== null) params.set(PARAMS.selected, view.selected);
  if (filters.hiddenKinds.length > 0)
    params.set(PARAMS.hiddenKinds, [...filters.hiddenKinds].sort().join(","));
  if (filters.hiddenCommunities.length > 0)
    params.set(
      PARAMS.hiddenCommunities,
      [...filters.hiddenCommunities].sort((a, b) => a - b).join(","),
    );
  if (filters.topic !== null) params.set(PARAMS.topic, filters.topic);
  if (filters.benchmark !== null) params.set(PARAMS.benchmark, filters.benchmark);
  if (filters.years !== null) params.set(PARAMS.years, `${filters.years[0]}-${filters.years[1]}`);
  if (filters.hops > 0) params.set(PARAMS.hops, String(filters.hops));
  if (filters.hideSimilar) params.set(PARAMS.hideSimilar, "1");
  if (view.labelDensity !== DEFAULT_LABEL_DENSITY) params.set(PARAMS.labels, view.labelDensity);
  if (view.camera !== null) {
    const { x, y, ratio } = view.camera;
    params.set(PARAMS.camera, [x, y, ratio].map((v) => roundTo(v, CAMERA_DECIMALS)).join(","));
  }
  return params.toString();
}

/** Decode hash text (with or without the leading `#`). */
export function decodeViewHash(hash: string): SharedView {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const kinds = splitList(params.get(PARAMS.hiddenKinds)).filter((kind): kind is NodeKind =>
    (NODE_KINDS as readonly string[]).includes(kind),
  );
  const communities = splitList(params.get(PARAMS.hiddenCommunities))
    .map(Number)
    .filter((id) => Number.isInteger(id));
  const filters: Filters = {
    ...DEFAULT_FILTERS,
    hiddenKinds: [...new Set(kinds)],
    hiddenCommunities: [...new Set(communities)],
    topic: nonEmpty(params.get(PARAMS.topic)),
    benchmark: nonEmpty(params.get(PARAMS.benchmark)),
    years: parseYears(params.get(PARAMS.years)),
    hops: parseHops(params.get(PARAMS.hops)),
    hideSimilar: params.get(PARAMS.hideSimilar) === "1",
  };
  const labels = params.get(PARAMS.labels);
  return {
    selected: nonEmpty(params.get(PARAMS.selected)),
    filters,
    labelDensity: (LABEL_DENSITIES as readonly string[]).includes(labels ?? "")
      ? (labels as LabelDensity)
      : DEFAULT_LABEL_DENSITY,
    camera: parseCamera(params.get(PARAMS.camera)),
  };
}

function splitList(value: string | null): string[] {
  return value === null ? [] : value.split(",").filter((item) => item !== "");
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === "" ? null : value;
}

function parseYears(value: string | null): [number, number] | null {
  const match = value?.match(/^(-?\d{1,4})-(-?\d{1,4})$/);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from <= to ? [from, to] : [to, from];
}

function parseHops(value: string | null): NeighbourhoodHops {
  return value === "1" ? 1 : value === "2" ? 2 : 0;
}

function parseCamera(value: string | null): CameraView | null {
  const parts = splitList(value).map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Widest camera zoom a link may ask for, either way: beyond it the map is a dot or a blur. */
const CAMERA_RATIO_LIMIT = 1000;
/** Camera centres further than this from the graph's normalised [0, 1] box show nothing. */
const CAMERA_CENTRE_LIMIT = 10;

/** What a graph must answer for a shared view to be fitted to it. */
export interface ViewGraph {
  hasNode(key: string): boolean;
  getNodeAttribute(key: string, name: "kind"): unknown;
  forEachNode(
    callback: (
      key: string,
      attributes: { kind?: unknown; community?: unknown; year?: unknown },
    ) => void,
  ): void;
}

/**
 * A shared view fitted to the graph it opens on: every value the graph does not have falls back to
 * its default instead of emptying the view (a topic or benchmark that is not one of its nodes, a
 * community it does not have, a year range holding none of its papers, a camera far off the map,
 * a selection of a missing node, every kind hidden).
 */
export function fitViewToGraph(view: SharedView, graph: ViewGraph): SharedView {
  const communities = new Set<number>();
  const kinds = new Set<string>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_key, attributes) => {
    if (typeof attributes.community === "number") communities.add(attributes.community);
    if (typeof attributes.kind === "string") kinds.add(attributes.kind);
    if (typeof attributes.year === "number") {
      first = Math.min(first, attributes.year);
      last = Math.max(last, attributes.year);
    }
  });
  const isNodeOfKind = (key: string | null, kind: string): boolean =>
    key !== null && graph.hasNode(key) && graph.getNodeAttribute(key, "kind") === kind;
  const { filters } = view;
  const hiddenKinds = filters.hiddenKinds.filter((kind) => kinds.has(kind));
  const years =
    filters.years !== null && filters.years[1] >= first && filters.years[0] <= last
      ? filters.years
      : null;
  const camera =
    view.camera !== null &&
    view.camera.ratio >= 1 / CAMERA_RATIO_LIMIT &&
    view.camera.ratio <= CAMERA_RATIO_LIMIT &&
    Math.abs(view.camera.x - 0.5) <= CAMERA_CENTRE_LIMIT &&
    Math.abs(view.camera.y - 0.5) <= CAMERA_CENTRE_LIMIT
      ? view.camera
      : null;
  return {
    selected: view.selected !== null && graph.hasNode(view.selected) ? view.selected : null,
    filters: {
      ...filters,
      hiddenKinds: hiddenKinds.length >= kinds.size && kinds.size > 0 ? [] : hiddenKinds,
      hiddenCommunities: filters.hiddenCommunities.filter((id) => communities.has(id)),
      topic: isNodeOfKind(filters.topic, "topic") ? filters.topic : null,
      benchmark: isNodeOfKind(filters.benchmark, "benchmark") ? filters.benchmark : null,
      years,
    },
    labelDensity: view.labelDensity,
    camera,
  };
}
