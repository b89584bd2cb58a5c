/**
 * The few DOM types the functions that run inside the browser page use. The project compiles
 * for Node without the DOM library (its globals would be in scope everywhere); these functions
 * are passed to the page by playwright-core and run there, so each module that has them
 * declares `document` with these types for itself.
 */
export interface PageElement {
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  readonly innerText: string;
  readonly isConnected: boolean;
}

export interface PageDocument {
  cookie: string;
  readonly body: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
