// The explorer: opens a graph, draws it with sigma, and wires the view state to every panel (search,
// filters, legend, timeline, side panel, export, sharing, drag and drop). One controller; each concern
// lives in its own module. Returns its teardown.
import type { LitGraph } from "../graph/types.ts";
import {
  createRelatedIndex,
  type RelatedIndex,
  type RelatedResult,
  rankRelated,
} from "../related/index.ts";
import { buildInWorker } from "./build-client.ts";
import { mountBuildDialog } from "./build-dialog.ts";
import type { DrawnCaption } from "./community-captions.ts";
import type { DetailsLoader } from "./details.ts";
import { byId } from "./dom.ts";
import { planDrop } from "./drop-files.ts";
import { mountDropZone } from "./drop-zone.ts";
import { downloadPng, downloadVisibleGexf } from "./export-actions.ts";
import { mountFiltersPanel } from "./filters-panel.ts";
import { mountKeyboard } from "./keyboard.ts";
import { mountLegend } from "./legend.ts";
import {
  describeGraphSource,
  type LoadResult,
  loadGraphFromUrl,
  openGraphText,
  selectGraphUrl,
} from "./loading.ts";
import { createReducerView, type ReducerView } from "./reducers.ts";
import { createRenderer, type Renderer } from "./renderer.ts";
import { mountSearchBox } from "./search-box.ts";
import {
  buildSearchDocuments,
  createSearchIndex,
  type NodeSearchIndex,
  searchNodes,
} from "./search-index.ts";
import { copyText, createUrlSync } from "./share.ts";
import { mountSidePanel } from "./side-panel.ts";
import {
  createViewStore,
  DEFAULT_FILTERS,
  isSameFilters,
  toggleInList,
  type ViewState,
} from "./state.ts";
import { mountTheme, PALETTES } from "./theme.ts";
import { mountTimeline } from "./timeline.ts";
import { type CameraView, decodeViewHash, fitViewToGraph, type SharedView } from "./url-state.ts";
import { computeVisibility, isPaperLike, type Visibility } from "./visibility.ts";
import { computeYearHistogram } from "./year-histogram.ts";

/** Graphs up to this many nodes are indexed for search at once; larger ones in the background. */
const SYNC_SEARCH_INDEX_ORDER = 5000;
/** Documents indexed per background step for large graphs. */
const SEARCH_INDEX_CHUNK = 2000;
/** Related papers listed in the side panel. */
const RELATED_COUNT = 10;
/** Camera zoom when search brings a node into view. */
const FOCUS_RATIO = 0.35;
/**
 * Details shards an export of the visible graph fetches at most (about 64 nodes each): beyond it
 * the GEXF carries what the map holds, and the reader is told so.
 */
const EXPORT_DETAILS_SHARDS = 64;

/** What the page exposes for automation and the console: read-only views of the explorer. */
export interface ExplorerHandle {
  getState(): ViewState;
  getCounts(): { nodes: number; edges: number; totalNodes: number; totalEdges: number };
  getCamera(): CameraView | null;
  /** The loaded graph's status: `loading`, `ready`, `empty` or `error`. */
  status(): string;
  /** Resolves when search can answer (large graphs are indexed after the first frame). */
  searchReady(): Promise<void>;
  /** The community names drawn on the map in the last frame, in viewport pixels. */
  getCaptions(): readonly DrawnCaption[];
}

declare global {
  interface Window {
    litgraph?: ExplorerHandle;
  }
}

interface Loaded {
  graph: LitGraph;
  name: string;
  /** Whether the graph came from the URL (then a shared link reopens it). */
  fromUrl: boolean;
  renderer: Renderer;
  visibility: Visibility;
  view: ReducerView;
  search: NodeSearchIndex | null;
  searchReady: Promise<void>;
  related: RelatedIndex | null;
  /** For a graph read from explorer.json: fetches its search file and node details. */
  details: DetailsLoader | null;
}

