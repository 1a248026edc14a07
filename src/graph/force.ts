// A force-directed layout on flat arrays, in the spirit of ForceAtlas2 (Jacomy et al. 2014): every pair
// of bodies repels with a force proportional to the product of their masses over their distance, every
// edge pulls its ends together in proportion to its weight and length, and gravity keeps separate
// pieces from drifting away. Far bodies are grouped in a Barnes-Hut quadtree (Barnes & Hut 1986), so a
// pass costs about n·log n. Instead of ForceAtlas2's adaptive speed, each pass moves a body by its force
// over its mass, capped by a step that shrinks from the first pass to the last (simulated cooling as in
// Fruchterman & Reingold 1991): a bounded number of passes then settles, and a short refinement from
// good starting positions moves nodes by a small distance only. No randomness, fixed visiting order:
// the same input gives the same positions.

/** Bodies and the edges between them, in compressed rows: the neighbours of `i` are `targets[offsets[i]..offsets[i+1])`. */
export interface ForceSystem {
  x: Float64Array;
  y: Float64Array;
  mass: Float64Array;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export interface ForceOptions {
  passes: number;
  /** Repulsion coefficient (ForceAtlas2's scaling ratio). */
  repulsion: number;
  /** Pull towards the centre of mass, per unit of mass and of distance (ForceAtlas2's strong gravity). */
  gravity: number;
  /** Barnes-Hut accuracy: a cell this many times smaller than its distance counts as one body. */
  theta: number;
  /** Largest move of a body in the first pass and in the last; the cap falls linearly in between. */
  firstStep: number;
  lastStep: number;
  /** Optional per-body multiplier of the step cap, so that a body in a large region may move further. */
  reach?: Float64Array;
}

// Quadtree cells in flat arrays: a cell is a leaf holding `body` (-1 when empty, -2 when split).
const MAX_DEPTH = 48;

class QuadTree {
  cx = new Float64Array(0);
  cy = new Float64Array(0);
  half = new Float64Array(0);
  mass = new Float64Array(0);
  mx = new Float64Array(0);
  my = new Float64Array(0);
  body = new Int32Array(0);
  child = new Int32Array(0);
  depth = new Int32Array(0);
  count = 0;

  private grow(capacity: number): void {
    if (capacity <= this.cx.length) return;
    const size = Math.max(capacity, this.cx.length * 2, 64);
    const copy = <T extends Float64Array | Int32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.cx = copy(this.cx, new Float64Array(size));
    this.cy = copy(this.cy, new Float64Array(size));
    this.half = copy(this.half, new Float64Array(size));
    this.mass = copy(this.mass, new Float64Array(size));
    this.mx = copy(this.mx, new Float64Array(size));
    this.my = copy(this.my, new Float64Array(size));
    this.body = copy(this.body, new Int32Array(size));
    this.child = copy(this.child, new Int32Array(size));
    this.depth = copy(this.depth, new Int32Array(size));
  }

  private cell(cx: number, cy: number, half: number, depth: number): number {
    this.grow(this.count + 1);
    const c = this.count++;
    this.cx[c] = cx;
    this.cy[c] = cy;
    this.half[c] = half;
    this.mass[c] = 0;
    this.mx[c] = 0;
    this.my[c] = 0;
    this.body[c] = -1;
    this.child[c] = -1;
    this.depth[c] = depth;
    return c;
  }

  build(x: Float64Array, y: Float64Array, m: Float64Array): void {
    this.count = 0;
    const n = x.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const px = x[i] as number;
      const py = y[i] as number;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    const half = Math.max(maxX - minX, maxY - minY, 1e-9) / 2 + 1e-6;
    this.grow(2 * n + 1);
    this.cell((minX + maxX) / 2, (minY + maxY) / 2, half, 0);
    for (let i = 0; i < n; i++)
      this.insert(i, x[i] as number, y[i] as number, m[i] as number, x, y, m);
    // Centres of mass were summed as mass·position; divide once at the end.
    for (let c = 0; c < this.count; c++) {
      const mass = this.mass[c] as number;
      if (mass > 0) {
        this.mx[c] = (this.mx[c] as number) / mass;
        this.my[c] = (this.my[c] as number) / mass;
      }
    }
  }

  private quadrant(c: number, px: number, py: number): number {
    const q = (px >= (this.cx[c] as number) ? 1 : 0) + (py >= (this.cy[c] as number) ? 2 : 0);
    return (this.child[c] as number) + q;
  }

  private split(c: number): void {
    const h = (this.half[c] as number) / 2;
    const cx = this.cx[c] as number;
    const cy = this.cy[c] as number;
    const d = (this.depth[c] as number) + 1;
    const first = this.cell(cx - h, cy - h, h, d);
    this.cell(cx + h, cy - h, h, d);
    this.cell(cx - h, cy + h, h, d);
    this.cell(cx + h, cy + h, h, d);
    this.child[c] = first;
    this.body[c] = -2;
  }

