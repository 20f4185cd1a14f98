import type { Architecture, Component, Connection, ParamValue } from '../../../model/architecture.ts';
import type { AccessMode, ComponentKind } from '../../../model/kinds.ts';
import type { Operation } from '../../../model/operations.ts';

const DATA_ACCESS: ReadonlySet<AccessMode> = new Set(['read', 'write', 'readwrite']);

/**
 * The architecture as it will be after the operations planned so far in this turn, so later sentences can
 * refer to what earlier ones added. Records the operations it is asked to make, in order.
 */
export class Draft {
  readonly operations: Operation[] = [];
  readonly components: Component[];
  readonly connections: Connection[];
  /** Components this turn added or changed, in order: what "it" refers to next. */
  readonly touched: string[] = [];
  readonly added = new Set<string>();
  /** The sentence being planned adds to what exists ("too", "also", "as well"). */
  additive = false;
  meta: Pick<Architecture, 'name' | 'team' | 'environment' | 'region'>;

  constructor(architecture: Architecture) {
    this.components = architecture.components.map((c) => ({ ...c, params: { ...c.params } }));
    this.connections = architecture.connections.map((c) => ({ ...c }));
    this.meta = {
      name: architecture.name,
      team: architecture.team,
      environment: architecture.environment,
      region: architecture.region,
    };
  }

  get(id: string): Component | undefined {
    return this.components.find((c) => c.id === id);
  }

  private touch(id: string): void {
    const at = this.touched.indexOf(id);
    if (at >= 0) this.touched.splice(at, 1);
    this.touched.push(id);
  }

  /** A free id: `base`, else `base-2`, `base-3`, ... */
  freeId(base: string): string {
    if (!this.get(base)) return base;
    for (let n = 2; ; n++) if (!this.get(`${base}-${n}`)) return `${base}-${n}`;
  }

  add(id: string, kind: ComponentKind, params: Record<string, ParamValue>): void {
    this.components.push({ id, kind, params: { ...params } });
    this.operations.push({ op: 'add_component', id, kind, params: { ...params } });
    this.added.add(id);
    this.touch(id);
  }

  update(id: string, params: Record<string, ParamValue>): void {
    const component = this.get(id);
    if (!component) return;
    const changed: Record<string, ParamValue> = {};
    for (const [name, value] of Object.entries(params)) {
      if (JSON.stringify(component.params[name]) !== JSON.stringify(value)) changed[name] = value;
    }
    this.touch(id);
    if (Object.keys(changed).length === 0) return;
    if (this.added.has(id)) {
      // fold into the add of this turn, so the operations read as the user would describe them
      const add = this.operations.find((o) => o.op === 'add_component' && o.id === id);
      if (add && add.op === 'add_component') Object.assign(add.params, changed);
    } else {
      const previous = this.operations.find((o) => o.op === 'update_params' && o.id === id);
      if (previous && previous.op === 'update_params') Object.assign(previous.params, changed);
      else this.operations.push({ op: 'update_params', id, params: changed });
    }
    for (const [name, value] of Object.entries(changed)) {
      if (value === null) delete component.params[name];
      else component.params[name] = value;
    }
  }

  remove(id: string): void {
    const at = this.components.findIndex((c) => c.id === id);
    if (at < 0) return;
    this.components.splice(at, 1);
    for (let i = this.connections.length - 1; i >= 0; i--) {
      const c = this.connections[i]!;
      if (c.from === id || c.to === id) this.connections.splice(i, 1);
    }
    if (this.added.has(id)) {
      // added this turn: forget it rather than add and remove
      for (let i = this.operations.length - 1; i >= 0; i--) {
        const op = this.operations[i]!;
        const involves =
          ((op.op === 'add_component' || op.op === 'update_params') && op.id === id) ||
          ((op.op === 'connect' || op.op === 'disconnect') && (op.from === id || op.to === id));
        if (involves) this.operations.splice(i, 1);
      }
    } else {
      this.operations.push({ op: 'remove_component', id });
    }
    this.added.delete(id);
    const t = this.touched.indexOf(id);
    if (t >= 0) this.touched.splice(t, 1);
  }