/** Start the explorer on the page (index.html's elements). */
export function mountExplorer(): () => void {
  const root = document.documentElement;
  const theme = mountTheme(root);
  const store = createViewStore();
  const palette = () => PALETTES[theme.get()];
  let loaded: Loaded | null = null;
  let status = "loading";
  const teardowns: (() => void)[] = [];

  const setStatus = (next: string, message = "") => {
    status = next;
    root.dataset.graphState = next;
    const empty = byId("empty-state");
    const error = byId("error-state");
    empty.hidden = next !== "empty";
    error.hidden = next !== "error";
    byId("error-message").textContent = message;
    byId("loading-state").hidden = next !== "loading";
    byId("consent-state").hidden = next !== "consent";
  };

  const toast = (message: string) => {
    const element = byId("toast");
    element.textContent = message;
    element.hidden = false;
    element.classList.remove("fade");
    window.setTimeout(() => element.classList.add("fade"), 2500);
  };

  // Panels.
  const searchBox = mountSearchBox(byId("search"), {
    search: (query) => (loaded?.search ? searchNodes(loaded.search, query) : []),
    onChoose: (key) => focusNode(key),
  });
  const panel = mountSidePanel(byId("panel"), {
    onNavigate: (key) => focusNode(key),
    onClose: () => store.set({ selected: null }),
  });
  const filters = mountFiltersPanel(byId("filters"), {
    onToggleKind: (kind) =>
      store.setFilters({ hiddenKinds: toggleInList(store.get().filters.hiddenKinds, kind) }),
    onTopic: (topic) => store.setFilters({ topic }),
    onBenchmark: (benchmark) => store.setFilters({ benchmark }),
    onHops: (hops) => store.setFilters({ hops }),
    onToggleSimilar: () => store.setFilters({ hideSimilar: !store.get().filters.hideSimilar }),
    onLabelDensity: (labelDensity) => store.set({ labelDensity }),
    onReset: () => {
      timeline.stop();
      store.set({ filters: DEFAULT_FILTERS });
    },
  });
  const legend = mountLegend(byId("legend"), {
    onToggle: (community) =>
      store.setFilters({
        hiddenCommunities: toggleInList(store.get().filters.hiddenCommunities, community),
      }),
    onShowAll: () => store.setFilters({ hiddenCommunities: [] }),
  });
  const timeline = mountTimeline(byId("timeline"), {
    onChange: (years) => store.setFilters({ years }),
  });
  const buildDialog = mountBuildDialog(byId("build-dialog"));
  teardowns.push(
    () => searchBox.destroy(),
    () => panel.destroy(),
    () => filters.destroy(),
    () => legend.destroy(),
    () => timeline.destroy(),
    () => buildDialog.destroy(),
  );

  const currentCamera = (): CameraView | null => {
    if (!loaded) return null;
    const { x, y, ratio } = loaded.renderer.sigma.getCamera().getState();
    return { x, y, ratio };
  };
  const sharedView = (): SharedView | null => {
    if (!loaded) return null;
    const state = store.get();
    return {
      selected: state.selected,
      filters: state.filters,
      labelDensity: state.labelDensity,
      camera: currentCamera(),
    };
  };
  const urlSync = createUrlSync(sharedView);
  teardowns.push(() => urlSync.destroy());

  const updateCounts = () => {
    const counts = byId("counts");
    if (!loaded) {
      counts.textContent = "";
      return;
    }
    const { graph, visibility } = loaded;
    counts.dataset.nodes = String(visibility.nodeCount);
    counts.dataset.edges = String(visibility.edgeCount);
    counts.textContent =
      visibility.nodes === null && visibility.edgeCount === graph.size
        ? `${graph.order} nodes · ${graph.size} edges`
        : `${visibility.nodeCount} of ${graph.order} nodes · ${visibility.edgeCount} of ${graph.size} edges`;
  };

  const relatedIndex = (current: Loaded): RelatedIndex => {
    current.related ??= createRelatedIndex(current.graph);
    return current.related;
  };

  const updatePanel = (state: ViewState) => {
    const current = loaded;
    root.classList.toggle("panel-open", state.selected !== null && current !== null);
    if (!current || state.selected === null || !current.graph.hasNode(state.selected)) {
      panel.hide();
      return;
    }
    const key = state.selected;
    const details = current.details?.stateOf(key) ?? { state: "ready" as const };
    if (details.state === "loading" && current.details) {
      // Shown at once from the map; filled in when the node's shard arrives.
      current.details.load(key).then(
        () => {
          if (loaded === current && store.get().selected === key) updatePanel(store.get());
        },
        () => {
          if (loaded === current && store.get().selected === key) updatePanel(store.get());
        },
      );
    }
    const attributes = current.graph.getNodeAttributes(key);
    let related: RelatedResult[] = [];
    if (isPaperLike(attributes)) {
      try {
        related = rankRelated(relatedIndex(current), state.selected, { k: RELATED_COUNT });
      } catch (error) {
        // The panel still shows the node; the ranking's failure is reported, not fatal.
        toast(
          `Related papers could not be ranked: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    panel.show({ graph: current.graph, key, related, details });
  };

  const syncControls = (state: ViewState) => {
    filters.update(state);
    legend.update(state.filters.hiddenCommunities);
    timeline.update(state.filters.years);
  };

  store.subscribe((state, previous) => {
    const current = loaded;
    if (!current) return;
    const selectionMatters = state.filters.hops > 0 || current.visibility.nodes !== null;
    if (
      !isSameFilters(state.filters, previous.filters) ||
      (state.selected !== previous.selected && selectionMatters)
    ) {
      current.visibility = computeVisibility(current.graph, state.filters, state.selected);
    }
    current.view = createReducerView(current.graph, state, current.visibility, palette());
    if (state.labelDensity !== previous.labelDensity)
      current.renderer.setLabelDensity(state.labelDensity);
    current.renderer.refresh();
    if (state.selected !== previous.selected) updatePanel(state);
    syncControls(state);
    updateCounts();
    if (state.hovered === previous.hovered || state.selected !== previous.selected)
      urlSync.schedule();
  });

  teardowns.push(
    theme.subscribe(() => {
      if (!loaded) return;
      loaded.view = { ...loaded.view, palette: palette() };
      loaded.renderer.setPalette(palette());
      loaded.renderer.refresh();
    }),
  );

  /** Select a node and bring it into view. */
  function focusNode(key: string) {
    const current = loaded;
    if (!current?.graph.hasNode(key)) return;
    store.set({ selected: key });
    const display = current.renderer.sigma.getNodeDisplayData(key);
    if (!display) return;
    const camera = current.renderer.sigma.getCamera();
    camera.animate(
      { x: display.x, y: display.y, ratio: Math.min(camera.ratio, FOCUS_RATIO) },
      { duration: 500 },
    );
  }

  function closeGraph() {
    if (!loaded) return;
    loaded.renderer.destroy();
    loaded = null;
    panel.hide();
    root.classList.remove("panel-open");
    updateCounts();
  }

  /** Show `graph`, with `initial` (from a shared link) or a fresh view. */
  function openGraph(
    graph: LitGraph,
    name: string,
    fromUrl: boolean,
    shared?: SharedView,
    details: DetailsLoader | null = null,
  ) {
    const initial = shared ? fitViewToGraph(shared, graph) : undefined;
    closeGraph();
    timeline.stop();
    searchBox.reset();
    const state: ViewState = {
      selected: initial?.selected && graph.hasNode(initial.selected) ? initial.selected : null,
      hovered: null,
      filters: initial?.filters ?? DEFAULT_FILTERS,
      labelDensity: initial?.labelDensity ?? store.get().labelDensity,
    };
    // The store takes the new state while no graph is loaded, so its listener does not redraw:
    // the renderer below draws this state in its first frame.
    store.set(state);
    const visibility = computeVisibility(graph, state.filters, state.selected);
    const view = createReducerView(graph, state, visibility, palette());
    const container = byId("graph");
    const current: Partial<Loaded> & { view: ReducerView } = { view };
    const renderer = createRenderer(container, graph, {
      getView: () => current.view,
      getPalette: palette,
      labelDensity: state.labelDensity,
    });
    Object.assign(current, {
      graph,
      name,
      fromUrl,
      renderer,
      visibility,
      search: null,
      searchReady: Promise.resolve(),
      related: null,
      details,
    });
    loaded = current as Loaded;
    if (initial?.camera) {
      renderer.sigma.getCamera().setState(initial.camera);
    } else if (state.selected !== null) {
      // A link that names a node but no camera opens centred on that node.
      const display = renderer.sigma.getNodeDisplayData(state.selected);
      if (display)
        renderer.sigma.getCamera().setState({ x: display.x, y: display.y, ratio: FOCUS_RATIO });
    }

    const sigma = renderer.sigma;
    sigma.on("enterNode", ({ node }) => store.set({ hovered: node }));
    sigma.on("leaveNode", () => store.set({ hovered: null }));
    sigma.on("clickNode", ({ node }) => store.set({ selected: node }));
    sigma.on("clickStage", () => store.set({ selected: null }));
    sigma.getCamera().on("updated", () => urlSync.schedule());

    filters.setGraph(graph);
    legend.setGraph(graph);
    timeline.setHistogram(computeYearHistogram(graph));
    byId("graph-name").textContent = name;
    document.title = `${name} · litgraph`;
    setStatus("ready");
    syncControls(state);
    updatePanel(state);
    updateCounts();
    loaded.searchReady = indexForSearch(loaded);
  }

  function indexForSearch(current: Loaded): Promise<void> {
    const index = createSearchIndex();
    if (current.details) {
      // Titles, ids and authors come in their own file, fetched once the map is drawn.
      const details = current.details;
      searchBox.setPlaceholder("Indexing for search…");
      return new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
        .then(() =>
          details
            .loadSearch()
            .catch((error: unknown) =>
              toast(
                `Search finds node labels only: ${error instanceof Error ? error.message : String(error)}`,
              ),
            ),
        )
        .then(() =>
          index.addAllAsync(buildSearchDocuments(current.graph), { chunkSize: SEARCH_INDEX_CHUNK }),
        )
        .then(() => {
          if (loaded === current) {
            current.search = index;
            searchBox.setPlaceholder("Search papers, authors, arXiv ids, topics…");
          }
        });
    }
    const documents = buildSearchDocuments(current.graph);
    if (current.graph.order <= SYNC_SEARCH_INDEX_ORDER) {
      index.addAll(documents);
      current.search = index;
      return Promise.resolve();
    }
    searchBox.setPlaceholder("Indexing for search…");
    // After the first frame, so that indexing never delays the drawing.
    return new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
      .then(() => index.addAllAsync(documents, { chunkSize: SEARCH_INDEX_CHUNK }))
      .then(() => {
        if (loaded === current) {
          current.search = index;
          searchBox.setPlaceholder("Search papers, authors, arXiv ids, topics…");
        }
      });
  }

  const showResult = (result: LoadResult, fromUrl: boolean, initial?: SharedView) => {
    if (result.state === "loaded")
      openGraph(result.graph, result.name, fromUrl, initial, result.details ?? null);
    else if (result.state === "empty") setStatus("empty");
    else setStatus("error", result.message);
  };

  // Drops and the file picker.
  let job: ReturnType<typeof buildInWorker> | null = null;
  teardowns.push(
    mountDropZone({
      overlay: byId("drop-overlay"),
      input: byId<HTMLInputElement>("file-input"),
      onError: (message) => toast(message),
      onFiles: (files) => {
        const plan = planDrop(files);
        if (plan.action === "nothing") {
          toast(plan.reason);
        } else if (plan.action === "open-graph") {
          const result = openGraphText(
            plan.text,
            plan.file.path.split("/").pop() ?? plan.file.path,
          );
          if (result.state === "loaded") openGraph(result.graph, result.name, false);
          else toast(result.state === "error" ? result.message : "Nothing to open.");
        } else {
          job?.cancel();
          const started = buildInWorker(
            { files: plan.files, taxonomy: plan.taxonomy, benchmarks: plan.benchmarks },
            (event) => buildDialog.progress(event),
          );
          job = started;
          buildDialog.start(plan.files.length, () => started.cancel());
          started.result.then(
            (built) => {
              if (job !== started) return;
              job = null;
              buildDialog.done(built.summary, built.skipped);
              if (built.graph.order > 0) openGraph(built.graph, "dropped documents", false);
            },
            (error: unknown) => {
              if (job !== started) return;
              job = null;
              buildDialog.fail(error instanceof Error ? error.message : String(error));
            },
          );
        }
      },
    }),
  );

  // Buttons and keys.
  const on = (id: string, handler: () => void) => {
    const element = byId(id);
    element.addEventListener("click", handler);
    teardowns.push(() => element.removeEventListener("click", handler));
  };
  on("theme-toggle", () => theme.toggle());
  on("open-files", () => byId<HTMLInputElement>("file-input").click());
  on("empty-open-files", () => byId<HTMLInputElement>("file-input").click());
  on("sidebar-toggle", () => root.classList.toggle("sidebar-open"));
  on("zoom-in", () => loaded?.renderer.sigma.getCamera().animatedZoom({ duration: 250 }));
  on("zoom-out", () => loaded?.renderer.sigma.getCamera().animatedUnzoom({ duration: 250 }));
  on("zoom-reset", () => loaded?.renderer.sigma.getCamera().animatedReset({ duration: 250 }));
  on("export-gexf", () => {
    const current = loaded;
    if (!current) return;
    if (!current.details) {
      downloadVisibleGexf(current.graph, current.visibility, current.name);
      return;
    }
    // A graph read from explorer.json: fetch the details of what is visible first, when that is a
    // few files; beyond, export what the map holds and say so.
    const details = current.details;
    const visible = current.visibility.nodes ?? current.graph.nodes();
    const missing = details.missingShards(visible);
    const fill =
      missing.length <= EXPORT_DETAILS_SHARDS
        ? details.loadAll(visible).then(() => true)
        : Promise.resolve(false);
    if (missing.length > 0) toast("Fetching the details of the visible nodes…");
    void Promise.all([fill, current.searchReady])
      .then(([complete]) => {
        if (loaded !== current) return;
        downloadVisibleGexf(current.graph, current.visibility, current.name);
        if (!complete)
          toast(
            `Exported without abstracts and evidence: ${visible === current.visibility.nodes ? current.visibility.nodeCount : current.graph.order} nodes need ${missing.length} detail files. Filter to fewer nodes, or take graph.gexf from the build.`,
          );
      })
      .catch((error: unknown) =>
        toast(`Could not export: ${error instanceof Error ? error.message : String(error)}`),
      );
  });
  on("export-png", () => {
    if (loaded) void downloadPng(loaded.renderer.sigma, palette().background, loaded.name);
  });
  on("share-link", () => {
    urlSync.flush();
    void copyText(location.href).then((copied) =>
      toast(
        !copied
          ? "Could not copy: the address bar holds the link."
          : loaded && !loaded.fromUrl
            ? "Link copied. It reopens this view of the default graph; a dropped graph is not shared."
            : "Link copied: it reopens this view.",
      ),
    );
  });
  teardowns.push(
    mountKeyboard({
      onSearch: () => searchBox.focus(),
      onEscape: () => {
        if (!byId("build-dialog").hidden && byId("build-dialog").dataset.state !== "running")
          buildDialog.close();
        else if (root.classList.contains("sidebar-open")) root.classList.remove("sidebar-open");
        else store.set({ selected: null });
      },
    }),
  );

  // A hash typed or pasted into the address bar (our own updates replace it without this event).
  const onHashChange = () => {
    const current = loaded;
    if (!current) return;
    const view = fitViewToGraph(decodeViewHash(location.hash), current.graph);
    timeline.stop();
    store.set({
      selected:
        view.selected !== null && current.graph.hasNode(view.selected) ? view.selected : null,
      filters: view.filters,
      labelDensity: view.labelDensity,
    });
    if (view.camera) current.renderer.sigma.getCamera().setState(view.camera);
  };
  window.addEventListener("hashchange", onHashChange);
  teardowns.push(() => window.removeEventListener("hashchange", onHashChange));

  window.litgraph = {
    getState: () => store.get(),
    getCounts: () => ({
      nodes: loaded?.visibility.nodeCount ?? 0,
      edges: loaded?.visibility.edgeCount ?? 0,
      totalNodes: loaded?.graph.order ?? 0,
      totalEdges: loaded?.graph.size ?? 0,
    }),
    getCamera: currentCamera,
    status: () => status,
    searchReady: () => loaded?.searchReady ?? Promise.resolve(),
    getCaptions: () => loaded?.renderer.captions() ?? [],
  };

  // Load the graph the address names.
  // A graph from another site (or a data: URL in the link) is opened only once the reader agrees.
  const { url, explicit } = selectGraphUrl(location.search);
  const initial = decodeViewHash(location.hash);
  const source = describeGraphSource(url, location.href);
  const open = (target: string) => {
    setStatus("loading");
    void loadGraphFromUrl(target, explicit).then((result) => showResult(result, true, initial));
  };
  if (source.kind === "refused") {
    setStatus("error", `This graph could not be opened: ${source.reason}`);
  } else if (source.kind === "foreign") {
    byId("consent-origin").textContent = source.from;
    byId("consent-url").textContent =
      source.url.length > 300 ? `${source.url.slice(0, 300)}…` : source.url;
    setStatus("consent");
    const onOpen = () => open(source.url);
    const onCancel = () => setStatus("empty");
    byId("consent-open").addEventListener("click", onOpen, { once: true });
    byId("consent-cancel").addEventListener("click", onCancel, { once: true });
    teardowns.push(() => {
      byId("consent-open").removeEventListener("click", onOpen);
      byId("consent-cancel").removeEventListener("click", onCancel);
    });
    byId("consent-open").focus();
  } else {
    open(source.url);
  }

  return () => {
    closeGraph();
    job?.cancel();
    for (const teardown of teardowns.reverse()) teardown();
    theme.destroy();
    delete window.litgraph;
  };
}
