import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
} from "react";

/**
 * A named export of a module, loaded on first render in a chunk of its own:
 * the first visit downloads only what the default page needs, and views such
 * as the workshop, the tour or the dialogs arrive just after.
 */
export function lazyNamed<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * What shows while a lazy view's chunk loads: its buttons, disabled, so the
 * header keeps its shape and nothing is ever blank. A stand-in takes no click or
 * focus; the real one replaces it as soon as its chunk arrives.
 */
export function Placeholder({ labels }: { labels: string[] }) {
  return (
    <span className="lazy-placeholder" aria-busy="true">
      {labels.map((label) => (
        <button key={label} type="button" disabled title="Loading…">
          {label}
        </button>
      ))}
    </span>
  );
}

/** A lazy view with its loading state. */
export function Deferred({ labels = [], children }: { labels?: string[]; children: ReactNode }) {
  return <Suspense fallback={<Placeholder labels={labels} />}>{children}</Suspense>;
}