  rename(id: string, newId: string): void {
    const component = this.get(id);
    if (!component || this.get(newId)) return;
    component.id = newId;
    for (const c of this.connections) {
      if (c.from === id) c.from = newId;
      if (c.to === id) c.to = newId;
    }
    this.operations.push({ op: 'rename_component', id, newId });
    if (this.added.delete(id)) this.added.add(newId);
    const t = this.touched.indexOf(id);
    if (t >= 0) this.touched.splice(t, 1);
    this.touch(newId);
  }

  hasConnection(from: string, to: string, access?: AccessMode): boolean {
    return this.connections.some((c) => c.from === from && c.to === to && (!access || c.access === access));
  }

  connect(from: string, to: string, access: AccessMode): void {
    if (from === to || this.hasConnection(from, to, access)) return;
    // "the fn should write to the table" restates how an earlier data link is used: it replaces it;
    // "it writes to the table too" adds to it
    const earlier = this.connections.find((c) => c.from === from && c.to === to);
    if (
      earlier &&
      DATA_ACCESS.has(earlier.access) &&
      DATA_ACCESS.has(access) &&
      !this.operations.some((op) => op.op === 'connect' && op.from === from && op.to === to)
    ) {
      if (this.additive && earlier.access !== access) access = 'readwrite';
      this.disconnect(from, to);
      if (this.hasConnection(from, to, access)) return;
    } else if (earlier && DATA_ACCESS.has(earlier.access) && DATA_ACCESS.has(access)) {
      // "reads from the table and writes to it" in one turn: one read-write link
      const op = this.operations.find((o) => o.op === 'connect' && o.from === from && o.to === to);
      if (op && op.op === 'connect' && op.access === earlier.access) {
        earlier.access = 'readwrite';
        op.access = 'readwrite';
        return;
      }
    }
    this.connections.push({ from, to, access });
    this.operations.push({ op: 'connect', from, to, access });
  }

  disconnect(from: string, to: string): void {
    if (!this.hasConnection(from, to)) return;
    const existed = this.connections.filter((c) => c.from === from && c.to === to);
    for (let i = this.connections.length - 1; i >= 0; i--) {
      const c = this.connections[i]!;
      if (c.from === from && c.to === to) this.connections.splice(i, 1);
    }
    // made earlier in this turn: forget the connect rather than connect and disconnect
    const madeNow = (c: Connection) =>
      this.operations.findIndex(
        (o) => o.op === 'connect' && o.from === c.from && o.to === c.to && o.access === c.access,
      );
    if (existed.every((c) => madeNow(c) >= 0)) {
      for (const c of existed) this.operations.splice(madeNow(c), 1);
      return;
    }
    this.operations.push({ op: 'disconnect', from, to });
  }

  setMeta(meta: Partial<Pick<Architecture, 'name' | 'team' | 'environment' | 'region'>>): void {
    const changed: Partial<Pick<Architecture, 'name' | 'team' | 'environment' | 'region'>> = {};
    if (meta.name !== undefined && meta.name !== this.meta.name) changed.name = meta.name;
    if (meta.team !== undefined && meta.team !== this.meta.team) changed.team = meta.team;
    if (meta.environment !== undefined && meta.environment !== this.meta.environment)
      changed.environment = meta.environment;
    if (meta.region !== undefined && meta.region !== this.meta.region) changed.region = meta.region;
    if (Object.keys(changed).length === 0) return;
    Object.assign(this.meta, changed);
    const previous = this.operations.find((o) => o.op === 'set_meta');
    if (previous && previous.op === 'set_meta') Object.assign(previous, changed);
    else this.operations.push({ op: 'set_meta', ...changed });
  }
}
