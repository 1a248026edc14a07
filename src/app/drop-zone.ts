// Drag and drop onto the page (files or folders) and the "Open files" picker: both hand the chosen
// files, with their paths inside dropped folders, to one callback.
import type { DroppedFile } from "./drop-files.ts";

export interface DropZoneOptions {
  /** The overlay shown while files are dragged over the page. */
  overlay: HTMLElement;
  /** A file input whose picks count as a drop. */
  input: HTMLInputElement;
  onFiles: (files: DroppedFile[]) => void;
  onError: (message: string) => void;
}

/** Files at most this deep in dropped folders are read (a safeguard against huge trees). */
const MAX_FOLDER_DEPTH = 8;

/** Listen for drops on `target` (the window by default). Returns the teardown. */
export function mountDropZone(options: DropZoneOptions, target: Window = window): () => void {
  let depth = 0;
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
  const onEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    options.overlay.hidden = false;
  };
  const onOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  };
  const onLeave = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) options.overlay.hidden = true;
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth = 0;
    options.overlay.hidden = true;
    const transfer = event.dataTransfer;
    if (!transfer) return;
    collectDropped(transfer).then(options.onFiles, (error: unknown) =>
      options.onError(error instanceof Error ? error.message : String(error)),
    );
  };
  const onPick = () => {
    const files = [...(options.input.files ?? [])];
    options.input.value = "";
    readFiles(files.map((file) => ({ file, path: file.name }))).then(
      options.onFiles,
      (error: unknown) => options.onError(error instanceof Error ? error.message : String(error)),
    );
  };
  target.addEventListener("dragenter", onEnter);
  target.addEventListener("dragover", onOver);
  target.addEventListener("dragleave", onLeave);
  target.addEventListener("drop", onDrop);
  options.input.addEventListener("change", onPick);
  return () => {
    target.removeEventListener("dragenter", onEnter);
    target.removeEventListener("dragover", onOver);
    target.removeEventListener("dragleave", onLeave);
    target.removeEventListener("drop", onDrop);
    options.input.removeEventListener("change", onPick);
  };
}

/** The files of a drop, walking into dropped folders when the browser exposes entries. */
async function collectDropped(transfer: DataTransfer): Promise<DroppedFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === "file")
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length > 0 && entries.every((entry) => entry !== null)) {
    const found: { file: File; path: string }[] = [];
    for (const entry of entries) if (entry) await walkEntry(entry, "", found, 0);
    return readFiles(found);
  }
  return readFiles([...transfer.files].map((file) => ({ file, path: file.name })));
}

async function walkEntry(
  entry: FileSystemEntry,
  prefix: string,
  found: { file: File; path: string }[],
  depth: number,
): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    found.push({ file, path });
    return;
  }
  if (!entry.isDirectory || depth >= MAX_FOLDER_DEPTH) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the folder in batches until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    for (const child of batch) {
      if (child.name.startsWith(".")) continue;
      await walkEntry(child, path, found, depth + 1);
    }
  }
}

async function readFiles(files: { file: File; path: string }[]): Promise<DroppedFile[]> {
  return Promise.all(
    files.map(async ({ file, path }) => ({
      path,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}
