// Slugs: the stable, readable part of node keys (`benchmark:meds-bench`), made from names.

/**
 * Lower-case ASCII words joined by hyphens: `MedS-Bench` → `meds-bench`, `IU X-Ray` → `iu-x-ray`,
 * `Évaluation` → `evaluation`. Characters without an ASCII form are dropped; the result may be empty.
 */
export function slugify(name: string): string {
  // Plain ASCII has no accents to take off.
  return (isAscii(name) ? name : name.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A slug's letters and digits only, to see that `MedS-Bench` and `MedSBench` name the same thing. */
export function compactSlug(name: string): string {
  return slugify(name).replace(/-/g, "");
}

function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** A code unit above U+007F (a test of one class is several times faster than a loop). */
const NON_ASCII = /[\u0080-\uFFFF]/;