  private insert(
    i: number,
    px: number,
    py: number,
    pm: number,
    x: Float64Array,
    y: Float64Array,
    m: Float64Array,
  ): void {
    let c = 0;
    for (;;) {
      this.mass[c] = (this.mass[c] as number) + pm;
      this.mx[c] = (this.mx[c] as number) + px * pm;
      this.my[c] = (this.my[c] as number) + py * pm;
      const held = this.body[c] as number;
      if (held === -1) {
        this.body[c] = i;
        return;
      }
      if (held >= 0) {
        // A leaf with one body: split it and push the resident down, unless the two coincide or the
        // tree is deep enough, when the leaf keeps them together as one lump.
        if ((this.depth[c] as number) >= MAX_DEPTH) return;
        this.split(c);
        const hx = x[held] as number;
        const hy = y[held] as number;
        const hm = m[held] as number;
        const target = this.quadrant(c, hx, hy);
        this.mass[target] = hm;
        this.mx[target] = hx * hm;
        this.my[target] = hy * hm;
        this.body[target] = held;
      }
      c = this.quadrant(c, px, py);
    }
  }
}

/**
 * Move the bodies of `system` in place for `options.passes` passes. The arrays `x` and `y` are both
 * the starting and the final positions.
 */
export function runForces(system: ForceSystem, options: ForceOptions): void {
  const { x, y, mass, offsets, targets, weights } = system;
  const n = x.length;
  if (n === 0 || options.passes <= 0) return;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const tree = new QuadTree();
  const stack = new Int32Array(4 * MAX_DEPTH + 8);
  const theta2 = options.theta * options.theta;
  const kr = options.repulsion;
  let totalMass = 0;
  for (let i = 0; i < n; i++) totalMass += mass[i] as number;
  for (let pass = 0; pass < options.passes; pass++) {
    const progress = options.passes === 1 ? 1 : pass / (options.passes - 1);
    const cap = options.firstStep + (options.lastStep - options.firstStep) * progress;
    fx.fill(0);
    fy.fill(0);
    if (n > 1) tree.build(x, y, mass);
    let gx = 0;
    let gy = 0;
    for (let i = 0; i < n; i++) {
      gx += (x[i] as number) * (mass[i] as number);
      gy += (y[i] as number) * (mass[i] as number);
    }
    gx /= totalMass;
    gy /= totalMass;
    // The tree's arrays, read into locals: the walk below is the hot loop.
    const tMass = tree.mass;
    const tBody = tree.body;
    const tMx = tree.mx;
    const tMy = tree.my;
    const tHalf = tree.half;
    const tChild = tree.child;
    for (let i = 0; i < n && n > 1; i++) {
      const px = x[i] as number;
      const py = y[i] as number;
      const pm = mass[i] as number;
      let ax = 0;
      let ay = 0;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const c = stack[--top] as number;
        const cm = tMass[c] as number;
        if (cm === 0) continue;
        const held = tBody[c] as number;
        if (held === i) continue;
        const dx = px - (tMx[c] as number);
        const dy = py - (tMy[c] as number);
        const d2 = dx * dx + dy * dy;
        const size = 2 * (tHalf[c] as number);
        if (held >= 0 || size * size < theta2 * d2) {
          if (d2 > 1e-12) {
            // kr·m_i·m_c / d along the unit vector: kr·m_i·m_c·(dx, dy) / d².
            const f = (kr * pm * cm) / d2;
            ax += dx * f;
            ay += dy * f;
          }
          continue;
        }
        const first = tChild[c] as number;
        stack[top++] = first;
        stack[top++] = first + 1;
        stack[top++] = first + 2;
        stack[top++] = first + 3;
      }
      // Attraction along the edges, linear in distance.
      const end = offsets[i + 1] as number;
      for (let e = offsets[i] as number; e < end; e++) {
        const j = targets[e] as number;
        const w = weights[e] as number;
        ax += ((x[j] as number) - px) * w;
        ay += ((y[j] as number) - py) * w;
      }
      // Strong gravity: a pull of `gravity`·mass·distance towards the centre of mass, which keeps
      // pieces without edges between them at about the distance their repulsion alone would set.
      ax += (gx - px) * options.gravity * pm;
      ay += (gy - py) * options.gravity * pm;
      fx[i] = ax;
      fy[i] = ay;
    }
    const reach = options.reach;
    for (let i = 0; i < n; i++) {
      const pm = mass[i] as number;
      const limit = reach === undefined ? cap : cap * (reach[i] as number);
      let dx = (fx[i] as number) / pm;
      let dy = (fy[i] as number) / pm;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d > limit) {
        dx *= limit / d;
        dy *= limit / d;
      }
      x[i] = (x[i] as number) + dx;
      y[i] = (y[i] as number) + dy;
    }
  }
}
