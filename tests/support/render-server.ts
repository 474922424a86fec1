import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/**
 * Renders a server component that may be async (it reads a request-scoped loader such as
 * dateFormat()) to static markup. react-dom cannot render async components itself, so the
 * top one is awaited here; what it returns must be synchronous components.
 */
export async function renderServer<P>(component: (props: P) => ReactNode | Promise<ReactNode>, props: P): Promise<string> {
  return renderToStaticMarkup(createElement(Fragment, null, await component(props)));
}
