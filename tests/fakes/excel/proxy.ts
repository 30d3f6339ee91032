/**
 * The proxy mechanics of the fake: a queue of actions run in order at sync, properties that throw until
 * they were loaded and synced, null objects, Office-style errors and a per-sync byte estimate.
 */
import type { FakeContext } from "./context";

/** An error shaped like OfficeExtension.Error: `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Throws the fake's refusal of anything it does not model. */
export function notImplemented(what: string): never {
  throw new Error(`Fake Excel: ${what} is not implemented`);
}

export function propertyNotLoaded(name: string): Error {
  return Object.assign(
    new Error(
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
    ),
    { code: "PropertyNotLoaded", name: "RichApi.Error" }
  );
}

/** Member names test frameworks and `await` probe on any object; answered with undefined. */
const PROBES = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_isMockFunction",
  "constructor",
]);

/** Wraps an object so that reading or setting any member it does not define fails loudly. */
export function strict<T extends object>(obj: T, className: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver);
      if (PROBES.has(prop)) return undefined;
      notImplemented(`${className}.${prop}`);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "symbol") return Reflect.set(target, prop, value, receiver);
      const desc = findDescriptor(target, prop);
      const own = Object.prototype.hasOwnProperty.call(target, prop);
      if (desc?.set || (own && desc && "value" in desc)) return Reflect.set(target, prop, value, receiver);
      notImplemented(`setting ${className}.${prop}`);
    },
  });
}

function findDescriptor(obj: object, prop: string): PropertyDescriptor | undefined {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    if (d) return d;
  }
  return undefined;
}

/**
 * Base of every proxy object: resolves its target at its place in the queue, keeps loaded values, and
 * turns `load("a, b/c")` into load actions (navigation paths go to the child object).
 */
export abstract class FakeObject<T> {
  _target: T | null | undefined = undefined;
  _loaded = new Map<string, unknown>();
  _synced = false;
  constructor(
    readonly _ctx: FakeContext,
    readonly _class: string,
    private readonly _resolver: () => T | null
  ) {}

  get context(): FakeContext {
    return this._ctx;
  }

  /** The model object; null for a null object. Resolved once, when an action first needs it. */
  _resolve(): T | null {
    if (this._target === undefined) {
      this._target = this._resolver();
      this._generation = this._ctx.model.generation;
    } else if (this._generation !== this._ctx.model.generation) {
      throw new FakeOfficeError("InvalidObjectPath", "The object path isn't working (the workbook changed).");
    }
    return this._target;
  }
  _generation = -1;

  /**
   * The target for a child object (a method's result or a navigation property). On a null object Excel
   * gives null objects down the chain; `model.nullChaining = "refuse"` models a build that fails instead.
   */
  _resolveChild(): T | null {
    const target = this._resolve();
    if (target === null && this._ctx.model.nullChaining === "refuse") {
      throw new FakeOfficeError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format."
      );
    }
    return target;
  }

  /** Resolves now in the queue (object-returning methods: the used range is taken at this point). */
  _resolveInQueue(label: string): void {
    this._ctx.enqueue(label, () => {
      this._resolve();
      this._ctx.stage(() => (this._synced = true), null);
    });
  }

  get isNullObject(): boolean {
    if (!this._synced) throw propertyNotLoaded("isNullObject");
    return this._target === null;
  }

  load(props?: string | string[]): this {
    if (props === undefined || (typeof props !== "string" && !Array.isArray(props))) {
      notImplemented(`${this._class}.load without a property list`);
    }
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    for (const path of list) {
      const [head, ...rest] = path.split("/");
      if (rest.length > 0) {
        const child = this._child(head);
        child.load(rest.join("/"));
        continue;
      }
      if (!this._loadable().includes(head)) notImplemented(`loading ${this._class}.${head}`);
      this._ctx.enqueue(`${this._class}.load`, () => {
        const target = this._resolve();
        const value = target === null ? undefined : this._read(head, target);
        this._ctx.stage(() => {
          this._synced = true;
          if (target !== null) this._loaded.set(head, value);
        }, value);
      });
    }
    if (list.length === 0) {
      this._ctx.enqueue(`${this._class}.load`, () => {
        this._resolve();
        this._ctx.stage(() => (this._synced = true), null);
      });
    }
    return this;
  }

  /** A loaded property's value; throws like Office when it was not loaded and synced. */
  protected _get<V>(name: string): V {
    if (this._synced && this._target === null) {
      throw new Error(`Fake Excel: reading '${name}' of a null object (check isNullObject first)`);
    }
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name) as V;
  }

  /** Queues an assignment; it applies at sync, in order. */
  protected _set(name: string, value: unknown, apply: (target: T) => void): void {
    this._ctx.enqueue(
      `${this._class}.${name}`,
      () => {
        const target = this._resolve();
        if (target === null)
          throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        apply(target);
      },
      value
    );
  }

  abstract _loadable(): string[];
  abstract _read(name: string, target: T): unknown;
  _child(name: string): FakeObject<unknown> {
    notImplemented(`${this._class}.${name} (navigation)`);
  }
}

/**
 * Stages a collection's `load("items/a, items/b")` inside its queued action: each item's properties, then
 * the item list itself on `owner` (RangeCollection and WorksheetCollection share this).
 */
export function stageItems<T>(owner: FakeObject<unknown>, items: FakeObject<T>[], props: string[]): void {
  for (const item of items) {
    const target = item._resolve() as T;
    for (const prop of props) {
      const value = item._read(prop, target);
      owner._ctx.stage(() => {
        item._synced = true;
        item._loaded.set(prop, value);
      }, value);
    }
  }
  owner._ctx.stage(() => {
    owner._synced = true;
    owner._loaded.set("items", items);
  }, null);
}
